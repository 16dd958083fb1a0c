// Tree listings: the entries under each static prefix, from the head query (GraphQL, a few levels deep) and,
// below that, from REST recursive listings (a folder GitHub truncates is listed one level, then each subfolder).
import type { Skip } from '../core/types.js';
import { comparePaths } from '../core/paths.js';
import type { GitHubClient } from './client.js';
import { type Target } from './errors.js';
import { treeTooLarge } from './failures.js';
import { gate, type Gate } from './limit.js';

/** A tree entry as GraphQL answers it (`file(path:)` or `entries`), with its blob's facts when asked for. */
export interface RawEntry {
  readonly name?: string;
  readonly path?: string | null;
  readonly type: string;
  readonly mode: number;
  readonly oid: string;
  /** The blob's size in bytes (names-only listings ask for it: reads are chunked by bytes). */
  readonly size?: number;
  readonly object?: {
    readonly __typename?: string;
    readonly entries?: readonly RawEntry[];
    readonly byteSize?: number;
    readonly isBinary?: boolean | null;
    readonly isTruncated?: boolean;
    readonly text?: string | null;
  } | null;
}

/** An entry of the listed tree, with its repository-relative path. */
export interface ListedEntry {
  readonly path: string;
  readonly type: string;
  readonly mode: number;
  readonly oid: string;
  /** A blob's size in bytes, when the listing gave it. */
  readonly size?: number;
  /** The GraphQL entry with its blob's facts and text, when the listing carried them (`TreeListing.texts`). */
  readonly answer?: RawEntry;
}

/** One tree the head query lists: the folder (or file) `prefix`, `depth` levels deep. */
export interface TreeListing {
  readonly prefix: string;
  readonly depth: number;
  /** Nothing selected lies deeper than `depth`: folders at the last level are not listed further. */
  readonly complete: boolean;
  /** Each blob's text and facts come with the listing (`… on Blob { byteSize isBinary isTruncated text }`). */
  readonly texts: boolean;
}

/** Tree levels listed in one GraphQL query by default, and at most (GitHub refuses documents nested deeper than 25 fields). */
export const LIST_DEPTH = 8;
const MAX_LIST_DEPTH = 9;

/** Git modes as GitHub's GraphQL reports them (decimal value of the octal mode); octal-looking values accepted too. */
const SYMLINK_MODES = new Set([0o120000, 120000]);

export function isSymlink(mode: number): boolean {
  return SYMLINK_MODES.has(mode);
}

/** The regular files of a listing (deduplicated, in code-unit order) and the skips of everything else. */
export function filesOf(listed: readonly ListedEntry[]): { paths: string[]; skipped: Skip[] } {
  const regular = (e: ListedEntry): boolean => e.type === 'blob' && !isSymlink(e.mode);
  const paths = [...new Set(listed.filter(regular).map((e) => e.path))].sort(comparePaths);
  return { paths, skipped: listed.filter((e) => !regular(e)).map(skipOfListed) };
}

function skipOfListed(entry: ListedEntry): Skip {
  if (isSymlink(entry.mode)) return { path: entry.path, reason: 'symbolic link (not followed)' };
  if (entry.type === 'commit') return { path: entry.path, reason: 'submodule' };
  return { path: entry.path, reason: `not a file (${entry.type})` };
}

/** The listing depth to ask for: at least 1, at most what GitHub accepts. */
export function listDepth(depth: number | undefined): number {
  return Math.min(MAX_LIST_DEPTH, Math.max(1, depth ?? 1));
}

/** The facts of a blob that `filesFromAnswers` decodes (the selection `FILE_ENTRY_SELECTION` asks for by path). */
export const BLOB_SELECTION = '... on Blob { byteSize isBinary isTruncated text }';

/**
 * `entries { name type mode oid size object { ... on Tree { entries { … } } } }`, `depth` levels deep; with `texts`,
 * every blob's text and facts instead of its size (`object { __typename … on Blob { … } }`).
 */
export function entriesSelection(depth: number, texts = false): string {
  const leaf = texts ? 'name type mode oid' : 'name type mode oid size';
  const tree = depth <= 1 ? '' : `... on Tree { ${entriesSelection(depth - 1, texts)} }`;
  const object = texts ? `object { __typename ${tree} ${BLOB_SELECTION} }` : tree === '' ? '' : `object { ${tree} }`;
  return `entries { ${leaf}${object === '' ? '' : ` ${object}`} }`;
}

/**
 * The selection listing `listing` as `alias`, its path in the variable `$alias` (the repository root needs none):
 * `alias: file(path: $alias) { type mode oid object { … on Tree { entries … } } }` (on a commit).
 */
export function treeSelection(alias: string, listing: TreeListing): string {
  const entries = entriesSelection(listing.depth, listing.texts);
  if (listing.prefix === '') return `${alias}: tree { ${entries} }`;
  const blob = listing.texts ? ` __typename ${BLOB_SELECTION}` : '';
  return `${alias}: file(path: $${alias}) { type mode oid${listing.texts ? '' : ' size'} object {${blob} ... on Tree { ${entries} } } }`;
}

/**
 * The listing of the tree answers (`${alias}0`, `${alias}1`… for `listings`): the entries it reached, and the
 * folders deeper than their listing's depth that `listDeep` must list (none past a `complete` listing).
 */
export function listingOf(
  answers: Readonly<Record<string, unknown>>,
  listings: readonly TreeListing[],
  alias = 't',
): { listing: ListedEntry[]; unexpanded: ListedEntry[] } {
  const listing: ListedEntry[] = [];
  const unexpanded: ListedEntry[] = [];
  listings.forEach(({ prefix, depth, complete }, i) => {
    const root = answers[`${alias}${i}`] as RawEntry | { entries?: readonly RawEntry[] } | null | undefined;
    if (root === null || root === undefined) return;
    if (prefix !== '' && 'type' in root && root.type !== 'tree') {
      // A prefix without glob magic may name a file (or a link or a submodule): it is itself a candidate.
      listing.push(listed(prefix, root));
      return;
    }
    const entries = 'entries' in root ? root.entries : (root as RawEntry).object?.entries;
    if (entries !== undefined) flatten(prefix, entries, depth, complete, listing, unexpanded);
  });
  return { listing, unexpanded };
}

function listed(path: string, raw: RawEntry): ListedEntry {
  const size = raw.size ?? raw.object?.byteSize;
  const entry: ListedEntry = { path, type: raw.type, mode: raw.mode, oid: raw.oid, ...(size === undefined || raw.type !== 'blob' ? {} : { size }) };
  return raw.object?.__typename === 'Blob' ? { ...entry, answer: raw } : entry;
}

function flatten(prefix: string, entries: readonly RawEntry[], depth: number, complete: boolean, out: ListedEntry[], unexpanded: ListedEntry[]): void {
  for (const raw of entries) {
    const path = prefix === '' ? (raw.name ?? '') : `${prefix}/${raw.name ?? ''}`;
    if (raw.type !== 'tree') {
      out.push(listed(path, raw));
    } else if (depth <= 1 || raw.object?.entries === undefined) {
      if (!(complete && depth <= 1)) unexpanded.push({ path, type: raw.type, mode: raw.mode, oid: raw.oid });
    } else {
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
export async function listDeep(client: GitHubClient, target: Target, treeOid: string, unexpanded: readonly ListedEntry[], limit: number | Gate = gate()): Promise<ListedEntry[]> {
  const run = typeof limit === 'number' ? gate(limit) : limit;
  if (unexpanded.length === 0) return [];
  if (unexpanded.length === 1) return listFolder(client, target, unexpanded[0]!, run);
  const whole = await run(() => getTree(client, target, { path: '', oid: treeOid }, true));
  if (!whole.truncated) {
    const under = unexpanded.map((e) => `${e.path}/`);
    return whole.entries.filter((e) => e.type !== 'tree' && under.some((u) => e.path.startsWith(u)));
  }
  // Not mapLimited over `run`: listFolder gates each of its own requests (a gated call waiting on the gate would deadlock).
  return (await Promise.all(unexpanded.map((folder) => listFolder(client, target, folder, run)))).flat();
}

/** The files under one folder: one recursive listing, or (GitHub truncated it) its own level and each subfolder. */
async function listFolder(client: GitHubClient, target: Target, folder: { path: string; oid: string }, run: Gate): Promise<ListedEntry[]> {
  const deep = await run(() => getTree(client, target, folder, true));
  if (!deep.truncated) return deep.entries.filter((e) => e.type !== 'tree');
  const level = await run(() => getTree(client, target, folder, false));
  if (level.truncated) throw treeTooLarge(target, folder.path);
  const below = await Promise.all(level.entries.filter((e) => e.type === 'tree').map((sub) => listFolder(client, target, sub, run)));
  return [...level.entries.filter((e) => e.type !== 'tree'), ...below.flat()];
}

/** One REST tree listing of `tree` (recursive or one level), its entries' paths from the repository root. */
async function getTree(client: GitHubClient, target: Target, tree: { path: string; oid: string }, recursive: boolean): Promise<{ entries: ListedEntry[]; truncated: boolean }> {
  const { data } = await client.rest.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    owner: target.owner,
    repo: target.repo,
    tree_sha: tree.oid,
    ...(recursive ? { recursive: '1' } : {}),
  });
  const entries = data.tree.map((e) => {
    const entry: ListedEntry = { path: tree.path ? `${tree.path}/${e.path ?? ''}` : (e.path ?? ''), type: e.type ?? '', mode: Number.parseInt(e.mode ?? '0', 8), oid: e.sha ?? '' };
    return e.type === 'blob' && e.size !== undefined ? { ...entry, size: e.size } : entry;
  });
  return { entries, truncated: data.truncated };
}
