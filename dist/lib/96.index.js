export const id = 96;
export const ids = [96];
export const modules = {

/***/ 2096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bumpRemote: () => (/* binding */ bumpRemote),
  readRemoteGates: () => (/* binding */ readRemoteGates),
  readRemoteHistories: () => (/* binding */ readRemoteHistories),
  readRemoteSource: () => (/* binding */ readRemoteSource)
});

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
;// CONCATENATED MODULE: ./src/github/errors.ts
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
     * @param details HTTP status and the GitHub error type/message behind it, when known; the wait a rate limit asks for
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

;// CONCATENATED MODULE: ./src/github/failures.ts
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
    return new GitHubError('unauthorized', `the token was rejected (${status}): check the \`token\` input (expired or revoked?)`, {
        status,
        cause,
    });
}
/** The token cannot read or write `target`. */
function forbidden(target, action, detail, workflowRepository, cause) {
    return new GitHubError('forbidden', `the token may not ${action} ${slug(target)} (403 ${oneLine(detail)}): ${accessAdvice(slug(target), workflowRepository)}`, { status: 403, cause });
}
function repositoryNotFound(target, workflowRepository, cause) {
    return new GitHubError('repository-not-found', `repository ${slug(target)} was not found, or the token cannot see it: check the \`repository\` input; ` +
        accessAdvice(slug(target), workflowRepository), { status: 404, cause });
}
/** The branch does not exist. */
function branchNotFound(target, branch, cause) {
    return new GitHubError('branch-not-found', `branch '${branch.replace(/^refs\/heads\//, '')}' not found in ${slug(target)}: check the \`branch\` input (commit mode does not create branches)`, { cause });
}
/** The default branch was asked for and there is none. */
function noDefaultBranch(target) {
    return new GitHubError('branch-not-found', `${slug(target)} has no default branch (an empty repository?): push a first commit, or set the \`branch\` input`);
}
/** The branch points to a tag or a tree, not a commit. */
function notACommit(target, branch, typename) {
    return new GitHubError('api', `branch '${branch}' of ${slug(target)} does not point to a commit (${typename})`);
}
/** GitHub truncated a recursive tree listing that cannot be split further. */
function treeTooLarge(target, path) {
    return new GitHubError('api', `the tree of ${slug(target)} under '${path || '/'}' is too large to list in one request: narrow the \`paths\` input to a folder`);
}
/** Maps a failed read to a `GitHubError` a person can act on. */
function toReadError(error, target, workflowRepository) {
    if (error instanceof GitHubError)
        return error;
    if (error instanceof GraphqlResponseError) {
        if (error.type === 'NOT_FOUND')
            return repositoryNotFound(target, workflowRepository, error);
        if (error.type === 'FORBIDDEN')
            return forbidden(target, 'read', error.errors[0]?.message ?? 'forbidden', workflowRepository, error);
        return new GitHubError('api', `reading ${slug(target)} failed: ${error.message}`, { type: error.type, cause: error });
    }
    const status = statusOf(error);
    if (status === 404)
        return repositoryNotFound(target, workflowRepository, error);
    if (status === 403)
        return forbidden(target, 'read', messageOf(error), workflowRepository, error);
    return error;
}
// ---------------------------------------------------------------------------------------------------------
// Writes.
/** Maps a failed `createCommitOnBranch` to a `GitHubError` a person can act on. */
function toWriteError(error, target, branch, workflowRepository) {
    if (error instanceof GitHubError)
        return error;
    if (error instanceof GraphqlResponseError) {
        const detail = error.errors[0]?.message ?? error.message;
        if (isProtection(detail, error.type))
            return protectedBranch(target, branch, detail, error);
        if (error.type === 'FORBIDDEN')
            return forbidden(target, 'write', detail, workflowRepository, error);
        if (isBranchMissing({ type: error.type, message: detail }))
            return branchNotFound(target, branch, error);
        if (error.type === 'NOT_FOUND')
            return toReadError(error, target, workflowRepository);
        return new GitHubError('api', `committing to '${branch}' of ${slug(target)} failed: ${error.message}`, { type: error.type, cause: error });
    }
    const status = statusOf(error);
    if (status === 403 || status === 422) {
        const detail = error instanceof Error ? error.message : String(error);
        if (isProtection(detail))
            return protectedBranch(target, branch, detail, error);
        if (status === 403)
            return forbidden(target, 'write', detail, workflowRepository, error);
    }
    return toReadError(error, target, workflowRepository);
}
function protectedBranch(target, branch, detail, cause) {
    return new GitHubError('protected-branch', `branch '${branch}' of ${slug(target)} is protected and refused the commit (${oneLine(detail)}): use \`mode: pull-request\`, ` +
        `or allow the token's actor to bypass the protection`, { cause });
}
/** `createCommitOnBranch` answered without errors and without a commit. */
function noCommit() {
    return new GitHubError('api', 'createCommitOnBranch answered without a commit');
}
/** The branch moved under every commit attempt the time budget (`race-timeout`) allowed. */
function commitRaceExhausted(target, branch, attempts, elapsedMs, cause) {
    return new GitHubError('race-exhausted', `branch '${branch}' of ${slug(target)} kept moving: ${attempts} commit attempt(s) in ${Math.ceil(elapsedMs / 1000)} s, ` +
        `the time budget (\`race-timeout\`), all lost the race to other writers: nothing was committed; re-run the job, ` +
        `raise \`race-timeout\`, or let one job write at a time (a workflow \`concurrency:\` group)`, { type: 'STALE_DATA', cause });
}
/** The pull-request branch (or the PR) kept changing under every round the race budget allowed. */
function pullRaceExhausted(target, branch, attempts, elapsedMs, last) {
    return new GitHubError('race-exhausted', `the pull-request branch '${branch}' of ${slug(target)} kept moving under ${attempts} attempt(s) in ` +
        `${Math.ceil(elapsedMs / 1000)} s, the time budget (\`race-timeout\`) (last: ${last}): re-run the job, or raise \`race-timeout\``, { type: 'STALE_DATA' });
}
/**
 * The error a person can act on for a field of a pull-request document (`ref` moves the branch, `commit`
 * commits on it, `pull` opens the PR) that failed for a reason other than a lost race; undefined when every
 * error is a race (read again and decide again).
 */
function pullWriteError(target, branch, alias, errors, workflowRepository) {
    const real = errors.filter((e) => !isRace(e));
    if (real.length === 0)
        return undefined;
    const cause = new GraphqlResponseError(real, null);
    const error = toWriteError(cause, target, branch, workflowRepository);
    if (!(error instanceof GitHubError))
        return error;
    if (error.code === 'protected-branch') {
        return new GitHubError('protected-branch', `the pull-request branch '${branch}' of ${slug(target)} is protected (${say(real)}): exclude it from the ` +
            `branch protection or ruleset that matches it, or choose another name with \`pr-branch\``, { cause });
    }
    if (error.code === 'forbidden') {
        return new GitHubError('forbidden', `the token may not ${alias === 'pull' ? 'open pull requests' : 'push branches'} in ${slug(target)} (${say(real)}): ` +
            `give the job \`permissions: contents: write\` and \`pull-requests: write\`, or pass a GitHub App token ` +
            `(actions/create-github-app-token) or a fine-grained PAT with both as the \`token\` input`, { status: 403, type: real[0]?.type, cause });
    }
    if (alias === 'commit' || error.code !== 'api')
        return error;
    const what = alias === 'ref' ? `moving the branch '${branch}'` : `opening the pull request from '${branch}'`;
    return new GitHubError('api', `${what} in ${slug(target)} failed: ${say(real)}`, { type: real[0]?.type, cause });
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
    return new GitHubError('api', `the pull-request branch '${branch}' cannot be created in ${slug(target)} because the branch '${existing}' exists: ` +
        `git cannot hold two branches when one's name is a folder of the other's ('${existing}', '${branch}'): ` +
        `delete or rename '${existing}' if nothing needs it, or choose another name with \`pr-branch\``);
}
/** GitHub Actions may not open pull requests in the repository (`isActionsForbidden`). */
function actionsForbidden(target, branch, errors, committed) {
    return new GitHubError('forbidden', `GitHub refused to open the pull request in ${slug(target)} (${say(errors)}): allow it in the repository's ` +
        `Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" ` +
        `(in an organization, its own Actions settings must allow it too), or pass a GitHub App token ` +
        `(actions/create-github-app-token) or a PAT as the \`token\` input` +
        (committed ? `; the branch '${branch}' already holds the commit and is reused by the next run` : ''), { status: 403, type: 'FORBIDDEN' });
}
/** `closePullRequest` failed. */
function closeFailed(target, number, errors) {
    return new GitHubError('api', `closing pull request #${number} of ${slug(target)} failed: ${say(errors)}`, {
        type: errors[0]?.type,
        cause: new GraphqlResponseError(errors, null),
    });
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/github/client.ts
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
        throw new GitHubError('unauthorized', 'no token: set the `token` input (default `${{ github.token }}`), or GITHUB_TOKEN for the CLI');
    }
    const { apiUrl, graphqlUrl } = resolveEndpoints(options.apiUrl, options.graphqlUrl, options.env);
    const policy = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) };
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const log = options.log ?? (() => undefined);
    const counters = { requests: 0, retries: 0, mutations: 0 };
    // Requests sent inside `passRateLimits`: a rate limit is the caller's to wait out (see there).
    const passing = new external_node_async_hooks_.AsyncLocalStorage();
    const rest = (0,github/* getOctokit */.Q)(options.token, {
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
            if (failure.kind === 'rate-limit' && passing.getStore() === true) {
                log(`${label}: ${failure.reason}, ${waitMs} ms asked: handed to the caller`);
                throw new GitHubError('rate-limited', `${label}: GitHub's ${failure.reason} asks to wait ${Math.ceil(waitMs / 1000)} s`, {
                    status: failure.status,
                    cause: failure.error,
                    retryAfterMs: waitMs,
                });
            }
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
            throw new GraphqlResponseError(body.errors, body.data);
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
        stats: () => ({ ...counters }),
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
        passRateLimits: (send) => passing.run(true, send),
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
        return new GitHubError('rate-limited', `${label}: GitHub's ${failure.reason} asks to wait ${Math.ceil(waitMs / 1000)} s, longer than the retry ` +
            `budget (${Math.round(policy.maxTotalMs / 1000)} s): re-run later, or spread the runs out`, { status: failure.status });
    }
    if (attempt < policy.attempts && elapsed + waitMs <= policy.maxTotalMs)
        return undefined;
    const tries = `${attempt} time(s) in ${(elapsed / 1000).toFixed(1)} s`;
    if (failure.kind === 'transient' && failure.network === true) {
        // No answer at all (refused, unknown host, reset, timeout): the address or the network, not GitHub's health.
        return new GitHubError('unavailable', `could not reach ${url}: ${failure.reason} (${label}, tried ${tries}): check GITHUB_API_URL (and GITHUB_GRAPHQL_URL) ` +
            `and the network (DNS, proxy variables, firewall), then re-run the job`, { cause: failure.error });
    }
    const degraded = /^https:\/\/api\.github\.com\//.test(url) ? 'GitHub may be degraded (https://www.githubstatus.com)' : 'the server may be degraded';
    return new GitHubError(failure.kind === 'rate-limit' ? 'rate-limited' : 'unavailable', `${label} failed ${tries} (last: ${failure.reason}; ${url}): ${degraded}; re-run the job`, { status: failure.status, cause: failure.error });
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
        return { kind: 'fatal', reason: '401', error: unauthorized(401, error) };
    if (status === 403 || status === 429) {
        const limit = rateLimitWait(headers, bodyMessage(e.response.data) ?? e.message ?? '');
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

// EXTERNAL MODULE: ./src/core/gates.ts
var gates = __webpack_require__(7311);
;// CONCATENATED MODULE: ./src/github/mutation.ts

/**
 * The trailer every commit this action sends carries: `Gitops-Bump-Attempt: <run>/<nonce>.<round>` names the run
 * and the round that sent it, so that a run whose answer was lost finds its own commit on the branch.
 */
const ATTEMPT_TRAILER = 'Gitops-Bump-Attempt';
/** `message` with `trailers` after the ones it carries. */
function withTrailers(message, ...trailers) {
    return { ...message, trailers: [...(message.trailers ?? []), ...trailers] };
}
/** A trailer line's shape: a token without spaces, a colon, a value (continuation lines start with a space). */
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*):\s*(.*)$/;
function isTrailerBlock(paragraph) {
    const lines = paragraph.split('\n');
    return TRAILER_LINE.test(lines[0] ?? '') && lines.every((line) => TRAILER_LINE.test(line) || /^\s+\S/.test(line));
}
/**
 * The body as sent: the body, then the trailers as git's trailer block. Git reads trailers from the last
 * paragraph only, so they follow a blank line, or join the body's own last paragraph when that already is a
 * trailer block (a template ending in `Signed-off-by:` keeps its trailers). Values are one line each.
 */
function messageBody(message) {
    const body = (message.body ?? '').replace(/\s+$/, '');
    const trailers = (message.trailers ?? []).map(([name, value]) => `${name}: ${value.replace(/\s+/g, ' ').trim()}`);
    if (trailers.length === 0)
        return body;
    if (body === '')
        return trailers.join('\n');
    const last = body.slice(body.lastIndexOf('\n\n') + 1).replace(/^\n/, '');
    return `${body}${isTrailerBlock(last) ? '\n' : '\n\n'}${trailers.join('\n')}`;
}
/** Every trailer of a full commit message's trailer block, in order. */
function trailers(message) {
    const paragraphs = message.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/);
    // The subject line is never a trailer block.
    if (paragraphs.length < 2)
        return [];
    const last = paragraphs[paragraphs.length - 1];
    if (!isTrailerBlock(last))
        return [];
    return last.split('\n').flatMap((line) => {
        const match = TRAILER_LINE.exec(line);
        return match ? [[match[1], match[2].trim()]] : [];
    });
}
/** The values of the `name` trailers (git compares names case-insensitively) in a full commit message. */
function trailerValues(message, name) {
    return trailers(message).flatMap(([key, value]) => (key.toLowerCase() === name.toLowerCase() ? [value] : []));
}
/** Sends a document; GraphQL errors come back beside the partial data instead of being thrown. */
async function send(client, query, variables, aliases) {
    try {
        return { data: await client.graphql(query, variables), errors: [], aliases };
    }
    catch (error) {
        if (!(error instanceof GraphqlResponseError))
            throw error;
        const data = typeof error.data === 'object' && error.data !== null ? error.data : {};
        return { data, errors: error.errors, aliases };
    }
}
/** Sends one mutation document made of `fields`, each under its alias. */
function mutate(client, name, fields) {
    const declarations = fields.map((f) => `$${f.alias}: ${f.declaration}`).join(', ');
    const query = `mutation ${name}(${declarations}) { ${fields.map((f) => `${f.alias}: ${f.selection}`).join(' ')} }`;
    const variables = Object.fromEntries(fields.map((f) => [f.alias, f.value]));
    return send(client, query, variables, fields.map((f) => f.alias));
}
/**
 * The errors of one root field, by its alias. An error without a path, or whose path names none of the
 * document's aliases (a proxy or an emulator naming the field instead of its alias), belongs to every field.
 */
function errorsOf(answer, alias) {
    return answer.errors.filter((e) => {
        const key = e.path?.[0];
        return key === alias || typeof key !== 'string' || !answer.aliases.includes(key);
    });
}
/**
 * Why a field failed, or [] when it succeeded. A mutation that ran answers a payload object, so a null
 * payload failed too, even when only another field's error names the cause (then those errors are its).
 */
function failure(answer, alias) {
    const own = errorsOf(answer, alias);
    if (own.length > 0)
        return own;
    const payload = answer.data[alias];
    if (payload !== null && payload !== undefined)
        return [];
    return answer.errors.length > 0 ? answer.errors : [{ message: 'GitHub answered without a result' }];
}
/** The commit a `commitField` created, if it did. */
function committed(answer) {
    return answer.data['commit']?.commit ?? undefined;
}
/**
 * `createCommitOnBranch` (alias `commit`): every edited file's full new text (base64 of its UTF-8 bytes) on
 * top of `where.expectedHead`, no author (GitHub signs it: Verified).
 */
function commitField(where, edits, message) {
    return {
        alias: 'commit',
        declaration: 'CreateCommitOnBranchInput!',
        selection: 'createCommitOnBranch(input: $commit) { commit { oid url } }',
        value: {
            branch: { repositoryNameWithOwner: where.repositoryNameWithOwner, branchName: where.branch },
            expectedHeadOid: where.expectedHead,
            message: sentMessage(message),
            fileChanges: { additions: edits.map((e) => ({ path: e.path, contents: encodeContents(e.after) })) },
        },
    };
}
/**
 * `updateRefs` (alias `ref`): moves `branch` from `beforeOid` (the zero oid: it must not exist) to `afterOid`.
 * `force`: the move need not be a fast-forward (a rebuild), yet it is a compare-and-swap on `beforeOid`.
 */
function refMove(repositoryId, branch, beforeOid, afterOid) {
    return {
        alias: 'ref',
        declaration: 'UpdateRefsInput!',
        selection: 'updateRefs(input: $ref) { clientMutationId }',
        value: { repositoryId, refUpdates: [{ name: qualifiedBranch(branch), beforeOid, afterOid, force: true }] },
    };
}
/** The message as `createCommitOnBranch` takes it: the headline, and the body with the trailer block. */
function sentMessage(message) {
    const body = messageBody(message);
    return body === '' ? { headline: message.headline } : { headline: message.headline, body };
}
/** The message as git stores it: the headline, a blank line, the body and its trailers. */
function fullMessage(message) {
    const body = messageBody(message);
    return body ? `${message.headline}\n\n${body}` : message.headline;
}
/** Base64 of the text's UTF-8 bytes, exactly (a BOM and CRLF line ends survive the round trip). */
function encodeContents(text) {
    return Buffer.from(text, 'utf8').toString('base64');
}
/** `main` or `refs/heads/main` → `refs/heads/main`. */
function qualifiedBranch(branch) {
    return branch.startsWith('refs/heads/') ? branch : `refs/heads/${branch}`;
}

;// CONCATENATED MODULE: ./src/github/gates.ts
// The promotion gates' facts in one GraphQL query against the source branch's head: each source file's history
// (newest HISTORY first, with the file's text at each commit, its date and trailers) and, with a status gate, the
// branch's newest BRANCH commits with their statuses and check runs (`statusCheckRollup`). Unlike provenance, a
// failed read is not skipped: the gates cannot be judged without it, and the run fails writing nothing.


/** Commits of each source file's history read (the soak clock starts at the oldest one that still holds the version). */
const HISTORY = 30;
/** Commits of the source branch whose statuses are read (the newest carrying each context counts). */
const BRANCH = 50;
/** Contexts read per commit. */
const CONTEXTS = 50;
/** A status context's or check run's state as the gate reads it. */
function contextState(node) {
    if (node.__typename === 'StatusContext' && node.context !== undefined) {
        const state = (node.state ?? '').toLowerCase();
        return { name: node.context, state: state === 'success' || state === 'failure' || state === 'error' ? state : 'pending' };
    }
    if (node.__typename === 'CheckRun' && node.name !== undefined) {
        if (node.status !== 'COMPLETED')
            return { name: node.name, state: 'pending' };
        return { name: node.name, state: ['SUCCESS', 'NEUTRAL', 'SKIPPED'].includes(node.conclusion ?? '') ? 'success' : 'failure' };
    }
    return undefined;
}
/** Reads the facts the gates need for `files` of `owner/repo` at `head`: one request. */
async function readGateFacts(client, source, files, rules, now) {
    const histories = files
        .map((_, i) => `f${i}: history(path: $f${i}, first: ${HISTORY}) { nodes { oid committedDate message file(path: $f${i}) { object { ... on Blob { text } } } } }`)
        .join(' ');
    const contexts = `contexts(first: ${CONTEXTS}) { nodes { __typename ... on StatusContext { context state } ... on CheckRun { name status conclusion } } }`;
    const branch = rules.requireStatus.length > 0 ? `branch: history(first: ${BRANCH}) { nodes { oid statusCheckRollup { ${contexts} } } }` : '';
    const declarations = ['$owner: String!', '$name: String!', '$head: GitObjectID!', ...files.map((_, i) => `$f${i}: String!`)];
    const data = await client.graphql(`query PromotionGates(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { object(oid: $head) { ... on Commit { ${histories} ${branch} } } } }`, { owner: source.owner, name: source.repo, head: source.head, ...Object.fromEntries(files.map((f, i) => [`f${i}`, f])) });
    const commit = data.repository?.object ?? {};
    const read = new Map();
    files.forEach((path, i) => {
        const nodes = (commit[`f${i}`]?.nodes ?? []);
        read.set(path, nodes.map((n) => {
            const text = n.file?.object?.text;
            return { oid: n.oid, committedDate: n.committedDate, trailers: trailers(n.message), versions: typeof text === 'string' ? (0,gates/* versionsIn */.bS)({ path, text }) : undefined };
        }));
    });
    const commits = (commit.branch?.nodes ?? []).map((n) => ({
        oid: n.oid,
        contexts: (n.statusCheckRollup?.contexts.nodes ?? []).flatMap((c) => contextState(c) ?? []),
    }));
    return { histories: read, branch: commits, now };
}

// EXTERNAL MODULE: ./src/core/paths.ts
var core_paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/core/encoding.ts
var encoding = __webpack_require__(3590);
;// CONCATENATED MODULE: ./src/github/limit.ts
// Bounded parallelism for read requests: at most a few in flight, results in the input's order. A `Gate` is the
// bound itself and can be shared, so that reads running side by side (a pull request's branch files next to the
// files read by path) keep the bound together.
/** Read requests one run keeps in flight at most, by default. */
const READ_CONCURRENCY = 4;
/**
 * A gate letting at most `limit` calls (at least 1) be pending at once. A gated call must not wait for another
 * call of the same gate (it would hold a place the other needs): gate each request, not the work around it.
 */
function gate(limit = READ_CONCURRENCY) {
    const most = Math.max(1, Math.floor(limit) || 1);
    let active = 0;
    const waiting = [];
    const next = () => {
        while (active < most && waiting.length > 0) {
            active++;
            waiting.shift()();
        }
    };
    return (fn) => new Promise((resolve, reject) => {
        waiting.push(() => {
            fn()
                .then(resolve, reject)
                .finally(() => {
                active--;
                next();
            });
        });
        next();
    });
}
/**
 * `items.map(fn)` with at most `limit` calls of `fn` pending at once (a number, at least 1, or a shared `Gate`).
 * The results keep the order of `items`, whatever order the calls finish in; the first failure rejects (calls
 * already started run to their end, none is started after it).
 */
async function mapLimited(items, limit, fn) {
    const run = typeof limit === 'number' ? gate(limit) : limit;
    let failed = false;
    return Promise.all(items.map((item, index) => run(async () => {
        // Never seen by the caller: Promise.all has already rejected with the first failure.
        if (failed)
            throw new Error('not started: an earlier call failed');
        try {
            return await fn(item, index);
        }
        catch (error) {
            failed = true;
            throw error;
        }
    })));
}

;// CONCATENATED MODULE: ./src/github/tree.ts



/** Tree levels listed in one GraphQL query by default, and at most (GitHub refuses documents nested deeper than 25 fields). */
const LIST_DEPTH = 8;
const MAX_LIST_DEPTH = 9;
/** Git modes as GitHub's GraphQL reports them (decimal value of the octal mode); octal-looking values accepted too. */
const SYMLINK_MODES = new Set([0o120000, 120000]);
function isSymlink(mode) {
    return SYMLINK_MODES.has(mode);
}
/** The regular files of a listing (deduplicated, in code-unit order) and the skips of everything else. */
function filesOf(listed) {
    const regular = (e) => e.type === 'blob' && !isSymlink(e.mode);
    const paths = [...new Set(listed.filter(regular).map((e) => e.path))].sort(core_paths/* comparePaths */.cD);
    return { paths, skipped: listed.filter((e) => !regular(e)).map(skipOfListed) };
}
function skipOfListed(entry) {
    if (isSymlink(entry.mode))
        return { path: entry.path, reason: 'symbolic link (not followed)' };
    if (entry.type === 'commit')
        return { path: entry.path, reason: 'submodule' };
    return { path: entry.path, reason: `not a file (${entry.type})` };
}
/** The listing depth to ask for: at least 1, at most what GitHub accepts. */
function listDepth(depth) {
    return Math.min(MAX_LIST_DEPTH, Math.max(1, depth ?? 1));
}
/** The facts of a blob that `filesFromAnswers` decodes (the selection `FILE_ENTRY_SELECTION` asks for by path). */
const BLOB_SELECTION = '... on Blob { byteSize isBinary isTruncated text }';
/**
 * `entries { name type mode oid size object { ... on Tree { entries { … } } } }`, `depth` levels deep; with `texts`,
 * every blob's text and facts instead of its size (`object { __typename … on Blob { … } }`).
 */
function entriesSelection(depth, texts = false) {
    const leaf = texts ? 'name type mode oid' : 'name type mode oid size';
    const tree = depth <= 1 ? '' : `... on Tree { ${entriesSelection(depth - 1, texts)} }`;
    const object = texts ? `object { __typename ${tree} ${BLOB_SELECTION} }` : tree === '' ? '' : `object { ${tree} }`;
    return `entries { ${leaf}${object === '' ? '' : ` ${object}`} }`;
}
/**
 * The selection listing `listing` as `alias`, its path in the variable `$alias` (the repository root needs none):
 * `alias: file(path: $alias) { type mode oid object { … on Tree { entries … } } }` (on a commit).
 */
function treeSelection(alias, listing) {
    const entries = entriesSelection(listing.depth, listing.texts);
    if (listing.prefix === '')
        return `${alias}: tree { ${entries} }`;
    const blob = listing.texts ? ` __typename ${BLOB_SELECTION}` : '';
    return `${alias}: file(path: $${alias}) { type mode oid${listing.texts ? '' : ' size'} object {${blob} ... on Tree { ${entries} } } }`;
}
/**
 * The listing of the tree answers (`${alias}0`, `${alias}1`… for `listings`): the entries it reached, and the
 * folders deeper than their listing's depth that `listDeep` must list (none past a `complete` listing).
 */
function listingOf(answers, listings, alias = 't') {
    const listing = [];
    const unexpanded = [];
    listings.forEach(({ prefix, depth, complete }, i) => {
        const root = answers[`${alias}${i}`];
        if (root === null || root === undefined)
            return;
        if (prefix !== '' && 'type' in root && root.type !== 'tree') {
            // A prefix without glob magic may name a file (or a link or a submodule): it is itself a candidate.
            listing.push(listed(prefix, root));
            return;
        }
        const entries = 'entries' in root ? root.entries : root.object?.entries;
        if (entries !== undefined)
            flatten(prefix, entries, depth, complete, listing, unexpanded);
    });
    return { listing, unexpanded };
}
function listed(path, raw) {
    const size = raw.size ?? raw.object?.byteSize;
    const entry = { path, type: raw.type, mode: raw.mode, oid: raw.oid, ...(size === undefined || raw.type !== 'blob' ? {} : { size }) };
    return raw.object?.__typename === 'Blob' ? { ...entry, answer: raw } : entry;
}
function flatten(prefix, entries, depth, complete, out, unexpanded) {
    for (const raw of entries) {
        const path = prefix === '' ? (raw.name ?? '') : `${prefix}/${raw.name ?? ''}`;
        if (raw.type !== 'tree') {
            out.push(listed(path, raw));
        }
        else if (depth <= 1 || raw.object?.entries === undefined) {
            if (!(complete && depth <= 1))
                unexpanded.push({ path, type: raw.type, mode: raw.mode, oid: raw.oid });
        }
        else {
            flatten(path, raw.object.entries, depth - 1, complete, out, unexpanded);
        }
    }
}
/**
 * Lists the files in folders deeper than the GraphQL query reached, through REST: several folders with one recursive
 * listing of the commit's tree, a single one with one of its own. Where GitHub truncates a recursive listing (past
 * 100,000 entries or 7 MB), each folder is listed on its own, and a folder still too big one level at a time
 * (its files, then each subfolder the same way). Requests go through `limit` (a number or a shared `Gate`).
 */
async function listDeep(client, target, treeOid, unexpanded, limit = gate()) {
    const run = typeof limit === 'number' ? gate(limit) : limit;
    if (unexpanded.length === 0)
        return [];
    if (unexpanded.length === 1)
        return listFolder(client, target, unexpanded[0], run);
    const whole = await run(() => getTree(client, target, { path: '', oid: treeOid }, true));
    if (!whole.truncated) {
        const under = unexpanded.map((e) => `${e.path}/`);
        return whole.entries.filter((e) => e.type !== 'tree' && under.some((u) => e.path.startsWith(u)));
    }
    // Not mapLimited over `run`: listFolder gates each of its own requests (a gated call waiting on the gate would deadlock).
    return (await Promise.all(unexpanded.map((folder) => listFolder(client, target, folder, run)))).flat();
}
/** The files under one folder: one recursive listing, or (GitHub truncated it) its own level and each subfolder. */
async function listFolder(client, target, folder, run) {
    const deep = await run(() => getTree(client, target, folder, true));
    if (!deep.truncated)
        return deep.entries.filter((e) => e.type !== 'tree');
    const level = await run(() => getTree(client, target, folder, false));
    if (level.truncated)
        throw treeTooLarge(target, folder.path);
    const below = await Promise.all(level.entries.filter((e) => e.type === 'tree').map((sub) => listFolder(client, target, sub, run)));
    return [...level.entries.filter((e) => e.type !== 'tree'), ...below.flat()];
}
/** One REST tree listing of `tree` (recursive or one level), its entries' paths from the repository root. */
async function getTree(client, target, tree, recursive) {
    const { data } = await client.rest.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
        owner: target.owner,
        repo: target.repo,
        tree_sha: tree.oid,
        ...(recursive ? { recursive: '1' } : {}),
    });
    const entries = data.tree.map((e) => {
        const entry = { path: tree.path ? `${tree.path}/${e.path ?? ''}` : (e.path ?? ''), type: e.type ?? '', mode: Number.parseInt(e.mode ?? '0', 8), oid: e.sha ?? '' };
        return e.type === 'blob' && e.size !== undefined ? { ...entry, size: e.size } : entry;
    });
    return { entries, truncated: data.truncated };
}

;// CONCATENATED MODULE: ./src/github/blob.ts
// File contents: `file(path:)` answers decoded into texts and skips exactly as a snapshot reads them (binary,
// oversized, links, submodules, not UTF-8), files read by path at one commit, and blobs read over REST where
// GraphQL truncates a text or does not give it as UTF-8.





const DEFAULTS = { maxBytes: 1024 * 1024, chunkSize: 100, chunkBytes: 1_000_000, concurrency: READ_CONCURRENCY };
/** GitHub's GraphQL gives a blob's text up to this many bytes (`isTruncated` past it: the text is read over REST). */
const GRAPHQL_TEXT_BYTES = 512_000;
/** Read requests in flight at once, at least 1. */
function concurrency(options) {
    return Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
}
/** The gate a read's requests go through: the shared one, else a fresh one of `concurrency`. */
function readGate(options) {
    return options.gate ?? gate(concurrency(options));
}
/** Files read per query, at least 1. */
function chunkSize(options) {
    return Math.max(1, options.chunkSize ?? DEFAULTS.chunkSize);
}
/**
 * The selection of one `file(path:)` answer that `filesFromAnswers` decodes, for `ReadOptions.extra`
 * selections that read files of another commit in the head request.
 */
const FILE_ENTRY_SELECTION = `type mode oid object { __typename ${BLOB_SELECTION} }`;
/** `FILE_ENTRY_SELECTION` as the fragment `...FileEntry` that the queries here spread. */
const FILE_FRAGMENT = `fragment FileEntry on TreeEntry { ${FILE_ENTRY_SELECTION} }`;
/**
 * `paths` in consecutive chunks of at most `files` paths and, where `sizeOf` knows the sizes, at most `bytes`
 * bytes (a path larger than that alone). The chunks keep the order of `paths`.
 */
function chunked(paths, files, bytes, sizeOf = () => undefined) {
    const chunks = [];
    let chunk = [];
    let sum = 0;
    for (const path of paths) {
        const size = sizeOf(path) ?? 0;
        if (chunk.length > 0 && (chunk.length >= files || sum + size > bytes)) {
            chunks.push(chunk);
            chunk = [];
            sum = 0;
        }
        chunk.push(path);
        sum += size;
    }
    if (chunk.length > 0)
        chunks.push(chunk);
    return chunks;
}
/**
 * Reads files by path at one commit: one query per chunk (`chunkSize` paths, and `chunkBytes` where `sizeOf` knows
 * the sizes), at most `concurrency` (or the shared `gate`) in flight.
 */
async function readPaths(client, target, commitOid, paths, options, sizeOf) {
    const chunks = chunked(paths, chunkSize(options), Math.max(1, options.chunkBytes ?? DEFAULTS.chunkBytes), sizeOf);
    const answers = await mapLimited(chunks, readGate(options), async (chunk) => {
        const declarations = ['$owner: String!', '$name: String!', '$oid: GitObjectID!', ...chunk.map((_, i) => `$p${i}: String!`)];
        const selections = chunk.map((_, i) => `f${i}: file(path: $p${i}) { ...FileEntry }`);
        const query = `query ReadFiles(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { object(oid: $oid) { ` +
            `... on Commit { ${selections.join(' ')} } } } } ${FILE_FRAGMENT}`;
        const variables = { owner: target.owner, name: target.repo, oid: commitOid };
        chunk.forEach((p, i) => (variables[`p${i}`] = p));
        const data = await client.graphql(query, variables);
        if (data.repository === null)
            throw repositoryNotFound(target, client.workflowRepository);
        const commit = data.repository.object ?? {};
        return chunk.map((path, i) => ({ path, entry: commit[`f${i}`] ?? null }));
    });
    return answers.flat();
}
/**
 * Reads the listed files `entries` (regular files of one listing at commit `commitOid`) in chunks sized by their
 * bytes. Where the listing gave a file's size and that size decides, no GraphQL text is asked for: a file over
 * `maxBytes` is skipped unread, and one GitHub would truncate (over 512,000 bytes) is read over REST straight away.
 */
async function readListed(client, target, commitOid, entries, options) {
    const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
    const sized = [];
    const byQuery = [];
    for (const e of entries) {
        if (e.size !== undefined && (e.size > maxBytes || e.size > GRAPHQL_TEXT_BYTES)) {
            // What decode() makes of it: 'larger than …', or a text to read over REST (isTruncated).
            const object = { __typename: 'Blob', byteSize: e.size, isBinary: false, isTruncated: true, text: null };
            sized.push({ path: e.path, entry: { type: e.type, mode: e.mode, oid: e.oid, object } });
        }
        else {
            byQuery.push(e);
        }
    }
    const sizes = new Map(byQuery.map((e) => [e.path, e.size]));
    const read = await readPaths(client, target, commitOid, byQuery.map((e) => e.path), options, (p) => sizes.get(p));
    return [...sized, ...read];
}
/**
 * Decodes `file(path:)` answers selected with `FILE_ENTRY_SELECTION` (null: no such path) into files and
 * skips, each sorted by path, exactly as `readSnapshot` does (truncated texts are read over REST). `branch`
 * names the commit in skip reasons.
 */
async function filesFromAnswers(client, target, branch, answers, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
    // Decoding is local except for the few blobs read over REST: those are the requests the limit bounds.
    const results = await mapLimited(answers, readGate(options), (a) => decode(client, target, branch, a.path, (a.entry ?? null), maxBytes));
    const files = results.filter((r) => 'text' in r).sort(core_paths/* byPath */.f2);
    const skipped = results.filter((r) => !('text' in r)).sort(core_paths/* byPath */.f2);
    return { files, skipped };
}
/** Reads `paths` at commit `oid` (one query per `chunkSize` paths, `concurrency` at once), decoded like `readSnapshot`. */
async function readFilesAt(client, target, branch, oid, paths, options = {}) {
    try {
        return await filesFromAnswers(client, target, branch, await readPaths(client, target, oid, paths, options), options);
    }
    catch (error) {
        throw toReadError(error, target, client.workflowRepository);
    }
}
/** A file's text, or why it is skipped. Truncated texts (over 512,000 bytes) are read over REST. */
async function decode(client, target, branch, path, entry, maxBytes) {
    if (entry === null)
        return { path, reason: `does not exist on branch '${branch}'` };
    if (isSymlink(entry.mode))
        return { path, reason: 'symbolic link (not followed)' };
    if (entry.type === 'commit')
        return { path, reason: 'submodule' };
    if (entry.type !== 'blob' || entry.object?.__typename !== 'Blob')
        return { path, reason: `not a file (${entry.type})` };
    const blob = entry.object;
    const size = blob.byteSize ?? 0;
    // A blob GraphQL calls binary, or whose text is not its bytes, may be UTF-16 or UTF-32 text with a byte-order
    // mark: its bytes (one REST read, only for such blobs of an even size within max-file-size) name it exactly.
    const check = size <= maxBytes && (0,encoding/* mayHaveUnicodeMark */.Yy)(size);
    if (blob.isBinary === true)
        return check ? readBlob(client, target, path, entry.oid) : { path, reason: 'binary file' };
    if (size > maxBytes)
        return { path, reason: `larger than ${maxBytes} bytes (${size})` };
    if (blob.isTruncated === true || typeof blob.text !== 'string')
        return readBlob(client, target, path, entry.oid);
    if (Buffer.byteLength(blob.text, 'utf8') !== size)
        return check ? readBlob(client, target, path, entry.oid) : { path, reason: 'not valid UTF-8 text' };
    return { path, text: blob.text };
}
/** Reads one blob over REST (base64), for texts GraphQL truncates or does not give as UTF-8. */
async function readBlob(client, target, path, oid) {
    const { data } = await client.rest.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        owner: target.owner,
        repo: target.repo,
        file_sha: oid,
    });
    const bytes = data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
    const unreadable = (0,encoding/* unreadableText */.LF)(bytes);
    return unreadable === undefined ? { path, text: bytes.toString('utf8') } : { path, reason: unreadable };
}

;// CONCATENATED MODULE: ./src/github/landed.ts
// Lost answers. Every commit this action sends carries an attempt trailer (mutation.ts ATTEMPT_TRAILER) naming the
// run and the round. After a write whose answer may be lost (no answer, 5xx, a timeout, a retry that met its own
// first try), the next read lists the branch's recent history with the head, and the first-parent chain from the
// head down to the head that write was sent on tells whether it landed: our commit sits right above that head.

/** Commits listed after a write in doubt: GitHub's largest page. More commits than this since: no verdict. */
const HISTORY_DEPTH = 100;
/** What `historyOf` reads of each commit a `history` connection lists. */
const HISTORY_FIELDS = 'nodes { oid url message parents(first: 1) { nodes { oid } } }';
/** The selection on a `Commit` that lists its history (newest first), for `historyOf`. */
const HISTORY_SELECTION = `history(first: ${HISTORY_DEPTH}) { ${HISTORY_FIELDS} }`;
/** The commits of a `HISTORY_SELECTION` answer (`commit.history`). */
function historyOf(raw) {
    const nodes = raw?.nodes ?? [];
    return nodes.map((n) => ({ oid: n.oid, url: n.url ?? '', message: n.message ?? '', parent: n.parents?.nodes?.[0]?.oid }));
}
/**
 * Walks the first-parent chain from `head` through `history` (any listing of its ancestors: it need not be
 * first-parent only or complete) and returns the first commit whose attempt trailer is one of `unsure`'s tags.
 * The walk ends where every write in doubt is decided: a write whose parent the walk passed without meeting its
 * commit did not land (a compare-and-swap on a head the branch has left never will). It also ends where the listing
 * does: the writes still undecided then are neither found nor missed.
 */
function findLanding(head, history, unsure) {
    const byOid = new Map(history.map((c) => [c.oid, c]));
    const pending = new Map(unsure.map((u) => [u.tag, u]));
    const missed = [];
    const seen = new Set();
    for (let oid = head; oid !== undefined && pending.size > 0 && !seen.has(oid);) {
        seen.add(oid);
        const commit = byOid.get(oid);
        if (commit === undefined)
            break;
        for (const tag of trailerValues(commit.message, ATTEMPT_TRAILER)) {
            const write = pending.get(tag);
            if (write !== undefined)
                return { landing: { commit, write }, missed };
        }
        for (const write of [...pending.values()]) {
            if (write.parent !== oid)
                continue;
            pending.delete(write.tag);
            missed.push(write);
        }
        oid = commit.parent;
    }
    return { missed };
}

;// CONCATENATED MODULE: ./src/github/read.ts







/**
 * Reads the head of `target`'s branch and the files `paths` selects, all at that one commit.
 * `filter(path)` drops paths before they are read. Binary, oversized, non-UTF-8 files, symlinks and
 * submodules are listed in `skipped` (never read); an explicit path that does not exist is skipped too.
 * Throws `GitHubError` ('repository-not-found', 'branch-not-found', 'forbidden', 'unauthorized', …).
 */
async function readSnapshot(client, target, paths, filter = () => true, options = {}) {
    try {
        const selected = (p) => paths.matches(p) && filter(p);
        // One bound for every read request of this snapshot (and of the caller's other reads, when it shares its gate).
        const bounded = { ...options, gate: readGate(options) };
        const snapshot = paths.literals !== undefined
            ? await readLiterals(client, target, paths.literals.filter(filter), selected, bounded)
            : await readGlobs(client, target, selected, treeListings(paths, options), bounded);
        return options.complete === undefined ? snapshot : await options.complete(snapshot);
    }
    catch (error) {
        throw toReadError(error, target, client.workflowRepository);
    }
}
/** Explicit paths: one query for the head and every file (more only past `chunkSize` files or 512,000 bytes). */
async function readLiterals(client, target, literals, selected, options) {
    const size = chunkSize(options);
    const head = await queryHead(client, target, { files: literals.slice(0, size), extra: extraOf(options, []), history: options.history });
    const answers = [...head.files, ...(await readPaths(client, target, head.facts.head, literals.slice(size), options))];
    // A literal that is a folder (named like a file) selects the files under it: list and read those.
    const folders = answers.filter((a) => a.entry?.type === 'tree');
    const entries = answers.filter((a) => !folders.includes(a));
    let listedSkips = [];
    if (folders.length > 0) {
        const listed = await listDeep(client, target, head.treeOid, folders.map((a) => ({ path: a.path, type: 'tree', mode: a.entry.mode, oid: a.entry.oid })), readGate(options));
        const wanted = filesOf(listed.filter((e) => selected(e.path) && !entries.some((a) => a.path === e.path)));
        listedSkips = wanted.skipped;
        const listedAt = new Map(listed.map((e) => [e.path, e]));
        entries.push(...(await readListed(client, target, head.facts.head, wanted.paths.map((p) => listedAt.get(p)), options)));
    }
    const read = await filesFromAnswers(client, target, head.facts.branch, entries, options);
    const found = entries.filter((a) => a.entry !== null && a.entry.type === 'blob' && !isSymlink(a.entry.mode)).length;
    return { ...head.facts, files: read.files, skipped: [...listedSkips, ...read.skipped].sort(core_paths/* byPath */.f2), selected: found, bytesRead: bytesOf(read.files.map((f) => f.text)), textsRead: read.files.length };
}
/**
 * The trees a glob read lists: each static prefix, as deep as a selected file may lie (at most `listDepth`), with
 * the blobs' texts unless `inlineTexts` is false.
 */
function treeListings(paths, options = {}) {
    const roots = paths.prefixes.length === 0 ? [''] : paths.prefixes;
    const most = listDepth(options.listDepth ?? LIST_DEPTH);
    return roots.map((prefix) => {
        const { maxDepth } = (0,core_paths/* reachUnder */.C1)(paths.include, prefix);
        const depth = Math.min(most, Math.max(1, maxDepth));
        return { prefix, depth, complete: maxDepth <= depth, texts: options.inlineTexts !== false };
    });
}
/**
 * Globs: list the tree under each static prefix at the head (one query; with the texts where `listings` ask for
 * them), then read the other matches at that commit.
 */
async function readGlobs(client, target, selected, listings, options) {
    const head = await queryListings(client, target, listings, options);
    const listed = [...head.listing];
    if (head.unexpanded.length > 0)
        listed.push(...(await listDeep(client, target, head.treeOid, head.unexpanded, readGate(options))));
    const wanted = filesOf(listed.filter((entry) => selected(entry.path)));
    const listedAt = new Map(listed.map((e) => [e.path, e]));
    const carried = new Map(listed.flatMap((e) => (e.answer === undefined ? [] : [[e.path, e.answer]])));
    const entries = [
        ...wanted.paths.flatMap((path) => (carried.has(path) ? [{ path, entry: carried.get(path) }] : [])),
        ...(await readListed(client, target, head.facts.head, wanted.paths.filter((path) => !carried.has(path)).map((p) => listedAt.get(p)), options)),
    ];
    const read = await filesFromAnswers(client, target, head.facts.branch, entries, options);
    // What came: the listing's texts (selected or not), and the files read by path (never carried).
    const texts = [...carried.values()].flatMap((a) => (typeof a.object?.text === 'string' ? [a.object.text] : []));
    const byPathRead = read.files.filter((f) => !carried.has(f.path));
    return {
        ...head.facts,
        files: read.files,
        skipped: [...wanted.skipped, ...read.skipped].sort(core_paths/* byPath */.f2),
        selected: wanted.paths.length,
        bytesRead: bytesOf(texts) + bytesOf(byPathRead.map((f) => f.text)),
        textsRead: texts.length + byPathRead.length,
    };
}
function bytesOf(texts) {
    return texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
}
/**
 * The head query listing `listings`. One that carries texts is tried once: when it fails (5xx, GitHub's own
 * timeout: a folder heavier than its globs suggested; or no answer at all), the same listing without texts
 * follows, with the client's whole retry policy, so a run never waits longer than it did before texts rode along.
 */
async function queryListings(client, target, listings, options) {
    try {
        return await queryHead(client, target, { trees: listings, extra: extraOf(options, listings), history: options.history });
    }
    catch (error) {
        const unavailable = error instanceof GitHubError && error.code === 'unavailable';
        if (!listings.some((l) => l.texts) || !unavailable)
            throw error;
        const plain = listings.map((l) => ({ ...l, texts: false }));
        return await queryHead(client, target, { trees: plain, extra: extraOf(options, plain), history: options.history });
    }
}
function extraOf(options, listings) {
    return typeof options.extra === 'function' ? options.extra(listings) : options.extra;
}
/**
 * One query: repository facts, the branch head, and either files (by path) or tree listings (by prefix).
 * Paths are always variables, never interpolated into the document.
 */
async function queryHead(client, target, request) {
    const files = request.files ?? [];
    const trees = request.trees ?? [];
    const variables = { owner: target.owner, name: target.repo };
    const declarations = ['$owner: String!', '$name: String!'];
    const selections = [];
    if (target.branch !== undefined) {
        variables['qualifiedName'] = qualifiedBranch(target.branch);
        declarations.push('$qualifiedName: String!');
    }
    files.forEach((path, i) => {
        variables[`p${i}`] = path;
        declarations.push(`$p${i}: String!`);
        selections.push(`f${i}: file(path: $p${i}) { ...FileEntry }`);
    });
    trees.forEach((listing, i) => {
        if (listing.prefix !== '') {
            variables[`t${i}`] = listing.prefix;
            declarations.push(`$t${i}: String!`);
        }
        selections.push(treeSelection(`t${i}`, listing));
    });
    const history = Math.max(0, Math.floor(request.history ?? 0));
    if (history > 0) {
        variables['history'] = history;
        declarations.push('$history: Int!');
    }
    for (const [name, { type, value }] of Object.entries(request.extra?.variables ?? {})) {
        if (name in variables || /^[pt]\d+$/.test(name))
            throw new Error(`extra selection: variable '$${name}' clashes with the head query's own`);
        variables[name] = value;
        declarations.push(`$${name}: ${type}`);
    }
    const ref = target.branch === undefined ? 'branchRef: defaultBranchRef' : 'branchRef: ref(qualifiedName: $qualifiedName)';
    const query = `query ReadHead(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { id nameWithOwner autoMergeAllowed ` +
        `${request.extra?.selection ?? ''} ` +
        `defaultBranchRef { name } ${ref} { name target { __typename oid ... on Commit { message url tree { oid } ` +
        `parents(first: 2) { nodes { oid } } ${history > 0 ? `history(first: $history) { ${HISTORY_FIELDS} } ` : ''}${selections.join(' ')} } } } } }` +
        (files.length > 0 ? ` ${FILE_FRAGMENT}` : '');
    // A listing that carries texts has a lighter fallback (names only): one try, not the whole retry policy.
    const withTexts = trees.some((t) => t.texts);
    const data = await tolerant(request.extra?.tolerate, () => client.graphql(query, variables, withTexts ? { attempts: 1 } : {}));
    const { facts, treeOid } = headFacts(data.repository, target, client.workflowRepository);
    const withExtra = request.extra ? { ...facts, extra: data.repository } : facts;
    const commit = data.repository?.branchRef?.target;
    const { listing, unexpanded } = listingOf(commit, trees);
    return { facts: withExtra, treeOid, files: files.map((path, i) => ({ path, entry: commit[`f${i}`] ?? null })), listing, unexpanded };
}
/** The answer of `ask`, or its partial data when every error is one `tolerate` accepts. */
async function tolerant(tolerate, ask) {
    try {
        return await ask();
    }
    catch (error) {
        if (tolerate === undefined || !(error instanceof GraphqlResponseError) || !error.errors.every(tolerate))
            throw error;
        const data = error.data;
        if (data === null || data === undefined || data.repository === null || data.repository === undefined)
            throw error;
        return data;
    }
}
function headFacts(repository, target, workflowRepository) {
    if (repository === null)
        throw repositoryNotFound(target, workflowRepository);
    const ref = repository.branchRef;
    if (ref === null || ref.target === null) {
        if (target.branch !== undefined)
            throw branchNotFound(target, target.branch);
        throw noDefaultBranch(target);
    }
    const commit = ref.target;
    if (commit.__typename !== 'Commit' || commit.tree === undefined)
        throw notACommit(target, ref.name, commit.__typename);
    const facts = {
        head: commit.oid,
        branch: ref.name,
        repositoryId: repository.id,
        nameWithOwner: repository.nameWithOwner,
        defaultBranch: repository.defaultBranchRef?.name ?? ref.name,
        autoMergeAllowed: repository.autoMergeAllowed === true,
        headMessage: commit.message ?? '',
        headUrl: commit.url ?? '',
        headParents: (commit.parents?.nodes ?? []).map((p) => p.oid),
        ...(commit.history === undefined ? {} : { history: historyOf(commit.history), recent: historyOf(commit.history).map((c) => c.oid) }),
    };
    return { facts, treeOid: commit.tree.oid };
}

;// CONCATENATED MODULE: ./src/core/effective.ts
/**
 * The plan as far as it changes bytes: an edit whose text after is its text before is no edit, so it is
 * dropped, and so are the changes of the files it leaves without an edit (nothing is written for them).
 * A run whose edits are all such no-ops converges (nothing to commit, nothing reported as changed) instead
 * of committing nothing or reporting a change it did not make. Refusals, notes and skips are kept.
 */
function effective(plan) {
    if (plan.edits.every((e) => e.after !== e.before))
        return plan;
    const edits = plan.edits.filter((e) => e.after !== e.before);
    const paths = new Set(edits.map((e) => e.path));
    return { ...plan, edits, changes: plan.changes.filter((c) => paths.has(c.file)) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/github/contention.ts
// How long a run that lost a race waits before it reads again, from the contention it observed. Pure: the race
// loop (race.ts) feeds it what each round saw and took, and draws the waits with the client's random source.
//
// Why this shape (a discrete-event simulation of 2–100 runs racing on one branch, GitHub-like latency, the
// content-creation limit on; README "Contention"): an attempt lands only when no other commit lands between its
// read and its write, so mutations per landed commit grow with the rate at which the runs attempt, times the
// read-and-write round. The runs cannot know how many they are; they see their own losses, and the commits that
// landed between two of their reads. So:
// - the unit is the run's own read-and-write round (GitHub's latency as this run sees it), at least `baseMs`;
// - the first lost round backs off over 8 units (jobs that finish together all lose their first write but one:
//   a run that lost once knows it is not alone), each further lost round doubles the window, up to 64 units;
// - a later round whose read shows the branch busy (at least 2 commits landed since the previous read, holding the
//   branch more than a third of the time) does not write: it doubles the window and reads again later. That read
//   costs no content-creating request, and 50 runs then stay under GitHub's 80 per minute instead of spending
//   their budget on writes that would lose;
// - every wait is full jitter: random(0, window).
/** The tuning, in units of the run's read-and-write round. */
const CONTENTION = {
    /** Window of the first lost round. */
    firstWindowUnits: 8,
    /** Largest window. */
    maxWindowUnits: 64,
    /** A read that shows at least this many commits landed since the previous one may defer the write… */
    busyCommits: 2,
    /** …when those commits held the branch more than this share of the time (commits × unit ÷ time between reads). */
    busyShare: 1 / 3,
    /** Newest commits a later round reads with its head, to count those that landed since its previous read. */
    history: 40,
};
/** The contention one run observed, and the backoff window it implies. */
class Contention {
    baseMs;
    maxMs;
    unit;
    /** The last read-and-write round as measured (the unit is at least `baseMs`; the busy share uses the real time). */
    round;
    window = 0;
    last;
    lost = false;
    /**
     * @param baseMs smallest unit (a round faster than this counts as this long)
     * @param maxMs largest window, whatever the unit (default: 64 units)
     */
    constructor(baseMs, maxMs = Number.POSITIVE_INFINITY) {
        this.baseMs = baseMs;
        this.maxMs = maxMs;
        this.unit = baseMs;
    }
    /** The current unit: the last read-and-write round, at least `baseMs`. */
    get unitMs() {
        return this.unit;
    }
    /** The current window (0 before the first lost round). */
    get windowMs() {
        return this.window;
    }
    /** A round that wrote took `ms` from its read to the answer of its write. */
    roundTook(ms) {
        this.round = Math.max(1, ms);
        this.unit = Math.max(this.baseMs, ms);
    }
    /**
     * A read before a write: returns the commits that landed since the previous read (undefined when unknown), and
     * whether the branch is too busy to write now (only after a lost round, and only with `recent` to count on).
     */
    sighted(seen) {
        const previous = this.last;
        this.last = seen;
        if (previous === undefined)
            return { landed: undefined, busy: false };
        const landed = landedSince(previous.head, seen);
        if (landed === undefined || !this.lost)
            return { landed, busy: false };
        // Each commit holds the branch for about one read-and-write round: the share of the time it was held.
        const round = this.round ?? this.unit;
        const share = (landed * round) / Math.max(round, seen.at - previous.at);
        return { landed, busy: landed >= CONTENTION.busyCommits && share > CONTENTION.busyShare };
    }
    /** A round lost (or deferred): the window grows; returns a full-jitter wait in it. */
    backoff(random) {
        this.lost = true;
        const most = Math.min(this.maxMs, CONTENTION.maxWindowUnits * this.unit);
        this.window = Math.min(most, this.window === 0 ? CONTENTION.firstWindowUnits * this.unit : this.window * 2);
        return Math.floor(random() * this.window);
    }
}
/**
 * Commits that landed on the branch between a read of `before` and `seen`: 0 when the head did not move, the
 * position of `before` among the newest commits `seen` read (GitHub's `history`: git-log order, so a merged
 * branch counts its commits too), at least their number when `before` is not among them, undefined without them.
 */
function landedSince(before, seen) {
    if (seen.head === before)
        return 0;
    if (seen.recent === undefined || seen.recent.length === 0)
        return undefined;
    const at = seen.recent.indexOf(before);
    return at === -1 ? seen.recent.length : at;
}

;// CONCATENATED MODULE: ./src/github/race.ts
// THE read-decide-write loop, written once. Every write to GitHub (a commit on a branch, a pull request's
// document) is a compare-and-swap on the head it read; a round that lost the race reads and decides again,
// after a full-jitter backoff that grows with the contention the run observed (contention.ts), within a time
// budget (the `race-timeout` input). A write whose answer was lost (no answer, a 5xx, a timeout, or a retry that
// lost the race, maybe to its own first try) is looked for on the next read by its attempt trailer (landed.ts); a
// failure that may hide a landed write is checked by one more read before it is thrown. A secondary rate limit on a
// write is waited out here, within the budget, and followed by a fresh read: the same write sent again would name a
// stale head.




/** The defaults of `RaceOptions`, in one place. */
const RACE_DEFAULTS = { maxAttempts: Number.POSITIVE_INFINITY, maxTotalMs: 900_000, baseMs: 250, maxMs: 120_000 };
/** The budget `options` ask for, defaults filled in. */
function raceBudget(options) {
    return {
        maxAttempts: options.maxAttempts ?? RACE_DEFAULTS.maxAttempts,
        maxTotalMs: options.maxTotalMs ?? RACE_DEFAULTS.maxTotalMs,
        baseMs: options.backoff?.baseMs ?? RACE_DEFAULTS.baseMs,
        maxMs: options.backoff?.maxMs ?? RACE_DEFAULTS.maxMs,
    };
}
/** Thrown by `Round.write` instead of sending when the branch is too busy: the round is played again later. */
class Deferred extends Error {
    name = 'Deferred';
}
/**
 * Runs `round` until it is done: read, decide, write. A lost round sleeps (contention.ts: full jitter over a window
 * that grows with the contention seen) and goes again, as long as another round fits in `maxTotalMs` (the last wait
 * is shortened to fit) and `maxAttempts`; else the `exhausted` error of the last lost round is thrown. A write that
 * GitHub rate-limits waits as asked (plus jitter) within the budget, then the round is played again. A round whose
 * write may have landed although it failed (or lost the last race) is followed by one more round that reads and
 * looks for it before the failure is thrown. `now` is injectable for tests.
 */
async function race(client, options, round, now = Date.now) {
    const budget = raceBudget(options);
    const started = now();
    const runTag = options.runTag ?? `local/${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const contention = new Contention(budget.baseMs, budget.maxMs);
    const passRateLimits = client.passRateLimits ?? ((send) => send());
    let unsure = [];
    // A failure that may hide a landed write: the next round looks for the write, and throws the failure unless it landed.
    let failing;
    let lastLost;
    let writes = 0;
    const settle = (error, doubt, why) => {
        failing = { error, write: doubt };
        options.log?.(`${why}: reading once more to look for the write tagged ${doubt.tag}`);
    };
    for (let attempt = 1;; attempt += 1) {
        const roundStarted = now();
        const tag = `${runTag}.${attempt}`;
        const settling = failing;
        let verdict = 'unread';
        let doubt;
        let deferred;
        let limited;
        let outcome;
        try {
            outcome = await round({
                attempt,
                tag,
                unsure,
                history: attempt > 1 ? CONTENTION.history : 0,
                landed: (head, history) => {
                    const found = head === undefined ? { missed: unsure } : findLanding(head, history ?? [], unsure);
                    unsure = unsure.filter((u) => !found.missed.includes(u));
                    if (settling !== undefined)
                        verdict = found.landing?.write === settling.write ? 'landed' : found.missed.includes(settling.write) ? 'missed' : 'unknown';
                    return found.landing;
                },
                write: async (parent, send, recent) => {
                    if (settling !== undefined)
                        throw settling.error;
                    const seen = contention.sighted({ head: parent, recent, at: roundStarted });
                    // The last round the budget allows writes whatever it saw: deferring it would only end the run.
                    const last = attempt >= budget.maxAttempts || budget.maxTotalMs - (now() - started) < 2 * contention.unitMs;
                    if (seen.busy && !last) {
                        deferred = new Deferred(`${seen.landed} commits landed since the previous read`);
                        throw deferred;
                    }
                    writes += 1;
                    const retries = client.stats().retries;
                    try {
                        return await passRateLimits(send);
                    }
                    catch (error) {
                        if (error instanceof GitHubError && error.code === 'rate-limited' && error.details.retryAfterMs !== undefined)
                            limited = error;
                        else if (error instanceof GitHubError && error.code === 'unavailable')
                            doubt = { tag, parent };
                        throw error;
                    }
                    finally {
                        // A retried write may have landed on its first try (its answer lost): the next read looks for it.
                        if (client.stats().retries > retries)
                            doubt = { tag, parent };
                        contention.roundTook(now() - roundStarted);
                    }
                },
            });
        }
        catch (error) {
            if (error !== deferred && error !== limited) {
                if (settling !== undefined)
                    throw unsettled(settling.error, verdict, error);
                if (doubt === undefined)
                    throw error;
                unsure = [...unsure, doubt];
                settle(error, doubt, `the write of round ${attempt} failed, but may have landed`);
                continue;
            }
        }
        if (outcome !== undefined && 'done' in outcome)
            return outcome.done;
        if (settling !== undefined)
            throw unsettled(settling.error, verdict, undefined);
        if (doubt !== undefined)
            unsure = [...unsure, doubt];
        if (outcome !== undefined)
            lastLost = outcome.lost;
        const elapsed = now() - started;
        const left = budget.maxTotalMs - elapsed - contention.unitMs;
        if (limited !== undefined) {
            // GitHub's wait first, then jitter over the window, so that the runs it stopped do not all come back at once.
            const asked = limited.details.retryAfterMs ?? 0;
            if (asked > left || attempt >= budget.maxAttempts) {
                const error = rateLimitedPastBudget(limited, asked, budget.maxTotalMs, elapsed);
                if (doubt === undefined)
                    throw error;
                settle(error, doubt, `${limited.message}, past the budget`);
                continue;
            }
            const waitMs = Math.min(left, asked + contention.backoff(client.random));
            options.log?.(`${limited.message}: re-reading in ${waitMs} ms`);
            await client.sleep(waitMs);
            continue;
        }
        const why = deferred === undefined ? lastLost?.reason : `the branch is busy (${deferred.message}): not writing`;
        if (attempt >= budget.maxAttempts || left < 0) {
            const exhausted = lastLost?.exhausted(writes, elapsed) ?? new GitHubError('race-exhausted', `the branch kept moving for ${Math.ceil(elapsed / 1000)} s: re-run the job`);
            if (doubt === undefined)
                throw exhausted;
            settle(exhausted, doubt, `${why ?? 'lost a race'}, and the budget is spent`);
            continue;
        }
        const waitMs = Math.min(left, contention.backoff(client.random));
        options.log?.(`${why ?? 'lost a race'}: re-reading in ${waitMs} ms`);
        await client.sleep(waitMs);
    }
}
/**
 * The failure of a write in doubt, thrown after one more round: with what that round learnt of the write (unless it
 * landed: then the failure is about what came after it), or why it learnt nothing (`cause`, the error of its read).
 */
function unsettled(failure, verdict, cause) {
    if (!(failure instanceof GitHubError) || verdict === 'landed')
        return failure;
    const why = verdict === 'missed'
        ? 'a read after the failure found no commit of this run on the branch'
        : verdict === 'unknown'
            ? 'a read after the failure could not tell whether its commit landed: the branch moved too far since'
            : `whether its commit landed could not be checked${cause instanceof Error ? ` (${cause.message})` : ''}`;
    return new GitHubError(failure.code, `${failure.message} (${why})`, failure.details);
}
/** A rate limit on a write whose wait does not fit in what is left of the time budget. */
function rateLimitedPastBudget(limited, askedMs, budgetMs, elapsedMs) {
    return new GitHubError('rate-limited', `${limited.message}, longer than what is left of the time budget (\`race-timeout\`: ${Math.round(budgetMs / 1000)} s, ` +
        `${Math.max(0, Math.round((budgetMs - elapsedMs) / 1000))} s left): re-run later, raise \`race-timeout\`, ` +
        `or let fewer runs write at once (a workflow \`concurrency:\` group)`, { status: limited.details.status, cause: limited, retryAfterMs: askedMs });
}

;// CONCATENATED MODULE: ./src/github/commit.ts
// Commit mode: one atomic, verified commit per run, race-safe. Each round reads, plans and sends one
// createCommitOnBranch with the head it read as expectedHeadOid; a moved head (STALE_DATA) is a lost round of
// the race loop: read again, plan again (the policy is judged again against the new head), retry. Each commit
// carries its round's attempt trailer: a commit whose answer was lost is found on the branch by it.







/**
 * Commits `planner`'s edits to `target` as one commit on top of the head it read, with no author (GitHub
 * signs it: Verified). Never forces, never merges: a moved head (STALE_DATA) means read, plan and try again,
 * within the race budget. Edits that change no bytes are no edits (`effective`). Nothing is committed on any
 * error. Throws `GitHubError`.
 */
function commitPlan(client, request) {
    const log = request.log ?? (() => undefined);
    // What each round sent, by its attempt tag: a commit found on the branch after a lost answer reports its own plan.
    const sent = new Map();
    return race(client, request, async (round) => {
        // Lost answers need the chain since the head they were sent on; later rounds read the recent commits (contention).
        const history = Math.max(round.unsure.length > 0 ? HISTORY_DEPTH : 0, round.history);
        const read = history > 0 ? { ...request.read, history } : request.read;
        const snapshot = await readSnapshot(client, request.target, request.paths, request.filter, read);
        const landing = round.landed(snapshot.head, snapshot.history);
        const ours = landing === undefined ? undefined : sent.get(landing.write.tag);
        if (landing !== undefined && ours !== undefined) {
            log(`the commit of ${landing.write.tag} landed although its answer was lost: ${landing.commit.oid} on ${snapshot.branch}`);
            const commit = { oid: landing.commit.oid, url: landing.commit.url };
            const head = landing.commit.parent ?? landing.write.parent;
            return { done: { plan: ours.plan, head, commit, attempts: round.attempt, branch: snapshot.branch, snapshot: ours.snapshot, recovered: true } };
        }
        const plan = effective(request.planner(snapshot));
        await request.onPlan?.(plan, snapshot, round.attempt);
        const base = { plan, head: snapshot.head, attempts: round.attempt, branch: snapshot.branch, snapshot };
        if (plan.edits.length === 0)
            return { done: base };
        const message = withTrailers(request.message(plan), [ATTEMPT_TRAILER, round.tag]);
        const where = { repositoryNameWithOwner: snapshot.nameWithOwner, branch: snapshot.branch, expectedHead: snapshot.head };
        sent.set(round.tag, { plan, snapshot });
        let answer;
        try {
            answer = await round.write(snapshot.head, () => mutate(client, 'CreateCommit', [commitField(where, plan.edits, message)]), snapshot.recent);
        }
        catch (error) {
            throw toWriteError(error, request.target, snapshot.branch, client.workflowRepository);
        }
        if (answer.errors.length > 0) {
            const error = new GraphqlResponseError(answer.errors, answer.data);
            if (!isStale(error))
                throw toWriteError(error, request.target, snapshot.branch, client.workflowRepository);
            return {
                lost: {
                    reason: `branch '${snapshot.branch}' moved past ${snapshot.head} (STALE_DATA)`,
                    exhausted: (attempts, elapsedMs) => commitRaceExhausted(request.target, snapshot.branch, attempts, elapsedMs, error),
                },
            };
        }
        const commit = committed(answer);
        if (commit === undefined)
            throw noCommit();
        log(`committed ${commit.oid} on ${snapshot.branch} (parent ${snapshot.head}, round ${round.attempt})`);
        return { done: { ...base, commit } };
    });
}

// EXTERNAL MODULE: ./src/report/messages.ts
var messages = __webpack_require__(3020);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/core/provenance.ts
var provenance = __webpack_require__(5240);
// EXTERNAL MODULE: ./src/image/policy.ts
var policy = __webpack_require__(6811);
;// CONCATENATED MODULE: ./src/core/shipped.ts
// What a bump ships, pure: for each moved image, the two source commits (the old version's, found in the file's
// history or a tag; the new one's, from the run or a tag), the compare between them and the pull requests merged in
// that range. The I/O that finds them is github/provenance.ts; the texts are report/shipped.ts.


/** The distinct moves of a plan (image, from, to), in plan order, with the files they are in. */
function distinctMoves(changes) {
    const moves = new Map();
    for (const c of changes) {
        const key = `${c.image} ${c.from} ${c.to}`;
        const move = moves.get(key) ?? { image: c.image, from: c.from, to: c.to, files: [] };
        if (!move.files.includes(c.file))
            move.files.push(c.file);
        moves.set(key, move);
    }
    return [...moves.values()];
}
/** The version tag of a `from`/`to` value (`1.4.1@sha256:…` → `1.4.1`); '' for a digest alone or none. */
function versionTag(version) {
    return version === '' || version.startsWith('sha256:') ? '' : version.split('@')[0];
}
/** True when the move takes a version tag backwards (the range is then read the other way round). */
function movesBack(from, to) {
    const a = versionTag(from);
    const b = versionTag(to);
    return a !== '' && b !== '' && ((0,policy/* compareVersionTags */.Vw)(b, a) ?? 0) < 0;
}
/** The digest of a version (`1.4.1@sha256:…` or `sha256:…`), if it names one. */
function digestOf(version) {
    const at = version.indexOf('sha256:');
    return at === -1 ? undefined : version.slice(at);
}
/** The git tags that may mark a version's source commit, in the order tried: `v<version>`, `<version>`. */
function tagCandidates(version) {
    const tag = versionTag(version);
    if (tag === '' || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tag))
        return [];
    return tag.startsWith('v') ? [tag] : [`v${tag}`, tag];
}
/**
 * The source commit that introduced `from` of `image`: the newest commit of the file's history (newest first)
 * whose trailers record a move of `image` to `from` with a `Source-Commit` in `repository` (case-insensitive).
 * A newer commit that moved the image elsewhere ends the search: the version there did not come from further back.
 */
function originInHistory(history, image, from, repository) {
    for (const commit of history) {
        for (const move of (0,provenance/* recordedMoves */.LJ)(commit.trailers)) {
            if (move.image !== image)
                continue;
            if (move.to !== from)
                return undefined;
            return move.source && move.source.repository.toLowerCase() === repository.toLowerCase() ? move.source.sha : undefined;
        }
    }
    return undefined;
}
/** Merged pull requests, each once, by number (ascending). */
function mergedPulls(pulls) {
    const byNumber = new Map();
    for (const p of pulls)
        if (p.merged && !byNumber.has(p.number))
            byNumber.set(p.number, { number: p.number, title: p.title, author: p.author, url: p.url });
    return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

;// CONCATENATED MODULE: ./src/github/provenance.ts
// Provenance reads, best-effort: what a bump ships, in at most three requests whatever the range's length:
//   1. one GraphQL query: each changed file's history on the branch (newest 30, aliased per file) and, with one
//      token for both repositories, the source repository's candidate tags (`v<old>`, `<old>`, `v<new>`, `<new>`);
//   2. one REST compare per distinct range (`GET /repos/{o}/{r}/compare/{base}...{head}`, GitHub lists ≤ 250 commits);
//   3. one GraphQL query: `associatedPullRequests` of every commit of the ranges, aliased, merged ones kept.
// A separate `source-token` reads the tags with its own query, only when a trailer did not already say. Nothing
// here throws: a failure (no access, a missing tag, a rate limit, a 5xx) becomes a note and the bump goes on.



/** How many commits of a file's history are searched for the old version's Source-Commit. */
const provenance_HISTORY_DEPTH = 30;
/** Pull requests listed per commit of the range. */
const PULLS_PER_COMMIT = 5;
/** One document, tried once (a retry would hold the bump up), partial data kept beside its errors. */
async function query(client, text, variables) {
    try {
        return { data: await client.graphql(text, variables, { attempts: 1 }), errors: [] };
    }
    catch (error) {
        if (error instanceof GraphqlResponseError) {
            const data = typeof error.data === 'object' && error.data !== null ? error.data : {};
            return { data, errors: error.errors.map((e) => e.message) };
        }
        return { data: {}, errors: [error instanceof Error ? error.message : String(error)] };
    }
}
const get = (value, ...path) => path.reduce((at, key) => (typeof at === 'object' && at !== null ? at[key] : undefined), value);
/** The commit a tag ref points at (a lightweight tag's target, or an annotated tag's). */
function tagCommit(ref) {
    const target = get(ref, 'target');
    const inner = get(target, 'target', 'oid');
    const oid = typeof inner === 'string' ? inner : get(target, 'oid');
    return typeof oid === 'string' ? oid : undefined;
}
/** The tags selection: `t<i>: ref(qualifiedName: $t<i>)` for each name. */
function tagSelection(names) {
    const selection = names.map((_, i) => `t${i}: ref(qualifiedName: $t${i}) { target { oid ... on Tag { target { oid } } } }`).join(' ');
    return { selection, declarations: names.map((_, i) => `$t${i}: String!`), variables: Object.fromEntries(names.map((n, i) => [`t${i}`, `refs/tags/${n}`])) };
}
function tagsFrom(repository, names) {
    const found = new Map();
    names.forEach((name, i) => {
        const oid = tagCommit(get(repository, `t${i}`));
        if (oid !== undefined)
            found.set(name, oid);
    });
    return found;
}
/** The first candidate tag that exists. */
const byTag = (tags, version) => tagCandidates(version).map((t) => tags.get(t)).find((oid) => oid !== undefined);
/** Reads what each moved image ships. Never throws. */
async function readShipped(client, request) {
    const moves = distinctMoves(request.changes);
    const { source, target } = request;
    const repository = `${source.owner}/${source.repo}`;
    const promoted = (image) => request.promotedFrom?.get(image);
    const files = [...new Set([...moves.map((m) => m.files[0]), ...moves.flatMap((m) => promoted(m.image) ?? [])])];
    const tagNames = [...new Set(moves.flatMap((m) => [...tagCandidates(m.from), ...(source.sha === undefined ? tagCandidates(m.to) : [])]))];
    const shared = request.sourceClient === client;
    // 1. The changed files' histories (and, with one token, the tags) in one query.
    const tags = shared ? tagSelection(tagNames) : tagSelection([]);
    const declarations = ['$owner: String!', '$name: String!', '$head: GitObjectID!', '$so: String!', '$sn: String!', ...files.map((_, i) => `$f${i}: String!`), ...tags.declarations];
    const histories = files.map((_, i) => `f${i}: history(path: $f${i}, first: ${provenance_HISTORY_DEPTH}) { nodes { oid message } }`).join(' ');
    const first = await query(client, `query ProvenanceOrigins(${declarations.join(', ')}) { target: repository(owner: $owner, name: $name) { isPrivate object(oid: $head) { ... on Commit { ${histories} } } } ` +
        `source: repository(owner: $so, name: $sn) { isPrivate ${tags.selection} } }`, { owner: target.owner, name: target.repo, head: target.head, so: source.owner, sn: source.repo, ...Object.fromEntries(files.map((f, i) => [`f${i}`, f])), ...tags.variables });
    const notes = first.errors.map((e) => `reading the history and tags: ${e}`);
    let sourceRepository = get(first.data, 'source');
    let found = shared ? tagsFrom(sourceRepository, tagNames) : new Map();
    const historyOf = (file) => {
        const nodes = get(first.data, 'target', 'object', `f${files.indexOf(file)}`, 'nodes');
        return Array.isArray(nodes) ? nodes.map((n) => ({ oid: n.oid, trailers: trailers(n.message) })) : [];
    };
    const fromHistory = moves.map((m) => originInHistory(historyOf(m.files[0]), m.image, m.from, repository));
    const toHistory = moves.map((m) => {
        const file = promoted(m.image);
        return source.sha ?? (file === undefined ? undefined : originInHistory(historyOf(file), m.image, m.to, repository));
    });
    if (!shared && tagNames.length > 0 && (fromHistory.some((o) => o === undefined) || toHistory.some((o) => o === undefined))) {
        // A separate source token: the tags with it, only when a trailer did not already say.
        const own = tagSelection(tagNames);
        const answer = await query(request.sourceClient, `query ProvenanceTags($so: String!, $sn: String!${own.declarations.map((d) => `, ${d}`).join('')}) { source: repository(owner: $so, name: $sn) { isPrivate ${own.selection} } }`, { so: source.owner, sn: source.repo, ...own.variables });
        notes.push(...answer.errors.map((e) => `reading the tags of ${repository}: ${e}`));
        sourceRepository = get(answer.data, 'source');
        found = tagsFrom(sourceRepository, tagNames);
    }
    const isPrivate = get(sourceRepository, 'isPrivate');
    const ends = moves.map((m, i) => ({ move: m, fromCommit: fromHistory[i] ?? byTag(found, m.from), toCommit: toHistory[i] ?? byTag(found, m.to) }));
    // 2. One compare per distinct range.
    const ranges = new Map();
    // A rollback's range runs from the new version's commit to the old one's: what it takes out.
    const rangeOf = (e) => e.fromCommit === undefined || e.toCommit === undefined || e.fromCommit === e.toCommit
        ? undefined
        : movesBack(e.move.from, e.move.to) ? `${e.toCommit}...${e.fromCommit}` : `${e.fromCommit}...${e.toCommit}`;
    for (const end of ends) {
        const key = rangeOf(end);
        if (key === undefined)
            continue;
        if (ranges.has(key))
            continue;
        try {
            const { data } = await request.sourceClient.rest.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
                owner: source.owner,
                repo: source.repo,
                basehead: key,
                request: { attempts: 1 },
            });
            ranges.set(key, { commits: data.commits.map((c) => c.sha), total: data.total_commits });
        }
        catch (error) {
            ranges.set(key, `comparing ${key.replace(/[0-9a-f]{33}\b/g, '')} in ${repository}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    // 3. The pull requests of every listed commit, in one query.
    const oids = [...new Set([...ranges.values()].flatMap((r) => (typeof r === 'string' ? [] : r.commits)))];
    const pulls = new Map();
    if (oids.length > 0) {
        const selection = oids
            .map((_, i) => `c${i}: object(oid: $c${i}) { ... on Commit { associatedPullRequests(first: ${PULLS_PER_COMMIT}) { nodes { number title url merged author { login } } } } }`)
            .join(' ');
        const answer = await query(request.sourceClient, `query ProvenancePulls($so: String!, $sn: String!${oids.map((_, i) => `, $c${i}: GitObjectID!`).join('')}) { source: repository(owner: $so, name: $sn) { ${selection} } }`, { so: source.owner, sn: source.repo, ...Object.fromEntries(oids.map((oid, i) => [`c${i}`, oid])) });
        notes.push(...answer.errors.map((e) => `reading the pull requests of ${repository}: ${e}`));
        oids.forEach((oid, i) => {
            const nodes = get(answer.data, 'source', `c${i}`, 'associatedPullRequests', 'nodes');
            if (!Array.isArray(nodes))
                return;
            pulls.set(oid, nodes.map((n) => ({
                number: n.number,
                title: n.title,
                url: n.url,
                merged: n.merged,
                author: n.author?.login ?? 'ghost',
            })));
        });
    }
    const shipped = ends.map((end) => {
        const { move, fromCommit, toCommit } = end;
        const key = rangeOf(end);
        const own = [...notes];
        if (fromCommit === undefined) {
            own.push(`the source commit of ${move.from || '(none)'} was not found (no Source-Commit trailer in the last ${provenance_HISTORY_DEPTH} commits of ${move.files[0]}, no tag ${tagCandidates(move.from).join(' or ') || 'to try'} in ${repository})`);
        }
        if (toCommit === undefined)
            own.push(`the source commit of ${move.to} is not known (no source-sha or Source-Commit trailer, no tag ${tagCandidates(move.to).join(' or ') || 'to try'} in ${repository})`);
        const range = key === undefined ? undefined : ranges.get(key);
        if (typeof range === 'string')
            own.push(range);
        const listed = typeof range === 'object' ? range.commits : [];
        return {
            image: move.image,
            from: move.from,
            to: move.to,
            repository,
            ...(fromCommit === undefined ? {} : { fromCommit }),
            ...(toCommit === undefined ? {} : { toCommit }),
            ...(key === undefined ? {} : { compareUrl: `${source.serverUrl}/${repository}/compare/${key}` }),
            ...(movesBack(move.from, move.to) ? { rolledBack: true } : {}),
            ...(typeof range === 'object' ? { pullRequests: mergedPulls(listed.flatMap((oid) => pulls.get(oid) ?? [])), commits: range.total } : {}),
            ...(source.builtBy === undefined ? {} : { builtBy: source.builtBy }),
            ...(digestOf(move.to) === undefined ? {} : { digest: digestOf(move.to) }),
            ...(own.length > 0 ? { notes: [...new Set(own)] } : {}),
        };
    });
    const targetPrivate = get(first.data, 'target', 'isPrivate');
    return {
        shipped,
        ...(typeof isPrivate === 'boolean' ? { sourcePrivate: isPrivate } : {}),
        ...(typeof targetPrivate === 'boolean' ? { targetPrivate } : {}),
    };
}

// EXTERNAL MODULE: ./src/report/shipped.ts
var report_shipped = __webpack_require__(9509);
;// CONCATENATED MODULE: ./src/deliver/provenance.ts






/** What the settings say of the source, as the trailers record it. */
function sourceOf(settings) {
    const repository = settings.repository && `${settings.repository.owner}/${settings.repository.repo}`;
    return { repository, sha: settings.sha, builtBy: settings.builtBy };
}
/**
 * `message` with the plan's provenance trailers; unchanged when provenance is off (`source-repository: none`).
 * `shipped`: what the provenance read found (a promotion's new versions' source commits).
 */
function withProvenance(message, plan, settings, shipped) {
    if (settings === undefined)
        return message;
    const found = new Map((shipped?.report.shipped ?? []).flatMap((s) => (s.toCommit === undefined ? [] : [[s.image, s.toCommit]])));
    return withTrailers(message, ...(0,provenance/* provenanceTrailers */.e1)(plan.changes, sourceOf(settings), found));
}
const movesKey = (plan) => JSON.stringify(distinctMoves(plan.changes).map((m) => [m.image, m.from, m.to, m.files[0]]));
/**
 * The run's provenance reader, or undefined when there is nothing to read: `source-repository: none`, no source
 * repository known, or neither the new version's commit (GITHUB_SHA, `source-sha`) nor a named `source-repository`
 * (outside a runner, where a read could only guess). `env` is the runner's environment (endpoints) for a client
 * with `source-token`.
 */
function provenanceReader(settings, io, client, env, promotion) {
    const p = settings.provenance;
    const target = settings.repository;
    if (p === undefined || p.repository === undefined || target === undefined || (p.sha === undefined && !p.named))
        return undefined;
    const source = p.repository;
    const sourceClient = p.token === settings.token ? client : createClient({ token: p.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
    const same = (a, b) => b !== undefined && `${a.owner}/${a.repo}`.toLowerCase() === b.trim().toLowerCase();
    const read = new Map();
    // A promotion within the target repository: the source environment's files hold the new versions' trailers.
    const promotedFrom = promotion !== undefined && settings.promotion?.repository === undefined
        ? new Map(promotion.found.map((f) => [f.repository, f.file]))
        : undefined;
    return {
        async read(plan, snapshot) {
            if (plan.changes.length === 0)
                return;
            const key = movesKey(plan);
            if (read.has(key))
                return;
            const before = client.stats().requests + (sourceClient === client ? 0 : sourceClient.stats().requests);
            const answer = await readShipped(client, {
                target: { owner: target.owner, repo: target.repo, head: snapshot.head },
                source: { owner: source.owner, repo: source.repo, sha: p.sha, builtBy: p.builtBy, serverUrl: p.serverUrl },
                sourceClient,
                changes: plan.changes,
                ...(promotedFrom === undefined ? {} : { promotedFrom }),
            });
            const spent = client.stats().requests + (sourceClient === client ? 0 : sourceClient.stats().requests) - before;
            const shipped = (0,report_shipped/* shippedContext */.Du)(answer, { target: same(source, `${target.owner}/${target.repo}`), workflow: same(source, env.GITHUB_REPOSITORY) });
            read.set(key, shipped);
            const ranges = answer.shipped.filter((s) => s.compareUrl !== undefined).length;
            io.info(`provenance: ${ranges} of ${answer.shipped.length} image range(s) read from ${source.owner}/${source.repo} (${spent} request(s)).`);
            for (const s of answer.shipped)
                for (const note of s.notes ?? [])
                    io.info(`provenance note (${s.image}): ${note}; the bump goes on without it.`);
        },
        context: (plan) => read.get(movesKey(plan)),
    };
}
/** `report`, then the provenance read of the plan (before anything is written). */
function withShippedRead(remote, report) {
    return async (plan, snapshot, attempt) => {
        await report(plan, snapshot, attempt);
        await remote.provenance?.read(plan, snapshot);
    };
}
/** `context` with what `plan` ships, when it was read. */
function shippedIn(remote, plan, context) {
    const shipped = remote.provenance?.context(plan);
    return shipped === undefined ? context : { ...context, shipped };
}

// EXTERNAL MODULE: ./src/core/plan.ts + 2 modules
var plan = __webpack_require__(182);
// EXTERNAL MODULE: ./src/core/chart-sources.ts
var chart_sources = __webpack_require__(4736);
;// CONCATENATED MODULE: ./src/deliver/chart-sources.ts
// API mode: the Flux sources a selected HelmRelease names outside `paths` (issue 14). Nothing is read unless a
// requested chart's HelmRelease names a HelmRepository that no selected file defines; then one recursive tree listing
// at the snapshot's head names the repository's files, and one read (a single chunk) takes the few named like Flux
// sources (core/chart-sources.ts sourceCandidates). Their texts reach the plan as read-only context.


/**
 * The `ReadOptions.complete` of a run asking for `charts`: undefined (nothing to do, ever) when no chart request names a
 * repository, since a bare chart name matches without its source.
 */
function chartSourceReader(client, target, charts, read) {
    if (!charts.some((request) => request.ref.repository !== undefined))
        return undefined;
    return async (snapshot) => {
        const missing = (0,chart_sources/* missingChartSources */.Dp)(snapshot.files, charts);
        if (missing.length === 0)
            return snapshot;
        const listed = await listRepository(client, target, snapshot.head);
        const limit = chunkSize(read);
        const paths = (0,chart_sources/* sourceCandidates */.kk)(listed.paths, missing, new Set(snapshot.files.map((f) => f.path)), limit);
        const found = paths.length === 0 ? [] : (await readFilesAt(client, target, snapshot.branch, snapshot.head, paths, read)).files.filter((f) => (0,chart_sources/* mayDefineSource */.Gk)(missing)(f.text));
        const truncated = listed.truncated ? ' (the listing was truncated)' : '';
        const searched = `the ${paths.length} file(s) of the repository named like Flux sources${truncated}`;
        return { ...snapshot, chartSources: (0,chart_sources/* sourceContext */.RH)(found, searched) };
    };
}
/** Every file path of the commit `oid` (one REST recursive listing; GitHub truncates it past 100,000 entries). */
async function listRepository(client, target, oid) {
    const { data } = await client.rest.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: target.owner, repo: target.repo, tree_sha: oid, recursive: '1' });
    return { paths: data.tree.flatMap((entry) => (entry.type === 'blob' && entry.path !== undefined ? [entry.path] : [])), truncated: data.truncated };
}

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
// EXTERNAL MODULE: ./src/report/unmatched.ts
var unmatched = __webpack_require__(9715);
;// CONCATENATED MODULE: ./src/deliver/remote.ts
// What every delivery through GitHub shares: the client, the target, the run context for messages and summaries,
// the planner, and the plan's report before anything is written.










/**
 * This run's part of the `Gitops-Bump-Attempt` trailer: `<GITHUB_RUN_ID>.<GITHUB_RUN_ATTEMPT>` on a runner (`local`
 * elsewhere), `/`, and a random nonce, so that two jobs of one workflow run, or two CLI runs, never share it.
 */
function runTag(env, nonce = (0,external_node_crypto_.randomBytes)(6).toString('hex')) {
    const safe = (value) => (value !== undefined && /^[\w.-]+$/.test(value.trim()) ? value.trim() : undefined);
    const id = safe(env.GITHUB_RUN_ID);
    return `${id === undefined ? 'local' : `${id}.${safe(env.GITHUB_RUN_ATTEMPT) ?? '1'}`}/${nonce}`;
}
/** Plans against one snapshot; the promotion source's skips and the snapshot's are listed with the plan's. */
function planSnapshot(settings, snapshot, promotion) {
    const options = {
        policy: settings.policy,
        charts: settings.charts,
        chartAppVersion: settings.chartAppVersion,
        ...(snapshot.chartSources !== undefined && { chartSources: snapshot.chartSources }),
    };
    const p = (0,gates/* withGateRefusals */.tT)((0,plan/* plan */.e)(snapshot.files, settings.images, options), snapshot.files, promotion, options);
    return { ...p, skipped: [...(promotion?.skipped ?? []), ...snapshot.skipped, ...p.skipped], notes: [...(promotion?.notes ?? []), ...p.notes], selected: snapshot.selected };
}
/** planSnapshot, failing before anything is written when `fail-on-unmatched` is set and an image matched nothing. */
function planChecked(settings, snapshot, promotion) {
    const p = planSnapshot(settings, snapshot, promotion);
    (0,unmatched/* checkUnmatched */.wF)(p, settings.failOnUnmatched, settings.pathPatterns);
    (0,gates/* checkRefused */.H5)(p, settings.failOnRefused);
    return p;
}
/** The read line of a snapshot: files selected, read, skipped, and the requests so far. */
function readLine(client, s) {
    const skipped = s.skipped.length ? `, ${s.skipped.length} skipped` : '';
    return (`${s.selected ?? s.files.length} file(s) selected, ${s.files.length} read from ${s.nameWithOwner}@${s.branch} at ${s.head.slice(0, 7)}${skipped} ` +
        `(${client.stats().requests} request(s)).`);
}
/** Bytes of text read past which the plan's log suggests narrowing `paths` (5 MB). */
const LARGE_READ_BYTES = 5_000_000;
/** The large-read line: how much a run read to find its references, when that is over `threshold` bytes. */
function largeReadLine(s, threshold = LARGE_READ_BYTES) {
    if (s.bytesRead <= threshold)
        return undefined;
    const mb = (s.bytesRead / 1_000_000).toFixed(1);
    return `read ${mb} MB in ${s.textsRead} files to find the references; narrow \`paths\` to the folders that hold them to read less`;
}
/**
 * The plan, reported in the "Plan" log group before anything is written. A later round (the branch moved and the
 * plan was made again) is reported again only when what it would do differs from what was reported.
 */
function planReporter(remote, options = {}) {
    let reported;
    return async (plan, snapshot, attempt) => {
        const key = JSON.stringify([plan.changes, plan.refusals, plan.notes, plan.skipped]);
        if (key === reported) {
            remote.io.debug(`round ${attempt}: the plan against ${snapshot.head.slice(0, 7)} is the one reported`);
            return;
        }
        const name = reported === undefined ? 'Plan' : `Plan again (round ${attempt}: the branch moved)`;
        reported = key;
        await remote.io.group(name, async () => {
            remote.io.info(readLine(remote.client, snapshot));
            const large = largeReadLine(snapshot, options.largeReadBytes);
            if (large !== undefined)
                remote.io.info(large);
            (0,log/* reportPlan */._)(remote.io, plan, remote.settings.pathPatterns);
        });
    };
}
/** The shared parts of an API-mode run. `env` is the runner's environment as the entry point read it. */
function createRemote(settings, io, promotion, env) {
    const { owner, repo } = settings.repository;
    const client = createClient({ token: settings.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
    const target = { owner, repo, branch: settings.branch };
    // One gate for every read of the run: reads side by side (a pull request's branch and base files) keep the bound together.
    const read = { maxBytes: settings.maxFileBytes, gate: gate() };
    const complete = chartSourceReader(client, target, settings.charts, read);
    return {
        settings,
        io,
        client,
        provenance: provenanceReader(settings, io, client, env, promotion),
        target,
        read: complete === undefined ? read : { ...read, complete },
        promotion,
        runTag: runTag(env),
        context: (branch, commit) => ({
            mode: settings.mode,
            environment: settings.environment,
            target: `${owner}/${repo}`,
            branch,
            commit,
            policy: (0,policy/* describePolicy */.wy)(settings.policy),
            promotion,
            serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
            paths: settings.pathPatterns,
        }),
    };
}

;// CONCATENATED MODULE: ./src/deliver/commit.ts
// Commit mode: one atomic, verified commit on the branch, race-safe (github/commit.ts); the plan is reported
// before the commit is sent.





async function commit(remote) {
    const { settings, io, client, target, read, context } = remote;
    const result = await commitPlan(client, {
        target,
        paths: settings.paths,
        read,
        planner: (snapshot) => planChecked(settings, snapshot, remote.promotion),
        onPlan: withShippedRead(remote, planReporter(remote)),
        message: (p) => withProvenance((0,messages/* commitMessage */.df)(settings.commitMessage, p, shippedIn(remote, p, context(settings.branch ?? ''))), p, settings.provenance, remote.provenance?.context(p)),
        maxTotalMs: settings.raceTimeoutMs,
        log: (m) => io.debug(m),
        runTag: remote.runTag,
    });
    await io.group('Commit', async () => {
        const requests = client.stats().requests;
        io.info(result.commit
            ? `Committed ${result.commit.oid} on ${result.branch} (parent ${result.head.slice(0, 7)}; ${result.attempts} round(s), ${requests} request(s)).` +
                (result.recovered === true ? ' The answer to the commit was lost; the commit was found on the branch by its Gitops-Bump-Attempt trailer.' : '')
            : `Nothing to commit on ${result.branch} at ${result.head.slice(0, 7)} (${requests} request(s)).`);
    });
    return (0,outputs/* bumpResult */.QJ)(result.plan, shippedIn(remote, result.plan, context(result.branch, result.commit)));
}

;// CONCATENATED MODULE: ./src/deliver/dry-run.ts
// API dry-run: read one snapshot and plan it; nothing is written.



async function dryRun(remote) {
    const { settings, client, target, read, context } = remote;
    const snapshot = await readSnapshot(client, target, settings.paths, undefined, read);
    const result = planChecked(settings, snapshot, remote.promotion);
    await planReporter(remote)(result, snapshot, 1);
    return (0,outputs/* bumpResult */.QJ)(result, context(snapshot.branch));
}

;// CONCATENATED MODULE: ./src/core/branch.ts
// Pull-request branch names: deterministic from the target and the images, and always a valid git ref.


/** Makes any text a valid branch name under git's check-ref-format rules (and short enough to read). */
function sanitiseBranch(text, maxLength = 100) {
    const segments = text
        .normalize('NFKD')
        .split('/')
        .map((segment) => segment
        .replace(/[^A-Za-z0-9._+-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[.-]+|[.-]+$/g, '')
        .replace(/\.lock$/i, '-lock'))
        .filter((segment) => segment !== '');
    let name = segments.join('/');
    if (name.length > maxLength) {
        const hash = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 8);
        name = `${name.slice(0, maxLength - 9).replace(/[./-]+$/, '')}-${hash}`;
    }
    return name === '' || name === '@' ? 'gitops-bump' : name;
}
function branch_short(image) {
    return image.slice(image.lastIndexOf('/') + 1);
}
/**
 * The default head branch: one per service and environment, so later bumps update the same pull request.
 * `gitops-bump/prod/api`, `gitops-bump/prod/api+web`; a promotion: `gitops-bump/promote/staging-to-prod`.
 * Without an environment, `paths-<hash>` of the paths stands for the target (settings derive the same one).
 */
function defaultPullRequestBranch(options) {
    const target = options.environment || (0,core_paths/* pathsKey */.Ew)((0,core_paths/* compilePaths */.Iw)(options.pathPatterns));
    if (options.promotionFrom !== undefined)
        return sanitiseBranch(`gitops-bump/promote/${options.promotionFrom}-to-${target}`);
    const names = [...new Set(options.images.map(branch_short))].sort();
    let images = names.join('+');
    if (images.length > 60)
        images = `${names.length}-images-${(0,external_node_crypto_.createHash)('sha256').update(names.join('\n')).digest('hex').slice(0, 8)}`;
    return sanitiseBranch(`gitops-bump/${target}/${images}`);
}
/** The head branch: the `pr-branch` template ({environment}, {images}, {from}) or the default, always a valid ref. */
function pullRequestBranch(template, options) {
    if (template.trim() === '')
        return defaultPullRequestBranch(options);
    const images = [...new Set(options.images.map(branch_short))].sort().join('+');
    const text = template
        .replace(/\{environment\}/g, options.environment)
        .replace(/\{images\}/g, images)
        .replace(/\{from\}/g, options.promotionFrom ?? '');
    return sanitiseBranch(text);
}

// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/yaml/locate.ts + 15 modules
var locate = __webpack_require__(7007);
// EXTERNAL MODULE: ./src/core/scan.ts
var scan = __webpack_require__(9506);
;// CONCATENATED MODULE: ./src/core/proposal.ts





/**
 * The references `after` moves against `before`, file by file (the same path in both), in path and line order.
 * References are matched by document, YAML path and repository, else as the n-th reference to the same repository in
 * the file (a base that inserted a container above keeps the match). A file that is not YAML on either side, a chart
 * template, or a reference `before` does not have, moves nothing.
 */
function movesBetween(before, after) {
    const old = new Map(before.map((f) => [f.path, f.text]));
    const moves = [];
    for (const file of [...after].sort(core_paths/* byPath */.f2)) {
        const text = old.get(file.path);
        if (text === undefined || text === file.text)
            continue;
        const [was, now] = [sitesOf(file.path, text), sitesOf(file.path, file.text)];
        if (was === undefined || now === undefined)
            continue;
        for (const [site, match] of matchSites(was, now)) {
            if (site.repository === undefined || match === undefined)
                continue;
            const from = (0,reference/* versionOf */.E4)(match);
            if ((0,reference/* versionOf */.E4)(site) === from)
                continue;
            moves.push({ file: file.path, line: site.line, repository: site.repository, name: site.name === '' ? site.repository : site.name, ...version(site), from });
        }
    }
    return moves;
}
/**
 * `files` with `moves` replayed: every file's moves become requests (one version per image per file: the first
 * move's, a shape the runs never produce otherwise) and are planned with `policy`, as a run asking for those
 * versions would be on these files (holds, anchors and the policy judged again: a file that already holds a newer
 * version keeps it under `newer`). A file that does not parse is kept as it is.
 */
function replay(files, moves, policy) {
    return files.map((file) => {
        const requests = [];
        for (const move of moves) {
            if (move.file !== file.path || requests.some((r) => r.ref.repository === move.repository))
                continue;
            const request = requestOf(move);
            if (request !== undefined)
                requests.push(request);
        }
        if (requests.length === 0)
            return file;
        try {
            const edit = (0,plan/* plan */.e)([file], requests, { policy }).edits[0];
            return edit === undefined ? file : { path: file.path, text: edit.after };
        }
        catch (error) {
            if (error instanceof scan/* PlanSyntaxError */.f)
                return file;
            throw error;
        }
    });
}
/**
 * The plan that takes `base` to `after`: an edit for every file whose text differs, and as changes the references it
 * moves (from the base's version to the branch's, at the branch's line). What a pull request holding `after`
 * proposes; no refusals (those are a run's, not the PR's).
 */
function planBetween(base, after) {
    const moves = movesBetween(base, after);
    const old = new Map(base.map((f) => [f.path, f.text]));
    const edits = [];
    for (const file of after) {
        const before = old.get(file.path);
        if (before === undefined || before === file.text)
            continue;
        const changes = moves.filter((m) => m.file === file.path).map(changeOf);
        edits.push({ path: file.path, before, after: file.text, changes });
    }
    edits.sort(core_paths/* byPath */.f2);
    return { edits, changes: edits.flatMap((e) => e.changes), refusals: [], skipped: [], notes: [] };
}
/** The policy a replay uses when it cannot tell a move the branch made from one the base made since (no fork point): never backwards. */
function forwardOnly(policy) {
    return policy.kind === 'any' ? { kind: 'newer' } : policy;
}
function changeOf(move) {
    return { file: move.file, line: move.line, image: move.name, from: move.from, to: (0,reference/* versionOf */.E4)(move) };
}
function version(site) {
    return { ...(site.tag !== undefined && { tag: site.tag }), ...(site.digest !== undefined && { digest: site.digest }) };
}
/** The request that moves a reference to `move`'s version, named as the branch spells it (else by its repository). */
function requestOf(move) {
    for (const name of [move.name, move.repository]) {
        let ref;
        try {
            ref = (0,reference/* parseReference */.F2)((0,reference/* formatReference */.FH)(name, move.tag, move.digest));
        }
        catch {
            continue;
        }
        if (ref.repository === move.repository)
            return { input: ref.raw, ref };
    }
    return undefined;
}
/** The image references of a file, or undefined when it is a chart template or not YAML. */
function sitesOf(path, text) {
    if ((0,locate/* isChartTemplate */.ZC)(path, text))
        return undefined;
    try {
        return (0,locate/* locate */.x5)(text).sites;
    }
    catch {
        return undefined;
    }
}
/** Pairs every site of `now` with its site in `was` (or undefined): same document, path and repository, else the n-th of its repository. */
function matchSites(was, now) {
    const key = (s) => `${s.doc}\u0000${s.path}\u0000${s.repository ?? ''}`;
    const free = new Set(was);
    const pairs = new Map();
    for (const site of now) {
        const same = was.find((w) => free.has(w) && key(w) === key(site));
        if (same !== undefined)
            free.delete(same);
        pairs.set(site, same);
    }
    for (const site of now) {
        if (pairs.get(site) !== undefined || site.repository === undefined)
            continue;
        const next = was.find((w) => free.has(w) && w.repository === site.repository);
        if (next !== undefined)
            free.delete(next);
        pairs.set(site, next);
    }
    return now.map((site) => [site, pairs.get(site)]);
}

;// CONCATENATED MODULE: ./src/core/pull-decision.ts


/** The oid of a ref that does not exist (a compare-and-swap from it creates the ref). */
const ZERO_OID = '0000000000000000000000000000000000000000';
/**
 * Decides one round from one observation. `plan` is this run's: its images against the base, except where the PR
 * branch already holds a newer version (refused there: a late older build never lowers an open PR). What the PR
 * proposes is what its branch holds against the base (proposal.ts), whichever run put it there.
 *
 * While the branch forks from the base head, or the base moved without touching what the branch proposes, this
 * run's commit goes on top of the branch head. Otherwise the branch is rebuilt: moved to the base head
 * (compare-and-swap on the head read) with one commit holding, per file, the branch's version where the base has
 * not touched the file since the fork point, else the base's with the branch's moves replayed (the policy judged
 * again), then this run's images. Without a fork point in reach (the base moved more than the first parents read),
 * every file is the base's with the branch's moves replayed forward only (a move backwards may be the base's
 * own since the fork: replaying it would revert the base).
 */
function decidePull(observation, spec) {
    const { snapshot, pull, branch } = observation;
    const basePlan = effective(spec.planner(snapshot));
    if (pull === undefined) {
        if (basePlan.edits.length === 0)
            return { kind: 'none', plan: basePlan };
        return { kind: 'write', plan: basePlan, write: basePlan, parent: snapshot.head, moveFrom: branch?.head ?? ZERO_OID, describe: described(basePlan) };
    }
    if (branch?.files === undefined) {
        // An open PR whose branch is gone (or not a commit): recreate the branch from the base.
        if (basePlan.edits.length === 0)
            return { kind: 'close', plan: basePlan, pull };
        return { kind: 'write', plan: basePlan, write: basePlan, parent: snapshot.head, moveFrom: branch?.head ?? ZERO_OID, pull, describe: described(basePlan) };
    }
    const skipped = branch.files.skipped;
    // This run's plan over files of the PR branch (not checked against `fail-on-unmatched`: the base's plan was).
    const onBranch = (files) => effective(spec.planner({ ...snapshot, head: branch.head, branch: spec.branch, headParents: branch.chain.slice(1, 2), files, skipped }));
    const branchFiles = branch.files.files;
    const branchPlan = onBranch(branchFiles);
    const plan = guard(basePlan, branchPlan);
    const moved = !branch.chain.includes(snapshot.head);
    if (branchPlan.edits.length === 0) {
        // This run adds nothing to the branch: the PR stays as it is, or is closed when it proposes nothing any more.
        // With the base moved, a move the branch holds counts only if the policy would still make it on the base.
        const proposes = moved
            ? !same(replay(snapshot.files, movesBetween(snapshot.files, branchFiles), spec.policy), snapshot.files)
            : !same(branchFiles, snapshot.files);
        if (!proposes)
            return { kind: 'close', plan, pull };
        return { kind: 'unchanged', plan, pull, ...(moved ? {} : { describe: planBetween(snapshot.files, branchFiles) }) };
    }
    const onTop = apply(branchFiles, branchPlan.edits);
    const top = (describe) => ({ kind: 'write', plan, write: branchPlan, parent: branch.head, pull, describe });
    if (!moved)
        return top(planBetween(snapshot.files, onTop));
    // The base moved. Every file the branch differs in, or this run edits, holding exactly the base plus forward moves
    // means the branch forks from the base as far as it matters: commit on top (without reading the fork point).
    const strict = forwardOnly(spec.policy);
    const rebuiltFrom = (start) => apply(start, onBranch(start).edits);
    const twoWay = rebuiltFrom(replay(snapshot.files, movesBetween(snapshot.files, branchFiles), strict));
    if (same(twoWay, onTop))
        return top(planBetween(snapshot.files, onTop));
    const fork = branch.chain.find((oid) => observation.baseChain.includes(oid));
    if (fork !== undefined && observation.fork?.oid !== fork)
        return { kind: 'fork', plan, oid: fork };
    let start;
    if (observation.fork === undefined) {
        start = replay(snapshot.files, movesBetween(snapshot.files, branchFiles), strict);
    }
    else {
        const forkFiles = observation.fork.files.files;
        const forkText = textByPath(forkFiles);
        const branchText = textByPath(branchFiles);
        const touched = (path) => snapshot.files.find((f) => f.path === path)?.text !== forkText.get(path);
        const proposed = branchFiles.filter((f) => forkText.get(f.path) !== f.text).map((f) => f.path);
        // The base moved only files the branch does not change and this run does not edit: on top, described against the fork.
        if (![...proposed, ...branchPlan.edits.map((e) => e.path)].some(touched))
            return top(planBetween(forkFiles, onTop));
        const moves = movesBetween(forkFiles, branchFiles);
        start = snapshot.files.map((file) => {
            const kept = branchText.get(file.path);
            return !touched(file.path) && kept !== undefined ? { path: file.path, text: kept } : replay([file], moves, spec.policy)[0];
        });
    }
    const rebuilt = planBetween(snapshot.files, rebuiltFrom(start));
    if (rebuilt.edits.length === 0)
        return { kind: 'close', plan, pull };
    return { kind: 'write', plan, write: rebuilt, parent: snapshot.head, moveFrom: branch.head, pull, describe: rebuilt };
}
/** A plan as the PR's description: its changes, without this run's refusals. */
function described(plan) {
    return { ...plan, refusals: [] };
}
/** This run's plan against the base, without the files where the PR branch already holds newer than it asks (refused there). */
function guard(basePlan, branchPlan) {
    const changed = new Set(basePlan.changes.map(siteKey));
    const refusals = branchPlan.refusals.filter((r) => changed.has(siteKey(r)));
    return withRefusals(dropFiles(basePlan, new Set(refusals.map((r) => r.file))), refusals);
}
function siteKey(change) {
    return `${change.file}\u0000${change.image}`;
}
function dropFiles(plan, files) {
    if (files.size === 0)
        return plan;
    return { ...plan, edits: plan.edits.filter((e) => !files.has(e.path)), changes: plan.changes.filter((c) => !files.has(c.file)) };
}
function withRefusals(plan, extra) {
    const seen = new Set(plan.refusals.map((r) => `${siteKey(r)}\u0000${r.from}\u0000${r.to}`));
    const added = extra.filter((r) => !seen.has(`${siteKey(r)}\u0000${r.from}\u0000${r.to}`));
    return added.length === 0 ? plan : { ...plan, refusals: [...plan.refusals, ...added] };
}
function textByPath(files) {
    return new Map(files.map((f) => [f.path, f.text]));
}
/** `files` with `edits` applied (same paths, same order). */
function apply(files, edits) {
    const after = new Map(edits.map((e) => [e.path, e.after]));
    return files.map((f) => (after.has(f.path) ? { path: f.path, text: after.get(f.path) } : f));
}
/** True when every path of `a` has the same text in `b` (a path `b` lacks counts as its text in `a`). */
function same(a, b) {
    const other = textByPath(b);
    return a.every((f) => (other.get(f.path) ?? f.text) === f.text);
}

;// CONCATENATED MODULE: ./src/core/pull-decorations.ts
/** What `pull` lacks of `wanted` (all of it for a PR not opened yet). Names compare as GitHub does: ignoring case. */
function missingDecorations(pull, wanted) {
    if (pull === undefined)
        return wanted;
    const lacking = (want, have) => {
        const held = new Set(have.map((name) => name.toLowerCase()));
        return want.filter((name) => !held.has(name.toLowerCase()));
    };
    // GitHub refuses a review request to the PR's author (the token that opened it).
    const author = pull.author === undefined ? [] : [pull.author];
    return {
        labels: lacking(wanted.labels, pull.labels),
        reviewers: lacking(wanted.reviewers, [...pull.reviewers.users, ...author]),
        teams: lacking(wanted.teams, pull.reviewers.teams),
        assignees: lacking(wanted.assignees, pull.assignees),
        autoMerge: wanted.autoMerge && pull.autoMerge === 'never',
    };
}
/** True when nothing is missing. */
function complete(missing) {
    return missing.labels.length + missing.reviewers.length + missing.teams.length + missing.assignees.length === 0 && !missing.autoMerge;
}
/** True when node ids must be looked up to add what is missing (reviewers, teams, assignees). */
function needsIds(missing) {
    return missing.reviewers.length + missing.teams.length + missing.assignees.length > 0;
}

;// CONCATENATED MODULE: ./src/github/pull/follow-up.ts
// Labels, reviewers, assignees and auto-merge as mutation fields: what an open PR lacks of them (decided in
// core/pull-decorations.ts from the head query's read of the PR) rides on the document the round sends anyway
// (update, refresh); a PR this run just opened gets all of them in one follow-up document. Missing labels are created
// by one REST call, reviewer and assignee ids come from one query, both only when needed. A PR just created may not
// resolve yet: those fields are sent again after a short backoff. Nothing here fails the run: what cannot be done is
// a warning, and the next run tries again what is still missing.





const MERGE_METHODS = { merge: 'MERGE', squash: 'SQUASH', rebase: 'REBASE' };
/** `addLabelsToLabelable` (alias `labels`) of label ids to the PR (or issue) `id`. */
function labelsField(id, labelIds) {
    return {
        alias: 'labels',
        declaration: 'AddLabelsToLabelableInput!',
        selection: 'addLabelsToLabelable(input: $labels) { clientMutationId }',
        value: { labelableId: id, labelIds },
    };
}
/**
 * Whether reviewer and assignee ids must be looked up (one query per run): for a PR being opened, when the spec names
 * any; for an open one, when it lacks some.
 */
function follow_up_needsIds(spec, missing) {
    if (missing !== undefined)
        return needsIds(missing);
    return (spec.reviewers?.length ?? 0) + (spec.teamReviewers?.length ?? 0) + (spec.assignees?.length ?? 0) > 0;
}
/** Team slug in the repository owner's organization, or undefined for another organization's (`warn`: say so). */
function teamSlug(spec, team, warn = false) {
    const slash = team.indexOf('/');
    if (slash === -1)
        return team;
    const org = team.slice(0, slash);
    if (org.toLowerCase() === spec.target.owner.toLowerCase())
        return team.slice(slash + 1);
    if (warn)
        spec.warn?.(`team reviewer '${team}' is not in ${spec.target.owner}'s organization: only its teams can review pull requests in ${slug(spec.target)}`);
    return undefined;
}
/** What the spec asks of a PR (auto-merge only where the repository allows it). */
function wanted(spec, snapshot) {
    return {
        labels: spec.labels ?? [],
        reviewers: spec.reviewers ?? [],
        teams: (spec.teamReviewers ?? []).flatMap((t) => teamSlug(spec, t) ?? []),
        assignees: spec.assignees ?? [],
        autoMerge: spec.autoMerge !== undefined && snapshot.autoMergeAllowed,
    };
}
/** What `pull` lacks of what the spec asks (everything, for a PR this run is opening). */
function missingOf(spec, observation, pull) {
    return missingDecorations(pull, wanted(spec, observation.snapshot));
}
/** One query: node ids of reviewer and assignee logins and teams (unknown ones are warnings), and the viewer. */
async function lookupReviewers(client, spec, snapshot) {
    const logins = [...new Set([...(spec.reviewers ?? []), ...(spec.assignees ?? [])])];
    const teams = [...new Set((spec.teamReviewers ?? []).map((t) => teamSlug(spec, t, true)).filter((t) => t !== undefined))];
    const variables = {};
    const declarations = [];
    const selections = ['viewer { login }'];
    logins.forEach((login, i) => {
        variables[`u${i}`] = login;
        declarations.push(`$u${i}: String!`);
        selections.push(`u${i}: user(login: $u${i}) { id login }`);
    });
    if (teams.length > 0) {
        variables['org'] = snapshot.nameWithOwner.split('/')[0] ?? spec.target.owner;
        declarations.push('$org: String!');
        const slugs = teams.map((t, i) => {
            variables[`t${i}`] = t;
            declarations.push(`$t${i}: String!`);
            return `t${i}: team(slug: $t${i}) { id }`;
        });
        selections.push(`org: organization(login: $org) { ${slugs.join(' ')} }`);
    }
    const query = `query LookupReviewers${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} { ${selections.join(' ')} }`;
    let answer;
    try {
        answer = await send(client, query, variables, []);
    }
    catch (error) {
        spec.warn?.(`could not look up reviewers and assignees (${error instanceof Error ? error.message : String(error)}): none were requested`);
        return { users: new Map(), teams: new Map() };
    }
    const users = new Map();
    logins.forEach((login, i) => {
        const user = answer.data[`u${i}`];
        if (user)
            users.set(login, user.id);
        else
            spec.warn?.(`no GitHub user '${login}' (pr-reviewers / assignees): skipped`);
    });
    const viewer = answer.data['viewer']?.login;
    if (viewer !== undefined && (spec.reviewers ?? []).some((r) => r.toLowerCase() === viewer.toLowerCase())) {
        spec.warn?.(`'${viewer}' opens the pull request and cannot review it: not requested`);
        const own = [...users.keys()].find((login) => login.toLowerCase() === viewer.toLowerCase());
        if (own !== undefined && !(spec.assignees ?? []).includes(own))
            users.delete(own);
    }
    const org = answer.data['org'];
    const teamIds = new Map();
    teams.forEach((team, i) => {
        const found = org?.[`t${i}`];
        if (found)
            teamIds.set(team, found.id);
        else
            spec.warn?.(`no team '${team}' in ${spec.target.owner} visible to the token (team reviewers need \`members: read\` on an App token): skipped`);
    });
    return { users, teams: teamIds };
}
/**
 * The fields that add `missing` to the PR `pull`: labels that exist by id (the others are returned in `create`, for
 * `createLabels`), reviewers, teams and assignees by the ids `lookup` found, auto-merge.
 */
async function decorationFields(spec, observation, pull, missing, lookup) {
    const fields = [];
    const ids = missing.labels.flatMap((name) => observation.labelIds.get(name) ?? []);
    if (ids.length > 0)
        fields.push(labelsField(pull.id, ids));
    const create = missing.labels.filter((name) => !observation.labelIds.has(name));
    const found = needsIds(missing) && lookup !== undefined ? await lookup : undefined;
    if (found !== undefined) {
        const userIds = missing.reviewers.flatMap((login) => found.users.get(login) ?? []);
        const teamIds = missing.teams.flatMap((team) => found.teams.get(team) ?? []);
        if (userIds.length + teamIds.length > 0) {
            fields.push({
                alias: 'reviews',
                declaration: 'RequestReviewsInput!',
                selection: 'requestReviews(input: $reviews) { clientMutationId }',
                value: { pullRequestId: pull.id, userIds, teamIds, union: true },
            });
        }
        const assigneeIds = missing.assignees.flatMap((login) => found.users.get(login) ?? []);
        if (assigneeIds.length > 0) {
            fields.push({
                alias: 'assignees',
                declaration: 'AddAssigneesToAssignableInput!',
                selection: 'addAssigneesToAssignable(input: $assignees) { clientMutationId }',
                value: { assignableId: pull.id, assigneeIds },
            });
        }
    }
    if (missing.autoMerge && spec.autoMerge !== undefined) {
        fields.push({
            alias: 'autoMerge',
            declaration: 'EnablePullRequestAutoMergeInput!',
            selection: 'enablePullRequestAutoMerge(input: $autoMerge) { clientMutationId }',
            value: { pullRequestId: pull.id, mergeMethod: MERGE_METHODS[spec.autoMerge] },
        });
    }
    return { fields, create };
}
/** Labels, reviewers, assignees and auto-merge of a PR this run opened: one document (+ one REST call creating missing labels). */
async function followUp(client, spec, observation, pull, lookup) {
    if (spec.autoMerge !== undefined && !observation.snapshot.autoMergeAllowed) {
        spec.warn?.(`auto-merge is not allowed in ${slug(spec.target)}: pull request #${pull.number} was opened without it ` +
            `(enable Settings → General → Pull Requests → "Allow auto-merge")`);
    }
    const { fields, create } = await decorationFields(spec, observation, pull, missingOf(spec, observation, undefined), lookup);
    await Promise.all([
        fields.length > 0 ? sendFollowUp(client, spec, 'DecoratePullRequest', fields, pull) : Promise.resolve(),
        createLabels(client, spec, pull.number, create),
    ]);
}
/** REST `issues/add-labels` (nothing when `labels` is empty): adds labels that do not exist yet, creating them. */
async function createLabels(client, spec, number, labels) {
    if (labels.length === 0)
        return;
    try {
        await client.rest.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
            owner: spec.target.owner,
            repo: spec.target.repo,
            issue_number: number,
            labels: [...labels],
        });
    }
    catch (error) {
        spec.warn?.(`could not add labels ${labels.map((l) => `'${l}'`).join(', ')} to #${number}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/**
 * Sends follow-up fields; those GitHub cannot resolve yet ("Could not resolve to a node": a PR just created
 * is still replicating) are sent again after a short backoff; every other failure is a warning.
 */
async function sendFollowUp(client, spec, name, fields, pull, firstTry = 1) {
    const attempts = spec.followUpAttempts ?? 5;
    const { baseMs, maxMs } = raceBudget(spec);
    let pending = [...fields];
    for (let attempt = firstTry; pending.length > 0; attempt += 1) {
        if (attempt > 1)
            await client.sleep(backoffMs(attempt - 1, baseMs, maxMs, client.random));
        let answer;
        try {
            answer = await mutate(client, name, pending);
        }
        catch (error) {
            for (const f of pending)
                spec.warn?.(followUpWarning(spec, f.alias, pull.number, [{ message: error instanceof Error ? error.message : String(error) }]));
            return;
        }
        const failed = pending.filter((f) => failure(answer, f.alias).length > 0);
        const again = failed.filter((f) => failure(answer, f.alias).every(isUnresolvable));
        for (const f of failed) {
            if (!again.includes(f) || attempt >= attempts)
                spec.warn?.(followUpWarning(spec, f.alias, pull.number, failure(answer, f.alias)));
        }
        if (again.length > 0 && attempt < attempts)
            spec.log?.(`#${pull.number} not resolvable yet (${again.map((f) => f.alias).join(', ')}): retrying`);
        pending = attempt < attempts ? again : [];
    }
}
const FOLLOW_UP_NAMES = {
    labels: 'add labels to',
    reviews: 'request reviewers on',
    assignees: 'assign',
    autoMerge: 'enable auto-merge on',
    meta: 'update the title and body of',
};
function followUpWarning(spec, alias, number, errors) {
    const hint = alias === 'autoMerge' && isNothingPending(errors)
        ? ' (GitHub enables auto-merge only while something is still pending: required checks or reviews in branch protection or a ruleset)'
        : '';
    return `could not ${FOLLOW_UP_NAMES[alias] ?? alias} pull request #${number} of ${slug(spec.target)}: ${say(errors)}${hint}`;
}

;// CONCATENATED MODULE: ./src/github/pull/observe.ts






/** First parents of the PR head and of the base head read with them: enough to see whether the base head is still its fork point. */
const CHAIN_DEPTH = 8;
/**
 * A reviewer as read: a user's login, and a team's slug when the run asks for teams. A token that may not see a team
 * (an App token without `members: read`, a secret team a CODEOWNERS file requests) gets a node-level FORBIDDEN for
 * its fields beside the rest of the data: the read goes on without that reviewer (`tolerated`).
 */
function reviewer(teams) {
    return `requestedReviewer { __typename ... on User { login }${teams ? ' ... on Team { slug }' : ''} }`;
}
/**
 * What convergence needs of each open PR, in the head query (so a PR that lacks nothing costs no extra request):
 * its author, assignees, review requests now and ever (the timeline), who reviewed, and auto-merge now and ever.
 */
function decorations(teams) {
    return ('author { login } assignees(first: 20) { nodes { login } } ' +
        `reviewRequests(first: 50) { nodes { ${reviewer(teams)} } } latestReviews(first: 50) { nodes { author { login } } } ` +
        'autoMergeRequest { enabledAt } ' +
        `timelineItems(itemTypes: [REVIEW_REQUESTED_EVENT, AUTO_MERGE_ENABLED_EVENT], first: 100) { nodes { __typename ... on ReviewRequestedEvent { ${reviewer(teams)} } } }`);
}
/** A node-level FORBIDDEN on a reviewer the token may not see. */
function tolerated(error) {
    return error.type === 'FORBIDDEN' && (error.path ?? []).includes('requestedReviewer');
}
/** `oid parents(first: 1) { nodes { oid parents … } }`, `depth` parents deep. */
function chainSelection(depth) {
    return depth <= 0 ? 'oid' : `oid parents(first: 1) { nodes { ${chainSelection(depth - 1)} } }`;
}
function flattenChain(node) {
    const oids = [];
    for (let n = node; n !== undefined; n = n.parents?.nodes[0])
        oids.push(n.oid);
    return oids;
}
/**
 * The selection added to the head query: the open PRs for the branch, the branch (and its files: the literal
 * paths, or the listings of the base that carry texts, at the branch), label ids.
 */
function extraSelection(spec, listings, history) {
    const variables = {
        prHead: { type: 'String!', value: spec.branch },
        prRef: { type: 'String!', value: qualifiedBranch(spec.branch) },
    };
    const files = (spec.paths.literals ?? []).map((path, i) => {
        variables[`prF${i}`] = { type: 'String!', value: path };
        return `prF${i}: file(path: $prF${i}) { ${FILE_ENTRY_SELECTION} }`;
    });
    listings.forEach((listing, i) => {
        if (!listing.texts)
            return;
        if (listing.prefix !== '')
            variables[`prT${i}`] = { type: 'String!', value: listing.prefix };
        files.push(treeSelection(`prT${i}`, listing));
    });
    const labels = (spec.labels ?? []).map((name, i) => {
        variables[`prL${i}`] = { type: 'String!', value: name };
        return `prL${i}: label(name: $prL${i}) { id name }`;
    });
    if (spec.target.branch !== undefined)
        variables['prBase'] = { type: 'String!', value: qualifiedBranch(spec.target.branch) };
    const baseRef = spec.target.branch === undefined ? 'prBase: defaultBranchRef' : 'prBase: ref(qualifiedName: $prBase)';
    const selection = `${baseRef} { target { ... on Commit { ${chainSelection(CHAIN_DEPTH)} } } } ` +
        `prPulls: pullRequests(headRefName: $prHead, states: [OPEN], first: 20) { nodes { id number url title body baseRefName ` +
        `headRepository { nameWithOwner } labels(first: 100) { nodes { name } } ${decorations((spec.teamReviewers ?? []).length > 0)} } } ` +
        `prBranch: ref(qualifiedName: $prRef) { target { __typename ... on Commit { message url ${chainSelection(CHAIN_DEPTH)} ` +
        `${history ? HISTORY_SELECTION : ''} ${files.join(' ')} } } } ` +
        labels.join(' ');
    return { selection, variables, tolerate: tolerated };
}
/**
 * One read (with globs whose listing cannot carry the texts: two, three with an open PR): base, open PR, PR
 * branch and its files, labels; with `history`, the PR branch's recent history too (after a write whose answer was lost).
 */
async function observe(client, spec, history = false) {
    // The listings the read chose (without texts after a failed try with them), to list them at the PR branch too.
    let listed = [];
    const selection = (listings) => {
        listed = listings;
        return extraSelection(spec, listings, history);
    };
    const snapshot = await readSnapshot(client, spec.target, spec.paths, undefined, { ...spec.read, extra: selection });
    const extra = snapshot.extra ?? {};
    const pulls = (extra['prPulls']?.nodes ?? []).filter((p) => p.headRepository === null || p.headRepository.nameWithOwner.toLowerCase() === snapshot.nameWithOwner.toLowerCase());
    const raw = pulls.find((p) => p.baseRefName === snapshot.branch) ?? pulls[0];
    const pull = raw === undefined ? undefined : openPull(raw);
    const target = extra['prBranch']?.target ?? undefined;
    let branch;
    let branchHistory;
    if (target !== undefined && target !== null) {
        if (target['history'] !== undefined)
            branchHistory = historyOf(target['history']);
        const chain = flattenChain(target);
        let files;
        if (pull !== undefined && target.__typename === 'Commit') {
            // The PR branch's versions of the literal paths came with the head query, unless a literal was a folder.
            const literals = spec.paths.literals;
            const direct = literals !== undefined && snapshot.files.every((f) => literals.includes(f.path));
            files =
                literals !== undefined && direct
                    ? await filesFromAnswers(client, spec.target, spec.branch, literals.map((path, i) => ({ path, entry: target[`prF${i}`] })), spec.read)
                    : await branchFiles(client, spec, snapshot, target, listed);
        }
        const message = typeof target['message'] === 'string' ? target['message'] : '';
        const url = typeof target['url'] === 'string' ? target['url'] : '';
        branch = { head: target.oid, message, url, chain, ...(files === undefined ? {} : { files }) };
    }
    const labelIds = new Map();
    (spec.labels ?? []).forEach((name, i) => {
        const label = extra[`prL${i}`];
        if (label)
            labelIds.set(name, label.id);
    });
    const baseChain = flattenChain(extra['prBase']?.target ?? undefined);
    return {
        snapshot,
        ...(pull === undefined ? {} : { pull }),
        ...(branch === undefined ? {} : { branch }),
        ...(branchHistory === undefined ? {} : { branchHistory }),
        labelIds,
        baseChain,
    };
}
function openPull(raw) {
    const nodes = (connection) => (connection?.nodes ?? []).filter((n) => n !== null);
    const requested = [...nodes(raw.reviewRequests), ...nodes(raw.timelineItems)].flatMap((r) => (r.requestedReviewer ? [r.requestedReviewer] : []));
    const reviewed = nodes(raw.latestReviews).flatMap((r) => (r.author ? [r.author.login] : []));
    const enabledOnce = nodes(raw.timelineItems).some((e) => e.__typename === 'AutoMergeEnabledEvent');
    return {
        id: raw.id,
        number: raw.number,
        url: raw.url,
        title: raw.title,
        body: raw.body ?? '',
        baseRefName: raw.baseRefName,
        labels: (raw.labels?.nodes ?? []).map((l) => l.name),
        ...(raw.author ? { author: raw.author.login } : {}),
        assignees: nodes(raw.assignees).map((a) => a.login),
        reviewers: {
            users: [...requested.flatMap((r) => (r.login === undefined ? [] : [r.login])), ...reviewed],
            teams: requested.flatMap((r) => (r.slug === undefined ? [] : [r.slug])),
        },
        autoMerge: raw.autoMergeRequest !== null ? 'on' : enabledOnce ? 'off' : 'never',
    };
}
/**
 * The PR branch's versions of the base's files: from the branch's listings that came with the head query (a path
 * they do not hold does not exist there), and read by path where they do not tell (not listed with texts, deeper
 * than listed, or a folder on the branch).
 */
async function branchFiles(client, spec, snapshot, target, listings) {
    const { listing, unexpanded } = listingOf(target, listings, 'prT');
    const byName = new Map(listing.map((e) => [e.path, e]));
    const under = (path, folder) => folder === '' || path === folder || path.startsWith(`${folder}/`);
    const carried = listings.flatMap((l, i) => (l.texts && target[`prT${i}`] !== undefined ? [l.prefix] : []));
    const known = [];
    const unknown = [];
    for (const { path } of snapshot.files) {
        const entry = byName.get(path);
        if (entry !== undefined)
            known.push({ path, entry: entry.answer ?? { type: entry.type, mode: entry.mode, oid: entry.oid } });
        else if (carried.some((prefix) => under(path, prefix)) && !unexpanded.some((e) => under(path, e.path)) && !listing.some((e) => e.path.startsWith(`${path}/`)))
            known.push({ path, entry: null });
        else
            unknown.push(path);
    }
    const [fromListing, byPathRead] = await Promise.all([
        filesFromAnswers(client, spec.target, spec.branch, known, spec.read),
        readFilesAt(client, spec.target, spec.branch, target.oid, unknown, spec.read),
    ]);
    return { files: [...fromListing.files, ...byPathRead.files].sort(core_paths/* byPath */.f2), skipped: [...fromListing.skipped, ...byPathRead.skipped].sort(core_paths/* byPath */.f2) };
}
/** The observation with the fork point's files (the paths of the base and of the PR branch), read at `oid`. */
async function withFork(client, spec, observation, oid) {
    const paths = new Set([...observation.snapshot.files, ...(observation.branch?.files?.files ?? [])].map((f) => f.path));
    const files = await readFilesAt(client, spec.target, oid.slice(0, 12), oid, [...paths].sort(core_paths/* comparePaths */.cD), spec.read);
    return { ...observation, fork: { oid, files } };
}

;// CONCATENATED MODULE: ./src/github/pull/clash.ts

/** The existing branch that keeps `branch` from being created, if any (see `clashingBranches`). */
async function clashingBranch(client, target, branch) {
    const { above, below } = clashingBranches(branch);
    const declarations = above.map((_, i) => `, $a${i}: String!`).join('');
    const fields = above.map((_, i) => `a${i}: ref(qualifiedName: $a${i}) { name }`).join(' ');
    const query = `query BranchClash($owner: String!, $name: String!, $below: String!${declarations}) { repository(owner: $owner, name: $name) { ` +
        `${fields} below: refs(refPrefix: $below, first: 1) { nodes { prefix name } } } }`;
    const variables = { owner: target.owner, name: target.repo, below: `refs/heads/${below}` };
    above.forEach((name, i) => (variables[`a${i}`] = `refs/heads/${name}`));
    const repository = (await client.graphql(query, variables)).repository;
    if (repository === null)
        return undefined;
    const found = above.find((_, i) => repository[`a${i}`] != null);
    if (found !== undefined)
        return found;
    // `prefix` + `name` is the qualified name, however the server splits it.
    const child = repository.below?.nodes[0];
    return child === undefined ? undefined : `${child.prefix}${child.name}`.replace(/^refs\/heads\//, '');
}

;// CONCATENATED MODULE: ./src/github/pull/write.ts
// The writes of the pull-request mode, one mutation document each: create (the branch, its commit, the PR),
// update (move the branch if rebuilt, commit, refresh the title and body, add what the PR lacks of its labels,
// reviewers, assignees and auto-merge), refresh (the same for a PR whose content is right), close (the PR, and its
// branch by compare-and-swap).






/**
 * One document: the branch to the base head (compare-and-swap: it must not exist, or still be the leftover
 * we read), one commit, the PR. Resolves undefined when done, else the race that was lost (read again).
 */
async function create({ client, spec, observation, progress, round }, decision) {
    const { snapshot } = observation;
    const message = withTrailers(spec.message(decision.write), [ATTEMPT_TRAILER, round.tag]);
    const fields = [
        refMove(snapshot.repositoryId, spec.branch, decision.moveFrom ?? ZERO_OID, decision.parent),
        commitField(commitTarget(spec, observation, decision), decision.write.edits, message),
        {
            alias: 'pull',
            declaration: 'CreatePullRequestInput!',
            selection: 'createPullRequest(input: $pull) { pullRequest { id number url } }',
            value: {
                repositoryId: snapshot.repositoryId,
                baseRefName: snapshot.branch,
                headRefName: spec.branch,
                title: titleOf(spec, decision.describe),
                body: bodyOf(spec, decision.describe),
                draft: spec.draft === true,
            },
        },
    ];
    progress.openers = [...(progress.openers ?? []), round.tag];
    const answer = await round.write(decision.parent, () => mutate(client, 'OpenPullRequest', fields));
    const pull = answer.data['pull']?.pullRequest;
    const commit = committed(answer);
    if (pull)
        progress.created = pull;
    if (commit)
        progress.commit = commit;
    const refErrors = errorsOf(answer, 'ref');
    const commitErrors = errorsOf(answer, 'commit');
    const pullErrors = errorsOf(answer, 'pull');
    await clash(client, spec, decision, refErrors);
    fatal(client, spec, 'ref', refErrors);
    // With the ref move lost, the commit fails for want of the branch or of its head: that is the same race.
    if (!(refErrors.some(isRace) && commitErrors.length > 0))
        fatal(client, spec, 'commit', commitErrors);
    if (pullErrors.some(isActionsForbidden))
        throw actionsForbidden(spec.target, spec.branch, pullErrors, commit !== undefined);
    fatal(client, spec, 'pull', pullErrors);
    if (answer.errors.length === 0) {
        spec.log?.(`opened #${pull?.number ?? '?'} from '${spec.branch}' (commit ${commit?.oid ?? '?'} on ${decision.parent})`);
        return undefined;
    }
    // "No commits between" after a lost commit race, "already exists": somebody else got there first.
    return say(answer.errors);
}
/**
 * One document for an open PR: [move the branch to the base head] + one commit + [title/body/base refresh] + [what
 * it lacks of labels, reviewers, assignees, auto-merge]. Resolves undefined when done, else the race that was lost.
 */
async function update(writer, decision, pull) {
    const { client, spec, observation, progress, round } = writer;
    const { snapshot } = observation;
    const fields = [];
    if (decision.moveFrom !== undefined)
        fields.push(refMove(snapshot.repositoryId, spec.branch, decision.moveFrom, decision.parent));
    const message = withTrailers(spec.message(decision.write), [ATTEMPT_TRAILER, round.tag]);
    fields.push(commitField(commitTarget(spec, observation, decision), decision.write.edits, message));
    const extra = await pullFields(writer, pull, decision.describe);
    fields.push(...extra.fields);
    const [answer] = await Promise.all([
        round.write(decision.parent, () => mutate(client, 'UpdatePullRequest', fields)),
        createLabels(client, spec, pull.number, extra.create),
    ]);
    const commit = committed(answer);
    if (commit)
        progress.commit = commit;
    const refErrors = errorsOf(answer, 'ref');
    const commitErrors = errorsOf(answer, 'commit');
    if (decision.moveFrom !== undefined && refErrors.length === 0 && commitErrors.length > 0)
        await restore(writer, decision.parent, decision.moveFrom);
    await clash(client, spec, decision, refErrors);
    fatal(client, spec, 'ref', refErrors);
    if (!(refErrors.some(isRace) && commitErrors.length > 0))
        fatal(client, spec, 'commit', commitErrors);
    if (refErrors.length > 0 || commitErrors.length > 0)
        return say([...refErrors, ...commitErrors]);
    spec.log?.(`committed ${commit?.oid ?? '?'} on '${spec.branch}' (parent ${decision.parent}) for #${pull.number}`);
    await retryMetadata(client, spec, answer, extra.fields, pull);
    return undefined;
}
/**
 * A rebuild whose branch move landed but whose commit did not left the branch at the base head, without what it
 * proposed: put the branch back where it was (compare-and-swap), so that the next round reads it and loses nothing.
 */
async function restore({ client, spec, observation }, from, to) {
    if (to === ZERO_OID)
        return;
    try {
        const answer = await mutate(client, 'RestorePullRequestBranch', [refMove(observation.snapshot.repositoryId, spec.branch, from, to)]);
        if (answer.errors.length > 0)
            spec.log?.(`could not put '${spec.branch}' back at ${to}: ${say(answer.errors)}`);
    }
    catch (error) {
        spec.log?.(`could not put '${spec.branch}' back at ${to}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** Refreshes the title/body of a PR whose content is already right, and adds what it lacks (labels, reviewers, assignees, auto-merge). */
async function refresh(writer, pull, describe) {
    const { client, spec } = writer;
    const { fields, create } = await pullFields(writer, pull, describe);
    await Promise.all([fields.length > 0 ? sendFollowUp(client, spec, 'RefreshPullRequest', fields, pull) : Promise.resolve(), createLabels(client, spec, pull.number, create)]);
}
/** Closes the PR and deletes its branch (compare-and-swap on the head read: a branch that moved is kept). */
async function write_close({ client, spec, observation }, pull) {
    const { snapshot, branch } = observation;
    const fields = [
        { alias: 'close', declaration: 'ClosePullRequestInput!', selection: 'closePullRequest(input: $close) { pullRequest { number } }', value: { pullRequestId: pull.id } },
    ];
    if (branch !== undefined)
        fields.push(refMove(snapshot.repositoryId, spec.branch, branch.head, ZERO_OID));
    const answer = await mutate(client, 'ClosePullRequest', fields);
    const closeErrors = errorsOf(answer, 'close');
    if (closeErrors.length > 0)
        throw closeFailed(spec.target, pull.number, closeErrors);
    const refErrors = errorsOf(answer, 'ref');
    if (refErrors.length > 0) {
        spec.warn?.(`closed pull request #${pull.number}, but kept its branch '${spec.branch}' (${say(refErrors)}): delete it by hand if it is not needed`);
    }
    spec.log?.(`closed #${pull.number}: ${snapshot.branch} already holds everything it proposed`);
}
function commitTarget(spec, observation, decision) {
    return { repositoryNameWithOwner: observation.snapshot.nameWithOwner, branch: spec.branch, expectedHead: decision.parent };
}
/**
 * A branch this document was to create (from the zero oid) that could not be: when another branch's name is in the
 * way (`gitops-bump` beside `gitops-bump/prod/api`), throws the error naming both. GitHub's answer to such a create
 * does not say so ("Reference update failed", "Ref cannot be created"; an emulator may even call it a moved ref), so
 * one query asks, only on this failure path.
 */
async function clash(client, spec, decision, refErrors) {
    if (decision.moveFrom !== ZERO_OID || refErrors.length === 0)
        return;
    const existing = await clashingBranch(client, spec.target, spec.branch);
    if (existing !== undefined)
        throw branchClash(spec.target, spec.branch, existing);
}
/** Throws the error a person can act on for a field that failed for a reason other than a race. */
function fatal(client, spec, alias, errors) {
    const error = pullWriteError(spec.target, spec.branch, alias, errors, client.workflowRepository);
    if (error !== undefined)
        throw error;
}
/** Re-sends the PR fields of a document (all but the ref and commit) that GitHub could not resolve yet; other failures warn. */
async function retryMetadata(client, spec, answer, fields, pull) {
    const failed = fields.filter((f) => failure(answer, f.alias).length > 0);
    const again = failed.filter((f) => failure(answer, f.alias).every(isUnresolvable));
    for (const f of failed)
        if (!again.includes(f))
            spec.warn?.(followUpWarning(spec, f.alias, pull.number, failure(answer, f.alias)));
    if (again.length > 0)
        await sendFollowUp(client, spec, 'RefreshPullRequest', again, pull, 2);
}
/**
 * The fields for an open PR besides its commit: updatePullRequest when the title, body (from `describe`; kept when
 * undefined) or base differ, and what it lacks of labels, reviewers, assignees and auto-merge; `create`: labels to
 * create by name.
 */
async function pullFields({ spec, observation, lookup }, pull, describe) {
    const fields = [];
    const base = observation.snapshot.branch;
    const changes = {};
    if (describe !== undefined) {
        const title = titleOf(spec, describe);
        const body = bodyOf(spec, describe);
        if (title !== pull.title)
            changes['title'] = title;
        if (normalise(body) !== normalise(pull.body))
            changes['body'] = body;
    }
    if (base !== pull.baseRefName)
        changes['baseRefName'] = base;
    if (Object.keys(changes).length > 0) {
        fields.push({
            alias: 'meta',
            declaration: 'UpdatePullRequestInput!',
            selection: 'updatePullRequest(input: $meta) { pullRequest { number } }',
            value: { pullRequestId: pull.id, ...changes },
        });
    }
    const decorations = await decorationFields(spec, observation, pull, missingOf(spec, observation, pull), lookup);
    return { fields: [...fields, ...decorations.fields], create: decorations.create };
}
/** GitHub refuses titles over 256 characters and bodies over 65,536 (422 "… is too long"): cut, never fail. */
const MAX_TITLE = 256;
const MAX_BODY = 65_536;
function titleOf(spec, plan) {
    const title = spec.title(plan).replace(/\s+/g, ' ').trim();
    return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}
function bodyOf(spec, plan) {
    const body = spec.body(plan);
    const note = "\n\n… (cut at GitHub's limit of 65,536 characters)";
    return body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY - note.length)}${note}`;
}
function normalise(text) {
    return text.replace(/\r\n/g, '\n').trimEnd();
}

;// CONCATENATED MODULE: ./src/github/pull/open.ts
// Pull-request mode: one branch and one pull request per service and environment, created once, then
// updated in place. Every round of the race loop is: one read (base head + files, the open PR with its labels,
// reviewers, assignees and auto-merge, the PR branch and its files), the pure decision (core/pull-decision.ts), and
// one mutation document; a lost race (STALE_DATA, "already exists") reads and decides again. Every ref move is a
// compare-and-swap (updateRefs with beforeOid: `force` only allows a move that is not a fast-forward): a concurrent
// job's commit is never overwritten, the move fails and the round is lost.







/**
 * Opens the pull request for `spec.branch`, or brings the open one up to date, or closes it when the base
 * already holds what it proposes; every run also adds what the open PR lacks of its labels, reviewers, assignees and
 * auto-merge. A new PR costs 3 requests with explicit paths (read, one document that creates the branch, commits and
 * opens the PR, one follow-up for labels, reviewers, assignees and auto-merge; +1 in parallel to look up reviewer
 * ids; +1 to create missing labels); an update costs 2; an identical re-run 1 (what the PR lacks: +1 document, +1 to
 * look up reviewer ids).
 * Throws `GitHubError`; label, reviewer, assignee and auto-merge failures are `warn`ings.
 */
function openOrUpdatePullRequest(client, given) {
    const spec = { ...given, branch: given.branch.replace(/^refs\/heads\//, '') };
    const run = { progress: {} };
    return race(client, spec, async (round) => {
        const result = await playRound(client, spec, run, round);
        if (typeof result !== 'string')
            return { done: result };
        return {
            lost: {
                reason: `lost a race on '${spec.branch}' (${result})`,
                exhausted: (attempts, elapsedMs) => pullRaceExhausted(spec.target, spec.branch, attempts, elapsedMs, result),
            },
        };
    });
}
/**
 * Rounds a run gives a PR branch that holds no commit of its own (its head is a commit of the base): that is how a
 * rebuild looks between its branch move and its commit, two fields of one document. Deciding on it would close the
 * PR or commit on the bare branch, and the rebuild's commit would then lose the race with everything it replays.
 */
const BARE_WAITS = 2;
/**
 * Recognises the commit (and PR) of a document whose answer was lost: its attempt trailer is on the PR branch's
 * first-parent chain (a branch that does not exist holds none). A PR this run's document opened is then its own.
 */
function recognise(progress, observation, round, log) {
    if (round.unsure.length === 0)
        return;
    const branch = observation.branch;
    const landing = round.landed(branch?.head, observation.branchHistory);
    if (landing === undefined)
        return;
    progress.commit ??= { oid: landing.commit.oid, url: landing.commit.url };
    if (progress.openers?.includes(landing.write.tag) === true && observation.pull !== undefined && progress.created === undefined) {
        const { id, number, url } = observation.pull;
        progress.created = { id, number, url };
    }
    log(`the write of ${landing.write.tag} landed although its answer was lost: ${landing.commit.oid}`);
}
/** One round: read, decide, act. Resolves the result, or the race that was lost (then read again). */
async function playRound(client, spec, run, round) {
    const { progress } = run;
    let observation = await observe(client, spec, round.unsure.length > 0);
    const { snapshot } = observation;
    if (snapshot.branch === spec.branch) {
        throw new GitHubError('api', `the pull-request branch '${spec.branch}' is the base branch of ${slug(spec.target)}: set \`pr-branch\` to another name`);
    }
    // git keeps refs as paths: 'main/x' cannot exist beside 'main' (nor 'main' beside 'main/x').
    if (spec.branch.startsWith(`${snapshot.branch}/`) || snapshot.branch.startsWith(`${spec.branch}/`)) {
        throw new GitHubError('api', `the pull-request branch '${spec.branch}' cannot exist beside the base branch '${snapshot.branch}' of ${slug(spec.target)} (one is a folder of the other): set \`pr-branch\` to another name`);
    }
    recognise(progress, observation, round, spec.log ?? (() => undefined));
    const { pull, branch } = observation;
    if (pull !== undefined && branch !== undefined && observation.baseChain.includes(branch.head) && (run.bareWaits ?? 0) < BARE_WAITS) {
        run.bareWaits = (run.bareWaits ?? 0) + 1;
        await client.sleep(4 * raceBudget(spec).baseMs);
        return `'${spec.branch}' holds no commit of its own: a rebuild may be landing`;
    }
    // What the open PR lacks that needs ids (reviewers, assignees): looked up once, while the round goes on.
    if (pull !== undefined && run.lookup === undefined && follow_up_needsIds(spec, missingOf(spec, observation, pull)))
        run.lookup = lookupReviewers(client, spec, snapshot);
    let decision = decidePull(observation, spec);
    if (decision.kind === 'fork') {
        observation = await withFork(client, spec, observation, decision.oid);
        decision = decidePull(observation, spec);
    }
    spec.log?.(`pull request '${spec.branch}' → ${snapshot.branch}: ${decision.kind} (round ${round.attempt})`);
    if (decision.kind !== 'fork')
        await spec.onPlan?.(decision.plan, snapshot, round.attempt);
    const writer = { client, spec, observation, progress, round, lookup: run.lookup };
    // The result's plan is what the PR proposes (every run's references, as its title and body say) with this run's
    // refusals, notes and skips; the plan reported above is this run's own.
    const proposal = decision.kind === 'write' || decision.kind === 'unchanged' ? decision.describe : undefined;
    const plan = proposal === undefined ? decision.plan : { ...decision.plan, edits: proposal.edits, changes: proposal.changes };
    const done = (operation, pull) => ({
        operation,
        ...(pull === undefined ? {} : { number: pull.number, url: pull.url }),
        branch: spec.branch,
        ...(progress.commit === undefined ? {} : { commit: progress.commit }),
        plan,
        base: snapshot.branch,
        attempts: round.attempt,
    });
    // A PR opened in this round gets its follow-up; one this run opened earlier is open in this round's read, so its
    // document (update, refresh) added what it lacks.
    const finish = async (operation, opened) => {
        if (progress.created !== undefined && observation.pull === undefined)
            await followUp(client, spec, observation, progress.created, run.lookup);
        return done(outcome(progress, operation), opened ?? progress.created);
    };
    switch (decision.kind) {
        case 'none':
            return finish('none');
        case 'unchanged':
            await refresh(writer, decision.pull, decision.describe);
            return finish('unchanged', decision.pull);
        case 'close':
            await write_close(writer, decision.pull);
            return done('closed', decision.pull);
        case 'fork':
            throw new GitHubError('api', `internal: the fork point ${decision.oid} of '${spec.branch}' was read but not used`);
        case 'write': {
            if (decision.pull === undefined) {
                if (run.lookup === undefined && follow_up_needsIds(spec))
                    run.lookup = lookupReviewers(client, spec, snapshot);
                const raced = await create({ ...writer, lookup: run.lookup }, decision);
                return raced ?? finish('created');
            }
            const raced = await update(writer, decision, decision.pull);
            return raced ?? finish('updated', decision.pull);
        }
    }
}
/** The operation when this round wrote nothing new: earlier rounds' writes still count. */
function outcome(progress, fallback) {
    if (progress.created !== undefined)
        return 'created';
    if (progress.commit !== undefined)
        return 'updated';
    return fallback;
}

;// CONCATENATED MODULE: ./src/deliver/pull-request.ts
// Pull-request mode: one pull request per service and environment, created once, then updated in place (or
// closed), through github/pull/; the plan the pull request proposes is reported before anything is written.






async function pullRequest(remote) {
    const { settings, io, client, target, read, context, promotion } = remote;
    const pr = settings.pullRequest;
    const branch = pullRequestBranch(pr.branch, {
        environment: settings.environment,
        pathPatterns: settings.pathPatterns,
        // Charts join the images: a run moving an image and its chart has one branch (`api` once).
        images: [...settings.images.map((i) => i.ref.name), ...settings.charts.map((c) => c.ref.name)],
        promotionFrom: promotion?.from,
    });
    const result = await openOrUpdatePullRequest(client, {
        target,
        paths: settings.paths,
        read,
        branch,
        // The base is checked (its plan is what the pull request proposes); the pull-request branch's files are not.
        planner: (snapshot) => (snapshot.branch === branch ? planSnapshot(settings, snapshot, promotion) : planChecked(settings, snapshot, promotion)),
        policy: settings.policy,
        onPlan: withShippedRead(remote, planReporter(remote)),
        message: (p) => withProvenance((0,messages/* commitMessage */.df)(settings.commitMessage, p, shippedIn(remote, p, context(branch))), p, settings.provenance, remote.provenance?.context(p)),
        title: (p) => (0,messages/* pullRequestTitle */.Zr)(pr.title, p, context(branch)),
        body: (p) => (0,messages/* pullRequestBody */.NF)(pr.body, p, shippedIn(remote, p, context(branch)), branch),
        labels: pr.labels,
        reviewers: pr.reviewers,
        teamReviewers: pr.teamReviewers,
        assignees: pr.assignees,
        draft: pr.draft,
        autoMerge: pr.autoMerge,
        maxTotalMs: settings.raceTimeoutMs,
        log: (m) => io.debug(m),
        warn: (m) => io.warning(m),
        runTag: remote.runTag,
    });
    await io.group('Pull request', async () => {
        const which = result.number === undefined ? 'no pull request' : `pull request #${result.number}`;
        io.info(`${which}: ${result.operation} (branch ${result.branch} → ${result.base}; ${result.attempts} round(s), ${client.stats().requests} request(s)).`);
    });
    const ctx = {
        ...shippedIn(remote, result.plan, context(result.base, result.commit)),
        pullRequest: { operation: result.operation, number: result.number, url: result.url, branch: result.branch },
    };
    return (0,outputs/* bumpResult */.QJ)(result.plan, ctx);
}

;// CONCATENATED MODULE: ./src/deliver/api.ts







/** API-mode delivery. `env` is the runner's environment as the entry point read it (endpoints, the workflow's repository). */
function bumpRemote(settings, io, promotion, env) {
    const remote = createRemote(settings, io, promotion, env);
    if (settings.mode === 'dry-run')
        return dryRun(remote);
    if (settings.mode === 'pull-request')
        return pullRequest(remote);
    return commit(remote);
}
/**
 * One snapshot of a promotion source read through the API (another repository, or the target's own branch):
 * here, so that the GitHub code stays in the one lazily loaded module.
 */
function readRemoteSource(source, io, env) {
    const client = createClient({ token: source.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
    return readSnapshot(client, source.target, source.paths, undefined, { maxBytes: source.maxBytes });
}
/** The promotion gates' facts (github/gates.ts), read with the source's token: one query. */
function readRemoteGates(source, files, rules, now, io, env) {
    const client = createClient({ token: source.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
    return readGateFacts(client, { owner: source.target.owner, repo: source.target.repo, head: source.head }, files, rules, now);
}
/**
 * The histories of `files` at `head` for the report's ages: the gates' query without its status part (one request,
 * one alias per file, HISTORY commits each).
 */
async function readRemoteHistories(source, files, io, env) {
    const client = createClient({ token: source.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
    const facts = await readGateFacts(client, { owner: source.target.owner, repo: source.target.repo, head: source.head }, files, { requireStatus: [] }, new Date(0));
    return { histories: facts.histories, window: HISTORY };
}


/***/ })

};
