// Plans for the report tests: one change per call, all in one file.
import type { Change, Plan } from '../../../src/core/types.js';

export const change = (from: string, to: string): Change => ({ file: 'apps/prod/pod.yaml', line: 3, image: 'ghcr.io/acme/api', from, to });

export function planOf(changes: readonly Change[]): Plan {
  const edits = changes.length === 0 ? [] : [{ path: 'apps/prod/pod.yaml', before: 'a', after: 'b', changes }];
  return { edits, changes, refusals: [], skipped: [], notes: [] };
}
