// The read-decide-write loop on its own: budget, backoff, lost-answer detection (a fake client and clock).
import { describe, expect, it } from 'vitest';
import { GitHubError } from '../../../src/github/errors.js';
import { race, raceBudget, RACE_DEFAULTS, type Outcome, type RaceClient, type RaceOptions, type Round } from '../../../src/github/race.js';

/** A client whose sleeps move a fake clock, and whose retry counter the test moves. */
function fake() {
  const state = { now: 0, retries: 0, sleeps: [] as number[] };
  const client: RaceClient = {
    stats: () => ({ requests: 0, retries: state.retries, mutations: 0 }),
    sleep: async (ms) => {
      state.sleeps.push(ms);
      state.now += ms;
    },
    random: () => 0.999,
  };
  return { state, client, now: () => state.now };
}

const lost = (reason = 'moved'): Outcome<never> => ({
  lost: { reason, exhausted: (attempts, elapsedMs) => new GitHubError('race-exhausted', `${attempts} rounds in ${elapsedMs} ms`) },
});

describe('race', () => {
  it('defaults: 10 rounds, 120 s, backoff from 250 ms to 8 s', () => {
    expect(raceBudget({})).toEqual({ maxAttempts: 10, maxTotalMs: 120_000, baseMs: 250, maxMs: 8_000 });
    expect(RACE_DEFAULTS).toEqual(raceBudget({}));
    expect(raceBudget({ maxAttempts: 3, backoff: { maxMs: 50 } })).toMatchObject({ maxAttempts: 3, baseMs: 250, maxMs: 50 });
  });

  it('returns the first round that is done, with no sleep', async () => {
    const { client, state, now } = fake();
    await expect(race(client, {}, async (r) => ({ done: r.attempt }), now)).resolves.toBe(1);
    expect(state.sleeps).toEqual([]);
  });

  it('gives up after maxAttempts lost rounds with the last round\'s error; full jitter on a base unit when rounds are fast', async () => {
    const { client, state, now } = fake();
    let rounds = 0;
    const error = await race(client, { maxAttempts: 4 }, async () => (rounds++, lost()), now).catch((e: unknown) => e);
    expect(rounds).toBe(4);
    expect(error).toMatchObject({ code: 'race-exhausted', message: `4 rounds in ${state.now} ms` });
    // random 0.999 of 250·2ⁿ⁻¹ ms: no sleep after the last round.
    expect(state.sleeps).toEqual([249, 499, 999]);
  });

  it('the backoff unit is the lost round\'s duration when longer than the base, capped at maxMs; the time budget ends it', async () => {
    const { client, state, now } = fake();
    const options: RaceOptions = { maxTotalMs: 10_000 };
    let rounds = 0;
    const error = await race(client, options, async () => {
      rounds += 1;
      state.now += 1000; // each read-decide-write round takes 1 s
      return lost();
    }, now).catch((e: unknown) => e);
    // Round 4 ends at 10.993 s: its wait (the 8 s cap) would pass the 10 s budget.
    expect(state.sleeps).toEqual([999, 1998, 3996]);
    expect(rounds).toBe(4);
    expect(error).toMatchObject({ message: '4 rounds in 10993 ms' });
    const capped = fake();
    await race(capped.client, { maxAttempts: 6 }, async () => ((capped.state.now += 1000), lost()), capped.now).catch(() => undefined);
    expect(capped.state.sleeps).toEqual([999, 1998, 3996, 7992, 7992]);
  });

  it('recognises the commit of a retried write whose round lost, on the next read only', async () => {
    const { client, state, now } = fake();
    const message = { headline: 'bump api', body: 'a.yaml:1' };
    const seen: boolean[][] = [];
    const result = await race<number>(client, {}, async (r: Round) => {
      const landed = [
        r.landed({ parent: 'p1', message: 'bump api\n\na.yaml:1\n' }),
        r.landed({ parent: 'other', message: 'bump api\n\na.yaml:1' }),
        r.landed({ parent: 'p1', message: 'bump web' }),
      ];
      seen.push(landed);
      if (r.attempt === 1) {
        // The client retried this write (its answer was lost), and the retry lost the race.
        await r.write({ parent: 'p1', message }, async () => void (state.retries += 1));
        return lost();
      }
      if (r.attempt === 2) {
        await r.write({ parent: 'p2', message }, async () => undefined); // not retried: answered for sure
        return lost();
      }
      return { done: r.attempt };
    }, now);
    expect(result).toBe(3);
    expect(seen).toEqual([
      [false, false, false],
      [true, false, false],
      [false, false, false],
    ]);
  });

  it('a round that throws ends the loop with its error', async () => {
    const { client, now } = fake();
    const boom = new GitHubError('forbidden', 'no');
    let rounds = 0;
    await expect(race(client, {}, async () => {
      rounds += 1;
      throw boom;
    }, now)).rejects.toBe(boom);
    expect(rounds).toBe(1);
  });
});
