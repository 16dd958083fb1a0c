// A served non-bare repository: API writes to its checked-out branch follow `checkedOut` (worktree.ts), and
// `bareCopy` serves a copy, so a person's clone never shows the API's changes reversed in `git status`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, gitIn, makeRepo } from './fixture.js';
import { startEmulator, type Emulator, type RepoOptions } from './index.js';

const started: Emulator[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const emu of started.splice(0)) {
    expect(emu.contractViolations).toEqual([]);
    await emu.stop();
  }
  cleanup(...dirs.splice(0));
});

async function serve(options: Partial<RepoOptions>): Promise<{ emu: Emulator; dir: string }> {
  const dir = makeRepo({ 'app.yaml': 'image: web:1.0.0\n' });
  dirs.push(dir);
  const emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir, ...options }] });
  started.push(emu);
  return { emu, dir };
}

async function commit(emu: Emulator, branch: string, expectedHeadOid: string, text = 'image: web:1.1.0\n') {
  const response = await fetch(`${emu.url}/graphql`, {
    method: 'POST',
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }',
      variables: {
        input: {
          branch: { repositoryNameWithOwner: 'acme/gitops', branchName: branch },
          expectedHeadOid,
          message: { headline: 'bump' },
          fileChanges: { additions: [{ path: 'app.yaml', contents: Buffer.from(text).toString('base64') }] },
        },
      },
    }),
  });
  return (await response.json()) as { data: { createCommitOnBranch: { commit: { oid: string } } | null }; errors?: { type: string; message: string }[] };
}

const status = (dir: string): string => gitIn(dir, 'status', '--porcelain');

describe('a branch checked out in the served working tree', () => {
  it("'move' (the library default) moves the ref under the working tree: git status shows the change reversed", async () => {
    const { emu, dir } = await serve({});
    const answer = await commit(emu, 'main', gitIn(dir, 'rev-parse', 'HEAD'));
    expect(answer.data.createCommitOnBranch?.commit.oid).toBe(gitIn(dir, 'rev-parse', 'HEAD'));
    // The index still holds the old commit's file: the API's change shows staged in reverse.
    expect(status(dir)).toBe('M  app.yaml');
  });

  it("'refuse' refuses it as git push does, naming the way out; other branches stay writable", async () => {
    const { emu, dir } = await serve({ checkedOut: 'refuse' });
    const head = gitIn(dir, 'rev-parse', 'HEAD');
    const refused = await commit(emu, 'main', head);
    expect(refused.data).toEqual({ createCommitOnBranch: null });
    expect(refused.errors?.[0].type).toBe('UNPROCESSABLE');
    expect(refused.errors?.[0].message).toMatch(/^refusing to update checked out branch: refs\/heads\/main \(it is checked out in .*--bare-copy.*updateInstead/);
    expect([gitIn(dir, 'rev-parse', 'HEAD'), status(dir)]).toEqual([head, '']);
    gitIn(dir, 'branch', 'other', 'main');
    expect((await commit(emu, 'other', head)).errors).toBeUndefined();
    expect(status(dir)).toBe('');
  });

  it("'update' checks the new commit out when the working tree is clean (git's updateInstead), else refuses", async () => {
    const { emu, dir } = await serve({ checkedOut: 'update' });
    const answer = await commit(emu, 'main', gitIn(dir, 'rev-parse', 'HEAD'));
    expect(answer.errors).toBeUndefined();
    expect(gitIn(dir, 'rev-parse', 'HEAD')).toBe(answer.data.createCommitOnBranch?.commit.oid);
    expect(readFileSync(join(dir, 'app.yaml'), 'utf8')).toBe('image: web:1.1.0\n');
    expect(status(dir)).toBe('');

    writeFileSync(join(dir, 'app.yaml'), 'image: web:local\n');
    const head = gitIn(dir, 'rev-parse', 'HEAD');
    const dirty = await commit(emu, 'main', head, 'image: web:1.2.0\n');
    expect(dirty.errors?.[0].message).toMatch(/the working tree or index has changes/);
    expect([gitIn(dir, 'rev-parse', 'HEAD'), readFileSync(join(dir, 'app.yaml'), 'utf8')]).toEqual([head, 'image: web:local\n']);
  });

  it("'push' (the CLI's choice) does what git push into the repository would: its receive.denyCurrentBranch", async () => {
    const { emu, dir } = await serve({ checkedOut: 'push' });
    expect((await commit(emu, 'main', gitIn(dir, 'rev-parse', 'HEAD'))).errors?.[0].message).toMatch(/^refusing to update checked out branch/);
    const dir2 = makeRepo({ 'app.yaml': 'image: web:1.0.0\n' });
    dirs.push(dir2);
    gitIn(dir2, 'config', 'receive.denyCurrentBranch', 'updateInstead');
    const emu2 = await startEmulator({ repos: [{ name: 'acme/gitops', dir: dir2, checkedOut: 'push' }] });
    started.push(emu2);
    expect((await commit(emu2, 'main', gitIn(dir2, 'rev-parse', 'HEAD'))).errors).toBeUndefined();
    expect([readFileSync(join(dir2, 'app.yaml'), 'utf8'), status(dir2)]).toEqual(['image: web:1.1.0\n', '']);
  });
});

describe('a bare repository', () => {
  it('has no working tree to keep honest: served in place, its branches written whatever checkedOut says', async () => {
    const source = makeRepo({ 'app.yaml': 'image: web:1.0.0\n' });
    const bare = `${source}-bare.git`;
    dirs.push(source, bare);
    gitIn(source, 'clone', '--quiet', '--bare', source, bare);
    const emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir: bare, checkedOut: 'refuse' }] });
    started.push(emu);
    expect(emu.repoDir('acme/gitops')).toBe(bare);
    const answer = await commit(emu, 'main', gitIn(bare, 'rev-parse', 'main'));
    expect(answer.errors).toBeUndefined();
    expect(gitIn(bare, 'rev-parse', 'main')).toBe(answer.data.createCommitOnBranch?.commit.oid);
  });
});

describe('bareCopy', () => {
  it('serves a bare copy of the branches and tags: the clone is never written, the copy goes with stop()', async () => {
    const dir = makeRepo({ 'app.yaml': 'image: web:1.0.0\n' });
    dirs.push(dir);
    gitIn(dir, 'branch', 'release', 'main');
    gitIn(dir, 'tag', 'v1', 'main');
    const before = gitIn(dir, 'for-each-ref', '--format=%(refname) %(objectname)');
    const emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir, bareCopy: true, checkedOut: 'refuse' }] });
    const copy = emu.repoDir('acme/gitops');
    expect(copy).not.toContain(dir);
    expect(gitIn(copy, 'rev-parse', '--is-bare-repository')).toBe('true');
    expect(gitIn(copy, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(before);
    const answer = await commit(emu, 'main', gitIn(dir, 'rev-parse', 'HEAD'));
    expect(answer.errors).toBeUndefined();
    expect(gitIn(copy, 'rev-parse', 'main')).toBe(answer.data.createCommitOnBranch?.commit.oid);
    expect([gitIn(dir, 'for-each-ref', '--format=%(refname) %(objectname)'), status(dir)]).toEqual([before, '']);
    await emu.stop();
    expect(existsSync(copy)).toBe(false);
  });
});
