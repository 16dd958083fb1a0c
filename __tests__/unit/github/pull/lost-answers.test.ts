// Pull-request mode when GitHub makes the write and the answer is lost (the emulator's post-apply faults): the run
// finds its commit on the PR branch by its attempt trailer, and the PR it opened by its head branch.
import { describe, expect, it } from 'vitest';
import { openOrUpdatePullRequest } from '../../../../src/github/pull/open.js';
import { git } from '../helpers.js';
import { API, BRANCH, client, DEPLOY, NAME, spec, start, text, useEmulator } from './helpers.js';

useEmulator();

const trailer = (dir: string, rev: string) => git(dir, 'log', '-1', '--format=%(trailers:key=Gitops-Bump-Attempt,valueonly)', rev);

describe('a pull-request write whose answer was lost', () => {
  it('opening: 504 after the branch, commit and PR were made, 502 on every retry: reported as created, labelled, once', async () => {
    const { emu, dir } = await start({ labels: ['deploy'] });
    const main = git(dir, 'rev-parse', 'main');
    emu.addFault({ operation: 'createPullRequest', kind: 504, after: true });
    emu.addFault({ operation: 'createPullRequest', kind: 502, times: Infinity });
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', { labels: ['deploy'], runTag: '5.1/pr' }));
    const head = git(dir, 'rev-parse', BRANCH);
    expect(result).toMatchObject({ operation: 'created', number: 1, commit: { oid: head }, attempts: 2 });
    expect(trailer(dir, head)).toBe('5.1/pr.1');
    expect(git(dir, 'rev-parse', `${head}^`)).toBe(main);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.1.0'));
    expect(emu.pulls(NAME)).toHaveLength(1);
    // The follow-up of a PR this run opened still runs.
    expect(emu.pulls(NAME)[0]?.labels).toEqual(['deploy']);
    // The document was sent once and retried (all faulted); after the read that found it, no document opens a PR again.
    const opens = emu.requests.filter((r) => r.operation.includes('createPullRequest')).map((r) => r.fault);
    expect(opens[0]).toBe('applied-504');
    expect(opens.slice(1).every((f) => f === '502')).toBe(true);
    expect(opens.length).toBeGreaterThan(1);
  });

  it('opening: the answer dropped and the retry answered "already exists": the next read finds the PR, reported as created', async () => {
    const { emu, dir } = await start();
    emu.addFault({ operation: 'createPullRequest', kind: 'network', after: true });
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', { runTag: '5.1/drop' }));
    expect(result).toMatchObject({ operation: 'created', number: 1, commit: { oid: git(dir, 'rev-parse', BRANCH) } });
    expect(git(dir, 'rev-list', '--count', `main..${BRANCH}`)).toBe('1');
    expect(emu.pulls(NAME)).toHaveLength(1);
  });

  it('updating: the branch commit made and its answer lost (504, then 502 on every retry): reported as updated, one commit', async () => {
    const { emu, dir } = await start();
    const first = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'));
    const before = git(dir, 'rev-parse', BRANCH);
    emu.resetLog();
    emu.addFault({ operation: 'createCommitOnBranch', kind: 504, after: true });
    emu.addFault({ operation: 'createCommitOnBranch', kind: 502, times: Infinity });
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0', { runTag: '5.2/up' }));
    const head = git(dir, 'rev-parse', BRANCH);
    expect(result).toMatchObject({ operation: 'updated', number: first.number, commit: { oid: head } });
    expect(git(dir, 'rev-parse', `${head}^`)).toBe(before);
    expect(trailer(dir, head)).toBe('5.2/up.1');
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
    expect(emu.pulls(NAME)).toHaveLength(1);
    expect(emu.pulls(NAME)[0]?.title).toBe('Bump api 1.0.0 → 1.2.0 in prod');
  });

  it('a branch commit refused before it was made (502 on every try): one read finds nothing, the failure says so', async () => {
    const { emu, dir } = await start();
    await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'));
    const before = git(dir, 'rev-parse', BRANCH);
    emu.addFault({ operation: 'createCommitOnBranch', kind: 502, times: Infinity });
    const error = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect((error as Error).message).toMatch(/\(a read after the failure found no commit of this run on the branch\)$/);
    expect(git(dir, 'rev-parse', BRANCH)).toBe(before);
  });
});
