// The protocol between the main thread and the reader threads (local/readers.ts): the job, its items, how a thread
// claims them and what it answers. Both sides import it; the reader script (local/read-worker.ts) needs nothing else
// of the main thread's side.
import type { ReadFilter } from '../core/prefilter.js';
import type { PartReader, ReadPart } from './walk.js';

/** A folder (read with everything under it) or a batch of files, by path relative to the root. */
export type ReadItem = string | readonly string[];

/** What a thread needs to read its share: plain data. */
export interface ReadJob {
  readonly root: string;
  /** The `paths` matcher's sources (core/paths.ts `matcherOf`). */
  readonly sources: readonly (readonly string[])[];
  readonly filter: ReadFilter | undefined;
  readonly maxFileBytes: number;
  readonly items: readonly ReadItem[];
}

/** The message a reader thread gets: a job, the claims array (one Int32 per item: 0, or the thread that took it). */
export interface JobMessage {
  readonly id: number;
  readonly job: ReadJob;
  readonly claims: SharedArrayBuffer;
  readonly thread: number;
}

/** A reader thread's answer to a job: what it read (`claimed` items), or why it failed. */
export type JobReply = { readonly id: number; readonly part: ReadPart; readonly claimed: number } | { readonly id: number; readonly error: string };

/** Reads one item with `reader`. */
export function readItem(reader: PartReader, item: ReadItem): void {
  if (typeof item === 'string') reader.folder(item);
  else for (const path of item) reader.file(path);
}

/**
 * Claims the items of `claims` for `thread` one at a time (first come, first served) and reads each claimed one
 * with `read`. Returns how many it claimed.
 */
export function claimItems(claims: Int32Array, thread: number, read: (index: number) => void): number {
  let claimed = 0;
  for (let i = 0; i < claims.length; i++) {
    if (Atomics.compareExchange(claims, i, 0, thread) === 0) {
      claimed++;
      read(i);
    }
  }
  return claimed;
}
