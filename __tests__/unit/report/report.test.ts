// What a run reports: the rollback label and the `changed`/`changes` pair of the outputs.
import { describe, expect, it } from 'vitest';
import { commitMessage, isRollback, outputs, summaryLine, type RunContext } from '../../../src/report/report.js';
import type { Change, Plan, PullOperation } from '../../../src/core/types.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const change = (from: string, to: string): Change => ({ file: 'apps/prod/pod.yaml', line: 3, image: 'ghcr.io/acme/api', from, to });

function planOf(changes: readonly Change[]): Plan {
  const edits = changes.length === 0 ? [] : [{ path: 'apps/prod/pod.yaml', before: 'a', after: 'b', changes }];
  return { edits, changes, refusals: [], skipped: [], notes: [] };
}

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

describe('outputs: changed and changes agree', () => {
  const plan = planOf([change('1.4.0', '1.5.0')]);
  const pullRequest = (operation: PullOperation) => ({ pullRequest: { operation, number: 7, url: 'https://x/pull/7', branch: 'gitops-bump/prod/api' } });

  it.each([
    ['a commit or a dry-run with edits', plan, undefined, true],
    ['nothing to change', planOf([]), undefined, false],
    ['a pull request created', plan, pullRequest('created'), true],
    ['a pull request updated', plan, pullRequest('updated'), true],
    ['a pull request that already proposes the plan', plan, pullRequest('unchanged'), false],
    ['a pull request closed', planOf([]), pullRequest('closed'), false],
    ['no pull request and nothing to change', planOf([]), pullRequest('none'), false],
  ] as const)('%s', (_name, p, context, changed) => {
    const out = outputs(p, context);
    expect(out.changed).toBe(String(changed));
    expect((JSON.parse(out.changes!) as unknown[]).length > 0).toBe(changed);
  });
});
