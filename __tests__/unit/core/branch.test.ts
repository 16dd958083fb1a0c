import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPullRequestBranch, sanitiseBranch } from '../../../src/core/branch.js';

function gitAccepts(name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('sanitiseBranch', () => {
  it.each([
    ['gitops-bump/prod/api', 'gitops-bump/prod/api'],
    ['gitops-bump/../../etc', 'gitops-bump/etc'],
    ['a b~c^d:e?f*g[h\\i', 'a-b-c-d-e-f-g-h-i'],
    ['x.lock/y', 'x-lock/y'],
    ['//a//b//', 'a/b'],
    ['@', 'gitops-bump'],
    ['-lead/.hidden', 'lead/hidden'],
  ])('%s → %s', (input, expected) => {
    expect(sanitiseBranch(input)).toBe(expected);
  });

  it('always yields a name git accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), (text) => gitAccepts(sanitiseBranch(text))),
      { numRuns: 150 },
    );
  });

  it('shortens long names with a hash, deterministically', () => {
    const long = `gitops-bump/${'x'.repeat(300)}`;
    expect(sanitiseBranch(long)).toHaveLength(100);
    expect(sanitiseBranch(long)).toBe(sanitiseBranch(long));
    expect(sanitiseBranch(long)).not.toBe(sanitiseBranch(`${long}y`));
  });
});

describe('defaultPullRequestBranch', () => {
  it('is one branch per service and environment', () => {
    const base = { environment: 'prod', pathPatterns: ['apps/prod/**'] };
    expect(defaultPullRequestBranch({ ...base, images: ['ghcr.io/acme/api'] })).toBe('gitops-bump/prod/api');
    expect(defaultPullRequestBranch({ ...base, images: ['ghcr.io/acme/web', 'ghcr.io/acme/api'] })).toBe('gitops-bump/prod/api+web');
    expect(defaultPullRequestBranch({ ...base, environment: 'staging', images: ['ghcr.io/acme/api'] })).toBe('gitops-bump/staging/api');
    expect(defaultPullRequestBranch({ ...base, images: [], promotionFrom: 'staging' })).toBe('gitops-bump/promote/staging-to-prod');
  });

  it('stands a hash of the paths for a target without an environment', () => {
    const a = defaultPullRequestBranch({ environment: '', pathPatterns: ['**/*.yaml'], images: ['x/api'] });
    expect(a).toMatch(/^gitops-bump\/paths-[0-9a-f]{8}\/api$/);
    expect(defaultPullRequestBranch({ environment: '', pathPatterns: ['other/**'], images: ['x/api'] })).not.toBe(a);
  });
});
