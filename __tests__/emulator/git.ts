/**
 * Async git plumbing for the emulator. Every read and write goes through `git` itself, so the
 * served directory is always a real repository and `git log` shows exactly what clients did.
 * Object reads go to one long-lived `git cat-file` per repository (cat-file.ts) and are cached by
 * object id (objects are immutable); refs are read fresh every time; writes run a git process each
 * (a whole commit of file changes is one `git fast-import`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatFile, type CatFileMode, type CatFileObject } from './cat-file.js';

/** The all-zero object id: "no object" in update-ref / index-info. */
export const ZERO_OID = '0000000000000000000000000000000000000000';
/** The object id of the empty tree (sha1). */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const OID = /^[0-9a-f]{40}$/;
/** A full ref name without revision syntax (`~`, `^`, `:`, `@{`, …): read from the ref store, not parsed. */
const PLAIN_REF = /^refs\/[A-Za-z0-9_.+-]+(?:\/[A-Za-z0-9_.+-]+)+$/;
const BLOB_CACHE_ITEM = 1 << 20;
const BLOB_CACHE_TOTAL = 64 << 20;

/** A git command that exited non-zero. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} exited ${code}: ${stderr.trim()}`);
    this.name = 'GitError';
  }
}

/** Options of one git invocation. */
export interface GitRunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Return the result instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
}

/** The outcome of one git invocation. */
export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

const BASE_ENV: Record<string, string> = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  LC_ALL: 'C',
  GIT_LITERAL_PATHSPECS: '1',
};

interface RunnerReply {
  id: number;
  code?: number;
  stdout?: Uint8Array;
  stderr?: string;
  error?: string;
}

/** The helper process that spawns git (see git-runner.mjs), started on first use. */
class Runner {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: RunnerReply) => void; reject: (error: Error) => void }>();

  private start(): ChildProcess {
    const script = fileURLToPath(new URL('./git-runner.mjs', import.meta.url));
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
    child.on('message', (reply: RunnerReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      waiter.resolve(reply);
    });
    child.on('exit', () => {
      if (this.child === child) this.child = null;
      for (const waiter of this.pending.values()) waiter.reject(new Error('the git runner process exited'));
      this.pending.clear();
    });
    this.child = child;
    this.idle();
    return child;
  }

  /** Lets the process exit while nothing is pending. */
  private idle(): void {
    if (this.pending.size === 0) {
      this.child?.unref();
      this.child?.channel?.unref();
    }
  }

  /** Runs git in the helper; `env` is added to the helper's own environment (inherited from ours). */
  run(args: readonly string[], input: Buffer | undefined, env: Record<string, string>): Promise<RunnerReply> {
    const child = this.child ?? this.start();
    const id = this.nextId++;
    child.ref();
    child.channel?.ref();
    return new Promise<RunnerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send({ id, args, input: input ? new Uint8Array(input) : undefined, env });
    }).finally(() => this.idle());
  }
}

const runner = new Runner();
let processes = 0;

/** How many git processes `git()` has run in this process (cat-file's long-lived ones not counted). */
export function gitProcessCount(): number {
  return processes;
}

/** Runs `git --git-dir=<gitDir> args…` without blocking the event loop. */
export async function git(gitDir: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  processes++;
  const input = options.input === undefined ? undefined : Buffer.isBuffer(options.input) ? options.input : Buffer.from(options.input, 'utf8');
  const reply = await runner.run(['--git-dir', gitDir, ...args], input, { ...BASE_ENV, ...options.env });
  if (reply.error !== undefined) throw new Error(`cannot run git: ${reply.error}`);
  const result = { code: reply.code ?? 1, stdout: Buffer.from(reply.stdout ?? new Uint8Array()), stderr: reply.stderr ?? '' };
  if (result.code !== 0 && !options.allowFailure) throw new GitError(args, result.code, result.stderr);
  return result;
}

/** `git …` returning trimmed stdout as text. */
export async function gitText(gitDir: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return (await git(gitDir, args, options)).stdout.toString('utf8').trim();
}

/** A person line of a commit (author or committer). */
export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601, UTC, no milliseconds (GitHub's form). */
  date: string;
}

/** A parsed commit object. */
export interface CommitObject {
  oid: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
}

/** One entry of a tree listing. */
export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Blob size in bytes; undefined for trees and submodules. */
  size?: number;
  path: string;
}

/** Typed access to one git repository. */
export class GitRepo {
  /** Objects are immutable: their type, size, parsed commits and trees, and listings are cached by id. */
  private readonly types = new Map<string, 'commit' | 'tree' | 'blob' | 'tag'>();
  private readonly sizes = new Map<string, number>();
  private readonly commits = new Map<string, CommitObject>();
  private readonly trees = new Map<string, Map<string, TreeEntry>>();
  private readonly listings = new Map<string, TreeEntry[]>();
  private readonly files = new Map<string, TreeEntry[]>();
  private readonly blobs = new Map<string, Buffer>();
  private blobBytes = 0;
  private readonly cat: CatFile;

  constructor(readonly gitDir: string, options: { catFileMode?: CatFileMode } = {}) {
    this.cat = new CatFile(gitDir, options.catFileMode, BASE_ENV);
  }

  run(args: readonly string[], options?: GitRunOptions): Promise<GitResult> {
    return git(this.gitDir, args, options);
  }

  /** Ends the repository's cat-file process (the emulator calls it on stop). */
  close(): Promise<void> {
    return this.cat.close();
  }

  /** The cat-file process's id while one runs (for tests). */
  get catFilePid(): number | null {
    return this.cat.pid;
  }

  /**
   * Resolves a revision to an object id of `type` (default any), or null. Object ids and plain full ref
   * names (`refs/heads/main`, read fresh) are answered without a process; other revisions ask `git rev-parse`.
   */
  async resolve(rev: string, type?: 'commit' | 'tree' | 'blob'): Promise<string | null> {
    let oid: string | null = OID.test(rev) ? rev : null;
    if (oid === null && PLAIN_REF.test(rev) && !rev.endsWith('.lock')) oid = await this.readRef(rev);
    if (oid !== null) {
      // rev-parse --verify answers a full object id without looking it up.
      if (type === undefined) return oid;
      const actual = await this.objectType(oid);
      if (actual === type) return oid;
      if (actual === 'commit' && type === 'tree') return (await this.readCommit(oid))?.tree ?? null;
      if (actual !== 'tag') return null;
      // An annotated tag: let git peel it.
    }
    const spec = type ? `${rev}^{${type}}` : rev;
    const result = await git(this.gitDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', spec], { allowFailure: true });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** Remembers what cat-file told about an object. */
  private learn(object: CatFileObject): void {
    this.types.set(object.oid, object.type);
    if (object.type === 'blob') {
      this.sizes.set(object.oid, object.size);
      const bytes = object.bytes;
      if (bytes && !this.blobs.has(object.oid) && bytes.length <= BLOB_CACHE_ITEM && this.blobBytes + bytes.length <= BLOB_CACHE_TOTAL) {
        this.blobs.set(object.oid, bytes);
        this.blobBytes += bytes.length;
      }
    }
  }

  /** The type of an object, or null when it does not exist. */
  async objectType(oid: string): Promise<'commit' | 'tree' | 'blob' | 'tag' | null> {
    if (!OID.test(oid)) return null;
    const known = this.types.get(oid);
    if (known) return known;
    const object = await this.cat.info(oid);
    if (!object) return null;
    this.learn(object);
    return object.type;
  }

  /** The size of a blob in bytes, or undefined when `oid` is not a blob of this repository. */
  async blobSize(oid: string): Promise<number | undefined> {
    const known = this.sizes.get(oid);
    if (known !== undefined) return known;
    return (await this.objectType(oid)) === 'blob' ? this.sizes.get(oid) : undefined;
  }

  /** The bytes of a blob. */
  async readBlob(oid: string): Promise<Buffer> {
    const cached = this.blobs.get(oid);
    if (cached) return cached;
    const object = OID.test(oid) ? await this.cat.contents(oid) : null;
    if (!object || object.type !== 'blob' || !object.bytes) {
      throw new GitError(['cat-file', 'blob', oid], 128, object ? `fatal: git cat-file ${oid}: bad file` : `fatal: Not a valid object name ${oid}`);
    }
    this.learn(object);
    return object.bytes;
  }

  /** Reads and parses a commit object, or null when `oid` is not a commit. */
  async readCommit(oid: string): Promise<CommitObject | null> {
    const cached = this.commits.get(oid);
    if (cached) return cached;
    if (!OID.test(oid) || (this.types.has(oid) && this.types.get(oid) !== 'commit')) return null;
    const object = await this.cat.contents(oid);
    if (!object) return null;
    this.learn(object);
    if (object.type !== 'commit' || !object.bytes) return null;
    const commit = parseCommit(oid, object.bytes.toString('utf8'));
    this.commits.set(oid, commit);
    return commit;
  }

  /** The entries of one tree object by name, in git's order (cached), or null when `oid` is not a tree. */
  private async readTree(oid: string): Promise<Map<string, TreeEntry> | null> {
    const cached = this.trees.get(oid);
    if (cached) return cached;
    if (this.types.has(oid) && this.types.get(oid) !== 'tree') return null;
    const object = await this.cat.contents(oid);
    if (!object) return null;
    this.learn(object);
    if (object.type !== 'tree' || !object.bytes) return null;
    const tree = parseTree(object.bytes, oid.length / 2);
    this.trees.set(oid, tree);
    return tree;
  }

  /** The tree a tree-ish names: a tree or commit id, or `<id>:<path>`; null when it names none; undefined when git must decide. */
  private async treeOf(treeish: string): Promise<string | null | undefined> {
    const colon = treeish.indexOf(':');
    const base = colon === -1 ? treeish : treeish.slice(0, colon);
    if (!OID.test(base)) return undefined;
    const type = await this.objectType(base);
    const root = type === 'tree' ? base : type === 'commit' ? ((await this.readCommit(base))?.tree ?? null) : type === 'tag' ? undefined : null;
    if (root == null || colon === -1 || colon === treeish.length - 1) return root;
    const entry = await this.entryAt(root, treeish.slice(colon + 1));
    return entry?.type === 'tree' ? entry.oid : null;
  }

  /**
   * The blobs and submodules of a tree, recursively, without sizes (cached; seeded by buildTree
   * so consecutive commits never list their parent tree again).
   */
  async listFiles(tree: string): Promise<TreeEntry[]> {
    const cached = this.files.get(tree);
    if (cached) return cached;
    const root = await this.treeOf(tree);
    const all = root == null ? await this.listTreeWithGit(tree, true) : await this.walk(root, '', true, false);
    const files = all.filter((e) => e.type !== 'tree');
    if (OID.test(tree)) this.files.set(tree, files);
    return files;
  }

  /**
   * Lists a tree (optionally recursively, including subtrees) in `git ls-tree -r -t` order, with blob sizes
   * unless `sizes` is false (a size costs a lookup per blob; GraphQL asks them one by one with blobSize).
   */
  async listTree(treeish: string, recursive: boolean, { sizes = true }: { sizes?: boolean } = {}): Promise<TreeEntry[]> {
    const root = await this.treeOf(treeish);
    if (root == null) return this.listTreeWithGit(treeish, recursive);
    const key = `${root}:${recursive}:${sizes}`;
    const cached = this.listings.get(key);
    if (cached) return cached;
    const listing = await this.walk(root, '', recursive, sizes);
    this.listings.set(key, listing);
    return listing;
  }

  /** The entries under one tree (subtrees before their contents when recursive). */
  private async walk(oid: string, prefix: string, recursive: boolean, sized: boolean): Promise<TreeEntry[]> {
    const tree = await this.readTree(oid);
    if (!tree) throw new GitError(['ls-tree', oid], 128, 'fatal: not a tree object');
    // Every lookup of a level is asked at once (cat-file answers them in a pipeline), then put in order.
    const parts = await Promise.all(
      [...tree.values()].map(async (entry): Promise<TreeEntry[]> => {
        const listed: TreeEntry = { ...entry, path: prefix + entry.path };
        if (sized && entry.type === 'blob') {
          const size = await this.blobSize(entry.oid);
          if (size !== undefined) listed.size = size;
        }
        return recursive && entry.type === 'tree' ? [listed, ...(await this.walk(entry.oid, `${listed.path}/`, true, sized))] : [listed];
      }),
    );
    return parts.flat();
  }

  /** `git ls-tree` itself, for tree-ishes that are not object ids (a ref, `HEAD:dir`). */
  private async listTreeWithGit(treeish: string, recursive: boolean): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), treeish];
    return parseLsTree((await git(this.gitDir, args)).stdout.toString('utf8'));
  }

  /** The entry at `path` inside `treeish` (with its size when a blob, unless `sizes` is false), or null. */
  async entryAt(treeish: string, path: string, { sizes = true }: { sizes?: boolean } = {}): Promise<TreeEntry | null> {
    if (path === '' || path.startsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      return null;
    }
    const root = await this.treeOf(treeish);
    if (root === undefined) return this.entryAtWithGit(treeish, path);
    if (root === null) throw new GitError(['ls-tree', treeish, '--', path], 128, 'fatal: not a tree object');
    let tree: string = root;
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const entry = (await this.readTree(tree))?.get(parts[i]!);
      if (!entry) return null;
      if (i === parts.length - 1) {
        const found: TreeEntry = { ...entry, path };
        if (sizes && entry.type === 'blob') {
          const size = await this.blobSize(entry.oid);
          if (size !== undefined) found.size = size;
        }
        return found;
      }
      if (entry.type !== 'tree') return null;
      tree = entry.oid;
    }
    return null;
  }

  private async entryAtWithGit(treeish: string, path: string): Promise<TreeEntry | null> {
    const raw = (await git(this.gitDir, ['ls-tree', '-z', '-l', treeish, '--', path])).stdout.toString('utf8');
    return parseLsTree(raw).find((e) => e.path === path) ?? null;
  }

  /** Writes a blob, returning its id. */
  async writeBlob(content: Buffer): Promise<string> {
    const oid = await gitText(this.gitDir, ['hash-object', '-w', '-t', 'blob', '--stdin'], { input: content });
    this.learn({ oid, type: 'blob', size: content.length, bytes: content });
    return oid;
  }

  /**
   * Builds a new tree from `baseTree` (or empty) with a temporary index: `changes` are applied in
   * order. A change with `oid: null` deletes the path (a file, or a whole directory).
   * A change of type tree grafts that tree at the path.
   */
  async buildTree(baseTree: string | null, changes: readonly TreeChange[]): Promise<string> {
    // Later changes win over earlier ones at the same path.
    const last = new Map<string, TreeChange>();
    for (const change of changes) last.set(change.path, change);
    const final = [...last.values()];
    // The index starts as the base tree's files (from the cached listing) minus whatever a change
    // replaces: the path itself, anything under it, and an ancestor that is a file in the way.
    const base = baseTree ? await this.listFiles(baseTree) : [];
    const inTheWay = replacedBy(new Set(final.map((c) => c.path)));
    const lines = base.filter((e) => !inTheWay(e.path)).map((e) => `${e.mode} ${e.oid}\t${e.path}`);
    for (const change of final) {
      if (change.oid !== null && change.mode !== '040000') lines.push(`${change.mode} ${change.oid}\t${change.path}`);
    }
    const scratch = await mkdtemp(join(tmpdir(), 'gh-emu-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      await git(this.gitDir, ['update-index', '--add', '-z', '--index-info'], { env, input: lines.map((l) => `${l}\0`).join('') });
      for (const change of final) {
        if (change.oid !== null && change.mode === '040000') {
          await git(this.gitDir, ['read-tree', `--prefix=${change.path}/`, change.oid], { env });
        }
      }
      const tree = await gitText(this.gitDir, ['write-tree'], { env });
      if (!final.some((c) => c.oid !== null && c.mode === '040000')) {
        // The new tree's files are exactly what went into the index: no need to list it again.
        const files = lines.map((line): TreeEntry => {
          const tab = line.indexOf('\t');
          const [mode, oid] = line.slice(0, tab).split(' ');
          return { mode, type: mode === '160000' ? 'commit' : 'blob', oid, path: line.slice(tab + 1) };
        });
        this.files.set(tree, files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
      }
      return tree;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /**
   * One commit on top of `parent` applying `changes` in order (a deletion removes a file or a folder; a
   * later change to a path wins), written by a single `git fast-import`: blobs, trees and the commit in one
   * process (packed when there are many, loose otherwise). No ref moves. Returns the commit's id.
   */
  async commitChanges(parent: CommitObject, changes: readonly FileChange[], message: string, author: GitPerson, committer: GitPerson): Promise<string> {
    if (!plainPerson(author) || !plainPerson(committer) || changes.some((c) => c.mode === '040000' || c.mode === '160000')) {
      return this.commitChangesSlowly(parent, changes, message, author, committer);
    }
    // fast-import moves the ref it commits to when it ends; this one is reset to nothing before then.
    const scratch = `refs/emulator/fast-import/${process.pid}-${++fastImports}`;
    const person = (p: GitPerson): string => `${p.name} <${p.email}> ${Math.floor(Date.parse(p.date) / 1000)} +0000`;
    const data = (bytes: Buffer): Buffer[] => [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
    const parts: Buffer[] = [
      Buffer.from(`feature done\ncommit ${scratch}\nmark :1\nauthor ${person(author)}\ncommitter ${person(committer)}\n`),
      ...data(Buffer.from(message, 'utf8')),
      Buffer.from(`from ${parent.oid}\n`),
    ];
    for (const change of changes) {
      if (change.contents === null) parts.push(Buffer.from(`D ${quotePath(change.path)}\n`));
      else parts.push(Buffer.from(`M ${change.mode} inline ${quotePath(change.path)}\n`), ...data(change.contents));
    }
    parts.push(Buffer.from(`\nget-mark :1\nreset ${scratch}\nfrom ${ZERO_OID}\n\ndone\n`));
    const oid = await gitText(this.gitDir, ['fast-import', '--quiet'], { input: Buffer.concat(parts) });
    if (!OID.test(oid)) throw new GitError(['fast-import'], 0, `fast-import answered '${oid.slice(0, 100)}', not a commit id`);
    const commit = await this.readCommit(oid);
    if (!commit) throw new GitError(['fast-import'], 0, `fast-import's commit ${oid} cannot be read`);
    // The new tree's files follow from the parent's and the changes: seed the listing the next commit needs.
    const parentFiles = this.files.get(parent.tree);
    if (parentFiles) {
      const last = new Map<string, FileChange>();
      for (const change of changes) last.set(change.path, change);
      const inTheWay = replacedBy(new Set(last.keys()));
      const files = parentFiles.filter((e) => !inTheWay(e.path));
      for (const change of last.values()) {
        if (change.contents === null) continue;
        const blob = blobId(change.contents);
        this.learn({ oid: blob, type: 'blob', size: change.contents.length, bytes: change.contents });
        files.push({ mode: change.mode, type: 'blob', oid: blob, path: change.path });
      }
      this.files.set(commit.tree, files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
    }
    return oid;
  }

  /** commitChanges with one git process per step (for people git would rewrite, or grafted trees). */
  private async commitChangesSlowly(parent: CommitObject, changes: readonly FileChange[], message: string, author: GitPerson, committer: GitPerson): Promise<string> {
    const blobs = await this.writeBlobs(changes.flatMap((c) => (c.contents === null ? [] : [c.contents])));
    let written = 0;
    const treeChanges = changes.map((c): TreeChange => ({ path: c.path, mode: c.mode, oid: c.contents === null ? null : blobs[written++]! }));
    const tree = treeChanges.length > 0 ? await this.buildTree(parent.tree, treeChanges) : parent.tree;
    return this.writeCommit(tree, [parent.oid], message, author, committer);
  }

  /** Writes several blobs with one git process; returns their ids in order. */
  async writeBlobs(contents: readonly Buffer[]): Promise<string[]> {
    if (contents.length <= 1) return Promise.all(contents.map((c) => this.writeBlob(c)));
    const scratch = await mkdtemp(join(tmpdir(), 'gh-emu-blobs-'));
    try {
      const paths = await Promise.all(contents.map(async (content, i) => {
        const path = join(scratch, String(i));
        await writeFile(path, content);
        return path;
      }));
      const out = await gitText(this.gitDir, ['hash-object', '-w', '-t', 'blob', '--no-filters', '--stdin-paths'], { input: paths.join('\n') + '\n' });
      const oids = out.split('\n');
      oids.forEach((oid, i) => this.learn({ oid, type: 'blob', size: contents[i]!.length, bytes: contents[i] }));
      return oids;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** Writes a commit object. */
  async writeCommit(tree: string, parents: readonly string[], message: string, author: GitPerson, committer: GitPerson): Promise<string> {
    const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'];
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: author.date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: committer.date,
    };
    const oid = await gitText(this.gitDir, args, { env, input: message });
    // git stores these exactly when they are plain: seed the cache instead of reading it back.
    if (plainPerson(author) && plainPerson(committer)) {
      this.types.set(oid, 'commit');
      this.commits.set(oid, { oid, tree, parents: [...parents], author: { ...author }, committer: { ...committer }, message });
    }
    return oid;
  }

  /**
   * Compare-and-swap of one ref with `git update-ref <ref> <new> <old>`: `old` ZERO_OID means
   * "must not exist", `next` ZERO_OID deletes. Returns false when the ref was not `old`.
   */
  async casRef(ref: string, next: string, old: string): Promise<boolean> {
    const args = next === ZERO_OID ? ['update-ref', '-d', ref, old] : ['update-ref', ref, next, old];
    const result = await git(this.gitDir, args, { allowFailure: true });
    return result.code === 0;
  }

  /** Several ref updates in one git transaction: all or none. Returns false when any CAS failed. */
  async casRefs(updates: readonly { ref: string; next: string; old: string | null }[]): Promise<boolean> {
    const lines = ['start'];
    for (const u of updates) {
      lines.push(u.old === null ? `update ${u.ref} ${u.next}` : `update ${u.ref} ${u.next} ${u.old}`);
    }
    lines.push('prepare', 'commit', '');
    const result = await git(this.gitDir, ['update-ref', '--stdin'], { input: lines.join('\n'), allowFailure: true });
    return result.code === 0;
  }

  /** The object id a full ref name points at, or null. */
  async readRef(ref: string): Promise<string | null> {
    if (!ref.startsWith('refs/') || ref.split('/').some((part) => part === '' || part === '.' || part === '..')) return null;
    // Fast path without a process: the loose ref file, else packed-refs (both written atomically by git).
    try {
      const loose = (await readFile(join(this.gitDir, ref), 'utf8')).trim();
      if (OID.test(loose)) return loose;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
        const packed = await this.packedRef(ref);
        if (packed !== undefined) return packed;
      }
    }
    return this.readRefWithGit(ref);
  }

  /** The ref's value from packed-refs: an oid, null when absent, undefined when git must decide. */
  private async packedRef(ref: string): Promise<string | null | undefined> {
    let text: string;
    try {
      text = await readFile(join(this.gitDir, 'packed-refs'), 'utf8');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
    }
    for (const line of text.split('\n')) {
      if (line.endsWith(` ${ref}`) && OID.test(line.slice(0, 40))) return line.slice(0, 40);
    }
    return null;
  }

  private async readRefWithGit(ref: string): Promise<string | null> {
    const result = await git(this.gitDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', ref], { allowFailure: true });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** Refs under `prefix` (e.g. 'refs/heads/'), sorted by name. */
  async listRefs(prefix: string): Promise<{ ref: string; oid: string; type: string }[]> {
    const raw = await gitText(this.gitDir, ['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)', prefix]);
    return raw
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => {
        const [ref, oid, type] = l.split(' ');
        return { ref, oid, type };
      });
  }

  /** Is `ancestor` an ancestor of (or equal to) `descendant`? */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await git(this.gitDir, ['merge-base', '--is-ancestor', ancestor, descendant], { allowFailure: true });
    return result.code === 0;
  }

  /** The branch HEAD points at (symbolic), or null. */
  async headBranch(): Promise<string | null> {
    const result = await git(this.gitDir, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }
}

/** A person git stores exactly as given (commit-tree and fast-import alike): no `<>`, newline or edge spaces, a UTC date in GitHub's form. */
function plainPerson(p: GitPerson): boolean {
  return /^[^<>\n]+$/.test(p.name) && p.name.trim() === p.name && /^[^<>\s]*$/.test(p.email) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(p.date);
}

let fastImports = 0;

/** A path in fast-import's C-style quotes (any path is safe this way: spaces, quotes, newlines). */
function quotePath(path: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  const escaped = path.replace(/[\\"\x00-\x1f\x7f]/g, (c) => {
    if (c === '\\' || c === '"') return `\\${c}`;
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
  });
  return `"${escaped}"`;
}

/** The object id git gives a blob with these bytes (sha1). */
function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Whether a path of a base tree is replaced by a change to one of `changed`: the path itself, anything under a
 * changed path, or a file on the way to one.
 */
function replacedBy(changed: ReadonlySet<string>): (path: string) => boolean {
  const ancestors = new Set<string>();
  for (const path of changed) {
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) ancestors.add(path.slice(0, i));
  }
  return (path) => {
    if (changed.has(path) || ancestors.has(path)) return true;
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) if (changed.has(path.slice(0, i))) return true;
    return false;
  };
}

/** Parses `git ls-tree -z -l` output. */
function parseLsTree(raw: string): TreeEntry[] {
  return raw
    .split('\0')
    .filter((line) => line.length > 0)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, oid, size] = line.slice(0, tab).split(/\s+/);
      const entry: TreeEntry = { mode: mode!, type: type as TreeEntry['type'], oid: oid!, path: line.slice(tab + 1) };
      if (size !== '-') entry.size = Number(size);
      return entry;
    });
}

/**
 * Parses a tree object (`<octal mode> <name>\0<binary id>`…) into entries by name, in stored order, with
 * modes as `git ls-tree` prints them (canonical, six digits) and paths set to the names.
 */
export function parseTree(bytes: Buffer, idLength = 20): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  let at = 0;
  while (at < bytes.length) {
    const space = bytes.indexOf(0x20, at);
    const nul = space === -1 ? -1 : bytes.indexOf(0, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + idLength > bytes.length) throw new Error('a malformed tree object');
    const raw = parseInt(bytes.toString('latin1', at, space), 8);
    const name = bytes.toString('utf8', space + 1, nul);
    const oid = bytes.toString('hex', nul + 1, nul + 1 + idLength);
    at = nul + 1 + idLength;
    // git's canon_mode: regular files keep only the executable bit; anything unknown is a submodule.
    const format = raw & 0o170000;
    const mode = format === 0o100000 ? (raw & 0o100 ? 0o100755 : 0o100644) : format === 0o120000 || format === 0o040000 ? format : 0o160000;
    const type = mode === 0o040000 ? 'tree' : mode === 0o160000 ? 'commit' : 'blob';
    entries.set(name, { mode: mode.toString(8).padStart(6, '0'), type, oid, path: name });
  }
  return entries;
}

/** One change of a commit: new `contents` at `path` with `mode`, or (contents null) the deletion of `path`. */
export interface FileChange {
  path: string;
  mode: string;
  contents: Buffer | null;
}

/** One change to a tree: `oid: null` deletes `path`. */
export interface TreeChange {
  path: string;
  mode: string;
  oid: string | null;
}

function parsePerson(line: string): GitPerson {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!match) return { name: line, email: '', date: new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  return { name: match[1], email: match[2], date: new Date(Number(match[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** Parses the raw text of a commit object. */
export function parseCommit(oid: string, raw: string): CommitObject {
  const split = raw.indexOf('\n\n');
  const header = split === -1 ? raw : raw.slice(0, split);
  const message = split === -1 ? '' : raw.slice(split + 2);
  const commit: CommitObject = {
    oid,
    tree: '',
    parents: [],
    author: parsePerson(''),
    committer: parsePerson(''),
    message,
  };
  for (const line of header.split('\n')) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') commit.tree = value;
    else if (key === 'parent') commit.parents.push(value);
    else if (key === 'author') commit.author = parsePerson(value);
    else if (key === 'committer') commit.committer = parsePerson(value);
  }
  return commit;
}

/** Now, in GitHub's timestamp form (`2024-01-01T00:00:00Z`). */
export function githubNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
