// Commit statuses and check runs: REST create/combined, check-runs, and GraphQL Commit.status / statusCheckRollup,
// every request and answer held to GitHub's contracts (OpenAPI extract, GraphQL schema).
import { graphql } from '@octokit/graphql';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';
import { cleanup, commitFiles, gitIn, isHttpFailure, makeRepo } from './fixture.js';

let emu: Emulator;
let dir: string;
let rest: Octokit;
let gql: typeof graphql;
let first: string;
let second: string;

beforeAll(async () => {
  dir = makeRepo({ 'apps/staging/api.yaml': 'image: ghcr.io/acme/api:1.0.0\n' });
  first = gitIn(dir, 'rev-parse', 'HEAD');
  second = commitFiles(dir, { 'apps/staging/api.yaml': 'image: ghcr.io/acme/api:1.1.0\n' });
  emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir }] });
  rest = new Octokit({ auth: 'token', baseUrl: emu.url });
  gql = graphql.defaults({ baseUrl: emu.url, headers: { authorization: 'token t' } });
});

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(dir);
});

const ROLLUP = `query($oid: GitObjectID!) { repository(owner: "acme", name: "gitops") { object(oid: $oid) { ... on Commit {
  status { state contexts { context state } }
  statusCheckRollup { state contexts(first: 20) { totalCount nodes { __typename ... on StatusContext { context state } ... on CheckRun { name conclusion status } } } }
} } } }`;

interface Rollup {
  repository: { object: { status: { state: string; contexts: { context: string; state: string }[] } | null; statusCheckRollup: { state: string; contexts: { totalCount: number; nodes: Record<string, string | null>[] } } | null } };
}

describe('commit statuses', () => {
  it('a commit without any: combined pending with none, GraphQL status and rollup null', async () => {
    const { data } = await rest.repos.getCombinedStatusForRef({ owner: 'acme', repo: 'gitops', ref: first });
    expect(data).toMatchObject({ state: 'pending', total_count: 0, statuses: [], sha: first });
    const answer = await gql<Rollup>(ROLLUP, { oid: first });
    expect(answer.repository.object).toEqual({ status: null, statusCheckRollup: null });
  });

  it('the latest status per context counts: a later failure replaces an earlier success', async () => {
    const posted = await rest.repos.createCommitStatus({ owner: 'acme', repo: 'gitops', sha: second, state: 'success', context: 'kustomization/apps-staging/flux-system' });
    expect(posted.status).toBe(201);
    expect(posted.data).toMatchObject({ state: 'success', context: 'kustomization/apps-staging/flux-system', creator: { login: 'github-actions[bot]' } });
    await rest.repos.createCommitStatus({ owner: 'acme', repo: 'gitops', sha: second, state: 'success', context: 'argocd/api-staging' });
    await rest.repos.createCommitStatus({ owner: 'acme', repo: 'gitops', sha: second, state: 'failure', context: 'argocd/api-staging', description: 'Degraded' });
    const { data } = await rest.repos.getCombinedStatusForRef({ owner: 'acme', repo: 'gitops', ref: 'main' });
    expect(data.state).toBe('failure');
    expect(data.statuses.map((s) => [s.context, s.state])).toEqual([
      ['argocd/api-staging', 'failure'],
      ['kustomization/apps-staging/flux-system', 'success'],
    ]);
    const answer = await gql<Rollup>(ROLLUP, { oid: second });
    expect(answer.repository.object.status).toEqual({
      state: 'FAILURE',
      contexts: [
        { context: 'argocd/api-staging', state: 'FAILURE' },
        { context: 'kustomization/apps-staging/flux-system', state: 'SUCCESS' },
      ],
    });
  });

  it('check runs join the rollup: an in-progress run keeps it pending, a completed success counts as green', async () => {
    const { data: run } = await rest.checks.create({ owner: 'acme', repo: 'gitops', name: 'smoke', head_sha: first, status: 'in_progress' });
    expect(run).toMatchObject({ name: 'smoke', status: 'in_progress', conclusion: null, head_sha: first });
    await rest.repos.createCommitStatus({ owner: 'acme', repo: 'gitops', sha: first, state: 'success', context: 'argocd/api-staging' });
    let answer = await gql<Rollup>(ROLLUP, { oid: first });
    expect(answer.repository.object.statusCheckRollup).toEqual({
      state: 'PENDING',
      contexts: { totalCount: 2, nodes: [{ __typename: 'StatusContext', context: 'argocd/api-staging', state: 'SUCCESS' }, { __typename: 'CheckRun', name: 'smoke', conclusion: null, status: 'IN_PROGRESS' }] },
    });
    await rest.checks.create({ owner: 'acme', repo: 'gitops', name: 'smoke', head_sha: first, status: 'completed', conclusion: 'success' });
    answer = await gql<Rollup>(ROLLUP, { oid: first });
    expect(answer.repository.object.statusCheckRollup?.state).toBe('SUCCESS');
    expect(answer.repository.object.statusCheckRollup?.contexts.nodes[1]).toEqual({ __typename: 'CheckRun', name: 'smoke', conclusion: 'SUCCESS', status: 'COMPLETED' });
  });

  it('refuses what GitHub refuses: a bad state (422 from the contract), an unknown commit (422)', async () => {
    const bad = await rest.request('POST /repos/{owner}/{repo}/statuses/{sha}', { owner: 'acme', repo: 'gitops', sha: second, state: 'green' as 'success' }).catch((e: unknown) => e);
    expect(isHttpFailure(bad) && bad.status).toBe(422);
    const unknown = await rest.repos.createCommitStatus({ owner: 'acme', repo: 'gitops', sha: 'f'.repeat(40), state: 'success' }).catch((e: unknown) => e);
    expect(isHttpFailure(unknown) && unknown.status).toBe(422);
  });
});
