// Commit mode when GitHub makes the commit and the answer is lost (the emulator's post-apply faults): the run
// finds its commit by its attempt trailer and reports it; it never writes a second one.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { createClient, type ClientOptions } from '../../../src/github/client.js';
import { commitPlan, type CommitRequest } from '../../../src/github/commit.js';
import { GitHubError } from '../../../src/github/errors.js';
import { compilePaths } from '../../../src/core/paths.js';
import { cleanupRepos, commitOnTop, git, makeRepo, message, replacePlanner } from './helpers.js';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const NAME = 'acme/gitops';
let emu: Emulator | undefined;

afterEach(async () => {
  expect(emu?.contractViolations ?? []).toEqual([]);
  await emu?.stop();
  emu = undefined;
  cleanupRepos();
});

async function start() {
  const dir = makeRepo({ 'apps/api.yaml': 'image: ghcr.io/acme/api:1\n' });
  emu = await startEmulator({ repos: [{ name: NAME, dir }] });
  return { emu, dir: emu.repoDir(NAME) };
}

function client(url: string, options: Partial<ClientOptions> = {}) {
  return createClient({ token: 'tok', apiUrl: url, retry: { baseMs: 1, maxMs: 10, attempts: 3 }, ...options });
}

const logs: string[] = [];
const request = (extra: Partial<CommitRequest> = {}): CommitRequest => ({
  target: { owner: 'acme', repo: 'gitops' },
  paths: compilePaths(['apps/*.yaml']),
  planner: replacePlanner('api:1', 'api:2'),
  message,
  backoff: { baseMs: 1, maxMs: 5 },
  runTag: '99.1/test',
  log: (m) => logs.push(m),
  ...extra,
});

const trailer = (dir: string, rev: string) => git(dir, 'log', '-1', '--format=%(trailers:key=Gitops-Bump-Attempt,valueonly)', rev);

describe('a commit whose answer was lost', () => {
  it('504 after the commit was made, 502 on every retry: one read finds it; the result is the commit, its plan and parent', async () => {
    const { emu, dir } = await start();
    const before = git(dir, 'rev-parse', 'main');
    emu.addFault({ operation: 'createCommitOnBranch', kind: 504, after: true });
    emu.addFault({ operation: 'createCommitOnBranch', kind: 502, times: Infinity });
    const c = client(emu.url);
    const result = await commitPlan(c, request());
    const main = git(dir, 'rev-parse', 'main');
    expect(result.commit).toEqual({ oid: main, url: expect.stringContaining(`/commit/${main}`) });
    expect(result).toMatchObject({ recovered: true, head: before, attempts: 2, branch: 'main' });
    expect(result.plan.changes).toMatchObject([{ file: 'apps/api.yaml', from: 'api:1', to: 'api:2' }]);
    expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('1');
    expect(trailer(dir, main)).toBe('99.1/test.1');
    expect(logs).toContain(`the commit of 99.1/test.1 landed although its answer was lost: ${main} on main`);
    // read, the commit (504 after it was made, then 502, 502), one read with the history: no second commit sent.
    expect(emu.requests.map((r) => [r.operation, r.fault ?? r.status])).toEqual([
      ['query', 200],
      ['mutation createCommitOnBranch', 'applied-504'],
      ['mutation createCommitOnBranch', '502'],
      ['mutation createCommitOnBranch', '502'],
      ['query', 200],
    ]);
  });

  it('a dropped answer whose retry met its own commit (STALE_DATA) with 3 commits of others on top: found 3 below the head', async () => {
    const { emu, dir } = await start();
    const before = git(dir, 'rev-parse', 'main');
    emu.addFault({ operation: 'createCommitOnBranch', kind: 'network', after: true });
    let others = 0;
    // Other writers land while this run waits: two before its retry, one before its next read.
    const sleep = async () => {
      if (others < 3) commitOnTop(dir, 'main', `other/${others}.txt`, `${others}\n`, `other ${others++}`);
      if (others < 2) commitOnTop(dir, 'main', `other/${others}.txt`, `${others}\n`, `other ${others++}`);
    };
    const result = await commitPlan(client(emu.url, { sleep }), request());
    expect(others).toBe(3);
    const ours = git(dir, 'rev-parse', 'main~3');
    expect(trailer(dir, ours)).toBe('99.1/test.1');
    expect(result).toMatchObject({ commit: { oid: ours }, head: before, recovered: true, attempts: 2 });
    expect(git(dir, 'log', '--format=%s', `${before}..main`).split('\n')).toEqual(['other 2', 'other 1', 'other 0', 'bump api:1 → api:2']);
    expect(emu.requests.filter((r) => r.mutation).map((r) => r.fault ?? r.status)).toEqual(['applied-network', 200]);
  });

  it('a write refused before it was made (502 on every try): one read finds nothing, and the failure says so', async () => {
    const { emu, dir } = await start();
    const before = git(dir, 'rev-parse', 'main');
    emu.addFault({ operation: 'createCommitOnBranch', kind: 502, times: Infinity });
    const error = await commitPlan(client(emu.url), request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect((error as Error).message).toMatch(/failed 3 time\(s\).*re-run the job \(a read after the failure found no commit of this run on the branch\)$/);
    expect(git(dir, 'rev-parse', 'main')).toBe(before);
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', ...Array(3).fill('mutation createCommitOnBranch'), 'query']);
  });

  it('another run\'s commit with the same changes is not taken for ours: nothing to do, no commit reported', async () => {
    const { emu, dir } = await start();
    const before = git(dir, 'rev-parse', 'main');
    // Ours is refused before it is made, but another run lands the same bump first (with its own trailer).
    emu.addFault({ operation: 'createCommitOnBranch', kind: 502, times: Infinity });
    const sleep = async () => {
      if (git(dir, 'rev-parse', 'main') === before) {
        commitOnTop(dir, 'main', 'apps/api.yaml', 'image: ghcr.io/acme/api:2\n', 'bump api:1 → api:2\n\nGitops-Bump-Attempt: 98.1/other.1');
      }
    };
    const result = await commitPlan(client(emu.url, { sleep }), request());
    // The checking round found the bump made by another run: its plan is empty, so the run is done without a commit.
    expect(result.commit).toBeUndefined();
    expect(result.recovered).toBeUndefined();
    expect(result.plan.edits).toEqual([]);
    expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('1');
  });
});
