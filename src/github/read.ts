// Snapshot reads over the GitHub API: the head commit and the files the globs match, all at that commit,
// in the fewest round trips (explicit paths: 1 request; globs: 1, the texts come with the listing; where GitHub
// cannot answer a listing with texts, the listing by name, then the matches in chunks sized by their bytes).
import type { PathMatcher } from '../core/paths.js';
import type { SourceContext } from '../core/charts.js';
import type { Skip, Snapshot } from '../core/types.js';
import { byPath, reachUnder } from '../core/paths.js';
import { chunkSize, FILE_FRAGMENT, filesFromAnswers, readGate, readListed, readPaths, type BlobOptions, type FileAnswer } from './blob.js';
import type { GitHubClient } from './client.js';
import { GitHubError, GraphqlResponseError, type GraphqlErrorEntry } from './errors.js';
import { HISTORY_FIELDS, historyOf, type ChainCommit } from './landed.js';
import { branchNotFound, noDefaultBranch, notACommit, repositoryNotFound, toReadError } from './failures.js';
import { qualifiedBranch } from './mutation.js';
import { filesOf, isSymlink, LIST_DEPTH, listDeep, listDepth, listingOf, treeSelection, type ListedEntry, type RawEntry, type TreeListing } from './tree.js';

/** A repository and branch to read and write. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
  /** undefined: the repository's default branch. */
  readonly branch?: string;
}

/** What the head query tells about the repository and the branch head. */
export interface HeadFacts {
  readonly head: string;
  /** The branch read (the default branch's name when `RepoRef.branch` was undefined). */
  readonly branch: string;
  /** GraphQL node id of the repository. */
  readonly repositoryId: string;
  /** `owner/name` as GitHub spells it. */
  readonly nameWithOwner: string;
  readonly defaultBranch: string;
  readonly autoMergeAllowed: boolean;
  /** The head commit's full message and parents (a run finds its own commits by their trailers in `history`). */
  readonly headMessage: string;
  /** The head commit's web URL. */
  readonly headUrl: string;
  readonly headParents: readonly string[];
  /** The branch's recent history, newest first, when `ReadOptions.history` asked for it (landed.ts). */
  readonly history?: readonly ChainCommit[];
  /**
   * The branch's newest commits, head first, in git-log order (GitHub's `history`), when `ReadOptions.history` asked
   * for them: the race loop counts the commits that landed since its previous read.
   */
  readonly recent?: readonly string[];
  /** The `repository` object of the head query when `ReadOptions.extra` was given: read your aliases from it. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A consistent read of a branch: its head commit and the matched files of exactly that commit. */
export interface RemoteSnapshot extends Snapshot, HeadFacts {
  readonly head: string;
  /**
   * UTF-8 bytes of the texts GitHub sent: the files read, and every text a listing carried, selected or not (a
   * listing carries all the texts under its folder). What finding the references cost.
   */
  readonly bytesRead: number;
  /** Flux sources from files outside `paths`, read at `head` by `ReadOptions.complete` (read-only: never edited). */
  readonly chartSources?: SourceContext;
  /** The texts GitHub sent (files read, and texts a listing carried). */
  readonly textsRead: number;
}

/** Tuning of a read; the defaults suit GitOps repositories. */
export interface ReadOptions extends BlobOptions {
  /**
   * Tree levels listed in one GraphQL query below each static prefix; deeper folders cost one REST listing.
   * Default 8; at most 9 (GitHub refuses GraphQL documents nested deeper than 25 fields; 9 levels nest 23, 24 with the texts).
   */
  readonly listDepth?: number;
  /**
   * The listing carries every listed blob's text, so that one request reads them all (tried once; when GitHub
   * cannot answer it, the listing by name follows). Default true; false: list by name, then read the matches by path.
   */
  readonly inlineTexts?: boolean;
  /**
   * More fields on `repository`, fetched in the same request as the head (see `RemoteSnapshot.extra`); a
   * function gets the trees the request lists (none for explicit paths), e.g. to list them at another commit too.
   */
  readonly extra?: ExtraSelection | ((listings: readonly TreeListing[]) => ExtraSelection);
  /**
   * Newest commits of the branch to list with its head (`history` and `recent`); default 0: none. After a write whose
   * answer was lost, they tell whether it landed (landed.ts); on later race rounds, how busy the branch is.
   */
  readonly history?: number;
  /** Reads more at the snapshot's head once it is read (deliver/chart-sources.ts); its errors are the read's. */
  readonly complete?: (snapshot: RemoteSnapshot) => Promise<RemoteSnapshot>;
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
  /**
   * Errors of the extra selection the read may go on without (the field is then null in `extra`): GitHub answers
   * some fields the token may not see with a node-level error beside the rest of the data.
   */
  readonly tolerate?: (error: GraphqlErrorEntry) => boolean;
}

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
  try {
    const selected = (p: string): boolean => paths.matches(p) && filter(p);
    // One bound for every read request of this snapshot (and of the caller's other reads, when it shares its gate).
    const bounded = { ...options, gate: readGate(options) };
    const snapshot =
      paths.literals !== undefined
        ? await readLiterals(client, target, paths.literals.filter(filter), selected, bounded)
        : await readGlobs(client, target, selected, treeListings(paths, options), bounded);
    return options.complete === undefined ? snapshot : await options.complete(snapshot);
  } catch (error) {
    throw toReadError(error, target, client.workflowRepository);
  }
}

/** Explicit paths: one query for the head and every file (more only past `chunkSize` files or 512,000 bytes). */
async function readLiterals(
  client: GitHubClient,
  target: RepoRef,
  literals: readonly string[],
  selected: (path: string) => boolean,
  options: ReadOptions,
): Promise<RemoteSnapshot> {
  const size = chunkSize(options);
  const head = await queryHead(client, target, { files: literals.slice(0, size), extra: extraOf(options, []), history: options.history });
  const answers = [...head.files, ...(await readPaths(client, target, head.facts.head, literals.slice(size), options))];
  // A literal that is a folder (named like a file) selects the files under it: list and read those.
  const folders = answers.filter((a) => a.entry?.type === 'tree');
  const entries = answers.filter((a) => !folders.includes(a));
  let listedSkips: Skip[] = [];
  if (folders.length > 0) {
    const listed = await listDeep(client, target, head.treeOid, folders.map((a) => ({ path: a.path, type: 'tree', mode: a.entry!.mode, oid: a.entry!.oid })), readGate(options));
    const wanted = filesOf(listed.filter((e) => selected(e.path) && !entries.some((a) => a.path === e.path)));
    listedSkips = wanted.skipped;
    const listedAt = new Map(listed.map((e) => [e.path, e]));
    entries.push(...(await readListed(client, target, head.facts.head, wanted.paths.map((p) => listedAt.get(p)!), options)));
  }
  const read = await filesFromAnswers(client, target, head.facts.branch, entries, options);
  const found = entries.filter((a) => a.entry !== null && a.entry.type === 'blob' && !isSymlink(a.entry.mode)).length;
  return { ...head.facts, files: read.files, skipped: [...listedSkips, ...read.skipped].sort(byPath), selected: found, bytesRead: bytesOf(read.files.map((f) => f.text)), textsRead: read.files.length };
}

/**
 * The trees a glob read lists: each static prefix, as deep as a selected file may lie (at most `listDepth`), with
 * the blobs' texts unless `inlineTexts` is false.
 */
export function treeListings(paths: PathMatcher, options: ReadOptions = {}): TreeListing[] {
  const roots = paths.prefixes.length === 0 ? [''] : paths.prefixes;
  const most = listDepth(options.listDepth ?? LIST_DEPTH);
  return roots.map((prefix) => {
    const { maxDepth } = reachUnder(paths.include, prefix);
    const depth = Math.min(most, Math.max(1, maxDepth));
    return { prefix, depth, complete: maxDepth <= depth, texts: options.inlineTexts !== false };
  });
}

/**
 * Globs: list the tree under each static prefix at the head (one query; with the texts where `listings` ask for
 * them), then read the other matches at that commit.
 */
async function readGlobs(
  client: GitHubClient,
  target: RepoRef,
  selected: (path: string) => boolean,
  listings: readonly TreeListing[],
  options: ReadOptions,
): Promise<RemoteSnapshot> {
  const head = await queryListings(client, target, listings, options);
  const listed = [...head.listing];
  if (head.unexpanded.length > 0) listed.push(...(await listDeep(client, target, head.treeOid, head.unexpanded, readGate(options))));
  const wanted = filesOf(listed.filter((entry) => selected(entry.path)));
  const listedAt = new Map(listed.map((e) => [e.path, e]));
  const carried = new Map(listed.flatMap((e) => (e.answer === undefined ? [] : [[e.path, e.answer] as const])));
  const entries = [
    ...wanted.paths.flatMap((path) => (carried.has(path) ? [{ path, entry: carried.get(path)! }] : [])),
    ...(await readListed(client, target, head.facts.head, wanted.paths.filter((path) => !carried.has(path)).map((p) => listedAt.get(p)!), options)),
  ];
  const read = await filesFromAnswers(client, target, head.facts.branch, entries, options);
  // What came: the listing's texts (selected or not), and the files read by path (never carried).
  const texts = [...carried.values()].flatMap((a) => (typeof a.object?.text === 'string' ? [a.object.text] : []));
  const byPathRead = read.files.filter((f) => !carried.has(f.path));
  return {
    ...head.facts,
    files: read.files,
    skipped: [...wanted.skipped, ...read.skipped].sort(byPath),
    selected: wanted.paths.length,
    bytesRead: bytesOf(texts) + bytesOf(byPathRead.map((f) => f.text)),
    textsRead: texts.length + byPathRead.length,
  };
}

function bytesOf(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
}

/**
 * The head query listing `listings`. One that carries texts is tried once: when it fails (5xx, GitHub's own
 * timeout: a folder heavier than its globs suggested; or no answer at all), the same listing without texts
 * follows, with the client's whole retry policy, so a run never waits longer than it did before texts rode along.
 */
async function queryListings(client: GitHubClient, target: RepoRef, listings: readonly TreeListing[], options: ReadOptions): ReturnType<typeof queryHead> {
  try {
    return await queryHead(client, target, { trees: listings, extra: extraOf(options, listings), history: options.history });
  } catch (error) {
    const unavailable = error instanceof GitHubError && error.code === 'unavailable';
    if (!listings.some((l) => l.texts) || !unavailable) throw error;
    const plain = listings.map((l) => ({ ...l, texts: false }));
    return await queryHead(client, target, { trees: plain, extra: extraOf(options, plain), history: options.history });
  }
}

function extraOf(options: ReadOptions, listings: readonly TreeListing[]): ExtraSelection | undefined {
  return typeof options.extra === 'function' ? options.extra(listings) : options.extra;
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
      readonly history?: unknown;
    } | null;
  } | null;
}

/**
 * One query: repository facts, the branch head, and either files (by path) or tree listings (by prefix).
 * Paths are always variables, never interpolated into the document.
 */
async function queryHead(
  client: GitHubClient,
  target: RepoRef,
  request: { files?: readonly string[]; trees?: readonly TreeListing[]; extra?: ExtraSelection | undefined; history?: number | undefined },
): Promise<{ facts: HeadFacts; treeOid: string; files: FileAnswer[]; listing: ListedEntry[]; unexpanded: ListedEntry[] }> {
  const files = request.files ?? [];
  const trees = request.trees ?? [];
  const variables: Record<string, unknown> = { owner: target.owner, name: target.repo };
  const declarations = ['$owner: String!', '$name: String!'];
  const selections: string[] = [];
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
    if (name in variables || /^[pt]\d+$/.test(name)) throw new Error(`extra selection: variable '$${name}' clashes with the head query's own`);
    variables[name] = value;
    declarations.push(`$${name}: ${type}`);
  }
  const ref = target.branch === undefined ? 'branchRef: defaultBranchRef' : 'branchRef: ref(qualifiedName: $qualifiedName)';
  const query =
    `query ReadHead(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { id nameWithOwner autoMergeAllowed ` +
    `${request.extra?.selection ?? ''} ` +
    `defaultBranchRef { name } ${ref} { name target { __typename oid ... on Commit { message url tree { oid } ` +
    `parents(first: 2) { nodes { oid } } ${history > 0 ? `history(first: $history) { ${HISTORY_FIELDS} } ` : ''}${selections.join(' ')} } } } } }` +
    (files.length > 0 ? ` ${FILE_FRAGMENT}` : '');
  // A listing that carries texts has a lighter fallback (names only): one try, not the whole retry policy.
  const withTexts = trees.some((t) => t.texts);
  const data = await tolerant(request.extra?.tolerate, () => client.graphql<{ repository: RawRepository | null }>(query, variables, withTexts ? { attempts: 1 } : {}));
  const { facts, treeOid } = headFacts(data.repository, target, client.workflowRepository);
  const withExtra = request.extra ? { ...facts, extra: data.repository as unknown as Record<string, unknown> } : facts;
  const commit = data.repository?.branchRef?.target as Record<string, unknown>;
  const { listing, unexpanded } = listingOf(commit, trees);
  return { facts: withExtra, treeOid, files: files.map((path, i) => ({ path, entry: (commit[`f${i}`] as RawEntry | null | undefined) ?? null })), listing, unexpanded };
}

/** The answer of `ask`, or its partial data when every error is one `tolerate` accepts. */
async function tolerant<T extends { repository: unknown }>(tolerate: ((error: GraphqlErrorEntry) => boolean) | undefined, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (tolerate === undefined || !(error instanceof GraphqlResponseError) || !error.errors.every(tolerate)) throw error;
    const data = error.data as T | null | undefined;
    if (data === null || data === undefined || data.repository === null || data.repository === undefined) throw error;
    return data;
  }
}

function headFacts(repository: RawRepository | null, target: RepoRef, workflowRepository: string | undefined): { facts: HeadFacts; treeOid: string } {
  if (repository === null) throw repositoryNotFound(target, workflowRepository);
  const ref = repository.branchRef;
  if (ref === null || ref.target === null) {
    if (target.branch !== undefined) throw branchNotFound(target, target.branch);
    throw noDefaultBranch(target);
  }
  const commit = ref.target;
  if (commit.__typename !== 'Commit' || commit.tree === undefined) throw notACommit(target, ref.name, commit.__typename);
  const facts: HeadFacts = {
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
