// The synchronous walk and read under a local folder, run alike by the main thread and the reader threads
// (local/readers.ts). Symlinks and submodules are never followed; binary, non-UTF-8 (UTF-16 …) and oversized files
// are skipped with a note.
//
// Listing and reading are synchronous on purpose: a thread does nothing else meanwhile, and ten thousand awaited
// open/stat/read/close round trips through the thread pool cost seconds where this costs milliseconds. What runs in
// parallel is whole folders, one per thread at a time (local/readers.ts).
import { closeSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { unicodeMarkReason, unreadableText } from '../core/encoding.js';
import type { Skip, SourceFile } from '../core/types.js';

/** What one folder holds: its selected files and its subfolders (paths relative to the root). */
export interface Level {
  readonly files: string[];
  readonly folders: string[];
}

/**
 * The entries of the folder `dir` under `root` ('' for the root itself): selected files, and folders to walk on
 * (never `.git`). Links are noted in `skipped` when selected (or when they point at a folder), never followed. A
 * folder holding `.git` is a submodule or nested repository: noted, never entered (undefined). An unreadable
 * folder is noted (undefined); an unreadable root throws.
 */
export function listFolder(root: string, dir: string, matches: (path: string) => boolean, skipped: Skip[]): Level | undefined {
  let entries: Dirent[];
  try {
    // Plain concatenation: `root` is the folder as given and `dir` is built from directory entries, so path.join's
    // normalisation would only cost time (it showed in the 10,000-file benchmark).
    entries = readdirSync(dir === '' ? root : `${root}/${dir}`, { withFileTypes: true });
  } catch (error) {
    if (dir === '') throw error;
    skipped.push({ path: dir, reason: `folder not readable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
  if (dir !== '' && entries.some((e) => e.name === '.git')) {
    skipped.push({ path: dir, reason: 'submodule or nested repository (never entered)' });
    return undefined;
  }
  const level: Level = { files: [], folders: [] };
  for (const entry of entries) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== '.git') level.folders.push(path);
    } else if (entry.isFile()) {
      if (matches(path)) level.files.push(path);
    } else if (entry.isSymbolicLink()) {
      if (matches(path)) skipped.push({ path, reason: 'symbolic link (never followed)' });
      else if (linksToFolder(join(root, path))) skipped.push({ path, reason: 'symbolic link to a folder (never followed)' });
    }
  }
  return level;
}

/** True when the link at `absolute` resolves to a folder (its target's type only: nothing is read through it). */
function linksToFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/** Every selected file under the folder `dir` (depth first, in the order the folders give their entries). */
export function walkFolder(root: string, dir: string, matches: (path: string) => boolean, out: string[], skipped: Skip[]): void {
  const level = listFolder(root, dir, matches, skipped);
  if (level === undefined) return;
  for (const path of level.files) out.push(path);
  for (const folder of level.folders) walkFolder(root, folder, matches, out, skipped);
}

/**
 * Reads a whole file into a reusable buffer: one read for any file smaller than the buffer, since a read of a
 * regular file that returns fewer bytes than asked for has reached its end (the read that would only return 0 is
 * not made; an fstat for the size would cost as much as that read). A file that fills the buffer grows it, up to
 * max-file-size + 1 bytes: more means oversized. Should a file change meanwhile, writeLocal finds it changed and
 * writes nothing.
 */
export class FileReader {
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

/** What one thread read: plain data (a reader thread posts it to the main thread as it is). */
export interface ReadPart {
  /** The files kept (decoded). */
  readonly files: SourceFile[];
  /** Listing notes: links, submodules, unreadable folders. */
  readonly skipped: Skip[];
  /** Selected files not read as text: oversized, UTF-16/32, binary, not UTF-8. */
  readonly unread: Skip[];
  /** Selected files that could not be opened or read (the read fails, naming the first by path). */
  readonly failed: { readonly path: string; readonly message: string }[];
  /** Regular files the globs selected, before the byte filter. */
  selected: number;
}

export function emptyPart(): ReadPart {
  return { files: [], skipped: [], unread: [], failed: [], selected: 0 };
}

/**
 * Reads selected files and folders under `root` into one {@link ReadPart}: each file once; only the files `keep`
 * accepts on their bytes are decoded and kept (all without `keep`).
 */
export class PartReader {
  readonly part: ReadPart = emptyPart();
  private readonly reader: FileReader;

  constructor(
    private readonly root: string,
    private readonly matches: (path: string) => boolean,
    private readonly keep: ((bytes: Buffer, path: string) => boolean) | undefined,
    private readonly maxFileBytes: number,
  ) {
    this.reader = new FileReader(maxFileBytes);
  }

  /** Lists the folder `dir` (one level): its files are read, its subfolders returned (undefined: not entered). */
  level(dir: string): string[] | undefined {
    const level = listFolder(this.root, dir, this.matches, this.part.skipped);
    if (level === undefined) return undefined;
    for (const path of level.files) this.file(path);
    return level.folders;
  }

  /** Reads everything selected under the folder `dir`. */
  folder(dir: string): void {
    for (const sub of this.level(dir) ?? []) this.folder(sub);
  }

  /** Reads one selected file. */
  file(path: string): void {
    const part = this.part;
    part.selected++;
    let bytes: Buffer | undefined;
    try {
      bytes = this.reader.read(`${this.root}/${path}`);
    } catch (error) {
      part.failed.push({ path, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (bytes === undefined) {
      part.unread.push({ path, reason: `larger than max-file-size (${this.maxFileBytes} bytes)` });
      return;
    }
    // A UTF-16 or UTF-32 file is listed whether or not it names an image: its bytes cannot be searched for the
    // UTF-8 name, and it must not be passed over in silence.
    const marked = unicodeMarkReason(bytes);
    if (marked !== undefined) {
      part.unread.push({ path, reason: marked });
      return;
    }
    if (this.keep && !this.keep(bytes, path)) return;
    const unreadable = unreadableText(bytes);
    if (unreadable !== undefined) {
      part.unread.push({ path, reason: unreadable });
      return;
    }
    part.files.push({ path, text: bytes.toString('utf8') });
  }
}
