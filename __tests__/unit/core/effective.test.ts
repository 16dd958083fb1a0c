// The one rule for edits that change no bytes.
import { describe, expect, it } from 'vitest';
import { effective } from '../../../src/core/effective.js';
import type { Change, Plan } from '../../../src/core/types.js';

const change = (file: string): Change => ({ file, line: 1, image: 'ghcr.io/acme/api', from: '1', to: '2' });

describe('effective', () => {
  it('keeps a plan whose every edit changes bytes as it is', () => {
    const p: Plan = { edits: [{ path: 'a', before: 'x: 1', after: 'x: 2', changes: [change('a')] }], changes: [change('a')], refusals: [], skipped: [], notes: [] };
    expect(effective(p)).toBe(p);
  });

  it('drops a no-op edit and its changes, keeps the others, the refusals and the notes', () => {
    const refusal = { ...change('b'), reason: 'older' };
    const p: Plan = {
      edits: [
        { path: 'a', before: 'x: 1', after: 'x: 2', changes: [change('a')] },
        { path: 'b', before: 'x: 1', after: 'x: 1', changes: [change('b')] },
      ],
      changes: [change('a'), change('b')],
      refusals: [refusal],
      skipped: [{ path: 'c', reason: 'binary file' }],
      notes: ['n'],
    };
    expect(effective(p)).toEqual({ ...p, edits: [p.edits[0]], changes: [change('a')] });
  });
});
