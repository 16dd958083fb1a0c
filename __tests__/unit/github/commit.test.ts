// One atomic commit per run against the GitHub emulator: exact bytes, request budgets, races, faults, errors.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { createClient, type ClientOptions } from '../../../src/github/client.js';
import { commitPlan, type CommitRequest } from '../../../src/github/commit.js';
import { GitHubError } from '../../../src/github/errors.js';
import { compilePaths } from '../../../src/core/paths.js';
import type { Plan } from '../../../src/core/types.js';
import { cleanupRepos, commitOnTop, git, lossyProxy, makeRepo, message, replacePlanner, show } from './helpers.js';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type EmulatorOptions = Parameters<typeof startEmulator>[0];
type RepoOptions = EmulatorOptions['repos'][number];

const NAME = 'acme/gitops';
const target = { owner: 'acme', repo: 'gitops' };
const BOM_CRLF = '\uFEFF# values\r\nimage:\r\n  repository: ghcr.io/acme/web\r\n  tag: "1.4.1"\r\n';

let emu: Emulator | undefined;

afterEach(async () => {
  expect(emu?.contractViolations ?? []).toEqual([]);
  await emu?.stop();
  emu = undefined;
  cleanupRepos();
});

async function start(files: Record<string, string>, repo: Partial<RepoOptions> = {}, options: Partial<EmulatorOptions> = {}) {
  const dir = makeRepo(files);
  emu = await startEmulator({ ...options, repos: [{ name: NAME, dir, ...repo }] });
  return { emu, dir: emu.repoDir(NAME) };
}

function client(url: string, options: Partial<ClientOptions> = {}) {
  return createClient({ token: 'tok', apiUrl: url, retry: { baseMs: 1, maxMs: 10 }, ...options });
}

function request(globs: string[], from: string, to: string, extra: Partial<CommitRequest> = {}): CommitRequest {
  return {
    target,
    paths: compilePaths(globs),
    planner: replacePlanner(from, to),
    message,
    backoff: { baseMs: 1, maxMs: 20 },
    ...extra,
  };
}

describe('a direct commit', () => {
  it('lands one commit on the head it read, byte-exact, in 2 requests (glob) and a no-op re-run in 1', async () => {
    const { emu, dir } = await start({ 'apps/prod/web/values.yaml': BOM_CRLF, 'apps/prod/api.yaml': 'image: ghcr.io/acme/api:1.0\n' });
    const before = git(dir, 'rev-parse', 'main');
    const c = client(emu.url);
    const result = await commitPlan(c, request(['apps/prod/**/*.yaml'], '1.4.1', '1.4.2'));
    expect(result.commit?.oid).toBe(git(dir, 'rev-parse', 'main'));
    expect(result.commit?.url).toMatch(/\/commit\//);
    expect(result.head).toBe(before);
    expect(result.attempts).toBe(1);
    expect(git(dir, 'rev-parse', 'main^')).toBe(before);
    expect(show(dir, 'main', 'apps/prod/web/values.yaml')).toEqual(Buffer.from(BOM_CRLF.replace('1.4.1', '1.4.2'), 'utf8'));
    expect(git(dir, 'diff', '--name-only', `${before}`, 'main')).toBe('apps/prod/web/values.yaml');
    expect(git(dir, 'log', '-1', '--format=%s', 'main')).toBe('bump 1.4.1 → 1.4.2');
    expect(c.stats().requests).toBe(2);
    expect(emu.requests).toHaveLength(2);
    expect(emu.requests.filter((r) => r.mutation)).toHaveLength(1);

    emu.resetLog();
    const again = client(emu.url);
    const rerun = await commitPlan(again, request(['apps/prod/**/*.yaml'], '1.4.1', '1.4.2'));
    expect(rerun.commit).toBeUndefined();
    expect(rerun.plan.edits).toEqual([]);
    expect(again.stats().requests).toBe(1);
    expect(git(dir, 'rev-parse', 'main')).toBe(result.commit?.oid);
  });

  it('takes 2 requests with a whole-tree glob (listed with the texts, then the commit), and 1 for the no-op re-run', async () => {
    const { emu, dir } = await start({ 'apps/prod/api.yaml': 'image: ghcr.io/acme/api:1.0\n', 'README.md': '# gitops\n' });
    const c = client(emu.url);
    const result = await commitPlan(c, request(['**/*.yaml'], 'api:1.0', 'api:1.1'));
    expect(result.commit?.oid).toBe(git(dir, 'rev-parse', 'main'));
    expect(c.stats().requests).toBe(2);
    const again = client(emu.url);
    expect((await commitPlan(again, request(['**/*.yaml'], 'api:1.0', 'api:1.1'))).commit).toBeUndefined();
    expect(again.stats().requests).toBe(1);
  });

  it('takes 2 requests with explicit paths, and 1 for the no-op re-run', async () => {
    const { emu, dir } = await start({ 'env/prod.yaml': 'image: ghcr.io/acme/api:1.0\n' });
    const c = client(emu.url);
    const result = await commitPlan(c, request(['env/prod.yaml'], 'api:1.0', 'api:1.1'));
    expect(result.commit).toBeDefined();
    expect(c.stats().requests).toBe(2);
    expect(show(dir, 'main', 'env/prod.yaml').toString('utf8')).toBe('image: ghcr.io/acme/api:1.1\n');
    const again = client(emu.url);
    expect((await commitPlan(again, request(['env/prod.yaml'], 'api:1.0', 'api:1.1'))).commit).toBeUndefined();
    expect(again.stats().requests).toBe(1);
  });

  it('works through GHES URLs (/api/v3 for REST, /api/graphql for GraphQL)', async () => {
    const { emu, dir } = await start({ 'clusters/prod/apps/api/values.yaml': 'tag: "1.0"\n' });
    const c = client(`${emu.url}/api/v3`);
    expect(c.graphqlUrl).toBe(`${emu.url}/api/graphql`);
    // listDepth 1 forces the REST tree listing too.
    const result = await commitPlan(c, request(['clusters/**/*.yaml'], '"1.0"', '"1.1"', { read: { listDepth: 1 } }));
    expect(result.commit?.oid).toBe(git(dir, 'rev-parse', 'main'));
    expect(emu.requests.map((r) => r.path)).toEqual(['/api/graphql', `/api/v3/repos/acme/gitops/git/trees/${git(dir, 'rev-parse', `${result.head}:clusters/prod`)}`, '/api/graphql', '/api/graphql']);
  });

  it('an edit that changes no bytes is no edit: no commit, and its changes are not reported', async () => {
    const { emu, dir } = await start({ 'env/prod.yaml': 'image: ghcr.io/acme/api:1.0\n', 'env/dev.yaml': 'image: ghcr.io/acme/api:0.9\n' });
    const head = git(dir, 'rev-parse', 'main');
    // A planner that reports a change in a file whose text it leaves as it is.
    const noop = (snapshot: Parameters<CommitRequest['planner']>[0]): Plan => {
      const edits = snapshot.files.map((f) => ({ path: f.path, before: f.text, after: f.text, changes: [{ file: f.path, line: 1, image: 'ghcr.io/acme/api', from: '1.0', to: '1.0 ' }] }));
      return { edits, changes: edits.flatMap((e) => e.changes), refusals: [], skipped: [], notes: ['kept'] };
    };
    const c = client(emu.url);
    const result = await commitPlan(c, { ...request(['env/prod.yaml', 'env/dev.yaml'], '', ''), planner: noop });
    expect(result.commit).toBeUndefined();
    expect(result.plan).toMatchObject({ edits: [], changes: [], notes: ['kept'] });
    expect(c.stats()).toMatchObject({ requests: 1, mutations: 0 });
    expect(git(dir, 'rev-parse', 'main')).toBe(head);
  });
});

describe('races', () => {
  it('re-reads and lands on top of a commit that raced it, without merges', async () => {
    const { emu, dir } = await start({ 'apps/api.yaml': 'image: ghcr.io/acme/api:1\n' });
    const before = git(dir, 'rev-parse', 'main');
    emu.raceNextWrite(NAME, 'main');
    const result = await commitPlan(client(emu.url), request(['apps/*.yaml'], 'api:1', 'api:2'));
    expect(result.attempts).toBe(2);
    const racer = git(dir, 'rev-parse', 'main^');
    expect(racer).not.toBe(before);
    expect(git(dir, 'rev-parse', 'main^^')).toBe(before);
    expect(result.head).toBe(racer);
    expect(git(dir, 'rev-list', '--merges', 'main')).toBe('');
    expect(show(dir, 'main', 'apps/api.yaml').toString('utf8')).toBe('image: ghcr.io/acme/api:2\n');
  });

  it('re-plans against the new head: a refusal there wins, and nothing is committed', async () => {
    const { emu, dir } = await start({ 'apps/api.yaml': 'image: ghcr.io/acme/api:1\n' });
    let rounds = 0;
    const planner = (snapshot: Parameters<CommitRequest['planner']>[0]): Plan => {
      rounds += 1;
      // Between our read and our write, another run lands api:3; our api:2 must then be refused.
      if (rounds === 1) {
        commitOnTop(dir, 'main', 'apps/api.yaml', 'image: ghcr.io/acme/api:3\n');
      }
      const text = snapshot.files[0]?.text ?? '';
      if (text.includes('api:3')) {
        const refusal = { file: 'apps/api.yaml', line: 1, image: 'ghcr.io/acme/api', from: '3', to: '2', reason: 'older than 3' };
        return { edits: [], changes: [], refusals: [refusal], skipped: [], notes: [] };
      }
      return replacePlanner('api:1', 'api:2')(snapshot);
    };
    const head = git(dir, 'rev-parse', 'main');
    const result = await commitPlan(client(emu.url), { ...request(['apps/*.yaml'], '', ''), planner });
    expect(result.commit).toBeUndefined();
    expect(result.attempts).toBe(2);
    expect(result.plan.refusals).toHaveLength(1);
    expect(git(dir, 'rev-parse', 'main^')).toBe(head);
    expect(show(dir, 'main', 'apps/api.yaml').toString('utf8')).toBe('image: ghcr.io/acme/api:3\n');
  });

  it('converges: when another run already wrote the same bytes, it succeeds without a commit', async () => {
    const { emu, dir } = await start({ 'apps/api.yaml': 'image: ghcr.io/acme/api:1\n' });
    const [a, b] = await Promise.all([
      commitPlan(client(emu.url), request(['apps/*.yaml'], 'api:1', 'api:2')),
      commitPlan(client(emu.url), request(['apps/*.yaml'], 'api:1', 'api:2')),
    ]);
    expect([a, b].filter((r) => r.commit !== undefined)).toHaveLength(1);
    expect(git(dir, 'rev-list', '--count', 'main')).toBe('2');
  });

  it('20 concurrent runs, each bumping a different image of one file: all land, one commit each, linear', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `  - image: x/svc${i}:1\n`).join('');
    const { emu, dir } = await start({ 'apps/prod/all.yaml': `containers:\n${lines}` });
    const before = git(dir, 'rev-parse', 'main');
    const clients = Array.from({ length: 20 }, () => client(emu.url));
    const results = await Promise.all(
      clients.map((c, i) =>
        commitPlan(c, request(['apps/prod/all.yaml'], `x/svc${i}:1\n`, `x/svc${i}:2\n`, { maxAttempts: 30, backoff: { baseMs: 10, maxMs: 10_000 } })),
      ),
    );
    expect(results.every((r) => r.commit !== undefined)).toBe(true);
    expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('20');
    expect(git(dir, 'rev-list', '--merges', 'main')).toBe('');
    const final = show(dir, 'main', 'apps/prod/all.yaml').toString('utf8');
    for (let i = 0; i < 20; i++) expect(final).toContain(`image: x/svc${i}:2\n`);
    const mutations = clients.reduce((n, c) => n + c.stats().mutations, 0);
    expect(mutations).toBeGreaterThanOrEqual(20);
    expect(emu.requests.filter((r) => r.mutation)).toHaveLength(mutations);
    // Each landed bump costs its own mutation plus the ones that lost a race; report it for the record.
    console.info(`20-way contention: ${mutations} mutations, ${emu.requests.length} requests for 20 bumps`);
  }, 120_000);
  it('recognises its own commit when the answer to the write was lost and the retry hit STALE_DATA', async () => {
    const { emu, dir } = await start({ 'apps/api.yaml': 'image: ghcr.io/acme/api:1\n' });
    const before = git(dir, 'rev-parse', 'main');
    const proxy = await lossyProxy(emu.url, (body) => body.includes('createCommitOnBranch'));
    try {
      const result = await commitPlan(client(proxy.url), request(['apps/*.yaml'], 'api:1', 'api:2'));
      expect(proxy.dropped()).toBe(1);
      expect(result.attempts).toBe(2);
      expect(result.commit?.oid).toBe(git(dir, 'rev-parse', 'main'));
      expect(result.head).toBe(before);
      expect(git(dir, 'rev-list', '--count', 'main')).toBe('2');
    } finally {
      await proxy.close();
    }
  });
});

describe('transient faults', () => {
  it('lands every bump through 10% 502s and a secondary rate limit', async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`apps/svc${i}.yaml`, `image: x/svc${i}:1\n`]));
    const { emu, dir } = await start(files, {}, { faultRate: 0.1, seed: 7 });
    emu.addFault({ kind: 'secondary-rate-limit', nth: 2, times: 1 });
    const before = git(dir, 'rev-parse', 'main');
    for (let i = 0; i < 6; i++) {
      const result = await commitPlan(client(emu.url, { retry: { baseMs: 1, maxMs: 10, attempts: 8 } }), request(['apps/*.yaml'], `svc${i}:1`, `svc${i}:2`));
      expect(result.commit).toBeDefined();
    }
    expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('6');
    expect(emu.requests.some((r) => r.status === 502)).toBe(true);
    expect(emu.requests.some((r) => r.status === 403 || r.status === 429)).toBe(true);
  });
  it('retries a dropped connection; a rate limit (RATE_LIMITED) on the write is waited out by the race loop, which reads again', async () => {
    const { emu, dir } = await start({ 'apps/api.yaml': 'image: ghcr.io/acme/api:1\n' });
    emu.addFault({ kind: 'network', operation: /^query/, nth: 1 });
    emu.addFault({ kind: 'primary-rate-limit', operation: 'createCommitOnBranch', nth: 1, retryAfter: 0 });
    const c = client(emu.url);
    const result = await commitPlan(c, request(['apps/api.yaml'], 'api:1', 'api:2', { backoff: { baseMs: 1 } }));
    expect(result.commit?.oid).toBe(git(dir, 'rev-parse', 'main'));
    // The write named the head read before the wait: a fresh read and write against the head after it.
    expect(result.attempts).toBe(2);
    expect(c.stats().retries).toBe(1);
    expect(emu.requests.map((r) => r.fault ?? 'ok')).toEqual(['network', 'ok', 'primary-rate-limit', 'ok', 'ok']);
    expect(emu.requests.map((r) => r.mutation)).toEqual([false, false, true, false, true]);
  });
});

describe('errors a person can act on (nothing committed)', () => {
  async function failure(repo: Partial<RepoOptions>, token: string, req: Partial<CommitRequest> = {}) {
    const { emu, dir } = await start({ 'apps/api.yaml': 'image: ghcr.io/acme/api:1\n' }, repo);
    const before = git(dir, 'for-each-ref');
    const error = await commitPlan(createClient({ token, apiUrl: emu.url, retry: { baseMs: 1 } }), request(['apps/*.yaml'], 'api:1', 'api:2', req)).catch(
      (e: unknown) => e,
    );
    expect(git(dir, 'for-each-ref')).toBe(before);
    expect(error).toBeInstanceOf(GitHubError);
    return error as GitHubError;
  }

  it('401: the token was rejected', async () => {
    // The emulator answers 401 only without a token; GitHub's "Bad credentials" comes from a scripted server.
    const server = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const error = await commitPlan(client(url), request(['apps/*.yaml'], 'api:1', 'api:2')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitHubError);
      expect(error).toMatchObject({ code: 'unauthorized', message: 'the token was rejected (401): check the `token` input (expired or revoked?)' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('404: a token the repository does not know sees no repository', async () => {
    const error = await failure({ tokens: { good: 'write' } }, 'stranger');
    expect(error.code).toBe('repository-not-found');
    expect(error.message).toContain('acme/gitops');
  });

  it('404: another repository the token cannot see', async () => {
    const error = await failure({}, 'tok', { target: { owner: 'acme', repo: 'elsewhere' } });
    expect(error.code).toBe('repository-not-found');
    expect(error.message).toContain('acme/elsewhere');
    expect(error.message).toContain('actions/create-github-app-token');
  });

  it('403: a read-only token', async () => {
    const error = await failure({ tokens: { ro: 'read' } }, 'ro');
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/the token may not write acme\/gitops \(403 Resource not accessible by integration\)/);
    expect(error.message).toContain('contents: write');
  });

  it('a protected branch suggests mode: pull-request', async () => {
    const error = await failure({ protectedBranches: ['main'] }, 'tok');
    expect(error.code).toBe('protected-branch');
    expect(error.message).toMatch(/branch 'main' of acme\/gitops is protected.*`mode: pull-request`/);
  });

  it('a branch that does not exist', async () => {
    const error = await failure({}, 'tok', { target: { ...target, branch: 'release' } });
    expect(error.code).toBe('branch-not-found');
    expect(error.message).toMatch(/^branch 'release' not found in acme\/gitops/);
  });
});
