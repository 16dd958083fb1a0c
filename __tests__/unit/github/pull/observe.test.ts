// What one round of the pull-request mode reads, against the GitHub emulator, and in how many requests.
import { describe, expect, it } from 'vitest';
import { observe, withFork } from '../../../../src/github/pull/observe.js';
import { openOrUpdatePullRequest } from '../../../../src/github/pull/open.js';
import { compilePaths } from '../../../../src/core/paths.js';
import { commitOnTop, git } from '../helpers.js';
import { API, BRANCH, client, DEPLOY, spec, start, useEmulator, WEB } from './helpers.js';

useEmulator();

describe('observe', () => {
  it('reads the base, the open PR, its branch (first parents and files) and the label ids in one request with explicit paths', async () => {
    const { emu, dir } = await start({ labels: ['deploy'] });
    await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'));
    const main = git(dir, 'rev-parse', 'main');
    const c = client(emu.url);
    const seen = await observe(c, spec('ghcr.io/acme/api:1.2.0', { labels: ['deploy', 'missing'] }));
    expect(c.stats().requests).toBe(1);
    expect(seen.snapshot).toMatchObject({ branch: 'main', head: main });
    expect(seen.pull).toMatchObject({ number: 1, baseRefName: 'main', title: 'Bump api 1.0.0 → 1.1.0 in prod', labels: [] });
    expect(seen.branch?.chain.slice(0, 2)).toEqual([git(dir, 'rev-parse', BRANCH), main]);
    // Every commit carries its attempt trailer (a run without a run tag is `local/<nonce>`; round 1).
    expect(seen.branch?.message).toMatch(/^Bump api 1\.0\.0 → 1\.1\.0\n\nGitops-Bump-Attempt: local\/[0-9a-f]{12}\.1$/);
    expect(seen.branchHistory).toBeUndefined();
    expect(Object.fromEntries((seen.branch?.files?.files ?? []).map((f) => [f.path, f.text]))).toEqual({
      [API]: DEPLOY('ghcr.io/acme/api:1.1.0'),
      [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0'),
    });
    expect([...seen.labelIds.keys()]).toEqual(['deploy']);
    expect(seen.baseChain[0]).toBe(main);
    // After a write whose answer was lost, the same one request lists the PR branch's history too.
    const again = client(emu.url);
    const withHistory = await observe(again, spec('ghcr.io/acme/api:1.2.0'), true);
    expect(again.stats().requests).toBe(1);
    expect(withHistory.branchHistory?.map((c) => [c.oid, c.parent])).toEqual([
      [git(dir, 'rev-parse', BRANCH), main],
      [main, undefined],
    ]);
  });

  it('with a glob confined to a folder, reads the PR branch files from its listing in the same request', async () => {
    const { emu, dir } = await start();
    const globs = { paths: compilePaths(['apps/prod/**/*.yaml']) };
    await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', globs));
    commitOnTop(dir, 'main', 'apps/prod/new.yaml', DEPLOY('ghcr.io/acme/new:1.0.0'), 'main gains a file');
    const c = client(emu.url);
    const seen = await observe(c, spec('ghcr.io/acme/api:1.2.0', globs));
    expect(c.stats().requests).toBe(1);
    expect(seen.snapshot.files.map((f) => f.path)).toEqual([API, 'apps/prod/new.yaml', WEB]);
    expect(Object.fromEntries((seen.branch?.files?.files ?? []).map((f) => [f.path, f.text]))).toEqual({
      [API]: DEPLOY('ghcr.io/acme/api:1.1.0'),
      [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0'),
    });
    expect(seen.branch?.files?.skipped).toEqual([{ path: 'apps/prod/new.yaml', reason: `does not exist on branch '${BRANCH}'` }]);
  });

  it('reads by path the PR branch files deeper than its listing reached', async () => {
    const deep = 'apps/prod/a/b/deep.yaml';
    const { emu, dir } = await start({}, {}, { [API]: DEPLOY('ghcr.io/acme/api:1.0.0'), [deep]: DEPLOY('ghcr.io/acme/api:1.0.0') });
    const globs = { paths: compilePaths(['apps/prod/**/*.yaml']), read: { listDepth: 1 } };
    await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', globs));
    expect(git(dir, 'show', `${BRANCH}:${deep}`)).toContain('api:1.1.0');
    const c = client(emu.url);
    const seen = await observe(c, spec('ghcr.io/acme/api:1.2.0', globs));
    // the head query (base and branch listed one level deep), the base's deeper folder over REST, its file by path, the branch's file by path
    expect(c.stats().requests).toBe(4);
    expect(Object.fromEntries((seen.branch?.files?.files ?? []).map((f) => [f.path, f.text]))).toEqual({
      [API]: DEPLOY('ghcr.io/acme/api:1.1.0'),
      [deep]: DEPLOY('ghcr.io/acme/api:1.1.0'),
    });
    expect(seen.branch?.files?.skipped).toEqual([]);
  });

  it('without an open PR, reads no branch files; withFork reads the fork point in one more request', async () => {
    const { emu, dir } = await start();
    git(dir, 'branch', BRANCH, 'main');
    const fork = git(dir, 'rev-parse', 'main');
    commitOnTop(dir, 'main', API, DEPLOY('ghcr.io/acme/api:1.0.1'), 'main moved');
    const c = client(emu.url);
    const seen = await observe(c, spec('ghcr.io/acme/api:1.1.0'));
    expect(seen.pull).toBeUndefined();
    expect(seen.branch).toMatchObject({ head: fork });
    expect(seen.branch?.files).toBeUndefined();
    const withForkFiles = await withFork(c, spec('ghcr.io/acme/api:1.1.0'), seen, fork);
    expect(c.stats().requests).toBe(2);
    expect(withForkFiles.fork?.oid).toBe(fork);
    expect(withForkFiles.fork?.files.files.find((f) => f.path === API)?.text).toBe(DEPLOY('ghcr.io/acme/api:1.0.0'));
  });
});
