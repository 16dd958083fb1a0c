/** An error the emulator answers the way GitHub does, over REST (status + body) and GraphQL (type). */
export class GitHubError extends Error {
  constructor(
    /** HTTP status over REST. */
    readonly status: number,
    message: string,
    /** GraphQL error `type` (NOT_FOUND, STALE_DATA, UNPROCESSABLE, FORBIDDEN, …). */
    readonly type: string,
    /** REST body members beyond `message` (e.g. `errors` of a 422 "Validation Failed"). */
    readonly restBody?: Record<string, unknown>,
    /** GraphQL message when it differs from the REST one. */
    readonly graphqlMessage?: string,
  ) {
    super(message);
    this.name = 'GitHubError';
  }
}

/** 404 `{"message":"Not Found"}` / GraphQL NOT_FOUND. */
export const notFound = (graphqlMessage?: string): GitHubError => new GitHubError(404, 'Not Found', 'NOT_FOUND', undefined, graphqlMessage);

/** A plain 422 with GitHub's message (e.g. "Reference already exists"). */
export const unprocessable = (message: string): GitHubError => new GitHubError(422, message, 'UNPROCESSABLE');

/** 422 "Validation Failed" with one custom error, as pulls/create answers a duplicate. */
export const validationFailed = (resource: string, message: string, field?: string, code = 'custom'): GitHubError =>
  new GitHubError(
    422,
    'Validation Failed',
    'UNPROCESSABLE',
    { errors: [{ resource, code, ...(field ? { field } : {}), ...(code === 'custom' ? { message } : {}) }] },
    message,
  );

/** 403 "Resource not accessible by integration" (a read-only token writing). */
export const notAccessible = (): GitHubError => new GitHubError(403, 'Resource not accessible by integration', 'FORBIDDEN');
