// GitHub's GraphQL resource limits in the emulator (limits.ts): depth 25, 500,000 nodes, `first`/`last` 1–100,
// the 10 s timeout (modelled on blob text bytes) and partial data past a per-query resource budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, makeRepo } from './fixture.js';
import { startEmulator, type Emulator } from './index.js';

let emu: Emulator;
let dir: string;

const KB = 'x'.repeat(999) + '\n';

beforeAll(async () => {
  dir = makeRepo({ 'a.txt': KB, 'b.txt': KB, 'c.txt': KB, 'big.txt': KB.repeat(2) + 'y'.repeat(199) + '\n' });
  emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir }], maxQueryBytes: 2000, resourceLimitBytes: 2500 });
});

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(dir);
});

interface Answer {
  status: number;
  requestId: string | null;
  body: { data?: unknown; errors?: { type?: string; message: string; path?: (string | number)[] }[] };
}

async function post(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(`${emu.url}/graphql`, {
    method: 'POST',
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, requestId: response.headers.get('x-github-request-id'), body: (await response.json()) as Answer['body'] };
}

/** `parents(first: 1) { nodes { … } }` `levels` deep under the head commit, ending in `leaf`. */
function chain(levels: number, leaf: string): string {
  const open = 'parents(first: 1) { nodes { '.repeat(levels);
  const close = '} } '.repeat(levels);
  return `{ repository(owner: "acme", name: "gitops") { defaultBranchRef { target { ... on Commit { ${open}${leaf} ${close}} } } } }`;
}

describe('depth', () => {
  it('runs a document 25 fields deep; refuses one 26 deep before it runs, in graphql-ruby\'s words', async () => {
    // repository, defaultBranchRef, target = 3; each level 2; `author { name }` 2.
    const deepest = await post(chain(10, 'author { name }'));
    expect(deepest.status).toBe(200);
    expect(deepest.body.errors).toBeUndefined();
    const tooDeep = await post(chain(11, 'oid'));
    expect(tooDeep.status).toBe(200);
    expect(tooDeep.body).toEqual({ errors: [{ message: 'Query has depth of 26, which exceeds max depth of 25' }] });
  });

  it('counts fields inside fragments, not the fragments', async () => {
    const query = chain(11, '...Leaf').replace(/}$/, '} fragment Leaf on Commit { oid }');
    expect((await post(query)).body.errors?.[0].message).toBe('Query has depth of 26, which exceeds max depth of 25');
  });
});

describe('nodes', () => {
  it('refuses a query whose connections multiply past 500,000 at one connection, naming it', async () => {
    const query = '{ repository(owner: "acme", name: "gitops") { refs(refPrefix: "refs/heads/", first: 100) { nodes { target { ... on Commit { ' +
      'history(first: 100) { nodes { parents(first: $n) { nodes { oid } } } } } } } } } }';
    const { status, body } = await post(query.replace('{ repository', 'query($n: Int!) { repository'), { n: 100 });
    expect(status).toBe(200);
    expect(body).toEqual({
      errors: [{
        type: 'MAX_NODE_LIMIT_EXCEEDED',
        message: 'By the time this query traverses to the parents connection, it is requesting up to 1,000,000 possible nodes which exceeds the maximum limit of 500,000.',
      }],
    });
  });

  it('refuses a query whose connections add up past 500,000; runs one just inside', async () => {
    const field = (i: number): string => `r${i}: refs(refPrefix: "refs/heads/", first: 100) { nodes { target { ... on Commit { parents(first: 100) { nodes { oid } } } } } }`;
    // Each alias requests 100 + 100·100 = 10,100 nodes.
    const query = (n: number): string => `{ repository(owner: "acme", name: "gitops") { ${Array.from({ length: n }, (_, i) => field(i)).join(' ')} } }`;
    expect((await post(query(49))).body.errors).toBeUndefined();
    expect((await post(query(50))).body).toEqual({
      errors: [{ type: 'MAX_NODE_LIMIT_EXCEEDED', message: 'This query requests up to 505,000 possible nodes which exceeds the maximum limit of 500,000.' }],
    });
  });
});

describe('pagination', () => {
  it('a connection listing nodes without first or last is a field error naming the field, the rest answered', async () => {
    const { status, body } = await post('{ repository(owner: "acme", name: "gitops") { name r: refs(refPrefix: "refs/heads/") { nodes { name } } } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ repository: { name: 'gitops', r: null } });
    expect(body.errors).toEqual([{
      type: 'MISSING_PAGINATION_BOUNDARIES',
      path: ['repository', 'r'],
      locations: [{ line: 1, column: 52 }],
      message: 'You must provide a `first` or `last` value to properly paginate the `refs` connection.',
    }]);
  });

  it('counting needs no page: totalCount alone is answered', async () => {
    const { body } = await post('{ repository(owner: "acme", name: "gitops") { refs(refPrefix: "refs/heads/") { totalCount } } }');
    expect(body).toEqual({ data: { repository: { refs: { totalCount: 1 } } } });
  });

  it('first or last over 100 is EXCESSIVE_PAGINATION, in the words of the bound used', async () => {
    const first = await post('query($n: Int) { repository(owner: "acme", name: "gitops") { refs(refPrefix: "refs/heads/", first: $n) { nodes { name } } } }', { n: 101 });
    expect(first.body.errors).toMatchObject([{ type: 'EXCESSIVE_PAGINATION', path: ['repository', 'refs'], message: 'Requesting 101 records on the `refs` connection exceeds the `first` limit of 100 records.' }]);
    const last = await post('{ repository(owner: "acme", name: "gitops") { refs(refPrefix: "refs/heads/", last: 1000) { totalCount } } }');
    expect(last.body.errors?.[0].message).toBe('Requesting 1000 records on the `refs` connection exceeds the `last` limit of 100 records.');
    const hundred = await post('{ repository(owner: "acme", name: "gitops") { refs(refPrefix: "refs/heads/", first: 100) { nodes { name } } } }');
    expect(hundred.body.errors).toBeUndefined();
  });
});

const FILES = (paths: string[]): string =>
  `{ repository(owner: "acme", name: "gitops") { object(expression: "main") { ... on Commit { ` +
  paths.map((p, i) => `f${i}: file(path: "${p}") { object { ... on Blob { text byteSize } } }`).join(' ') +
  ' } } } }';

describe('heavy queries', () => {
  it('past resourceLimitBytes of blob text, later texts are null with RESOURCE_LIMITS_EXCEEDED (HTTP 200, partial data), in document order', async () => {
    for (let run = 0; run < 2; run++) {
      const { status, body } = await post(FILES(['c.txt', 'a.txt', 'b.txt']));
      expect(status).toBe(200);
      const data = body.data as { repository: { object: Record<string, { object: { text: string | null; byteSize: number } }> } };
      expect(Object.values(data.repository.object).map((f) => [f.object.text?.length ?? null, f.object.byteSize])).toEqual([[1000, 1000], [1000, 1000], [null, 1000]]);
      expect(body.errors).toEqual([{ type: 'RESOURCE_LIMITS_EXCEEDED', path: ['repository', 'object', 'f2', 'object', 'text'], message: 'Resource limits for this query exceeded.' }]);
    }
  });

  it('past maxQueryBytes of blob text the query times out: 502 with GitHub\'s answer naming the request id', async () => {
    const { status, body, requestId } = await post(FILES(['big.txt']));
    expect(status).toBe(502);
    expect(requestId).toMatch(/^EMU:\d+$/);
    expect(body).toEqual({
      data: null,
      errors: [{ message: `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${requestId}\` when reporting this issue.` }],
    });
    expect(emu.requests.at(-1)).toMatchObject({ status: 502, fault: 'timeout' });
    expect((await post(FILES(['a.txt']))).status).toBe(200);
  });
});
