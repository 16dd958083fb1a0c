// Every GitHub error shape and text matcher in one place, and the typed errors they become: each carries a
// `code` to branch on and a message a person can act on. The adapters call the named predicates and
// constructors here; nothing else reads GitHub's words.

/** What went wrong, as a value the caller can switch on (never parse the message). */
export type GitHubErrorCode =
  /** 401: the token is invalid or expired. */
  | 'unauthorized'
  /** 403 without a rate limit, or a GraphQL FORBIDDEN: the token lacks a permission. */
  | 'forbidden'
  /** The repository does not exist or the token cannot see it. */
  | 'repository-not-found'
  /** The branch does not exist. */
  | 'branch-not-found'
  /** Branch protection or a ruleset refuses direct commits. */
  | 'protected-branch'
  /** A rate limit whose wait is longer than the retry budget. */
  | 'rate-limited'
  /** 5xx or network errors that outlasted the retry budget. */
  | 'unavailable'
  /** The branch kept moving: every compare-and-swap attempt lost the race. */
  | 'race-exhausted'
  /** Anything else GitHub refused (validation errors, unexpected answers). */
  | 'api';

/** An error from the GitHub adapters. `message` is written for the person reading the job log. */
export class GitHubError extends Error {
  override readonly name = 'GitHubError';

  /**
   * @param code what went wrong, for callers to branch on
   * @param message the actionable explanation
   * @param details HTTP status and the GitHub error type/message behind it, when known
   */
  constructor(
    readonly code: GitHubErrorCode,
    message: string,
    readonly details: { readonly status?: number; readonly type?: string; readonly cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

/** One entry of a GraphQL `errors` array, as GitHub sends it. */
export interface GraphqlErrorEntry {
  readonly type?: string;
  /** A machine code some answers carry beside `type` (`graphql_rate_limit`). */
  readonly code?: string;
  readonly extensions?: { readonly code?: string };
  readonly message: string;
  readonly path?: readonly (string | number)[];
}

/**
 * A GraphQL answer with `errors` (HTTP 200). Thrown by `client.graphql`; the adapters turn it into a
 * `GitHubError` with a message for people. `data` holds the partial result, if any.
 */
export class GraphqlResponseError extends Error {
  override readonly name = 'GraphqlResponseError';

  constructor(
    readonly errors: readonly GraphqlErrorEntry[],
    readonly data: unknown,
  ) {
    super(errors.map((e) => (e.type ? `${e.type}: ${e.message}` : e.message)).join('; ') || 'GraphQL error');
  }

  /** The `type` of the first error (`STALE_DATA`, `NOT_FOUND`, `FORBIDDEN`, …), if GitHub gave one. */
  get type(): string | undefined {
    return this.errors[0]?.type;
  }
}

/** A repository, as messages name it. */
export interface Target {
  readonly owner: string;
  readonly repo: string;
}

/** A repository in `owner/name` form, for messages. */
export function slug(target: Target): string {
  return `${target.owner}/${target.repo}`;
}

// ---------------------------------------------------------------------------------------------------------
// Matchers: what an answer means. GitHub names some refusals only in the message text.

/** A compare-and-swap that lost: the branch moved since it was read (`STALE_DATA`). */
export function isStale(error: { readonly type?: string | undefined }): boolean {
  return error.type === 'STALE_DATA';
}

/**
 * A lost race: a moved ref (STALE_DATA), a branch or PR another run made first ("already exists"), or a PR
 * whose head has no commits over the base (the commit before it lost its race, or GitHub has not seen it yet).
 */
export function isRace(error: GraphqlErrorEntry): boolean {
  return isStale(error) || /already exists|no commits between/i.test(error.message);
}

/** A node GitHub cannot resolve yet: a pull request created a moment ago is still replicating. */
export function isUnresolvable(error: GraphqlErrorEntry): boolean {
  return error.type === 'NOT_FOUND' && /could not resolve to a node/i.test(error.message);
}

/** The repository (or its organization) does not let GitHub Actions open pull requests. */
export function isActionsForbidden(error: GraphqlErrorEntry): boolean {
  return /not permitted to create or approve pull requests/i.test(error.message);
}

/**
 * Branch protection or a ruleset refusing a write. Classic branch protection answers GraphQL with
 * `type: "BRANCH_PROTECTION_RULE_VIOLATION"` ("protected branch 'main' check failed: At least 1 approving review is
 * required by reviewers with write access.", microsoft/vscode-remote-repositories-github#252; Thinkmill/keystatic#1598)
 * or REST 422 "Protected branch update failed for refs/heads/main."; rulesets name themselves only in the text:
 * "Repository rule violations found\n\nChanges must be made through a pull request." (REST 422,
 * satisfactory-factories/application#67), "Changes must be made through a pull request."
 * (googleapis/repo-automation-bots#5255), "Cannot update this protected ref.", "Required status check … is expected.",
 * and a bare "Reference update failed" (REST 422, github/rest-api-description#4887). That last one is also what a
 * branch-name clash answers (microsoft/vscode-remote-repositories-github#122): check for a clash first, see
 * `clashingBranches`.
 */
export function isProtection(message: string, type?: string): boolean {
  return (
    type === 'BRANCH_PROTECTION_RULE_VIOLATION' ||
    /protected branch|branch protection|protected ref|rule violation|repository rule|must be made through a pull request|reference update failed|required status checks? .*(expected|failing)|approving reviews? (is|are) required/i.test(
      message,
    )
  );
}

/** A NOT_FOUND that names the branch (ref), not the repository. */
export function isBranchMissing(error: { readonly type?: string | undefined; readonly message: string }): boolean {
  return error.type === 'NOT_FOUND' && /ref|branch/i.test(error.message) && !/repositor/i.test(error.message);
}

/** Auto-merge refused because nothing is pending on the pull request (it could merge right away). */
export function isNothingPending(errors: readonly GraphqlErrorEntry[]): boolean {
  return errors.some((e) => /clean status|unstable status|is in .* status/i.test(e.message));
}

/**
 * GraphQL's primary rate limit, answered with HTTP 200 (docs.github.com: "Rate limits and query limits for the
 * GraphQL API", exceeding the rate limit). GitHub documents `type: "RATE_LIMITED"` (what @octokit/plugin-throttling
 * matches: `{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded for user ID 1."}]}`), and
 * api.github.com also answers `{"errors":[{"type":"RATE_LIMIT","code":"graphql_rate_limit","message":"API rate
 * limit already exceeded for user ID 1."}]}` (yanyongyu/githubkit#271); the code may sit in `extensions`.
 */
export function isRateLimited(error: GraphqlErrorEntry): boolean {
  return (
    error.type === 'RATE_LIMITED' ||
    error.type === 'RATE_LIMIT' ||
    error.code === 'graphql_rate_limit' ||
    error.extensions?.code === 'graphql_rate_limit' ||
    /^API rate limit (already )?exceeded/i.test(error.message)
  );
}

/** GitHub's own timeout of a GraphQL query ("Something went wrong … timeout"): worth another try. */
export function isGraphqlTimeout(error: GraphqlErrorEntry): boolean {
  return error.type === undefined && /something went wrong|timed? ?out/i.test(error.message);
}

/**
 * A secondary rate limit, named in the message: 403 or 429 "You have exceeded a secondary rate limit. Please wait a
 * few minutes before you try again. …" (REST and api.github.com/graphql alike: fpicalausa/remove-stale-branches#22),
 * the older "abuse detection" wording, or the same text as a GraphQL error with HTTP 200 (GitHub: "If you exceed a
 * secondary rate limit, you will receive a 200 or 403 response and an error message that indicates that you hit a
 * secondary rate limit").
 */
export function isSecondaryRateLimit(message: string): boolean {
  return /secondary rate limit|abuse detection|abuse rate limit/i.test(message);
}

/** The HTTP status of a failed request, if it has one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') return error.status;
  return undefined;
}

/** GitHub's message in a failed request's answer, else the error's own. */
export function messageOf(error: unknown): string {
  const message = (error as { response?: { data?: { message?: unknown } } }).response?.data?.message;
  return typeof message === 'string' ? message : error instanceof Error ? error.message : String(error);
}

/** The `message` of an answer body (REST errors are `{ message }`), or the body when it is text. */
export function bodyMessage(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'message' in data) return String((data as { message: unknown }).message);
  return typeof data === 'string' ? data : undefined;
}

/** GitHub's own words, as one line. */
export function say(errors: readonly GraphqlErrorEntry[]): string {
  return errors.map((e) => (e.type ? `${e.type}: ${e.message}` : e.message).replace(/\s+/g, ' ').trim()).join('; ');
}

// ---------------------------------------------------------------------------------------------------------
// Reads.

/**
 * The remedy for a token that cannot reach or write `repository`, depending on who runs the workflow:
 * `workflowRepository` is GITHUB_REPOSITORY as the entry point read it (undefined outside a runner).
 */
export function accessAdvice(repository: string, workflowRepository: string | undefined): string {
  const app =
    `use a GitHub App token (actions/create-github-app-token) or a fine-grained PAT with \`contents: write\` ` +
    `on ${repository}, passed as the \`token\` input`;
  if (workflowRepository !== undefined && workflowRepository.toLowerCase() === repository.toLowerCase()) {
    return `give the job \`permissions: contents: write\`, or ${app}`;
  }
  return `GITHUB_TOKEN can only write to the repository running the workflow: ${app}`;
}

/** The message for a 401. */
export function unauthorized(status = 401, cause?: unknown): GitHubError {
  return new GitHubError('unauthorized', `the token was rejected (${status}): check the \`token\` input (expired or revoked?)`, {
    status,
    cause,
  });
}

/** The token cannot read or write `target`. */
export function forbidden(target: Target, action: 'read' | 'write', detail: string, workflowRepository: string | undefined, cause?: unknown): GitHubError {
  return new GitHubError(
    'forbidden',
    `the token may not ${action} ${slug(target)} (403 ${oneLine(detail)}): ${accessAdvice(slug(target), workflowRepository)}`,
    { status: 403, cause },
  );
}

export function repositoryNotFound(target: Target, workflowRepository: string | undefined, cause?: unknown): GitHubError {
  return new GitHubError(
    'repository-not-found',
    `repository ${slug(target)} was not found, or the token cannot see it: check the \`repository\` input; ` +
      accessAdvice(slug(target), workflowRepository),
    { status: 404, cause },
  );
}

/** The branch does not exist. */
export function branchNotFound(target: Target, branch: string, cause?: unknown): GitHubError {
  return new GitHubError(
    'branch-not-found',
    `branch '${branch.replace(/^refs\/heads\//, '')}' not found in ${slug(target)}: check the \`branch\` input (commit mode does not create branches)`,
    { cause },
  );
}

/** The default branch was asked for and there is none. */
export function noDefaultBranch(target: Target): GitHubError {
  return new GitHubError('branch-not-found', `${slug(target)} has no default branch (an empty repository?): push a first commit, or set the \`branch\` input`);
}

/** The branch points to a tag or a tree, not a commit. */
export function notACommit(target: Target, branch: string, typename: string): GitHubError {
  return new GitHubError('api', `branch '${branch}' of ${slug(target)} does not point to a commit (${typename})`);
}

/** GitHub truncated a recursive tree listing that cannot be split further. */
export function treeTooLarge(target: Target, path: string): GitHubError {
  return new GitHubError(
    'api',
    `the tree of ${slug(target)} under '${path || '/'}' is too large to list in one request: narrow the \`paths\` input to a folder`,
  );
}

/** Maps a failed read to a `GitHubError` a person can act on. */
export function toReadError(error: unknown, target: Target, workflowRepository: string | undefined): unknown {
  if (error instanceof GitHubError) return error;
  if (error instanceof GraphqlResponseError) {
    if (error.type === 'NOT_FOUND') return repositoryNotFound(target, workflowRepository, error);
    if (error.type === 'FORBIDDEN') return forbidden(target, 'read', error.errors[0]?.message ?? 'forbidden', workflowRepository, error);
    return new GitHubError('api', `reading ${slug(target)} failed: ${error.message}`, { type: error.type, cause: error });
  }
  const status = statusOf(error);
  if (status === 404) return repositoryNotFound(target, workflowRepository, error);
  if (status === 403) return forbidden(target, 'read', messageOf(error), workflowRepository, error);
  return error;
}

// ---------------------------------------------------------------------------------------------------------
// Writes.

/** Maps a failed `createCommitOnBranch` to a `GitHubError` a person can act on. */
export function toWriteError(error: unknown, target: Target, branch: string, workflowRepository: string | undefined): unknown {
  if (error instanceof GitHubError) return error;
  if (error instanceof GraphqlResponseError) {
    const detail = error.errors[0]?.message ?? error.message;
    if (isProtection(detail, error.type)) return protectedBranch(target, branch, detail, error);
    if (error.type === 'FORBIDDEN') return forbidden(target, 'write', detail, workflowRepository, error);
    if (isBranchMissing({ type: error.type, message: detail })) return branchNotFound(target, branch, error);
    if (error.type === 'NOT_FOUND') return toReadError(error, target, workflowRepository);
    return new GitHubError('api', `committing to '${branch}' of ${slug(target)} failed: ${error.message}`, { type: error.type, cause: error });
  }
  const status = statusOf(error);
  if (status === 403 || status === 422) {
    const detail = error instanceof Error ? error.message : String(error);
    if (isProtection(detail)) return protectedBranch(target, branch, detail, error);
    if (status === 403) return forbidden(target, 'write', detail, workflowRepository, error);
  }
  return toReadError(error, target, workflowRepository);
}

function protectedBranch(target: Target, branch: string, detail: string, cause: unknown): GitHubError {
  return new GitHubError(
    'protected-branch',
    `branch '${branch}' of ${slug(target)} is protected and refused the commit (${oneLine(detail)}): use \`mode: pull-request\`, ` +
      `or allow the token's actor to bypass the protection`,
    { cause },
  );
}

/** `createCommitOnBranch` answered without errors and without a commit. */
export function noCommit(): GitHubError {
  return new GitHubError('api', 'createCommitOnBranch answered without a commit');
}

/** The branch moved under every commit attempt the race budget allowed. */
export function commitRaceExhausted(target: Target, branch: string, attempts: number, elapsedMs: number, cause: unknown): GitHubError {
  return new GitHubError(
    'race-exhausted',
    `branch '${branch}' of ${slug(target)} moved under every one of ${attempts} commit attempts ` +
      `in ${Math.ceil(elapsedMs / 1000)} s (other writers keep committing): nothing was committed; re-run the job`,
    { type: 'STALE_DATA', cause },
  );
}

/** The pull-request branch (or the PR) kept changing under every round the race budget allowed. */
export function pullRaceExhausted(target: Target, branch: string, attempts: number, elapsedMs: number, last: string): GitHubError {
  return new GitHubError(
    'race-exhausted',
    `the pull-request branch '${branch}' of ${slug(target)} kept moving under ${attempts} attempts in ` +
      `${Math.ceil(elapsedMs / 1000)} s (last: ${last}): re-run the job`,
    { type: 'STALE_DATA' },
  );
}

/**
 * The error a person can act on for a field of a pull-request document (`ref` moves the branch, `commit`
 * commits on it, `pull` opens the PR) that failed for a reason other than a lost race; undefined when every
 * error is a race (read again and decide again).
 */
export function pullWriteError(
  target: Target,
  branch: string,
  alias: 'ref' | 'commit' | 'pull',
  errors: readonly GraphqlErrorEntry[],
  workflowRepository: string | undefined,
): unknown {
  const real = errors.filter((e) => !isRace(e));
  if (real.length === 0) return undefined;
  const cause = new GraphqlResponseError(real, null);
  const error = toWriteError(cause, target, branch, workflowRepository);
  if (!(error instanceof GitHubError)) return error;
  if (error.code === 'protected-branch') {
    return new GitHubError(
      'protected-branch',
      `the pull-request branch '${branch}' of ${slug(target)} is protected (${say(real)}): exclude it from the ` +
        `branch protection or ruleset that matches it, or choose another name with \`pr-branch\``,
      { cause },
    );
  }
  if (error.code === 'forbidden') {
    return new GitHubError(
      'forbidden',
      `the token may not ${alias === 'pull' ? 'open pull requests' : 'push branches'} in ${slug(target)} (${say(real)}): ` +
        `give the job \`permissions: contents: write\` and \`pull-requests: write\`, or pass a GitHub App token ` +
        `(actions/create-github-app-token) or a fine-grained PAT with both as the \`token\` input`,
      { status: 403, type: real[0]?.type, cause },
    );
  }
  if (alias === 'commit' || error.code !== 'api') return error;
  const what = alias === 'ref' ? `moving the branch '${branch}'` : `opening the pull request from '${branch}'`;
  return new GitHubError('api', `${what} in ${slug(target)} failed: ${say(real)}`, { type: real[0]?.type, cause });
}

/**
 * The branches that would keep `branch` from being created: git stores refs as paths, so a branch cannot also be a
 * folder of other branch names. For `gitops-bump/prod/api`: `gitops-bump` and `gitops-bump/prod` (a branch named
 * like one of its folders), and any branch under `gitops-bump/prod/api/`.
 */
export function clashingBranches(branch: string): { readonly above: readonly string[]; readonly below: string } {
  const parts = branch.split('/');
  return { above: parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/')), below: `${branch}/` };
}

/**
 * `branch` cannot be created because `existing` is in the way (see `clashingBranches`). GitHub answers such a create
 * with REST 422 "Reference update failed" or GraphQL UNPROCESSABLE "Ref cannot be created"
 * (microsoft/vscode-remote-repositories-github#122); the message names both branches and the way out.
 */
export function branchClash(target: Target, branch: string, existing: string): GitHubError {
  return new GitHubError(
    'api',
    `the pull-request branch '${branch}' cannot be created in ${slug(target)} because the branch '${existing}' exists: ` +
      `git cannot hold two branches when one's name is a folder of the other's ('${existing}', '${branch}'): ` +
      `delete or rename '${existing}' if nothing needs it, or choose another name with \`pr-branch\``,
  );
}

/** GitHub Actions may not open pull requests in the repository (`isActionsForbidden`). */
export function actionsForbidden(target: Target, branch: string, errors: readonly GraphqlErrorEntry[], committed: boolean): GitHubError {
  return new GitHubError(
    'forbidden',
    `GitHub refused to open the pull request in ${slug(target)} (${say(errors)}): allow it in the repository's ` +
      `Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" ` +
      `(in an organization, its own Actions settings must allow it too), or pass a GitHub App token ` +
      `(actions/create-github-app-token) or a PAT as the \`token\` input` +
      (committed ? `; the branch '${branch}' already holds the commit and is reused by the next run` : ''),
    { status: 403, type: 'FORBIDDEN' },
  );
}

/** `closePullRequest` failed. */
export function closeFailed(target: Target, number: number, errors: readonly GraphqlErrorEntry[]): GitHubError {
  return new GitHubError('api', `closing pull request #${number} of ${slug(target)} failed: ${say(errors)}`, {
    type: errors[0]?.type,
    cause: new GraphqlResponseError(errors, null),
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
