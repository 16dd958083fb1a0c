import { graphql } from '@octokit/graphql';
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';

/** Octokit logs every 4xx/5xx; these tests provoke them on purpose. */
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
import { SAMPLE_FILES, cleanup, gitIn, isHttpFailure, makeRepo } from './fixture.js';

let emu: Emulator;
let dir: string;
let octokit: Octokit;

beforeAll(async () => {
  dir = makeRepo(SAMPLE_FILES);
  emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir, labels: ['gitops'] }] });
  octokit = new Octokit({ log: quiet, auth: 'test-token', baseUrl: emu.url });
});

afterEach(() => emu.clearFaults());

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(dir);
});

const head = (): string => gitIn(dir, 'rev-parse', 'refs/heads/main');

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${emu.url}/graphql`, {
    method: 'POST',
    headers: { authorization: 'token test-token', 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { type?: string; message: string }[] } };
}

const COMMIT = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;
const commitInput = (expectedHeadOid: string, path: string) => ({
  input: {
    branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
    expectedHeadOid,
    message: { headline: `add ${path}` },
    fileChanges: { additions: [{ path, contents: Buffer.from(`${path}\n`).toString('base64') }] },
  },
});

async function status(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    if (isHttpFailure(error)) return error.status;
    throw error;
  }
}

describe('scripted faults', () => {
  it('answers the Nth matching request with 502/503 and then serves normally, logging both', async () => {
    emu.resetLog();
    emu.addFault({ operation: 'git/get-ref', nth: 2, kind: 503 });
    expect(await status(octokit.git.getRef({ owner: 'acme', repo: 'gitops', ref: 'heads/main' }))).toBe(200);
    expect(await status(octokit.git.getRef({ owner: 'acme', repo: 'gitops', ref: 'heads/main' }))).toBe(503);
    expect(await status(octokit.git.getRef({ owner: 'acme', repo: 'gitops', ref: 'heads/main' }))).toBe(200);
    expect(emu.requests.map((r) => [r.operation, r.status, r.fault ?? null])).toEqual([
      ['git/get-ref', 200, null],
      ['git/get-ref', 503, '503'],
      ['git/get-ref', 200, null],
    ]);
  });

  it('faults a GraphQL mutation by root field without changing state', async () => {
    const before = head();
    emu.addFault({ operation: 'mutation createCommitOnBranch', kind: 502 });
    const { response } = await post(COMMIT, commitInput(before, 'faulted.txt'));
    expect(response.status).toBe(502);
    expect(head()).toBe(before);
    const retried = await post(COMMIT, commitInput(before, 'faulted.txt'));
    expect(retried.body.errors).toBeUndefined();
    expect(gitIn(dir, 'rev-parse', 'HEAD^')).toBe(before);
    const log = emu.requests.slice(-2);
    expect(log.map((r) => [r.kind, r.operation, r.mutation, r.status])).toEqual([
      ['graphql', 'mutation createCommitOnBranch', true, 502],
      ['graphql', 'mutation createCommitOnBranch', true, 200],
    ]);
  });

  it('drops the connection for a network fault, changing nothing', async () => {
    const before = head();
    emu.addFault({ operation: /createCommitOnBranch/, kind: 'network' });
    await expect(post(COMMIT, commitInput(before, 'network.txt'))).rejects.toThrow();
    expect(head()).toBe(before);
  });

  it('a post-apply fault (after: true) makes the write, then answers 504 in place of the commit', async () => {
    const before = head();
    emu.resetLog();
    emu.addFault({ operation: 'createCommitOnBranch', kind: 504, after: true });
    const { response, body } = await post(COMMIT, commitInput(before, 'applied-504.txt'));
    expect(response.status).toBe(504);
    expect(JSON.stringify(body)).not.toContain('oid');
    // The state changed: main moved to a commit on top of the head the request expected, holding the file.
    const after = head();
    expect(after).not.toBe(before);
    expect(gitIn(dir, 'rev-parse', `${after}^`)).toBe(before);
    expect(gitIn(dir, 'show', `${after}:applied-504.txt`)).toBe('applied-504.txt');
    expect(emu.requests.map((r) => [r.operation, r.status, r.fault ?? null])).toEqual([['mutation createCommitOnBranch', 504, 'applied-504']]);
    // A retry of the same document finds the head moved (by its own first try): STALE_DATA, nothing more written.
    const retry = await post(COMMIT, commitInput(before, 'applied-504.txt'));
    expect(retry.body.errors?.[0].type).toBe('STALE_DATA');
    expect(head()).toBe(after);
  });

  it('a post-apply network fault makes the write and drops the connection; a REST write answered 502 is made too', async () => {
    const before = head();
    emu.resetLog();
    emu.addFault({ operation: /createCommitOnBranch/, kind: 'network', after: true });
    await expect(post(COMMIT, commitInput(before, 'applied-network.txt'))).rejects.toThrow();
    const after = head();
    expect(gitIn(dir, 'rev-parse', `${after}^`)).toBe(before);
    expect(gitIn(dir, 'show', `${after}:applied-network.txt`)).toBe('applied-network.txt');
    expect(emu.requests.map((r) => [r.status, r.fault ?? null])).toEqual([[0, 'applied-network']]);

    emu.addFault({ operation: 'git/create-ref', kind: 502, after: true });
    expect(await status(octokit.git.createRef({ owner: 'acme', repo: 'gitops', ref: 'refs/heads/applied-502', sha: after }))).toBe(502);
    expect(gitIn(dir, 'rev-parse', 'refs/heads/applied-502')).toBe(after);
    expect(emu.requests.at(-1)).toMatchObject({ operation: 'git/create-ref', status: 502, fault: 'applied-502' });
  });

  it('refuses a post-apply fault of a kind that is no lost answer', () => {
    expect(() => emu.addFault({ kind: 'secondary-rate-limit', after: true })).toThrow(/502, 503, 504 or 'network'/);
  });

  it('answers secondary rate limits with 403 and retry-after, over REST and GraphQL', async () => {
    emu.addFault({ kind: 'secondary-rate-limit', times: 2, retryAfter: 7 });
    const rest = await fetch(`${emu.url}/repos/acme/gitops`, { headers: { authorization: 'token t' } });
    expect(rest.status).toBe(403);
    expect(rest.headers.get('retry-after')).toBe('7');
    expect(rest.headers.get('x-ratelimit-limit')).not.toBeNull();
    expect(((await rest.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    const { response } = await post('{ viewer { login } }');
    expect(response.status).toBe(403);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('answers a primary rate limit: REST 403 with x-ratelimit-remaining 0, GraphQL RATE_LIMITED', async () => {
    emu.addFault({ kind: 'primary-rate-limit', times: 2 });
    const rest = await fetch(`${emu.url}/repos/acme/gitops`, { headers: { authorization: 'token t' } });
    expect(rest.status).toBe(403);
    expect(rest.headers.get('x-ratelimit-remaining')).toBe('0');
    const { response, body } = await post('{ viewer { login } }');
    expect(response.status).toBe(200);
    expect(body.errors?.[0].type).toBe('RATE_LIMITED');
  });

  it('answers "Could not resolve to a node" for a just-created pull request, leaving it unlabelled', async () => {
    const base = head();
    gitIn(dir, 'branch', 'bump/x', base);
    const extra = await octokit.git.createCommit({ owner: 'acme', repo: 'gitops', message: 'x', tree: gitIn(dir, 'rev-parse', 'main^{tree}'), parents: [base] });
    await octokit.git.updateRef({ owner: 'acme', repo: 'gitops', ref: 'heads/bump/x', sha: extra.data.sha });
    const pr = await octokit.pulls.create({ owner: 'acme', repo: 'gitops', head: 'bump/x', base: 'main', title: 'x' });
    const label = await graphql<{ repository: { label: { id: string } } }>('{ repository(owner: "acme", name: "gitops") { label(name: "gitops") { id } } }', {
      baseUrl: emu.url,
      headers: { authorization: 'token t' },
    });
    emu.addFault({ operation: 'addLabelsToLabelable', kind: 'not-resolvable' });
    const mutation = 'mutation($id: ID!, $labels: [ID!]!) { addLabelsToLabelable(input: { labelableId: $id, labelIds: $labels }) { clientMutationId } }';
    const first = await post(mutation, { id: pr.data.node_id, labels: [label.repository.label.id] });
    expect(first.body.data).toEqual({ addLabelsToLabelable: null });
    expect(first.body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${pr.data.node_id}'.` });
    expect(emu.pulls('acme/gitops').find((p) => p.number === pr.data.number)?.labels).toEqual([]);
    const second = await post(mutation, { id: pr.data.node_id, labels: [label.repository.label.id] });
    expect(second.body.errors).toBeUndefined();
    expect(emu.pulls('acme/gitops').find((p) => p.number === pr.data.number)?.labels).toEqual(['gitops']);
    // Like GitHub, `data` and the error's `path` name an aliased field by its alias (its response key).
    emu.addFault({ operation: 'addLabelsToLabelable', kind: 'not-resolvable' });
    const aliased = await post(mutation.replace('addLabelsToLabelable(', 'labels: addLabelsToLabelable('), { id: pr.data.node_id, labels: [label.repository.label.id] });
    expect(aliased.body.data).toEqual({ labels: null });
    expect(aliased.body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', path: ['labels'] });
  });
});

describe('the primary rate limit', () => {
  it('counts requests per token and answers 403 once the budget is spent', async () => {
    const limitedDir = makeRepo({ 'a.txt': 'a\n' });
    const limited = await startEmulator({ repos: [{ name: 'acme/limited', dir: limitedDir }], rateLimit: 2 });
    try {
      const get = (token: string) => fetch(`${limited.url}/repos/acme/limited`, { headers: { authorization: `token ${token}` } });
      const first = await get('a');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
      expect((await get('a')).status).toBe(200);
      const spent = await get('a');
      expect(spent.status).toBe(403);
      expect(spent.headers.get('x-ratelimit-remaining')).toBe('0');
      expect((await get('b')).status).toBe(200);
    } finally {
      await limited.stop();
      cleanup(limitedDir);
    }
  });
});

describe('switchable GitHub behaviours', () => {
  it('answers the first lookups of a just-created pull request with NOT_FOUND (pullRequestNodeLag)', async () => {
    emu.setRepoOption('acme/gitops', 'pullRequestNodeLag', 2);
    try {
      gitIn(dir, 'branch', 'bump/lag', head());
      const next = await octokit.git.createCommit({ owner: 'acme', repo: 'gitops', message: 'lag', tree: gitIn(dir, 'rev-parse', 'main^{tree}'), parents: [head()] });
      await octokit.git.updateRef({ owner: 'acme', repo: 'gitops', ref: 'heads/bump/lag', sha: next.data.sha });
      const pr = await octokit.pulls.create({ owner: 'acme', repo: 'gitops', head: 'bump/lag', base: 'main', title: 'lag' });
      const close = 'mutation($id: ID!) { closePullRequest(input: { pullRequestId: $id }) { pullRequest { state } } }';
      for (let i = 0; i < 2; i++) {
        const early = await post(close, { id: pr.data.node_id });
        expect(early.body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${pr.data.node_id}'.` });
      }
      expect(emu.pulls('acme/gitops').find((p) => p.number === pr.data.number)?.state).toBe('open');
      const later = await post(close, { id: pr.data.node_id });
      expect(later.body.data).toEqual({ closePullRequest: { pullRequest: { state: 'CLOSED' } } });
    } finally {
      emu.setRepoOption('acme/gitops', 'pullRequestNodeLag', 0);
    }
  });

  it('limits content creation to 80 requests per token per minute by default, in GitHub\'s words; 0 turns it off', async () => {
    const limitDir = makeRepo({ 'a.txt': 'a\n' });
    const sha = gitIn(limitDir, 'rev-parse', 'HEAD');
    const createRef = (url: string, token: string, n: number) => fetch(`${url}/repos/acme/limited/git/refs`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: `refs/heads/${token}-${n}`, sha }),
    });
    const limited = await startEmulator({ repos: [{ name: 'acme/limited', dir: limitDir }] });
    try {
      for (let n = 1; n <= 80; n++) expect((await createRef(limited.url, 'one', n)).status).toBe(201);
      const refused = await createRef(limited.url, 'one', 81);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.json()).toEqual({
        message: 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      });
      expect(() => gitIn(limitDir, 'rev-parse', '--verify', '--quiet', 'refs/heads/one-81')).toThrow();
      // A GraphQL mutation is content creation too; another token has its own budget; reads are not limited.
      const mutation = await fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { authorization: 'token one', 'content-type': 'application/json' },
        body: JSON.stringify({ query: COMMIT, variables: { input: { ...commitInput(sha, 'b.txt').input, branch: { repositoryNameWithOwner: 'acme/limited', branchName: 'main' } } } }),
      });
      expect(mutation.status).toBe(403);
      expect(((await mutation.json()) as { message: string }).message).toMatch(/secondary rate limit .* content creation/);
      expect((await createRef(limited.url, 'two', 1)).status).toBe(201);
      expect((await fetch(`${limited.url}/repos/acme/limited`, { headers: { authorization: 'token one' } })).status).toBe(200);
    } finally {
      await limited.stop();
    }
    const unlimited = await startEmulator({ repos: [{ name: 'acme/limited', dir: limitDir }], writesPerMinute: 0 });
    try {
      for (let n = 1; n <= 81; n++) expect((await createRef(unlimited.url, 'three', n)).status).toBe(201);
    } finally {
      await unlimited.stop();
      cleanup(limitDir);
    }
  });

  it('enforces a secondary rate limit on content-creating requests (writesPerMinute)', async () => {
    const busyDir = makeRepo({ 'a.txt': 'a\n' });
    const busy = await startEmulator({ repos: [{ name: 'acme/busy', dir: busyDir }], writesPerMinute: 2 });
    try {
      const sha = gitIn(busyDir, 'rev-parse', 'HEAD');
      const create = (n: number) => fetch(`${busy.url}/repos/acme/busy/git/refs`, {
        method: 'POST',
        headers: { authorization: 'token t', 'content-type': 'application/json' },
        body: JSON.stringify({ ref: `refs/heads/b${n}`, sha }),
      });
      expect((await create(1)).status).toBe(201);
      expect((await create(2)).status).toBe(201);
      const limited = await create(3);
      expect(limited.status).toBe(403);
      expect(limited.headers.get('retry-after')).toBe('60');
      expect(() => gitIn(busyDir, 'rev-parse', '--verify', '--quiet', 'refs/heads/b3')).toThrow();
      const read = await fetch(`${busy.url}/repos/acme/busy`, { headers: { authorization: 'token t' } });
      expect(read.status).toBe(200);
    } finally {
      await busy.stop();
      cleanup(busyDir);
    }
  });
});

describe('the racer', () => {
  it('moves the branch between a client read and its write: STALE_DATA, then the retry lands', async () => {
    const read = head();
    emu.raceNextWrite('acme/gitops', 'main');
    const stale = await post(COMMIT, commitInput(read, 'raced.txt'));
    expect(stale.body.errors?.[0].type).toBe('STALE_DATA');
    const raced = head();
    expect(raced).not.toBe(read);
    expect(gitIn(dir, 'rev-parse', `${raced}^`)).toBe(read);
    expect(gitIn(dir, 'ls-tree', '-r', '--name-only', raced)).toMatch(/^race\/\d+\.txt$/m);

    const retry = await post(COMMIT, commitInput(raced, 'raced.txt'));
    expect(retry.body.errors).toBeUndefined();
    expect(gitIn(dir, 'rev-parse', 'refs/heads/main^')).toBe(raced);
  });

  it('makes a REST fast-forward update fail too', async () => {
    const read = head();
    const next = await octokit.git.createCommit({ owner: 'acme', repo: 'gitops', message: 'ff', tree: gitIn(dir, 'rev-parse', 'main^{tree}'), parents: [read] });
    emu.raceNextWrite('acme/gitops', 'main');
    expect(await status(octokit.git.updateRef({ owner: 'acme', repo: 'gitops', ref: 'heads/main', sha: next.data.sha }))).toBe(422);
    expect(gitIn(dir, 'rev-parse', 'refs/heads/main^')).toBe(read);
  });
});

describe('latency and the fault rate', () => {
  it('delays every answer by the fixed latency', async () => {
    const slowDir = makeRepo({ 'a.txt': 'a\n' });
    const slow = await startEmulator({ repos: [{ name: 'acme/slow', dir: slowDir }], latencyMs: 40 });
    try {
      const client = new Octokit({ log: quiet, auth: 't', baseUrl: slow.url });
      await client.repos.get({ owner: 'acme', repo: 'slow' });
      expect(slow.requests[0].ms).toBeGreaterThanOrEqual(39);
    } finally {
      await slow.stop();
      cleanup(slowDir);
    }
  });

  it('postApplyFaultRate: writes are made and their answers lost (502, 504 or dropped), reads are answered', async () => {
    const lossyDir = makeRepo({ 'a.txt': 'a\n' });
    const lossy = await startEmulator({ repos: [{ name: 'acme/gitops', dir: lossyDir }], postApplyFaultRate: 1, seed: 3 });
    try {
      const send = (query: string, variables: Record<string, unknown>) =>
        fetch(`${lossy.url}/graphql`, {
          method: 'POST',
          headers: { authorization: 'token t', 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        }).then((r) => r.status, () => 0);
      const read = await send('query { repository(owner: "acme", name: "gitops") { id } }', {});
      expect(read).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push(await send(COMMIT, commitInput(gitIn(lossyDir, 'rev-parse', 'refs/heads/main'), `lost-${i}.txt`)));
      // Every commit landed although no answer came back.
      expect(gitIn(lossyDir, 'rev-list', '--count', 'refs/heads/main')).toBe('7');
      expect(statuses.every((s) => s === 502 || s === 504 || s === 0)).toBe(true);
      expect(lossy.requests.slice(1).map((r) => r.fault)).toEqual(statuses.map((s) => `applied-${s === 0 ? 'network' : s}`));
      expect(new Set(statuses).size).toBeGreaterThan(1);
    } finally {
      await lossy.stop();
      cleanup(lossyDir);
    }
  });

  it('splits each request\'s latency, half before it is handled and half after; writes take writeLatencyMs', async () => {
    const splitDir = makeRepo({ 'a.txt': 'a\n' });
    const delays: [number, string][] = [];
    let release: () => void = () => undefined;
    let held: Promise<void> | undefined;
    const split = await startEmulator({
      repos: [{ name: 'acme/split', dir: splitDir }],
      latencyMs: 300,
      writeLatencyMs: { min: 1000, max: 1000 },
      // Injected: no real time passes; the write's second half waits until the test has looked at the branch.
      delay: (ms, phase) => {
        delays.push([ms, phase]);
        if (held !== undefined && phase === 'after' && ms === 500) return held;
        return Promise.resolve();
      },
    });
    try {
      const before = gitIn(splitDir, 'rev-parse', 'main');
      const read = await fetch(`${split.url}/repos/acme/split/branches/main`, { headers: { authorization: 'token t' } });
      expect(read.status).toBe(200);
      expect(delays).toEqual([[150, 'before'], [150, 'after']]);
      held = new Promise<void>((resolve) => (release = resolve));
      const write = fetch(`${split.url}/graphql`, {
        method: 'POST',
        headers: { authorization: 'token t', 'content-type': 'application/json' },
        body: JSON.stringify({
          query: COMMIT,
          variables: { input: { ...commitInput(before, 'b.txt').input, branch: { repositoryNameWithOwner: 'acme/split', branchName: 'main' } } },
        }),
      });
      // The write has been applied in the middle of its latency, and is not answered yet.
      await expect.poll(() => gitIn(splitDir, 'rev-parse', 'main')).not.toBe(before);
      expect(split.requests).toHaveLength(1);
      release();
      expect((await write).status).toBe(200);
      expect(delays.slice(2)).toEqual([[500, 'before'], [500, 'after']]);
      expect(split.requests.map((r) => r.status)).toEqual([200, 200]);
    } finally {
      release();
      await split.stop();
      cleanup(splitDir);
    }
  });

  it('answers a seeded, reproducible share of requests with 502/503', async () => {
    const flakyDir = makeRepo({ 'a.txt': 'a\n' });
    const statuses = async (seed: number): Promise<number[]> => {
      const flaky = await startEmulator({ repos: [{ name: 'acme/flaky', dir: flakyDir }], faultRate: 0.5, seed });
      try {
        const client = new Octokit({ log: quiet, auth: 't', baseUrl: flaky.url });
        const out: number[] = [];
        for (let i = 0; i < 12; i++) out.push(await status(client.repos.get({ owner: 'acme', repo: 'flaky' })));
        return out;
      } finally {
        await flaky.stop();
      }
    };
    try {
      const first = await statuses(42);
      expect(first.some((s) => s === 502 || s === 503)).toBe(true);
      expect(first.some((s) => s === 200)).toBe(true);
      expect(await statuses(42)).toEqual(first);
    } finally {
      cleanup(flakyDir);
    }
  });
});
