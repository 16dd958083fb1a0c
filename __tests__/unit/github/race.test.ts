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

const commit = (oid: string, parent: string | undefined, message: string) => ({ oid, parent, message, url: `https://example.test/${oid}` });

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
