// The one Octokit factory: GHES URLs, the runner's proxy, and the retry policy, in one place.
import { AsyncLocalStorage } from 'node:async_hooks';
import { getOctokit } from '@actions/github';
import { bodyMessage, GitHubError, GraphqlResponseError, isGraphqlTimeout, isRateLimited, isSecondaryRateLimit, type GraphqlErrorEntry } from './errors.js';
import { unauthorized } from './failures.js';

/** Bounds of the retry policy. Every write we make is a compare-and-swap, so retrying is always safe. */
export interface RetryOptions {
  /** Tries per request, the first included. Default 5. */
  readonly attempts?: number;
  /** Backoff base: the n-th retry sleeps random(0, min(maxMs, baseMs·2ⁿ)). Default 500 ms. */
  readonly baseMs?: number;
  /** Largest backoff window. Default 10 s. */
  readonly maxMs?: number;
  /** Longest time one request may spend in retries and rate-limit waits. Default 120 s. */
  readonly maxTotalMs?: number;
  /** Per-attempt timeout; a timed-out attempt counts as a network error. Default 60 s. */
  readonly timeoutMs?: number;
}

/** How to build a client. */
export interface ClientOptions {
  readonly token: string;
  /** REST root. Default: `env.GITHUB_API_URL`, else `https://api.github.com`. */
  readonly apiUrl?: string;
  /**
   * GraphQL endpoint. Default: `env.GITHUB_GRAPHQL_URL` (when `apiUrl` is the runner's), else derived from
   * `apiUrl`: `…/api/v3` → `…/api/graphql` (GHES), otherwise `${apiUrl}/graphql`.
   */
  readonly graphqlUrl?: string;
  /**
   * The runner's variables, as the entry point read them (this layer never reads `process.env`):
   * `GITHUB_API_URL` and `GITHUB_GRAPHQL_URL` (endpoint defaults) and `GITHUB_REPOSITORY` (the repository
   * running the workflow, which picks the remedy a permission error suggests). Default: none.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly userAgent?: string;
  readonly retry?: RetryOptions;
  /** Debug log, one line per request (method, path, status, time; never the token). */
  readonly log?: (message: string) => void;
  /** Injectable for tests. Default: a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Injectable for tests: a number in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

/** Counters for the requests a client sent (every HTTP attempt, retries included). */
export interface ClientStats {
  readonly requests: number;
  readonly retries: number;
  readonly mutations: number;
}

const DEFAULT_RETRY: Required<RetryOptions> = {
  attempts: 5,
  baseMs: 500,
  maxMs: 10_000,
  maxTotalMs: 120_000,
  timeoutMs: 60_000,
};

/** GitHub asks for at least a minute after a secondary rate limit that names no wait. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000;

const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/** The REST and GraphQL endpoints a client talks to. */
export function resolveEndpoints(
  apiUrl?: string,
  graphqlUrl?: string,
  env: Readonly<Record<string, string | undefined>> = {},
): { apiUrl: string; graphqlUrl: string } {
  const envApi = env['GITHUB_API_URL'];
  const api = trimSlash(apiUrl ?? envApi ?? 'https://api.github.com');
  if (graphqlUrl !== undefined) return { apiUrl: api, graphqlUrl: trimSlash(graphqlUrl) };
  const envGraphql = env['GITHUB_GRAPHQL_URL'];
  if (envGraphql && (apiUrl === undefined || (envApi !== undefined && trimSlash(envApi) === api))) {
    return { apiUrl: api, graphqlUrl: trimSlash(envGraphql) };
  }
  return { apiUrl: api, graphqlUrl: /\/api\/v3$/.test(api) ? api.replace(/\/api\/v3$/, '/api/graphql') : `${api}/graphql` };
}

/**
 * Creates the GitHub client every adapter uses: an Octokit (`rest`) from `@actions/github` (runner proxy
 * variables, GHES base URL) whose every request, GraphQL included, goes through one retry policy:
 * 5xx and network errors are retried with full-jitter exponential backoff; rate limits (403/429 with
 * `retry-after`, `x-ratelimit-remaining: 0`, or the "secondary rate limit" message, and any 429; GraphQL answered
 * with HTTP 200: `RATE_LIMITED`, `RATE_LIMIT`, `graphql_rate_limit`, or a secondary limit's message) wait as GitHub
 * asks, within `maxTotalMs`; other 4xx are never retried; 401 becomes a `GitHubError('unauthorized')`. Documents
 * using `updateRefs` ask for its schema preview off api.github.com (GHES 3.12 and older need it).
 */
export function createClient(options: ClientOptions) {
  if (options.token.trim() === '') {
    throw new GitHubError('unauthorized', 'no token: set the `token` input (default `${{ github.token }}`), or GITHUB_TOKEN for the CLI');
  }
  const { apiUrl, graphqlUrl } = resolveEndpoints(options.apiUrl, options.graphqlUrl, options.env);
  const policy: Required<RetryOptions> = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) };
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => undefined);
  const counters = { requests: 0, retries: 0, mutations: 0 };
  // Requests sent inside `passRateLimits`: a rate limit is the caller's to wait out (see there).
  const passing = new AsyncLocalStorage<true>();

  const rest = getOctokit(options.token, {
    baseUrl: apiUrl,
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    log: { debug: log, info: log, warn: log, error: log },
  });

  rest.hook.wrap('request', async (request, requestOptions) => {
    const url = rest.request.endpoint.parse(requestOptions).url;
    // A request may ask for fewer tries than the policy (a heavy read with a lighter fallback).
    const attempts = Math.min(policy.attempts, (requestOptions.request as { attempts?: number } | undefined)?.attempts ?? policy.attempts);
    const bounded = { ...policy, attempts };
    const label = describe(requestOptions.method, url, requestOptions['query']);
    if (isMutation(requestOptions['query'])) counters.mutations += 1;
    const started = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      counters.requests += 1;
      const t0 = Date.now();
      const signal = AbortSignal.timeout(policy.timeoutMs);
      let failure: Retryable;
      try {
        const response = await request({ ...requestOptions, request: { ...requestOptions.request, signal } });
        const limited = graphqlFailure(response.data, response.headers);
        log(`${label} → ${response.status}${limited ? ` (${limited.reason})` : ''} in ${Date.now() - t0} ms`);
        if (limited === undefined) return response;
        failure = limited;
      } catch (error) {
        const classified = classify(error);
        log(`${label} → ${classified.reason} in ${Date.now() - t0} ms`);
        if (classified.kind === 'fatal') throw classified.error;
        failure = classified;
      }
      const waitMs = waitFor(failure, attempt, policy, random);
      if (failure.kind === 'rate-limit' && passing.getStore() === true) {
        log(`${label}: ${failure.reason}, ${waitMs} ms asked: handed to the caller`);
        throw new GitHubError('rate-limited', `${label}: GitHub's ${failure.reason} asks to wait ${Math.ceil(waitMs / 1000)} s`, {
          status: failure.status,
          cause: failure.error,
          retryAfterMs: waitMs,
        });
      }
      const refusal = giveUp(label, shownUrl(url), failure, attempt, Date.now() - started, waitMs, bounded);
      if (refusal !== undefined) throw refusal;
      counters.retries += 1;
      log(`${label}: retry ${attempt}/${attempts - 1} in ${waitMs} ms`);
      await sleep(waitMs);
    }
  });

  /**
   * Sends one GraphQL document. Resolves with `data`; throws `GraphqlResponseError` when GitHub answers
   * with `errors` (e.g. `STALE_DATA`, `NOT_FOUND`), holding the partial `data`. `attempts` lowers the retry
   * policy's tries for this one document.
   */
  async function graphql<T>(query: string, variables: Record<string, unknown> = {}, options: { readonly attempts?: number } = {}): Promise<T> {
    const previews = graphqlPreviews(graphqlUrl, query);
    const response = await rest.request(`POST ${graphqlUrl}`, {
      query,
      variables,
      ...(previews.length > 0 ? { mediaType: { previews } } : {}),
      ...(options.attempts === undefined ? {} : { request: { attempts: options.attempts } }),
    });
    const body = response.data as { data?: T | null; errors?: GraphqlErrorEntry[] };
    if (body.errors !== undefined && body.errors.length > 0) throw new GraphqlResponseError(body.errors, body.data);
    if (body.data === undefined || body.data === null) {
      throw new GitHubError('api', `POST ${graphqlUrl}: GitHub answered without data or errors`);
    }
    return body.data;
  }

  return {
    rest,
    graphql,
    apiUrl,
    graphqlUrl,
    /** The repository running the workflow (`env.GITHUB_REPOSITORY`), if known: permission errors name its remedy. */
    workflowRepository: options.env?.['GITHUB_REPOSITORY'],
    /** Requests, retries and GraphQL mutation documents sent so far. */
    stats: (): ClientStats => ({ ...counters }),
    /** The client's sleep and random source, so the loops above it (the race loop, follow-up retries) share the test seams. */
    sleep,
    random,
    /**
     * Runs `send` with rate limits handed to the caller: a request it sends that GitHub answers with a rate limit
     * (secondary: content creation; or primary) is not waited out and sent again, but throws at once a
     * `GitHubError('rate-limited')` whose `details.retryAfterMs` is the wait GitHub asks for (`retry-after`, else
     * `x-ratelimit-reset`, else at least a minute). The race loop sends its compare-and-swap writes this way: the
     * same write sent again a minute later names a head that has moved by then, and would only spend another
     * content-creating request to lose; the loop waits, reads again and writes against the new head.
     */
    passRateLimits: <T>(send: () => Promise<T>): Promise<T> => passing.run(true, send),
  };
}

/** The client every GitHub adapter takes. */
export type GitHubClient = ReturnType<typeof createClient>;

/** Full-jitter exponential backoff: random(0, min(maxMs, baseMs·2^(attempt-1))). */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const window = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * window);
}

type Failure =
  | { kind: 'transient'; reason: string; status?: number; error?: unknown; network?: boolean }
  | { kind: 'rate-limit'; reason: string; status?: number; waitMs: number | undefined; error?: unknown }
  | { kind: 'fatal'; reason: string; status?: number; error: unknown };

/** A failure worth another try. */
type Retryable = Exclude<Failure, { kind: 'fatal' }>;

function waitFor(failure: Failure, attempt: number, policy: Required<RetryOptions>, random: () => number): number {
  if (failure.kind === 'rate-limit') return failure.waitMs ?? Math.max(SECONDARY_DEFAULT_WAIT_MS, backoffMs(attempt, policy.baseMs, policy.maxMs, random));
  return backoffMs(attempt, policy.baseMs, policy.maxMs, random);
}

/** The error that ends the retries, or undefined to wait `waitMs` and try again. `url`: the request's URL without its query. */
function giveUp(
  label: string,
  url: string,
  failure: Retryable,
  attempt: number,
  elapsed: number,
  waitMs: number,
  policy: Required<RetryOptions>,
): GitHubError | undefined {
  if (failure.kind === 'rate-limit' && elapsed + waitMs > policy.maxTotalMs) {
    return new GitHubError(
      'rate-limited',
      `${label}: GitHub's ${failure.reason} asks to wait ${Math.ceil(waitMs / 1000)} s, longer than the retry ` +
        `budget (${Math.round(policy.maxTotalMs / 1000)} s): re-run later, or spread the runs out`,
      { status: failure.status },
    );
  }
  if (attempt < policy.attempts && elapsed + waitMs <= policy.maxTotalMs) return undefined;
  const tries = `${attempt} time(s) in ${(elapsed / 1000).toFixed(1)} s`;
  if (failure.kind === 'transient' && failure.network === true) {
    // No answer at all (refused, unknown host, reset, timeout): the address or the network, not GitHub's health.
    return new GitHubError(
      'unavailable',
      `could not reach ${url}: ${failure.reason} (${label}, tried ${tries}): check GITHUB_API_URL (and GITHUB_GRAPHQL_URL) ` +
        `and the network (DNS, proxy variables, firewall), then re-run the job`,
      { cause: failure.error },
    );
  }
  const degraded = /^https:\/\/api\.github\.com\//.test(url) ? 'GitHub may be degraded (https://www.githubstatus.com)' : 'the server may be degraded';
  return new GitHubError(
    failure.kind === 'rate-limit' ? 'rate-limited' : 'unavailable',
    `${label} failed ${tries} (last: ${failure.reason}; ${url}): ${degraded}; re-run the job`,
    { status: failure.status, cause: failure.error },
  );
}

/** A URL for messages: without credentials or a query string. */
function shownUrl(url: string): string {
  return withoutCredentials(url).replace(/[?#].*$/s, '');
}

/** Text with the user-info of every URL in it left out (`https://user:secret@host` → `https://host`). */
function withoutCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
}

interface HttpErrorLike {
  status?: number;
  message?: string;
  name?: string;
  response?: { status: number; headers: Record<string, string | number | undefined>; data?: unknown };
}

/** Decides what a thrown request error means for the retry loop. */
function classify(error: unknown): Failure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (e.response === undefined) {
    // @octokit/request reports fetch failures (ECONNRESET, socket hang up, timeouts) as status 500 without a response.
    if (status === 500 || status === undefined || e.name === 'AbortError' || e.name === 'TimeoutError') {
      return { kind: 'transient', reason: `network error: ${withoutCredentials(e.message ?? String(error))}`, error, network: true };
    }
    return { kind: 'fatal', reason: String(e.message), error };
  }
  const headers = e.response.headers;
  if (status === 401) return { kind: 'fatal', reason: '401', error: unauthorized(401, error) };
  if (status === 403 || status === 429) {
    const limit = rateLimitWait(headers, bodyMessage(e.response.data) ?? e.message ?? '');
    if (limit !== undefined) return { kind: 'rate-limit', status, ...limit, error };
    // 429 is "Too Many Requests" whatever the body says: wait at least a minute, as GitHub asks.
    if (status === 429) return { kind: 'rate-limit', status, reason: 'rate limit (429)', waitMs: undefined, error };
    return { kind: 'fatal', reason: String(status), error };
  }
  if (status !== undefined && TRANSIENT_STATUSES.has(status)) return { kind: 'transient', reason: `${status}`, status, error };
  return { kind: 'fatal', reason: String(status), error };
}

/**
 * A GraphQL answer (HTTP 200) that should be retried: a primary rate limit (`RATE_LIMITED`, `RATE_LIMIT`,
 * `graphql_rate_limit`), a secondary one (its message), or GitHub's own timeout. A rate limit waits as the headers
 * ask (`retry-after`, else `x-ratelimit-reset` when `x-ratelimit-remaining` is 0), else at least a minute.
 */
function graphqlFailure(data: unknown, headers: Record<string, string | number | undefined>): Retryable | undefined {
  if (typeof data !== 'object' || data === null || !('errors' in data)) return undefined;
  const body = data as { data?: unknown; errors?: GraphqlErrorEntry[] };
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const limited = errors.find((e) => isRateLimited(e) || isSecondaryRateLimit(e.message ?? ''));
  if (limited !== undefined) {
    const secondary = !isRateLimited(limited);
    const wait = rateLimitWait(headers, secondary ? limited.message : 'rate limit');
    const name = secondary ? 'GraphQL secondary rate limit' : `GraphQL rate limit (${limited.type ?? limited.code ?? limited.extensions?.code ?? 'exceeded'})`;
    return { kind: 'rate-limit', reason: name, waitMs: wait?.waitMs, status: 200 };
  }
  const noData = body.data === undefined || body.data === null;
  if (noData && errors.some(isGraphqlTimeout)) {
    return { kind: 'transient', reason: `GraphQL: ${errors[0]?.message ?? 'error'}` };
  }
  return undefined;
}

/** The wait a rate-limited answer asks for, or undefined when the 403/429 is not a rate limit. */
function rateLimitWait(
  headers: Record<string, string | number | undefined>,
  message: string,
): { reason: string; waitMs: number | undefined } | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(retryAfter)) - Date.now();
    return { reason: 'secondary rate limit (retry-after)', waitMs: Math.max(0, Math.ceil(ms)) };
  }
  if (String(headers['x-ratelimit-remaining']) === '0' && headers['x-ratelimit-reset'] !== undefined) {
    const resetMs = Number(headers['x-ratelimit-reset']) * 1000;
    return { reason: 'rate limit (x-ratelimit-reset)', waitMs: Math.max(0, resetMs - Date.now()) + 1000 };
  }
  if (isSecondaryRateLimit(message)) {
    return { reason: 'secondary rate limit', waitMs: undefined };
  }
  return undefined;
}

/**
 * GHES 3.12 and older serve `updateRefs` only under its schema preview, asked for with
 * `Accept: application/vnd.github.update-refs-preview+json` (docs.github.com, GraphQL "Schema previews": "Update
 * refs preview … Mutation.updateRefs"); later servers, where the preview has graduated, ignore it. Sent (through
 * Octokit's `mediaType.previews`) only on documents that use `updateRefs`, and never to api.github.com, which never
 * needed it.
 */
export function graphqlPreviews(graphqlUrl: string, query: string): string[] {
  if (/^https:\/\/api\.github\.com\/graphql$/i.test(graphqlUrl)) return [];
  return /\bupdateRefs\s*\(/.test(query) ? ['update-refs'] : [];
}

/** `POST /graphql (mutation CreateCommit)` or `GET /repos/o/r/git/trees/…`: the path only, never the query string. */
function describe(method: string, url: string, query: unknown): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
  if (typeof query !== 'string') return `${method} ${path}`;
  const name = /^\s*(query|mutation)\s*(\w*)/.exec(query);
  return name ? `${method} ${path} (${name[1]}${name[2] ? ` ${name[2]}` : ''})` : `${method} ${path}`;
}

function isMutation(query: unknown): boolean {
  return typeof query === 'string' && /^\s*mutation\b/.test(query);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
