// Finding a commit whose answer was lost: its attempt trailer on the first-parent chain since the head it was sent on.
import { describe, expect, it } from 'vitest';
import { findLanding, historyOf, type ChainCommit } from '../../../src/github/landed.js';

const commit = (oid: string, parent: string | undefined, message: string): ChainCommit => ({ oid, parent, message, url: `https://github.test/c/${oid}` });
const tagged = (subject: string, tag: string) => `${subject}\n\n- a.yaml:1\n\nGitops-Bump-Attempt: ${tag}`;

describe('findLanding', () => {
  // read (r0) ← ours (c1, sent on r0) ← c2 ← c3 ← head (c4): ours is 3 commits below the head.
  const chain = [
    commit('c4', 'c3', tagged('bump web', '7.1/bbb.1')),
    commit('c3', 'c2', 'a person\'s commit'),
    commit('c2', 'c1', tagged('bump db', '7.1/ccc.2')),
    commit('c1', 'r0', tagged('bump api', '7.1/aaa.1')),
    commit('r0', 'q', 'base'),
    commit('q', undefined, 'root'),
  ];

  it('finds our trailer 3 commits below the head, and reports the commit and the write', () => {
    const write = { tag: '7.1/aaa.1', parent: 'r0' };
    const verdict = findLanding('c4', chain, [write]);
    expect(verdict.landing).toEqual({ commit: chain[3], write });
    expect(verdict.missed).toEqual([]);
  });

  it('another run\'s trailer is not ours: the walk reaches the head our write was sent on and calls it missed', () => {
    const write = { tag: '7.1/zzz.1', parent: 'r0' };
    const verdict = findLanding('c4', chain, [write]);
    expect(verdict.landing).toBeUndefined();
    expect(verdict.missed).toEqual([write]);
    // Another round of another run with our nonce's round number is not ours either.
    expect(findLanding('c4', chain, [{ tag: '7.1/aaa.2', parent: 'r0' }]).landing).toBeUndefined();
  });

  it('walks first parents only, and stops at the head the write was sent on', () => {
    // m merges a side branch whose commit carries our tag: not on the first-parent chain, so not landed on the branch.
    const merged = [commit('m', 'r0', 'Merge side'), commit('side', 'r0', tagged('x', 't.1')), commit('r0', undefined, 'base')];
    expect(findLanding('m', merged, [{ tag: 't.1', parent: 'r0' }])).toEqual({ missed: [{ tag: 't.1', parent: 'r0' }] });
    // A commit with our tag below the head it was sent on cannot be this write's.
    const below = [commit('h', 'r0', 'x'), commit('r0', 'old', 'base'), commit('old', undefined, tagged('x', 't.1'))];
    expect(findLanding('h', below, [{ tag: 't.1', parent: 'r0' }]).landing).toBeUndefined();
  });

  it('no verdict when the listing ends before the head the write was sent on', () => {
    const verdict = findLanding('c4', chain.slice(0, 2), [{ tag: '7.1/aaa.1', parent: 'r0' }]);
    expect(verdict).toEqual({ missed: [] });
  });

  it('decides several writes in one walk', () => {
    const first = { tag: '7.1/aaa.9', parent: 'c2' };
    const second = { tag: '7.1/aaa.1', parent: 'r0' };
    const verdict = findLanding('c4', chain, [first, second]);
    expect(verdict.landing?.write).toBe(second);
    expect(verdict.missed).toEqual([first]);
  });
});

describe('historyOf', () => {
  it('reads a history answer: oid, url, message and first parent', () => {
    const raw = { nodes: [{ oid: 'b', url: 'u', message: 'm', parents: { nodes: [{ oid: 'a' }] } }, { oid: 'a', url: 'v', message: 'n', parents: { nodes: [] } }] };
    expect(historyOf(raw)).toEqual([{ oid: 'b', url: 'u', message: 'm', parent: 'a' }, { oid: 'a', url: 'v', message: 'n', parent: undefined }]);
    expect(historyOf(null)).toEqual([]);
  });
});
