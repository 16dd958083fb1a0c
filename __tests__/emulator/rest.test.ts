import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';

/** Octokit logs every 4xx/5xx; these tests provoke them on purpose. */
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
import { SAMPLE_FILES, cleanup, gitIn, isHttpFailure, makeRepo, type HttpFailure } from './fixture.js';

const owner = 'acme';
const repo = 'gitops';

let emu: Emulator;
let dir: string;
let octokit: Octokit;
let ghes: Octokit;

beforeAll(async () => {
  dir = makeRepo(SAMPLE_FILES);
  emu = await startEmulator({ repos: [{ name: `${owner}/${repo}`, dir, protectedBranches: ['locked'] }] });
  octokit = new Octokit({ log: quiet, auth: 'test-token', baseUrl: emu.url });
  ghes = new Octokit({ log: quiet, auth: 'test-token', baseUrl: `${emu.url}/api/v3` });
});

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(dir);
});

/** The HTTP failure a call rejects with. */
async function failure(call: Promise<unknown>): Promise<HttpFailure> {
  try {
    await call;
  } catch (error) {
    if (isHttpFailure(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const head = (branch = 'main'): string => gitIn(dir, 'rev-parse', `refs/heads/${branch}`);

describe('repository and branches', () => {
  it('gets the repository with its default branch', async () => {
    const { data } = await octokit.repos.get({ owner, repo });
    expect(data.full_name).toBe('acme/gitops');
    expect(data.default_branch).toBe('main');
  });

  it('gets a branch at the git head', async () => {
    const { data } = await octokit.repos.getBranch({ owner, repo, branch: 'main' });
    expect(data.commit.sha).toBe(head());
    expect(data.protected).toBe(false);
  });

  it('answers 404 {"message":"Not Found"} for an unknown repository, branch or ref', async () => {
    const unknownRepo = await failure(octokit.repos.get({ owner, repo: 'missing' }));
    expect(unknownRepo.status).toBe(404);
    expect((unknownRepo.response?.data as { message: string }).message).toBe('Not Found');
    expect((await failure(octokit.repos.getBranch({ owner, repo, branch: 'nope' }))).status).toBe(404);
    expect((await failure(octokit.git.getRef({ owner, repo, ref: 'heads/nope' }))).status).toBe(404);
  });

  it('answers 401 without a token', async () => {
    const response = await fetch(`${emu.url}/repos/${owner}/${repo}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Requires authentication' });
  });

  it('answers 401 "Bad credentials" for a revoked token, over REST and GraphQL', async () => {
    emu.revokeToken('revoked-token');
    const rest = await fetch(`${emu.url}/repos/${owner}/${repo}`, { headers: { authorization: 'token revoked-token' } });
    expect(rest.status).toBe(401);
    expect(await rest.json()).toMatchObject({ message: 'Bad credentials' });
    const graphql = await fetch(`${emu.url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer revoked-token', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { login } }' }),
    });
    expect(graphql.status).toBe(401);
  });

  it('serves the same API under /api/v3 (GHES)', async () => {
    const { data } = await ghes.repos.getBranch({ owner, repo, branch: 'main' });
    expect(data.commit.sha).toBe(head());
    expect(data._links.self).toContain('/api/v3/');
  });

  it('reports x-ratelimit-* headers and GET /rate_limit', async () => {
    const response = await octokit.rateLimit.get();
    expect(Number(response.headers['x-ratelimit-limit'])).toBeGreaterThan(0);
    expect(response.headers['x-ratelimit-resource']).toBe('core');
    expect(response.data.resources.core.used).toBeGreaterThan(0);
  });
});

describe('git data', () => {
  it('lists a tree recursively, matching git ls-tree', async () => {
    const { data } = await octokit.git.getTree({ owner, repo, tree_sha: head(), recursive: 'true' });
    const paths = data.tree.map((e) => e.path).sort();
    const expected = gitIn(dir, 'ls-tree', '-r', '-t', '--name-only', head()).split('\n').sort();
    expect(paths).toEqual(expected);
    const file = data.tree.find((e) => e.path === 'apps/web/deployment.yaml');
    expect(file?.sha).toBe(gitIn(dir, 'rev-parse', `${head()}:apps/web/deployment.yaml`));
  });

  it('truncates a recursive tree listing past treeEntryLimit, as GitHub does past its limit; one level never', async () => {
    await emu.addRepo({ name: `${owner}/truncating`, dir, treeEntryLimit: 3 });
    const recursive = await octokit.git.getTree({ owner, repo: 'truncating', tree_sha: head(), recursive: 'true' });
    const all = gitIn(dir, 'ls-tree', '-r', '-t', '--name-only', head()).split('\n');
    expect(all.length).toBeGreaterThan(3);
    expect(recursive.data.truncated).toBe(true);
    expect(recursive.data.tree.map((e) => e.path)).toEqual(all.slice(0, 3));
    const level = await octokit.git.getTree({ owner, repo: 'truncating', tree_sha: head() });
    expect(level.data.truncated).toBe(false);
    expect(level.data.tree.map((e) => e.path)).toEqual(gitIn(dir, 'ls-tree', '--name-only', head()).split('\n'));
    const small = await octokit.git.getTree({ owner, repo: 'truncating', tree_sha: gitIn(dir, 'rev-parse', `${head()}:apps/web`), recursive: 'true' });
    expect(small.data.truncated).toBe(false);
  });

  it('reads blobs and contents at a ref', async () => {
    const oid = gitIn(dir, 'rev-parse', 'main:README.md');
    const blob = await octokit.git.getBlob({ owner, repo, file_sha: oid });
    expect(Buffer.from(blob.data.content, 'base64').toString()).toBe('# gitops\n');
    const content = await octokit.repos.getContent({ owner, repo, path: 'apps/api/values.yaml', ref: 'main' });
    const file = content.data as { content: string; sha: string };
    expect(Buffer.from(file.content, 'base64').toString()).toBe(SAMPLE_FILES['apps/api/values.yaml']);
    expect(file.sha).toBe(gitIn(dir, 'rev-parse', 'main:apps/api/values.yaml'));
    const raw = await fetch(`${emu.url}/repos/${owner}/${repo}/git/blobs/${oid}`, { headers: { authorization: 'token t', accept: 'application/vnd.github.raw' } });
    expect(await raw.text()).toBe('# gitops\n');
  });

  it('answers the remaining read operations in GitHub\'s shapes', async () => {
    const sha = head();
    const branches = await octokit.repos.listBranches({ owner, repo });
    expect(branches.data.find((b) => b.name === 'main')?.commit.sha).toBe(sha);
    const commit = await octokit.repos.getCommit({ owner, repo, ref: 'main' });
    expect(commit.data.sha).toBe(sha);
    expect(commit.data.commit.message).toBe(gitIn(dir, 'log', '-1', '--format=%B', sha));
    const gitCommit = await octokit.git.getCommit({ owner, repo, commit_sha: sha });
    expect(gitCommit.data.tree.sha).toBe(gitIn(dir, 'rev-parse', `${sha}^{tree}`));
    expect(gitCommit.data.verification.verified).toBe(false);
    const directory = await octokit.repos.getContent({ owner, repo, path: 'apps', ref: sha });
    expect((directory.data as { name: string }[]).map((e) => e.name).sort()).toEqual(['api', 'web']);
    const root = await octokit.repos.getContent({ owner, repo, path: '' });
    expect((root.data as { path: string }[]).map((e) => e.path).sort()).toEqual(gitIn(dir, 'ls-tree', '--name-only', sha).split('\n').sort());
    expect((await octokit.users.getByUsername({ username: 'alice' })).data.login).toBe('alice');
    expect((await octokit.request('GET /')).data).toHaveProperty('rate_limit_url');
    expect((await failure(octokit.repos.getContent({ owner, repo, path: 'nope.yaml' }))).status).toBe(404);
  });

  it('commits through trees (base_tree, inline content, sha:null deletion) and a fast-forward ref update', async () => {
    const parent = head();
    const baseTree = gitIn(dir, 'rev-parse', `${parent}^{tree}`);
    const blob = await octokit.git.createBlob({ owner, repo, content: Buffer.from('binary\0data').toString('base64'), encoding: 'base64' });
    const tree = await octokit.git.createTree({
      owner,
      repo,
      base_tree: baseTree,
      tree: [
        { path: 'apps/web/deployment.yaml', mode: '100644', type: 'blob', content: 'spec: {}\n' },
        { path: 'apps/new/blob.bin', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'README.md', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const commit = await octokit.git.createCommit({ owner, repo, message: 'bump web', tree: tree.data.sha, parents: [parent] });
    expect(commit.data.verification?.verified).toBe(true);
    expect(commit.data.verification?.reason).toBe('valid');
    await octokit.git.updateRef({ owner, repo, ref: 'heads/main', sha: commit.data.sha });

    expect(head()).toBe(commit.data.sha);
    expect(gitIn(dir, 'rev-parse', 'main^')).toBe(parent);
    expect(gitIn(dir, 'show', 'main:apps/web/deployment.yaml')).toBe('spec: {}');
    expect(gitIn(dir, 'ls-tree', '-r', '--name-only', 'main')).not.toContain('README.md');
    expect(gitIn(dir, 'log', '-1', '--format=%cn <%ce>|%an|%s', 'main')).toBe('GitHub <noreply@github.com>|github-actions[bot]|bump web');
  });

  it('refuses a non-fast-forward update with 422 "Update is not a fast forward" unless force', async () => {
    const before = head();
    const tree = gitIn(dir, 'rev-parse', `${before}^{tree}`);
    const sideways = await octokit.git.createCommit({ owner, repo, message: 'sideways', tree, parents: [gitIn(dir, 'rev-parse', 'main^')] });
    const error = await failure(octokit.git.updateRef({ owner, repo, ref: 'heads/main', sha: sideways.data.sha }));
    expect(error.status).toBe(422);
    expect((error.response?.data as { message: string }).message).toBe('Update is not a fast forward');
    expect(head()).toBe(before);

    await octokit.git.updateRef({ owner, repo, ref: 'heads/main', sha: sideways.data.sha, force: true });
    expect(head()).toBe(sideways.data.sha);
    await octokit.git.updateRef({ owner, repo, ref: 'heads/main', sha: before, force: true });
  });

  it('creates, lists, gets (URL-encoded) and deletes refs, with 422 "Reference already exists"', async () => {
    const sha = head();
    const created = await octokit.git.createRef({ owner, repo, ref: 'refs/heads/feature/x', sha });
    expect(created.status).toBe(201);
    expect(gitIn(dir, 'rev-parse', 'refs/heads/feature/x')).toBe(sha);

    const again = await failure(octokit.git.createRef({ owner, repo, ref: 'refs/heads/feature/x', sha }));
    expect(again.status).toBe(422);
    expect((again.response?.data as { message: string }).message).toBe('Reference already exists');

    const encoded = await fetch(`${emu.url}/repos/${owner}/${repo}/git/ref/heads%2Ffeature%2Fx`, { headers: { authorization: 'token t' } });
    expect(encoded.status).toBe(200);
    expect(((await encoded.json()) as { object: { sha: string } }).object.sha).toBe(sha);

    const matching = await octokit.git.listMatchingRefs({ owner, repo, ref: 'heads/feature' });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/feature/x']);

    await octokit.git.deleteRef({ owner, repo, ref: 'heads/feature/x' });
    expect(() => gitIn(dir, 'rev-parse', '--verify', '--quiet', 'refs/heads/feature/x')).toThrow();
    const gone = await failure(octokit.git.deleteRef({ owner, repo, ref: 'heads/feature/x' }));
    expect(gone.status).toBe(422);
  });

  it('refuses a schema-invalid body with 422 and changes nothing', async () => {
    const before = head();
    const response = await fetch(`${emu.url}/repos/${owner}/${repo}/git/refs/heads%2Fmain`, {
      method: 'PATCH',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: JSON.stringify({ sha: before, force: 'yes' }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toMatch(/Invalid request/);
    const missing = await fetch(`${emu.url}/repos/${owner}/${repo}/git/refs`, {
      method: 'POST',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'refs/heads/y' }),
    });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { message: string }).message).toBe('Invalid request.\n\n"sha" wasn\'t supplied.');
    expect(head()).toBe(before);
  });

  it('refuses direct writes to a protected branch', async () => {
    await octokit.git.createRef({ owner, repo, ref: 'refs/heads/locked', sha: gitIn(dir, 'rev-parse', 'main^') });
    const error = await failure(octokit.git.updateRef({ owner, repo, ref: 'heads/locked', sha: head() }));
    expect(error.status).toBe(422);
    expect((error.response?.data as { message: string }).message).toMatch(/Protected branch update failed/);
    expect(gitIn(dir, 'rev-parse', 'refs/heads/locked')).toBe(gitIn(dir, 'rev-parse', 'main^'));
  });
});

describe('pull requests', () => {
  it('creates, lists by head/base/state, gets and updates a pull request; refuses a duplicate', async () => {
    const base = head();
    const tree = await octokit.git.createTree({ owner, repo, base_tree: gitIn(dir, 'rev-parse', 'main^{tree}'), tree: [{ path: 'bump.txt', mode: '100644', type: 'blob', content: 'x\n' }] });
    const commit = await octokit.git.createCommit({ owner, repo, message: 'bump', tree: tree.data.sha, parents: [base] });
    await octokit.git.createRef({ owner, repo, ref: 'refs/heads/bump/web', sha: commit.data.sha });

    const created = await octokit.pulls.create({ owner, repo, head: 'bump/web', base: 'main', title: 'Bump web', body: 'body' });
    expect(created.status).toBe(201);
    expect(created.data.head.sha).toBe(commit.data.sha);

    const duplicate = await failure(octokit.pulls.create({ owner, repo, head: 'bump/web', base: 'main', title: 'again' }));
    expect(duplicate.status).toBe(422);
    expect(JSON.stringify(duplicate.response?.data)).toContain('A pull request already exists for acme:bump/web.');

    const listed = await octokit.pulls.list({ owner, repo, head: 'acme:bump/web', base: 'main', state: 'open' });
    expect(listed.data.map((p) => p.number)).toEqual([created.data.number]);
    expect((await octokit.pulls.list({ owner, repo, head: 'acme:other' })).data).toEqual([]);

    await octokit.issues.addLabels({ owner, repo, issue_number: created.data.number, labels: ['gitops', 'automerge'] });
    await octokit.pulls.requestReviewers({ owner, repo, pull_number: created.data.number, reviewers: ['alice'], team_reviewers: ['platform'] });
    const assigned = await octokit.issues.addAssignees({ owner, repo, issue_number: created.data.number, assignees: ['alice', 'bob'] });
    expect(assigned.status).toBe(201);
    expect(assigned.data).toMatchObject({
      number: created.data.number,
      url: `${emu.url}/repos/acme/gitops/issues/${created.data.number}`,
      pull_request: { url: `${emu.url}/repos/acme/gitops/pulls/${created.data.number}` },
      labels: [{ name: 'gitops' }, { name: 'automerge' }],
      assignee: { login: 'alice' },
    });
    expect(assigned.data.assignees?.map((u) => u.login)).toEqual(['alice', 'bob']);
    // Repeats are ignored, as on GitHub; the GHES prefix serves it too.
    // A login may come as an object ({ login, rationale }) too, as GitHub's OpenAPI allows.
    const again = await ghes.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
      owner,
      repo,
      issue_number: created.data.number,
      assignees: ['Bob', { login: 'carol', rationale: 'owns web' }] as unknown as string[],
    });
    expect(again.data.assignees?.map((u) => u.login)).toEqual(['alice', 'bob', 'carol']);
    expect(again.data.url).toBe(`${emu.url}/api/v3/repos/acme/gitops/issues/${created.data.number}`);
    expect((await failure(octokit.issues.addAssignees({ owner, repo, issue_number: 9999, assignees: ['alice'] }))).status).toBe(404);
    const bad = await failure(octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', { owner, repo, issue_number: created.data.number, assignees: 'alice' as unknown as string[] }));
    expect(bad.status).toBe(422);
    const updated = await octokit.pulls.update({ owner, repo, pull_number: created.data.number, title: 'Bump web to 1.1', state: 'closed' });
    expect(updated.data.state).toBe('closed');

    const got = await octokit.pulls.get({ owner, repo, pull_number: created.data.number });
    expect(got.data.title).toBe('Bump web to 1.1');
    expect(got.data.labels.map((l) => l.name)).toEqual(['gitops', 'automerge']);
    expect(got.data.requested_reviewers?.map((u) => u.login)).toEqual(['alice']);
    expect(got.data.assignees?.map((u) => u.login)).toEqual(['alice', 'bob', 'carol']);
    const record = emu.pulls('acme/gitops').find((p) => p.number === created.data.number);
    expect(record).toMatchObject({ state: 'closed', labels: ['gitops', 'automerge'], reviewers: ['alice'], teamReviewers: ['platform'], assignees: ['alice', 'bob', 'carol'] });
    expect((await octokit.pulls.list({ owner, repo, state: 'open' })).data).toEqual([]);
    await octokit.git.createRef({ owner, repo, ref: 'refs/heads/bump/second', sha: commit.data.sha });
    const second = await octokit.pulls.create({ owner, repo, head: 'bump/second', base: 'main', title: 'Second' });
    const all = await octokit.paginate(octokit.pulls.list, { owner, repo, state: 'all', per_page: 1 });
    expect(all.map((p) => p.number).sort()).toEqual([created.data.number, second.data.number].sort());
  });

  it('answers 403 when Actions may not create pull requests', async () => {
    emu.setRepoOption('acme/gitops', 'actionsCanCreatePullRequests', false);
    try {
      const error = await failure(octokit.pulls.create({ owner, repo, head: 'bump/web', base: 'main', title: 't' }));
      expect(error.status).toBe(403);
      expect((error.response?.data as { message: string }).message).toBe('GitHub Actions is not permitted to create or approve pull requests.');
    } finally {
      emu.setRepoOption('acme/gitops', 'actionsCanCreatePullRequests', true);
    }
  });
});

describe('tokens', () => {
  it('hides a repository from unknown tokens (404) and refuses writes from read tokens (403)', async () => {
    const privateDir = makeRepo({ 'a.txt': 'a\n' });
    await emu.addRepo({ name: 'acme/private', dir: privateDir, tokens: { reader: 'read', writer: 'write' } });
    try {
      const stranger = new Octokit({ log: quiet, auth: 'stranger', baseUrl: emu.url });
      const reader = new Octokit({ log: quiet, auth: 'reader', baseUrl: emu.url });
      expect((await failure(stranger.repos.get({ owner, repo: 'private' }))).status).toBe(404);
      expect((await reader.repos.get({ owner, repo: 'private' })).status).toBe(200);
      const sha = gitIn(privateDir, 'rev-parse', 'HEAD');
      const denied = await failure(reader.git.createRef({ owner, repo: 'private', ref: 'refs/heads/x', sha }));
      expect(denied.status).toBe(403);
      expect((denied.response?.data as { message: string }).message).toBe('Resource not accessible by integration');
    } finally {
      cleanup(privateDir);
    }
  });
});
