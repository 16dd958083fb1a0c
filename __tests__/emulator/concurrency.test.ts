import { graphql } from '@octokit/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';
import { SAMPLE_FILES, cleanup, gitIn, makeRepo } from './fixture.js';

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  dir = makeRepo(SAMPLE_FILES);
  emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir }] });
});

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(dir);
});

const READ = `query { repository(owner: "acme", name: "gitops") { ref(qualifiedName: "refs/heads/main") { target { oid } } } }`;
const WRITE = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;

interface Attempt {
  client: number;
  expected: string;
  landed: string | null;
}

/** One client: read the head, commit its own file against it, re-read and retry on STALE_DATA. */
async function client(n: number, attempts: Attempt[]): Promise<void> {
  const gql = graphql.defaults({ baseUrl: emu.url, headers: { authorization: `token client-${n}` } });
  for (let round = 0; round < 100; round++) {
    const read = await gql<{ repository: { ref: { target: { oid: string } } } }>(READ);
    const expected = read.repository.ref.target.oid;
    const response = await fetch(`${emu.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `token client-${n}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: WRITE,
        variables: {
          input: {
            branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
            expectedHeadOid: expected,
            message: { headline: `client ${n}` },
            fileChanges: { additions: [{ path: `clients/${n}.txt`, contents: Buffer.from(`client ${n}\n`).toString('base64') }] },
          },
        },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { createCommitOnBranch: { commit: { oid: string } } | null }; errors?: { type: string }[] };
    if (body.data.createCommitOnBranch) {
      attempts.push({ client: n, expected, landed: body.data.createCommitOnBranch.commit.oid });
      return;
    }
    expect(body.errors?.[0].type).toBe('STALE_DATA');
    attempts.push({ client: n, expected, landed: null });
  }
  throw new Error(`client ${n} never landed its commit`);
}

describe('20 concurrent createCommitOnBranch clients on one branch', () => {
  it('lets exactly one win per head and loses no write after retries', async () => {
    const start = gitIn(dir, 'rev-parse', 'refs/heads/main');
    const attempts: Attempt[] = [];
    await Promise.all(Array.from({ length: 20 }, (_, n) => client(n, attempts)));

    const wins = attempts.filter((a) => a.landed !== null);
    expect(wins).toHaveLength(20);
    // Exactly one winner per expected head: no head was built on twice.
    const winsPerHead = new Map<string, number>();
    for (const win of wins) winsPerHead.set(win.expected, (winsPerHead.get(win.expected) ?? 0) + 1);
    expect([...winsPerHead.values()].every((count) => count === 1)).toBe(true);
    // Every failed attempt really was stale: some other client won on that head.
    for (const loss of attempts.filter((a) => a.landed === null)) expect(winsPerHead.get(loss.expected)).toBe(1);

    // git shows a linear chain of 20 commits on top of the start, each with its client's file.
    const chain = gitIn(dir, 'rev-list', '--parents', `${start}..refs/heads/main`).split('\n');
    expect(chain).toHaveLength(20);
    expect(chain.every((line) => line.split(' ').length === 2)).toBe(true);
    expect(new Set(chain.map((line) => line.split(' ')[0]))).toEqual(new Set(wins.map((w) => w.landed)));
    const files = gitIn(dir, 'ls-tree', '--name-only', 'refs/heads/main:clients').split('\n');
    expect(files.sort()).toEqual(Array.from({ length: 20 }, (_, n) => `${n}.txt`).sort());
    for (const win of wins) expect(gitIn(dir, 'rev-parse', `${win.landed}^`)).toBe(win.expected);
  });
});
