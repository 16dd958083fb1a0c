// Branch refs for the pull-request mode, against the GitHub emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { createClient } from '../../../src/github/client.js';
import { commitFiles } from '../../../src/github/commit.js';
import { GraphqlResponseError } from '../../../src/github/errors.js';
import { createBranch, qualifiedBranch, updateBranches } from '../../../src/github/refs.js';
import { readSnapshot } from '../../../src/github/read.js';
import { compilePaths } from '../../../src/core/paths.js';
import { cleanupRepos, commitOnTop, git, makeRepo } from './helpers.js';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emu: Emulator;
let dir: string;
let repositoryId: string;
let base: string;

beforeAll(async () => {
  emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir: makeRepo({ 'a.yaml': 'image: x/a:1\n' }), protectedBranches: ['main'] }] });
  dir = emu.repoDir('acme/gitops');
  const snapshot = await readSnapshot(client(), { owner: 'acme', repo: 'gitops' }, compilePaths(['a.yaml']));
  repositoryId = snapshot.repositoryId;
  base = snapshot.head;
});
afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanupRepos();
});

const client = () => createClient({ token: 'tok', apiUrl: emu.url, retry: { baseMs: 1, maxMs: 5 } });

describe('createBranch', () => {
  it('creates a branch, and answers "exists" on a re-run', async () => {
    expect(await createBranch(client(), repositoryId, 'gitops-bump/prod', base)).toBe('created');
    expect(git(dir, 'rev-parse', 'refs/heads/gitops-bump/prod')).toBe(base);
    expect(await createBranch(client(), repositoryId, 'refs/heads/gitops-bump/prod', base)).toBe('exists');
  });
});

describe('updateBranches', () => {
  it('moves a branch by compare-and-swap, and reports a moved branch as stale without changing it', async () => {
    await createBranch(client(), repositoryId, 'pr/one', base);
    const c = client();
    const commit = await commitFiles(c, { repositoryNameWithOwner: 'acme/gitops', branch: 'pr/one', expectedHead: base }, [
      { path: 'a.yaml', before: 'image: x/a:1\n', after: 'image: x/a:2\n', changes: [] },
    ], { headline: 'bump a' });
    expect(git(dir, 'rev-parse', 'pr/one')).toBe(commit.oid);
    // Reset the bot's branch onto the base (not a fast-forward: needs force), guarded by its known head.
    expect(await updateBranches(c, repositoryId, [{ branch: 'pr/one', beforeOid: commit.oid, afterOid: base, force: true }])).toBe('updated');
    expect(git(dir, 'rev-parse', 'pr/one')).toBe(base);
    const other = commitOnTop(dir, 'pr/one', 'b.yaml', 'someone else\n');
    expect(await updateBranches(c, repositoryId, [{ branch: 'pr/one', beforeOid: base, afterOid: commit.oid, force: true }])).toBe('stale');
    expect(git(dir, 'rev-parse', 'pr/one')).toBe(other);
  });

  it('refuses a non-fast-forward without force, and a protected branch', async () => {
    await createBranch(client(), repositoryId, 'pr/two', base);
    const ahead = commitOnTop(dir, 'pr/two', 'b.yaml', 'b\n');
    const rewind = updateBranches(client(), repositoryId, [{ branch: 'pr/two', beforeOid: ahead, afterOid: base }]);
    await expect(rewind).rejects.toBeInstanceOf(GraphqlResponseError);
    await expect(rewind).rejects.toThrow(/not a fast forward/);
    expect(git(dir, 'rev-parse', 'pr/two')).toBe(ahead);
    const main = updateBranches(client(), repositoryId, [{ branch: 'main', beforeOid: base, afterOid: ahead }]);
    await expect(main).rejects.toThrow(/protected branch/i);
    expect(git(dir, 'rev-parse', 'main')).toBe(base);
  });

  it('qualifies branch names once', () => {
    expect(qualifiedBranch('main')).toBe('refs/heads/main');
    expect(qualifiedBranch('refs/heads/x/y')).toBe('refs/heads/x/y');
  });
});
