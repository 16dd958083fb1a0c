// GitHub's other shapes of the same answers, for clients to be tested against each: the GraphQL primary rate
// limit as RATE_LIMIT/graphql_rate_limit, a secondary limit as 429 or as HTTP 200 with errors, and GHES 3.12's
// update-refs schema preview.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES, cleanup, gitIn, makeRepo } from './fixture.js';
import { startEmulator, type Emulator } from './index.js';

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  dir = makeRepo(SAMPLE_FILES);
  emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir }], updateRefsPreview: true });
});

afterEach(() => emu.clearFaults());

afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanup(dir);
});

async function post(query: string, variables: Record<string, unknown> = {}, path = '/graphql', accept?: string) {
  const response = await fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'token t', 'content-type': 'application/json', ...(accept ? { accept } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: unknown; errors?: Record<string, unknown>[] } };
}

describe('rate-limit shapes (FaultRule.variant)', () => {
  it("a GraphQL primary limit as api.github.com also words it: RATE_LIMIT with code graphql_rate_limit, HTTP 200", async () => {
    emu.addFault({ kind: 'primary-rate-limit', variant: 'RATE_LIMIT', retryAfter: 5 });
    const { response, body } = await post('{ viewer { login } }');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(body).toEqual({ errors: [{ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' }] });
  });

  it('a secondary limit as 429 (REST and GraphQL) and, over GraphQL, as HTTP 200 with the message as an error', async () => {
    emu.addFault({ kind: 'secondary-rate-limit', variant: 429, times: 2, retryAfter: 3 });
    const rest = await fetch(`${emu.url}/repos/acme/gitops`, { headers: { authorization: 'token t' } });
    expect([rest.status, rest.headers.get('retry-after')]).toEqual([429, '3']);
    expect((await post('{ viewer { login } }')).response.status).toBe(429);
    emu.addFault({ kind: 'secondary-rate-limit', variant: 200, retryAfter: 3 });
    const { response, body } = await post('{ viewer { login } }');
    expect(response.status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0].message).toMatch(/^You have exceeded a secondary rate limit\./);
  });
});

describe('updateRefsPreview (GHES 3.12)', () => {
  const UPDATE = 'mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }';

  it('hides updateRefs on /api/graphql from requests without the preview, as an unknown field; serves it with the preview', async () => {
    const { body: repo } = await post('{ repository(owner: "acme", name: "gitops") { id } }', {}, '/api/graphql');
    const id = (repo.data as { repository: { id: string } }).repository.id;
    const head = gitIn(dir, 'rev-parse', 'main');
    const input = { repositoryId: id, refUpdates: [{ name: 'refs/heads/preview', afterOid: head, beforeOid: '0'.repeat(40) }] };
    const hidden = await post(UPDATE, { input }, '/api/graphql');
    expect(hidden.body).toEqual({
      errors: [{ path: ['mutation', 'updateRefs'], extensions: { code: 'undefinedField', typeName: 'Mutation', fieldName: 'updateRefs' }, message: "Field 'updateRefs' doesn't exist on type 'Mutation'" }],
    });
    expect(gitIn(dir, 'branch', '--list', 'preview')).toBe('');
    const shown = await post(UPDATE, { input }, '/api/graphql', 'application/vnd.github.update-refs-preview+json');
    expect(shown.body.errors).toBeUndefined();
    expect(gitIn(dir, 'rev-parse', 'preview')).toBe(head);
    // api.github.com never needed it.
    const input2 = { ...input, refUpdates: [{ ...input.refUpdates[0], name: 'refs/heads/dotcom' }] };
    expect((await post(UPDATE, { input: input2 })).body.errors).toBeUndefined();
  });
});
