// The outputs: `changed` and `changes` agree.
import { describe, expect, it } from 'vitest';
import { outputs } from '../../../src/report/outputs.js';
import type { PullOperation } from '../../../src/core/types.js';
import { change, planOf } from './helpers.js';

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
