// What a bump ships, through the bundle against two emulated repositories: a source repository whose pull requests
// #1–#3 are merged through the API and whose builds are tagged with git, and a GitOps repository with staging and
// prod. Three bumps of staging (commit mode) each list the pull request they ship; the prod promotion (pull-request
// mode) lists the whole train from both ends' trailers; an unreadable source repository leaves a note, and the bump lands.
import { graphql } from '@octokit/graphql';
import { Octokit } from '@octokit/rest';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runAction, type ActionRun } from '../../support/action.js';
import { pod } from '../../support/bundle.js';
import { git, gitRepo } from '../../support/repo.js';

const GITOPS = 'acme/gitops-ship';
const SOURCE = 'acme/api';
let emu: Emulator;
let sourceDir: string;
let gitopsDir: string;
const merged: string[] = [];
let base = '';

beforeAll(async () => {
  sourceDir = gitRepo({ files: { 'src/app.txt': 'v0\n' } });
  gitopsDir = gitRepo({ files: { 'envs/staging/api.yaml': pod('ghcr.io/acme/api:1.0.0'), 'envs/prod/api.yaml': pod('ghcr.io/acme/api:1.0.0') } });
  emu = await startEmulator({ repos: [{ name: SOURCE, dir: sourceDir, isPrivate: false }, { name: GITOPS, dir: gitopsDir }], users: ['alice', 'bob', 'carol'], tokenLogins: { 'alice-token': 'alice', 'bob-token': 'bob', 'carol-token': 'carol' } });
  base = git(sourceDir, 'rev-parse', 'main');
  git(sourceDir, 'tag', 'v1.0.0', base);
  // Three pull requests, each made and merged through the API, each merge tagged as a build (not v1.3.0: the
  // promotion must find that one from the staging bump's trailer).
  const rest = new Octokit({ auth: 't', baseUrl: emu.url });
  const gql = graphql.defaults({ baseUrl: emu.url, headers: { authorization: 'token t' } });
  const authors = ['alice', 'bob', 'carol'];
  for (let i = 1; i <= 3; i++) {
    const main = git(sourceDir, 'rev-parse', 'main');
    await rest.git.createRef({ owner: 'acme', repo: 'api', ref: `refs/heads/feature-${i}`, sha: main });
    await gql(
      `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`,
      {
        input: {
          branch: { repositoryNameWithOwner: SOURCE, branchName: `feature-${i}` },
          expectedHeadOid: main,
          message: { headline: `feature ${i}` },
          fileChanges: { additions: [{ path: `src/f${i}.txt`, contents: Buffer.from(`${i}\n`).toString('base64') }] },
        },
      },
    );
    const author = new Octokit({ auth: `${authors[i - 1]}-token`, baseUrl: emu.url });
    const { data: pr } = await author.pulls.create({ owner: 'acme', repo: 'api', head: `feature-${i}`, base: 'main', title: `Feature ${i} | <b>${i}</b>` });
    const { data } = await rest.pulls.merge({ owner: 'acme', repo: 'api', pull_number: pr.number });
    merged.push(data.sha);
    if (i < 3) git(sourceDir, 'tag', `v1.${i}.0`, data.sha);
  }
});

afterAll(async () => {
  await emu.stop();
  rmSync(sourceDir, { recursive: true, force: true });
  rmSync(gitopsDir, { recursive: true, force: true });
});
afterEach(() => {
  expect(emu.contractViolations).toEqual([]);
});

/** A build of acme/api at `sha` bumping the GitOps repository, as its workflow would run the action. */
function build(inputs: Record<string, string>, sha?: string): Promise<ActionRun> {
  return runAction(
    { repository: GITOPS, token: 't', ...inputs },
    {
      env: {
        GITHUB_API_URL: emu.url,
        GITHUB_SERVER_URL: emu.url,
        GITHUB_REPOSITORY: SOURCE,
        GITHUB_RUN_ID: '500',
        ...(sha === undefined ? {} : { GITHUB_SHA: sha }),
      },
    },
  );
}

const pullNumbers = (run: ActionRun): number[][] =>
  (JSON.parse(run.outputs.shipped!) as { pullRequests: { number: number }[] }[]).map((s) => s.pullRequests.map((p) => p.number));

describe('what a bump ships', () => {
  it('three staging bumps: each lists the pull request it ships, in the commit, the summary and the output, in 3 extra requests', async () => {
    const ranges: [string, string][] = [];
    for (let i = 1; i <= 3; i++) {
      const before = emu.requests.length;
      const run = await build({ images: `ghcr.io/acme/api:1.${i}.0`, paths: 'envs/staging/**' }, merged[i - 1]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      // read + commit, and three provenance requests (history+tags, compare, pull requests)
      expect(emu.requests.length - before).toBe(5);
      expect(pullNumbers(run)).toEqual([[i]]);
      const from = i === 1 ? base : merged[i - 2]!;
      ranges.push([from, merged[i - 1]!]);
      const compare = `${emu.url}/${SOURCE}/compare/${from}...${merged[i - 1]}`;
      const body = git(gitopsDir, 'log', '-1', '--format=%B', 'main');
      expect(body).toContain(`What ships:\n\napi 1.${i - 1}.0 -> 1.${i}.0 ships ${SOURCE} ${from.slice(0, 7)}..${merged[i - 1]!.slice(0, 7)}: ${compare}`);
      expect(body).toContain(`- #${i} Feature ${i} | <b>${i}</b> (@${['alice', 'bob', 'carol'][i - 1]})`);
      expect(git(gitopsDir, 'log', '-1', '--format=%(trailers:key=Source-Commit,valueonly)', 'main')).toBe(`${SOURCE}@${merged[i - 1]}`);
      // The summary escapes the title's Markdown and HTML.
      expect(run.summary).toContain(`[#${i}](${emu.url}/${SOURCE}/pull/${i}) Feature ${i} \\| &lt;b>${i}&lt;/b>`);
      // The compare URL works: the emulator's compare of the range lists the merge commit.
      const api = await fetch(`${emu.url}/repos/${SOURCE}/compare/${from}...${merged[i - 1]}`, { headers: { authorization: 'token t' } });
      expect(((await api.json()) as { commits: { sha: string }[] }).commits.map((c) => c.sha)).toContain(merged[i - 1]);
    }
  });

  it('the prod promotion PR lists exactly #1–#3, from prod\'s old version (tag v1.0.0) to staging\'s trailer (no tag v1.3.0)', async () => {
    const run = await runAction(
      { repository: GITOPS, token: 't', mode: 'pull-request', 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'source-repository': SOURCE },
      { env: { GITHUB_API_URL: emu.url, GITHUB_SERVER_URL: emu.url, GITHUB_REPOSITORY: GITOPS, GITHUB_RUN_ID: '600' } },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(pullNumbers(run)).toEqual([[1, 2, 3]]);
    const number = Number(run.outputs['pull-request-number']);
    const pr = emu.pulls(GITOPS).find((p) => p.number === number)!;
    const compare = `${emu.url}/${SOURCE}/compare/${base}...${merged[2]}`;
    expect(pr.body).toContain(`[${base.slice(0, 7)}…${merged[2]!.slice(0, 7)}](${compare}) (6 commits)`);
    const listed = [...pr.body!.matchAll(/\[#(\d+)\]\([^)]*\/pull\/\d+\)/g)].map((m) => Number(m[1]));
    expect(listed).toEqual([1, 2, 3]);
    // The promotion's commit records the train's new end, found in staging's trailers.
    const branch = run.outputs['pull-request-branch']!;
    expect(git(gitopsDir, 'log', '-1', '--format=%(trailers:key=Source-Commit,valueonly)', branch)).toBe(`${SOURCE}@${merged[2]}`);
  });

  it('an unreadable source repository: the bump lands, with a note, and nothing ships', async () => {
    const run = await build({ images: 'ghcr.io/acme/api:1.4.0', paths: 'envs/staging/**', 'source-repository': 'acme/missing', 'source-sha': 'a'.repeat(40) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.stdout).toMatch(/provenance note \(ghcr\.io\/acme\/api\): .*Could not resolve to a Repository.*; the bump goes on without it\./);
    expect(JSON.parse(run.outputs.shipped!)).toEqual([
      { image: 'ghcr.io/acme/api', from: '1.3.0', to: '1.4.0', repository: 'acme/missing', compare: null, pullRequests: [], builtBy: `${emu.url}/${SOURCE}/actions/runs/500` },
    ]);
  });
});
