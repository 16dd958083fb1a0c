import { graphql, GraphqlResponseError } from '@octokit/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';
import { SAMPLE_FILES, cleanup, commitFiles, gitIn, makeRepo } from './fixture.js';

let emu: Emulator;
let dir: string;
let gql: typeof graphql;

beforeAll(async () => {
  dir = makeRepo(SAMPLE_FILES);
  emu = await startEmulator({
    repos: [{ name: 'acme/gitops', dir, autoMergeAllowed: true, labels: ['gitops'], protectedBranches: ['prod'] }],
    users: ['alice', 'bob'],
    teams: ['acme/platform'],
    tokenLogins: { 'alice-token': 'alice' },
  });
  gql = graphql.defaults({ baseUrl: emu.url, headers: { authorization: 'token test-token' } });
});

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(dir);
});

const head = (branch = 'main'): string => gitIn(dir, 'rev-parse', `refs/heads/${branch}`);

/** Posts a document without @octokit/graphql's error handling: returns HTTP status and body. */
async function post(query: string, variables: Record<string, unknown> = {}, path = '/graphql', token = 'test-token') {
  const response = await fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { type?: string; message: string; path?: string[] }[] } };
}

const SNAPSHOT = `query($owner: String!, $name: String!, $ref: String!, $path: String!) {
  repository(owner: $owner, name: $name) {
    id
    autoMergeAllowed
    defaultBranchRef { name }
    ref(qualifiedName: $ref) {
      id
      target { ... on Commit { oid tree { oid entries { name path mode oid type } }
        file(path: $path) { mode oid object { ... on Blob { text byteSize isBinary isTruncated } } } } }
      associatedPullRequests(states: OPEN, first: 5) { nodes { number } }
    }
  }
}`;

interface Snapshot {
  repository: {
    id: string;
    autoMergeAllowed: boolean;
    defaultBranchRef: { name: string };
    ref: {
      id: string;
      target: {
        oid: string;
        tree: { oid: string; entries: { name: string; path: string; mode: number; oid: string; type: string }[] };
        file: { mode: number; oid: string; object: { text: string; byteSize: number; isBinary: boolean; isTruncated: boolean } } | null;
      };
      associatedPullRequests: { nodes: { number: number }[] };
    } | null;
  };
}

const commitMutation = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } ref { name target { oid } } }
}`;

function commitInput(expectedHeadOid: string, files: Record<string, string>, deletions: string[] = [], branch = 'main') {
  return {
    branch: { repositoryNameWithOwner: 'acme/gitops', branchName: branch },
    expectedHeadOid,
    message: { headline: 'Bump web to 1.1.0', body: 'Changed by gitops-bump.' },
    fileChanges: {
      additions: Object.entries(files).map(([path, text]) => ({ path, contents: Buffer.from(text).toString('base64') })),
      deletions: deletions.map((path) => ({ path })),
    },
  };
}

describe('GraphQL reads', () => {
  it('agrees with git rev-parse and git show', async () => {
    const data = await gql<Snapshot>(SNAPSHOT, { owner: 'acme', name: 'gitops', ref: 'refs/heads/main', path: 'apps/web/deployment.yaml' });
    const target = data.repository.ref?.target;
    expect(target?.oid).toBe(head());
    expect(target?.tree.oid).toBe(gitIn(dir, 'rev-parse', 'main^{tree}'));
    expect(target?.tree.entries.map((e) => e.name).sort()).toEqual(gitIn(dir, 'ls-tree', '--name-only', 'main').split('\n').sort());
    expect(target?.file?.oid).toBe(gitIn(dir, 'rev-parse', 'main:apps/web/deployment.yaml'));
    expect(target?.file?.mode).toBe(0o100644);
    expect(target?.file?.object.text).toBe(gitIn(dir, 'show', 'main:apps/web/deployment.yaml') + '\n');
    expect(target?.file?.object).toMatchObject({ isBinary: false, isTruncated: false, byteSize: SAMPLE_FILES['apps/web/deployment.yaml'].length });
    expect(data.repository.defaultBranchRef.name).toBe('main');
    expect(data.repository.autoMergeAllowed).toBe(true);
  });

  it('marks binary blobs (text null) and cuts text at 512,000 bytes (isTruncated)', async () => {
    const big = 'x'.repeat(600_000);
    const oid = commitFiles(dir, { 'big.txt': big, 'bin.dat': 'a\u0000b' });
    const query = `query($oid: GitObjectID!) { repository(owner: "acme", name: "gitops") { object(oid: $oid) { ... on Commit {
      big: file(path: "big.txt") { object { ... on Blob { text byteSize isTruncated isBinary } } }
      bin: file(path: "bin.dat") { object { ... on Blob { text byteSize isTruncated isBinary } } } } } } }`;
    type Blob = { object: { text: string | null; byteSize: number; isTruncated: boolean; isBinary: boolean } };
    const data = await gql<{ repository: { object: { big: Blob; bin: Blob } } }>(query, { oid });
    const { big: bigBlob, bin } = data.repository.object;
    expect(bigBlob.object).toMatchObject({ byteSize: 600_000, isTruncated: true, isBinary: false });
    expect(bigBlob.object.text).toHaveLength(512_000);
    expect(bin.object).toEqual({ text: null, byteSize: 3, isTruncated: false, isBinary: true });
  });

  it('answers null for a missing file or ref, NOT_FOUND for an unknown repository', async () => {
    const missingFile = await gql<Snapshot>(SNAPSHOT, { owner: 'acme', name: 'gitops', ref: 'main', path: 'nope.yaml' });
    expect(missingFile.repository.ref?.target.file).toBeNull();
    const missingRef = await gql<Snapshot>(SNAPSHOT, { owner: 'acme', name: 'gitops', ref: 'refs/heads/nope', path: 'x' });
    expect(missingRef.repository.ref).toBeNull();
    const { status, body } = await post(SNAPSHOT, { owner: 'acme', name: 'missing', ref: 'main', path: 'x' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ repository: null });
    expect(body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', path: ['repository'], message: "Could not resolve to a Repository with the name 'acme/missing'." });
  });

  it('lists a commit\'s history newest first (git rev-list\'s order), at most 100 per page', async () => {
    const query = `query($first: Int) { repository(owner: "acme", name: "gitops") { ref(qualifiedName: "refs/heads/main") { target { ... on Commit {
      history(first: $first) { nodes { oid message parents(first: 1) { nodes { oid } } } } } } } } }`;
    type History = { repository: { ref: { target: { history: { nodes: { oid: string; message: string; parents: { nodes: { oid: string }[] } }[] } } } } };
    const answer = await gql<History>(query, { first: 2 });
    const nodes = answer.repository.ref.target.history.nodes;
    expect(nodes.map((n) => n.oid)).toEqual(gitIn(dir, 'rev-list', '--max-count=2', 'refs/heads/main').split('\n'));
    expect(nodes[0]?.message).toBe(gitIn(dir, 'log', '-1', '--format=%B', 'refs/heads/main'));
    const { body } = await post(query, { first: 101 });
    expect(body.errors?.[0]).toMatchObject({ type: 'EXCESSIVE_PAGINATION', message: 'Requesting 101 records on the `history` connection exceeds the `first` limit of 100 records.' });
  });

  it('refuses a document that does not validate against the schema: errors, no data', async () => {
    const { status, body } = await post('{ repository(owner: "acme", name: "gitops") { id noSuchField } }');
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].message).toBe("Field 'noSuchField' doesn't exist on type 'Repository'");
    await expect(gql('{ viewer { nope } }')).rejects.toBeInstanceOf(GraphqlResponseError);
  });

  it('answers 401 without a token', async () => {
    const response = await fetch(`${emu.url}/graphql`, { method: 'POST', body: JSON.stringify({ query: '{ viewer { login } }' }) });
    expect(response.status).toBe(401);
  });

  it('serves /api/graphql (GHES) and resolves users, teams and labels', async () => {
    const { status, body } = await post(
      `{ user(login: "alice") { id login } organization(login: "acme") { team(slug: "platform") { id slug } }
         repository(owner: "acme", name: "gitops") { label(name: "gitops") { id name } missing: label(name: "nope") { id } } }`,
      {},
      '/api/graphql',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({
      user: { login: 'alice' },
      organization: { team: { slug: 'platform' } },
      repository: { label: { name: 'gitops' }, missing: null },
    });
    const unknown = await post('{ user(login: "mallory") { id } }');
    expect(unknown.body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', message: "Could not resolve to a User with the login of 'mallory'." });
  });
});

describe('createCommitOnBranch', () => {
  it('lands one commit in git with the expected parent, GitHub as committer', async () => {
    const parent = head();
    const result = await gql<{ createCommitOnBranch: { commit: { oid: string; url: string }; ref: { name: string; target: { oid: string } } } }>(
      commitMutation,
      { input: commitInput(parent, { 'apps/web/deployment.yaml': 'spec:\n  containers:\n    - image: ghcr.io/acme/web:1.1.0\n', 'apps/new.yaml': 'new: true\n' }, ['README.md']) },
    );
    const oid = result.createCommitOnBranch.commit.oid;
    expect(head()).toBe(oid);
    expect(result.createCommitOnBranch.ref).toEqual({ name: 'main', target: { oid } });
    expect(gitIn(dir, 'rev-parse', `${oid}^`)).toBe(parent);
    expect(gitIn(dir, 'show', `${oid}:apps/web/deployment.yaml`)).toContain('web:1.1.0');
    expect(gitIn(dir, 'show', `${oid}:apps/new.yaml`)).toBe('new: true');
    expect(gitIn(dir, 'ls-tree', '--name-only', oid)).not.toContain('README.md');
    expect(gitIn(dir, 'log', '-1', '--format=%B', oid)).toBe('Bump web to 1.1.0\n\nChanged by gitops-bump.');
    expect(gitIn(dir, 'log', '-1', '--format=%cn <%ce>|%an', oid)).toBe('GitHub <noreply@github.com>|github-actions[bot]');
    expect(gitIn(dir, 'rev-list', '--count', `${parent}..${oid}`)).toBe('1');
  });

  it('answers a moved head with HTTP 200, data null and STALE_DATA, and moves nothing', async () => {
    const stale = head();
    const moved = commitFiles(dir, { 'outside.txt': 'pushed by someone else\n' });
    const { status, body } = await post(commitMutation, { input: commitInput(stale, { 'a.txt': 'a\n' }) });
    expect(status).toBe(200);
    expect(body.data).toEqual({ createCommitOnBranch: null });
    expect(body.errors?.[0]).toMatchObject({
      type: 'STALE_DATA',
      path: ['createCommitOnBranch'],
      message: `Expected branch to point to "${stale}" but it did not. Pull and try again.`,
    });
    expect(head()).toBe(moved);
  });

  it('refuses a read-only token with FORBIDDEN and hides the repository from other tokens', async () => {
    const privateDir = makeRepo({ 'a.txt': 'a\n' });
    await emu.addRepo({ name: 'acme/private', dir: privateDir, tokens: { reader: 'read' } });
    try {
      const before = gitIn(privateDir, 'rev-parse', 'HEAD');
      const input = { ...commitInput(before, { 'b.txt': 'b\n' }), branch: { repositoryNameWithOwner: 'acme/private', branchName: 'main' } };
      const denied = await post(commitMutation, { input }, '/graphql', 'reader');
      expect(denied.body.errors?.[0]).toMatchObject({ type: 'FORBIDDEN', message: 'Resource not accessible by integration' });
      expect(gitIn(privateDir, 'rev-parse', 'HEAD')).toBe(before);
      const hidden = await post('{ repository(owner: "acme", name: "private") { id } }', {}, '/graphql', 'stranger');
      expect(hidden.body.errors?.[0].type).toBe('NOT_FOUND');
    } finally {
      cleanup(privateDir);
    }
  });

  it('refuses a protected branch', async () => {
    const created = await post(
      `mutation($input: CreateRefInput!) { createRef(input: $input) { ref { name } } }`,
      { input: { repositoryId: await repositoryId(), name: 'refs/heads/prod', oid: head() } },
    );
    expect(created.body.errors).toBeUndefined();
    const { body } = await post(commitMutation, { input: commitInput(head(), { 'a.txt': 'a\n' }, [], 'prod') });
    expect(body.data).toEqual({ createCommitOnBranch: null });
    expect(body.errors?.[0].message).toMatch(/^protected branch 'prod' check failed/);
    expect(head('prod')).toBe(head());
  });

  it('accepts the branch by Ref id and echoes clientMutationId', async () => {
    const parent = head();
    const ref = await gql<{ repository: { ref: { id: string } } }>('{ repository(owner: "acme", name: "gitops") { ref(qualifiedName: "main") { id } } }');
    const input = { ...commitInput(parent, { 'by-id.txt': 'id\n' }), branch: { id: ref.repository.ref.id }, clientMutationId: 'm-1' };
    const result = await gql<{ createCommitOnBranch: { clientMutationId: string; commit: { oid: string } } }>(
      'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { clientMutationId commit { oid } } }',
      { input },
    );
    expect(result.createCommitOnBranch.clientMutationId).toBe('m-1');
    expect(head()).toBe(result.createCommitOnBranch.commit.oid);
    const object = await gql<{ repository: { object: { text: string } } }>(
      '{ repository(owner: "acme", name: "gitops") { object(expression: "main:by-id.txt") { ... on Blob { text } } } }',
    );
    expect(object.repository.object.text).toBe('id\n');
  });

  it('refuses deleting a path that does not exist', async () => {
    const before = head();
    const { body } = await post(commitMutation, { input: commitInput(before, {}, ['no/such/file.yaml']) });
    expect(body.data).toEqual({ createCommitOnBranch: null });
    expect(body.errors?.[0].message).toMatch(/does not exist/);
    expect(head()).toBe(before);
  });
});

async function repositoryId(): Promise<string> {
  const data = await gql<{ repository: { id: string } }>('{ repository(owner: "acme", name: "gitops") { id } }');
  return data.repository.id;
}

describe('refs over GraphQL', () => {
  it('createRef, then "already exists"; updateRefs with beforeOid compare-and-swap; deleteRef', async () => {
    const id = await repositoryId();
    const main = head();
    const parent = gitIn(dir, 'rev-parse', 'main^');
    const create = `mutation($input: CreateRefInput!) { createRef(input: $input) { ref { id name target { oid } } } }`;
    const made = await gql<{ createRef: { ref: { id: string; name: string; target: { oid: string } } } }>(create, { input: { repositoryId: id, name: 'refs/heads/gql/one', oid: parent } });
    expect(made.createRef.ref).toMatchObject({ name: 'gql/one', target: { oid: parent } });
    expect(head('gql/one')).toBe(parent);
    const again = await post(create, { input: { repositoryId: id, name: 'refs/heads/gql/one', oid: parent } });
    expect(again.body.errors?.[0].message).toMatch(/already exists/);

    const update = `mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }`;
    const wrongBefore = await post(update, { input: { repositoryId: id, refUpdates: [{ name: 'refs/heads/gql/one', beforeOid: main, afterOid: main }] } });
    expect(wrongBefore.body.errors?.[0].type).toBe('STALE_DATA');
    expect(head('gql/one')).toBe(parent);
    await gql(update, { input: { repositoryId: id, refUpdates: [{ name: 'refs/heads/gql/one', beforeOid: parent, afterOid: main }] } });
    expect(head('gql/one')).toBe(main);
    const backwards = await post(update, { input: { repositoryId: id, refUpdates: [{ name: 'refs/heads/gql/one', afterOid: parent }] } });
    expect(backwards.body.errors?.[0].message).toMatch(/not a fast forward/);
    await gql(update, { input: { repositoryId: id, refUpdates: [{ name: 'refs/heads/gql/one', afterOid: parent, force: true }] } });
    expect(head('gql/one')).toBe(parent);

    await gql(`mutation($id: ID!) { deleteRef(input: { refId: $id }) { clientMutationId } }`, { id: made.createRef.ref.id });
    expect(() => gitIn(dir, 'rev-parse', '--verify', '--quiet', 'refs/heads/gql/one')).toThrow();
  });
});

describe('pull requests over GraphQL', () => {
  it('creates, labels, requests reviews, enables auto-merge, updates and closes a pull request', async () => {
    const id = await repositoryId();
    const main = head();
    await gql(`mutation($input: CreateRefInput!) { createRef(input: $input) { ref { name } } }`, { input: { repositoryId: id, name: 'refs/heads/bump/api', oid: main } });
    await gql(commitMutation, { input: commitInput(main, { 'apps/api/values.yaml': 'image:\n  tag: 2.1.0\n' }, [], 'bump/api') });

    const created = await gql<{ createPullRequest: { pullRequest: { id: string; number: number; headRefOid: string; state: string } } }>(
      `mutation($input: CreatePullRequestInput!) { createPullRequest(input: $input) { pullRequest { id number headRefOid state } } }`,
      { input: { repositoryId: id, baseRefName: 'main', headRefName: 'bump/api', title: 'Bump api', body: 'b' } },
    );
    const pr = created.createPullRequest.pullRequest;
    expect(pr.headRefOid).toBe(head('bump/api'));
    expect(pr.state).toBe('OPEN');

    const duplicate = await post(
      `mutation($input: CreatePullRequestInput!) { createPullRequest(input: $input) { pullRequest { id } } }`,
      { input: { repositoryId: id, baseRefName: 'main', headRefName: 'bump/api', title: 'again' } },
    );
    expect(duplicate.body.errors?.[0].message).toBe('A pull request already exists for acme:bump/api.');

    const ids = await gql<{ repository: { label: { id: string } }; user: { id: string }; organization: { team: { id: string } } }>(
      `{ repository(owner: "acme", name: "gitops") { label(name: "gitops") { id } } user(login: "alice") { id } organization(login: "acme") { team(slug: "platform") { id } } }`,
    );
    const followUp = await gql<{ enablePullRequestAutoMerge: { pullRequest: { autoMergeRequest: { mergeMethod: string } } } }>(
      `mutation($pr: ID!, $labels: [ID!]!, $users: [ID!], $teams: [ID!]) {
        addLabelsToLabelable(input: { labelableId: $pr, labelIds: $labels }) { clientMutationId }
        requestReviews(input: { pullRequestId: $pr, userIds: $users, teamIds: $teams, union: true }) { clientMutationId }
        enablePullRequestAutoMerge(input: { pullRequestId: $pr, mergeMethod: SQUASH }) { pullRequest { autoMergeRequest { mergeMethod } } }
      }`,
      { pr: pr.id, labels: [ids.repository.label.id], users: [ids.user.id], teams: [ids.organization.team.id] },
    );
    expect(followUp.enablePullRequestAutoMerge.pullRequest.autoMergeRequest.mergeMethod).toBe('SQUASH');

    const found = await gql<{ repository: { pullRequests: { nodes: { number: number; labels: { nodes: { name: string }[] } }[] } } }>(
      `{ repository(owner: "acme", name: "gitops") { pullRequests(headRefName: "bump/api", states: [OPEN], first: 5) { nodes { number labels(first: 10) { nodes { name } } } } } }`,
    );
    expect(found.repository.pullRequests.nodes).toEqual([{ number: pr.number, labels: { nodes: [{ name: 'gitops' }] } }]);

    await gql(`mutation($id: ID!) { updatePullRequest(input: { pullRequestId: $id, title: "Bump api to 2.1.0", body: "new body" }) { pullRequest { title } } }`, { id: pr.id });
    await gql(`mutation($id: ID!) { closePullRequest(input: { pullRequestId: $id }) { pullRequest { state } } }`, { id: pr.id });
    const record = emu.pulls('acme/gitops').find((p) => p.number === pr.number);
    expect(record).toMatchObject({
      title: 'Bump api to 2.1.0',
      body: 'new body',
      state: 'closed',
      labels: ['gitops'],
      reviewers: ['alice'],
      teamReviewers: ['platform'],
    });
  });

  it('refuses auto-merge where the repository does not allow it', async () => {
    emu.setRepoOption('acme/gitops', 'autoMergeAllowed', false);
    try {
      const pr = emu.pulls('acme/gitops')[0];
      const { body } = await post(`mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id }) { clientMutationId } }`, { id: pr.id });
      expect(body.data).toEqual({ enablePullRequestAutoMerge: null });
      expect(body.errors?.[0].message).toMatch(/Auto merge is not allowed/);
    } finally {
      emu.setRepoOption('acme/gitops', 'autoMergeAllowed', true);
    }
  });

  it('refuses createPullRequest with FORBIDDEN when Actions may not create pull requests', async () => {
    emu.setRepoOption('acme/gitops', 'actionsCanCreatePullRequests', false);
    try {
      const { body } = await post(
        `mutation($input: CreatePullRequestInput!) { createPullRequest(input: $input) { pullRequest { id } } }`,
        { input: { repositoryId: await repositoryId(), baseRefName: 'main', headRefName: 'bump/api', title: 't' } },
      );
      expect(body.data).toEqual({ createPullRequest: null });
      expect(body.errors?.[0]).toMatchObject({ type: 'FORBIDDEN', message: expect.stringMatching(/^GitHub Actions is not permitted to create or approve pull requests/) });
    } finally {
      emu.setRepoOption('acme/gitops', 'actionsCanCreatePullRequests', true);
    }
  });

  it('answers an unknown node id with "Could not resolve to a node"', async () => {
    const { body } = await post(`mutation { closePullRequest(input: { pullRequestId: "PR_bm9wZQ" }) { clientMutationId } }`);
    expect(body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', message: "Could not resolve to a node with the global id of 'PR_bm9wZQ'." });
  });

  it('assigns users (addAssigneesToAssignable) and lists them on the pull request', async () => {
    const id = await repositoryId();
    const main = head();
    await gql(`mutation($input: CreateRefInput!) { createRef(input: $input) { ref { name } } }`, { input: { repositoryId: id, name: 'refs/heads/bump/assign', oid: main } });
    await gql(commitMutation, { input: commitInput(main, { 'apps/assign.yaml': 'image: x:2\n' }, [], 'bump/assign') });
    const created = await gql<{ createPullRequest: { pullRequest: { id: string; number: number } } }>(
      `mutation($input: CreatePullRequestInput!) { createPullRequest(input: $input) { pullRequest { id number } } }`,
      { input: { repositoryId: id, baseRefName: 'main', headRefName: 'bump/assign', title: 'Assign' } },
    );
    const pr = created.createPullRequest.pullRequest;
    const user = await gql<{ user: { id: string } }>(`{ user(login: "bob") { id } }`);
    const assigned = await gql<{ a: { assignable: { assignees: { nodes: { login: string }[] } } } }>(
      `mutation($pr: ID!, $users: [ID!]!) { a: addAssigneesToAssignable(input: { assignableId: $pr, assigneeIds: $users }) { assignable { ... on PullRequest { assignees(first: 5) { nodes { login } } } } } }`,
      { pr: pr.id, users: [user.user.id] },
    );
    expect(assigned.a.assignable.assignees.nodes).toEqual([{ login: 'bob' }]);
    expect(emu.pulls('acme/gitops').find((p) => p.number === pr.number)?.assignees).toEqual(['bob']);
    const bad = await post(`mutation($pr: ID!) { addAssigneesToAssignable(input: { assignableId: $pr, assigneeIds: ["T_bm9wZQ"] }) { clientMutationId } }`, { pr: pr.id });
    expect(bad.body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND' });
  });

  it('keeps a timeline of review requests and auto-merge, and reviews that consume their request (latestReviews)', async () => {
    const id = await repositoryId();
    const main = head();
    await gql(`mutation($input: CreateRefInput!) { createRef(input: $input) { ref { name } } }`, { input: { repositoryId: id, name: 'refs/heads/bump/review', oid: main } });
    await gql(commitMutation, { input: commitInput(main, { 'apps/review.yaml': 'image: x:2\n' }, [], 'bump/review') });
    const created = await gql<{ createPullRequest: { pullRequest: { id: string; number: number } } }>(
      `mutation($input: CreatePullRequestInput!) { createPullRequest(input: $input) { pullRequest { id number } } }`,
      { input: { repositoryId: id, baseRefName: 'main', headRefName: 'bump/review', title: 'Review' } },
    );
    const pr = created.createPullRequest.pullRequest;
    const ids = await gql<{ alice: { id: string }; bob: { id: string }; organization: { team: { id: string } } }>(
      `{ alice: user(login: "alice") { id } bob: user(login: "bob") { id } organization(login: "acme") { team(slug: "platform") { id } } }`,
    );
    await gql(
      `mutation($pr: ID!, $users: [ID!], $teams: [ID!]) {
        requestReviews(input: { pullRequestId: $pr, userIds: $users, teamIds: $teams, union: true }) { clientMutationId }
        enablePullRequestAutoMerge(input: { pullRequestId: $pr, mergeMethod: MERGE }) { clientMutationId }
      }`,
      { pr: pr.id, users: [ids.alice.id, ids.bob.id], teams: [ids.organization.team.id] },
    );
    const asAlice = graphql.defaults({ baseUrl: emu.url, headers: { authorization: 'token alice-token' } });
    await asAlice(`mutation($pr: ID!) { addPullRequestReview(input: { pullRequestId: $pr, event: APPROVE }) { pullRequestReview { state author { login } } } }`, { pr: pr.id });
    await gql(`mutation($pr: ID!) { disablePullRequestAutoMerge(input: { pullRequestId: $pr }) { clientMutationId } }`, { pr: pr.id });
    const again = await post(`mutation($pr: ID!) { disablePullRequestAutoMerge(input: { pullRequestId: $pr }) { clientMutationId } }`, { pr: pr.id });
    expect(again.body.errors?.[0]?.message).toMatch(/not enabled/);
    const own = await post(`mutation($pr: ID!) { addPullRequestReview(input: { pullRequestId: $pr, event: APPROVE }) { clientMutationId } }`, { pr: pr.id });
    expect(own.body.errors?.[0]?.message).toBe('Can not approve your own pull request');

    type Reviewer = { __typename: string; login?: string; slug?: string };
    const read = await gql<{
      node: {
        reviewRequests: { nodes: { requestedReviewer: Reviewer }[] };
        latestReviews: { nodes: { state: string; author: { login: string } }[] };
        autoMergeRequest: null;
        timelineItems: { totalCount: number; nodes: { __typename: string; requestedReviewer?: Reviewer }[] };
      };
    }>(
      `query($pr: ID!) { node(id: $pr) { ... on PullRequest {
        reviewRequests(first: 10) { nodes { requestedReviewer { __typename ... on User { login } ... on Team { slug } } } }
        latestReviews(first: 10) { nodes { state author { login } } }
        autoMergeRequest { enabledAt }
        timelineItems(itemTypes: [REVIEW_REQUESTED_EVENT, AUTO_MERGE_ENABLED_EVENT, AUTO_MERGE_DISABLED_EVENT], first: 10) {
          totalCount nodes { __typename ... on ReviewRequestedEvent { requestedReviewer { __typename ... on User { login } ... on Team { slug } } } }
        }
      } } }`,
      { pr: pr.id },
    );
    expect(read.node.reviewRequests.nodes.map((n) => n.requestedReviewer)).toEqual([{ __typename: 'User', login: 'bob' }, { __typename: 'Team', slug: 'platform' }]);
    expect(read.node.latestReviews.nodes).toEqual([{ state: 'APPROVED', author: { login: 'alice' } }]);
    expect(read.node.autoMergeRequest).toBeNull();
    expect(read.node.timelineItems.nodes).toEqual([
      { __typename: 'ReviewRequestedEvent', requestedReviewer: { __typename: 'User', login: 'alice' } },
      { __typename: 'ReviewRequestedEvent', requestedReviewer: { __typename: 'User', login: 'bob' } },
      { __typename: 'ReviewRequestedEvent', requestedReviewer: { __typename: 'Team', slug: 'platform' } },
      { __typename: 'AutoMergeEnabledEvent' },
      { __typename: 'AutoMergeDisabledEvent' },
    ]);

    // A team the token may not see (not in `teams`: a CODEOWNERS team, no members: read): FORBIDDEN beside the data.
    emu.pulls('acme/gitops').find((p) => p.number === pr.number)!.teamReviewers.push('secret');
    const hidden = await post(`query($pr: ID!) { node(id: $pr) { ... on PullRequest { reviewRequests(first: 10) { nodes { requestedReviewer { __typename ... on Team { slug } } } } } } }`, { pr: pr.id });
    expect(hidden.body.errors).toMatchObject([{ type: 'FORBIDDEN', path: ['node', 'reviewRequests', 'nodes', 2, 'requestedReviewer', 'slug'] }]);
    expect(hidden.body.data).toEqual({ node: { reviewRequests: { nodes: [{ requestedReviewer: { __typename: 'User' } }, { requestedReviewer: { __typename: 'Team', slug: 'platform' } }, { requestedReviewer: null }] } } });
  });
});

describe('Commit.history', () => {
  it('lists the newest commits from a commit, itself first, along first parents; first is at most 100', async () => {
    const first = commitFiles(dir, { 'history/1.txt': '1\n' }, 'history 1');
    const second = commitFiles(dir, { 'history/2.txt': '2\n' }, 'history 2');
    const query = `query($n: Int!) { repository(owner: "acme", name: "gitops") { ref(qualifiedName: "refs/heads/main") {
      target { ... on Commit { history(first: $n) { totalCount nodes { oid } pageInfo { hasNextPage } } } } } } }`;
    type History = { repository: { ref: { target: { history: { totalCount: number; nodes: { oid: string }[]; pageInfo: { hasNextPage: boolean } } } } } };
    const two = await gql<History>(query, { n: 2 });
    expect(two.repository.ref.target.history.nodes.map((c) => c.oid)).toEqual([second, first]);
    expect(two.repository.ref.target.history.pageInfo.hasNextPage).toBe(true);
    const all = await gql<History>(query, { n: 100 });
    expect(all.repository.ref.target.history.nodes.map((c) => c.oid)).toEqual(gitIn(dir, 'rev-list', '--first-parent', 'main').split('\n'));
    expect(all.repository.ref.target.history.totalCount).toBe(all.repository.ref.target.history.nodes.length);
    expect(all.repository.ref.target.history.pageInfo.hasNextPage).toBe(false);
    const tooMany = await post(query, { n: 101 });
    expect(tooMany.body.errors?.[0]?.message).toBe('Requesting 101 records on the `history` connection exceeds the `first` limit of 100 records.');
  });
});
