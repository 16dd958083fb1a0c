// The `environments` input: the environments in promotion order, each a folder of the repository (globs) or a
// repository of its own. `mode: report` reads every one of them; a promotion resolves `promote-from-environment`
// and `environment` through it (see resolveEnvironments).
import { compilePaths, type PathMatcher } from '../core/paths.js';
import { asInput, InputError } from './errors.js';
import { DEFAULT_PATHS } from './inputs.js';
import { parseBranch, parseRepository, splitGlobs } from './parse.js';
import type { Environment, InputReader } from './types.js';

export type { Environment } from './types.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** `owner/name`, then optionally `@branch`, then optionally `:globs` (a branch name never holds a colon). */
const REPOSITORY = /^([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+)(?:@([^:\s]+))?(?::(.*))?$/;
const GLOB_CHARACTERS = /[*?[\]{}!]/;

/**
 * Parses `environments`: one `name: value` per line (blank lines and `#` comments skipped), in promotion order.
 * The value is either globs, comma-separated (`dev: apps/dev/**, clusters/dev`), or `owner/name[@branch][:globs]`.
 * `owner/name` alone would read as both a folder and a repository: written that way it is refused, asking for
 * `apps/prod/` (the folder) or `acme/prod:` (the repository, every YAML file).
 */
export function parseEnvironments(value: string, input = 'environments'): Environment[] {
  const environments: Environment[] = [];
  const lines = value.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '' || text.startsWith('#')) continue;
    const line = i + 1;
    const at = `line ${line} ('${text.length > 80 ? `${text.slice(0, 77)}…` : text}')`;
    const colon = text.indexOf(':');
    const name = colon < 0 ? '' : text.slice(0, colon).trim();
    const rest = colon < 0 ? '' : text.slice(colon + 1).trim();
    if (!NAME.test(name) || rest === '') {
      throw new InputError(input, `${at} is not 'name: globs' or 'name: owner/repo[@branch][:globs]'.`);
    }
    if (environments.some((e) => e.name === name)) throw new InputError(input, `${at} names '${name}' a second time.`);
    environments.push({ name, line, ...parseValue(rest, input, at) });
  }
  return environments;
}

function parseValue(rest: string, input: string, at: string): Omit<Environment, 'name' | 'line'> {
  const repo = GLOB_CHARACTERS.test(rest.split(':')[0]!) ? null : REPOSITORY.exec(rest);
  if (repo && (repo[2] !== undefined || repo[3] !== undefined)) {
    const repository = asInput(input, () => parseRepository(repo[1]!, input))!;
    const branch = repo[2] === undefined ? undefined : parseBranch(repo[2], input);
    const patterns = splitGlobs(repo[3]?.trim() || DEFAULT_PATHS);
    return { repository, branch, patterns, paths: globs(patterns, input, at) };
  }
  if (repo) {
    throw new InputError(
      input,
      `${at}: '${rest}' could be a folder or a repository: write '${rest}/' for the folder, '${rest}:' for the repository (or '${rest}:<globs>').`,
    );
  }
  const patterns = splitGlobs(rest);
  return { repository: undefined, branch: undefined, patterns, paths: globs(patterns, input, at) };
}

function globs(patterns: readonly string[], input: string, at: string): PathMatcher {
  if (patterns.length === 0) throw new InputError(input, `${at} lists no globs.`);
  return asInput(input, () => compilePaths(patterns, input), (reason) => `${at}: ${reason}`);
}

/** The environment called `name`, or an error naming the input that asked for it and the names there are. */
export function environmentNamed(environments: readonly Environment[], name: string, input: string): Environment {
  const found = environments.find((e) => e.name === name);
  if (found) return found;
  throw new InputError(input, `'${name}' is not in environments (${environments.map((e) => e.name).join(', ')}).`);
}

/**
 * A promotion through `environments`: with `promote-from-environment` set, the reader answers `promote-from` (and
 * `promote-from-repository`, `promote-from-branch`) from the source environment's line, and `paths` (`repository`,
 * `branch` for a repository per environment) from the `environment` line. An input given explicitly wins when it
 * says the same; one that says something else fails naming both inputs. `paths` at its default and `repository`
 * equal to the workflow's own (`workflowRepository`) count as not given: the runner fills them in.
 */
export function resolveEnvironments(read: InputReader, workflowRepository: string | undefined): InputReader {
  const declared = read('environments');
  const from = read('promote-from-environment').trim();
  if (declared.trim() === '' || from === '' || read('mode').trim() === 'report') return read;
  const environments = parseEnvironments(declared);
  const derived = new Map<string, string>();
  const source = environmentNamed(environments, from, 'promote-from-environment');
  derived.set('promote-from', source.patterns.join('\n'));
  if (source.repository) derived.set('promote-from-repository', `${source.repository.owner}/${source.repository.repo}`);
  if (source.branch) derived.set('promote-from-branch', source.branch);
  const to = read('environment').trim();
  if (to !== '') {
    const target = environmentNamed(environments, to, 'environment');
    derived.set('paths', target.patterns.join('\n'));
    if (target.repository) derived.set('repository', `${target.repository.owner}/${target.repository.repo}`);
    if (target.branch) derived.set('branch', target.branch);
  }
  const unset = (name: string, given: string): boolean =>
    given.trim() === '' || (name === 'paths' && given.trim() === DEFAULT_PATHS) || (name === 'repository' && given.trim() === (workflowRepository ?? '').trim());
  for (const [name, value] of derived) {
    const given = read(name);
    if (unset(name, given) || same(name, given, value)) continue;
    const which = name.startsWith('promote-from') ? `promote-from-environment '${from}'` : `environment '${to}'`;
    throw new InputError(name, `'${given.trim()}' conflicts with ${which} (environments line ${(name.startsWith('promote-from') ? source : environmentNamed(environments, to, 'environment')).line}: ${value.replace(/\n/g, ', ')}): remove one of the two.`);
  }
  return (name) => {
    const value = derived.get(name);
    return value !== undefined && unset(name, read(name)) ? value : read(name);
  };
}

function same(name: string, given: string, value: string): boolean {
  if (name === 'promote-from' || name === 'paths') return splitGlobs(given).join('\n') === splitGlobs(value).join('\n');
  return given.trim().toLowerCase() === value.trim().toLowerCase();
}
