export const id = 371;
export const ids = [371];
export const modules = {

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


/***/ }),

/***/ 2371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FILE_ENTRY_SELECTION: () => (/* binding */ FILE_ENTRY_SELECTION),
/* harmony export */   branchNotFound: () => (/* binding */ branchNotFound),
/* harmony export */   filesFromAnswers: () => (/* binding */ filesFromAnswers),
/* harmony export */   forbidden: () => (/* binding */ forbidden),
/* harmony export */   readFilesAt: () => (/* binding */ readFilesAt),
/* harmony export */   readSnapshot: () => (/* binding */ readSnapshot),
/* harmony export */   statusOf: () => (/* binding */ statusOf),
/* harmony export */   toReadError: () => (/* binding */ toReadError)
/* harmony export */ });
/* harmony import */ var _core_encoding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3590);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);
// Snapshot reads over the GitHub API: the head commit and the files the globs match, all at that commit,
// in the fewest round trips (explicit paths: 1 request; globs: 2, or 1 when nothing matches).


const DEFAULTS = { maxBytes: 1024 * 1024, listDepth: 8, chunkSize: 100 };
const MAX_LIST_DEPTH = 9;
/** Git modes as GitHub's GraphQL reports them (decimal value of the octal mode); octal-looking values accepted too. */
const SYMLINK_MODES = new Set([0o120000, 120000]);
/**
 * Reads the head of `target`'s branch and the files `paths` selects, all at that one commit.
 * `filter(path)` drops paths before they are read. Binary, oversized, non-UTF-8 files, symlinks and
 * submodules are listed in `skipped` (never read); an explicit path that does not exist is skipped too.
 * Throws `GitHubError` ('repository-not-found', 'branch-not-found', 'forbidden', 'unauthorized', …).
 */
async function readSnapshot(client, target, paths, filter = () => true, options = {}) {
    const settings = { ...DEFAULTS, ...options };
    try {
        const selected = (p) => paths.matches(p) && filter(p);
        if (paths.literals !== undefined)
            return await readLiterals(client, target, paths.literals.filter(filter), selected, settings);
        return await readGlobs(client, target, selected, paths.prefixes, settings);
    }
    catch (error) {
        throw toReadError(error, target);
    }
}
// ---------------------------------------------------------------------------------------------------------
// Explicit paths: one query for the head and every file (more only past `chunkSize` files or 512,000 bytes).
async function readLiterals(client, target, literals, selected, settings) {
    const [first, ...rest] = chunk(literals, settings.chunkSize);
    const head = await queryHead(client, target, { files: first ?? [], extra: settings.extra });
    const answers = [...head.files, ...(await readChunks(client, target, head.info.head, rest))];
    // A literal that is a folder (named like a file) selects the files under it: list and read those.
    const folders = answers.filter((a) => a.entry?.type === 'tree');
    const entries = answers.filter((a) => !folders.includes(a));
    let listedSkips = [];
    if (folders.length > 0) {
        const listed = await listDeep(client, target, head.info.treeOid, folders.map((a) => ({ path: a.path, type: 'tree', mode: a.entry.mode, oid: a.entry.oid })));
        const wanted = listed.filter((e) => selected(e.path) && !entries.some((a) => a.path === e.path));
        const paths = [...new Set(wanted.filter((e) => e.type === 'blob' && !isSymlink(e.mode)).map((e) => e.path))].sort();
        listedSkips = wanted.filter((e) => e.type !== 'blob' || isSymlink(e.mode)).map(skipOfListed);
        entries.push(...(await readChunks(client, target, head.info.head, chunk(paths, settings.chunkSize))));
    }
    const snapshot = await assemble(client, target, head.info, entries, settings);
    const found = entries.filter((a) => a.entry !== null && a.entry.type === 'blob' && !isSymlink(a.entry.mode)).length;
    return { ...snapshot, skipped: [...listedSkips, ...snapshot.skipped].sort(byPath), selected: found };
}
// ---------------------------------------------------------------------------------------------------------
// Globs: list the tree under each static prefix at the head (one query), then read the matches at that commit.
async function readGlobs(client, target, selected, prefixes, settings) {
    const roots = prefixes.length === 0 ? [''] : prefixes;
    const head = await queryHead(client, target, { trees: roots, depth: settings.listDepth, extra: settings.extra });
    const listed = [...head.listing];
    if (head.unexpanded.length > 0)
        listed.push(...(await listDeep(client, target, head.info.treeOid, head.unexpanded)));
    const wanted = listed.filter((entry) => selected(entry.path));
    const paths = [...new Set(wanted.filter((e) => e.type === 'blob' && !isSymlink(e.mode)).map((e) => e.path))].sort();
    const skipped = wanted.filter((e) => e.type !== 'blob' || isSymlink(e.mode)).map(skipOfListed);
    const entries = await readChunks(client, target, head.info.head, chunk(paths, settings.chunkSize));
    const snapshot = await assemble(client, target, head.info, entries, settings);
    return { ...snapshot, skipped: [...skipped, ...snapshot.skipped].sort(byPath), selected: paths.length };
}
function skipOfListed(entry) {
    if (isSymlink(entry.mode))
        return { path: entry.path, reason: 'symbolic link (not followed)' };
    if (entry.type === 'commit')
        return { path: entry.path, reason: 'submodule' };
    return { path: entry.path, reason: `not a file (${entry.type})` };
}
/**
 * Lists trees deeper than the GraphQL query reached: one REST recursive listing (of that folder when there
 * is one, else of the commit's tree; per folder when GitHub truncates the whole tree).
 */
async function listDeep(client, target, treeOid, unexpanded) {
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
            return (await Promise.all(unexpanded.map((e) => listDeep(client, target, treeOid, [e])))).flat();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('api', `the tree of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target)} under '${root.path || '/'}' is too large to list in one request: narrow the \`paths\` input to a folder`);
    }
    const under = unexpanded.map((e) => `${e.path}/`);
    return data.tree
        .map((e) => ({ path: root.path ? `${root.path}/${e.path ?? ''}` : (e.path ?? ''), type: e.type ?? '', mode: Number.parseInt(e.mode ?? '0', 8), oid: e.sha ?? '' }))
        .filter((e) => e.type !== 'tree' && under.some((u) => e.path.startsWith(u)));
}
const FILE_FRAGMENT = `fragment FileEntry on TreeEntry { type mode oid object { __typename ... on Blob { byteSize isBinary isTruncated text } } }`;
/** One query: repository facts, the branch head, and either files (by path) or tree listings (by prefix). */
async function queryHead(client, target, request) {
    const files = request.files ?? [];
    const trees = request.trees ?? [];
    const depth = Math.min(MAX_LIST_DEPTH, Math.max(1, request.depth ?? 1));
    const variables = { owner: target.owner, name: target.repo };
    const declarations = ['$owner: String!', '$name: String!'];
    const selections = [];
    if (target.branch !== undefined) {
        variables['qualifiedName'] = `refs/heads/${stripHeads(target.branch)}`;
        declarations.push('$qualifiedName: String!');
    }
    files.forEach((path, i) => {
        variables[`p${i}`] = path;
        declarations.push(`$p${i}: String!`);
        selections.push(`f${i}: file(path: $p${i}) { ...FileEntry }`);
    });
    trees.forEach((prefix, i) => {
        if (prefix === '') {
            selections.push(`t${i}: tree { ${entriesSelection(depth)} }`);
            return;
        }
        variables[`t${i}`] = prefix;
        declarations.push(`$t${i}: String!`);
        selections.push(`t${i}: file(path: $t${i}) { type mode oid object { ... on Tree { ${entriesSelection(depth)} } } }`);
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
        (files.length > 0 ? ` ${FILE_FRAGMENT}` : '');
    const data = await client.graphql(query, variables);
    const info = { ...headInfo(data.repository, target), ...(request.extra ? { extra: data.repository } : {}) };
    const commit = data.repository?.branchRef?.target;
    const listing = [];
    const unexpanded = [];
    trees.forEach((prefix, i) => {
        const root = commit[`t${i}`];
        if (root === null || root === undefined)
            return;
        if (prefix !== '' && 'type' in root && root.type !== 'tree') {
            // A prefix without glob magic may name a file (or a link or a submodule): it is itself a candidate.
            listing.push({ path: prefix, type: root.type, mode: root.mode, oid: root.oid });
            return;
        }
        const entries = 'entries' in root ? root.entries : root.object?.entries;
        if (entries !== undefined)
            flatten(prefix, entries, depth, listing, unexpanded);
    });
    return { info, files: files.map((path, i) => ({ path, entry: commit[`f${i}`] ?? null })), listing, unexpanded };
}
function headInfo(repository, target) {
    if (repository === null)
        throw repositoryNotFound(target);
    const ref = repository.branchRef;
    if (ref === null || ref.target === null) {
        if (target.branch !== undefined)
            throw branchNotFound(target, target.branch);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('branch-not-found', `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target)} has no default branch (an empty repository?): push a first commit, or set the \`branch\` input`);
    }
    const commit = ref.target;
    if (commit.__typename !== 'Commit' || commit.tree === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('api', `branch '${ref.name}' of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target)} does not point to a commit (${commit.__typename})`);
    }
    return {
        head: commit.oid,
        treeOid: commit.tree.oid,
        branch: ref.name,
        repositoryId: repository.id,
        nameWithOwner: repository.nameWithOwner,
        defaultBranch: repository.defaultBranchRef?.name ?? ref.name,
        autoMergeAllowed: repository.autoMergeAllowed === true,
        headMessage: commit.message ?? '',
        headUrl: commit.url ?? '',
        headParents: (commit.parents?.nodes ?? []).map((p) => p.oid),
    };
}
/** `entries { name type mode oid object { ... on Tree { entries { … } } } }`, `depth` levels deep. */
function entriesSelection(depth) {
    const leaf = 'name type mode oid';
    return depth <= 1 ? `entries { ${leaf} }` : `entries { ${leaf} object { ... on Tree { ${entriesSelection(depth - 1)} } } }`;
}
function flatten(prefix, entries, depth, out, unexpanded) {
    for (const raw of entries) {
        const path = prefix === '' ? (raw.name ?? '') : `${prefix}/${raw.name ?? ''}`;
        const entry = { path, type: raw.type, mode: raw.mode, oid: raw.oid };
        if (raw.type !== 'tree') {
            out.push(entry);
        }
        else if (depth <= 1 || raw.object?.entries === undefined) {
            unexpanded.push(entry);
        }
        else {
            flatten(path, raw.object.entries, depth - 1, out, unexpanded);
        }
    }
}
/** Reads files by path at one commit: one query per chunk, in parallel. */
async function readChunks(client, target, commitOid, chunks) {
    const answers = await Promise.all(chunks.filter((c) => c.length > 0).map(async (paths) => {
        const declarations = ['$owner: String!', '$name: String!', '$oid: GitObjectID!', ...paths.map((_, i) => `$p${i}: String!`)];
        const selections = paths.map((_, i) => `f${i}: file(path: $p${i}) { ...FileEntry }`);
        const query = `query ReadFiles(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { object(oid: $oid) { ` +
            `... on Commit { ${selections.join(' ')} } } } } ${FILE_FRAGMENT}`;
        const variables = { owner: target.owner, name: target.repo, oid: commitOid };
        paths.forEach((p, i) => (variables[`p${i}`] = p));
        const data = await client.graphql(query, variables);
        if (data.repository === null)
            throw repositoryNotFound(target);
        const commit = data.repository.object ?? {};
        return paths.map((path, i) => ({ path, entry: commit[`f${i}`] ?? null }));
    }));
    return answers.flat();
}
// ---------------------------------------------------------------------------------------------------------
// Turning answers into files and skips.
async function assemble(client, target, info, answers, settings) {
    const files = [];
    const skipped = [];
    const results = await Promise.all(answers.map((answer) => decide(client, target, info, answer, settings)));
    for (const result of results) {
        if ('text' in result)
            files.push(result);
        else
            skipped.push(result);
    }
    files.sort(byPath);
    skipped.sort(byPath);
    return {
        head: info.head,
        branch: info.branch,
        repositoryId: info.repositoryId,
        nameWithOwner: info.nameWithOwner,
        defaultBranch: info.defaultBranch,
        autoMergeAllowed: info.autoMergeAllowed,
        headMessage: info.headMessage,
        headUrl: info.headUrl,
        headParents: info.headParents,
        ...(info.extra === undefined ? {} : { extra: info.extra }),
        files,
        skipped,
    };
}
/** A file's text, or why it is skipped. Truncated texts (over 512,000 bytes) are read over REST. */
async function decide(client, target, info, { path, entry }, settings) {
    if (entry === null)
        return { path, reason: `does not exist on branch '${info.branch}'` };
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
    const check = size <= settings.maxBytes && (0,_core_encoding_js__WEBPACK_IMPORTED_MODULE_0__/* .mayHaveUnicodeMark */ .Yy)(size);
    if (blob.isBinary === true)
        return check ? readBlob(client, target, path, entry.oid) : { path, reason: 'binary file' };
    if (size > settings.maxBytes)
        return { path, reason: `larger than ${settings.maxBytes} bytes (${size})` };
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
// ---------------------------------------------------------------------------------------------------------
// Errors.
/** Maps a failed read to a `GitHubError` a person can act on. */
function toReadError(error, target) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_)
        return error;
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GraphqlResponseError */ .rp) {
        if (error.type === 'NOT_FOUND')
            return repositoryNotFound(target, error);
        if (error.type === 'FORBIDDEN')
            return forbidden(target, 'read', error.errors[0]?.message ?? 'forbidden', error);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('api', `reading ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target)} failed: ${error.message}`, { type: error.type, cause: error });
    }
    const status = statusOf(error);
    if (status === 404)
        return repositoryNotFound(target, error);
    if (status === 403)
        return forbidden(target, 'read', messageOf(error), error);
    return error;
}
/** The token cannot read or write `target`. */
function forbidden(target, action, detail, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('forbidden', `the token may not ${action} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target)} (403 ${detail.replace(/\s+/g, ' ').trim()}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .accessAdvice */ .Fv)((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target))}`, { status: 403, cause });
}
function repositoryNotFound(target, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('repository-not-found', `repository ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target)} was not found, or the token cannot see it: check the \`repository\` input; ` +
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .accessAdvice */ .Fv)((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target)), { status: 404, cause });
}
/** The branch does not exist. */
function branchNotFound(target, branch, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('branch-not-found', `branch '${stripHeads(branch)}' not found in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(target)}: check the \`branch\` input (commit mode does not create branches)`, { cause });
}
/** The HTTP status of a failed request, if it has one. */
function statusOf(error) {
    if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number')
        return error.status;
    return undefined;
}
function messageOf(error) {
    const response = error.response;
    const message = response?.data?.message;
    return typeof message === 'string' ? message : error instanceof Error ? error.message : String(error);
}
function stripHeads(branch) {
    return branch.replace(/^refs\/heads\//, '');
}
function isSymlink(mode) {
    return SYMLINK_MODES.has(mode);
}
function chunk(items, size) {
    const chunks = [];
    for (let i = 0; i < items.length; i += Math.max(1, size))
        chunks.push(items.slice(i, i + Math.max(1, size)));
    return chunks;
}
/** Code-unit order (as git sorts), independent of the machine's locale. */
function byPath(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
// ---------------------------------------------------------------------------------------------------------
// Reading files of another commit (the pull-request mode reads its branch's versions of the same files).
/**
 * The selection of one `file(path:)` answer that `filesFromAnswers` decodes, for `ReadOptions.extra`
 * selections that read files of another commit in the head request.
 */
const FILE_ENTRY_SELECTION = 'type mode oid object { __typename ... on Blob { byteSize isBinary isTruncated text } }';
/**
 * Decodes `file(path:)` answers selected with `FILE_ENTRY_SELECTION` (null: no such path) into files and
 * skips, exactly as `readSnapshot` does (truncated texts are read over REST). `branch` names the commit in
 * skip reasons.
 */
async function filesFromAnswers(client, target, branch, answers, options = {}) {
    const settings = { ...DEFAULTS, ...options };
    const results = await Promise.all(answers.map((a) => decide(client, target, { branch }, { path: a.path, entry: (a.entry ?? null) }, settings)));
    const files = results.filter((r) => 'text' in r).sort(byPath);
    const skipped = results.filter((r) => !('text' in r)).sort(byPath);
    return { files, skipped };
}
/** Reads `paths` at commit `oid` (one query per `chunkSize` paths, in parallel), decoded like `readSnapshot`. */
async function readFilesAt(client, target, branch, oid, paths, options = {}) {
    const settings = { ...DEFAULTS, ...options };
    try {
        const answers = await readChunks(client, target, oid, chunk(paths, settings.chunkSize));
        return await filesFromAnswers(client, target, branch, answers, options);
    }
    catch (error) {
        throw toReadError(error, target);
    }
}


/***/ })

};
