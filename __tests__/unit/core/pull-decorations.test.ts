// What an open pull request lacks of what a run asks for: added, never removed; reviews asked once; auto-merge only where it never was.
import { describe, expect, it } from 'vitest';
import { complete, missingDecorations, needsIds, type Decorations } from '../../../src/core/pull-decorations.js';
import type { OpenPull } from '../../../src/core/pull-decision.js';

const wanted: Decorations = { labels: ['deploy', 'prod'], reviewers: ['alice', 'bob'], teams: ['sre'], assignees: ['carol'], autoMerge: true };
const bare: OpenPull = {
  id: 'PR_1',
  number: 1,
  url: 'u',
  title: 't',
  body: '',
  baseRefName: 'main',
  labels: [],
  author: 'github-actions[bot]',
  assignees: [],
  reviewers: { users: [], teams: [] },
  autoMerge: 'never',
};

describe('missingDecorations', () => {
  it('a PR not opened yet lacks everything; a bare one too', () => {
    expect(missingDecorations(undefined, wanted)).toEqual(wanted);
    expect(missingDecorations(bare, wanted)).toEqual(wanted);
    expect(needsIds(wanted)).toBe(true);
    expect(complete(wanted)).toBe(false);
  });

  it('a PR holding everything (names in any case, plus what a person added) lacks nothing', () => {
    const full: OpenPull = {
      ...bare,
      labels: ['Deploy', 'PROD', 'hold-by-person'],
      assignees: ['Carol', 'dave'],
      reviewers: { users: ['ALICE', 'bob', 'erin'], teams: ['SRE'] },
      autoMerge: 'on',
    };
    const missing = missingDecorations(full, wanted);
    expect(missing).toEqual({ labels: [], reviewers: [], teams: [], assignees: [], autoMerge: false });
    expect(complete(missing)).toBe(true);
    expect(needsIds(missing)).toBe(false);
  });

  it('auto-merge turned off after it was on is left off; the author is never asked to review', () => {
    const off = missingDecorations({ ...bare, autoMerge: 'off', author: 'Alice' }, wanted);
    expect(off.autoMerge).toBe(false);
    expect(off.reviewers).toEqual(['bob']);
    expect(missingDecorations({ ...bare, autoMerge: 'never' }, { ...wanted, autoMerge: false }).autoMerge).toBe(false);
  });
});
