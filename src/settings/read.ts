// The only place that reads inputs. Every input is read once into a typed Settings object; a bad value fails
// with an InputError that names the input and the form it expects.
import { parsePolicy } from '../image/policy.js';
import { compilePaths, environmentOfPaths, type PathMatcher } from '../core/paths.js';
import { asInput, InputError } from './errors.js';
import { DEFAULT_PATHS } from './inputs.js';
import { readGates, readNow } from './gates.js';
import { readProvenance } from './provenance.js';
import { parseAutoMerge, parseBoolean, parseBranch, parseCharts, parseChartsOnly, parseDuration, parseImages, parseMode, parseNames, parseOnly, parseRepository, parseSize, parseSummaryDiff, splitGlobs } from './parse.js';
import type { SummaryDiff } from '../core/types.js';
import { parseEnvironments } from './environments.js';
import type { InputReader, PromotionSettings, PullRequestSettings, ReportSettings, Repository, Settings } from './types.js';

const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** `race-timeout`: long enough for 50 runs bumping one file at once at GitHub's latency (README "Contention"). */
const DEFAULT_RACE_TIMEOUT_MS = 15 * 60 * 1000;

/** Reads and validates every input. `env` supplies the runner's defaults (GITHUB_REPOSITORY). */
export function readSettings(read: InputReader, env: NodeJS.ProcessEnv): Settings {
  const promoting = splitGlobs(read('promote-from')).length > 0;
  const images = promoting ? [] : parseImages(read('images'));
  const charts = promoting ? [] : parseCharts(read('charts'));
  if (!promoting && images.length === 0 && charts.length === 0) {
    throw new InputError(
      'images',
      "is required, or 'charts' (or both): the image references to write (ghcr.io/acme/api:1.4.2), the chart versions (oci://ghcr.io/acme/charts/api:1.4.2); or give promote-from.",
    );
  }
  const pathPatterns = splitGlobs(read('paths') || DEFAULT_PATHS);
  const paths = asInput('paths', () => compilePaths(pathPatterns));
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
    charts,
    chartAppVersion: parseBoolean(read('chart-app-version'), 'chart-app-version'),
    promotion: readPromotion(read, repository, token),
    pathPatterns,
    paths,
    repository,
    branch: parseBranch(read('branch')),
    token,
    mode,
    localPath,
    policy: asInput('policy', () => parsePolicy(read('policy'), 'policy')),
    environment: environment.name,
    environmentNote: environment.note,
    failOnUnmatched: parseBoolean(read('fail-on-unmatched'), 'fail-on-unmatched'),
    failOnRefused: parseBoolean(read('fail-on-refused'), 'fail-on-refused'),
    gates: readGates(read, promoting),
    now: readNow(env),
    commitMessage: read('commit-message'),
    maxFileBytes: parseSize(read('max-file-size'), 'max-file-size', DEFAULT_MAX_FILE_BYTES),
    raceTimeoutMs: parseDuration(read('race-timeout'), 'race-timeout', DEFAULT_RACE_TIMEOUT_MS),
    summaryDiff: summaryDiff(parseSummaryDiff(read('summary-diff')), repository, env.GITHUB_REPOSITORY),
    pullRequest: readPullRequest(read),
    provenance: readProvenance(read, env, token),
  };
}

/** `mode: report` (or the CLI's `report` command): no other input decides which kind of run this is. */
export function isReport(read: InputReader): boolean {
  return read('mode').trim() === 'report';
}

/** The settings of `mode: report`: the environments, and where folder environments and tokens come from. */
export function readReportSettings(read: InputReader, env: NodeJS.ProcessEnv): ReportSettings {
  const environments = parseEnvironments(read('environments'));
  if (environments.length === 0) {
    throw new InputError('environments', "is required with mode 'report': one 'name: globs' or 'name: owner/repo[@branch][:globs]' per line, in promotion order.");
  }
  const localPath = read('local-path').trim() || undefined;
  const folders = environments.some((e) => e.repository === undefined);
  const repository = parseRepository(read('repository') || (localPath ? '' : (env.GITHUB_REPOSITORY ?? '')));
  const token = read('token').trim();
  if (folders && !localPath && !repository) {
    throw new InputError('repository', 'is required outside GitHub Actions for folder environments (owner/name), or give local-path.');
  }
  const throughApi = environments.some((e) => e.repository !== undefined) || (folders && !localPath);
  if (throughApi && token === '') {
    throw new InputError('token', 'is empty: reading environments through the GitHub API needs a token (or give local-path for folder environments).');
  }
  return {
    environments,
    localPath,
    repository,
    branch: parseBranch(read('branch')),
    token,
    maxFileBytes: parseSize(read('max-file-size'), 'max-file-size', DEFAULT_MAX_FILE_BYTES),
    now: readNow(env),
    summaryDiff: reportSummaryDiff(parseSummaryDiff(read('summary-diff')), [...(folders ? [repository] : []), ...environments.map((e) => e.repository).filter((r) => r !== undefined)], env.GITHUB_REPOSITORY),
  };
}

/** `auto` for a report: `full` (hold reasons shown) only when every repository read is the workflow's own. */
function reportSummaryDiff(choice: SummaryDiff | 'auto', read: readonly (Repository | undefined)[], workflowRepository: string | undefined): SummaryDiff {
  if (choice !== 'auto') return choice;
  return read.every((target) => summaryDiff('auto', target, workflowRepository) === 'full') ? 'full' : 'changes';
}

/**
 * `summary-diff: auto` resolved. A public repository's job summary is public: the context lines of another
 * repository's files (a private GitOps repository) stay out of it. The target is the `repository` input
 * (default: the workflow's own repository), compared with GITHUB_REPOSITORY case-insensitively; a checkout at
 * `local-path` with no repository named counts as the workflow's own. Outside a runner (no GITHUB_REPOSITORY),
 * any named repository counts as another.
 */
export function summaryDiff(choice: SummaryDiff | 'auto', target: Repository | undefined, workflowRepository: string | undefined): SummaryDiff {
  if (choice !== 'auto') return choice;
  if (target === undefined) return 'full';
  const own = workflowRepository !== undefined && `${target.owner}/${target.repo}`.toLowerCase() === workflowRepository.trim().toLowerCase();
  return own ? 'full' : 'changes';
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

function readPromotion(read: InputReader, target: Repository | undefined, token: string): PromotionSettings | undefined {
  const patterns = splitGlobs(read('promote-from'));
  const repository = parseRepository(read('promote-from-repository'), 'promote-from-repository');
  const branch = parseBranch(read('promote-from-branch'), 'promote-from-branch');
  if (patterns.length === 0) {
    if (repository || branch) {
      throw new InputError('promote-from', 'is required with promote-from-repository or promote-from-branch: the globs of the source files.');
    }
    return undefined;
  }
  const paths = asInput('promote-from', () => compilePaths(patterns, 'promote-from'));
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
    onlyCharts: parseChartsOnly(read('charts')),
    environment: given || named || derived.name,
    environmentNote: given || named ? undefined : derived.note,
  };
}

function readPullRequest(read: InputReader): PullRequestSettings {
  return {
    branch: read('pr-branch').trim(),
    title: read('pr-title'),
    body: read('pr-body'),
    labels: parseNames(read('pr-labels'), 'pr-labels', 'label'),
    reviewers: parseNames(read('pr-reviewers'), 'pr-reviewers', 'login'),
    teamReviewers: parseNames(read('pr-team-reviewers'), 'pr-team-reviewers', 'team'),
    assignees: parseNames(read('pr-assignees'), 'pr-assignees', 'login'),
    draft: parseBoolean(read('pr-draft'), 'pr-draft'),
    autoMerge: parseAutoMerge(read('auto-merge')),
  };
}
