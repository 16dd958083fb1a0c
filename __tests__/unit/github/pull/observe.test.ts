// What one round of the pull-request mode reads, against the GitHub emulator, and in how many requests.
import { describe, expect, it } from 'vitest';
import { observe, withFork } from '../../../../src/github/pull/observe.js';
import { openOrUpdatePullRequest } from '../../../../src/github/pull/open.js';
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
    expect(seen.branch?.message).toBe('Bump api 1.0.0 → 1.1.0');
    expect(Object.fromEntries((seen.branch?.files?.files ?? []).map((f) => [f.path, f.text]))).toEqual({
      [API]: DEPLOY('ghcr.io/acme/api:1.1.0'),
      [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0'),
    });
    expect([...seen.labelIds.keys()]).toEqual(['deploy']);
    expect(seen.baseChain[0]).toBe(main);
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
