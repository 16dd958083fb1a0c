// A reader thread (local/readers.ts), built on its own as dist/lib/read-worker.js: for each job the main thread
// posts, claims items one at a time, reads them as the main thread would, and posts what it read. Nothing else of
// the bundle loads here.
import { parentPort } from 'node:worker_threads';
import { matcherOf } from '../core/paths.js';
import { readFilterTest } from '../core/prefilter.js';
import { claimItems, readItem, type JobMessage, type JobReply } from './claims.js';
import { PartReader } from './walk.js';

const port = parentPort!;
port.on('message', ({ id, job, claims, thread }: JobMessage) => {
  let reply: JobReply;
  try {
    const reader = new PartReader(job.root, matcherOf(job.sources).matches, job.filter && readFilterTest(job.filter), job.maxFileBytes);
    const claimed = claimItems(new Int32Array(claims), thread, (i) => readItem(reader, job.items[i]!));
    reply = { id, part: reader.part, claimed };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
