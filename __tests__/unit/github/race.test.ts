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

const commit = (oid: string, parent: string | undefined, message: string) => ({ oid, parent, message, url: `https://example.test/${oid}` });

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
      await r.write(`h${r.attempt}`, async () => void (state.now += 1200));
      return lost();
    }, now);
    expect(result).toBe('landed');
    expect(rounds).toBe(6);
    // random() = 0.999 of windows 8, 16, 32, 64, 64 units of 1.2 s.
    expect(state.sleeps).toEqual([9590, 19180, 38361, 76723, 76723]);
    // A round faster than baseMs counts as baseMs long; maxMs caps the window.
    const fast = fake();
    await race(fast.client, { maxAttempts: 4, backoff: { baseMs: 100, maxMs: 2000 } }, async (r) => {
      await r.write('h', async () => void (fast.state.now += 10));
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
      await r.write(`h${r.attempt}`, async () => void (state.now += 1000));
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
      await r.write(heads[0]!, async () => {
        sent.push(r.attempt);
        state.now += 1000;
      }, r.history > 0 ? heads.slice(0, r.history) : undefined);
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
      await r.write(heads[0]!, async () => {
        sent.push(r.attempt);
        state.now += 1000;
      }, r.history > 0 ? heads.slice(0, r.history) : undefined);
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
      await r.write('h', async () => {
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
      await r.write('h', async () => {
        short.state.now += 1000;
        throw limited();
      });
      return { done: 1 };
    }, short.now).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate-limited', details: { retryAfterMs: 60_000 } });
    expect((error as Error).message).toMatch(/asks to wait 60 s, longer than what is left of the time budget \(`race-timeout`: 30 s, 29 s left\): re-run later, raise `race-timeout`/);
    expect(short.state.sleeps).toEqual([]);
  });

  it('tags each round\'s write with the run tag and the round; a default run tag is random', async () => {
    const { client, now } = fake();
    const tags: string[] = [];
    await race<number>(client, { runTag: '42.1/abc' }, async (r) => (tags.push(r.tag), r.attempt < 3 ? lost() : { done: 0 }), now);
    expect(tags).toEqual(['42.1/abc.1', '42.1/abc.2', '42.1/abc.3']);
    const defaults = await Promise.all([0, 1].map(() => race(fake().client, {}, async (r) => ({ done: r.tag }))));
    expect(defaults[0]).toMatch(/^local\/[0-9a-f]{12}\.1$/);
    expect(defaults[0]).not.toBe(defaults[1]);
  });

  it('after a retried write whose round lost, the next rounds look for its trailer along the chain until it is decided', async () => {
    const { client, state, now } = fake();
    const seen: { unsure: string[]; landed: string | undefined }[] = [];
    const result = await race<string>(client, { runTag: 'run/n' }, async (r: Round) => {
      if (r.attempt === 1) {
        // The client retried this write (its answer was lost), and the retry lost the race.
        await r.write('p1', async () => void (state.retries += 1));
        return lost();
      }
      // Round 2: someone else's commit on top of p1, ours not there. Round 3: ours (round 1's) under another.
      const history =
        r.attempt === 2
          ? [commit('x', 'p1', 'other\n\nGitops-Bump-Attempt: run/other.1'), commit('p1', 'p0', 'base')]
          : [commit('y', 'ours', 'later'), commit('ours', 'p1', 'bump\n\nbody\n\nGitops-Bump-Attempt: run/n.1'), commit('p1', 'p0', 'base')];
      const landing = r.landed(history[0]!.oid, history);
      seen.push({ unsure: r.unsure.map((u) => u.tag), landed: landing?.commit.oid });
      if (r.attempt === 2) {
        await r.write('x', async () => undefined); // answered: not in doubt
        return lost();
      }
      return { done: landing?.commit.oid ?? 'none' };
    }, now);
    // Round 2's read passed p1 without meeting round 1's commit: it did not land, and round 3 no longer asks.
    expect(seen).toEqual([
      { unsure: ['run/n.1'], landed: undefined },
      { unsure: [], landed: undefined },
    ]);
    expect(result).toBe('none');
  });

  it('a write that failed after it may have landed (5xx, no answer): one more round finds it, and the run is done', async () => {
    const { client, state, now } = fake();
    const unavailable = new GitHubError('unavailable', 'POST /graphql failed 5 time(s): re-run the job');
    const rounds: { attempt: number; unsure: string[] }[] = [];
    const result = await race<string>(client, { runTag: 'run/n', maxAttempts: 1 }, async (r) => {
      rounds.push({ attempt: r.attempt, unsure: r.unsure.map((u) => u.tag) });
      if (r.attempt === 1) return r.write('h0', async () => Promise.reject(unavailable));
      const history = [commit('c1', 'h0', 'bump\n\nGitops-Bump-Attempt: run/n.1'), commit('h0', undefined, 'base')];
      const landing = r.landed('c1', history);
      return { done: landing?.commit.oid ?? 'none' };
    }, now);
    expect(result).toBe('c1');
    // The checking round ran at once (no backoff) although the attempt budget was 1.
    expect(rounds).toEqual([{ attempt: 1, unsure: [] }, { attempt: 2, unsure: ['run/n.1'] }]);
    expect(state.sleeps).toEqual([]);
  });

  it('when the checking round does not find the write, the failure is thrown, saying what the read found', async () => {
    const { client, now } = fake();
    const unavailable = new GitHubError('unavailable', 'POST /graphql failed: re-run the job', { status: 502 });
    let sent = 0;
    const error = await race(client, { runTag: 'run/n' }, async (r) => {
      if (r.attempt === 2) r.landed('h0', [commit('h0', undefined, 'base')]);
      return r.write('h0', async () => {
        sent += 1;
        throw unavailable;
      });
    }, now).catch((e: unknown) => e);
    // The checking round does not send again: it throws the failure.
    expect(sent).toBe(1);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'unavailable', details: { status: 502 } });
    expect((error as Error).message).toBe('POST /graphql failed: re-run the job (a read after the failure found no commit of this run on the branch)');
  });

  it('when the checking read fails too, the write\'s failure is thrown and says it could not be checked', async () => {
    const { client, now } = fake();
    const error = await race(client, { runTag: 'run/n' }, async (r) => {
      if (r.attempt === 2) throw new GitHubError('unavailable', 'read failed');
      return r.write('h0', async () => Promise.reject(new GitHubError('unavailable', 'write failed')));
    }, now).catch((e: unknown) => e);
    expect((error as Error).message).toBe('write failed (whether its commit landed could not be checked (read failed))');
  });

  it('a last lost round whose write was retried gets one checking round; a refusal (4xx) gets none', async () => {
    const { client, state, now } = fake();
    let rounds = 0;
    const result = await race<string>(client, { runTag: 'run/n', maxAttempts: 2 }, async (r) => {
      rounds += 1;
      if (r.attempt <= 2) {
        await r.write(`h${r.attempt}`, async () => void (state.retries += 1));
        return lost();
      }
      const landing = r.landed('c2', [commit('c2', 'h2', 'x\n\nGitops-Bump-Attempt: run/n.2'), commit('h2', 'h1', 'y')]);
      return { done: landing?.write.tag ?? 'none' };
    }, now);
    expect(result).toBe('run/n.2');
    expect(rounds).toBe(3);

    const forbidden = new GitHubError('forbidden', 'no');
    let tries = 0;
    await expect(race(fake().client, {}, async (r) => (tries++, r.write('h', async () => Promise.reject(forbidden))))).rejects.toBe(forbidden);
    expect(tries).toBe(1);
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
