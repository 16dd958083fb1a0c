export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backoffMs: () => (/* binding */ backoffMs),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   graphqlPreviews: () => (/* binding */ graphqlPreviews),
/* harmony export */   resolveEndpoints: () => (/* binding */ resolveEndpoints)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8112);
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
function resolveEndpoints(apiUrl, graphqlUrl, env = {}) {
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
 * 5xx and network errors are retried with full-jitter exponential backoff; rate limits (403/429 with
 * `retry-after`, `x-ratelimit-remaining: 0`, or the "secondary rate limit" message, and any 429; GraphQL answered
 * with HTTP 200: `RATE_LIMITED`, `RATE_LIMIT`, `graphql_rate_limit`, or a secondary limit's message) wait as GitHub
 * asks, within `maxTotalMs`; other 4xx are never retried; 401 becomes a `GitHubError('unauthorized')`. Documents
 * using `updateRefs` ask for its schema preview off api.github.com (GHES 3.12 and older need it).
 */
function createClient(options) {
    if (options.token.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('unauthorized', 'no token: set the `token` input (default `${{ github.token }}`), or GITHUB_TOKEN for the CLI');
    }
    const { apiUrl, graphqlUrl } = resolveEndpoints(options.apiUrl, options.graphqlUrl, options.env);
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
        // A request may ask for fewer tries than the policy (a heavy read with a lighter fallback).
        const attempts = Math.min(policy.attempts, requestOptions.request?.attempts ?? policy.attempts);
        const bounded = { ...policy, attempts };
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
            const refusal = giveUp(label, shownUrl(url), failure, attempt, Date.now() - started, waitMs, bounded);
            if (refusal !== undefined)
                throw refusal;
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
    async function graphql(query, variables = {}, options = {}) {
        const previews = graphqlPreviews(graphqlUrl, query);
        const response = await rest.request(`POST ${graphqlUrl}`, {
            query,
            variables,
            ...(previews.length > 0 ? { mediaType: { previews } } : {}),
            ...(options.attempts === undefined ? {} : { request: { attempts: options.attempts } }),
        });
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
        /** The repository running the workflow (`env.GITHUB_REPOSITORY`), if known: permission errors name its remedy. */
        workflowRepository: options.env?.['GITHUB_REPOSITORY'],
        /** Requests, retries and GraphQL mutation documents sent so far. */
        stats: () => ({ ...counters }),
        /** The client's sleep and random source, so the loops above it (the race loop, follow-up retries) share the test seams. */
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
        return { kind: 'fatal', reason: '401', error: (0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .unauthorized */ .nc)(401, error) };
    if (status === 403 || status === 429) {
        const limit = rateLimitWait(headers, (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .bodyMessage */ .Al)(e.response.data) ?? e.message ?? '');
        if (limit !== undefined)
            return { kind: 'rate-limit', status, ...limit, error };
        // 429 is "Too Many Requests" whatever the body says: wait at least a minute, as GitHub asks.
        if (status === 429)
            return { kind: 'rate-limit', status, reason: 'rate limit (429)', waitMs: undefined, error };
        return { kind: 'fatal', reason: String(status), error };
    }
    if (status !== undefined && TRANSIENT_STATUSES.has(status))
        return { kind: 'transient', reason: `${status}`, status, error };
    return { kind: 'fatal', reason: String(status), error };
}
/**
 * A GraphQL answer (HTTP 200) that should be retried: a primary rate limit (`RATE_LIMITED`, `RATE_LIMIT`,
 * `graphql_rate_limit`), a secondary one (its message), or GitHub's own timeout. A rate limit waits as the headers
 * ask (`retry-after`, else `x-ratelimit-reset` when `x-ratelimit-remaining` is 0), else at least a minute.
 */
function graphqlFailure(data, headers) {
    if (typeof data !== 'object' || data === null || !('errors' in data))
        return undefined;
    const body = data;
    const errors = Array.isArray(body.errors) ? body.errors : [];
    const limited = errors.find((e) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isRateLimited */ .Jz)(e) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isSecondaryRateLimit */ .i7)(e.message ?? ''));
    if (limited !== undefined) {
        const secondary = !(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isRateLimited */ .Jz)(limited);
        const wait = rateLimitWait(headers, secondary ? limited.message : 'rate limit');
        const name = secondary ? 'GraphQL secondary rate limit' : `GraphQL rate limit (${limited.type ?? limited.code ?? limited.extensions?.code ?? 'exceeded'})`;
        return { kind: 'rate-limit', reason: name, waitMs: wait?.waitMs, status: 200 };
    }
    const noData = body.data === undefined || body.data === null;
    if (noData && errors.some(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isGraphqlTimeout */ .BI)) {
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
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isSecondaryRateLimit */ .i7)(message)) {
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
function graphqlPreviews(graphqlUrl, query) {
    if (/^https:\/\/api\.github\.com\/graphql$/i.test(graphqlUrl))
        return [];
    return /\bupdateRefs\s*\(/.test(query) ? ['update-refs'] : [];
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
/* harmony export */   Al: () => (/* binding */ bodyMessage),
/* harmony export */   BI: () => (/* binding */ isGraphqlTimeout),
/* harmony export */   Fq: () => (/* binding */ isActionsForbidden),
/* harmony export */   HU: () => (/* binding */ isUnresolvable),
/* harmony export */   Jz: () => (/* binding */ isRateLimited),
/* harmony export */   Kw: () => (/* binding */ isRace),
/* harmony export */   QO: () => (/* binding */ isStale),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   cv: () => (/* binding */ say),
/* harmony export */   dE: () => (/* binding */ isNothingPending),
/* harmony export */   i7: () => (/* binding */ isSecondaryRateLimit),
/* harmony export */   md: () => (/* binding */ isProtection),
/* harmony export */   rp: () => (/* binding */ GraphqlResponseError),
/* harmony export */   xf: () => (/* binding */ isBranchMissing),
/* harmony export */   yR: () => (/* binding */ slug),
/* harmony export */   y_: () => (/* binding */ GitHubError)
/* harmony export */ });
// Every GitHub error shape and text matcher in one place, and the typed errors they become: each carries a
// `code` to branch on and a message a person can act on. The adapters call the named predicates and
// constructors here; nothing else reads GitHub's words.
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
// ---------------------------------------------------------------------------------------------------------
// Matchers: what an answer means. GitHub names some refusals only in the message text.
/** A compare-and-swap that lost: the branch moved since it was read (`STALE_DATA`). */
function isStale(error) {
    return error.type === 'STALE_DATA';
}
/**
 * A lost race: a moved ref (STALE_DATA), a branch or PR another run made first ("already exists"), or a PR
 * whose head has no commits over the base (the commit before it lost its race, or GitHub has not seen it yet).
 */
function isRace(error) {
    return isStale(error) || /already exists|no commits between/i.test(error.message);
}
/** A node GitHub cannot resolve yet: a pull request created a moment ago is still replicating. */
function isUnresolvable(error) {
    return error.type === 'NOT_FOUND' && /could not resolve to a node/i.test(error.message);
}
/** The repository (or its organization) does not let GitHub Actions open pull requests. */
function isActionsForbidden(error) {
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
function isProtection(message, type) {
    return (type === 'BRANCH_PROTECTION_RULE_VIOLATION' ||
        /protected branch|branch protection|protected ref|rule violation|repository rule|must be made through a pull request|reference update failed|required status checks? .*(expected|failing)|approving reviews? (is|are) required/i.test(message));
}
/** A NOT_FOUND that names the branch (ref), not the repository. */
function isBranchMissing(error) {
    return error.type === 'NOT_FOUND' && /ref|branch/i.test(error.message) && !/repositor/i.test(error.message);
}
/** Auto-merge refused because nothing is pending on the pull request (it could merge right away). */
function isNothingPending(errors) {
    return errors.some((e) => /clean status|unstable status|is in .* status/i.test(e.message));
}
/**
 * GraphQL's primary rate limit, answered with HTTP 200 (docs.github.com: "Rate limits and query limits for the
 * GraphQL API", exceeding the rate limit). GitHub documents `type: "RATE_LIMITED"` (what @octokit/plugin-throttling
 * matches: `{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded for user ID 1."}]}`), and
 * api.github.com also answers `{"errors":[{"type":"RATE_LIMIT","code":"graphql_rate_limit","message":"API rate
 * limit already exceeded for user ID 1."}]}` (yanyongyu/githubkit#271); the code may sit in `extensions`.
 */
function isRateLimited(error) {
    return (error.type === 'RATE_LIMITED' ||
        error.type === 'RATE_LIMIT' ||
        error.code === 'graphql_rate_limit' ||
        error.extensions?.code === 'graphql_rate_limit' ||
        /^API rate limit (already )?exceeded/i.test(error.message));
}
/** GitHub's own timeout of a GraphQL query ("Something went wrong … timeout"): worth another try. */
function isGraphqlTimeout(error) {
    return error.type === undefined && /something went wrong|timed? ?out/i.test(error.message);
}
/**
 * A secondary rate limit, named in the message: 403 or 429 "You have exceeded a secondary rate limit. Please wait a
 * few minutes before you try again. …" (REST and api.github.com/graphql alike: fpicalausa/remove-stale-branches#22),
 * the older "abuse detection" wording, or the same text as a GraphQL error with HTTP 200 (GitHub: "If you exceed a
 * secondary rate limit, you will receive a 200 or 403 response and an error message that indicates that you hit a
 * secondary rate limit").
 */
function isSecondaryRateLimit(message) {
    return /secondary rate limit|abuse detection|abuse rate limit/i.test(message);
}
/** The HTTP status of a failed request, if it has one. */
function statusOf(error) {
    if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number')
        return error.status;
    return undefined;
}
/** GitHub's message in a failed request's answer, else the error's own. */
function messageOf(error) {
    const message = error.response?.data?.message;
    return typeof message === 'string' ? message : error instanceof Error ? error.message : String(error);
}
/** The `message` of an answer body (REST errors are `{ message }`), or the body when it is text. */
function bodyMessage(data) {
    if (typeof data === 'object' && data !== null && 'message' in data)
        return String(data.message);
    return typeof data === 'string' ? data : undefined;
}
/** GitHub's own words, as one line. */
function say(errors) {
    return errors.map((e) => (e.type ? `${e.type}: ${e.message}` : e.message).replace(/\s+/g, ' ').trim()).join('; ');
}


/***/ }),

/***/ 8112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ actionsForbidden),
/* harmony export */   Ew: () => (/* binding */ branchNotFound),
/* harmony export */   FK: () => (/* binding */ pullWriteError),
/* harmony export */   Gi: () => (/* binding */ commitRaceExhausted),
/* harmony export */   S_: () => (/* binding */ treeTooLarge),
/* harmony export */   Wb: () => (/* binding */ pullRaceExhausted),
/* harmony export */   Ys: () => (/* binding */ branchClash),
/* harmony export */   h$: () => (/* binding */ toWriteError),
/* harmony export */   i4: () => (/* binding */ notACommit),
/* harmony export */   jk: () => (/* binding */ noDefaultBranch),
/* harmony export */   lN: () => (/* binding */ noCommit),
/* harmony export */   nc: () => (/* binding */ unauthorized),
/* harmony export */   ok: () => (/* binding */ closeFailed),
/* harmony export */   qF: () => (/* binding */ clashingBranches),
/* harmony export */   sK: () => (/* binding */ toReadError),
/* harmony export */   yN: () => (/* binding */ repositoryNotFound)
/* harmony export */ });
/* unused harmony exports accessAdvice, forbidden */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);
// The errors a person can act on, built from what GitHub answered: each names the repository, the branch or the
// input, and the remedy. The shapes and matchers they are built from are in errors.ts.

// ---------------------------------------------------------------------------------------------------------
// Reads.
/**
 * The remedy for a token that cannot reach or write `repository`, depending on who runs the workflow:
 * `workflowRepository` is GITHUB_REPOSITORY as the entry point read it (undefined outside a runner).
 */
function accessAdvice(repository, workflowRepository) {
    const app = `use a GitHub App token (actions/create-github-app-token) or a fine-grained PAT with \`contents: write\` ` +
        `on ${repository}, passed as the \`token\` input`;
    if (workflowRepository !== undefined && workflowRepository.toLowerCase() === repository.toLowerCase()) {
        return `give the job \`permissions: contents: write\`, or ${app}`;
    }
    return `GITHUB_TOKEN can only write to the repository running the workflow: ${app}`;
}
/** The message for a 401. */
function unauthorized(status = 401, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('unauthorized', `the token was rejected (${status}): check the \`token\` input (expired or revoked?)`, {
        status,
        cause,
    });
}
/** The token cannot read or write `target`. */
function forbidden(target, action, detail, workflowRepository, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('forbidden', `the token may not ${action} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} (403 ${oneLine(detail)}): ${accessAdvice((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target), workflowRepository)}`, { status: 403, cause });
}
function repositoryNotFound(target, workflowRepository, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('repository-not-found', `repository ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} was not found, or the token cannot see it: check the \`repository\` input; ` +
        accessAdvice((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target), workflowRepository), { status: 404, cause });
}
/** The branch does not exist. */
function branchNotFound(target, branch, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('branch-not-found', `branch '${branch.replace(/^refs\/heads\//, '')}' not found in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)}: check the \`branch\` input (commit mode does not create branches)`, { cause });
}
/** The default branch was asked for and there is none. */
function noDefaultBranch(target) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('branch-not-found', `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} has no default branch (an empty repository?): push a first commit, or set the \`branch\` input`);
}
/** The branch points to a tag or a tree, not a commit. */
function notACommit(target, branch, typename) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('api', `branch '${branch}' of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} does not point to a commit (${typename})`);
}
/** GitHub truncated a recursive tree listing that cannot be split further. */
function treeTooLarge(target, path) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('api', `the tree of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} under '${path || '/'}' is too large to list in one request: narrow the \`paths\` input to a folder`);
}
/** Maps a failed read to a `GitHubError` a person can act on. */
function toReadError(error, target, workflowRepository) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_)
        return error;
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GraphqlResponseError */ .rp) {
        if (error.type === 'NOT_FOUND')
            return repositoryNotFound(target, workflowRepository, error);
        if (error.type === 'FORBIDDEN')
            return forbidden(target, 'read', error.errors[0]?.message ?? 'forbidden', workflowRepository, error);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('api', `reading ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} failed: ${error.message}`, { type: error.type, cause: error });
    }
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
    if (status === 404)
        return repositoryNotFound(target, workflowRepository, error);
    if (status === 403)
        return forbidden(target, 'read', (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error), workflowRepository, error);
    return error;
}
// ---------------------------------------------------------------------------------------------------------
// Writes.
/** Maps a failed `createCommitOnBranch` to a `GitHubError` a person can act on. */
function toWriteError(error, target, branch, workflowRepository) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_)
        return error;
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GraphqlResponseError */ .rp) {
        const detail = error.errors[0]?.message ?? error.message;
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isProtection */ .md)(detail, error.type))
            return protectedBranch(target, branch, detail, error);
        if (error.type === 'FORBIDDEN')
            return forbidden(target, 'write', detail, workflowRepository, error);
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isBranchMissing */ .xf)({ type: error.type, message: detail }))
            return branchNotFound(target, branch, error);
        if (error.type === 'NOT_FOUND')
            return toReadError(error, target, workflowRepository);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('api', `committing to '${branch}' of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} failed: ${error.message}`, { type: error.type, cause: error });
    }
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
    if (status === 403 || status === 422) {
        const detail = error instanceof Error ? error.message : String(error);
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isProtection */ .md)(detail))
            return protectedBranch(target, branch, detail, error);
        if (status === 403)
            return forbidden(target, 'write', detail, workflowRepository, error);
    }
    return toReadError(error, target, workflowRepository);
}
function protectedBranch(target, branch, detail, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('protected-branch', `branch '${branch}' of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} is protected and refused the commit (${oneLine(detail)}): use \`mode: pull-request\`, ` +
        `or allow the token's actor to bypass the protection`, { cause });
}
/** `createCommitOnBranch` answered without errors and without a commit. */
function noCommit() {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('api', 'createCommitOnBranch answered without a commit');
}
/** The branch moved under every commit attempt the race budget allowed. */
function commitRaceExhausted(target, branch, attempts, elapsedMs, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('race-exhausted', `branch '${branch}' of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} moved under every one of ${attempts} commit attempts ` +
        `in ${Math.ceil(elapsedMs / 1000)} s (other writers keep committing): nothing was committed; re-run the job`, { type: 'STALE_DATA', cause });
}
/** The pull-request branch (or the PR) kept changing under every round the race budget allowed. */
function pullRaceExhausted(target, branch, attempts, elapsedMs, last) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('race-exhausted', `the pull-request branch '${branch}' of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} kept moving under ${attempts} attempts in ` +
        `${Math.ceil(elapsedMs / 1000)} s (last: ${last}): re-run the job`, { type: 'STALE_DATA' });
}
/**
 * The error a person can act on for a field of a pull-request document (`ref` moves the branch, `commit`
 * commits on it, `pull` opens the PR) that failed for a reason other than a lost race; undefined when every
 * error is a race (read again and decide again).
 */
function pullWriteError(target, branch, alias, errors, workflowRepository) {
    const real = errors.filter((e) => !(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRace */ .Kw)(e));
    if (real.length === 0)
        return undefined;
    const cause = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GraphqlResponseError */ .rp(real, null);
    const error = toWriteError(cause, target, branch, workflowRepository);
    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_))
        return error;
    if (error.code === 'protected-branch') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('protected-branch', `the pull-request branch '${branch}' of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} is protected (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .say */ .cv)(real)}): exclude it from the ` +
            `branch protection or ruleset that matches it, or choose another name with \`pr-branch\``, { cause });
    }
    if (error.code === 'forbidden') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('forbidden', `the token may not ${alias === 'pull' ? 'open pull requests' : 'push branches'} in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .say */ .cv)(real)}): ` +
            `give the job \`permissions: contents: write\` and \`pull-requests: write\`, or pass a GitHub App token ` +
            `(actions/create-github-app-token) or a fine-grained PAT with both as the \`token\` input`, { status: 403, type: real[0]?.type, cause });
    }
    if (alias === 'commit' || error.code !== 'api')
        return error;
    const what = alias === 'ref' ? `moving the branch '${branch}'` : `opening the pull request from '${branch}'`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('api', `${what} in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .say */ .cv)(real)}`, { type: real[0]?.type, cause });
}
/**
 * The branches that would keep `branch` from being created: git stores refs as paths, so a branch cannot also be a
 * folder of other branch names. For `gitops-bump/prod/api`: `gitops-bump` and `gitops-bump/prod` (a branch named
 * like one of its folders), and any branch under `gitops-bump/prod/api/`.
 */
function clashingBranches(branch) {
    const parts = branch.split('/');
    return { above: parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/')), below: `${branch}/` };
}
/**
 * `branch` cannot be created because `existing` is in the way (see `clashingBranches`). GitHub answers such a create
 * with REST 422 "Reference update failed" or GraphQL UNPROCESSABLE "Ref cannot be created"
 * (microsoft/vscode-remote-repositories-github#122); the message names both branches and the way out.
 */
function branchClash(target, branch, existing) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('api', `the pull-request branch '${branch}' cannot be created in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} because the branch '${existing}' exists: ` +
        `git cannot hold two branches when one's name is a folder of the other's ('${existing}', '${branch}'): ` +
        `delete or rename '${existing}' if nothing needs it, or choose another name with \`pr-branch\``);
}
/** GitHub Actions may not open pull requests in the repository (`isActionsForbidden`). */
function actionsForbidden(target, branch, errors, committed) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('forbidden', `GitHub refused to open the pull request in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .say */ .cv)(errors)}): allow it in the repository's ` +
        `Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" ` +
        `(in an organization, its own Actions settings must allow it too), or pass a GitHub App token ` +
        `(actions/create-github-app-token) or a PAT as the \`token\` input` +
        (committed ? `; the branch '${branch}' already holds the commit and is reused by the next run` : ''), { status: 403, type: 'FORBIDDEN' });
}
/** `closePullRequest` failed. */
function closeFailed(target, number, errors) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_('api', `closing pull request #${number} of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(target)} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .say */ .cv)(errors)}`, {
        type: errors[0]?.type,
        cause: new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GraphqlResponseError */ .rp(errors, null),
    });
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}


/***/ })

};
