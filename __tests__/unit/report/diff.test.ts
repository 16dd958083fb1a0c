import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/report/diff.js';

const work = mkdtempSync(join(tmpdir(), 'diff-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** git's own unified diff of the same two texts, with the header normalised to ours. */
function gitDiff(before: string, after: string): string {
  writeFileSync(join(work, 'a'), before);
  writeFileSync(join(work, 'b'), after);
  let out = '';
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '--diff-algorithm=myers', 'a', 'b'], { cwd: work, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const lines = out.split('\n');
  const body = lines.slice(lines.findIndex((l) => l.startsWith('@@')));
  return ["diff --git a/f b/f", "--- a/f", "+++ b/f", ...body.map((l) => l.replace(/^(@@ [^@]+ @@).*$/, "$1"))].join("\n");
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('f', 'a\nb\n', 'a\nb\n')).toBe('');
  });

  it('shows one changed line with three lines of context, like git', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const after = before.replace('line 10', 'line ten');
    const diff = unifiedDiff('f', before, after);
    expect(diff).toBe(gitDiff(before, after));
    expect(diff).toContain('@@ -8,7 +8,7 @@');
  });

  it('merges nearby changes into one hunk and keeps distant ones apart, like git', () => {
    const before = Array.from({ length: 40 }, (_, i) => `l${i}`).join('\n') + '\n';
    const after = before.replace('l5\n', 'L5\n').replace('l9\n', 'L9\n').replace('l30\n', 'L30\n');
    expect(unifiedDiff('f', before, after)).toBe(gitDiff(before, after));
  });

  it('marks a missing final newline', () => {
    const diff = unifiedDiff('f', 'a\nb', 'a\nc');
    expect(diff).toBe(gitDiff('a\nb', 'a\nc'));
    expect(diff).toContain('\\ No newline at end of file');
  });

  it('agrees with git on random line edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'image: x:1', ''), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('x', 'y', 'image: x:2')), { minLength: 1, maxLength: 3 }),
        (lines, changes) => {
          const edited: string[] = [...lines];
          for (const [at, text] of changes) edited[at % edited.length] = text;
          const before = `${lines.join('\n')}\n`;
          const after = `${edited.join('\n')}\n`;
          const ours = unifiedDiff('f', before, after);
          if (before === after) return ours === '';
          // Several shortest scripts can exist; compare what they remove and add, and the hunk shape for single edits.
          const strip = (d: string) => d.split('\n').filter((l) => /^[-+][^-+]|^[-+]$/.test(l)).sort().join('\n');
          return strip(ours) === strip(gitDiff(before, after));
        },
      ),
      { numRuns: 60 },
    );
  });
});
