// The GitHub error shapes and text matchers, and the messages they become.
import { describe, expect, it } from 'vitest';
import { accessAdvice } from '../../../src/github/errors.js';

describe('accessAdvice', () => {
  it("names the job's permissions when the workflow runs in the repository (any case), else the token", () => {
    expect(accessAdvice('acme/gitops', 'Acme/GitOps')).toMatch(/^give the job `permissions: contents: write`, or use a GitHub App token/);
    expect(accessAdvice('acme/gitops', 'acme/app')).toMatch(/^GITHUB_TOKEN can only write to the repository running the workflow: use a GitHub App token/);
    expect(accessAdvice('acme/gitops', undefined)).toMatch(/^GITHUB_TOKEN can only write to the repository running the workflow/);
  });
});
