// The backoff window of one run and what its reads tell it (pure: no client, no clock).
import { describe, expect, it } from 'vitest';
import { Contention, CONTENTION, landedSince } from '../../../src/github/contention.js';

describe('landedSince', () => {
  it('counts the commits on top of the previous head: 0 when it did not move, its position, or at least all read', () => {
    expect(landedSince('a', { head: 'a', at: 0 })).toBe(0);
    expect(landedSince('a', { head: 'c', recent: ['c', 'b', 'a', 'z'], at: 0 })).toBe(2);
    expect(landedSince('a', { head: 'c', recent: ['c', 'b'], at: 0 })).toBe(2);
    expect(landedSince('a', { head: 'c', at: 0 })).toBeUndefined();
    expect(landedSince('a', { head: 'c', recent: [], at: 0 })).toBeUndefined();
  });
});

describe('Contention', () => {
  it('grows the window with lost rounds: 8 units, then doubling up to 64; the unit follows the rounds, at least baseMs', () => {
    const c = new Contention(250);
    const top = () => 0.999_999;
    expect(c.unitMs).toBe(250);
    c.roundTook(100);
    expect(c.unitMs).toBe(250);
    c.roundTook(1300);
    const waits = [c.backoff(top), c.backoff(top), c.backoff(top), c.backoff(top), c.backoff(top)];
    expect(waits).toEqual([10_399, 20_799, 41_599, 83_199, 83_199]);
    expect(c.windowMs).toBe(CONTENTION.maxWindowUnits * 1300);
    expect(new Contention(250, 1000).backoff(top)).toBe(999);
    expect(new Contention(250).backoff(top)).toBe(1999);
    expect(new Contention(250).backoff(() => 0)).toBe(0);
  });

  it('calls the branch busy only after a loss, with at least 2 commits holding it more than a third of the time', () => {
    const c = new Contention(1000);
    expect(c.sighted({ head: 'a', at: 0 })).toEqual({ landed: undefined, busy: false });
    // Not lost yet: the first write is never held back, whatever was seen.
    expect(c.sighted({ head: 'e', recent: ['e', 'd', 'c', 'b', 'a'], at: 1000 })).toEqual({ landed: 4, busy: false });
    c.backoff(() => 0.5);
    // 2 commits in 6 s: 2 × 1 s of 6 s is exactly a third, not more.
    expect(c.sighted({ head: 'g', recent: ['g', 'f', 'e'], at: 7000 })).toEqual({ landed: 2, busy: false });
    // 3 commits in 6 s: busy.
    expect(c.sighted({ head: 'j', recent: ['j', 'i', 'h', 'g'], at: 13_000 })).toEqual({ landed: 3, busy: true });
    // 1 commit, however fast: not busy; unknown counts (no history read) never hold a write back.
    expect(c.sighted({ head: 'k', recent: ['k', 'j'], at: 13_500 })).toEqual({ landed: 1, busy: false });
    expect(c.sighted({ head: 'z', at: 13_600 })).toEqual({ landed: undefined, busy: false });
    // Beyond what was read: at least that many.
    expect(c.sighted({ head: 'y9', recent: ['y9', 'y8', 'y7'], at: 14_000 })).toEqual({ landed: 3, busy: true });
  });

  it('measures the share with the real round, not the floored unit: fast rounds hold the branch briefly', () => {
    const c = new Contention(250);
    c.roundTook(50);
    c.backoff(() => 0.5);
    expect(c.unitMs).toBe(250);
    c.sighted({ head: 'a', at: 0 });
    // 3 commits in 1 s hold a branch whose rounds take 50 ms for 15% of the time (with the 250 ms unit it would be 75%).
    expect(c.sighted({ head: 'd', recent: ['d', 'c', 'b', 'a'], at: 1000 })).toEqual({ landed: 3, busy: false });
    expect(c.sighted({ head: 'k', recent: ['k', 'j', 'i', 'h', 'g', 'f', 'e', 'd'], at: 1500 })).toEqual({ landed: 7, busy: true });
  });
});
