import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Contract, toJsonSchema } from './contract.js';
import { IMPLEMENTED_OPERATIONS, UNPINNED_OPERATIONS } from './operations.js';

const contract = new Contract();
const sha = 'a'.repeat(40);
const gitRef = { ref: 'refs/heads/main', node_id: 'REF_x', url: 'http://h/r', object: { type: 'commit', sha, url: 'http://h/c' } };

describe('the pinned OpenAPI extract', () => {
  it('holds every implemented operation, from @octokit/openapi', () => {
    const pinned = JSON.parse(readFileSync(new URL('./schemas/rest-operations.json', import.meta.url), 'utf8')) as {
      source: { package: string };
      operations: Record<string, unknown>;
    };
    expect(pinned.source.package).toBe('@octokit/openapi');
    // An operation still listed as unpinned once it is pinned fails here: remove it from the list.
    expect(Object.keys(pinned.operations).sort()).toEqual(IMPLEMENTED_OPERATIONS.filter((id) => !UNPINNED_OPERATIONS.includes(id)).sort());
  });

  it('turns OpenAPI nullable into a null alternative and points refs at the components', () => {
    expect(toJsonSchema({ type: 'string', nullable: true })).toEqual({ anyOf: [{ type: 'null' }, { type: 'string' }] });
    expect(toJsonSchema({ $ref: '#/components/schemas/git-ref' })).toEqual({ $ref: 'gh#/components/schemas/git-ref' });
  });
});

describe('response checks', () => {
  it('accepts a response in GitHub\'s shape and reports one that is not', () => {
    expect(contract.checkResponse('git/get-ref', 200, gitRef)).toBeNull();
    expect(contract.checkResponse('git/get-ref', 200, { ...gitRef, object: { type: 'commit', sha: 'short', url: 'http://h/c' } })).toMatch(/git\/get-ref 200 .*sha/);
    expect(contract.checkResponse('git/get-ref', 200, { ref: 'refs/heads/main' })).toMatch(/must have required property/);
    expect(contract.checkResponse('git/get-ref', 201, gitRef)).toMatch(/not a documented response/);
  });
});

describe('request checks', () => {
  it('answers GitHub\'s 422 wording for a missing or mistyped body member', () => {
    expect(contract.checkRequest('git/update-ref', { owner: 'o', repo: 'r', ref: 'heads/main' }, {}, { sha })).toBeNull();
    expect(contract.checkRequest('git/update-ref', { owner: 'o', repo: 'r', ref: 'heads/main' }, {}, { force: true })?.message)
      .toBe('Invalid request.\n\n"sha" wasn\'t supplied.');
    expect(contract.checkRequest('git/update-ref', { owner: 'o', repo: 'r', ref: 'heads/main' }, {}, { sha, force: 'yes' })?.message)
      .toBe('Invalid request.\n\nFor \'properties/force\', "yes" is not a boolean.');
  });

  it('coerces query parameters to their types and refuses values outside the schema', () => {
    const query: Record<string, unknown> = { per_page: '5', state: 'open' };
    expect(contract.checkRequest('pulls/list', { owner: 'o', repo: 'r' }, query, undefined)).toBeNull();
    expect(query.per_page).toBe(5);
    expect(contract.checkRequest('pulls/list', { owner: 'o', repo: 'r' }, { state: 'merged' }, undefined)?.message).toMatch(/state/);
  });
});
