// Reader threads: a local read is shared between the main thread and worker threads (one fewer than the machine's
// cores, at most two), so a large tree is listed and read on several cores. The entry points start the threads
// before they load the rest of the bundle (a thread takes ~40 ms to boot: by the time the settings are read and
// the walk starts, they are ready); a run that reads no folder never uses them, and they never keep the process
// alive.
//
// The work is a list of items (a folder, read with everything under it, or a batch of files) that each thread
// claims one at a time with a compare-and-swap on a shared array, so a fast thread takes more. What comes back is
// merged and sorted by path (local/disk.ts): the result does not depend on who read what. A thread that fails
// (its script missing, an exception, an exit) has its items read again by the main thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { claimItems, readItem, type JobMessage, type JobReply, type ReadJob } from './claims.js';
import type { PartReader, ReadPart } from './walk.js';

/** The main thread's number in the claims array (reader threads are 2, 3, …). */
const MAIN = 1;

/** One reader thread, as the main thread sees it. */
class ReaderThread {
  private failure: string | undefined;
  private readonly waiting = new Map<number, (reply: JobReply) => void>();
  /** Replies that came before the main thread asked for them (their job still running). */
  private readonly early = new Map<number, JobReply>();

  constructor(
    private readonly worker: Worker,
    readonly thread: number,
    private readonly active: ReadonlySet<number>,
  ) {
    worker.on('message', (reply: JobReply) => {
      const waiter = this.waiting.get(reply.id);
      if (waiter) waiter(reply);
      else if (this.active.has(reply.id)) this.early.set(reply.id, reply);
    });
    worker.on('error', (error: Error) => this.fail(error.message));
    worker.on('exit', (code) => this.fail(`exited with code ${code}`));
    // After the listeners: adding a 'message' listener refs the thread's port again.
    worker.unref();
  }

  get alive(): boolean {
    return this.failure === undefined;
  }

  private fail(why: string): void {
    this.failure ??= why;
    for (const [id, waiter] of this.waiting) waiter({ id, error: why });
  }

  send(message: JobMessage): void {
    this.worker.postMessage(message);
  }

  /** The thread's reply to job `id` (an error reply when it failed); keeps the process alive meanwhile. */
  async reply(id: number): Promise<JobReply> {
    const early = this.early.get(id);
    if (early) {
      this.early.delete(id);
      return early;
    }
    if (this.failure !== undefined) return { id, error: this.failure };
    this.worker.ref();
    try {
      return await new Promise<JobReply>((resolve) => this.waiting.set(id, resolve));
    } finally {
      this.waiting.delete(id);
      this.worker.unref();
    }
  }

  forget(id: number): void {
    this.early.delete(id);
  }
}

/** This process's reader threads (none until {@link warmReaders}). */
const readers: ReaderThread[] = [];
const activeJobs = new Set<number>();
let lastJob = 0;

/**
 * How many reader threads a read is worth here: one fewer than the cores, at most two. Each costs ~40 ms of CPU to
 * boot and ~10 MB; on this project's 2-core machine one reader takes a 10,000-file read from ~125 ms to ~90 ms, and
 * costs a run of a small tree ~10 ms (its boot competes with the bundle's loading). A third would mostly compete
 * with the main thread and V8's own threads for the 4 cores of GitHub's runners. `GITOPS_BUMP_READERS` overrides
 * it (0: none; a container limited to fewer CPUs than it sees; tests and the bench).
 */
function readerCount(env: NodeJS.ProcessEnv): number {
  const set = env.GITOPS_BUMP_READERS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), 8);
  return Math.max(0, Math.min(availableParallelism() - 1, 2));
}

/** Tests (`GITOPS_BUMP_READERS_ONLY=1`): the main thread leaves the shared items to the reader threads. */
let readersOnly = false;

/**
 * Starts the reader threads (once per process): called by the entry points before the bundle's bulk loads, when
 * the run is likely to read a folder. Their script is dist/lib/read-worker.js, next to the bundle (scripts/build.mjs
 * builds it); where it is missing (src/ run by a test) the threads fail at once and every read stays on the main
 * thread. `script`: another script (tests of a thread that fails).
 */
export function warmReaders(env: NodeJS.ProcessEnv, script = new URL(/* webpackIgnore: true */ './read-worker.js', import.meta.url)): void {
  if (readers.length > 0) return;
  readersOnly = env.GITOPS_BUMP_READERS_ONLY === '1';
  const count = readerCount(env);
  for (let k = 0; k < count; k++) {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      // No thread to be had (a process limit): the reads stay on the main thread, as without readers.
      return;
    }
    readers.push(new ReaderThread(worker, MAIN + 1 + k, activeJobs));
  }
}

/** How many reader threads are up (or booting). */
export function liveReaders(): number {
  return readers.filter((r) => r.alive).length;
}

/** The threads' shares: items read per thread, the main thread's first. */
export type Shares = readonly number[];

/**
 * Reads the job's items: the main thread (`main`, which has already read what it listed) takes its share, the
 * reader threads theirs. Returns every part, the main thread's last, and the items each thread read (the main
 * thread's first). With {@link readersOnly} the main thread reads only what the reader threads did not.
 */
export async function readShared(job: ReadJob, main: PartReader): Promise<{ parts: ReadPart[]; shares: Shares }> {
  const threads = readers.filter((r) => r.alive);
  const items = job.items;
  if (threads.length === 0 || items.length === 0 || (items.length === 1 && !readersOnly)) {
    for (const item of items) readItem(main, item);
    return { parts: [main.part], shares: [items.length] };
  }
  const claims = new Int32Array(new SharedArrayBuffer(4 * items.length));
  const id = ++lastJob;
  activeJobs.add(id);
  try {
    for (const thread of threads) thread.send({ id, job, claims: claims.buffer as SharedArrayBuffer, thread: thread.thread });
    let mine = readersOnly ? 0 : claimItems(claims, MAIN, (i) => readItem(main, items[i]!));
    // Every item is claimed now (by this thread's loop), except with readersOnly: then every live thread answers.
    const owners = readersOnly ? threads.map((t) => t.thread) : [...new Set(claims)].filter((t) => t !== MAIN);
    const parts: ReadPart[] = [];
    const shares: number[] = [];
    for (const thread of threads) {
      if (!owners.includes(thread.thread)) continue;
      const reply = await thread.reply(id);
      if ('part' in reply) {
        parts.push(reply.part);
        shares.push(reply.claimed);
        continue;
      }
      // Failed: its items are read here (whatever it read is dropped), as are any nobody claimed.
      for (let i = 0; i < items.length; i++) {
        if (claims[i] === thread.thread) {
          claims[i] = MAIN;
          readItem(main, items[i]!);
          mine++;
        }
      }
    }
    mine += claimItems(claims, MAIN, (i) => readItem(main, items[i]!));
    return { parts: [...parts, main.part], shares: [mine, ...shares] };
  } finally {
    activeJobs.delete(id);
    for (const thread of threads) thread.forget(id);
  }
}
