export const id = 371;
export const ids = [371];
export const modules = {

/***/ 5312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ex: () => (/* binding */ concurrency),
/* harmony export */   O_: () => (/* binding */ FILE_FRAGMENT),
/* harmony export */   Vv: () => (/* binding */ readPaths),
/* harmony export */   ZL: () => (/* binding */ chunkSize),
/* harmony export */   he: () => (/* binding */ FILE_ENTRY_SELECTION),
/* harmony export */   nl: () => (/* binding */ readFilesAt),
/* harmony export */   xx: () => (/* binding */ filesFromAnswers)
/* harmony export */ });
/* harmony import */ var _core_encoding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3590);
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7331);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8112);
/* harmony import */ var _limit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7515);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9191);
// File contents: `file(path:)` answers decoded into texts and skips exactly as a snapshot reads them (binary,
// oversized, links, submodules, not UTF-8), files read by path at one commit, and blobs read over REST where
// GraphQL truncates a text or does not give it as UTF-8.





const DEFAULTS = { maxBytes: 1024 * 1024, chunkSize: 100, concurrency: _limit_js__WEBPACK_IMPORTED_MODULE_4__/* .READ_CONCURRENCY */ .H };
/** Read requests in flight at once, at least 1. */
function concurrency(options) {
    return Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
}
/** Files read per query, at least 1. */
function chunkSize(options) {
    return Math.max(1, options.chunkSize ?? DEFAULTS.chunkSize);
}
/**
 * The selection of one `file(path:)` answer that `filesFromAnswers` decodes, for `ReadOptions.extra`
 * selections that read files of another commit in the head request.
 */
const FILE_ENTRY_SELECTION = `type mode oid object { __typename ${_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .BLOB_SELECTION */ .b4} }`;
/** `FILE_ENTRY_SELECTION` as the fragment `...FileEntry` that the queries here spread. */
const FILE_FRAGMENT = `fragment FileEntry on TreeEntry { ${FILE_ENTRY_SELECTION} }`;
/** Reads files by path at one commit: one query per `chunkSize` paths, at most `concurrency` in flight. */
async function readPaths(client, target, commitOid, paths, options) {
    const size = chunkSize(options);
    const chunks = [];
    for (let i = 0; i < paths.length; i += size)
        chunks.push(paths.slice(i, i + size));
    const answers = await (0,_limit_js__WEBPACK_IMPORTED_MODULE_4__/* .mapLimited */ .b)(chunks, concurrency(options), async (chunk) => {
        const declarations = ['$owner: String!', '$name: String!', '$oid: GitObjectID!', ...chunk.map((_, i) => `$p${i}: String!`)];
        const selections = chunk.map((_, i) => `f${i}: file(path: $p${i}) { ...FileEntry }`);
        const query = `query ReadFiles(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { object(oid: $oid) { ` +
            `... on Commit { ${selections.join(' ')} } } } } ${FILE_FRAGMENT}`;
        const variables = { owner: target.owner, name: target.repo, oid: commitOid };
        chunk.forEach((p, i) => (variables[`p${i}`] = p));
        const data = await client.graphql(query, variables);
        if (data.repository === null)
            throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryNotFound */ .yN)(target, client.workflowRepository);
        const commit = data.repository.object ?? {};
        return chunk.map((path, i) => ({ path, entry: commit[`f${i}`] ?? null }));
    });
    return answers.flat();
}
/**
 * Decodes `file(path:)` answers selected with `FILE_ENTRY_SELECTION` (null: no such path) into files and
 * skips, each sorted by path, exactly as `readSnapshot` does (truncated texts are read over REST). `branch`
 * names the commit in skip reasons.
 */
async function filesFromAnswers(client, target, branch, answers, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
    // Decoding is local except for the few blobs read over REST: those are the requests the limit bounds.
    const results = await (0,_limit_js__WEBPACK_IMPORTED_MODULE_4__/* .mapLimited */ .b)(answers, concurrency(options), (a) => decode(client, target, branch, a.path, (a.entry ?? null), maxBytes));
    const files = results.filter((r) => 'text' in r).sort(_core_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .byPath */ .f2);
    const skipped = results.filter((r) => !('text' in r)).sort(_core_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .byPath */ .f2);
    return { files, skipped };
}
/** Reads `paths` at commit `oid` (one query per `chunkSize` paths, `concurrency` at once), decoded like `readSnapshot`. */
async function readFilesAt(client, target, branch, oid, paths, options = {}) {
    try {
        return await filesFromAnswers(client, target, branch, await readPaths(client, target, oid, paths, options), options);
    }
    catch (error) {
        throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .toReadError */ .sK)(error, target, client.workflowRepository);
    }
}
/** A file's text, or why it is skipped. Truncated texts (over 512,000 bytes) are read over REST. */
async function decode(client, target, branch, path, entry, maxBytes) {
    if (entry === null)
        return { path, reason: `does not exist on branch '${branch}'` };
    if ((0,_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .isSymlink */ .wP)(entry.mode))
        return { path, reason: 'symbolic link (not followed)' };
    if (entry.type === 'commit')
        return { path, reason: 'submodule' };
    if (entry.type !== 'blob' || entry.object?.__typename !== 'Blob')
        return { path, reason: `not a file (${entry.type})` };
    const blob = entry.object;
    const size = blob.byteSize ?? 0;
    // A blob GraphQL calls binary, or whose text is not its bytes, may be UTF-16 or UTF-32 text with a byte-order
    // mark: its bytes (one REST read, only for such blobs of an even size within max-file-size) name it exactly.
    const check = size <= maxBytes && (0,_core_encoding_js__WEBPACK_IMPORTED_MODULE_0__/* .mayHaveUnicodeMark */ .Yy)(size);
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
    const unreadable = (0,_core_encoding_js__WEBPACK_IMPORTED_MODULE_0__/* .unreadableText */ .LF)(bytes);
    return unreadable === undefined ? { path, text: bytes.toString('utf8') } : { path, reason: unreadable };
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


/***/ }),

/***/ 7515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ READ_CONCURRENCY),
/* harmony export */   b: () => (/* binding */ mapLimited)
/* harmony export */ });
// Bounded parallelism for read requests: at most a few in flight, results in the input's order.
/** Read requests one snapshot read keeps in flight at most, by default. */
const READ_CONCURRENCY = 4;
/**
 * `items.map(fn)` with at most `limit` calls of `fn` pending at once (at least 1). The results keep the order of
 * `items`, whatever order the calls finish in; the first failure rejects (calls already started run to their end,
 * none is started after it).
 */
async function mapLimited(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    const workers = Array.from({ length: Math.min(Math.max(1, Math.floor(limit) || 1), items.length) }, worker);
    await Promise.all(workers);
    return results;
}


/***/ }),

/***/ 824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ errorsOf),
/* harmony export */   JO: () => (/* binding */ qualifiedBranch),
/* harmony export */   P8: () => (/* binding */ fullMessage),
/* harmony export */   Tk: () => (/* binding */ mutate),
/* harmony export */   V2: () => (/* binding */ failure),
/* harmony export */   Xc: () => (/* binding */ refMove),
/* harmony export */   od: () => (/* binding */ commitField),
/* harmony export */   rh: () => (/* binding */ committed),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* unused harmony export encodeContents */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);

/** Sends a document; GraphQL errors come back beside the partial data instead of being thrown. */
async function send(client, query, variables, aliases) {
    try {
        return { data: await client.graphql(query, variables), errors: [], aliases };
    }
    catch (error) {
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GraphqlResponseError */ .rp))
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
            message: message.body === undefined || message.body === '' ? { headline: message.headline } : message,
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
/** The message as git stores it: the headline, a blank line, the body. */
function fullMessage(message) {
    return message.body ? `${message.headline}\n\n${message.body}` : message.headline;
}
/** Base64 of the text's UTF-8 bytes, exactly (a BOM and CRLF line ends survive the round trip). */
function encodeContents(text) {
    return Buffer.from(text, 'utf8').toString('base64');
}
/** `main` or `refs/heads/main` → `refs/heads/main`. */
function qualifiedBranch(branch) {
    return branch.startsWith('refs/heads/') ? branch : `refs/heads/${branch}`;
}


/***/ }),

/***/ 2371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readSnapshot: () => (/* binding */ readSnapshot),
/* harmony export */   treeListings: () => (/* binding */ treeListings)
/* harmony export */ });
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7331);
/* harmony import */ var _blob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5312);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3116);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8112);
/* harmony import */ var _mutation_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(824);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9191);






/**
 * Reads the head of `target`'s branch and the files `paths` selects, all at that one commit.
 * `filter(path)` drops paths before they are read. Binary, oversized, non-UTF-8 files, symlinks and
 * submodules are listed in `skipped` (never read); an explicit path that does not exist is skipped too.
 * Throws `GitHubError` ('repository-not-found', 'branch-not-found', 'forbidden', 'unauthorized', …).
 */
async function readSnapshot(client, target, paths, filter = () => true, options = {}) {
    try {
        const selected = (p) => paths.matches(p) && filter(p);
        if (paths.literals !== undefined)
            return await readLiterals(client, target, paths.literals.filter(filter), selected, options);
        return await readGlobs(client, target, selected, treeListings(paths, options), options);
    }
    catch (error) {
        throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .toReadError */ .sK)(error, target, client.workflowRepository);
    }
}
/** Explicit paths: one query for the head and every file (more only past `chunkSize` files or 512,000 bytes). */
async function readLiterals(client, target, literals, selected, options) {
    const size = (0,_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .chunkSize */ .ZL)(options);
    const head = await queryHead(client, target, { files: literals.slice(0, size), extra: extraOf(options, []) });
    const answers = [...head.files, ...(await (0,_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .readPaths */ .Vv)(client, target, head.facts.head, literals.slice(size), options))];
    // A literal that is a folder (named like a file) selects the files under it: list and read those.
    const folders = answers.filter((a) => a.entry?.type === 'tree');
    const entries = answers.filter((a) => !folders.includes(a));
    let listedSkips = [];
    if (folders.length > 0) {
        const listed = await (0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .listDeep */ .z)(client, target, head.treeOid, folders.map((a) => ({ path: a.path, type: 'tree', mode: a.entry.mode, oid: a.entry.oid })), (0,_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .concurrency */ .Ex)(options));
        const wanted = (0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .filesOf */ .R8)(listed.filter((e) => selected(e.path) && !entries.some((a) => a.path === e.path)));
        listedSkips = wanted.skipped;
        entries.push(...(await (0,_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .readPaths */ .Vv)(client, target, head.facts.head, wanted.paths, options)));
    }
    const read = await (0,_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .filesFromAnswers */ .xx)(client, target, head.facts.branch, entries, options);
    const found = entries.filter((a) => a.entry !== null && a.entry.type === 'blob' && !(0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .isSymlink */ .wP)(a.entry.mode)).length;
    return { ...head.facts, files: read.files, skipped: [...listedSkips, ...read.skipped].sort(_core_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .byPath */ .f2), selected: found, bytesRead: bytesOf(read.files) };
}
/**
 * The trees a glob read lists: each static prefix, as deep as a selected file may lie (at most `listDepth`), with
 * the blobs' texts where the globs under it are confined (`reachUnder`) and `inlineTexts` allows.
 */
function treeListings(paths, options = {}) {
    const roots = paths.prefixes.length === 0 ? [''] : paths.prefixes;
    const most = (0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .listDepth */ .W7)(options.listDepth ?? _tree_js__WEBPACK_IMPORTED_MODULE_5__/* .LIST_DEPTH */ .ns);
    return roots.map((prefix) => {
        const { maxDepth, confined } = (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .reachUnder */ .C1)(paths.include, prefix);
        const depth = Math.min(most, Math.max(1, maxDepth));
        return { prefix, depth, complete: maxDepth <= depth, texts: confined && options.inlineTexts !== false };
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
        listed.push(...(await (0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .listDeep */ .z)(client, target, head.treeOid, head.unexpanded, (0,_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .concurrency */ .Ex)(options))));
    const wanted = (0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .filesOf */ .R8)(listed.filter((entry) => selected(entry.path)));
    const carried = new Map(listed.flatMap((e) => (e.answer === undefined ? [] : [[e.path, e.answer]])));
    const entries = [
        ...wanted.paths.flatMap((path) => (carried.has(path) ? [{ path, entry: carried.get(path) }] : [])),
        ...(await (0,_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .readPaths */ .Vv)(client, target, head.facts.head, wanted.paths.filter((path) => !carried.has(path)), options)),
    ];
    const read = await (0,_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .filesFromAnswers */ .xx)(client, target, head.facts.branch, entries, options);
    return { ...head.facts, files: read.files, skipped: [...wanted.skipped, ...read.skipped].sort(_core_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .byPath */ .f2), selected: wanted.paths.length, bytesRead: bytesOf(read.files) };
}
function bytesOf(files) {
    return files.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0);
}
/**
 * The head query listing `listings`. One that carries texts is tried once: when it fails (5xx, GitHub's own
 * timeout: a folder heavier than its globs suggested; or no answer at all), the same listing without texts
 * follows, with the client's whole retry policy, so a run never waits longer than it did before texts rode along.
 */
async function queryListings(client, target, listings, options) {
    try {
        return await queryHead(client, target, { trees: listings, extra: extraOf(options, listings) });
    }
    catch (error) {
        const unavailable = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubError */ .y_ && error.code === 'unavailable';
        if (!listings.some((l) => l.texts) || !unavailable)
            throw error;
        const plain = listings.map((l) => ({ ...l, texts: false }));
        return await queryHead(client, target, { trees: plain, extra: extraOf(options, plain) });
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
        variables['qualifiedName'] = (0,_mutation_js__WEBPACK_IMPORTED_MODULE_4__/* .qualifiedBranch */ .JO)(target.branch);
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
        selections.push((0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .treeSelection */ .f$)(`t${i}`, listing));
    });
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
        `parents(first: 2) { nodes { oid } } ${selections.join(' ')} } } } } }` +
        (files.length > 0 ? ` ${_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .FILE_FRAGMENT */ .O_}` : '');
    // A listing that carries texts has a lighter fallback (names only): one try, not the whole retry policy.
    const withTexts = trees.some((t) => t.texts);
    const data = await client.graphql(query, variables, withTexts ? { attempts: 1 } : {});
    const { facts, treeOid } = headFacts(data.repository, target, client.workflowRepository);
    const withExtra = request.extra ? { ...facts, extra: data.repository } : facts;
    const commit = data.repository?.branchRef?.target;
    const { listing, unexpanded } = (0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .listingOf */ .K7)(commit, trees);
    return { facts: withExtra, treeOid, files: files.map((path, i) => ({ path, entry: commit[`f${i}`] ?? null })), listing, unexpanded };
}
function headFacts(repository, target, workflowRepository) {
    if (repository === null)
        throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryNotFound */ .yN)(target, workflowRepository);
    const ref = repository.branchRef;
    if (ref === null || ref.target === null) {
        if (target.branch !== undefined)
            throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .branchNotFound */ .Ew)(target, target.branch);
        throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .noDefaultBranch */ .jk)(target);
    }
    const commit = ref.target;
    if (commit.__typename !== 'Commit' || commit.tree === undefined)
        throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .notACommit */ .i4)(target, ref.name, commit.__typename);
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
    };
    return { facts, treeOid: commit.tree.oid };
}


/***/ }),

/***/ 9191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ listingOf),
/* harmony export */   R8: () => (/* binding */ filesOf),
/* harmony export */   W7: () => (/* binding */ listDepth),
/* harmony export */   b4: () => (/* binding */ BLOB_SELECTION),
/* harmony export */   f$: () => (/* binding */ treeSelection),
/* harmony export */   ns: () => (/* binding */ LIST_DEPTH),
/* harmony export */   wP: () => (/* binding */ isSymlink),
/* harmony export */   z: () => (/* binding */ listDeep)
/* harmony export */ });
/* unused harmony export entriesSelection */
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7331);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8112);
/* harmony import */ var _limit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7515);



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
    const paths = [...new Set(listed.filter(regular).map((e) => e.path))].sort(_core_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .comparePaths */ .cD);
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
 * `entries { name type mode oid object { ... on Tree { entries { … } } } }`, `depth` levels deep; with `texts`,
 * every blob's text and facts too (`object { __typename … on Blob { … } }`).
 */
function entriesSelection(depth, texts = false) {
    const leaf = 'name type mode oid';
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
    return `${alias}: file(path: $${alias}) { type mode oid object {${blob} ... on Tree { ${entries} } } }`;
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
    const entry = { path, type: raw.type, mode: raw.mode, oid: raw.oid };
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
 * Lists trees deeper than the GraphQL query reached: one REST recursive listing (of that folder when there
 * is one, else of the commit's tree; per folder when GitHub truncates the whole tree, `concurrency` at once).
 */
async function listDeep(client, target, treeOid, unexpanded, concurrency = _limit_js__WEBPACK_IMPORTED_MODULE_2__/* .READ_CONCURRENCY */ .H) {
    const single = unexpanded.length === 1 ? unexpanded[0] : undefined;
    const root = single === undefined ? { path: '', oid: treeOid } : single;
    const { data } = await client.rest.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
        owner: target.owner,
        repo: target.repo,
        tree_sha: root.oid,
        recursive: '1',
    });
    if (data.truncated) {
        // The whole tree is too big for one answer: list each deep folder on its own.
        if (single === undefined)
            return (await (0,_limit_js__WEBPACK_IMPORTED_MODULE_2__/* .mapLimited */ .b)(unexpanded, concurrency, (e) => listDeep(client, target, treeOid, [e], concurrency))).flat();
        throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .treeTooLarge */ .S_)(target, root.path);
    }
    const under = unexpanded.map((e) => `${e.path}/`);
    return data.tree
        .map((e) => ({ path: root.path ? `${root.path}/${e.path ?? ''}` : (e.path ?? ''), type: e.type ?? '', mode: Number.parseInt(e.mode ?? '0', 8), oid: e.sha ?? '' }))
        .filter((e) => e.type !== 'tree' && under.some((u) => e.path.startsWith(u)));
}


/***/ })

};
