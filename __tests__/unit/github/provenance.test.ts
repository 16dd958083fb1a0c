// The provenance read against the emulator (a source and a GitOps repository): its three requests, and every failure
// (a 5xx, a rate limit, a missing tag, a repository the token cannot see) a note, never an error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { createClient } from '../../../src/github/client.js';
import { readShipped, type ProvenanceRequest } from '../../../src/github/provenance.js';
import { cleanupRepos, git, makeRepo } from './helpers.js';

let emu: Emulator;
let source: string;
let gitops: string;
let c0: string;
let c2: string;

beforeAll(async () => {
  source = makeRepo({ 'a.txt': '0\n' });
  c0 = git(source, 'rev-parse', 'HEAD');
  git(source, 'tag', 'v1.0.0');
  for (const i of [1, 2]) {
    git(source, 'commit', '--quiet', '--allow-empty', '-m', `c${i}`);
  }
  c2 = git(source, 'rev-parse', 'HEAD');
  git(source, 'tag', '2.0.0');
  gitops = makeRepo({ 'prod/api.yaml': 'image: ghcr.io/acme/api:1.0.0\n' });
  emu = await startEmulator({ repos: [{ name: 'acme/api', dir: source, isPrivate: false }, { name: 'acme/gitops', dir: gitops }] });
});
afterAll(async () => {
  await emu.stop();
  cleanupRepos();
});
afterEach(() => {
  expect(emu.contractViolations).toEqual([]);
  emu.clearFaults();
});

function request(overrides: Partial<ProvenanceRequest> = {}): { client: ReturnType<typeof createClient>; request: ProvenanceRequest } {
  const client = createClient({ token: 't', apiUrl: emu.url, retry: { baseMs: 1, maxMs: 5 } });
  return {
    client,
    request: {
      target: { owner: 'acme', repo: 'gitops', head: git(gitops, 'rev-parse', 'main') },
      source: { owner: 'acme', repo: 'api', serverUrl: 'https://ghe.example.com' },
      sourceClient: client,
      changes: [{ file: 'prod/api.yaml', line: 1, image: 'ghcr.io/acme/api', from: '1.0.0', to: '2.0.0' }],
      ...overrides,
    },
  };
}

describe('readShipped', () => {
  it('tags at both ends (v1.0.0, 2.0.0): the range in 3 requests, no pull request merged, the GHES compare URL', async () => {
    const { client, request: r } = request();
    const answer = await readShipped(client, r);
    expect(client.stats().requests).toBe(3);
    expect(answer).toEqual({
      shipped: [
        {
          image: 'ghcr.io/acme/api', from: '1.0.0', to: '2.0.0', repository: 'acme/api', fromCommit: c0, toCommit: c2,
          compareUrl: `https://ghe.example.com/acme/api/compare/${c0}...${c2}`, pullRequests: [], commits: 2,
        },
      ],
      sourcePrivate: false,
      targetPrivate: true,
    });
  });

  it.each([
    ['a 502 on the compare', { operation: 'repos/compare-commits', kind: 502 as const, times: 5 }, /comparing .* in acme\/api: /],
    // The second query of the read is the pull requests' (the first: history and tags).
    ['a rate limit on the pull requests', { operation: 'query', nth: 2, kind: 'primary-rate-limit' as const, retryAfter: 3600 }, /reading the pull requests of acme\/api: /],
    ['a 503 on the history', { operation: 'query', nth: 1, kind: 503 as const }, /reading the history and tags: /],
  ])('%s: a note, never an error, and no retry', async (_name, fault, note) => {
    emu.addFault(fault);
    const { client, request: r } = request();
    const answer = await readShipped(client, r);
    expect(answer.shipped[0]!.notes!.some((n) => note.test(n))).toBe(true);
    expect(client.stats().retries).toBe(0);
  });

  it('a rollback (2.0.0 → 1.0.0): the range is read from the new version to the old, and marked', async () => {
    const { client, request: r } = request({ changes: [{ file: 'prod/api.yaml', line: 1, image: 'ghcr.io/acme/api', from: '2.0.0', to: '1.0.0' }] });
    const [shipped] = (await readShipped(client, r)).shipped;
    expect(shipped).toMatchObject({ fromCommit: c2, toCommit: c0, rolledBack: true, commits: 2, compareUrl: `https://ghe.example.com/acme/api/compare/${c0}...${c2}` });
    expect(client.stats().requests).toBe(3);
  });

  it('no tag for the old version and no trailer: a note naming what was tried; a sha for the new end', async () => {
    const { client, request: r } = request({ changes: [{ file: 'prod/api.yaml', line: 1, image: 'ghcr.io/acme/api', from: '0.9.0', to: '2.0.0' }] });
    const answer = await readShipped(client, { ...r, source: { ...r.source, sha: c2 } });
    expect(answer.shipped[0]!.compareUrl).toBeUndefined();
    expect(answer.shipped[0]!.notes).toEqual([
      'the source commit of 0.9.0 was not found (no Source-Commit trailer in the last 30 commits of prod/api.yaml, no tag v0.9.0 or 0.9.0 in acme/api)',
    ]);
    expect(client.stats().requests).toBe(1);
  });
});
