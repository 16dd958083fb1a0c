// File contents: `file(path:)` answers decoded into texts and skips exactly as a snapshot reads them (binary,
// oversized, links, submodules, not UTF-8), files read by path at one commit, and blobs read over REST where
// GraphQL truncates a text or does not give it as UTF-8.
import { mayHaveUnicodeMark, unreadableText } from '../core/encoding.js';
import type { CommitFiles, Skip, SourceFile } from '../core/types.js';
import { byPath } from '../core/paths.js';
import type { GitHubClient } from './client.js';
import { type Target } from './errors.js';
import { repositoryNotFound, toReadError } from './failures.js';
import { gate, mapLimited, READ_CONCURRENCY, type Gate } from './limit.js';
import { BLOB_SELECTION, isSymlink, type ListedEntry, type RawEntry } from './tree.js';

/** Tuning of file reads. */
export interface BlobOptions {
  /** Files larger than this are listed in `skipped`, not read. Default 1 MiB. */
  readonly maxBytes?: number;
  /** Files read per GraphQL query (each chunk is one request). Default 100. */
  readonly chunkSize?: number;
  /**
   * Bytes of text one GraphQL query asks for, at most, where the listing gave the files' sizes (a single larger
   * file still goes alone). Default 1,000,000: far inside GitHub's 10-second budget per query.
   */
  readonly chunkBytes?: number;
  /** Read requests (chunks, REST blob reads, subtree listings) in flight at once, at most. Default 4. */
  readonly concurrency?: number;
  /**
   * The bound itself, shared by the reads of one run so that reads running side by side keep it together.
   * Default: a gate of `concurrency` per read.
   */
  readonly gate?: Gate;
}

const DEFAULTS = { maxBytes: 1024 * 1024, chunkSize: 100, chunkBytes: 1_000_000, concurrency: READ_CONCURRENCY } as const;

/** GitHub's GraphQL gives a blob's text up to this many bytes (`isTruncated` past it: the text is read over REST). */
export const GRAPHQL_TEXT_BYTES = 512_000;

/** Read requests in flight at once, at least 1. */
export function concurrency(options: BlobOptions): number {
  return Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
}

/** The gate a read's requests go through: the shared one, else a fresh one of `concurrency`. */
export function readGate(options: BlobOptions): Gate {
  return options.gate ?? gate(concurrency(options));
}

/** Files read per query, at least 1. */
export function chunkSize(options: BlobOptions): number {
  return Math.max(1, options.chunkSize ?? DEFAULTS.chunkSize);
}

/**
 * The selection of one `file(path:)` answer that `filesFromAnswers` decodes, for `ReadOptions.extra`
 * selections that read files of another commit in the head request.
 */
export const FILE_ENTRY_SELECTION = `type mode oid object { __typename ${BLOB_SELECTION} }`;

/** `FILE_ENTRY_SELECTION` as the fragment `...FileEntry` that the queries here spread. */
export const FILE_FRAGMENT = `fragment FileEntry on TreeEntry { ${FILE_ENTRY_SELECTION} }`;

/** A file requested by path, and what GitHub answered (null: no such path at that commit). */
export interface FileAnswer {
  readonly path: string;
  readonly entry: RawEntry | null;
}

/**
 * `paths` in consecutive chunks of at most `files` paths and, where `sizeOf` knows the sizes, at most `bytes`
 * bytes (a path larger than that alone). The chunks keep the order of `paths`.
 */
export function chunked(paths: readonly string[], files: number, bytes: number, sizeOf: (path: string) => number | undefined = () => undefined): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
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
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * Reads files by path at one commit: one query per chunk (`chunkSize` paths, and `chunkBytes` where `sizeOf` knows
 * the sizes), at most `concurrency` (or the shared `gate`) in flight.
 */
export async function readPaths(
  client: GitHubClient,
  target: Target,
  commitOid: string,
  paths: readonly string[],
  options: BlobOptions,
  sizeOf?: (path: string) => number | undefined,
): Promise<FileAnswer[]> {
  const chunks = chunked(paths, chunkSize(options), Math.max(1, options.chunkBytes ?? DEFAULTS.chunkBytes), sizeOf);
  const answers = await mapLimited(
    chunks,
    readGate(options),
    async (chunk) => {
      const declarations = ['$owner: String!', '$name: String!', '$oid: GitObjectID!', ...chunk.map((_, i) => `$p${i}: String!`)];
      const selections = chunk.map((_, i) => `f${i}: file(path: $p${i}) { ...FileEntry }`);
      const query =
        `query ReadFiles(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { object(oid: $oid) { ` +
        `... on Commit { ${selections.join(' ')} } } } } ${FILE_FRAGMENT}`;
      const variables: Record<string, unknown> = { owner: target.owner, name: target.repo, oid: commitOid };
      chunk.forEach((p, i) => (variables[`p${i}`] = p));
      const data = await client.graphql<{ repository: { object: Record<string, RawEntry | null> | null } | null }>(query, variables);
      if (data.repository === null) throw repositoryNotFound(target, client.workflowRepository);
      const commit = data.repository.object ?? {};
      return chunk.map((path, i) => ({ path, entry: commit[`f${i}`] ?? null }));
    },
  );
  return answers.flat();
}

/**
 * Reads the listed files `entries` (regular files of one listing at commit `commitOid`) in chunks sized by their
 * bytes. Where the listing gave a file's size and that size decides, no GraphQL text is asked for: a file over
 * `maxBytes` is skipped unread, and one GitHub would truncate (over 512,000 bytes) is read over REST straight away.
 */
export async function readListed(
  client: GitHubClient,
  target: Target,
  commitOid: string,
  entries: readonly ListedEntry[],
  options: BlobOptions,
): Promise<FileAnswer[]> {
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const sized: FileAnswer[] = [];
  const byQuery: ListedEntry[] = [];
  for (const e of entries) {
    if (e.size !== undefined && (e.size > maxBytes || e.size > GRAPHQL_TEXT_BYTES)) {
      // What decode() makes of it: 'larger than …', or a text to read over REST (isTruncated).
      const object = { __typename: 'Blob', byteSize: e.size, isBinary: false, isTruncated: true, text: null };
      sized.push({ path: e.path, entry: { type: e.type, mode: e.mode, oid: e.oid, object } });
    } else {
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
export async function filesFromAnswers(
  client: GitHubClient,
  target: Target,
  branch: string,
  answers: readonly { readonly path: string; readonly entry: unknown }[],
  options: BlobOptions = {},
): Promise<CommitFiles> {
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  // Decoding is local except for the few blobs read over REST: those are the requests the limit bounds.
  const results = await mapLimited(answers, readGate(options), (a) => decode(client, target, branch, a.path, (a.entry ?? null) as RawEntry | null, maxBytes));
  const files = results.filter((r): r is SourceFile => 'text' in r).sort(byPath);
  const skipped = results.filter((r): r is Skip => !('text' in r)).sort(byPath);
  return { files, skipped };
}

/** Reads `paths` at commit `oid` (one query per `chunkSize` paths, `concurrency` at once), decoded like `readSnapshot`. */
export async function readFilesAt(
  client: GitHubClient,
  target: Target,
  branch: string,
  oid: string,
  paths: readonly string[],
  options: BlobOptions = {},
): Promise<CommitFiles> {
  try {
    return await filesFromAnswers(client, target, branch, await readPaths(client, target, oid, paths, options), options);
  } catch (error) {
    throw toReadError(error, target, client.workflowRepository);
  }
}

/** A file's text, or why it is skipped. Truncated texts (over 512,000 bytes) are read over REST. */
async function decode(client: GitHubClient, target: Target, branch: string, path: string, entry: RawEntry | null, maxBytes: number): Promise<SourceFile | Skip> {
  if (entry === null) return { path, reason: `does not exist on branch '${branch}'` };
  if (isSymlink(entry.mode)) return { path, reason: 'symbolic link (not followed)' };
  if (entry.type === 'commit') return { path, reason: 'submodule' };
  if (entry.type !== 'blob' || entry.object?.__typename !== 'Blob') return { path, reason: `not a file (${entry.type})` };
  const blob = entry.object;
  const size = blob.byteSize ?? 0;
  // A blob GraphQL calls binary, or whose text is not its bytes, may be UTF-16 or UTF-32 text with a byte-order
  // mark: its bytes (one REST read, only for such blobs of an even size within max-file-size) name it exactly.
  const check = size <= maxBytes && mayHaveUnicodeMark(size);
  if (blob.isBinary === true) return check ? readBlob(client, target, path, entry.oid) : { path, reason: 'binary file' };
  if (size > maxBytes) return { path, reason: `larger than ${maxBytes} bytes (${size})` };
  if (blob.isTruncated === true || typeof blob.text !== 'string') return readBlob(client, target, path, entry.oid);
  if (Buffer.byteLength(blob.text, 'utf8') !== size) return check ? readBlob(client, target, path, entry.oid) : { path, reason: 'not valid UTF-8 text' };
  return { path, text: blob.text };
}

/** Reads one blob over REST (base64), for texts GraphQL truncates or does not give as UTF-8. */
async function readBlob(client: GitHubClient, target: Target, path: string, oid: string): Promise<SourceFile | Skip> {
  const { data } = await client.rest.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
    owner: target.owner,
    repo: target.repo,
    file_sha: oid,
  });
  const bytes = data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
  const unreadable = unreadableText(bytes);
  return unreadable === undefined ? { path, text: bytes.toString('utf8') } : { path, reason: unreadable };
}
