// The read-decide-write loop on its own: time budget, backoff, contention, rate limits, lost-answer detection (a fake
// client and clock).
import { describe, expect, it } from 'vitest';
import { GitHubError } from '../../../src/github/errors.js';
import { commitRaceExhausted } from '../../../src/github/failures.js';
import { race, raceBudget, RACE_DEFAULTS, type Outcome, type RaceClient, type Round } from '../../../src/github/race.js';

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
  it('defaults: a 15-minute time budget, no cap on rounds, a 250 ms smallest backoff unit, windows of at most 2 minutes', () => {
    expect(raceBudget({})).toEqual({ maxAttempts: Number.POSITIVE_INFINITY, maxTotalMs: 900_000, baseMs: 250, maxMs: 120_000 });
    expect(RACE_DEFAULTS).toEqual(raceBudget({}));
    expect(raceBudget({ maxAttempts: 3, backoff: { maxMs: 50 } })).toMatchObject({ maxAttempts: 3, baseMs: 250, maxMs: 50 });
  });

  it('returns the first round that is done, with no sleep', async () => {
    const { client, state, now } = fake();
    await expect(race(client, {}, async (r) => ({ done: r.attempt }), now)).resolves.toBe(1);
    expect(state.sleeps).toEqual([]);
  });

  it('backs off over 8 rounds\' time after the first loss, doubling up to 64, in units of the run\'s own read-and-write round', async () => {
    const { client, state, now } = fake();
    let rounds = 0;
    const result = await race<string>(client, {}, async (r) => {
      rounds += 1;
      if (r.attempt === 6) return { done: 'landed' };
      // Each round reads and writes in 1.2 s: that is the unit.
      await r.write({ parent: `h${r.attempt}`, message: { headline: 'bump' } }, async () => void (state.now += 1200));
      return lost();
    }, now);
    expect(result).toBe('landed');
    expect(rounds).toBe(6);
    // random() = 0.999 of windows 8, 16, 32, 64, 64 units of 1.2 s.
    expect(state.sleeps).toEqual([9590, 19180, 38361, 76723, 76723]);
    // A round faster than baseMs counts as baseMs long; maxMs caps the window.
    const fast = fake();
    await race(fast.client, { maxAttempts: 4, backoff: { baseMs: 100, maxMs: 2000 } }, async (r) => {
      await r.write({ parent: 'h', message: { headline: 'bump' } }, async () => void (fast.state.now += 10));
      return lost();
    }, fast.now).catch(() => undefined);
    expect(fast.state.sleeps).toEqual([799, 1598, 1998]);
  });

  it('the time budget, not a count of attempts, ends the loop: the last wait is shortened to fit one more round', async () => {
    const { client, state, now } = fake();
    const target = { owner: 'acme', repo: 'gitops' };
    let rounds = 0;
    const error = await race(client, { maxTotalMs: 100_000 }, async (r) => {
      rounds += 1;
      await r.write({ parent: `h${r.attempt}`, message: { headline: 'bump' } }, async () => void (state.now += 1000));
      return { lost: { reason: 'moved', exhausted: (attempts, elapsedMs) => commitRaceExhausted(target, 'main', attempts, elapsedMs, null) } };
    }, now).catch((e: unknown) => e);
    // Rounds of 1 s: waits 8 s, 16 s, 32 s, then 39 s instead of 64 s (100 s − 59.9 s elapsed − one round); the fifth
    // round ends at 100 s and no round fits any more.
    expect(state.sleeps).toEqual([7992, 15984, 31968, 39056]);
    expect(rounds).toBe(5);
    expect(state.now).toBe(100_000);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'race-exhausted' });
    expect((error as Error).message).toBe(
      "branch 'main' of acme/gitops kept moving: 5 commit attempt(s) in 100 s, the time budget (`race-timeout`), all lost the race " +
        'to other writers: nothing was committed; re-run the job, raise `race-timeout`, or let one job write at a time (a workflow `concurrency:` group)',
    );
    // maxAttempts stays as a safety cap.
    const capped = fake();
    let cappedRounds = 0;
    await race(capped.client, { maxAttempts: 2 }, async () => ((cappedRounds += 1), lost()), capped.now).catch(() => undefined);
    expect(cappedRounds).toBe(2);
  });

  it('reads the newest commits from the second round on, and does not write while the branch is busy', async () => {
    const { client, state, now } = fake();
    client.random = () => 0.75;
    const histories: number[] = [];
    const sent: number[] = [];
    // Heads: h0 read in round 1; then each round's read sees `landed` more commits on top of the previous read.
    const landedPerRound: Record<number, number> = { 2: 2, 3: 9, 4: 1 };
    const heads: string[] = ['h0'];
    const result = await race<string>(client, {}, async (r) => {
      histories.push(r.history);
      for (let i = 0; i < (landedPerRound[r.attempt] ?? 0); i++) heads.unshift(`c${r.attempt}.${i}`);
      await r.write({ parent: heads[0]!, message: { headline: 'bump' }, recent: r.history > 0 ? heads.slice(0, r.history) : undefined }, async () => {
        sent.push(r.attempt);
        state.now += 1000;
      });
      return r.attempt === 4 ? { done: 'landed' } : lost();
    }, now);
    expect(result).toBe('landed');
    expect(histories).toEqual([0, 40, 40, 40]);
    // Round 2: 2 commits in the 7 s since round 1's read (the 1 s round + 0.75 × 8 units of 1 s) held the branch 2 × 1 s
    // of 7 s, under a third: it writes (and loses). Round 3: 9 commits in 13 s: busy, no write, the window doubles.
    // Round 4: 1 commit since round 3's read: it writes.
    expect(sent).toEqual([1, 2, 4]);
    expect(state.sleeps).toEqual([6000, 12000, 24000]);
  });

  it('the last round the budget allows writes even when the branch is busy', async () => {
    const { client, state, now } = fake();
    client.random = () => 0.75;
    const sent: number[] = [];
    let heads = ['h0'];
    const result = await race<number>(client, { maxTotalMs: 20_000 }, async (r) => {
      if (r.attempt > 1) heads = [...Array.from({ length: 9 }, (_, i) => `c${r.attempt}.${i}`), ...heads];
      await r.write({ parent: heads[0]!, message: { headline: 'bump' }, recent: r.history > 0 ? heads.slice(0, r.history) : undefined }, async () => {
        sent.push(r.attempt);
        state.now += 1000;
      });
      return r.attempt === 3 ? { done: r.attempt } : lost();
    }, now);
    // Round 2 (at 7 s) sees 9 commits in 7 s and defers; round 3 (at 19 s, the wait shortened to fit) sees as many, but
    // no round would fit after it: it writes.
    expect(result).toBe(3);
    expect(sent).toEqual([1, 3]);
    expect(state.sleeps).toEqual([6000, 12_000]);
  });

  it('a rate-limited write waits as GitHub asks plus jitter, within the budget, then plays the round again', async () => {
    const { client, state, now } = fake();
    const passed: number[] = [];
    const limited = (): GitHubError => new GitHubError('rate-limited', "POST /graphql (mutation CreateCommit): GitHub's secondary rate limit asks to wait 60 s", { status: 403, retryAfterMs: 60_000 });
    const scoped: RaceClient = { ...client, passRateLimits: async (send) => (passed.push(state.now), send()) };
    const result = await race(scoped, {}, async (r) => {
      await r.write({ parent: 'h', message: { headline: 'bump' } }, async () => {
        state.now += 1000;
        if (r.attempt === 1) throw limited();
      });
      return { done: r.attempt };
    }, now);
    expect(result).toBe(2);
    // Sent through the client's hand-over both times; 60 s asked, then 8 units (of the 1 s round) of jitter.
    expect(passed).toEqual([0, 1000 + 60_000 + 7992]);
    expect(state.sleeps).toEqual([60_000 + 7992]);
    // When the wait does not fit in what is left of the budget, the run fails naming the budget and the input.
    const short = fake();
    const error = await race({ ...short.client, passRateLimits: (send) => send() }, { maxTotalMs: 30_000 }, async (r) => {
      await r.write({ parent: 'h', message: { headline: 'bump' } }, async () => {
        short.state.now += 1000;
        throw limited();
      });
      return { done: 1 };
    }, short.now).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate-limited', details: { retryAfterMs: 60_000 } });
    expect((error as Error).message).toMatch(/asks to wait 60 s, longer than what is left of the time budget \(`race-timeout`: 30 s, 29 s left\): re-run later, raise `race-timeout`/);
    expect(short.state.sleeps).toEqual([]);
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
