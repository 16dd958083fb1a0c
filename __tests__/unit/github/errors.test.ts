// The GitHub error shapes and text matchers, and the messages they become.
import { describe, expect, it } from 'vitest';
import { GitHubError, GraphqlResponseError, isProtection, isRace, isRateLimited, isSecondaryRateLimit, isUnresolvable } from '../../../src/github/errors.js';
import { accessAdvice, branchClash, clashingBranches, pullWriteError, toReadError, toWriteError } from '../../../src/github/failures.js';

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

  it("rulesets' and branch protection's wordings as GitHub sends them", () => {
    const refusals = [
      // REST 422 from a ruleset requiring pull requests (satisfactory-factories/application#67).
      'Repository rule violations found\n\nChanges must be made through a pull request.\n\n',
      // The bare wording (googleapis/repo-automation-bots#5255).
      'Changes must be made through a pull request.',
      // REST 422 for a ref a rule keeps from moving (github/rest-api-description#4887).
      'Reference update failed',
      'Cannot update this protected ref.',
      'Protected branch update failed for refs/heads/main.',
      "protected branch 'main' check failed:\n At least 1 approving review is required by reviewers with write access.",
      'Required status check "ci" is expected.',
    ];
    for (const m of refusals) expect(isProtection(m), m).toBe(true);
    // Classic branch protection's own GraphQL type, whatever the text (Thinkmill/keystatic#1598).
    expect(isProtection('Changes must be made via pull request', 'BRANCH_PROTECTION_RULE_VIOLATION')).toBe(true);
    for (const m of ['Reference already exists', 'Reference does not exist', 'Expected branch to point to "abc" but it did not.', 'Validation Failed']) {
      expect(isProtection(m), m).toBe(false);
    }
  });

  it('GraphQL rate limits: RATE_LIMITED, RATE_LIMIT with graphql_rate_limit, the code in extensions', () => {
    // @octokit/plugin-throttling's type; GitHub's documented 200 answer.
    expect(isRateLimited({ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' })).toBe(true);
    // api.github.com, as reported in yanyongyu/githubkit#271.
    expect(isRateLimited({ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' })).toBe(true);
    expect(isRateLimited({ extensions: { code: 'graphql_rate_limit' }, message: 'limit' })).toBe(true);
    expect(isRateLimited({ message: 'API rate limit exceeded for installation ID 7.' })).toBe(true);
    for (const e of [{ type: 'STALE_DATA', message: 'moved' }, { type: 'FORBIDDEN', message: 'Resource not accessible by integration' }]) expect(isRateLimited(e)).toBe(false);
  });

  it('secondary rate limits, named in the message (403, 429 or a GraphQL error with 200)', () => {
    const message =
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 9C31:8954C:60104B:C1D441:688BE22C.';
    expect(isSecondaryRateLimit(message)).toBe(true);
    expect(isSecondaryRateLimit('You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.')).toBe(true);
    expect(isSecondaryRateLimit('API rate limit exceeded for user ID 1.')).toBe(false);
  });

  it('a branch name clash: the branches named like its folders, and any branch under it', () => {
    expect(clashingBranches('gitops-bump/prod/api')).toEqual({ above: ['gitops-bump', 'gitops-bump/prod'], below: 'gitops-bump/prod/api/' });
    expect(clashingBranches('bump')).toEqual({ above: [], below: 'bump/' });
    expect(branchClash(target, 'gitops-bump/prod/api', 'gitops-bump').message).toBe(
      "the pull-request branch 'gitops-bump/prod/api' cannot be created in acme/gitops because the branch 'gitops-bump' exists: " +
        "git cannot hold two branches when one's name is a folder of the other's ('gitops-bump', 'gitops-bump/prod/api'): " +
        "delete or rename 'gitops-bump' if nothing needs it, or choose another name with `pr-branch`",
    );
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
    expect(pullWriteError(target, 'pr', 'ref', [{ type: 'UNPROCESSABLE', message: 'Ref cannot be created' }], undefined)).toMatchObject({
      code: 'api',
      message: "moving the branch 'pr' in acme/gitops failed: UNPROCESSABLE: Ref cannot be created",
    });
  });

  it("rulesets' refusals become the protection message, in commit mode and for the pull-request branch", () => {
    const protection = /^branch 'main' of acme\/gitops is protected and refused the commit \(.+\): use `mode: pull-request`, or allow the token's actor to bypass the protection$/;
    const graphql = [
      graphqlError('BRANCH_PROTECTION_RULE_VIOLATION', "protected branch 'main' check failed: Changes must be made through a pull request."),
      graphqlError('UNPROCESSABLE', 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n'),
      graphqlError(undefined, 'Changes must be made through a pull request.'),
    ];
    for (const error of graphql) {
      const mapped = toWriteError(error, target, 'main', undefined) as GitHubError;
      expect(mapped.code, error.message).toBe('protected-branch');
      expect(mapped.message).toMatch(protection);
    }
    // REST answers, as Octokit throws them (status, message).
    for (const message of ['Repository rule violations found\n\nChanges must be made through a pull request.\n\n', 'Reference update failed']) {
      const http422 = Object.assign(new Error(message), { status: 422, response: { data: { message } } });
      expect(toWriteError(http422, target, 'main', undefined), message).toMatchObject({ code: 'protected-branch', message: expect.stringMatching(protection) });
    }
    expect(toWriteError(graphqlError('BRANCH_PROTECTION_RULE_VIOLATION', 'x'), target, 'main', undefined)).toMatchObject({ code: 'protected-branch' });
    const pullBranch = pullWriteError(target, 'gitops-bump/prod/api', 'ref', [{ message: 'Reference update failed' }], undefined) as GitHubError;
    expect(pullBranch.code).toBe('protected-branch');
    expect(pullBranch.message).toMatch(/^the pull-request branch 'gitops-bump\/prod\/api' of acme\/gitops is protected \(Reference update failed\): exclude it from the branch protection or ruleset/);
  });
});
