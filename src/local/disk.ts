// The Source on a directory: the files under `root` that the `paths` globs select (the walk itself: local/walk.ts,
// shared with the reader threads: local/readers.ts). Symlinks and submodules are never followed; binary,
// non-UTF-8 (UTF-16 …) and oversized files are skipped with a note.
import { lstatSync, type Stats } from 'node:fs';
import { readFile, realpath, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { unicodeMarkReason, unreadableText } from '../core/encoding.js';
import { byPath, type PathMatcher } from '../core/paths.js';
import { readFilterTest, type ReadFilter } from '../core/prefilter.js';
import type { FileEdit, Snapshot, SourceFile } from '../core/types.js';
import type { ReadItem } from './claims.js';
import { liveReaders, readShared } from './readers.js';
import { FileReader, listFolder, PartReader, walkFolder } from './walk.js';

export interface LocalReadOptions {
  readonly maxFileBytes: number;
  /**
   * Keeps only files whose bytes pass (hold a requested image's or chart's name, core/prefilter.ts): a bump is then
   * proportional to the bytes that can hold the image, not to the repository, and the rest are never decoded or
   * kept. Data, not a function: the reader threads build the same test from it.
   */
  readonly keep?: ReadFilter;
}

export class LocalPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalPathError';
  }
}

/**
 * Why a path under the folders `segments` (relative to `root`, outermost first) must not be read: one of them
 * is a symbolic link (`lstat` of `a/link/x.yaml` would silently follow `link`) or a submodule / nested
 * repository. Undefined when every folder is a plain folder of this tree (or does not exist).
 */
function blockedFolder(root: string, segments: readonly string[]): string | undefined {
  for (let i = 1; i <= segments.length; i++) {
    const folder = segments.slice(0, i).join('/');
    let info: Stats;
    try {
      info = lstatSync(join(root, folder));
    } catch {
      return undefined;
    }
    if (info.isSymbolicLink()) return `inside ${folder}, a symbolic link (never followed)`;
    if (!info.isDirectory()) return undefined;
    try {
      lstatSync(join(root, folder, '.git'));
      return `inside ${folder}, a submodule or nested repository (never entered)`;
    } catch {
      // not a repository of its own
    }
  }
  return undefined;
}

/** Throws a LocalPathError naming the input unless `root` is a folder. */
function checkRoot(root: string): void {
  try {
    const info = lstatSync(root);
    if (!info.isDirectory()) throw new LocalPathError(`Input 'local-path': '${root}' is not a folder.`);
  } catch (error) {
    if (error instanceof LocalPathError) throw error;
    throw new LocalPathError(`Input 'local-path': '${root}' does not exist.`);
  }
}

/** Items to share between threads: once this many folders are listed, the rest of the walk is shared. */
const SHARE_FOLDERS = 64;
/** Files listed before sharing go to the threads in batches of this many. */
const FILE_BATCH = 64;

/** What {@link readLocal} read, and how the reading was shared (for the debug log). */
export interface LocalSnapshot extends Snapshot {
  /** Items (folders, batches of files) read per thread, the main thread's first; one entry when it read alone. */
  readonly shares: readonly number[];
}

/**
 * Reads the selected files under `root` as one snapshot: each file once; only the files the byte-level filter
 * `keep` accepts are decoded and kept. The fixed folders of the globs are listed here, level by level, until there
 * are enough folders to share; the rest of the walk is shared with the reader threads (local/readers.ts). The
 * result is sorted by path (files, then listing notes, then files not read), so it does not depend on the order
 * the folders give their entries in, nor on which thread read what.
 */
export async function readLocal(root: string, paths: PathMatcher, options: LocalReadOptions): Promise<LocalSnapshot> {
  checkRoot(root);
  const keep = options.keep && readFilterTest(options.keep);
  const main = new PartReader(root, paths.matches, keep, options.maxFileBytes);
  const skipped = main.part.skipped;
  let items: ReadItem[] = [];
  if (paths.literals) {
    const files: string[] = [];
    for (const path of paths.literals) {
      const blocked = blockedFolder(root, path.split('/').slice(0, -1));
      if (blocked) {
        skipped.push({ path, reason: blocked });
        continue;
      }
      try {
        const info = lstatSync(join(root, path));
        if (info.isSymbolicLink()) skipped.push({ path, reason: 'symbolic link (never followed)' });
        else if (info.isFile()) files.push(path);
        // A folder named like a file: the files under it (a literal selects its path and everything under it).
        else if (info.isDirectory()) walkFolder(root, path, paths.matches, files, skipped);
      } catch {
        skipped.push({ path, reason: 'not found' });
      }
    }
    for (const path of new Set(files)) main.file(path);
  } else {
    let folders: string[] = [];
    const files: string[] = [];
    for (const prefix of paths.prefixes) {
      // The walk itself never enters a link or a submodule; the folders of a fixed prefix are checked here.
      const segments = prefix === '' ? [] : prefix.split('/');
      const blocked = blockedFolder(root, segments.slice(0, -1));
      if (blocked) {
        skipped.push({ path: prefix, reason: blocked });
        continue;
      }
      try {
        const info = lstatSync(join(root, prefix));
        if (info.isSymbolicLink()) {
          skipped.push({ path: prefix, reason: 'symbolic link (never followed)' });
          continue;
        }
        // A prefix without glob magic may name a file (`envs/prod/values.yaml` beside a glob).
        if (info.isFile() && paths.matches(prefix)) files.push(prefix);
        if (info.isDirectory()) folders.push(prefix);
      } catch {
        // not there: nothing selected under it
      }
    }
    // Alone, the main thread walks everything itself; with reader threads, it lists the first levels (breadth
    // first) until there are enough folders for every thread to take some.
    while (liveReaders() > 0 && folders.length > 0 && folders.length < SHARE_FOLDERS) {
      const next: string[] = [];
      for (const dir of folders) {
        const level = listFolder(root, dir, paths.matches, skipped);
        if (level === undefined) continue;
        // Loops, not push(...): a folder may hold more entries than a call takes arguments.
        for (const file of level.files) files.push(file);
        for (const folder of level.folders) next.push(folder);
      }
      folders = next;
    }
    items = [...folders];
    for (let i = 0; i < files.length; i += FILE_BATCH) items.push(files.slice(i, i + FILE_BATCH));
  }
  const job = { root, sources: paths.sources, filter: options.keep, maxFileBytes: options.maxFileBytes, items };
  const { parts, shares } = await readShared(job, main);
  const failed = parts.flatMap((p) => p.failed).sort(byPath);
  if (failed.length > 0) throw new Error(failed[0]!.message);
  return {
    files: parts.flatMap((p) => p.files).sort(byPath),
    skipped: [...parts.flatMap((p) => p.skipped).sort(byPath), ...parts.flatMap((p) => p.unread).sort(byPath)],
    selected: parts.reduce((n, p) => n + p.selected, 0),
    shares,
  };
}

/**
 * The YAML files anywhere under `root` (links and submodules never entered) that `keep` accepts on their bytes,
 * other than `read` (already in the snapshot): read-only context, e.g. the Flux sources a selected HelmRelease names
 * (core/chart-sources.ts). Files that cannot be read or decoded are passed over: context never fails a run.
 */
export function readContext(root: string, keep: (bytes: Buffer) => boolean, maxFileBytes: number, read: ReadonlySet<string>): SourceFile[] {
  const listed: string[] = [];
  walkFolder(root, '', (path) => /\.ya?ml$/i.test(path) && !read.has(path), listed, []);
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
