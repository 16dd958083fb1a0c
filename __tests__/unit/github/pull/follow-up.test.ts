// What follows a new pull request, against the GitHub emulator: labels, reviewers, assignees, auto-merge, retries, warnings.
import { describe, expect, it } from 'vitest';
import { openOrUpdatePullRequest } from '../../../../src/github/pull/open.js';
import { client, NAME, spec, start, useEmulator } from './helpers.js';

useEmulator();

describe('follow-ups', () => {
  it('enables auto-merge where the repository allows it', async () => {
    const { emu } = await start({ autoMergeAllowed: true });
    const s = spec('ghcr.io/acme/api:1.1.0', { autoMerge: 'squash' });
    expect((await openOrUpdatePullRequest(client(emu.url), s)).operation).toBe('created');
    expect(emu.pulls(NAME)[0]?.autoMerge?.mergeMethod).toBe('SQUASH');
    expect(s.warnings).toEqual([]);
  });

  it('warns, and does not fail, where auto-merge is not allowed', async () => {
    const { emu } = await start({ autoMergeAllowed: false });
    const s = spec('ghcr.io/acme/api:1.1.0', { autoMerge: 'merge' });
    const result = await openOrUpdatePullRequest(client(emu.url), s);
    expect(result.operation).toBe('created');
    expect(emu.pulls(NAME)[0]?.autoMerge).toBeNull();
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/auto-merge is not allowed in acme\/gitops.*Allow auto-merge/);
    // Nothing to send: no follow-up document at all.
    expect(emu.requests.filter((r) => r.mutation)).toHaveLength(1);
  });

  it('retries a follow-up GitHub cannot resolve yet ("Could not resolve to a node")', async () => {
    const { emu } = await start({ labels: ['deploy'], autoMergeAllowed: true });
    emu.addFault({ kind: 'not-resolvable', operation: /addLabelsToLabelable/, times: 2 });
    const s = spec('ghcr.io/acme/api:1.1.0', { labels: ['deploy'], autoMerge: 'rebase' });
    const result = await openOrUpdatePullRequest(client(emu.url), s);
    expect(result.operation).toBe('created');
    expect(emu.pulls(NAME)[0]).toMatchObject({ labels: ['deploy'], autoMerge: { mergeMethod: 'REBASE' } });
    expect(emu.requests.filter((r) => r.fault === 'not-resolvable')).toHaveLength(2);
    expect(s.warnings).toEqual([]);
  });

  it('retries only the fields a replicating PR failed (pullRequestNodeLag)', async () => {
    const { emu } = await start({ labels: ['deploy'], pullRequestNodeLag: 1 });
    const s = spec('ghcr.io/acme/api:1.1.0', { labels: ['deploy'], reviewers: ['alice'] });
    await openOrUpdatePullRequest(client(emu.url), s);
    expect(emu.pulls(NAME)[0]).toMatchObject({ labels: ['deploy'], reviewers: ['alice'] });
    expect(s.warnings).toEqual([]);
  });

  it('an unknown reviewer, a team of another organization and the PR author as reviewer are warnings', async () => {
    const { emu } = await start({}, { users: ['alice'], tokenLogins: { tok: 'bumpbot' } });
    const s = spec('ghcr.io/acme/api:1.1.0', { reviewers: ['alice', 'nobody', 'bumpbot'], teamReviewers: ['other/sre'] });
    const result = await openOrUpdatePullRequest(client(emu.url), s);
    expect(result.operation).toBe('created');
    expect(emu.pulls(NAME)[0]?.reviewers).toEqual(['alice']);
    expect(s.warnings.join('\n')).toMatch(/no GitHub user 'nobody'/);
    expect(s.warnings.join('\n')).toMatch(/'other\/sre' is not in acme's organization/);
    expect(s.warnings.join('\n')).toMatch(/'bumpbot' opens the pull request and cannot review it/);
  });

  it("gives up on a follow-up after its tries and warns with GitHub's words", async () => {
    const { emu } = await start({ labels: ['deploy'] });
    emu.addFault({ kind: 'not-resolvable', operation: /addLabelsToLabelable/, times: Infinity });
    const s = spec('ghcr.io/acme/api:1.1.0', { labels: ['deploy'], followUpAttempts: 3 });
    const result = await openOrUpdatePullRequest(client(emu.url), s);
    expect(result.operation).toBe('created');
    expect(emu.requests.filter((r) => r.fault === 'not-resolvable')).toHaveLength(3);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/could not add labels to pull request #1 of acme\/gitops: NOT_FOUND: Could not resolve to a node/);
  });
});
