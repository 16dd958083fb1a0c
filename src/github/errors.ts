// Typed errors of the GitHub adapters: each carries a `code` to branch on and a message a person can act on.

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

/** A repository in `owner/name` form, for messages. */
export function slug(target: { readonly owner: string; readonly repo: string }): string {
  return `${target.owner}/${target.repo}`;
}

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
