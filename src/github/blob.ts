// File contents: `file(path:)` answers decoded into texts and skips exactly as a snapshot reads them (binary,
// oversized, links, submodules, not UTF-8), files read by path at one commit, and blobs read over REST where
// GraphQL truncates a text or does not give it as UTF-8.
import { mayHaveUnicodeMark, unreadableText } from '../core/encoding.js';
import type { CommitFiles, Skip, SourceFile } from '../core/types.js';
import { byPath } from '../core/paths.js';
import type { GitHubClient } from './client.js';
import { type Target } from './errors.js';
import { repositoryNotFound, toReadError } from './failures.js';
import { mapLimited, READ_CONCURRENCY } from './limit.js';
import { BLOB_SELECTION, isSymlink, type RawEntry } from './tree.js';

/** Tuning of file reads. */
export interface BlobOptions {
  /** Files larger than this are listed in `skipped`, not read. Default 1 MiB. */
  readonly maxBytes?: number;
  /** Files read per GraphQL query (each chunk is one request). Default 100. */
  readonly chunkSize?: number;
  /** Read requests (chunks, REST blob reads, subtree listings) in flight at once, at most. Default 4. */
  readonly concurrency?: number;
}

const DEFAULTS: Required<BlobOptions> = { maxBytes: 1024 * 1024, chunkSize: 100, concurrency: READ_CONCURRENCY };

/** Read requests in flight at once, at least 1. */
export function concurrency(options: BlobOptions): number {
  return Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
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

/** Reads files by path at one commit: one query per `chunkSize` paths, at most `concurrency` in flight. */
export async function readPaths(
  client: GitHubClient,
  target: Target,
  commitOid: string,
  paths: readonly string[],
  options: BlobOptions,
): Promise<FileAnswer[]> {
  const size = chunkSize(options);
  const chunks: (readonly string[])[] = [];
  for (let i = 0; i < paths.length; i += size) chunks.push(paths.slice(i, i + size));
  const answers = await mapLimited(
    chunks,
    concurrency(options),
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
  const results = await mapLimited(answers, concurrency(options), (a) => decode(client, target, branch, a.path, (a.entry ?? null) as RawEntry | null, maxBytes));
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
