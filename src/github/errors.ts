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
   * @param details HTTP status and the GitHub error type/message behind it, when known; the wait a rate limit asks for
   */
  constructor(
    readonly code: GitHubErrorCode,
    message: string,
    readonly details: {
      readonly status?: number;
      readonly type?: string;
      readonly cause?: unknown;
      /** A rate limit handed to the caller (`GitHubClient.passRateLimits`): how long GitHub asks to wait. */
      readonly retryAfterMs?: number;
    } = {},
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
