// What a run's messages say: the rollback label in the summary line and the commit message.
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../../src/report/context.js';
import { commitMessage, isRollback, summaryLine } from '../../../src/report/messages.js';
import { change, planOf } from './helpers.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('isRollback', () => {
  it.each([
    ['1.5.0', '1.4.9', true],
    ['1.10', '1.9', true],
    ['v2.0.0', '2.0.0-rc.1', true],
    [`1.4.1@${DIGEST}`, `1.4.0@${DIGEST}`, true],
    ['1.4.9', '1.5.0', false],
    ['1.5.0', '1.5.0', false],
    ['latest', '1.0.0', false],
    ['1.0.0', 'sha-1a2b3c', false],
    [DIGEST, '1.0.0', false],
    ['1.0.0', DIGEST, false],
    ['', '1.0.0', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(isRollback({ from, to })).toBe(expected);
  });

  it('labels the move in the summary line and in the default commit message', () => {
    const plan = planOf([change('1.5.0', '1.4.9')]);
    const context: RunContext = { mode: 'commit', environment: 'prod', target: 'acme/gitops', policy: 'any' };
    expect(summaryLine(plan.changes)).toBe('api 1.5.0 → 1.4.9 (rolled back)');
    expect(commitMessage('', plan, context)).toEqual({
      headline: 'Bump api 1.5.0 → 1.4.9 (rolled back) in prod',
      body: '- ghcr.io/acme/api: 1.5.0 → 1.4.9 (apps/prod/pod.yaml:3, rolled back)',
    });
    expect(summaryLine([change('1.4.9', '1.5.0')])).toBe('api 1.4.9 → 1.5.0');
  });
});
