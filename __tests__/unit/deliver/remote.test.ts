// The "Plan" log group: the large-read line, said once when a run read more than the threshold to find its references.
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../src/core/io.js';
import type { Plan } from '../../../src/core/types.js';
import { LARGE_READ_BYTES, largeReadLine, planReporter, type Remote } from '../../../src/deliver/remote.js';
import type { RemoteSnapshot } from '../../../src/github/read.js';

const PLAN: Plan = { edits: [], changes: [], refusals: [], skipped: [], notes: [] };

function snapshot(texts: readonly string[]): RemoteSnapshot {
  const files = texts.map((text, i) => ({ path: `apps/f${i}.yaml`, text }));
  return {
    files,
    skipped: [],
    selected: files.length,
    bytesRead: files.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0),
    textsRead: files.length,
    head: '0123456789abcdef0123456789abcdef01234567',
    branch: 'main',
    repositoryId: 'R_1',
    nameWithOwner: 'acme/gitops',
    defaultBranch: 'main',
    autoMergeAllowed: false,
    headMessage: '',
    headUrl: '',
    headParents: [],
  };
}

function remote(): { remote: Remote; lines: string[] } {
  const lines: string[] = [];
  const io: Io = {
    info: (m) => lines.push(m),
    debug: () => {},
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    group: async (name, fn) => {
      lines.push(`group: ${name}`);
      return await fn();
    },
    setOutput: () => {},
    summary: async () => {},
    setSecret: () => {},
  };
  const fake = { settings: { pathPatterns: ['**/*.yaml'] }, io, client: { stats: () => ({ requests: 3 }) } };
  return { remote: fake as unknown as Remote, lines };
}

describe('the large-read line', () => {
  it('is said in the Plan group, after the read line, when the texts read pass the threshold', async () => {
    const { remote: r, lines } = remote();
    // 2 files of 1.5 MB: 3.0 MB read, over a 2 MB threshold.
    await planReporter(r, { largeReadBytes: 2_000_000 })(PLAN, snapshot(['a'.repeat(1_500_000), 'é'.repeat(750_000)]), 1);
    expect(lines[0]).toBe('group: Plan');
    expect(lines[1]).toMatch(/^2 file\(s\) selected, 2 read from acme\/gitops@main/);
    expect(lines[2]).toBe('read 3.0 MB in 2 files to find the references; narrow `paths` to the folders that hold them to read less');
    expect(lines.filter((l) => l.includes('MB in'))).toHaveLength(1);
  });

  it('is not said at or under the threshold (5 MB by default)', async () => {
    const { remote: r, lines } = remote();
    await planReporter(r, { largeReadBytes: 10 })(PLAN, snapshot(['0123456789']), 1);
    await planReporter(r)(PLAN, snapshot(['x'.repeat(1000)]), 1);
    expect(lines.some((l) => l.includes('MB in'))).toBe(false);
    expect(LARGE_READ_BYTES).toBe(5_000_000);
    expect(largeReadLine({ ...snapshot([]), bytesRead: LARGE_READ_BYTES })).toBeUndefined();
    expect(largeReadLine({ ...snapshot(['a']), bytesRead: 21_600_000 })).toBe(
      'read 21.6 MB in 1 files to find the references; narrow `paths` to the folders that hold them to read less',
    );
    // A listing's texts count, selected or not.
    expect(largeReadLine({ ...snapshot(['a']), bytesRead: 6_000_000, textsRead: 2400 })).toMatch(/^read 6\.0 MB in 2400 files/);
  });
});
