// Refused ref writes as GitHub answers them: rulesets (rules.ts), classic protection's GraphQL type, and a failed ref
// create told apart: a moved ref (stale), a branch name in the way (D/F clash), anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES, cleanup, gitIn, makeRepo } from './fixture.js';
import { startEmulator, type Emulator } from './index.js';
import { parseRule, violations } from './rules.js';

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  dir = makeRepo(SAMPLE_FILES);
  gitIn(dir, 'branch', 'release/1', 'main');
  gitIn(dir, 'branch', 'locked', 'main');
  gitIn(dir, 'branch', 'gitops-bump', 'main');
  emu = await startEmulator({
    repos: [{
      name: 'acme/gitops',
      dir,
      protectedBranches: ['locked'],
      rulesets: [{ pattern: '~DEFAULT_BRANCH', rule: 'pull-request' }, { pattern: 'release/*', rule: 'restrict-deletions' }, { pattern: 'frozen/**', rule: 'restrict-creations' }],
    }],
  });
});

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(dir);
});

const head = (branch = 'main'): string => gitIn(dir, 'rev-parse', `refs/heads/${branch}`);
const refs = (): string => gitIn(dir, 'for-each-ref', '--format=%(refname) %(objectname)');

async function rest(method: string, path: string, body?: unknown): Promise<{ status: number; body: { message?: string } }> {
  const response = await fetch(`${emu.url}/repos/acme/gitops${path}`, {
    method,
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: response.status === 204 ? {} : ((await response.json()) as { message?: string }) };
}

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: Record<string, unknown> | null; errors?: { type?: string; message: string; path?: string[] }[] }> {
  const response = await fetch(`${emu.url}/graphql`, {
    method: 'POST',
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Awaited<ReturnType<typeof graphql>>;
}

const COMMIT = 'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }';
const commitTo = (branch: string, expectedHeadOid: string) => ({
  input: {
    branch: { repositoryNameWithOwner: 'acme/gitops', branchName: branch },
    expectedHeadOid,
    message: { headline: 'bump' },
    fileChanges: { additions: [{ path: 'x.txt', contents: Buffer.from('x\n').toString('base64') }] },
  },
});
const UPDATE_REFS = 'mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }';
const ZERO = '0'.repeat(40);

async function repositoryId(): Promise<string> {
  const answer = await graphql('{ repository(owner: "acme", name: "gitops") { id } }');
  return (answer.data as { repository: { id: string } }).repository.id;
}

describe('rulesets', () => {
  it('parses PATTERN[:RULE] and matches fnmatch patterns the way rulesets do', () => {
    expect(parseRule('main')).toEqual({ pattern: 'main', rule: 'pull-request' });
    expect(parseRule('release/*:restrict-updates')).toEqual({ pattern: 'release/*', rule: 'restrict-updates' });
    expect(() => parseRule('main:bogus')).toThrow(/'bogus' is not a rule/);
    const rules = [parseRule('release/*'), parseRule('deploy/**:restrict-updates')];
    expect(violations(rules, 'refs/heads/release/1', 'update', 'main')).toEqual(['Changes must be made through a pull request.']);
    expect(violations(rules, 'refs/heads/release/1/hotfix', 'update', 'main')).toEqual([]);
    expect(violations(rules, 'refs/heads/deploy/eu/prod', 'update', 'main')).toEqual(['Cannot update this protected ref.']);
    expect(violations(rules, 'refs/heads/release/1', 'create', 'main')).toEqual([]);
    expect(violations(rules, 'refs/tags/release/1', 'update', 'main')).toEqual([]);
  });

  it('REST: a ref update on a pull-request branch is 422 "Repository rule violations found", nothing moves', async () => {
    const before = refs();
    const answer = await rest('PATCH', '/git/refs/heads/main', { sha: head(), force: true });
    expect(answer).toMatchObject({ status: 422, body: { message: 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n' } });
    expect(refs()).toBe(before);
  });

  it('GraphQL createCommitOnBranch and updateRefs: UNPROCESSABLE with the same words (not classic protection\'s type)', async () => {
    const before = refs();
    const commit = await graphql(COMMIT, commitTo('main', head()));
    expect(commit.data).toEqual({ createCommitOnBranch: null });
    expect(commit.errors).toMatchObject([{ type: 'UNPROCESSABLE', path: ['createCommitOnBranch'], message: 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n' }]);
    const update = await graphql(UPDATE_REFS, { input: { repositoryId: await repositoryId(), refUpdates: [{ name: 'refs/heads/main', beforeOid: head(), afterOid: head('main~0'), force: true }] } });
    expect(update.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', message: 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n' });
    expect(refs()).toBe(before);
  });

  it('restrict-creations and restrict-deletions refuse only what they name', async () => {
    const before = refs();
    const created = await rest('POST', '/git/refs', { ref: 'refs/heads/frozen/a/b', sha: head() });
    expect(created).toMatchObject({ status: 422, body: { message: 'Repository rule violations found\n\nCannot create ref due to creations being restricted.\n\n' } });
    const deleted = await rest('DELETE', '/git/refs/heads/release/1');
    expect(deleted).toMatchObject({ status: 422, body: { message: 'Repository rule violations found\n\nCannot delete this protected ref.\n\n' } });
    expect(refs()).toBe(before);
    // The same branches stay writable otherwise.
    expect((await rest('PATCH', '/git/refs/heads/release/1', { sha: head() })).status).toBe(200);
  });

  it('classic protection answers GraphQL with BRANCH_PROTECTION_RULE_VIOLATION', async () => {
    const answer = await graphql(COMMIT, commitTo('locked', head('locked')));
    expect(answer.errors?.[0]).toMatchObject({ type: 'BRANCH_PROTECTION_RULE_VIOLATION', message: expect.stringMatching(/^protected branch 'locked' check failed/) });
  });
});

describe('a ref create that fails', () => {
  it('a branch named like a folder of the new one (D/F clash): REST 422 "Reference update failed", GraphQL UNPROCESSABLE "Ref cannot be created"', async () => {
    const before = refs();
    const restAnswer = await rest('POST', '/git/refs', { ref: 'refs/heads/gitops-bump/prod/api', sha: head() });
    expect(restAnswer).toMatchObject({ status: 422, body: { message: 'Reference update failed' } });
    const id = await repositoryId();
    const created = await graphql('mutation($input: CreateRefInput!) { createRef(input: $input) { ref { name } } }', { input: { repositoryId: id, name: 'refs/heads/gitops-bump/prod/api', oid: head() } });
    expect(created.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', message: 'Ref cannot be created' });
    const updated = await graphql(UPDATE_REFS, { input: { repositoryId: id, refUpdates: [{ name: 'refs/heads/gitops-bump/prod/api', beforeOid: ZERO, afterOid: head(), force: true }] } });
    expect(updated.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', message: 'Ref cannot be created' });
    // And the other way round: a branch under the new one's name.
    const under = await graphql(UPDATE_REFS, { input: { repositoryId: id, refUpdates: [{ name: 'refs/heads/release', beforeOid: ZERO, afterOid: head(), force: true }] } });
    expect(under.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', message: 'Ref cannot be created' });
    expect(refs()).toBe(before);
  });

  it('a ref that exists or moved is still told apart: "Reference already exists" / STALE_DATA', async () => {
    const id = await repositoryId();
    expect(await rest('POST', '/git/refs', { ref: 'refs/heads/locked', sha: head() })).toMatchObject({ status: 422, body: { message: 'Reference already exists' } });
    const stale = await graphql(UPDATE_REFS, { input: { repositoryId: id, refUpdates: [{ name: 'refs/heads/gitops-bump', beforeOid: ZERO, afterOid: head(), force: true }] } });
    expect(stale.errors?.[0].type).toBe('STALE_DATA');
  });
});
