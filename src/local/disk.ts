// The Source on a directory: the files under `root` that the `paths` globs select.
// Symlinks and submodules are never followed; binary, non-UTF-8 (UTF-16 …) and oversized files are skipped with a note.
import { closeSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { lstat, readFile, realpath, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { unicodeMarkReason, unreadableText } from '../core/encoding.js';
import { byPath, comparePaths, type PathMatcher } from '../core/paths.js';
import type { FileEdit, Skip, Snapshot, SourceFile } from '../core/types.js';

export interface LocalReadOptions {
  readonly maxFileBytes: number;
  /**
   * Keeps only files whose bytes pass (e.g. hold a requested repository's name): a bump is then proportional to
   * the bytes that can hold the image, not to the repository, and the rest are never decoded or kept. `path` is
   * the file's path relative to the root (a chart run keeps every Chart.yaml and kustomization by name).
   */
  readonly keep?: (bytes: Buffer, path: string) => boolean;
}

export class LocalPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalPathError';
  }
}

// Listing and reading are synchronous on purpose: the run does nothing else meanwhile, and ten thousand
// awaited open/stat/read/close round trips through the thread pool cost seconds where this costs milliseconds.
function walk(root: string, dir: string, paths: Pick<PathMatcher, 'matches'>, out: string[], skipped: Skip[]): void {
  let entries: Dirent[];
  try {
    // Plain concatenation: `root` is the folder as given and `dir` is built from directory entries, so path.join's
    // normalisation would only cost time (it showed in the 10,000-file benchmark).
    entries = readdirSync(dir === '' ? root : `${root}/${dir}`, { withFileTypes: true });
  } catch (error) {
    if (dir === '') throw error;
    skipped.push({ path: dir, reason: `folder not readable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  if (dir !== '' && entries.some((e) => e.name === '.git')) {
    skipped.push({ path: dir, reason: 'submodule or nested repository (never entered)' });
    return;
  }
  for (const entry of entries) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name === '.git') continue;
      walk(root, path, paths, out, skipped);
    } else if (entry.isFile()) {
      if (paths.matches(path)) out.push(path);
    } else if (entry.isSymbolicLink()) {
      if (paths.matches(path)) skipped.push({ path, reason: 'symbolic link (never followed)' });
      else if (linksToFolder(join(root, path))) skipped.push({ path, reason: 'symbolic link to a folder (never followed)' });
    }
  }
}

/**
 * Why a path under the folders `segments` (relative to `root`, outermost first) must not be read: one of them
 * is a symbolic link (`lstat` of `a/link/x.yaml` would silently follow `link`) or a submodule / nested
 * repository. Undefined when every folder is a plain folder of this tree (or does not exist).
 */
async function blockedFolder(root: string, segments: readonly string[]): Promise<string | undefined> {
  for (let i = 1; i <= segments.length; i++) {
    const folder = segments.slice(0, i).join('/');
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(join(root, folder));
    } catch {
      return undefined;
    }
    if (info.isSymbolicLink()) return `inside ${folder}, a symbolic link (never followed)`;
    if (!info.isDirectory()) return undefined;
    try {
      await lstat(join(root, folder, '.git'));
      return `inside ${folder}, a submodule or nested repository (never entered)`;
    } catch {
      // not a repository of its own
    }
  }
  return undefined;
}

/** True when the link at `absolute` resolves to a folder (its target's type only: nothing is read through it). */
function linksToFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/** Lists the selected files under `root` without reading them, in path order. */
export async function listLocal(root: string, paths: PathMatcher): Promise<{ files: string[]; skipped: Skip[] }> {
  const listed = await listSelected(root, paths);
  return { files: listed.files.sort(comparePaths), skipped: listed.skipped };
}

/** The selected files under `root` (each once), in the order the walk met them. */
async function listSelected(root: string, paths: PathMatcher): Promise<{ files: string[]; skipped: Skip[] }> {
  const files: string[] = [];
  const skipped: Skip[] = [];
  try {
    const info = await lstat(root);
    if (!info.isDirectory()) throw new LocalPathError(`Input 'local-path': '${root}' is not a folder.`);
  } catch (error) {
    if (error instanceof LocalPathError) throw error;
    throw new LocalPathError(`Input 'local-path': '${root}' does not exist.`);
  }
  if (paths.literals) {
    for (const path of paths.literals) {
      const blocked = await blockedFolder(root, path.split('/').slice(0, -1));
      if (blocked) {
        skipped.push({ path, reason: blocked });
        continue;
      }
      try {
        const info = await lstat(join(root, path));
        if (info.isSymbolicLink()) skipped.push({ path, reason: 'symbolic link (never followed)' });
        else if (info.isFile()) files.push(path);
        // A folder named like a file: the files under it (a literal selects its path and everything under it).
        else if (info.isDirectory()) walk(root, path, paths, files, skipped);
      } catch {
        skipped.push({ path, reason: 'not found' });
      }
    }
    return { files: [...new Set(files)], skipped };
  }
  for (const prefix of paths.prefixes) {
    // The walk itself never enters a link or a submodule; the folders of a fixed prefix are checked here.
    const segments = prefix === '' ? [] : prefix.split('/');
    const blocked = await blockedFolder(root, segments.slice(0, -1));
    if (blocked) {
      skipped.push({ path: prefix, reason: blocked });
      continue;
    }
    try {
      const info = await lstat(join(root, prefix));
      if (info.isSymbolicLink()) {
        skipped.push({ path: prefix, reason: 'symbolic link (never followed)' });
        continue;
      }
      // A prefix without glob magic may name a file (`envs/prod/values.yaml` beside a glob).
      if (info.isFile() && paths.matches(prefix)) files.push(prefix);
      if (!info.isDirectory()) continue;
    } catch {
      continue;
    }
    walk(root, prefix, paths, files, skipped);
  }
  return { files, skipped };
}

/**
 * Reads a whole file into a reusable buffer: one read for any file smaller than the buffer, since a read of a
 * regular file that returns fewer bytes than asked for has reached its end (the read that would only return 0 is
 * not made; an fstat for the size would cost as much as that read). A file that fills the buffer grows it, up to
 * max-file-size + 1 bytes: more means oversized. Should a file change meanwhile, writeLocal finds it changed and
 * writes nothing.
 */
class FileReader {
  private buffer: Buffer;

  constructor(private readonly maxFileBytes: number) {
    this.buffer = Buffer.allocUnsafe(Math.min(maxFileBytes + 1, 64 * 1024));
  }

  /** The file's bytes (valid until the next read), or undefined when it is larger than max-file-size. */
  read(absolute: string): Buffer | undefined {
    const fd = openSync(absolute, 'r');
    try {
      let size = 0;
      for (;;) {
        const asked = this.buffer.length - size;
        const n = readSync(fd, this.buffer, size, asked, null);
        size += n;
        if (n < asked) return this.buffer.subarray(0, size);
        if (size > this.maxFileBytes) return undefined;
        const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 4, this.maxFileBytes + 1));
        this.buffer.copy(bigger, 0, 0, size);
        this.buffer = bigger;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Reads the selected files under `root` as one snapshot: each file once, in the order the walk lists them; only
 * the files kept are sorted (by path, as are the files skipped while reading), so the result does not depend on
 * the order the folder gives its entries in.
 */
export async function readLocal(root: string, paths: PathMatcher, options: LocalReadOptions): Promise<Snapshot> {
  const listed = await listSelected(root, paths);
  const files: SourceFile[] = [];
  const unread: Skip[] = [];
  // Only the files the byte-level `keep` filter accepts are decoded and kept.
  const reader = new FileReader(options.maxFileBytes);
  for (const path of listed.files) {
    const bytes = reader.read(`${root}/${path}`);
    if (bytes === undefined) {
      unread.push({ path, reason: `larger than max-file-size (${options.maxFileBytes} bytes)` });
      continue;
    }
    // A UTF-16 or UTF-32 file is listed whether or not it names an image: its bytes cannot be searched for the
    // UTF-8 name, and it must not be passed over in silence.
    const marked = unicodeMarkReason(bytes);
    if (marked !== undefined) {
      unread.push({ path, reason: marked });
      continue;
    }
    if (options.keep && !options.keep(bytes, path)) continue;
    const unreadable = unreadableText(bytes);
    if (unreadable !== undefined) {
      unread.push({ path, reason: unreadable });
      continue;
    }
    files.push({ path, text: bytes.toString('utf8') });
  }
  return { files: files.sort(byPath), skipped: [...listed.skipped, ...unread.sort(byPath)], selected: listed.files.length };
}

/**
 * The YAML files anywhere under `root` (links and submodules never entered) that `keep` accepts on their bytes,
 * other than `read` (already in the snapshot): read-only context, e.g. the Flux sources a selected HelmRelease names
 * (core/chart-sources.ts). Files that cannot be read or decoded are passed over: context never fails a run.
 */
export function readContext(root: string, keep: (bytes: Buffer) => boolean, maxFileBytes: number, read: ReadonlySet<string>): SourceFile[] {
  const listed: string[] = [];
  walk(root, '', { matches: (path) => /\.ya?ml$/i.test(path) && !read.has(path) }, listed, []);
  const reader = new FileReader(maxFileBytes);
  const files: SourceFile[] = [];
  for (const path of listed) {
    let bytes: Buffer | undefined;
    try {
      bytes = reader.read(`${root}/${path}`);
    } catch {
      continue;
    }
    if (bytes === undefined || !keep(bytes) || unicodeMarkReason(bytes) !== undefined || unreadableText(bytes) !== undefined) continue;
    files.push({ path, text: bytes.toString('utf8') });
  }
  return files.sort(byPath);
}

/** Writes the edited files back; refuses any path that would resolve outside `root`. */
export async function writeLocal(root: string, edits: readonly FileEdit[]): Promise<void> {
  const base = await realpath(root);
  for (const edit of edits) {
    const target = await realpath(join(root, edit.path));
    const rel = relative(base, target);
    if (rel.startsWith('..') || rel.split(sep).includes('..')) {
      throw new LocalPathError(`Refusing to write ${edit.path}: it resolves outside local-path.`);
    }
    const current = await readFile(target, 'utf8');
    if (current !== edit.before) {
      throw new LocalPathError(`${edit.path} changed on disk while the bump ran; nothing more was written.`);
    }
  }
  for (const edit of edits) await writeFile(join(root, edit.path), edit.after);
}
