// Snapshot reads over the GitHub API: the head commit and the files the globs match, all at that commit,
// in the fewest round trips (explicit paths: 1 request; globs: 2, or 1 when nothing matches).
import { mayHaveUnicodeMark, unreadableText } from '../core/encoding.js';
import type { PathMatcher } from '../core/paths.js';
import type { Skip, Snapshot, SourceFile } from '../core/types.js';
import type { GitHubClient } from './client.js';
import { GitHubError, GraphqlResponseError, accessAdvice, slug } from './errors.js';

/** A repository and branch to read and write. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
  /** undefined: the repository's default branch. */
  readonly branch?: string;
}

/** A consistent read of a branch: its head commit and the matched files of exactly that commit. */
export interface RemoteSnapshot extends Snapshot {
  readonly head: string;
  /** The branch read (the default branch's name when `RepoRef.branch` was undefined). */
  readonly branch: string;
  /** GraphQL node id of the repository. */
  readonly repositoryId: string;
  /** `owner/name` as GitHub spells it. */
  readonly nameWithOwner: string;
  readonly defaultBranch: string;
  readonly autoMergeAllowed: boolean;
  /** The head commit's full message and parents: lets the commit loop recognise its own commit. */
  readonly headMessage: string;
  /** The head commit's web URL. */
  readonly headUrl: string;
  readonly headParents: readonly string[];
  /** The `repository` object of the head query when `ReadOptions.extra` was given: read your aliases from it. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** Tuning of a read; the defaults suit GitOps repositories. */
export interface ReadOptions {
  /** Files larger than this are listed in `skipped`, not read. Default 1 MiB. */
  readonly maxBytes?: number;
  /**
   * Tree levels listed in one GraphQL query below each static prefix; deeper folders cost one REST listing.
   * Default 8; at most 9 (GitHub refuses GraphQL documents nested deeper than 25 fields; 9 levels nest 22).
   */
  readonly listDepth?: number;
  /** Files read per GraphQL query (each chunk is one request). Default 100. */
  readonly chunkSize?: number;
  /** More fields on `repository`, fetched in the same request as the head (see `RemoteSnapshot.extra`). */
  readonly extra?: ExtraSelection;
}

/**
 * A selection added to the head query, e.g. for the pull-request mode:
 * `{ selection: 'pr: pullRequests(headRefName: $xHead, states: OPEN, first: 1) { nodes { number } }',
 *    variables: { xHead: { type: 'String!', value: 'gitops-bump/prod' } } }`.
 * Values travel as GraphQL variables; names must not clash with the query's own (`owner`, `name`, `p0`…).
 */
export interface ExtraSelection {
  readonly selection: string;
  readonly variables?: Readonly<Record<string, { readonly type: string; readonly value: unknown }>>;
}

type Settings = Required<Omit<ReadOptions, 'extra'>> & Pick<ReadOptions, 'extra'>;

const DEFAULTS: Settings = { maxBytes: 1024 * 1024, listDepth: 8, chunkSize: 100 };
const MAX_LIST_DEPTH = 9;

/** Git modes as GitHub's GraphQL reports them (decimal value of the octal mode); octal-looking values accepted too. */
const SYMLINK_MODES = new Set([0o120000, 120000]);

/**
 * Reads the head of `target`'s branch and the files `paths` selects, all at that one commit.
 * `filter(path)` drops paths before they are read. Binary, oversized, non-UTF-8 files, symlinks and
 * submodules are listed in `skipped` (never read); an explicit path that does not exist is skipped too.
 * Throws `GitHubError` ('repository-not-found', 'branch-not-found', 'forbidden', 'unauthorized', …).
 */
export async function readSnapshot(
  client: GitHubClient,
  target: RepoRef,
  paths: PathMatcher,
  filter: (path: string) => boolean = () => true,
  options: ReadOptions = {},
): Promise<RemoteSnapshot> {
  const settings = { ...DEFAULTS, ...options };
  try {
    const selected = (p: string): boolean => paths.matches(p) && filter(p);
    if (paths.literals !== undefined) return await readLiterals(client, target, paths.literals.filter(filter), selected, settings);
    return await readGlobs(client, target, selected, paths.prefixes, settings);
  } catch (error) {
    throw toReadError(error, target, client.workflowRepository);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Explicit paths: one query for the head and every file (more only past `chunkSize` files or 512,000 bytes).

async function readLiterals(
  client: GitHubClient,
  target: RepoRef,
  literals: readonly string[],
  selected: (path: string) => boolean,
  settings: Settings,
): Promise<RemoteSnapshot> {
  const [first, ...rest] = chunk(literals, settings.chunkSize);
  const head = await queryHead(client, target, { files: first ?? [], extra: settings.extra });
  const answers = [...head.files, ...(await readChunks(client, target, head.info.head, rest))];
  // A literal that is a folder (named like a file) selects the files under it: list and read those.
  const folders = answers.filter((a) => a.entry?.type === 'tree');
  const entries = answers.filter((a) => !folders.includes(a));
  let listedSkips: Skip[] = [];
  if (folders.length > 0) {
    const listed = await listDeep(client, target, head.info.treeOid, folders.map((a) => ({ path: a.path, type: 'tree', mode: a.entry!.mode, oid: a.entry!.oid })));
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

async function readGlobs(
  client: GitHubClient,
  target: RepoRef,
  selected: (path: string) => boolean,
  prefixes: readonly string[],
  settings: Settings,
): Promise<RemoteSnapshot> {
  const roots = prefixes.length === 0 ? [''] : prefixes;
  const head = await queryHead(client, target, { trees: roots, depth: settings.listDepth, extra: settings.extra });
  const listed = [...head.listing];
  if (head.unexpanded.length > 0) listed.push(...(await listDeep(client, target, head.info.treeOid, head.unexpanded)));
  const wanted = listed.filter((entry) => selected(entry.path));
  const paths = [...new Set(wanted.filter((e) => e.type === 'blob' && !isSymlink(e.mode)).map((e) => e.path))].sort();
  const skipped = wanted.filter((e) => e.type !== 'blob' || isSymlink(e.mode)).map(skipOfListed);
  const entries = await readChunks(client, target, head.info.head, chunk(paths, settings.chunkSize));
  const snapshot = await assemble(client, target, head.info, entries, settings);
  return { ...snapshot, skipped: [...skipped, ...snapshot.skipped].sort(byPath), selected: paths.length };
}

/** An entry of the listed tree, with its repository-relative path. */
interface ListedEntry {
  readonly path: string;
  readonly type: string;
  readonly mode: number;
  readonly oid: string;
}

function skipOfListed(entry: ListedEntry): Skip {
  if (isSymlink(entry.mode)) return { path: entry.path, reason: 'symbolic link (not followed)' };
  if (entry.type === 'commit') return { path: entry.path, reason: 'submodule' };
  return { path: entry.path, reason: `not a file (${entry.type})` };
}

/**
 * Lists trees deeper than the GraphQL query reached: one REST recursive listing (of that folder when there
 * is one, else of the commit's tree; per folder when GitHub truncates the whole tree).
 */
async function listDeep(
  client: GitHubClient,
  target: RepoRef,
  treeOid: string,
  unexpanded: readonly ListedEntry[],
): Promise<ListedEntry[]> {
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
    if (single === undefined) return (await Promise.all(unexpanded.map((e) => listDeep(client, target, treeOid, [e])))).flat();
    throw new GitHubError(
      'api',
      `the tree of ${slug(target)} under '${root.path || '/'}' is too large to list in one request: narrow the \`paths\` input to a folder`,
    );
  }
  const under = unexpanded.map((e) => `${e.path}/`);
  return data.tree
    .map((e) => ({ path: root.path ? `${root.path}/${e.path ?? ''}` : (e.path ?? ''), type: e.type ?? '', mode: Number.parseInt(e.mode ?? '0', 8), oid: e.sha ?? '' }))
    .filter((e) => e.type !== 'tree' && under.some((u) => e.path.startsWith(u)));
}

// ---------------------------------------------------------------------------------------------------------
// GraphQL documents. Paths are always variables, never interpolated into the document.

interface RawEntry {
  readonly name?: string;
  readonly path?: string | null;
  readonly type: string;
  readonly mode: number;
  readonly oid: string;
  readonly object?: {
    readonly __typename?: string;
    readonly entries?: readonly RawEntry[];
    readonly byteSize?: number;
    readonly isBinary?: boolean | null;
    readonly isTruncated?: boolean;
    readonly text?: string | null;
  } | null;
}

interface HeadInfo {
  readonly head: string;
  readonly treeOid: string;
  readonly branch: string;
  readonly repositoryId: string;
  readonly nameWithOwner: string;
  readonly defaultBranch: string;
  readonly autoMergeAllowed: boolean;
  readonly headMessage: string;
  readonly headUrl: string;
  readonly headParents: readonly string[];
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A file requested by path, and what GitHub answered (null: no such path at that commit). */
interface FileAnswer {
  readonly path: string;
  readonly entry: RawEntry | null;
}

const FILE_FRAGMENT = `fragment FileEntry on TreeEntry { type mode oid object { __typename ... on Blob { byteSize isBinary isTruncated text } } }`;

/** One query: repository facts, the branch head, and either files (by path) or tree listings (by prefix). */
async function queryHead(
  client: GitHubClient,
  target: RepoRef,
  request: { files?: readonly string[]; trees?: readonly string[]; depth?: number; extra?: ExtraSelection | undefined },
): Promise<{ info: HeadInfo; files: FileAnswer[]; listing: ListedEntry[]; unexpanded: ListedEntry[] }> {
  const files = request.files ?? [];
  const trees = request.trees ?? [];
  const depth = Math.min(MAX_LIST_DEPTH, Math.max(1, request.depth ?? 1));
  const variables: Record<string, unknown> = { owner: target.owner, name: target.repo };
  const declarations = ['$owner: String!', '$name: String!'];
  const selections: string[] = [];
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
    if (name in variables || /^[pt]\d+$/.test(name)) throw new Error(`extra selection: variable '$${name}' clashes with the head query's own`);
    variables[name] = value;
    declarations.push(`$${name}: ${type}`);
  }
  const ref = target.branch === undefined ? 'branchRef: defaultBranchRef' : 'branchRef: ref(qualifiedName: $qualifiedName)';
  const query =
    `query ReadHead(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { id nameWithOwner autoMergeAllowed ` +
    `${request.extra?.selection ?? ''} ` +
    `defaultBranchRef { name } ${ref} { name target { __typename oid ... on Commit { message url tree { oid } ` +
    `parents(first: 2) { nodes { oid } } ${selections.join(' ')} } } } } }` +
    (files.length > 0 ? ` ${FILE_FRAGMENT}` : '');
  const data = await client.graphql<{ repository: RawRepository | null }>(query, variables);
  const info: HeadInfo = { ...headInfo(data.repository, target, client.workflowRepository), ...(request.extra ? { extra: data.repository as unknown as Record<string, unknown> } : {}) };
  const commit = data.repository?.branchRef?.target as Record<string, unknown>;
  const listing: ListedEntry[] = [];
  const unexpanded: ListedEntry[] = [];
  trees.forEach((prefix, i) => {
    const root = commit[`t${i}`] as RawEntry | { entries?: readonly RawEntry[] } | null | undefined;
    if (root === null || root === undefined) return;
    if (prefix !== '' && 'type' in root && root.type !== 'tree') {
      // A prefix without glob magic may name a file (or a link or a submodule): it is itself a candidate.
      listing.push({ path: prefix, type: root.type, mode: root.mode, oid: root.oid });
      return;
    }
    const entries = 'entries' in root ? root.entries : (root as RawEntry).object?.entries;
    if (entries !== undefined) flatten(prefix, entries, depth, listing, unexpanded);
  });
  return { info, files: files.map((path, i) => ({ path, entry: (commit[`f${i}`] as RawEntry | null | undefined) ?? null })), listing, unexpanded };
}

interface RawRepository {
  readonly id: string;
  readonly nameWithOwner: string;
  readonly autoMergeAllowed?: boolean | null;
  readonly defaultBranchRef: { readonly name: string } | null;
  readonly branchRef: {
    readonly name: string;
    readonly target: {
      readonly __typename: string;
      readonly oid: string;
      readonly message?: string;
      readonly url?: string;
      readonly tree?: { readonly oid: string };
      readonly parents?: { readonly nodes: readonly { readonly oid: string }[] };
    } | null;
  } | null;
}

function headInfo(repository: RawRepository | null, target: RepoRef, workflowRepository: string | undefined): HeadInfo {
  if (repository === null) throw repositoryNotFound(target, workflowRepository);
  const ref = repository.branchRef;
  if (ref === null || ref.target === null) {
    if (target.branch !== undefined) throw branchNotFound(target, target.branch);
    throw new GitHubError('branch-not-found', `${slug(target)} has no default branch (an empty repository?): push a first commit, or set the \`branch\` input`);
  }
  const commit = ref.target;
  if (commit.__typename !== 'Commit' || commit.tree === undefined) {
    throw new GitHubError('api', `branch '${ref.name}' of ${slug(target)} does not point to a commit (${commit.__typename})`);
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
function entriesSelection(depth: number): string {
  const leaf = 'name type mode oid';
  return depth <= 1 ? `entries { ${leaf} }` : `entries { ${leaf} object { ... on Tree { ${entriesSelection(depth - 1)} } } }`;
}

function flatten(prefix: string, entries: readonly RawEntry[], depth: number, out: ListedEntry[], unexpanded: ListedEntry[]): void {
  for (const raw of entries) {
    const path = prefix === '' ? (raw.name ?? '') : `${prefix}/${raw.name ?? ''}`;
    const entry: ListedEntry = { path, type: raw.type, mode: raw.mode, oid: raw.oid };
    if (raw.type !== 'tree') {
      out.push(entry);
    } else if (depth <= 1 || raw.object?.entries === undefined) {
      unexpanded.push(entry);
    } else {
      flatten(path, raw.object.entries, depth - 1, out, unexpanded);
    }
  }
}

/** Reads files by path at one commit: one query per chunk, in parallel. */
async function readChunks(
  client: GitHubClient,
  target: RepoRef,
  commitOid: string,
  chunks: readonly (readonly string[])[],
): Promise<FileAnswer[]> {
  const answers = await Promise.all(
    chunks.filter((c) => c.length > 0).map(async (paths) => {
      const declarations = ['$owner: String!', '$name: String!', '$oid: GitObjectID!', ...paths.map((_, i) => `$p${i}: String!`)];
      const selections = paths.map((_, i) => `f${i}: file(path: $p${i}) { ...FileEntry }`);
      const query =
        `query ReadFiles(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { object(oid: $oid) { ` +
        `... on Commit { ${selections.join(' ')} } } } } ${FILE_FRAGMENT}`;
      const variables: Record<string, unknown> = { owner: target.owner, name: target.repo, oid: commitOid };
      paths.forEach((p, i) => (variables[`p${i}`] = p));
      const data = await client.graphql<{ repository: { object: Record<string, RawEntry | null> | null } | null }>(query, variables);
      if (data.repository === null) throw repositoryNotFound(target, client.workflowRepository);
      const commit = data.repository.object ?? {};
      return paths.map((path, i) => ({ path, entry: commit[`f${i}`] ?? null }));
    }),
  );
  return answers.flat();
}

// ---------------------------------------------------------------------------------------------------------
// Turning answers into files and skips.

async function assemble(
  client: GitHubClient,
  target: RepoRef,
  info: HeadInfo,
  answers: readonly FileAnswer[],
  settings: Settings,
): Promise<RemoteSnapshot> {
  const files: SourceFile[] = [];
  const skipped: Skip[] = [];
  const results = await Promise.all(answers.map((answer) => decide(client, target, info, answer, settings)));
  for (const result of results) {
    if ('text' in result) files.push(result);
    else skipped.push(result);
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
async function decide(
  client: GitHubClient,
  target: RepoRef,
  info: Pick<HeadInfo, 'branch'>,
  { path, entry }: FileAnswer,
  settings: Settings,
): Promise<SourceFile | Skip> {
  if (entry === null) return { path, reason: `does not exist on branch '${info.branch}'` };
  if (isSymlink(entry.mode)) return { path, reason: 'symbolic link (not followed)' };
  if (entry.type === 'commit') return { path, reason: 'submodule' };
  if (entry.type !== 'blob' || entry.object?.__typename !== 'Blob') return { path, reason: `not a file (${entry.type})` };
  const blob = entry.object;
  const size = blob.byteSize ?? 0;
  // A blob GraphQL calls binary, or whose text is not its bytes, may be UTF-16 or UTF-32 text with a byte-order
  // mark: its bytes (one REST read, only for such blobs of an even size within max-file-size) name it exactly.
  const check = size <= settings.maxBytes && mayHaveUnicodeMark(size);
  if (blob.isBinary === true) return check ? readBlob(client, target, path, entry.oid) : { path, reason: 'binary file' };
  if (size > settings.maxBytes) return { path, reason: `larger than ${settings.maxBytes} bytes (${size})` };
  if (blob.isTruncated === true || typeof blob.text !== 'string') return readBlob(client, target, path, entry.oid);
  if (Buffer.byteLength(blob.text, 'utf8') !== size) return check ? readBlob(client, target, path, entry.oid) : { path, reason: 'not valid UTF-8 text' };
  return { path, text: blob.text };
}

/** Reads one blob over REST (base64), for texts GraphQL truncates or does not give as UTF-8. */
async function readBlob(client: GitHubClient, target: RepoRef, path: string, oid: string): Promise<SourceFile | Skip> {
  const { data } = await client.rest.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
    owner: target.owner,
    repo: target.repo,
    file_sha: oid,
  });
  const bytes = data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
  const unreadable = unreadableText(bytes);
  return unreadable === undefined ? { path, text: bytes.toString('utf8') } : { path, reason: unreadable };
}

// ---------------------------------------------------------------------------------------------------------
// Errors.

/** Maps a failed read to a `GitHubError` a person can act on. */
export function toReadError(error: unknown, target: RepoRef, workflowRepository: string | undefined): unknown {
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

/** The token cannot read or write `target`. */
export function forbidden(target: RepoRef, action: 'read' | 'write', detail: string, workflowRepository: string | undefined, cause?: unknown): GitHubError {
  return new GitHubError(
    'forbidden',
    `the token may not ${action} ${slug(target)} (403 ${detail.replace(/\s+/g, ' ').trim()}): ${accessAdvice(slug(target), workflowRepository)}`,
    { status: 403, cause },
  );
}

function repositoryNotFound(target: RepoRef, workflowRepository: string | undefined, cause?: unknown): GitHubError {
  return new GitHubError(
    'repository-not-found',
    `repository ${slug(target)} was not found, or the token cannot see it: check the \`repository\` input; ` +
      accessAdvice(slug(target), workflowRepository),
    { status: 404, cause },
  );
}

/** The branch does not exist. */
export function branchNotFound(target: RepoRef, branch: string, cause?: unknown): GitHubError {
  return new GitHubError(
    'branch-not-found',
    `branch '${stripHeads(branch)}' not found in ${slug(target)}: check the \`branch\` input (commit mode does not create branches)`,
    { cause },
  );
}

/** The HTTP status of a failed request, if it has one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') return error.status;
  return undefined;
}

function messageOf(error: unknown): string {
  const response = (error as { response?: { data?: { message?: unknown } } }).response;
  const message = response?.data?.message;
  return typeof message === 'string' ? message : error instanceof Error ? error.message : String(error);
}

function stripHeads(branch: string): string {
  return branch.replace(/^refs\/heads\//, '');
}

function isSymlink(mode: number): boolean {
  return SYMLINK_MODES.has(mode);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, size)) chunks.push(items.slice(i, i + Math.max(1, size)));
  return chunks;
}

/** Code-unit order (as git sorts), independent of the machine's locale. */
function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Reading files of another commit (the pull-request mode reads its branch's versions of the same files).

/**
 * The selection of one `file(path:)` answer that `filesFromAnswers` decodes, for `ReadOptions.extra`
 * selections that read files of another commit in the head request.
 */
export const FILE_ENTRY_SELECTION = 'type mode oid object { __typename ... on Blob { byteSize isBinary isTruncated text } }';

/** The files and skips of one commit, decoded like `readSnapshot` decodes its own. */
export interface CommitFiles {
  readonly files: readonly SourceFile[];
  readonly skipped: readonly Skip[];
}

/**
 * Decodes `file(path:)` answers selected with `FILE_ENTRY_SELECTION` (null: no such path) into files and
 * skips, exactly as `readSnapshot` does (truncated texts are read over REST). `branch` names the commit in
 * skip reasons.
 */
export async function filesFromAnswers(
  client: GitHubClient,
  target: RepoRef,
  branch: string,
  answers: readonly { readonly path: string; readonly entry: unknown }[],
  options: ReadOptions = {},
): Promise<CommitFiles> {
  const settings = { ...DEFAULTS, ...options };
  const results = await Promise.all(
    answers.map((a) => decide(client, target, { branch }, { path: a.path, entry: (a.entry ?? null) as RawEntry | null }, settings)),
  );
  const files = results.filter((r): r is SourceFile => 'text' in r).sort(byPath);
  const skipped = results.filter((r): r is Skip => !('text' in r)).sort(byPath);
  return { files, skipped };
}

/** Reads `paths` at commit `oid` (one query per `chunkSize` paths, in parallel), decoded like `readSnapshot`. */
export async function readFilesAt(
  client: GitHubClient,
  target: RepoRef,
  branch: string,
  oid: string,
  paths: readonly string[],
  options: ReadOptions = {},
): Promise<CommitFiles> {
  const settings = { ...DEFAULTS, ...options };
  try {
    const answers = await readChunks(client, target, oid, chunk(paths, settings.chunkSize));
    return await filesFromAnswers(client, target, branch, answers, options);
  } catch (error) {
    throw toReadError(error, target, client.workflowRepository);
  }
}
