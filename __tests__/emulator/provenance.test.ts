// What provenance reads, against two emulated repositories (a source and a GitOps repository): pull requests merged
// through REST pulls/merge (merge commit on the base, merged_at/merge_commit_sha, MERGED, associatedPullRequests),
// the compare of two commits (bounded to 250), tags written with git, and a file's history by path.
import { execFileSync } from 'node:child_process';
import { graphql } from '@octokit/graphql';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';
import { cleanup, commitFiles, gitIn, makeRepo } from './fixture.js';

let emu: Emulator;
let source: string;
let gitops: string;
let rest: Octokit;
let gql: typeof graphql;

beforeAll(async () => {
  source = makeRepo({ 'src/app.txt': 'v0\n' });
  gitops = makeRepo({ 'apps/prod/api.yaml': 'image: ghcr.io/acme/api:1.0.0\n', 'README.md': '# x\n' });
  emu = await startEmulator({ repos: [{ name: 'acme/api', dir: source }, { name: 'acme/gitops', dir: gitops }], users: ['alice'] });
  rest = new Octokit({ auth: 'token', baseUrl: emu.url });
  gql = graphql.defaults({ baseUrl: emu.url, headers: { authorization: 'token t' } });
});

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(source, gitops);
});

/** A branch with one commit, off main, in the source repository's working tree (main stays checked out). */
function branchWithCommit(name: string, text: string): string {
  gitIn(source, 'checkout', '--quiet', '-b', name, 'main');
  const oid = commitFiles(source, { [`src/${name}.txt`]: text }, `${name}: ${text.trim()}`);
  gitIn(source, 'checkout', '--quiet', 'main');
  return oid;
}

describe('merging a pull request', () => {
  it('PUT pulls/merge: a merge commit on the base, the PR merged in REST and GraphQL, and associated with its commits', async () => {
    const base = gitIn(source, 'rev-parse', 'main');
    const work = branchWithCommit('feature-1', 'one\n');
    const { data: pr } = await rest.pulls.create({ owner: 'acme', repo: 'api', head: 'feature-1', base: 'main', title: 'Add one' });
    const { data: merged } = await rest.pulls.merge({ owner: 'acme', repo: 'api', pull_number: pr.number });
    expect(merged).toEqual({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), merged: true, message: 'Pull Request successfully merged' });
    // The base moved to a two-parent merge commit, with both sides' files.
    expect(gitIn(source, 'rev-parse', 'main')).toBe(merged.sha);
    expect(gitIn(source, 'log', '-1', '--format=%P', merged.sha)).toBe(`${base} ${work}`);
    expect(gitIn(source, 'show', `${merged.sha}:src/feature-1.txt`)).toBe('one');
    const { data: got } = await rest.pulls.get({ owner: 'acme', repo: 'api', pull_number: pr.number });
    expect(got).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: merged.sha });
    expect(got.merged_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const answer = await gql<{ repository: Record<string, { associatedPullRequests: { nodes: { number: number; state: string; mergedAt: string; mergeCommit: { oid: string } }[] } }> }>(
      `query($m: GitObjectID!, $w: GitObjectID!, $b: GitObjectID!) { repository(owner: "acme", name: "api") {
        m: object(oid: $m) { ... on Commit { associatedPullRequests(first: 5) { nodes { number state mergedAt mergeCommit { oid } } } } }
        w: object(oid: $w) { ... on Commit { associatedPullRequests(first: 5) { nodes { number state mergedAt mergeCommit { oid } } } } }
        b: object(oid: $b) { ... on Commit { associatedPullRequests(first: 5) { nodes { number state mergedAt mergeCommit { oid } } } } }
      } }`,
      { m: merged.sha, w: work, b: base },
    );
    const expected = [{ number: pr.number, state: 'MERGED', mergedAt: got.merged_at, mergeCommit: { oid: merged.sha } }];
    expect(answer.repository.m!.associatedPullRequests.nodes).toEqual(expected);
    expect(answer.repository.w!.associatedPullRequests.nodes).toEqual(expected);
    expect(answer.repository.b!.associatedPullRequests.nodes).toEqual([]);
  });

  it('a merged PR cannot merge again (405); a sha that is not the head is 409; a squash makes one commit', async () => {
    const { data: list } = await rest.pulls.list({ owner: 'acme', repo: 'api', state: 'closed' });
    await expect(rest.pulls.merge({ owner: 'acme', repo: 'api', pull_number: list[0]!.number })).rejects.toMatchObject({ status: 405 });
    branchWithCommit('feature-2', 'two\n');
    const { data: pr } = await rest.pulls.create({ owner: 'acme', repo: 'api', head: 'feature-2', base: 'main', title: 'Add two' });
    await expect(rest.pulls.merge({ owner: 'acme', repo: 'api', pull_number: pr.number, sha: 'f'.repeat(40) })).rejects.toMatchObject({ status: 409 });
    const before = gitIn(source, 'rev-parse', 'main');
    const { data: merged } = await rest.pulls.merge({ owner: 'acme', repo: 'api', pull_number: pr.number, merge_method: 'squash' });
    expect(gitIn(source, 'log', '-1', '--format=%P %s', merged.sha)).toBe(`${before} Add two (#${pr.number})`);
  });
});

describe('compare, tags and history', () => {
  it('compare lists base..head oldest first with status and counts; 260 commits answer the newest 250 and total 260', async () => {
    const from = gitIn(source, 'rev-parse', 'main');
    gitIn(source, 'tag', 'v1.0.0', from);
    const oids: string[] = [];
    for (let i = 0; i < 3; i++) oids.push(commitFiles(source, { 'src/app.txt': `c${i}\n` }, `c${i}`));
    gitIn(source, 'tag', 'v1.1.0');
    const { data } = await rest.repos.compareCommitsWithBasehead({ owner: 'acme', repo: 'api', basehead: 'v1.0.0...v1.1.0' });
    expect(data.status).toBe('ahead');
    expect([data.ahead_by, data.behind_by, data.total_commits]).toEqual([3, 0, 3]);
    expect(data.commits.map((c) => c.sha)).toEqual(oids);
    expect(data.html_url).toBe(`${emu.url}/acme/api/compare/v1.0.0...v1.1.0`);
    const reverse = await rest.repos.compareCommitsWithBasehead({ owner: 'acme', repo: 'api', basehead: `${oids[2]}...${from}` });
    expect([reverse.data.status, reverse.data.behind_by, reverse.data.commits.length]).toEqual(['behind', 3, 0]);
    // A long range: GitHub's bound.
    const many = makeRepo({ 'a.txt': '0\n' });
    try {
      const first = gitIn(many, 'rev-parse', 'HEAD');
      // 260 commits in one git fast-import stream (no working tree needed).
      const stream = Array.from({ length: 260 }, (_, i) => {
        const message = `c${i}`;
        return `commit refs/heads/main\ncommitter F <f@x> ${1700000000 + i} +0000\ndata ${message.length}\n${message}\n${i === 0 ? `from ${first}\n` : ''}M 644 inline a.txt\ndata ${String(i).length + 1}\n${i}\n`;
      }).join('\n');
      execFileSync('git', ['-C', many, 'fast-import', '--quiet'], { input: stream });
      await emu.addRepo({ name: 'acme/many', dir: many });
      const long = await rest.repos.compareCommitsWithBasehead({ owner: 'acme', repo: 'many', basehead: `${first}...main` });
      expect(long.data.total_commits).toBe(260);
      expect(long.data.commits).toHaveLength(250);
      expect(long.data.commits[249]!.sha).toBe(gitIn(many, 'rev-parse', 'main'));
      expect(long.data.commits[0]!.commit.message).toBe('c10');
    } finally {
      cleanup(many);
    }
  });

  it('tags written with git show at once in refs(refPrefix:) and ref(qualifiedName:)', async () => {
    const answer = await gql<{ repository: { refs: { nodes: { name: string; target: { oid: string } }[] }; ref: { target: { oid: string } } | null; none: null } }>(
      `{ repository(owner: "acme", name: "api") {
        refs(refPrefix: "refs/tags/", first: 10) { nodes { name target { oid } } }
        ref(qualifiedName: "refs/tags/v1.1.0") { target { oid } }
        none: ref(qualifiedName: "refs/tags/v9") { name }
      } }`,
    );
    expect(answer.repository.refs.nodes.map((n) => n.name)).toEqual(['v1.0.0', 'v1.1.0']);
    expect(answer.repository.ref!.target.oid).toBe(gitIn(source, 'rev-parse', 'v1.1.0'));
    expect(answer.repository.none).toBeNull();
  });

  it('history(path:, first:) lists the commits that changed the file, newest first, on the GitOps repository', async () => {
    const a = commitFiles(gitops, { 'apps/prod/api.yaml': 'image: ghcr.io/acme/api:1.1.0\n' }, 'bump 1.1.0');
    commitFiles(gitops, { 'README.md': '# y\n' }, 'docs');
    const b = commitFiles(gitops, { 'apps/prod/api.yaml': 'image: ghcr.io/acme/api:1.2.0\n' }, 'bump 1.2.0');
    const first = gitIn(gitops, 'rev-list', '--max-parents=0', 'HEAD');
    const answer = await gql<{ repository: { ref: { target: { f: { nodes: { oid: string; message: string }[] }; g: { nodes: unknown[] }; all: { nodes: unknown[] } } } } }>(
      `{ repository(owner: "acme", name: "gitops") { ref(qualifiedName: "refs/heads/main") { target { ... on Commit {
        f: history(path: "apps/prod/api.yaml", first: 2) { nodes { oid message } }
        g: history(path: "nowhere.yaml", first: 5) { nodes { oid } }
        all: history(first: 30) { nodes { oid } }
      } } } } }`,
    );
    const target = answer.repository.ref.target;
    expect(target.f.nodes.map((n) => n.oid)).toEqual([b, a]);
    expect(target.f.nodes[0]!.message).toBe('bump 1.2.0');
    expect(target.g.nodes).toEqual([]);
    expect(target.all.nodes).toHaveLength(4);
    expect(first).not.toBe(a);
  });
});
