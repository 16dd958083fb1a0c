// Mutation documents: one request of aliased fields, errors judged per alias, commit inputs byte-exact.
import { describe, expect, it } from 'vitest';
import { commitField, encodeContents, errorsOf, failure, fullMessage, qualifiedBranch, type Answer } from '../../../src/github/mutation.js';

const BOM_CRLF = '\uFEFF# values\r\nimage:\r\n  repository: ghcr.io/acme/web\r\n  tag: "1.4.1"\r\n';

describe('commit inputs', () => {
  it('encodes contents from the UTF-8 bytes, BOM and CRLF included', () => {
    expect(Buffer.from(encodeContents(BOM_CRLF), 'base64').toString('utf8')).toBe(BOM_CRLF);
    expect(Buffer.from(encodeContents(BOM_CRLF), 'base64').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('sends a headline alone when the body is empty, and compares messages as git stores them', () => {
    const where = { repositoryNameWithOwner: 'acme/gitops', branch: 'main', expectedHead: 'a'.repeat(40) };
    const edit = { path: 'a.yaml', before: 'x: 1\n', after: 'x: 2\n', changes: [] };
    expect(commitField(where, [edit], { headline: 'bump', body: '' }).value).toMatchObject({ message: { headline: 'bump' }, expectedHeadOid: where.expectedHead });
    expect(fullMessage({ headline: 'bump', body: 'a.yaml:1' })).toBe('bump\n\na.yaml:1');
    expect(fullMessage({ headline: 'bump' })).toBe('bump');
  });

  it('qualifies branch names once', () => {
    expect(qualifiedBranch('main')).toBe('refs/heads/main');
    expect(qualifiedBranch('refs/heads/x/y')).toBe('refs/heads/x/y');
  });
});

describe('answers', () => {
  const answer = (errors: Answer['errors'], data: Answer['data'] = {}): Answer => ({ data, errors, aliases: ['ref', 'commit', 'pull'] });

  it('gives each field its own errors; an error naming no alias of the document belongs to every field', () => {
    const stale = { type: 'STALE_DATA', message: 'moved', path: ['ref'] };
    const unnamed = { message: 'no path' };
    const byField = { message: 'by field name', path: ['createPullRequest'] };
    const a = answer([stale, unnamed, byField]);
    expect(errorsOf(a, 'ref')).toEqual([stale, unnamed, byField]);
    expect(errorsOf(a, 'commit')).toEqual([unnamed, byField]);
  });

  it('a null payload failed, even when only another field names the cause', () => {
    expect(failure(answer([], { commit: { commit: { oid: 'c' } } }), 'commit')).toEqual([]);
    const other = { type: 'FORBIDDEN', message: 'no', path: ['pull'] };
    expect(failure(answer([other], { commit: null }), 'commit')).toEqual([other]);
    expect(failure(answer([], { commit: null }), 'commit')).toEqual([{ message: 'GitHub answered without a result' }]);
  });
});
