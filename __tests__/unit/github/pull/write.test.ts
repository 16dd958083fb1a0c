// The pull-request writes refused, against the GitHub emulator: errors a person can act on, nothing written.
import { describe, expect, it } from 'vitest';
import { GitHubError } from '../../../../src/github/errors.js';
import { openOrUpdatePullRequest } from '../../../../src/github/pull/open.js';
import { git } from '../helpers.js';
import { BRANCH, client, NAME, spec, start, useEmulator } from './helpers.js';

useEmulator();

describe('errors a person can act on', () => {
  it("403 when Actions may not create pull requests names the repository setting and the App token", async () => {
    const { emu, dir } = await start({ actionsCanCreatePullRequests: false });
    const main = git(dir, 'rev-parse', 'main');
    const error = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'forbidden' });
    const message = (error as Error).message;
    expect(message).toContain('GitHub Actions is not permitted to create or approve pull requests');
    expect(message).toContain('Settings → Actions → General');
    expect(message).toContain('Allow GitHub Actions to create and approve pull requests');
    expect(message).toContain('actions/create-github-app-token');
    expect(emu.pulls(NAME)).toEqual([]);
    expect(git(dir, 'rev-parse', 'main')).toBe(main);
  });

  it('a read-only token is forbidden, and nothing is written', async () => {
    const { emu, dir } = await start({ tokens: { tok: 'read' } });
    const refs = git(dir, 'for-each-ref');
    const error = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'forbidden' });
    expect((error as Error).message).toMatch(/may not push branches in acme\/gitops .*`pull-requests: write`/);
    expect(git(dir, 'for-each-ref')).toBe(refs);
  });

  it('a protected pull-request branch names the rule to change, and main stays untouched', async () => {
    const { emu, dir } = await start({ protectedBranches: [BRANCH] });
    const main = git(dir, 'rev-parse', 'main');
    const error = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'protected-branch' });
    expect((error as Error).message).toMatch(/pull-request branch 'gitops-bump\/prod\/api' of acme\/gitops is protected.*`pr-branch`/);
    expect(emu.pulls(NAME)).toEqual([]);
    expect(git(dir, 'rev-parse', 'main')).toBe(main);
  });

  it('refuses a PR branch that is the base branch', async () => {
    const { emu } = await start();
    const error = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', { branch: 'main' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toMatch(/'main' is the base branch.*`pr-branch`/);
  });
});
