// Pull-request mode against the GitHub emulator: create, update, unchanged, close, rebuild, races, follow-ups, errors.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { createClient } from '../../../src/github/client.js';
import { GitHubError } from '../../../src/github/errors.js';
import { decidePull, openOrUpdatePullRequest, type PullObservation, type PullRequestSpec } from '../../../src/github/pull.js';
import type { RemoteSnapshot } from '../../../src/github/read.js';
import { compilePaths } from '../../../src/core/paths.js';
import { plan } from '../../../src/core/plan.js';
import { parseImages } from '../../../src/settings/settings.js';
import type { Plan } from '../../../src/core/types.js';
import { cleanupRepos, commitOnTop, git, makeRepo, show } from './helpers.js';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type EmulatorOptions = Parameters<typeof startEmulator>[0];
type RepoOptions = EmulatorOptions['repos'][number];

const NAME = 'acme/gitops';
const target = { owner: 'acme', repo: 'gitops' };
const BRANCH = 'gitops-bump/prod/api';
const API = 'apps/prod/api.yaml';
const WEB = 'apps/prod/web.yaml';
const DEPLOY = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;
const FILES = {
  [API]: DEPLOY('ghcr.io/acme/api:1.0.0'),
  [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0'),
  'apps/dev/api.yaml': DEPLOY('ghcr.io/acme/api:0.9.0'),
};

let emu: Emulator | undefined;

afterEach(async () => {
  expect(emu?.contractViolations ?? []).toEqual([]);
  await emu?.stop();
  emu = undefined;
  cleanupRepos();
});

async function start(repo: Partial<RepoOptions> = {}, options: Partial<EmulatorOptions> = {}, files: Record<string, string> = FILES) {
  const dir = makeRepo(files);
  emu = await startEmulator({ ...options, repos: [{ name: NAME, dir, ...repo }] });
  return { emu, dir: emu.repoDir(NAME) };
}

function client(url: string) {
  return createClient({ token: 'tok', apiUrl: url, retry: { baseMs: 1, maxMs: 10 } });
}

const describePlan = (p: Plan) => p.changes.map((c) => `${c.image.split('/').pop() ?? c.image} ${c.from} → ${c.to}`).join(', ');

/** A spec with the real planner (`plan` over `parseImages`) and the 'newer' policy. */
function spec(images: string, extra: Partial<PullRequestSpec> = {}): PullRequestSpec & { warnings: string[] } {
  const requests = parseImages(images);
  const warnings: string[] = [];
  return {
    target,
    paths: compilePaths(['apps/prod/api.yaml', 'apps/prod/web.yaml']),
    branch: BRANCH,
    planner: (snapshot) => plan(snapshot.files, requests, { policy: { kind: 'newer' } }),
    message: (p) => ({ headline: `Bump ${describePlan(p)}` }),
    title: (p) => `Bump ${describePlan(p)} in prod`,
    body: (p) => p.changes.map((c) => `- ${c.file}:${c.line} ${c.from} → ${c.to}`).join('\n'),
    backoff: { baseMs: 1, maxMs: 20 },
    warn: (m) => warnings.push(m),
    warnings,
    ...extra,
  };
}

function text(dir: string, rev: string, path: string): string {
  return show(dir, rev, path).toString('utf8');
}

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
    expect(result.plan.edits).toEqual([]);
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

  it('without a fork point in reach (the base moved more than 8 commits), the rebuild holds the base plan alone', async () => {
    const { emu, dir } = await opened();
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/web:2.1.0'))).operation).toBe('updated');
    let main = '';
    for (let i = 0; i < 9; i++) main = commitOnTop(dir, 'main', API, DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', `name: api-${i}`));
    emu.resetLog();
    const result = await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.2.0'));
    expect(result.operation).toBe('updated');
    expect(git(dir, 'rev-parse', `${BRANCH}^`)).toBe(main);
    expect(git(dir, 'diff', '--name-only', 'main', BRANCH)).toBe(API);
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

  it('with globs, an update reads the PR branch files in one more request: ≤ 4 requests', async () => {
    const { emu, dir } = await start();
    const globs = { paths: compilePaths(['apps/prod/**/*.yaml']) };
    expect((await openOrUpdatePullRequest(client(emu.url), spec('ghcr.io/acme/api:1.1.0', globs))).operation).toBe('created');
    const c = client(emu.url);
    const result = await openOrUpdatePullRequest(c, spec('ghcr.io/acme/api:1.2.0', globs));
    expect(result.operation).toBe('updated');
    expect(c.stats().requests).toBe(4);
    expect(text(dir, BRANCH, API)).toBe(DEPLOY('ghcr.io/acme/api:1.2.0'));
    const again = client(emu.url);
    expect((await openOrUpdatePullRequest(again, spec('ghcr.io/acme/api:1.2.0', globs))).operation).toBe('unchanged');
    expect(again.stats().requests).toBe(3);
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

/** A proxy to `upstream` that forwards every request but drops the answer (connection reset) to the first one `drop` picks. */
async function lossyProxy(upstream: string, drop: (body: string) => boolean) {
  let dropped = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      void fetch(`${upstream}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body.length > 0 ? { body } : {}) }).then(async (answer) => {
        const bytes = Buffer.from(await answer.arrayBuffer());
        if (dropped === 0 && drop(body.toString('utf8'))) {
          dropped += 1;
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(bytes);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('decidePull (pure)', () => {
  const B = 'b'.repeat(40);
  const P = 'c'.repeat(40);
  const F = 'f'.repeat(40);
  const snapshot = (files: Record<string, string>): RemoteSnapshot => ({
    head: B,
    branch: 'main',
    repositoryId: 'R_1',
    nameWithOwner: NAME,
    defaultBranch: 'main',
    autoMergeAllowed: false,
    headMessage: '',
    headUrl: '',
    headParents: [F],
    files: Object.entries(files).map(([path, text]) => ({ path, text })),
    skipped: [],
  });
  const pull = { id: 'PR_1', number: 1, url: 'u', title: 't', body: '', baseRefName: 'main', labels: [] };
  const observation = (base: Record<string, string>, extra: Partial<PullObservation> = {}): PullObservation => ({
    snapshot: snapshot(base),
    labelIds: new Map(),
    baseChain: [B, F],
    ...extra,
  });
  const branch = (files: Record<string, string>, chain = [P, F]) => ({
    head: P,
    message: 'm',
    url: 'u',
    chain,
    files: { files: Object.entries(files).map(([path, text]) => ({ path, text })), skipped: [] },
  });

  it('no PR and nothing to change: none; something to change: create from the base head (branch must not exist)', () => {
    expect(decidePull(observation({ [API]: DEPLOY('ghcr.io/acme/api:1.1.0') }), spec('ghcr.io/acme/api:1.1.0')).kind).toBe('none');
    const create = decidePull(observation({ [API]: DEPLOY('ghcr.io/acme/api:1.0.0') }), spec('ghcr.io/acme/api:1.1.0'));
    expect(create).toMatchObject({ kind: 'write', parent: B, moveFrom: '0'.repeat(40), describes: true });
  });

  it('an open PR whose branch is gone is recreated from the base head', () => {
    const decision = decidePull(observation({ [API]: DEPLOY('ghcr.io/acme/api:1.0.0') }, { pull }), spec('ghcr.io/acme/api:1.1.0'));
    expect(decision).toMatchObject({ kind: 'write', parent: B, moveFrom: '0'.repeat(40), pull });
  });

  it('a late older build on a moved base is refused against the PR branch: no rebuild, the title is kept', () => {
    const base = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: y') };
    const decision = decidePull(
      observation(base, { pull, baseChain: [B], branch: branch({ [API]: DEPLOY('ghcr.io/acme/api:1.2.0') }) }),
      spec('ghcr.io/acme/api:1.1.0'),
    );
    expect(decision).toMatchObject({ kind: 'unchanged', describes: false });
    expect(decision.plan.edits).toEqual([]);
    expect(decision.plan.refusals).toMatchObject([{ file: API, from: '1.2.0', to: '1.1.0' }]);
  });

  it('asks for the fork point before rebuilding, then rebuilds on the base with what the PR proposed elsewhere', () => {
    const base = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: y'), [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0') };
    const pr = { [API]: DEPLOY('ghcr.io/acme/api:1.1.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.1.0') };
    const fork = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0') };
    const first = decidePull(observation(base, { pull, branch: branch(pr) }), spec('ghcr.io/acme/api:1.2.0'));
    expect(first).toMatchObject({ kind: 'fork', oid: F });
    const files = { files: Object.entries(fork).map(([path, text]) => ({ path, text })), skipped: [] };
    const second = decidePull(observation(base, { pull, branch: branch(pr), fork: { oid: F, files } }), spec('ghcr.io/acme/api:1.2.0'));
    expect(second).toMatchObject({ kind: 'write', parent: B, moveFrom: P });
    if (second.kind !== 'write') return;
    expect(Object.fromEntries(second.write.edits.map((e) => [e.path, e.after]))).toEqual({
      [API]: base[API].replace('api:1.0.0', 'api:1.2.0'),
      [WEB]: DEPLOY('ghcr.io/acme/web:2.1.0'),
    });
  });
});
