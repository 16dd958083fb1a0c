// The only place that reads inputs. Every input is parsed once into a typed Settings object;
// a bad value fails with an error that names the input and the form it expects.
import { InvalidReferenceError, parseReference, type ImageReference } from '../image/reference.js';
import { parsePolicy, type Policy } from '../image/policy.js';
import { compilePaths, environmentOfPaths, type PathMatcher } from '../core/paths.js';
import type { ImageRequest, Mode } from '../core/types.js';

/** Reads one input by its action.yml name (`local-path`), '' when unset. */
export type InputReader = (name: string) => string;

/** Where a promotion reads the versions to promote (the `promote-from*` inputs). */
export interface PromotionSettings {
  readonly patterns: readonly string[];
  readonly paths: PathMatcher;
  /** Another repository (repository per environment); undefined: the target repository (or local-path). */
  readonly repository: { readonly owner: string; readonly repo: string } | undefined;
  /** Branch of the source; undefined: the target branch (same repository) or the source's default branch. */
  readonly branch: string | undefined;
  /** Token for the source: `promote-from-token`, else `token`. */
  readonly token: string;
  /** Bare repositories from `images` that narrow what is promoted; empty: every image found. */
  readonly only: readonly ImageReference[];
  /** Names the source environment in the summary and the promotion branch. */
  readonly environment: string;
  /** Why `environment` is a `paths-<hash>` stand-in (for the log); undefined when it is a name. */
  readonly environmentNote: string | undefined;
}

export type AutoMerge = 'merge' | 'squash' | 'rebase';

/** Pull-request mode details (the `pr-*` and `auto-merge` inputs). */
export interface PullRequestSettings {
  /** Head branch template ({environment}, {images}, {from}); '' for the default, one branch per service and environment. */
  readonly branch: string;
  /** Title and body templates ('' for the defaults); the same placeholders as commit-message. */
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly reviewers: readonly string[];
  readonly teamReviewers: readonly string[];
  readonly assignees: readonly string[];
  readonly draft: boolean;
  readonly autoMerge: AutoMerge | undefined;
}

export interface Settings {
  /** The versions to write; empty until a promotion's source has been read. */
  readonly images: readonly ImageRequest[];
  /** Set when the run promotes versions from another environment instead of taking them from `images`. */
  readonly promotion: PromotionSettings | undefined;
  readonly pathPatterns: readonly string[];
  readonly paths: PathMatcher;
  /** `owner/name` of the GitOps repository (API mode). */
  readonly repository: { readonly owner: string; readonly repo: string } | undefined;
  /** Branch to read and write; undefined: the repository's default branch. */
  readonly branch: string | undefined;
  readonly token: string;
  readonly mode: Mode;
  /** A checkout on disk to edit instead of the API. */
  readonly localPath: string | undefined;
  readonly policy: Policy;
  /**
   * Names the environment in commit messages, summaries and the pull-request branch: the input, else the folder
   * the paths name, else `paths-<hash>` of the paths (never '', so two selections never share a branch).
   */
  readonly environment: string;
  /** Why `environment` is a `paths-<hash>` stand-in (for the log); undefined when it is a name. */
  readonly environmentNote: string | undefined;
  /** Fail (writing nothing) when a requested image matches no reference in the selected files. */
  readonly failOnUnmatched: boolean;
  /** Commit message template; '' for the default. */
  readonly commitMessage: string;
  /** Files larger than this are skipped with a note. */
  readonly maxFileBytes: number;
  readonly pullRequest: PullRequestSettings;
}

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input '${input}': ${message}`);
    this.name = 'InputError';
  }
}

export const DEFAULT_PATHS = '**/*.{yaml,yml}';
const MODES: readonly Mode[] = ['commit', 'pull-request', 'dry-run'];
const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Splits a list input: one item per line or comma-separated, blank items and `#` comment lines dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Splits a glob list: one per line or comma-separated, blank items and `#` comment lines dropped. A comma inside
 * braces or brackets belongs to the glob (`**\/*.{yaml,yml}` is one glob).
 */
export function splitGlobs(value: string): string[] {
  const globs: string[] = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue;
    let braces = 0;
    let bracket = false;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '[' && !bracket) bracket = true;
      else if (c === ']' && bracket) bracket = false;
      else if (!bracket && c === '{') braces++;
      else if (!bracket && c === '}' && braces > 0) braces--;
      else if (c === ',' && braces === 0 && !bracket) {
        globs.push(line.slice(start, i));
        start = i + 1;
      }
    }
    globs.push(line.slice(start));
  }
  return globs.map((glob) => glob.trim()).filter((glob) => glob !== '');
}

export function parseImages(value: string, input = 'images'): ImageRequest[] {
  const requests: ImageRequest[] = [];
  for (const item of splitList(value)) {
    let ref: ImageReference;
    try {
      ref = parseReference(item);
    } catch (error) {
      if (error instanceof InvalidReferenceError) {
        throw new InputError(input, `'${printable(item)}' is not a valid image reference: ${error.reason}.`);
      }
      throw error;
    }
    if (ref.tag === undefined && ref.digest === undefined) {
      throw new InputError(
        input,
        `'${item}' has no tag or digest: write the version to deploy, e.g. '${ref.name}:1.4.2' or '${ref.name}@sha256:<64 hex>'.`,
      );
    }
    const same = requests.find((r) => r.ref.repository === ref.repository);
    if (same) {
      if (same.ref.tag === ref.tag && same.ref.digest === ref.digest) continue;
      throw new InputError(input, `'${same.input}' and '${item}' ask for two versions of one image.`);
    }
    requests.push({ input: item, ref });
  }
  return requests;
}

/** Shows control characters in an echoed value instead of letting them reach the log. */
function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function parseMode(value: string): Mode {
  const mode = (value.trim() || 'commit') as Mode;
  if (!MODES.includes(mode)) throw new InputError('mode', `'${value}' is not one of ${MODES.join(', ')}.`);
  return mode;
}

function parseRepository(value: string, input = 'repository'): Settings['repository'] {
  const text = value.trim();
  if (text === '') return undefined;
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text);
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new InputError(input, `'${printable(text)}' is not of the form owner/name.`);
  }
  return { owner: match[1]!, repo: match[2]! };
}

function parseBranch(value: string, input = 'branch'): string | undefined {
  const branch = value.trim().replace(/^refs\/heads\//, '');
  if (branch === '') return undefined;
  // git check-ref-format rules, as far as a branch name needs them.
  const bad =
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$|^\.|\/\.|\.lock$|\.lock\/|^@$/.test(branch);
  if (bad) throw new InputError(input, `'${printable(branch)}' is not a valid branch name.`);
  return branch;
}

function parseSize(value: string, input: string, fallback: number): number {
  const text = value.trim();
  if (text === '') return fallback;
  const match = /^(\d+)\s*(k|ki|kib|kb|m|mi|mib|mb)?$/i.exec(text);
  if (!match) throw new InputError(input, `'${text}' is not a size (bytes, or a number followed by KiB or MiB).`);
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Number(match[1]) * factor;
}

/**
 * The environment name: the input, else the last plain folder every include glob names (`apps/*\/overlays/prod/**`
 * → `prod`), else `paths-<hash>` of the globs with a note saying why (see `environmentOfPaths`).
 */
function deriveEnvironment(value: string, paths: PathMatcher, input: string): { name: string; note: string | undefined } {
  const given = value.trim();
  if (given !== '') return { name: given, note: undefined };
  const derived = environmentOfPaths(paths);
  if (derived.named) return { name: derived.name, note: undefined };
  return { name: derived.name, note: `${input}: ${derived.why}, so ${derived.name} (a hash of the globs) stands for the environment; set '${input === 'paths' ? 'environment' : 'promote-from-environment'}' to name it.` };
}

/** `images` under a promotion: bare repositories that narrow what is promoted. */
function parseOnly(value: string): ImageReference[] {
  return splitList(value).map((item) => {
    let ref: ImageReference;
    try {
      ref = parseReference(item);
    } catch (error) {
      if (error instanceof InvalidReferenceError) {
        throw new InputError('images', `'${printable(item)}' is not a valid image repository: ${error.reason}.`);
      }
      throw error;
    }
    if (ref.tag !== undefined || ref.digest !== undefined) {
      throw new InputError(
        'images',
        `'${item}': with promote-from, images lists bare repositories to promote (e.g. '${ref.name}'); the versions come from the source.`,
      );
    }
    return ref;
  });
}

function readPromotion(read: InputReader, target: Settings['repository'], token: string): PromotionSettings | undefined {
  const patterns = splitGlobs(read('promote-from'));
  const repository = parseRepository(read('promote-from-repository'), 'promote-from-repository');
  const branch = parseBranch(read('promote-from-branch'), 'promote-from-branch');
  if (patterns.length === 0) {
    if (repository || branch) {
      throw new InputError('promote-from', 'is required with promote-from-repository or promote-from-branch: the globs of the source files.');
    }
    return undefined;
  }
  const paths = wrap('promote-from', () => compilePaths(patterns, 'promote-from'));
  const sourceToken = read('promote-from-token').trim() || token;
  if (repository && sourceToken === '') {
    throw new InputError('promote-from-token', `is empty: reading ${repository.owner}/${repository.repo} needs a token (or set token).`);
  }
  const sameRepo = !repository || (target && repository.owner === target.owner && repository.repo === target.repo);
  const derived = deriveEnvironment('', paths, 'promote-from');
  const given = read('promote-from-environment').trim();
  // Repository per environment: the repository names the environment; folder per environment: the folder
  // (else the source branch, else the globs' hash).
  const named = !sameRepo && repository ? repository.repo : derived.note === undefined ? derived.name : branch;
  return {
    patterns,
    paths,
    repository: sameRepo ? undefined : repository,
    branch,
    token: sourceToken,
    only: parseOnly(read('images')),
    environment: given || named || derived.name,
    environmentNote: given || named ? undefined : derived.note,
  };
}

function parseBoolean(value: string, input: string): boolean {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw new InputError(input, `'${printable(value)}' is not true or false.`);
}

function parseAutoMerge(value: string): AutoMerge | undefined {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false' || text === 'off') return undefined;
  if (text === 'merge' || text === 'squash' || text === 'rebase') return text;
  throw new InputError('auto-merge', `'${printable(value)}' is not one of merge, squash, rebase (or empty for none).`);
}

/** A list of GitHub logins, team slugs or label names: no blanks or control characters inside an item. */
function parseNames(value: string, input: string, pattern: RegExp, what: string): string[] {
  const items = splitList(value).map((item) => item.replace(/^@/, ''));
  for (const item of items) {
    if (!pattern.test(item)) throw new InputError(input, `'${printable(item)}' is not ${what}.`);
  }
  return [...new Set(items)];
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
const TEAM = /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9._-]{1,100}$/;
// eslint-disable-next-line no-control-regex
const LABEL = /^[^\u0000-\u001f\u007f,]{1,50}$/;

function readPullRequest(read: InputReader): PullRequestSettings {
  return {
    branch: read('pr-branch').trim(),
    title: read('pr-title'),
    body: read('pr-body'),
    labels: parseNames(read('pr-labels'), 'pr-labels', LABEL, 'a label name (at most 50 characters)'),
    reviewers: parseNames(read('pr-reviewers'), 'pr-reviewers', LOGIN, 'a GitHub login'),
    teamReviewers: parseNames(read('pr-team-reviewers'), 'pr-team-reviewers', TEAM, "a team slug ('team' or 'org/team')"),
    assignees: parseNames(read('pr-assignees'), 'pr-assignees', LOGIN, 'a GitHub login'),
    draft: parseBoolean(read('pr-draft'), 'pr-draft'),
    autoMerge: parseAutoMerge(read('auto-merge')),
  };
}

function wrap<T>(input: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // The parsers name the input themselves (`Input 'paths' has …`, `policy: …`): keep one prefix, InputError's.
    throw new InputError(input, message.replace(new RegExp(`^(?:Input '${input}'(?::| has)|${input}:)\\s*`), ''));
  }
}

/** Reads and validates every input. `env` supplies the runner's defaults (GITHUB_REPOSITORY). */
export function readSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const promoting = splitGlobs(read('promote-from')).length > 0;
  const images = promoting ? [] : parseImages(read('images'));
  if (!promoting && images.length === 0) {
    throw new InputError('images', 'is required: the image references to write, e.g. ghcr.io/acme/api:1.4.2 (or give promote-from).');
  }
  const pathPatterns = splitGlobs(read('paths') || DEFAULT_PATHS);
  const paths = wrap('paths', () => compilePaths(pathPatterns));
  const localPath = read('local-path').trim() || undefined;
  const repository = parseRepository(read('repository') || (localPath ? '' : (env.GITHUB_REPOSITORY ?? '')));
  const token = read('token').trim();
  const mode = parseMode(read('mode'));
  if (!localPath) {
    if (!repository) {
      throw new InputError('repository', 'is required outside GitHub Actions (owner/name), or give local-path to edit a checkout.');
    }
    if (token === '') {
      throw new InputError('token', 'is empty: pass ${{ github.token }}, a GitHub App token or a PAT (or give local-path).');
    }
  }
  if (localPath && mode === 'pull-request') {
    throw new InputError('mode', "'pull-request' goes through the GitHub API: remove local-path, or use mode commit or dry-run.");
  }
  const environment = deriveEnvironment(read('environment'), paths, 'paths');
  return {
    images,
    promotion: readPromotion(read, repository, token),
    pathPatterns,
    paths,
    repository,
    branch: parseBranch(read('branch')),
    token,
    mode,
    localPath,
    policy: wrap('policy', () => parsePolicy(read('policy'), 'policy')),
    environment: environment.name,
    environmentNote: environment.note,
    failOnUnmatched: parseBoolean(read('fail-on-unmatched'), 'fail-on-unmatched'),
    commitMessage: read('commit-message'),
    maxFileBytes: parseSize(read('max-file-size'), 'max-file-size', DEFAULT_MAX_FILE_BYTES),
    pullRequest: readPullRequest(read),
  };
}

/** Every input the action reads, with the default action.yml declares (a test keeps the two in step). */
export const INPUTS: Readonly<Record<string, { readonly default?: string; readonly description: string }>> = {
  images: { description: 'Image references to write, one per line or comma-separated (ghcr.io/acme/api:1.4.2, …@sha256:…).' },
  paths: { default: DEFAULT_PATHS, description: "Globs of the files to edit, one per line or comma-separated, '!' to exclude, relative to the repository root; a folder selects the files under it." },
  repository: { default: '${{ github.repository }}', description: 'owner/name of the GitOps repository.' },
  branch: { description: "Branch to read and write; default: the repository's default branch." },
  token: { default: '${{ github.token }}', description: 'Token for the GitHub API (GITHUB_TOKEN, a GitHub App token or a PAT).' },
  mode: { default: 'commit', description: 'commit, pull-request or dry-run.' },
  'local-path': { description: 'Edit a checkout on disk instead of going through the API.' },
  policy: { default: 'newer', description: 'newer (never move a version tag backwards), any, or a semver range such as ~1.4.' },
  environment: { description: 'Names the environment in messages, summaries and the PR branch; default: the last folder the paths name, else paths-<hash>.' },
  'commit-message': { description: 'Commit message template: {summary}, {environment}, {changes}, {repository}, {branch}, {count}.' },
  'max-file-size': { default: '1MiB', description: 'Files larger than this are skipped with a note.' },
  'fail-on-unmatched': { default: 'false', description: 'Fail (writing nothing) when a requested image matches no reference in the selected files.' },
  'pr-branch': { description: 'Pull-request head branch template ({environment}, {images}, {from}); default gitops-bump/<environment>/<images>.' },
  'pr-title': { description: 'Pull-request title template (placeholders as commit-message).' },
  'pr-body': { description: 'Pull-request body template (placeholders as commit-message); default: a table of the changes.' },
  'pr-labels': { description: 'Labels for the pull request, comma- or newline-separated.' },
  'pr-reviewers': { description: 'Reviewers (GitHub logins).' },
  'pr-team-reviewers': { description: 'Team reviewers (team slugs).' },
  'pr-assignees': { description: 'Assignees (GitHub logins).' },
  'pr-draft': { default: 'false', description: 'Open the pull request as a draft.' },
  'auto-merge': { description: 'Enable auto-merge with this method: merge, squash or rebase (where the repository allows it).' },
  'promote-from': { description: 'Globs of the source environment\'s files: every image version found there is written into paths.' },
  'promote-from-repository': { description: 'owner/name of the source repository (repository per environment); default: the target.' },
  'promote-from-branch': { description: 'Branch of the source; default: the target branch, or the source repository\'s default branch.' },
  'promote-from-token': { description: 'Token to read the source repository when it needs another credential; default: token.' },
  'promote-from-environment': { description: 'Names the source environment in the summary; default: the last folder promote-from names.' },
};
