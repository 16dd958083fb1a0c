// The summary's diff when thousands of lines change (the one test of hostile input below the bundle: it pins the
// fallbacks that keep src/diff.ts linear). Each diff must apply with `git apply` and give back the new text.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/report/diff.js';
import { cleanUp, scratch } from '../../support/bundle.js';

afterAll(cleanUp);

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** Applies `unifiedDiff(before → after)` to `before` with git and returns the result. */
function roundTrip(before: string, after: string): { result: string; diff: string } {
  const dir = scratch();
  writeFileSync(join(dir, 'f'), before);
  const diff = unifiedDiff('f', before, after);
  writeFileSync(join(dir, 'p'), diff);
  execFileSync('git', ['apply', 'p'], { cwd: dir });
  return { result: readFileSync(join(dir, 'f'), 'utf8'), diff };
}

describe('unifiedDiff with thousands of changed lines', () => {
  it('10,000 of 30,000 lines changed in place (a bump of every reference): a valid diff, one -/+ pair per line', () => {
    const before = lines(30_000, (i) => `    - image: ghcr.io/acme/svc${i}:1.0.0`);
    const after = lines(30_000, (i) => `    - image: ghcr.io/acme/svc${i}:${i % 3 === 0 ? '1.1.0' : '1.0.0'}`);
    const { result, diff } = roundTrip(before, after);
    expect(result).toBe(after);
    expect(diff.split('\n').filter((l) => l.startsWith('-    - image')).length).toBe(10_000);
  });

  it('runs of adjacent changed lines: each run shows its removed lines, then its added lines', () => {
    const before = lines(20_000, (i) => `l${i}`);
    const after = lines(20_000, (i) => (i % 10 < 4 ? `L${i}` : `l${i}`));
    const { result, diff } = roundTrip(before, after);
    expect(result).toBe(after);
    expect(diff).toContain('-l0\n-l1\n-l2\n-l3\n+L0\n+L1\n+L2\n+L3\n');
  });

  it('texts of different lengths that share nothing: the whole middle replaced', () => {
    const before = lines(6000, (i) => `a${i}`);
    const after = lines(5000, (i) => `b${i}`);
    expect(roundTrip(before, after).result).toBe(after);
  });

  it('sparse runs far apart and a changed last line without a newline: applies, the marker after the line', () => {
    const row = (i: number, v: string) => `k${i}: ${i % 700 < 3 || i % 4 === 0 || i === 11_999 ? v : 'same'}`;
    const before = Array.from({ length: 12_000 }, (_, i) => row(i, 'old')).join('\n');
    const after = Array.from({ length: 12_000 }, (_, i) => row(i, 'new')).join('\n');
    const { result, diff } = roundTrip(before, after);
    expect(result).toBe(after);
    expect(diff.endsWith('+k11999: new\n\\ No newline at end of file\n')).toBe(true);
  });

  it('CRLF lines are shown without their \\r, as in the summary', () => {
    const before = Array.from({ length: 9000 }, (_, i) => `k${i}: ${i % 2 ? 'old' : 'same'}\r\n`).join('');
    const diff = unifiedDiff('f', before, before.replace(/old/g, 'new'));
    expect(diff).not.toContain('\r');
    expect(diff.split('\n').filter((l) => l.startsWith('+k')).length).toBe(4500);
  });

  it('thousands of lines inserted in the middle (line counts differ): one replacement after the common head', () => {
    const before = lines(8000, (i) => `x${i}`);
    const after = lines(4000, (i) => `x${i}`) + lines(3000, (i) => `new${i}`) + lines(8000, (i) => `x${i}`).split('\n').slice(4000).join('\n');
    const { result, diff } = roundTrip(before, after);
    expect(result).toBe(after);
    expect(diff).toContain('@@ -3998,');
  });
});
