// The `paths` input: minimatch globs relative to the repository root, `!` to exclude.
import { Minimatch } from 'minimatch';

export interface PathMatcher {
  /** True when a repository-relative path (forward slashes, no leading `./`) is selected. */
  matches(path: string): boolean;
  /**
   * The folders every selected path must lie under: for `apps/prod/**\/*.yaml` that is `apps/prod`,
   * for `**\/*.yaml` it is `` (the whole tree). Lets a source list only the folders that can match.
   */
  readonly prefixes: readonly string[];
  /** Patterns without any glob magic: exact file paths, readable without listing the tree. */
  readonly literals: readonly string[] | undefined;
}

const options = { dot: true, nocomment: true, nonegate: true } as const;

/** Compiles the `paths` globs. Throws an Error naming the input for a pattern that escapes the root. */
export function compilePaths(patterns: readonly string[], input = 'paths'): PathMatcher {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = normalisePattern(negated ? raw.slice(1) : raw, input);
    (negated ? exclude : include).push(pattern);
  }
  if (include.length === 0) throw new Error(`Input '${input}' selects nothing: give at least one glob that is not a '!' exclusion.`);
  const literal = include.every((p) => !hasMagic(p));
  const includes = include.map((p) => new Minimatch(p, options));
  const excludes = exclude.map((p) => new Minimatch(p, options));
  const matches = (path: string): boolean => includes.some((m) => m.match(path)) && !excludes.some((m) => m.match(path));
  return {
    matches,
    prefixes: dedupePrefixes(include.map(staticPrefix)),
    literals: literal ? include.filter((p) => !excludes.some((m) => m.match(p))) : undefined,
  };
}

function normalisePattern(pattern: string, input: string): string {
  let p = pattern.trim().replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:\//.test(p)) {
    throw new Error(`Input '${input}' has '${pattern}': globs are relative to the repository root (no leading '/').`);
  }
  if (p.split('/').some((segment) => segment === '..')) {
    throw new Error(`Input '${input}' has '${pattern}': '..' would leave the repository.`);
  }
  return p;
}

function hasMagic(pattern: string): boolean {
  return /[*?[\]{}()!+@]/.test(pattern);
}

function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (hasMagic(segment)) break;
    fixed.push(segment);
  }
  if (!hasMagic(pattern)) return segments.slice(0, -1).join('/');
  return fixed.join('/');
}

function dedupePrefixes(prefixes: string[]): string[] {
  const sorted = [...new Set(prefixes)].sort();
  if (sorted.includes('')) return [''];
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(`${q}/`)));
}
