// Tree listings: the entries under each static prefix, from the head query (GraphQL, a few levels deep) and,
// below that, from one REST recursive listing.
import type { Skip } from '../core/types.js';
import { comparePaths } from '../core/paths.js';
import type { GitHubClient } from './client.js';
import { type Target } from './errors.js';
import { treeTooLarge } from './failures.js';
import { mapLimited, READ_CONCURRENCY } from './limit.js';

/** A tree entry as GraphQL answers it (`file(path:)` or `entries`), with its blob's facts when asked for. */
export interface RawEntry {
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

/** An entry of the listed tree, with its repository-relative path. */
export interface ListedEntry {
  readonly path: string;
  readonly type: string;
  readonly mode: number;
  readonly oid: string;
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
 * `entries { name type mode oid object { ... on Tree { entries { … } } } }`, `depth` levels deep; with `texts`,
 * every blob's text and facts too (`object { __typename … on Blob { … } }`).
 */
export function entriesSelection(depth: number, texts = false): string {
  const leaf = 'name type mode oid';
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
  return `${alias}: file(path: $${alias}) { type mode oid object {${blob} ... on Tree { ${entries} } } }`;
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
  const entry: ListedEntry = { path, type: raw.type, mode: raw.mode, oid: raw.oid };
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
 * Lists trees deeper than the GraphQL query reached: one REST recursive listing (of that folder when there
 * is one, else of the commit's tree; per folder when GitHub truncates the whole tree, `concurrency` at once).
 */
export async function listDeep(
  client: GitHubClient,
  target: Target,
  treeOid: string,
  unexpanded: readonly ListedEntry[],
  concurrency: number = READ_CONCURRENCY,
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
    if (single === undefined) return (await mapLimited(unexpanded, concurrency, (e) => listDeep(client, target, treeOid, [e], concurrency))).flat();
    throw treeTooLarge(target, root.path);
  }
  const under = unexpanded.map((e) => `${e.path}/`);
  return data.tree
    .map((e) => ({ path: root.path ? `${root.path}/${e.path ?? ''}` : (e.path ?? ''), type: e.type ?? '', mode: Number.parseInt(e.mode ?? '0', 8), oid: e.sha ?? '' }))
    .filter((e) => e.type !== 'tree' && under.some((u) => e.path.startsWith(u)));
}
