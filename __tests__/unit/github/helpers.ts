// Shared fixtures of the GitHub adapter tests: temp git repositories, a tiny planner, a proxy that loses answers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RemoteSnapshot } from '../../../src/github/read.js';
import { git, gitBytes, GIT_ENV } from '../../support/repo.js';
import type { Change, FileEdit, Plan } from '../../../src/core/types.js';

/** A file's content: text, raw bytes, or a symbolic link to a target. */
export type FixtureFile = string | Buffer | { readonly symlink: string } | { readonly gitlink: string };

export { git, gitBytes };

const made: string[] = [];

/** A git repository (branch `main`, one commit) holding `files`. Removed by `cleanupRepos`. */
export function makeRepo(files: Record<string, FixtureFile>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-bump-gh-'));
  made.push(dir);
  git(dir, 'init', '--quiet', '--initial-branch=main');
  const gitlinks: [string, string][] = [];
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (Buffer.isBuffer(content) || typeof content === 'string') writeFileSync(full, content);
    else if ('symlink' in content) symlinkSync(content.symlink, full);
    else gitlinks.push([path, content.gitlink]);
  }
  git(dir, 'add', '--all', '--force', '.');
  // A submodule entry (mode 160000) without a checkout: the gitlink alone, as GitHub stores it.
  for (const [path, oid] of gitlinks) git(dir, 'update-index', '--add', '--cacheinfo', `160000,${oid},${path}`);
  git(dir, 'commit', '--quiet', '-m', 'fixture');
  return dir;
}

export function cleanupRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Commits `text` at `path` on top of `branch` with git plumbing (as another writer would) and moves the branch. */
export function commitOnTop(dir: string, branch: string, path: string, text: string, subject = 'another writer'): string {
  const env = { ...GIT_ENV, GIT_INDEX_FILE: join(tmpdir(), `gitops-bump-index-${process.pid}-${Date.now()}`) };
  const run = (args: string[], input?: string) =>
    execFileSync('git', ['-C', dir, ...args], { env, input }).toString('utf8').trim();
  const head = run(['rev-parse', `refs/heads/${branch}`]);
  run(['read-tree', head]);
  const blob = run(['hash-object', '-w', '--stdin'], text);
  run(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`]);
  const tree = run(['write-tree']);
  const commit = run(['commit-tree', tree, '-p', head, '-m', subject]);
  run(['update-ref', `refs/heads/${branch}`, commit, head]);
  rmSync(env.GIT_INDEX_FILE, { force: true });
  return commit;
}

/** The bytes of `path` at `rev` in `dir`, as git stores them. */
export function show(dir: string, rev: string, path: string): Buffer {
  return gitBytes(dir, 'show', `${rev}:${path}`);
}

/**
 * A stand-in planner (the real YAML engine is tested elsewhere): replaces `from` by `to` in every file
 * that contains it, with plain string replacement, and reports one change per file.
 */
export function replacePlanner(from: string, to: string) {
  return (snapshot: RemoteSnapshot): Plan => {
    const edits: FileEdit[] = [];
    for (const file of snapshot.files) {
      if (!file.text.includes(from)) continue;
      const line = file.text.slice(0, file.text.indexOf(from)).split('\n').length;
      const changes: Change[] = [{ file: file.path, line, image: from, from, to }];
      edits.push({ path: file.path, before: file.text, after: file.text.split(from).join(to), changes });
    }
    return { edits, changes: edits.flatMap((e) => e.changes), refusals: [], skipped: snapshot.skipped, notes: [] };
  };
}

export const message = (plan: Plan) => ({
  headline: `bump ${plan.changes.map((c) => `${c.from} → ${c.to}`).join(', ')}`,
  body: plan.changes.map((c) => `${c.file}:${c.line}`).join('\n'),
});

/**
 * A proxy to `upstream` that forwards every request but drops the answer (connection reset) to the first one
 * whose body `drop` picks: the write lands, its answer is lost, and the client retries it.
 */
export async function lossyProxy(upstream: string, drop: (body: string) => boolean) {
  let dropped = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      void fetch(`${upstream}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body.length > 0 ? { body } : {}) }).then(async (answer) => {
        const bytes = Buffer.from(await answer.arrayBuffer());
        if (dropped === 0 && drop(body.toString('utf8'))) {
          dropped += 1;
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(bytes);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A proxy to `upstream` that forwards every request, the first one whose body `rewrite` changes (returns text for) rewritten. */
export async function rewritingProxy(upstream: string, rewrite: (body: string) => string | undefined) {
  let rewritten = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks).toString('utf8');
      const changed = rewritten === 0 ? rewrite(body) : undefined;
      if (changed !== undefined) {
        rewritten += 1;
        body = changed;
      }
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      void fetch(`${upstream}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body.length > 0 ? { body } : {}) }).then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rewritten: () => rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
