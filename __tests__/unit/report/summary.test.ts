// The job summary stays under GitHub's size limit: the diff goes first, then every table is cut to its first rows.
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../../src/report/context.js';
import { CHANGES_ONLY, jobSummary, SUMMARY_MAX_BYTES } from '../../../src/report/summary.js';
import type { Change, FileEdit, Plan } from '../../../src/core/types.js';
import { change, planOf } from './helpers.js';

const context: RunContext = { mode: 'commit', environment: 'prod', target: 'acme/gitops', policy: 'newer' };
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** `files` edits of one changed line each, every file `padding` bytes long (the diff grows with it). */
function planOfFiles(files: number, padding: number): Plan {
  const changes: Change[] = [];
  const edits: FileEdit[] = [];
  for (let i = 0; i < files; i++) {
    const c = { ...change('1.4.0', '1.5.0'), file: `apps/prod/f${i}.yaml` };
    changes.push(c);
    const filler = `# ${'x'.repeat(padding)}\n`;
    edits.push({ path: c.file, before: `${filler}image: ghcr.io/acme/api:1.4.0\n`, after: `${filler}image: ghcr.io/acme/api:1.5.0\n`, changes: [c] });
  }
  return { edits, changes, refusals: [], skipped: [], notes: [] };
}

describe('jobSummary', () => {
  it('shows the whole diff when it fits', () => {
    const summary = jobSummary(planOf([change('1.4.0', '1.5.0')]), context);
    expect(summary).toContain('<details><summary>Diff</summary>');
    expect(summary).toContain('| `apps/prod/pod.yaml:3` | ghcr.io/acme/api | `1.4.0` | `1.5.0` |');
  });

  it('summaryDiff: full shows context lines, changes only the changed lines (and says so), none no diff', () => {
    const before = 'a: 1\nb: 2\nimage: ghcr.io/acme/api:1.4.0\nc: 3\nd: 4\n';
    const c = change('1.4.0', '1.5.0');
    const plan: Plan = { edits: [{ path: c.file, before, after: before.replace('1.4.0', '1.5.0'), changes: [c] }], changes: [c], refusals: [], skipped: [], notes: [] };
    const diffOf = (summary: string) => /```diff\n([^]*?)\n```/.exec(summary)?.[1];
    const full = jobSummary(plan, { ...context, summaryDiff: 'full' });
    expect(diffOf(full)?.split('\n').slice(3)).toEqual(['@@ -1,5 +1,5 @@', ' a: 1', ' b: 2', '-image: ghcr.io/acme/api:1.4.0', '+image: ghcr.io/acme/api:1.5.0', ' c: 3', ' d: 4']);
    expect(jobSummary(plan, context)).toBe(full);
    expect(full).not.toContain(CHANGES_ONLY);
    const changes = jobSummary(plan, { ...context, summaryDiff: 'changes' });
    expect(diffOf(changes)?.split('\n').slice(3)).toEqual(['@@ -3,1 +3,1 @@', '-image: ghcr.io/acme/api:1.4.0', '+image: ghcr.io/acme/api:1.5.0']);
    expect(changes).toContain(CHANGES_ONLY);
    for (const hidden of ['a: 1', 'b: 2', 'c: 3', 'd: 4']) expect(changes).not.toContain(hidden);
    const none = jobSummary(plan, { ...context, summaryDiff: 'none' });
    expect(none).not.toContain('<summary>Diff</summary>');
    expect(none).not.toContain('a: 1');
    expect(none).toContain('| `apps/prod/pod.yaml:3` | ghcr.io/acme/api | `1.4.0` | `1.5.0` |');
  });

  it('leaves the diff out, keeping every row, when the diff alone would pass the limit', () => {
    const plan = planOfFiles(300, 4000);
    const summary = jobSummary(plan, context);
    expect(bytes(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary).not.toContain('<details><summary>Diff</summary>');
    expect(summary).toMatch(/The diff \(\d+ lines\) is too long for the job summary: run the CLI with `--mode dry-run` to see it\./);
    expect(summary).toContain('`apps/prod/f299.yaml:3`');
  });

  it('cuts every table to its first 200 rows when even the tables would pass the limit', () => {
    const plan = planOfFiles(20_000, 0);
    const summary = jobSummary(plan, context);
    expect(bytes(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary).toContain('`apps/prod/f199.yaml:3`');
    expect(summary).not.toContain('`apps/prod/f200.yaml:3`');
    expect(summary).toContain('| … and 19800 more (the `changes` output lists them all) | | | |');
  });
});
