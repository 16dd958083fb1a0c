// The retry policy of the one Octokit factory, against a real HTTP server answering from a script.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, createClient, graphqlPreviews, resolveEndpoints, type ClientOptions } from '../../../src/github/client.js';
import { GitHubError, GraphqlResponseError } from '../../../src/github/errors.js';

type Step = (req: IncomingMessage, res: ServerResponse) => void;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Step => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const hangUp: Step = (req) => req.socket.destroy();
const ok = json(200, { ok: true });

let server: Server;
let url: string;
let script: Step[] = [];
let seen: { method: string; path: string; auth: string | undefined; accept: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', auth: req.headers.authorization, accept: req.headers.accept });
    req.resume();
    req.on('end', () => (script.shift() ?? json(500, { message: 'script exhausted' }))(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = [];
  seen = [];
});
afterEach(() => {
  vi.useRealTimers();
});

/** A fixed "now" (a whole second), so waits computed from x-ratelimit-reset are exact: only Date is faked. */
const NOW_S = 1_767_225_600;
function frozenClock(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW_S * 1000);
}

function client(overrides: Partial<ClientOptions> = {}) {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const c = createClient({
    token: 'secret-token-value',
    apiUrl: url,
    retry: { attempts: 4, baseMs: 100, maxMs: 1000, maxTotalMs: 30_000 },
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    log: (m) => logs.push(m),
    ...overrides,
  });
  return { c, sleeps, logs };
}

describe('retry policy', () => {
  it('retries 502, 503 and a dropped connection with full-jitter backoff, then succeeds', async () => {
    script = [json(502, { message: 'Bad Gateway' }), hangUp, json(503, { message: 'Unavailable' }), ok];
    const { c, sleeps } = client();
    const { data } = await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' });
    expect(data).toEqual({ ok: true });
    expect(c.stats().requests).toBe(4);
    expect(c.stats().retries).toBe(3);
    // random() = 0.5 of windows 100, 200, 400
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('gives up after the attempt bound with an "unavailable" error naming the request', async () => {
    script = [json(502, {}), json(502, {}), json(502, {}), json(502, {}), ok];
    const { c } = client();
    const error = await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).code).toBe('unavailable');
    expect((error as GitHubError).message).toMatch(/GET \/repos\/acme\/gitops failed 4 time/);
    expect(seen).toHaveLength(4);
  });

  it('names the URL it could not reach and the settings to check when nothing answers, without blaming GitHub', async () => {
    // A port that was just free: connecting is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { c } = client({ apiUrl: `http://127.0.0.1:${port}/api/v3` });
    const error = await c.rest.request('GET /repos/{owner}/{repo}/git/trees/{sha}', { owner: 'acme', repo: 'gitops', sha: 'main', recursive: '1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable' });
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^could not reach http://127\\.0\\.0\\.1:${port}/api/v3/repos/acme/gitops/git/trees/main: network error: .*ECONNREFUSED`));
    expect(message).toContain('(GET /api/v3/repos/acme/gitops/git/trees/main, tried 4 time(s) in');
    expect(message).toContain('check GITHUB_API_URL');
    expect(message).not.toMatch(/githubstatus|GitHub may be degraded/);
    expect(message).not.toContain('recursive');
  });

  it('leaves credentials written into the API URL out of the message and the log', async () => {
    const { c, logs } = client({ apiUrl: 'http://user:secret-in-url@127.0.0.1:1/api/v3' });
    const error = await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^could not reach http:\/\/127\.0\.0\.1:1\/api\/v3\/repos\/acme\/gitops: network error/);
    expect([(error as Error).message, ...logs].join('\n')).not.toContain('secret-in-url');
  });

  it('points at the status page only for api.github.com when GitHub keeps answering 5xx', async () => {
    script = [json(502, {}), json(502, {}), json(502, {}), json(502, {})];
    const { c } = client();
    const error = await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' }).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`(last: 502; ${url}/repos/acme/gitops): the server may be degraded; re-run the job`);
    expect((error as Error).message).not.toContain('githubstatus');
  });

  it('never retries other 4xx', async () => {
    script = [json(404, { message: 'Not Found' }), ok];
    const { c } = client();
    await expect(c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' })).rejects.toMatchObject({ status: 404 });
    expect(seen).toHaveLength(1);
    script = [json(422, { message: 'Validation Failed' }), ok];
    await expect(c.rest.request('POST /repos/{owner}/{repo}/git/refs', { owner: 'a', repo: 'b', ref: 'refs/heads/x', sha: 'a'.repeat(40) })).rejects.toMatchObject({ status: 422 });
    expect(seen).toHaveLength(2);
  });

  it('turns 401 into an actionable error without retrying, and never logs the token', async () => {
    script = [json(401, { message: 'Bad credentials' })];
    const { c, logs } = client();
    const error = await c.rest.request('GET /user').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect((error as Error).message).toBe('the token was rejected (401): check the `token` input (expired or revoked?)');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.auth).toBe('token secret-token-value');
    expect(logs.join('\n')).not.toContain('secret-token-value');
    expect(logs.length).toBeGreaterThan(0);
  });

  it('refuses an empty token with an actionable error', () => {
    expect(() => createClient({ token: ' ' })).toThrow(/no token: set the `token` input/);
  });

  it('waits as a secondary rate limit asks (retry-after), 403 or 429', async () => {
    script = [
      json(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '3' }),
      json(429, { message: 'Too many requests' }, { 'retry-after': '1' }),
      ok,
    ];
    const { c, sleeps } = client();
    await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' });
    expect(sleeps).toEqual([3000, 1000]);
  });

  it('waits for x-ratelimit-reset when the remaining budget is 0 (and a second more)', async () => {
    frozenClock();
    const reset = NOW_S + 5;
    script = [json(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }), ok];
    const { c, sleeps } = client();
    await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' });
    expect(sleeps).toEqual([6000]);
  });

  it('fails clearly when the rate limit asks for longer than the budget', async () => {
    script = [json(403, { message: 'You have exceeded a secondary rate limit' }), ok];
    const { c, sleeps } = client();
    const error = await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate-limited' });
    expect((error as Error).message).toMatch(/secondary rate limit asks to wait 60 s, longer than the retry budget \(30 s\)/);
    expect(sleeps).toEqual([]);
  });

  it('hands a rate limit to the caller inside passRateLimits: thrown at once with the wait asked for, not waited out', async () => {
    const contentCreation = 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.';
    script = [json(403, { message: contentCreation }, { 'retry-after': '60' })];
    const { c, sleeps } = client({ retry: { attempts: 4, baseMs: 100, maxMs: 1000, maxTotalMs: 120_000 } });
    const error = await c.passRateLimits(() => c.graphql('mutation CreateCommit { x }')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'rate-limited', details: { status: 403, retryAfterMs: 60_000 } });
    expect((error as Error).message).toMatch(/^POST \/graphql \(mutation CreateCommit\): GitHub's secondary rate limit \(retry-after\) asks to wait 60 s$/);
    expect(sleeps).toEqual([]);
    expect(seen).toHaveLength(1);
    // No header: at least a minute, as GitHub asks; GraphQL's own RATE_LIMITED too.
    script = [json(403, { message: contentCreation })];
    await expect(c.passRateLimits(() => c.graphql('mutation M { x }'))).rejects.toMatchObject({ details: { retryAfterMs: 60_000 } });
    script = [json(200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }, { 'retry-after': '7' })];
    await expect(c.passRateLimits(() => c.graphql('mutation M { x }'))).rejects.toMatchObject({ code: 'rate-limited', details: { retryAfterMs: 7000 } });
    // Outside the scope the same answer is waited out and the request sent again; 5xx are retried inside it too.
    script = [json(403, { message: contentCreation }, { 'retry-after': '2' }), json(502, {}), json(200, { data: { x: 1 } })];
    await expect(c.graphql('mutation M { x }')).resolves.toEqual({ x: 1 });
    expect(sleeps).toEqual([2000, 100]);
    script = [json(502, {}), json(200, { data: { x: 2 } })];
    await expect(c.passRateLimits(() => c.graphql('mutation M { x }'))).resolves.toEqual({ x: 2 });
  });

  it('treats a 403 without rate-limit signs as a permission error (no retry)', async () => {
    script = [json(403, { message: 'Resource not accessible by integration' }), ok];
    const { c } = client();
    await expect(c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' })).rejects.toMatchObject({ status: 403 });
    expect(seen).toHaveLength(1);
  });
});

describe('graphql', () => {
  it('returns data, and throws GraphqlResponseError with the type for errors (STALE_DATA is not retried)', async () => {
    script = [
      json(200, { data: { viewer: { login: 'x' } } }),
      json(200, { data: null, errors: [{ type: 'STALE_DATA', message: 'Expected branch to point to …' }] }),
    ];
    const { c } = client();
    await expect(c.graphql('query { viewer { login } }')).resolves.toEqual({ viewer: { login: 'x' } });
    const error = await c.graphql('mutation M { x }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlResponseError);
    expect((error as GraphqlResponseError).type).toBe('STALE_DATA');
    expect(seen.map((s) => s.path)).toEqual(['/graphql', '/graphql']);
    expect(c.stats().mutations).toBe(1);
  });

  it('retries RATE_LIMITED and GitHub timeouts', async () => {
    frozenClock();
    const reset = NOW_S + 2;
    script = [
      json(200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }),
      json(200, { data: null, errors: [{ message: 'Something went wrong while executing your query. This may be the result of a timeout.' }] }),
      json(200, { data: { ok: 1 } }),
    ];
    const { c, sleeps } = client();
    await expect(c.graphql('query Q { ok }')).resolves.toEqual({ ok: 1 });
    // until the reset and a second more; then the second retry's backoff window (200 ms) times random() = 0.5
    expect(sleeps).toEqual([3000, 100]);
    expect(c.stats().requests).toBe(3);
  });

  // The shapes GitHub answers a rate-limited GraphQL request with, each retried as the headers ask.
  it('retries RATE_LIMIT with code graphql_rate_limit (HTTP 200) until x-ratelimit-reset', async () => {
    frozenClock();
    // As reported from api.github.com in yanyongyu/githubkit#271.
    const limited = { errors: [{ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' }] };
    script = [json(200, limited, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 4) }), json(200, { data: { ok: 1 } })];
    const { c, sleeps, logs } = client();
    await expect(c.graphql('query Q { ok }')).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([5000]);
    expect(logs.join('\n')).toContain('(GraphQL rate limit (RATE_LIMIT))');
  });

  it('retries a secondary rate limit answered with HTTP 200 and errors: retry-after, else x-ratelimit-reset, else a minute', async () => {
    frozenClock();
    const secondary = { errors: [{ message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }] };
    script = [
      json(200, secondary, { 'retry-after': '7' }),
      json(200, secondary, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 2) }),
      json(200, { data: { ok: 1 } }),
    ];
    const { c, sleeps } = client();
    await expect(c.graphql('mutation M { ok }')).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([7000, 3000]);
    script = [json(200, { data: null, ...secondary })];
    const error = await c.graphql('mutation M { ok }').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate-limited' });
    expect((error as Error).message).toMatch(/GraphQL secondary rate limit asks to wait 60 s, longer than the retry budget \(30 s\)/);
  });

  it('retries a secondary rate limit answered 403 by the GraphQL endpoint, and a 429 without any header', async () => {
    // The body api.github.com/graphql answers (fpicalausa/remove-stale-branches#22).
    const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID XXXXXXXX.';
    script = [json(403, { message, documentation_url: 'https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#secondary-rate-limits' }, { 'retry-after': '2' }), json(200, { data: { ok: 1 } })];
    const { c, sleeps } = client({ retry: { attempts: 4, baseMs: 100, maxMs: 1000, maxTotalMs: 120_000 } });
    await expect(c.graphql('query Q { ok }')).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([2000]);
    script = [json(429, { message: 'Too Many Requests' }), ok];
    await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' });
    expect(sleeps).toEqual([2000, 60_000]);
  });

  it('a 403 secondary limit with x-ratelimit-remaining 0 waits for x-ratelimit-reset, not a guess', async () => {
    frozenClock();
    script = [json(403, { message: 'You have exceeded a secondary rate limit.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 9) }), ok];
    const { c, sleeps } = client();
    await c.rest.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gitops' });
    expect(sleeps).toEqual([10_000]);
  });

  it('asks for the update-refs schema preview on documents using updateRefs (GHES 3.12 and older need it), never on api.github.com', async () => {
    script = [json(200, { data: { ref: { clientMutationId: null } } }), json(200, { data: { ok: 1 } })];
    const { c } = client({ apiUrl: `${url}/api/v3` });
    await c.graphql('mutation M($ref: UpdateRefsInput!) { ref: updateRefs(input: $ref) { clientMutationId } }', { ref: {} });
    await c.graphql('query Q { ok }');
    expect(seen.map((s) => s.accept)).toEqual(['application/vnd.github.update-refs-preview+json', 'application/vnd.github.v3+json']);
    expect(graphqlPreviews('https://api.github.com/graphql', 'mutation { updateRefs(input: $i) { clientMutationId } }')).toEqual([]);
    expect(graphqlPreviews('https://ghe.example/api/graphql', 'mutation { updateRefs(input: $i) { clientMutationId } }')).toEqual(['update-refs']);
    expect(graphqlPreviews('https://ghe.example/api/graphql', 'mutation { createCommitOnBranch(input: $i) { commit { oid } } }')).toEqual([]);
  });

  it('posts to the GHES GraphQL endpoint derived from /api/v3', async () => {
    script = [json(200, { data: { ok: 1 } })];
    const { c } = client({ apiUrl: `${url}/api/v3` });
    expect(c.graphqlUrl).toBe(`${url}/api/graphql`);
    await c.graphql('query { ok }');
    expect(seen[0]?.path).toBe('/api/graphql');
  });
});

describe('endpoints and backoff', () => {
  it('derives GraphQL from the REST root; env GITHUB_GRAPHQL_URL wins for the runner API', () => {
    expect(resolveEndpoints(undefined, undefined, {})).toEqual({ apiUrl: 'https://api.github.com', graphqlUrl: 'https://api.github.com/graphql' });
    expect(resolveEndpoints('https://ghe.example/api/v3/', undefined, {})).toEqual({
      apiUrl: 'https://ghe.example/api/v3',
      graphqlUrl: 'https://ghe.example/api/graphql',
    });
    const env = { GITHUB_API_URL: 'https://ghe.example/api/v3', GITHUB_GRAPHQL_URL: 'https://ghe.example/api/graphql-x' };
    expect(resolveEndpoints(undefined, undefined, env).graphqlUrl).toBe('https://ghe.example/api/graphql-x');
    // An explicit, different API root does not take the runner's GraphQL URL.
    expect(resolveEndpoints('http://127.0.0.1:1', undefined, env).graphqlUrl).toBe('http://127.0.0.1:1/graphql');
    expect(resolveEndpoints('http://x', 'http://y/gql/', env)).toEqual({ apiUrl: 'http://x', graphqlUrl: 'http://y/gql' });
  });

  it('takes the runner variables from the env it is given, never from process.env', () => {
    const env = { GITHUB_API_URL: 'https://ghe.example/api/v3', GITHUB_REPOSITORY: 'acme/app' };
    const c = createClient({ token: 't', env });
    expect([c.apiUrl, c.graphqlUrl, c.workflowRepository]).toEqual(['https://ghe.example/api/v3', 'https://ghe.example/api/graphql', 'acme/app']);
    const bare = createClient({ token: 't' });
    expect([bare.apiUrl, bare.workflowRepository]).toEqual(['https://api.github.com', undefined]);
  });

  it('full jitter stays within min(maxMs, base·2^(n-1))', () => {
    expect(backoffMs(1, 100, 1000, () => 0.999)).toBe(99);
    expect(backoffMs(4, 100, 1000, () => 0.999)).toBe(799);
    expect(backoffMs(10, 100, 1000, () => 0.999)).toBe(999);
    expect(backoffMs(3, 100, 1000, () => 0)).toBe(0);
  });
});
