// Branch names as GitHub's ref mutations want them.
import { describe, expect, it } from 'vitest';
import { qualifiedBranch } from '../../../src/github/refs.js';

describe('qualifiedBranch', () => {
  it('qualifies branch names once', () => {
    expect(qualifiedBranch('main')).toBe('refs/heads/main');
    expect(qualifiedBranch('refs/heads/x/y')).toBe('refs/heads/x/y');
  });
});
