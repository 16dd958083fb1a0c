export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backoffMs: () => (/* binding */ backoffMs),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   resolveEndpoints: () => (/* binding */ resolveEndpoints)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);
// The one Octokit factory: GHES URLs, the runner's proxy, and the retry policy, in one place.


const DEFAULT_RETRY = {
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
function resolveEndpoints(apiUrl, graphqlUrl, env = process.env) {
    const envApi = env['GITHUB_API_URL'];
    const api = trimSlash(apiUrl ?? envApi ?? 'https://api.github.com');
    if (graphqlUrl !== undefined)
        return { apiUrl: api, graphqlUrl: trimSlash(graphqlUrl) };
    const envGraphql = env['GITHUB_GRAPHQL_URL'];
    if (envGraphql && (apiUrl === undefined || (envApi !== undefined && trimSlash(envApi) === api))) {
        return { apiUrl: api, graphqlUrl: trimSlash(envGraphql) };
    }
    return { apiUrl: api, graphqlUrl: /\/api\/v3$/.test(api) ? api.replace(/\/api\/v3$/, '/api/graphql') : `${api}/graphql` };
}
/**
 * Creates the GitHub client every adapter uses: an Octokit (`rest`) from `@actions/github` (runner proxy
 * variables, GHES base URL) whose every request, GraphQL included, goes through one retry policy:
 * 5xx and network errors are retried with full-jitter exponential backoff; rate limits (secondary: 403/429
 * with `retry-after`, `x-ratelimit-remaining: 0`, or the "secondary rate limit" message; GraphQL
 * `RATE_LIMITED`) wait as GitHub asks, within `maxTotalMs`; other 4xx are never retried; 401 becomes a
 * `GitHubError('unauthorized')`.
 */
function createClient(options) {
    if (options.token.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('unauthorized', 'no token: set the `token` input (default `${{ github.token }}`), or GITHUB_TOKEN for the CLI');
    }
    const { apiUrl, graphqlUrl } = resolveEndpoints(options.apiUrl, options.graphqlUrl);
    const policy = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) };
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const log = options.log ?? (() => undefined);
    const counters = { requests: 0, retries: 0, mutations: 0 };
    const rest = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: apiUrl,
        ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
        log: { debug: log, info: log, warn: log, error: log },
    });
    rest.hook.wrap('request', async (request, requestOptions) => {
        const url = rest.request.endpoint.parse(requestOptions).url;
        const label = describe(requestOptions.method, url, requestOptions['query']);
        if (isMutation(requestOptions['query']))
            counters.mutations += 1;
        const started = Date.now();
        for (let attempt = 1;; attempt += 1) {
            counters.requests += 1;
            const t0 = Date.now();
            const signal = AbortSignal.timeout(policy.timeoutMs);
            let failure;
            try {
                const response = await request({ ...requestOptions, request: { ...requestOptions.request, signal } });
                const limited = graphqlFailure(response.data, response.headers);
                log(`${label} → ${response.status}${limited ? ` (${limited.reason})` : ''} in ${Date.now() - t0} ms`);
                if (limited === undefined)
                    return response;
                failure = limited;
            }
            catch (error) {
                const classified = classify(error);
                log(`${label} → ${classified.reason} in ${Date.now() - t0} ms`);
                if (classified.kind === 'fatal')
                    throw classified.error;
                failure = classified;
            }
            const waitMs = waitFor(failure, attempt, policy, random);
            const refusal = giveUp(label, shownUrl(url), failure, attempt, Date.now() - started, waitMs, policy);
            if (refusal !== undefined)
                throw refusal;
            counters.retries += 1;
            log(`${label}: retry ${attempt}/${policy.attempts - 1} in ${waitMs} ms`);
            await sleep(waitMs);
        }
    });
    /**
     * Sends one GraphQL document. Resolves with `data`; throws `GraphqlResponseError` when GitHub answers
     * with `errors` (e.g. `STALE_DATA`, `NOT_FOUND`), holding the partial `data`.
     */
    async function graphql(query, variables = {}) {
        const response = await rest.request(`POST ${graphqlUrl}`, { query, variables });
        const body = response.data;
        if (body.errors !== undefined && body.errors.length > 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GraphqlResponseError */ .rp(body.errors, body.data);
        if (body.data === undefined || body.data === null) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('api', `POST ${graphqlUrl}: GitHub answered without data or errors`);
        }
        return body.data;
    }
    return {
        rest,
        graphql,
        apiUrl,
        graphqlUrl,
        /** HTTP requests sent so far, retries included. */
        requestCount: () => counters.requests,
        /** Requests, retries and GraphQL mutation documents sent so far. */
        stats: () => ({ ...counters }),
        /** The client's sleep and random source, so loops above it (the commit race) share the test seams. */
        sleep,
        random,
    };
}
/** Full-jitter exponential backoff: random(0, min(maxMs, baseMs·2^(attempt-1))). */
function backoffMs(attempt, baseMs, maxMs, random = Math.random) {
    const window = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * window);
}
function waitFor(failure, attempt, policy, random) {
    if (failure.kind === 'rate-limit')
        return failure.waitMs ?? Math.max(SECONDARY_DEFAULT_WAIT_MS, backoffMs(attempt, policy.baseMs, policy.maxMs, random));
    return backoffMs(attempt, policy.baseMs, policy.maxMs, random);
}
/** The error that ends the retries, or undefined to wait `waitMs` and try again. `url`: the request's URL without its query. */
function giveUp(label, url, failure, attempt, elapsed, waitMs, policy) {
    if (failure.kind === 'rate-limit' && elapsed + waitMs > policy.maxTotalMs) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('rate-limited', `${label}: GitHub's ${failure.reason} asks to wait ${Math.ceil(waitMs / 1000)} s, longer than the retry ` +
            `budget (${Math.round(policy.maxTotalMs / 1000)} s): re-run later, or spread the runs out`, { status: failure.status });
    }
    if (attempt < policy.attempts && elapsed + waitMs <= policy.maxTotalMs)
        return undefined;
    const tries = `${attempt} time(s) in ${(elapsed / 1000).toFixed(1)} s`;
    if (failure.kind === 'transient' && failure.network === true) {
        // No answer at all (refused, unknown host, reset, timeout): the address or the network, not GitHub's health.
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('unavailable', `could not reach ${url}: ${failure.reason} (${label}, tried ${tries}): check GITHUB_API_URL (and GITHUB_GRAPHQL_URL) ` +
            `and the network (DNS, proxy variables, firewall), then re-run the job`, { cause: failure.error });
    }
    const degraded = /^https:\/\/api\.github\.com\//.test(url) ? 'GitHub may be degraded (https://www.githubstatus.com)' : 'the server may be degraded';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_(failure.kind === 'rate-limit' ? 'rate-limited' : 'unavailable', `${label} failed ${tries} (last: ${failure.reason}; ${url}): ${degraded}; re-run the job`, { status: failure.status, cause: failure.error });
}
/** A URL for messages: without credentials or a query string. */
function shownUrl(url) {
    return withoutCredentials(url).replace(/[?#].*$/s, '');
}
/** Text with the user-info of every URL in it left out (`https://user:secret@host` → `https://host`). */
function withoutCredentials(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
}
/** Decides what a thrown request error means for the retry loop. */
function classify(error) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    const status = typeof e.status === 'number' ? e.status : undefined;
    if (e.response === undefined) {
        // @octokit/request reports fetch failures (ECONNRESET, socket hang up, timeouts) as status 500 without a response.
        if (status === 500 || status === undefined || e.name === 'AbortError' || e.name === 'TimeoutError') {
            return { kind: 'transient', reason: `network error: ${withoutCredentials(e.message ?? String(error))}`, error, network: true };
        }
        return { kind: 'fatal', reason: String(e.message), error };
    }
    const headers = e.response.headers;
    if (status === 401)
        return { kind: 'fatal', reason: '401', error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .unauthorized */ .nc)(401, error) };
    if (status === 403 || status === 429) {
        const limit = rateLimitWait(headers, messageOf(e.response.data) ?? e.message ?? '');
        if (limit !== undefined)
            return { kind: 'rate-limit', status, ...limit, error };
        return { kind: 'fatal', reason: String(status), error };
    }
    if (status !== undefined && TRANSIENT_STATUSES.has(status))
        return { kind: 'transient', reason: `${status}`, status, error };
    return { kind: 'fatal', reason: String(status), error };
}
/** A GraphQL answer (HTTP 200) that should be retried: RATE_LIMITED, or GitHub's own timeout. */
function graphqlFailure(data, headers) {
    if (typeof data !== 'object' || data === null || !('errors' in data))
        return undefined;
    const body = data;
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (errors.some((e) => e.type === 'RATE_LIMITED')) {
        const wait = rateLimitWait(headers, 'rate limit');
        return { kind: 'rate-limit', reason: 'GraphQL rate limit (RATE_LIMITED)', waitMs: wait?.waitMs, status: 200 };
    }
    const noData = body.data === undefined || body.data === null;
    if (noData && errors.some((e) => e.type === undefined && /something went wrong|timed? ?out/i.test(e.message))) {
        return { kind: 'transient', reason: `GraphQL: ${errors[0]?.message ?? 'error'}` };
    }
    return undefined;
}
/** The wait a rate-limited answer asks for, or undefined when the 403/429 is not a rate limit. */
function rateLimitWait(headers, message) {
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
    if (/secondary rate limit|abuse detection/i.test(message)) {
        return { reason: 'secondary rate limit', waitMs: undefined };
    }
    return undefined;
}
function messageOf(data) {
    if (typeof data === 'object' && data !== null && 'message' in data)
        return String(data.message);
    return typeof data === 'string' ? data : undefined;
}
/** `POST /graphql (mutation CreateCommit)` or `GET /repos/o/r/git/trees/…`: the path only, never the query string. */
function describe(method, url, query) {
    const path = url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
    if (typeof query !== 'string')
        return `${method} ${path}`;
    const name = /^\s*(query|mutation)\s*(\w*)/.exec(query);
    return name ? `${method} ${path} (${name[1]}${name[2] ? ` ${name[2]}` : ''})` : `${method} ${path}`;
}
function isMutation(query) {
    return typeof query === 'string' && /^\s*mutation\b/.test(query);
}
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
function defaultSleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ }),

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ accessAdvice),
/* harmony export */   nc: () => (/* binding */ unauthorized),
/* harmony export */   rp: () => (/* binding */ GraphqlResponseError),
/* harmony export */   yR: () => (/* binding */ slug),
/* harmony export */   y_: () => (/* binding */ GitHubError)
/* harmony export */ });
// Typed errors of the GitHub adapters: each carries a `code` to branch on and a message a person can act on.
/** An error from the GitHub adapters. `message` is written for the person reading the job log. */
class GitHubError extends Error {
    code;
    details;
    name = 'GitHubError';
    /**
     * @param code what went wrong, for callers to branch on
     * @param message the actionable explanation
     * @param details HTTP status and the GitHub error type/message behind it, when known
     */
    constructor(code, message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.code = code;
        this.details = details;
    }
}
/**
 * A GraphQL answer with `errors` (HTTP 200). Thrown by `client.graphql`; the adapters turn it into a
 * `GitHubError` with a message for people. `data` holds the partial result, if any.
 */
class GraphqlResponseError extends Error {
    errors;
    data;
    name = 'GraphqlResponseError';
    constructor(errors, data) {
        super(errors.map((e) => (e.type ? `${e.type}: ${e.message}` : e.message)).join('; ') || 'GraphQL error');
        this.errors = errors;
        this.data = data;
    }
    /** The `type` of the first error (`STALE_DATA`, `NOT_FOUND`, `FORBIDDEN`, …), if GitHub gave one. */
    get type() {
        return this.errors[0]?.type;
    }
}
/** A repository in `owner/name` form, for messages. */
function slug(target) {
    return `${target.owner}/${target.repo}`;
}
/** The remedy for a token that cannot reach or write `repository`, depending on who runs the workflow. */
function accessAdvice(repository, workflowRepository = process.env['GITHUB_REPOSITORY']) {
    const app = `use a GitHub App token (actions/create-github-app-token) or a fine-grained PAT with \`contents: write\` ` +
        `on ${repository}, passed as the \`token\` input`;
    if (workflowRepository !== undefined && workflowRepository.toLowerCase() === repository.toLowerCase()) {
        return `give the job \`permissions: contents: write\`, or ${app}`;
    }
    return `GITHUB_TOKEN can only write to the repository running the workflow: ${app}`;
}
/** The message for a 401. */
function unauthorized(status = 401, cause) {
    return new GitHubError('unauthorized', `the token was rejected (${status}): check the \`token\` input (expired or revoked?)`, {
        status,
        cause,
    });
}


/***/ })

};
