// Pull-request mode against the GitHub emulator: create, update, unchanged, close, rebuild, and the races.
import { describe, expect, it } from 'vitest';
import { GitHubError } from '../../../../src/github/errors.js';
import { openOrUpdatePullRequest } from '../../../../src/github/pull/open.js';
import { compilePaths } from '../../../../src/core/paths.js';
import { commitOnTop, git, lossyProxy } from '../helpers.js';
import { API, BRANCH, client, DEPLOY, NAME, spec, start, target, text, useEmulator, WEB, type RepoOptions } from './helpers.js';

useEmulator();

describe('a new pull request', () => {
  it('creates the branch at the base head, one verified commit, the PR with labels, reviewers, assignees, draft: ≤ 5 requests, main untouched', async () => {
    const { emu, dir } = await start({ labels: ['deploy'] });
    const main = git(dir, 'rev-parse', 'main');
    const c = client(emu.url);
    const s = spec('ghcr.io/acme/api:1.1.0', { labels: ['deploy', 'prod'], reviewers: ['alice'], teamReviewers: ['acme/sre'], assignees: ['carol'], draft: true });
    const result = await openOrUpdatePullRequest(c, s);
    expect(result).toMatchObject({ operation: 'created', number: 1, branch: BRANCH, base: 'main', attempts: 1 });
    expect(result.url).toMatch(/\/acme\/gitops\/pull\/1$/);
    expect(git(dir, 'rev-parse', 'main')).toBe(main);
    expect(result.commit?.oid).toBe(git(dir, 'rev-parse', BRANCH));
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(main);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.1.0'));
    expect(git(dir, 'diff', '--name-only', main, BRANCH)).toBe(API);
    expect(git(dir, 'log', '-1', '--format=%s', BRANCH)).toBe('Bump api 1.0.0 → 1.1.0');
    const [pull] = emu.pulls(NAME);
    expect(pull).toMatchObject({
      head: BRANCH,
      base: 'main',
      state: 'open',
      draft: true,
      title: 'Bump api 1.0.0 → 1.1.0 in prod',
      body: `- ${API}:10 1.0.0 → 1.1.0`,
      reviewers: ['alice'],
      teamReviewers: ['sre'],
      assignees: ['carol'],
    });
    expect([...(pull?.labels ?? [])].sort()).toEqual(['deploy', 'prod']);
    expect(result.plan.changes).toHaveLength(1);
    expect(s.warnings).toEqual([]);
    // read, lookup of reviewer ids (in parallel), branch+commit+PR, follow-up, REST for the label 'prod' that did not exist.
    expect(c.stats().requests).toBeLessThanOrEqual(5);
    expect(emu.requests.filter((r) => r.mutation).length).toBeLessThanOrEqual(3);
  });

  it('takes 3 requests with an existing label: read, one document (branch, commit, PR), one follow-up', async () => {
    const { emu } = await start({ labels: ['deploy'] });
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.1.0', { labels: ['deploy'] }));
    expect(result.operation).toBe('created');
    expect(c.stats().requests).toBe(3);
    expect(emu.requests.map((r) => r.operation)).toEqual([
      'query',
      'mutation updateRefs,createCommitOnBranch,createPullRequest',
      'mutation addLabelsToLabelable',
    ]);
    expect(emu.pulls(NAME)[0]?.labels).toEqual(['deploy']);
  });

  it('works with globs (two reads) and reports none when nothing needs changing, without a branch', async () => {
    const { emu, dir } = await start();
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.0.0', { paths: compilePaths(['apps/prod/**/*.yaml']) }));
    expect(result).toMatchObject({ operation: 'none', branch: BRANCH, base: 'main' });
    expect(result.number).toBeUndefined();
    expect(git(dir, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
    expect(emu.pulls(NAME)).toEqual([]);
    expect(c.stats().mutations).toBe(0);

    const created = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', { paths: compilePaths(['apps/prod/**/*.yaml']) }));
    expect(created.operation).toBe('created');
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.1.0'));
  });

  it('opens against the `branch` given as base (not the default branch), with a refs/heads/ head name', async () => {
    const { emu, dir } = await start();
    git(dir, 'branch', 'release', 'main');
    const release = commitOnTop(dir, 'release', WEB, DEPLOY('ghcr.io/acme/web:2.0.1'), 'release fix');
    const s = spec('ghcr.io/acme/web:2.1.0', { target: { ...target, branch: 'release' }, branch: `refs/heads/${BRANCH}` });
    const result = await openOrUpdatePullRequest(client(emu.url), s);
    expect(result).toMatchObject({ operation: 'created', base: 'release', branch: BRANCH });
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(release);
    expect(emu.pulls(NAME)[0]).toMatchObject({ base: 'release', head: BRANCH, title: 'Bump web 2.0.1 → 2.1.0 in prod' });
    expect((await openOrUpdatePullRequest(client(emu.url), s)).operation).toBe('unchanged');
  });

  it("cuts a title and a body longer than GitHub's limits instead of failing", async () => {
    const { emu } = await start();
    const result = await openOrUpdatePullRequest(
      client(emu.url),
      spec('ghcr.io/acme/api:1.1.0', { title: () => `Bump ${'x'.repeat(300)}`, body: () => 'y'.repeat(70_000) }),
    );
    expect(result.operation).toBe('created');
    const pull = emu.pulls(NAME)[0];
    expect(pull?.title).toHaveLength(256);
    expect(pull?.title.endsWith('…')).toBe(true);
    expect(pull?.body).toHaveLength(65_536);
    expect(pull?.body).toMatch(/cut at GitHub's limit of 65,536 characters\)$/);
  });

  it('reuses a leftover branch of a closed PR (moved by compare-and-swap, never "Reference already exists")', async () => {
    const { emu, dir } = await start();
    git(dir, 'branch', BRANCH, 'main');
    const leftover = commitOnTop(dir, BRANCH, API, DEPLOY('ghcr.io/acme/api:0.1.0'), 'stale leftover');
    const main = commitOnTop(dir, 'main', 'README.md', 'readme\n', 'main moved');
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'));
    expect(result.operation).toBe('created');
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(main);
    expect(git(dir, 'rev-list', BRANCH).split('\n')).not.toContain(leftover);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.1.0'));
  });
});

describe('later runs for the same branch', () => {
  async function opened(extra: Partial<RepoOptions> = {}) {
    const started = await start(extra);
    const first = await openOrUpdatePullRequest(client(started.emu.url), spec('ghcr.io/acme/api:1.1.0'));
    expect(first.operation).toBe('created');
    started.emu.resetLog();
    return { ...started, first };
  }

  it('a newer tag updates the same PR: one commit on the PR head, title and body refreshed, ≤ 4 requests', async () => {
    const { emu, dir, first } = await opened();
    const main = git(dir, 'rev-parse', 'main');
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.2.0'));
    expect(result).toMatchObject({ operation: 'updated', number: first.number, url: first.url, attempts: 1 });
    expect(c.stats().requests).toBeLessThanOrEqual(4);
    expect(c.stats().requests).toBe(2);
    expect(git(dir, 'rev-parse', 'main')).toBe(main);
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(first.commit?.oid);
    expect(result.commit?.oid).toBe(git(dir, 'rev-parse', BRANCH));
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
    expect(emu.pulls(NAME)).toHaveLength(1);
    expect(emu.pulls(NAME)[0]).toMatchObject({ title: 'Bump api 1.0.0 → 1.2.0 in prod', body: `- ${API}:10 1.0.0 → 1.2.0`, state: 'open' });
    // The PR proposes 1.0.0 → 1.2.0 against the base; the commit moved the branch from 1.1.0.
    expect(result.plan.changes).toMatchObject([{ from: '1.0.0', to: '1.2.0' }]);
    expect(git(dir, 'log', '-1', '--format=%s', BRANCH)).toBe('Bump api 1.1.0 → 1.2.0');
  });

  it('an identical re-run is unchanged: one request, no commit, no mutation', async () => {
    const { emu, dir, first } = await opened();
    const head = git(dir, 'rev-parse', BRANCH);
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.1.0'));
    expect(result).toMatchObject({ operation: 'unchanged', number: first.number });
    expect(result.commit).toBeUndefined();
    expect(git(dir, 'rev-parse', BRANCH)).toBe(head);
    expect(c.stats().requests).toBe(1);
    expect(c.stats().mutations).toBe(0);
  });

  it('unchanged content still refreshes a title someone edited', async () => {
    const { emu, dir } = await opened();
    const head = git(dir, 'rev-parse', BRANCH);
    const pull = emu.pulls(NAME)[0];
    if (pull) pull.title = 'edited by hand';
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.1.0'));
    expect(result.operation).toBe('unchanged');
    expect(emu.pulls(NAME)[0]?.title).toBe('Bump api 1.0.0 → 1.1.0 in prod');
    expect(git(dir, 'rev-parse', BRANCH)).toBe(head);
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'mutation updatePullRequest']);
  });

  it('a late older build is refused against the PR branch and never lowers what the PR proposes', async () => {
    const { emu, dir } = await opened();
    const head = git(dir, 'rev-parse', BRANCH);
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.0.5'));
    expect(result.operation).toBe('unchanged');
    // The result is what the PR proposes (still 1.1.0), with this run's refusal.
    expect(result.plan.changes).toMatchObject([{ file: API, from: '1.0.0', to: '1.1.0' }]);
    expect(result.plan.refusals).toMatchObject([{ file: API, from: '1.1.0', to: '1.0.5' }]);
    expect(git(dir, 'rev-parse', BRANCH)).toBe(head);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.1.0'));
    expect(emu.pulls(NAME)[0]?.title).toBe('Bump api 1.0.0 → 1.1.0 in prod');
  });

  it('a run whose images the base already holds leaves a shared PR, its title and its other changes alone', async () => {
    const { emu, dir } = await opened();
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/web:2.1.0'))).operation).toBe('updated');
    const head = git(dir, 'rev-parse', BRANCH);
    const title = emu.pulls(NAME)[0]?.title;
    emu.resetLog();
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/web:2.0.0'));
    expect(result.operation).toBe('unchanged');
    expect(emu.pulls(NAME)[0]).toMatchObject({ state: 'open', title });
    expect(git(dir, 'rev-parse', BRANCH)).toBe(head);
    expect(emu.requests.filter((r) => r.mutation)).toEqual([]);
  });

  it('closes the PR and deletes its branch when the base already holds everything it proposes', async () => {
    const { emu, dir, first } = await opened();
    commitOnTop(dir, 'main', API, DEPLOY('ghcr.io/acme/api:1.1.0'), 'merged by hand');
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.1.0'));
    expect(result).toMatchObject({ operation: 'closed', number: first.number });
    expect(emu.pulls(NAME)[0]?.state).toBe('closed');
    expect(git(dir, 'for-each-ref', '--format=%(refname)', 'refs/heads/gitops-bump')).toBe('');
    expect(c.stats().requests).toBe(2);
  });

  it('rebuilds on the moved base when the base changed an edited file: parent is the new base head, no merges', async () => {
    const { emu, dir, first } = await opened();
    const moved = DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: api-renamed');
    const main = commitOnTop(dir, 'main', API, moved, 'someone renamed the deployment');
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.2.0'));
    expect(result).toMatchObject({ operation: 'updated', number: first.number });
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(main);
    expect(git(dir, 'rev-list', '--count', `main..${BRANCH}`)).toBe('1');
    expect(git(dir, 'rev-list', '--merges', BRANCH)).toBe('');
    expect(text(dir, BRANCH, API)).toBe(moved.replace('api:1.0.0', 'api:1.2.0'));
    // read, the fork point's files, one document: ≤ 4.
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'query', 'mutation updateRefs,createCommitOnBranch,updatePullRequest']);
  });

  it('a rebuild keeps what other runs of a shared branch proposed in files the base did not touch', async () => {
    const { emu, dir } = await opened();
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/web:2.1.0'))).operation).toBe('updated');
    const moved = DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: api-renamed');
    const main = commitOnTop(dir, 'main', API, moved, 'someone renamed the deployment');
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0'));
    expect(result.operation).toBe('updated');
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(main);
    expect(text(dir, BRANCH, API)).toBe(moved.replace('api:1.0.0', 'api:1.2.0'));
    expect(text(dir, BRANCH, WEB)).toBe(DEPLOY('ghcr.io/acme/web:2.1.0'));
    expect(git(dir, 'diff', '--name-only', 'main', BRANCH).split('\n').sort()).toEqual([API, WEB]);
  });

  it('a rebuild takes the base version of a file the base changed, never reverting it', async () => {
    const { emu, dir } = await opened();
    const web = DEPLOY('ghcr.io/acme/web:2.0.0').replace('name: x', 'name: web-renamed');
    commitOnTop(dir, 'main', WEB, web, 'web renamed');
    const api = DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: api-renamed');
    const main = commitOnTop(dir, 'main', API, api, 'api renamed');
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0'))).operation).toBe('updated');
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(main);
    expect(git(dir, 'diff', '--name-only', 'main', BRANCH)).toBe(API);
    expect(text(dir, BRANCH, WEB)).toBe(web);
  });

  it('without a fork point in reach (the base moved more than 8 commits), the rebuild replays everything the branch proposes on the base', async () => {
    const { emu, dir } = await opened();
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/web:2.1.0'))).operation).toBe('updated');
    let main = '';
    for (let i = 0; i < 9; i++) main = commitOnTop(dir, 'main', API, DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', `name: api-${i}`));
    emu.resetLog();
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0'));
    expect(result.operation).toBe('updated');
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(main);
    // The base's rename and this run's version in the file changed on both sides; the other run's web bump kept.
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0').replace('name: x', 'name: api-8'));
    expect(text(dir, BRANCH, WEB)).toBe(DEPLOY('ghcr.io/acme/web:2.1.0'));
    expect(git(dir, 'diff', '--name-only', 'main', BRANCH).split('\n').sort()).toEqual([API, WEB]);
    expect(emu.pulls(NAME)[0]).toMatchObject({ title: 'Bump api 1.0.0 → 1.2.0, web 2.0.0 → 2.1.0 in prod', body: `- ${API}:10 1.0.0 → 1.2.0\n- ${WEB}:10 2.0.0 → 2.1.0` });
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'mutation updateRefs,createCommitOnBranch,updatePullRequest']);
  });

  it('keeps committing on the PR head when the base moved elsewhere', async () => {
    const { emu, dir, first } = await opened();
    commitOnTop(dir, 'main', 'README.md', 'unrelated\n');
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0'));
    expect(result.operation).toBe('updated');
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(first.commit?.oid);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
    // An identical re-run after that is unchanged even though main moved.
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0'))).operation).toBe('unchanged');
  });

  it('with a glob confined to a folder, an update takes 2 requests (the base and the PR branch listed with their texts in one) and a re-run 1', async () => {
    const { emu, dir } = await start();
    const globs = { paths: compilePaths(['apps/prod/**/*.yaml']) };
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', globs))).operation).toBe('created');
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.2.0', globs));
    expect(result.operation).toBe('updated');
    expect(c.stats().requests).toBe(2);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
    const again = client(emu.url);
    expect((await openOrUpdatePullRequest(again, spec('ghcr.io/acme/api:1.2.0', globs))).operation).toBe('unchanged');
    expect(again.stats().requests).toBe(1);
    // Listed by name (what follows when GitHub cannot answer the listing with texts): the base files and the PR
    // branch files are each read by path, one request more each.
    const byName = client(emu.url);
    const plain = { ...globs, read: { inlineTexts: false } };
    expect((await openOrUpdatePullRequest(byName, spec('ghcr.io/acme/api:1.3.0', plain))).operation).toBe('updated');
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.3.0'));
    expect(byName.stats().requests).toBe(4);
    const byNameAgain = client(emu.url);
    expect((await openOrUpdatePullRequest(byNameAgain, spec('ghcr.io/acme/api:1.3.0', plain))).operation).toBe('unchanged');
    expect(byNameAgain.stats().requests).toBe(3);
  });

  it('with a glob across the tree, an update reads the base and the PR branch with their texts in one request: 2 requests, a re-run 1', async () => {
    const { emu, dir } = await start();
    const globs = { paths: compilePaths(['**/prod/*.yaml']) };
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', globs))).operation).toBe('created');
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.2.0', globs));
    expect(result.operation).toBe('updated');
    expect(c.stats().requests).toBe(2);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
    const again = client(emu.url);
    expect((await openOrUpdatePullRequest(again, spec('ghcr.io/acme/api:1.2.0', globs))).operation).toBe('unchanged');
    expect(again.stats().requests).toBe(1);
    // Listed by name (what follows when GitHub cannot answer the listing with texts): the base files and the PR
    // branch files are each read by path, one request more each.
    const byName = client(emu.url);
    const plain = { ...globs, read: { inlineTexts: false } };
    expect((await openOrUpdatePullRequest(byName, spec('ghcr.io/acme/api:1.3.0', plain))).operation).toBe('updated');
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.3.0'));
    expect(byName.stats().requests).toBe(4);
    const byNameAgain = client(emu.url);
    expect((await openOrUpdatePullRequest(byNameAgain, spec('ghcr.io/acme/api:1.3.0', plain))).operation).toBe('unchanged');
    expect(byNameAgain.stats().requests).toBe(3);
  });

  it('adds a label it lacks on update, in the same document', async () => {
    const { emu } = await opened({ labels: ['deploy'] });
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0', { labels: ['deploy'] }));
    expect(result.operation).toBe('updated');
    expect(emu.pulls(NAME)[0]?.labels).toEqual(['deploy']);
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'mutation createCommitOnBranch,updatePullRequest,addLabelsToLabelable']);
  });
});

describe('races', () => {
  it('two concurrent runs with different images on one branch end in one PR holding both', async () => {
    const { emu, dir } = await start();
    const main = git(dir, 'rev-parse', 'main');
    const [a, b] = await Promise.all([
      openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0')),
      openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/web:2.1.0')),
    ]);
    expect(emu.pulls(NAME)).toHaveLength(1);
    expect(emu.pulls(NAME)[0]?.state).toBe('open');
    expect([a.operation, b.operation].sort()).toEqual(['created', 'updated']);
    expect(a.number).toBe(1);
    expect(b.number).toBe(1);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.1.0'));
    expect(text(dir, BRANCH, WEB)).toBe(DEPLOY('ghcr.io/acme/web:2.1.0'));
    expect(git(dir, 'rev-list', '--merges', BRANCH)).toBe('');
    expect(git(dir, 'rev-parse', 'main')).toBe(main);
  });

  it('two concurrent updates of an open PR with different images both land on its branch, linear', async () => {
    const { emu, dir } = await start();
    const first = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'));
    const [a, b] = await Promise.all([
      openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0')),
      openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/web:2.1.0')),
    ]);
    expect([a.operation, b.operation]).toEqual(['updated', 'updated']);
    expect([a.number, b.number]).toEqual([first.number, first.number]);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
    expect(text(dir, BRANCH, WEB)).toBe(DEPLOY('ghcr.io/acme/web:2.1.0'));
    expect(git(dir, 'rev-list', '--count', `main..${BRANCH}`)).toBe('3');
    expect(git(dir, 'rev-list', '--merges', BRANCH)).toBe('');
    expect(emu.pulls(NAME)).toHaveLength(1);
  });

  it('re-reads after a racing commit on the PR branch (STALE_DATA) and lands on top of it', async () => {
    const { emu, dir } = await start();
    await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'));
    emu.raceNextWrite(NAME, BRANCH);
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0'));
    expect(result).toMatchObject({ operation: 'updated', attempts: 2 });
    expect(git(dir, 'log', '-1', '--format=%s', `${BRANCH}^`)).toMatch(/^race/);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
  });

  it('recognises its own PR and commit when the answer to the create document was lost and the retry lost the race', async () => {
    const { emu, dir } = await start({ labels: ['deploy'] });
    const proxy = await lossyProxy(emu.url, (body) => body.includes('createPullRequest'));
    try {
      const result = await openOrUpdatePullRequest(client(proxy.url), spec('ghcr.io/acme/api:1.1.0', { labels: ['deploy'] }));
      expect(proxy.dropped()).toBe(1);
      expect(result).toMatchObject({ operation: 'created', number: 1, attempts: 2 });
      expect(result.commit?.oid).toBe(git(dir, 'rev-parse', BRANCH));
      expect(git(dir, 'rev-list', '--count', `main..${BRANCH}`)).toBe('1');
      expect(emu.pulls(NAME)).toHaveLength(1);
      expect(emu.pulls(NAME)[0]?.labels).toEqual(['deploy']);
    } finally {
      await proxy.close();
    }
  });

  it('gives up with race-exhausted when the branch never holds still', async () => {
    const { emu } = await start();
    await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0'));
    emu.raceNextWrite(NAME, BRANCH, 100);
    const error = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0', { maxAttempts: 3 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'race-exhausted' });
    expect((error as Error).message).toContain(`'${BRANCH}'`);
  });
});
