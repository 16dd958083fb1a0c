// Mutation documents: one request of aliased fields, errors judged per alias, commit inputs byte-exact.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_TRAILER,
  commitField,
  encodeContents,
  errorsOf,
  failure,
  fullMessage,
  messageBody,
  qualifiedBranch,
  trailerValues,
  withTrailers,
  type Answer,
  type CommitMessage,
} from '../../../src/github/mutation.js';

/** The trailers git itself reads from a message (`git interpret-trailers --parse`). */
const gitTrailers = (message: string): string => execFileSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8' }).trim();

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

describe('trailers', () => {
  const where = { repositoryNameWithOwner: 'acme/gitops', branch: 'main', expectedHead: 'a'.repeat(40) };
  const edit = { path: 'a.yaml', before: 'x: 1\n', after: 'x: 2\n', changes: [] };
  const tagged = (message: CommitMessage) => withTrailers(message, [ATTEMPT_TRAILER, '42.1/abc.1']);

  it('follow the body after a blank line, as git reads them, and travel in the body createCommitOnBranch takes', () => {
    const message = tagged({ headline: 'Bump api 1.3.2 → 1.5.0 in prod', body: '- ghcr.io/acme/api: 1.3.2 → 1.5.0 (a.yaml:10)\n' });
    expect(fullMessage(message)).toBe('Bump api 1.3.2 → 1.5.0 in prod\n\n- ghcr.io/acme/api: 1.3.2 → 1.5.0 (a.yaml:10)\n\nGitops-Bump-Attempt: 42.1/abc.1');
    expect(gitTrailers(fullMessage(message))).toBe('Gitops-Bump-Attempt: 42.1/abc.1');
    expect(commitField(where, [edit], message).value).toMatchObject({
      message: { headline: message.headline, body: '- ghcr.io/acme/api: 1.3.2 → 1.5.0 (a.yaml:10)\n\nGitops-Bump-Attempt: 42.1/abc.1' },
    });
    // Only headline and body go to GitHub (CommitMessage input has no other fields).
    expect(Object.keys((commitField(where, [edit], message).value as { message: object }).message)).toEqual(['headline', 'body']);
    expect(trailerValues(fullMessage(message), 'gitops-bump-attempt')).toEqual(['42.1/abc.1']);
  });

  it('make the whole body of a one-line template, and join a trailer block the template ends with', () => {
    const oneLine = tagged({ headline: 'deploy: {summary}', body: '' });
    expect(commitField(where, [edit], oneLine).value).toMatchObject({ message: { headline: 'deploy: {summary}', body: 'Gitops-Bump-Attempt: 42.1/abc.1' } });
    expect(gitTrailers(fullMessage(oneLine))).toBe('Gitops-Bump-Attempt: 42.1/abc.1');
    const signed = tagged({ headline: 'bump', body: 'why\n\nSigned-off-by: A <a@example.com>\nCo-authored-by: B <b@example.com>' });
    expect(messageBody(signed)).toBe('why\n\nSigned-off-by: A <a@example.com>\nCo-authored-by: B <b@example.com>\nGitops-Bump-Attempt: 42.1/abc.1');
    expect(gitTrailers(fullMessage(signed))).toBe('Signed-off-by: A <a@example.com>\nCo-authored-by: B <b@example.com>\nGitops-Bump-Attempt: 42.1/abc.1');
    // Trailers compose (a provenance trailer beside the attempt), each value on one line.
    const both = withTrailers(oneLine, ['Bumped-Image', 'ghcr.io/acme/api:1.5.0\n']);
    expect(messageBody(both)).toBe('Gitops-Bump-Attempt: 42.1/abc.1\nBumped-Image: ghcr.io/acme/api:1.5.0');
  });

  it('are read from the last paragraph only, never from the subject or the body above it', () => {
    expect(trailerValues('Gitops-Bump-Attempt: x', ATTEMPT_TRAILER)).toEqual([]);
    expect(trailerValues('bump\n\nGitops-Bump-Attempt: x\n\nmore text', ATTEMPT_TRAILER)).toEqual([]);
    expect(trailerValues('bump\n\nbody\n\nGitops-Bump-Attempt: a\nOther: b\n', ATTEMPT_TRAILER)).toEqual(['a']);
    expect(trailerValues('bump\r\n\r\nGitops-Bump-Attempt: a\r\n', ATTEMPT_TRAILER)).toEqual(['a']);
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
