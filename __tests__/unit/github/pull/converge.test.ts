// Every run converges an open PR (labels, reviewers, assignees, auto-merge: added, never removed), and a shared
// branch's rebuild is a compare-and-swap that loses nothing, against the GitHub emulator.
import { describe, expect, it } from 'vitest';
import { openOrUpdatePullRequest } from '../../../../src/github/pull/open.js';
import { commitOnTop, git, rewritingProxy } from '../helpers.js';
import { API, BRANCH, client, DEPLOY, NAME, spec, start, text, useEmulator, WEB, type Emulator } from './helpers.js';

useEmulator();

/** A person's GraphQL call (the token's login is set by `tokenLogins`). */
async function person(emu: Emulator, token: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const answer = await fetch(`${emu.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await answer.json()) as { errors?: unknown[] };
  expect(json.errors).toBeUndefined();
}

const PEOPLE = { tokenLogins: { alice: 'alice', carol: 'carol' } };
const ASKS = { labels: ['deploy', 'prod'], reviewers: ['alice', 'bob'], teamReviewers: ['acme/sre'], assignees: ['carol'], autoMerge: 'squash' as const };

describe('convergence of an open pull request', () => {
  it('a PR left bare (its follow-up failed every try) gets its labels, reviewers, assignees and auto-merge from the next run; a label a person added stays', async () => {
    const { emu } = await start({ labels: ['deploy'], autoMergeAllowed: true }, PEOPLE);
    emu.addFault({ operation: /requestReviews/, kind: 'not-resolvable', times: Infinity });
    emu.addFault({ operation: 'issues/add-labels', kind: 502, times: Infinity });
    const killed = spec('ghcr.io/acme/api:1.1.0', ASKS);
    expect((await openOrUpdatePullRequest(client(emu.url), killed)).operation).toBe('created');
    // Sent in parallel: the follow-up document (retried while "not resolvable") and the REST call creating the label.
    expect(killed.warnings.join('\n')).toMatch(/could not request reviewers on pull request #1/);
    expect(killed.warnings.join('\n')).toMatch(/could not add labels 'prod' to #1/);
    expect(emu.pulls(NAME)[0]).toMatchObject({ labels: [], reviewers: [], teamReviewers: [], assignees: [], autoMerge: null });
    emu.clearFaults();
    // A person labels the PR (REST, as the web UI does).
    const labelled = await fetch(`${emu.url}/repos/${NAME}/issues/1/labels`, {
      method: 'POST',
      headers: { authorization: 'token carol', 'content-type': 'application/json' },
      body: JSON.stringify({ labels: ['hold'] }),
    });
    expect(labelled.status).toBe(200);

    emu.resetLog();
    const next = spec('ghcr.io/acme/api:1.1.0', ASKS);
    const repaired = await openOrUpdatePullRequest(client(emu.url), next);
    expect(repaired.operation).toBe('unchanged');
    expect(next.warnings).toEqual([]);
    const pull = emu.pulls(NAME)[0]!;
    expect([...pull.labels].sort()).toEqual(['deploy', 'hold', 'prod']);
    expect(pull).toMatchObject({ reviewers: ['alice', 'bob'], teamReviewers: ['sre'], assignees: ['carol'], autoMerge: { mergeMethod: 'SQUASH' } });
    // The read, the reviewer ids, one document with every missing piece, the label that did not exist (by name).
    expect(emu.requests.map((r) => r.operation).sort()).toEqual([
      'issues/add-labels',
      'mutation addLabelsToLabelable,requestReviews,addAssigneesToAssignable,enablePullRequestAutoMerge',
      'query',
      'query',
    ]);

    emu.resetLog();
    const steady = client(emu.url);
    expect((await openOrUpdatePullRequest(steady, spec('ghcr.io/acme/api:1.1.0', ASKS))).operation).toBe('unchanged');
    expect(steady.stats().requests).toBe(1);
  });

  it('an update adds what the PR lacks in its own document; a newer run later costs 2 requests again', async () => {
    const { emu, dir } = await start({ labels: ['deploy'], autoMergeAllowed: true });
    emu.addFault({ operation: /addLabelsToLabelable/, kind: 'not-resolvable', times: Infinity });
    await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', { ...ASKS, labels: ['deploy'] }));
    emu.clearFaults();
    emu.resetLog();
    const updated = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0', { ...ASKS, labels: ['deploy'] }));
    expect(updated.operation).toBe('updated');
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
    expect(emu.pulls(NAME)[0]).toMatchObject({ labels: ['deploy'], reviewers: ['alice', 'bob'], autoMerge: { mergeMethod: 'SQUASH' } });
    expect(emu.requests.map((r) => r.operation)).toEqual([
      'query',
      'query',
      'mutation createCommitOnBranch,updatePullRequest,addLabelsToLabelable,requestReviews,addAssigneesToAssignable,enablePullRequestAutoMerge',
    ]);
    const later = client(emu.url);
    expect((await openOrUpdatePullRequest(later, spec('ghcr.io/acme/api:1.3.0', { ...ASKS, labels: ['deploy'] }))).operation).toBe('updated');
    expect(later.stats().requests).toBe(2);
  });

  it('never asks again a reviewer who reviewed or a team a person removed, nor turns auto-merge back on after a person turned it off', async () => {
    const { emu } = await start({ autoMergeAllowed: true }, PEOPLE);
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', ASKS))).operation).toBe('created');
    const id = emu.pulls(NAME)[0]!.id;
    expect(emu.pulls(NAME)[0]).toMatchObject({ reviewers: ['alice', 'bob'], teamReviewers: ['sre'], autoMerge: { mergeMethod: 'SQUASH' } });
    await person(emu, 'alice', 'mutation($i: AddPullRequestReviewInput!) { addPullRequestReview(input: $i) { clientMutationId } }', { i: { pullRequestId: id, event: 'APPROVE' } });
    await person(emu, 'carol', 'mutation($i: DisablePullRequestAutoMergeInput!) { disablePullRequestAutoMerge(input: $i) { clientMutationId } }', { i: { pullRequestId: id } });
    emu.pulls(NAME)[0]!.teamReviewers.splice(0);
    expect(emu.pulls(NAME)[0]).toMatchObject({ reviewers: ['bob'], teamReviewers: [], autoMerge: null });

    const again = client(emu.url);
    const s = spec('ghcr.io/acme/api:1.1.0', ASKS);
    expect((await openOrUpdatePullRequest(again, s)).operation).toBe('unchanged');
    expect(again.stats().requests).toBe(1);
    expect(emu.pulls(NAME)[0]).toMatchObject({ reviewers: ['bob'], teamReviewers: [], autoMerge: null, assignees: ['carol'] });
    expect(s.warnings).toEqual([]);
  });
});

describe('teams the token may not see', () => {
  it('a team review request the token may not read (a CODEOWNERS team, no members: read) neither fails the read nor is asked again by this run', async () => {
    const { emu } = await start({}, { teams: ['acme/sre'] });
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'))).operation).toBe('created');
    const pull = emu.pulls(NAME)[0]!;
    pull.teamReviewers.push('secret');
    pull.events.push({ type: 'review-requested', actor: 'github-actions[bot]', at: pull.createdAt, team: 'secret' });
    // Without team reviewers asked, teams are not read at all: one request.
    const plain = client(emu.url);
    expect((await openOrUpdatePullRequest(plain, spec('ghcr.io/acme/api:1.1.0'))).operation).toBe('unchanged');
    expect(plain.stats().requests).toBe(1);
    // Asking for it: the read goes on without it (FORBIDDEN beside the data), the lookup cannot see it either: a warning.
    const asking = spec('ghcr.io/acme/api:1.1.0', { teamReviewers: ['acme/sre', 'secret'] });
    expect((await openOrUpdatePullRequest(client(emu.url), asking)).operation).toBe('unchanged');
    expect(asking.warnings).toEqual([expect.stringMatching(/no team 'secret' in acme visible to the token/)]);
    expect(emu.pulls(NAME)[0]!.teamReviewers).toEqual(['secret', 'sre']);
  });
});

describe('a shared branch rebuilt on a moved base', () => {
  async function shared() {
    const started = await start();
    const c = () => client(started.emu.url);
    expect((await openOrUpdatePullRequest(c(), spec('ghcr.io/acme/api:1.1.0'))).operation).toBe('created');
    expect((await openOrUpdatePullRequest(c(), spec('ghcr.io/acme/web:2.1.0'))).operation).toBe('updated');
    const renamed = DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: api-renamed');
    const main = commitOnTop(started.dir, 'main', API, renamed, 'someone renamed the deployment');
    return { ...started, c, renamed, main };
  }

  it("moves the branch by compare-and-swap: a job's commit landing between the read and the rebuild is never overwritten", async () => {
    const { emu, dir, c, renamed, main } = await shared();
    let landed = '';
    const s = spec('ghcr.io/acme/api:1.2.0', {
      onPlan: (_plan, _snapshot, attempt) => {
        // Another job of the matrix commits its image on the PR branch after this run read it.
        if (attempt === 1) landed = commitOnTop(dir, BRANCH, WEB, DEPLOY('ghcr.io/acme/web:2.2.0'), 'another job');
      },
    });
    const result = await openOrUpdatePullRequest(c(), s);
    expect(result).toMatchObject({ operation: 'updated', attempts: 2 });
    expect(landed).not.toBe('');
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(main);
    expect(text(dir, BRANCH, API)).toBe(renamed.replace('api:1.0.0', 'api:1.2.0'));
    expect(text(dir, BRANCH, WEB)).toBe(DEPLOY('ghcr.io/acme/web:2.2.0'));
    expect(git(dir, 'rev-list', '--count', `main..${BRANCH}`)).toBe('1');
    expect(emu.pulls(NAME)[0]?.title).toBe('Bump api 1.0.0 → 1.2.0, web 2.0.0 → 2.2.0 in prod');
  });

  it('puts the branch back when the rebuild moved it but its commit failed, then rebuilds with everything', async () => {
    const { emu, dir, renamed } = await shared();
    const before = git(dir, 'rev-parse', BRANCH);
    // The rebuild's commit expects a head the branch will not have: the move lands, the commit fails.
    const proxy = await rewritingProxy(emu.url, (body) =>
      body.includes('updateRefs') && body.includes('createCommitOnBranch') ? body.replace(/"expectedHeadOid":"[0-9a-f]{40}"/, `"expectedHeadOid":"${before}"`) : undefined,
    );
    try {
      emu.resetLog();
      const result = await openOrUpdatePullRequest(client(proxy.url), spec('ghcr.io/acme/api:1.2.0'));
      expect(proxy.rewritten()).toBe(1);
      expect(result).toMatchObject({ operation: 'updated', attempts: 2 });
      expect(emu.requests.map((r) => r.operation)).toContain('mutation updateRefs');
      expect(text(dir, BRANCH, API)).toBe(renamed.replace('api:1.0.0', 'api:1.2.0'));
      expect(text(dir, BRANCH, WEB)).toBe(DEPLOY('ghcr.io/acme/web:2.1.0'));
    } finally {
      await proxy.close();
    }
  });

  it('gives a branch that holds no commit of its own (a rebuild between its move and its commit) two rounds, then goes on', async () => {
    const { emu, dir } = await start();
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'))).operation).toBe('created');
    git(dir, 'update-ref', `refs/heads/${BRANCH}`, git(dir, 'rev-parse', 'main'));
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/web:2.1.0'));
    expect(result).toMatchObject({ operation: 'updated', attempts: 3 });
    expect(emu.pulls(NAME)[0]?.state).toBe('open');
    expect(text(dir, BRANCH, WEB)).toBe(DEPLOY('ghcr.io/acme/web:2.1.0'));
  });
});
