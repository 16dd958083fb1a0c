/**
 * One long-lived `git cat-file --batch-command --buffer` per repository (`--batch` where git is older than
 * 2.36): object reads without a process each. Requests are written to its stdin (those of one event-loop turn
 * in one write) and answered in order.
 *
 * git looks objects up on demand (loose objects on disk, and it rescans the pack directory when an object is
 * not found), so objects written by other git processes after this one started are visible to it. Refs are
 * never asked here: callers pass object ids only (refs move; they are read fresh elsewhere).
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** `--batch-command` (info without reading the object) or `--batch` (every answer carries the object). */
export type CatFileMode = 'batch-command' | 'batch';

/** An object's header, and its bytes when they were read. */
export interface CatFileObject {
  oid: string;
  type: 'commit' | 'tree' | 'blob' | 'tag';
  size: number;
  /** Always set for `contents`; set for `info` only in `batch` mode. */
  bytes?: Buffer;
}

interface Waiter {
  kind: 'info' | 'contents';
  oid: string;
  /** Set once the request was sent again to a new process after the one it was waiting on died. */
  retried?: boolean;
  header?: CatFileObject;
  resolve: (object: CatFileObject | null) => void;
  reject: (error: Error) => void;
}

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

/**
 * First in, first out, in O(1) per request: `Array.prototype.shift` moves every element left, which made a burst of
 * thousands of reads (a listing with texts of 5,000 files) quadratic.
 */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    // Drop the consumed front now and then, so a long-lived queue does not grow without bound.
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Empties the queue, returning what was in it, in order. */
  takeAll(): T[] {
    const all = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return all;
  }
}

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
let detectedMode: CatFileMode | undefined;
const live = new Set<Child>();

/** How many cat-file processes this process has running (tests check none is left behind). */
export function liveCatFileProcesses(): number {
  return live.size;
}

/** `batch-command` when the installed git has it (2.36+), else `batch`; asked once per process. */
export function defaultCatFileMode(): CatFileMode {
  if (detectedMode === undefined) {
    const out = spawnSync('git', ['version'], { encoding: 'utf8' }).stdout ?? '';
    const match = /(\d+)\.(\d+)/.exec(out);
    const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    detectedMode = major > 2 || (major === 2 && minor >= 36) ? 'batch-command' : 'batch';
  }
  return detectedMode;
}

/** A cat-file process of one git directory, started on first use and restarted if it dies. */
export class CatFile {
  private child: Child | null = null;
  private queue = new Fifo<Waiter>();
  private chunks: Buffer[] = [];
  private buffered = 0;
  private closed = false;

  constructor(
    readonly gitDir: string,
    readonly mode: CatFileMode = defaultCatFileMode(),
    private readonly env: Record<string, string> = {},
  ) {}

  /** The running process's id, or null (for tests). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Type and size of an object (and, in `batch` mode, its bytes), or null when it does not exist. */
  info(oid: string): Promise<CatFileObject | null> {
    return this.request('info', oid);
  }

  /** Type, size and bytes of an object, or null when it does not exist. */
  contents(oid: string): Promise<CatFileObject | null> {
    return this.request('contents', oid);
  }

  /**
   * Ends the process (git answers what is pending, then exits at the end of its input) and waits for it.
   * Later requests are refused: a closed repository is no longer served.
   */
  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    this.setRef(child, true);
    this.flush(child);
    child.stdin.end();
    await exited;
  }

  private request(kind: 'info' | 'contents', oid: string): Promise<CatFileObject | null> {
    if (!OID.test(oid)) return Promise.reject(new Error(`cat-file: '${oid}' is not an object id`));
    if (this.closed) return Promise.reject(new Error(`cat-file (${this.gitDir}): closed`));
    return new Promise<CatFileObject | null>((resolve, reject) => this.send({ kind, oid, resolve, reject }));
  }

  private send(waiter: Waiter): void {
    const child = this.child ?? this.start();
    if (this.queue.length === 0) this.setRef(child, true);
    this.queue.push(waiter);
    this.outgoing.push(this.mode === 'batch-command' ? `${waiter.kind} ${waiter.oid}\n` : `${waiter.oid}\n`);
    if (this.outgoing.length === 1) setImmediate(() => this.flush(child));
  }

  /** Requests made in one turn of the event loop go out in one write (and, with --batch-command, one flush). */
  private outgoing: string[] = [];

  private flush(child: Child): void {
    // A process replaced meanwhile: its successor got the requests again and flushes them itself.
    if (child !== this.child) return;
    const lines = this.outgoing;
    this.outgoing = [];
    if (lines.length === 0) return;
    if (this.mode === 'batch-command') lines.push('flush\n');
    child.stdin.write(lines.join(''));
  }

  private start(): Child {
    // --buffer: git holds its answers until `flush` (batch-command only), so a burst of requests costs few writes.
    const args = ['--git-dir', this.gitDir, 'cat-file', `--${this.mode}`, ...(this.mode === 'batch-command' ? ['--buffer'] : [])];
    const child = spawn('git', args, {
      env: { ...process.env, ...this.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    live.add(child);
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-2000);
    });
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stdin.on('error', () => undefined);
    const fail = (reason: string): void => {
      live.delete(child);
      if (this.child !== child) return;
      this.child = null;
      this.chunks = [];
      this.buffered = 0;
      this.outgoing = [];
      const waiting = this.queue.takeAll();
      // A process that died under a request (killed, say) is replaced once; a second death is an error.
      for (const waiter of waiting) {
        if (!waiter.retried && !this.closed) {
          waiter.retried = true;
          delete waiter.header;
          this.send(waiter);
        } else {
          waiter.reject(new Error(`git cat-file (${this.gitDir}) ${reason}${stderr ? `: ${stderr.trim()}` : ''}`));
        }
      }
    };
    child.on('error', (error) => fail(`could not run: ${error.message}`));
    child.on('close', (code, signal) => fail(`exited (${signal ?? code})`));
    this.child = child;
    this.setRef(child, false);
    return child;
  }

  /** Keeps the event loop alive only while answers are awaited (an idle emulator never holds a process open). */
  private setRef(child: Child, on: boolean): void {
    // The pipes are sockets: they hold the event loop like the process handle does.
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as unknown as { ref(): void; unref(): void }[]) {
      if (on) handle.ref();
      else handle.unref();
    }
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    try {
      this.drain();
    } catch (error) {
      // Out of step with git: nothing later can be trusted. Kill it; waiters are rejected on close.
      this.child?.kill();
      const waiting = this.queue.takeAll();
      for (const waiter of waiting) waiter.reject(error as Error);
    }
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const waiter = this.queue.peek()!;
      if (!waiter.header) {
        const line = this.takeLine();
        if (line === null) return;
        const parts = line.split(' ');
        if (parts.length === 2 && parts[0] === waiter.oid && (parts[1] === 'missing' || parts[1] === 'ambiguous')) {
          this.settle(null);
          continue;
        }
        const [oid, type, size] = parts;
        if (parts.length !== 3 || oid !== waiter.oid || !['commit', 'tree', 'blob', 'tag'].includes(type!) || !/^\d+$/.test(size!)) {
          throw new Error(`git cat-file answered an unexpected line: ${JSON.stringify(line.slice(0, 200))}`);
        }
        waiter.header = { oid: oid!, type: type as CatFileObject['type'], size: Number(size) };
        if (waiter.kind === 'info' && this.mode === 'batch-command') {
          this.settle(waiter.header);
          continue;
        }
      }
      const header = waiter.header;
      // The object's bytes, then a newline.
      if (this.buffered < header.size + 1) return;
      const bytes = this.take(header.size + 1);
      if (bytes[header.size] !== 0x0a) throw new Error('git cat-file: an object did not end with a newline');
      this.settle({ ...header, bytes: bytes.subarray(0, header.size) });
    }
  }

  private settle(object: CatFileObject | null): void {
    const waiter = this.queue.shift()!;
    if (this.queue.length === 0 && this.child) this.setRef(this.child, false);
    waiter.resolve(object);
  }

  /** The next line (without its newline) when it has fully arrived, else null. */
  private takeLine(): string | null {
    let offset = 0;
    for (const chunk of this.chunks) {
      const newline = chunk.indexOf(0x0a);
      if (newline !== -1) return this.take(offset + newline + 1).toString('utf8', 0, offset + newline);
      offset += chunk.length;
    }
    return null;
  }

  /** Removes and returns the first `n` buffered bytes (n <= buffered). */
  private take(n: number): Buffer {
    // A copy, so a kept object never pins the whole chunk it arrived in.
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0]!;
      const part = Math.min(chunk.length, n - filled);
      chunk.copy(out, filled, 0, part);
      filled += part;
      if (part === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part);
    }
    this.buffered -= n;
    return out;
  }
}
