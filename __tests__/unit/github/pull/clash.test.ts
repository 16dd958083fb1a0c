// A pull-request branch whose name clashes with an existing branch (git stores refs as paths: `gitops-bump` and
// `gitops-bump/prod/api` cannot both exist): the run fails with a message naming both branches, writing nothing.
import { describe, expect, it } from 'vitest';
import { openOrUpdatePullRequest } from '../../../../src/github/pull/open.js';
import { git } from '../helpers.js';
import { BRANCH, client, spec, start, useEmulator } from './helpers.js';

useEmulator();

describe('a branch name clash', () => {
  it.each([
    ['a branch named like its first folder', 'gitops-bump'],
    ['a branch named like its folder', 'gitops-bump/prod'],
    ['a branch under it', `${BRANCH}/old`],
  ])('%s (%s): a clear message naming both branches; no branch, commit or pull request', async (_name, existing) => {
    const { emu, dir } = await start();
    git(dir, 'branch', existing, 'main');
    const before = git(dir, 'for-each-ref', '--format=%(refname) %(objectname)');
    const error = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0')).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `the pull-request branch '${BRANCH}' cannot be created in acme/gitops because the branch '${existing}' exists: ` +
        `git cannot hold two branches when one's name is a folder of the other's ('${existing}', '${BRANCH}'): ` +
        `delete or rename '${existing}' if nothing needs it, or choose another name with \`pr-branch\``,
    );
    expect(git(dir, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(before);
    expect(emu.pulls('acme/gitops')).toEqual([]);
    // One read, the one document, one query for the clash: no retries of a write that cannot succeed.
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'mutation updateRefs,createCommitOnBranch,createPullRequest', 'query']);
  });

  it('a branch beside it (gitops-bump/prod/web) is no clash: the pull request opens', async () => {
    const { emu, dir } = await start();
    git(dir, 'branch', 'gitops-bump/prod/web', 'main');
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'));
    expect(result.operation).toBe('created');
    expect(git(dir, 'rev-parse', BRANCH)).toBe(result.commit?.oid);
  });
});
