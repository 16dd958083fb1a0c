// mapLimited: at most `limit` calls pending, results in the input's order whatever order they finish in.
import { describe, expect, it } from 'vitest';
import { gate, mapLimited } from '../../../src/github/limit.js';

/** Calls that finish only when the test says so, in the order it chooses. */
function gated() {
  const pending = new Map<number, () => void>();
  let inFlight = 0;
  let most = 0;
  const fn = (item: number): Promise<string> => {
    most = Math.max(most, ++inFlight);
    return new Promise((resolve) =>
      pending.set(item, () => {
        inFlight--;
        pending.delete(item);
        resolve(`r${item}`);
      }),
    );
  };
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { fn, pending, settle, most: () => most };
}

describe('mapLimited', () => {
  it('starts at most `limit` calls, one more as each finishes, and keeps the input order', async () => {
    const g = gated();
    const done = mapLimited([0, 1, 2, 3, 4, 5, 6], 3, g.fn);
    await g.settle();
    expect([...g.pending.keys()]).toEqual([0, 1, 2]);
    // Finish them last first: the results still follow the input.
    g.pending.get(2)!();
    await g.settle();
    expect([...g.pending.keys()].sort()).toEqual([0, 1, 3]);
    while (g.pending.size > 0) {
      [...g.pending.values()].at(-1)!();
      await g.settle();
    }
    expect(await done).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(g.most()).toBe(3);
  });

  it('treats a limit under 1 as 1, and an empty list as nothing to do', async () => {
    const g = gated();
    const done = mapLimited([0, 1], 0, g.fn);
    await g.settle();
    expect([...g.pending.keys()]).toEqual([0]);
    g.pending.get(0)!();
    await g.settle();
    g.pending.get(1)!();
    expect(await done).toEqual(['r0', 'r1']);
    expect(await mapLimited([], 4, g.fn)).toEqual([]);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const failing = mapLimited([0, 1, 2, 3], 1, async (item) => {
      started.push(item);
      if (item === 1) throw new Error('boom');
      return item;
    });
    await expect(failing).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
  });

  it('a shared gate bounds calls side by side together, and frees each place as its call ends, failed or not', async () => {
    const g = gated();
    const shared = gate(3);
    const left = mapLimited([0, 1, 2, 3], shared, g.fn);
    const right = mapLimited([10, 11, 12], shared, g.fn);
    const failing = shared(async () => {
      throw new Error('boom');
    });
    await g.settle();
    // 3 places, taken in call order: 0, 1, 2 (10, 11, 12 and the failing call wait).
    expect([...g.pending.keys()]).toEqual([0, 1, 2]);
    while (g.pending.size > 0) {
      [...g.pending.values()][0]!();
      await g.settle();
      expect(g.pending.size).toBeLessThanOrEqual(3);
    }
    expect(await left).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(await right).toEqual(['r10', 'r11', 'r12']);
    await expect(failing).rejects.toThrow('boom');
    expect(g.most()).toBe(3);
    // The failure freed its place: the gate still runs calls.
    expect(await shared(async () => 'after')).toBe('after');
  });
});
