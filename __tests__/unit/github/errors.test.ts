// The GitHub error shapes and text matchers, and the messages they become.
import { describe, expect, it } from 'vitest';
import {
  accessAdvice,
  GitHubError,
  GraphqlResponseError,
  isProtection,
  isRace,
  isUnresolvable,
  pullWriteError,
  toReadError,
  toWriteError,
} from '../../../src/github/errors.js';

const target = { owner: 'acme', repo: 'gitops' };
const graphqlError = (type: string | undefined, message: string) => new GraphqlResponseError([{ ...(type ? { type } : {}), message }], null);

describe('accessAdvice', () => {
  it("names the job's permissions when the workflow runs in the repository (any case), else the token", () => {
    expect(accessAdvice('acme/gitops', 'Acme/GitOps')).toMatch(/^give the job `permissions: contents: write`, or use a GitHub App token/);
    expect(accessAdvice('acme/gitops', 'acme/app')).toMatch(/^GITHUB_TOKEN can only write to the repository running the workflow: use a GitHub App token/);
    expect(accessAdvice('acme/gitops', undefined)).toMatch(/^GITHUB_TOKEN can only write to the repository running the workflow/);
  });
});

describe('matchers', () => {
  it('a lost race: a moved ref, a branch or PR made first, a head with no commits over the base', () => {
    expect(isRace({ type: 'STALE_DATA', message: 'Expected branch to point to "abc"' })).toBe(true);
    expect(isRace({ type: 'UNPROCESSABLE', message: 'A pull request already exists for acme:x.' })).toBe(true);
    expect(isRace({ message: 'No commits between main and gitops-bump/x' })).toBe(true);
    expect(isRace({ type: 'FORBIDDEN', message: 'Resource not accessible by integration' })).toBe(false);
  });

  it('a node not resolvable yet is a NOT_FOUND naming the node, nothing else', () => {
    expect(isUnresolvable({ type: 'NOT_FOUND', message: "Could not resolve to a node with the global id of 'PR_1'" })).toBe(true);
    expect(isUnresolvable({ type: 'NOT_FOUND', message: "Could not resolve to a Repository with the name 'acme/x'." })).toBe(false);
    expect(isUnresolvable({ message: 'Could not resolve to a node' })).toBe(false);
  });

  it('branch protection and rulesets, named only in the message', () => {
    for (const m of ['Protected branch update failed', 'Repository rule violations found', 'refusing to allow: branch protection']) expect(isProtection(m), m).toBe(true);
    expect(isProtection('Resource not accessible by integration')).toBe(false);
  });
});

describe('mapping answers to errors a person can act on', () => {
  it('a read: GraphQL NOT_FOUND and HTTP 404 are a repository not found, 403 names GitHub\'s message', () => {
    expect(toReadError(graphqlError('NOT_FOUND', 'Could not resolve'), target, undefined)).toMatchObject({ code: 'repository-not-found' });
    expect(toReadError(Object.assign(new Error('Not Found'), { status: 404 }), target, undefined)).toMatchObject({ code: 'repository-not-found' });
    const http403 = Object.assign(new Error('HttpError'), { status: 403, response: { data: { message: 'Resource not\n accessible' } } });
    expect((toReadError(http403, target, 'acme/gitops') as GitHubError).message).toBe(
      'the token may not read acme/gitops (403 Resource not accessible): give the job `permissions: contents: write`, or use a GitHub App token ' +
        '(actions/create-github-app-token) or a fine-grained PAT with `contents: write` on acme/gitops, passed as the `token` input',
    );
    const other = new Error('socket hang up');
    expect(toReadError(other, target, undefined)).toBe(other);
  });

  it('a commit: a missing ref is the branch, a missing repository the repository, protection suggests pull-request mode', () => {
    expect(toWriteError(graphqlError('NOT_FOUND', "Could not resolve to a Ref named 'refs/heads/x'"), target, 'x', undefined)).toMatchObject({ code: 'branch-not-found' });
    expect(toWriteError(graphqlError('NOT_FOUND', 'Could not resolve to a Repository'), target, 'x', undefined)).toMatchObject({ code: 'repository-not-found' });
    const protectedError = toWriteError(graphqlError(undefined, 'Repository rule violations found'), target, 'main', undefined) as GitHubError;
    expect(protectedError.code).toBe('protected-branch');
    expect(protectedError.message).toMatch(/^branch 'main' of acme\/gitops is protected and refused the commit \(Repository rule violations found\): use `mode: pull-request`/);
    expect(toWriteError(graphqlError('UNPROCESSABLE', 'odd'), target, 'main', undefined)).toMatchObject({ code: 'api', message: "committing to 'main' of acme/gitops failed: UNPROCESSABLE: odd" });
  });

  it('a pull-request document: races are no error; a refused field names what the token may not do', () => {
    expect(pullWriteError(target, 'pr', 'ref', [{ type: 'STALE_DATA', message: 'moved' }], undefined)).toBeUndefined();
    const forbidden = pullWriteError(target, 'pr', 'pull', [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }], undefined);
    expect(forbidden).toMatchObject({ code: 'forbidden' });
    expect((forbidden as Error).message).toMatch(/^the token may not open pull requests in acme\/gitops \(FORBIDDEN: Resource not accessible by integration\)/);
    expect(pullWriteError(target, 'pr', 'ref', [{ message: 'Reference update failed' }], undefined)).toMatchObject({
      code: 'api',
      message: "moving the branch 'pr' in acme/gitops failed: Reference update failed",
    });
  });
});
