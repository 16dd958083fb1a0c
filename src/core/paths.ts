// The `paths` input: minimatch globs relative to the repository root, `!` to exclude.
import { createHash } from 'node:crypto';
import { GLOBSTAR, Minimatch } from 'minimatch';

export interface PathMatcher {
  /** True when a repository-relative path (forward slashes, no leading `./`) is selected. */
  matches(path: string): boolean;
  /**
   * Where every selected path lies: for `apps/prod/**\/*.yaml` that is the folder `apps/prod`, for `**\/*.yaml`
   * it is `` (the whole tree), for a pattern without glob magic (`apps/dev`, `envs/prod/values.yaml`) the path
   * itself, which may be a file or a folder. Lets a source list only what can match.
   */
  readonly prefixes: readonly string[];
  /**
   * Set when every include is a path without glob magic that names a YAML file (`envs/prod/values.yaml`): the
   * paths to read directly, without listing the tree. A source that finds a folder there lists it instead.
   */
  readonly literals: readonly string[] | undefined;
  /** The globs as normalised: includes, and excludes without their `!`. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /**
   * The normalised pattern lists (excludes with their `!`) the matcher was compiled from: one for
   * {@link compilePaths}, one per matcher joined by {@link unionPaths}. Plain data: {@link matcherOf} compiles the
   * same matcher from them on another thread (the local reader threads, local/readers.ts).
   */
  readonly sources: readonly (readonly string[])[];
}

const options = { dot: true, nocomment: true, nonegate: true } as const;

/** Globs an input cannot use: `reason` says why (`'../x': '..' would leave the repository.`), `input` names the input. */
export class PathsError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`Input '${input}': ${reason}`);
    this.name = 'PathsError';
  }
}

/** Compiles the `paths` globs. Throws a PathsError for a pattern that escapes the root, or globs that select nothing. */
export function compilePaths(patterns: readonly string[], input = 'paths'): PathMatcher {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = normalisePattern(negated ? raw.slice(1) : raw, input);
    (negated ? exclude : include).push(pattern);
  }
  if (include.length === 0) throw new PathsError(input, "selects nothing: give at least one glob that is not a '!' exclusion.");
  const includes = include.flatMap(expand).map((p) => new Minimatch(p, options));
  const excludes = exclude.flatMap(expand).map((p) => new Minimatch(p, options));
  const matches = (path: string): boolean => includes.some((m) => m.match(path)) && !excludes.some((m) => m.match(path));
  const literal = include.every((p) => !hasMagic(p) && looksLikeFile(lastSegment(p)));
  return {
    matches,
    prefixes: dedupePrefixes(include.map(staticPrefix)),
    literals: literal ? [...new Set(include)].filter((p) => !excludes.some((m) => m.match(p))) : undefined,
    include,
    exclude,
    sources: [[...include, ...exclude.map((p) => `!${p}`)]],
  };
}

/** The matcher `sources` (a {@link PathMatcher}'s own) were compiled into. */
export function matcherOf(sources: readonly (readonly string[])[]): PathMatcher {
  const matchers = sources.map((patterns) => compilePaths(patterns));
  return matchers.length === 1 ? matchers[0]! : unionPaths(matchers);
}

/**
 * Trims, turns `\` into `/`, drops a leading `./`, and turns a trailing `/` into `/**` (`apps/dev/` selects the
 * files under apps/dev). Throws a PathsError for a pattern that would leave the repository.
 */
export function normalisePattern(pattern: string, input: string): string {
  let p = pattern.trim().replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:\//.test(p)) {
    throw new PathsError(input, `'${pattern}': globs are relative to the repository root (no leading '/').`);
  }
  if (p.split('/').some((segment) => segment === '..')) {
    throw new PathsError(input, `'${pattern}': '..' would leave the repository.`);
  }
  if (p.endsWith('/')) p = `${p.replace(/\/+$/, '')}/**`;
  return p;
}

/**
 * A pattern whose last segment is a plain name (no wildcard) selects that path and everything under it, so a
 * folder works as written: `apps/dev` is `apps/dev` and `apps/dev/**`; `apps/*\/overlays/prod` likewise.
 */
function expand(pattern: string): string[] {
  const last = lastSegment(pattern);
  return last === '**' || hasMagic(last) ? [pattern] : [pattern, `${pattern}/**`];
}

function lastSegment(pattern: string): string {
  return pattern.slice(pattern.lastIndexOf('/') + 1);
}

function hasMagic(pattern: string): boolean {
  return /[*?[\]{}()!+@]/.test(pattern);
}

/** A plain last segment names a file when it ends in .yaml or .yml (or is kustomize's `Kustomization`); else a folder. */
function looksLikeFile(segment: string): boolean {
  return /\.ya?ml$/i.test(segment) || segment === 'Kustomization';
}

function staticPrefix(pattern: string): string {
  // Without magic, the pattern is a file or a folder: either way every selected path is it or lies under it.
  if (!hasMagic(pattern)) return pattern;
  const fixed: string[] = [];
  for (const segment of pattern.split('/').slice(0, -1)) {
    if (hasMagic(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}

/**
 * What the includes can select under `root` (one of a matcher's `prefixes`): `maxDepth`, the deepest level below
 * it where a selected path can lie (1: directly in it; Infinity with `**` or a folder named as written), and
 * `confined`: every include under `root` is `root` itself, or `root/` then only wildcard folders (`*`, `**`)
 * then one last segment (`apps/prod/**`, `apps/prod/**\/*.yaml`, `apps/prod/*\/values.yaml`), and `root` names
 * a folder (at the repository root, only `*.yaml`: the root's own files). A listing of a confined root holds
 * little besides what is selected; not so under `**\/*.yaml`, `apps/*\/overlays/prod/**` or
 * `apps/**\/prod/*.yaml`, where other folders' files (other environments, source code) come along.
 */
export function reachUnder(include: readonly string[], root: string): { readonly maxDepth: number; readonly confined: boolean } {
  const rootDepth = root === '' ? 0 : root.split('/').length;
  let maxDepth = 0;
  let confined = true;
  for (const pattern of include) {
    const prefix = staticPrefix(pattern);
    if (root !== '' && prefix !== root && !prefix.startsWith(`${root}/`)) continue;
    // A file name as written (`…/kustomization.yaml`) also selects what a folder of that name holds: a corner
    // that needs listing, not texts.
    const asFolder = looksLikeFile(lastSegment(pattern)) ? `${pattern}/**` : undefined;
    for (const expanded of expand(pattern)) {
      for (const parts of new Minimatch(expanded, options).set) {
        const rest = parts.slice(rootDepth);
        const unbounded = rest.includes(GLOBSTAR);
        maxDepth = Math.max(maxDepth, unbounded ? Infinity : rest.length);
        // No folder named after a wildcard (other folders' files would come along); under the root, one level only.
        const wildFolders = rest.slice(0, -1).every((part) => typeof part !== 'string');
        if (expanded !== asFolder && (!wildFolders || (root === '' && rest.length > 1))) confined = false;
      }
    }
  }
  return { maxDepth, confined };
}

function dedupePrefixes(prefixes: string[]): string[] {
  const sorted = [...new Set(prefixes)].sort(comparePaths);
  if (sorted.includes('')) return [''];
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(`${q}/`)));
}

/**
 * The environment one glob names: its last plain folder name, skipping `**`, segments with glob magic and the
 * file name of a file path (`apps/*\/overlays/staging/**` → `staging`, `envs/prod/values.yaml` → `prod`,
 * `clusters/eu-1/prod/**` → `prod`, `apps/dev` → `dev`). Undefined when it names none (`**\/*.yaml`).
 */
export function environmentOfGlob(pattern: string): string | undefined {
  const segments = pattern.split('/');
  const last = segments[segments.length - 1]!;
  if (last === '**' || hasMagic(last) || looksLikeFile(last)) segments.pop();
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (segment !== '' && segment !== '.' && segment !== '**' && !hasMagic(segment)) return segment;
  }
  return undefined;
}

/**
 * `paths-<8 hex>`: the first 8 hex digits of the SHA-256 of the normalised globs (excludes with their `!`),
 * deduplicated, sorted by code unit and joined with newlines. Stable across runs and releases, so a selection
 * without an environment name keeps its pull-request branch, and two different selections never share one.
 */
export function pathsKey(paths: Pick<PathMatcher, 'include' | 'exclude'>): string {
  const globs = [...new Set([...paths.include, ...paths.exclude.map((p) => `!${p}`)])].sort(comparePaths);
  return `paths-${createHash('sha256').update(globs.join('\n')).digest('hex').slice(0, 8)}`;
}

/** The environment a selection names, or why it names none (`paths-<hash>` then stands for it). */
export function environmentOfPaths(paths: Pick<PathMatcher, 'include' | 'exclude'>): { readonly name: string; readonly named: boolean; readonly why?: string } {
  const names = paths.include.map(environmentOfGlob);
  const distinct = [...new Set(names.filter((n): n is string => n !== undefined))];
  if (distinct.length === 1 && names.every((n) => n !== undefined)) return { name: distinct[0]!, named: true };
  const key = pathsKey(paths);
  const why =
    distinct.length > 1
      ? `the globs name different folders (${distinct.join(', ')})`
      : distinct.length === 1
        ? `not every glob names a folder (${paths.include.filter((_, i) => names[i] === undefined).join(', ')} names none)`
        : 'the globs name no folder';
  return { name: key, named: false, why };
}

/** Code-unit order, as git sorts paths, whatever the machine's locale: the one order of every list of paths. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** {@link comparePaths} on the `path` of two entries (files, skipped paths). */
export function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return comparePaths(a.path, b.path);
}

/**
 * One matcher selecting what any of `matchers` selects (environments of one repository read in one snapshot). Each
 * matcher keeps its own excludes in `matches`; `include` (every include, for how deep a listing must go) and
 * `prefixes` are joined, `literals` only when every matcher has them.
 */
export function unionPaths(matchers: readonly PathMatcher[]): PathMatcher {
  const literals = matchers.every((m) => m.literals !== undefined) ? [...new Set(matchers.flatMap((m) => m.literals ?? []))] : undefined;
  return {
    matches: (path) => matchers.some((m) => m.matches(path)),
    // Nested prefixes dropped (`envs` and `envs/prod`): a folder listed twice would give its files twice.
    prefixes: dedupePrefixes(matchers.flatMap((m) => m.prefixes)),
    literals,
    include: [...new Set(matchers.flatMap((m) => m.include))],
    exclude: [],
    sources: matchers.flatMap((m) => m.sources),
  };
}
