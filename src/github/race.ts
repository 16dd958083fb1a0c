// THE read-decide-write loop, written once. Every write to GitHub (a commit on a branch, a pull request's
// document) is a compare-and-swap on the head it read; a round that lost the race reads and decides again,
// after a full-jitter backoff that grows with the contention the run observed (contention.ts), within a time
// budget (the `race-timeout` input). A write whose answer was lost (no answer, a 5xx, a timeout, or a retry that
// lost the race, maybe to its own first try) is looked for on the next read by its attempt trailer (landed.ts); a
// failure that may hide a landed write is checked by one more read before it is thrown. A secondary rate limit on a
// write is waited out here, within the budget, and followed by a fresh read: the same write sent again would name a
// stale head.
import { randomBytes } from 'node:crypto';
import type { GitHubClient } from './client.js';
import { Contention, CONTENTION } from './contention.js';
import { GitHubError } from './errors.js';
import { findLanding, type ChainCommit, type Landing, type Unsure } from './landed.js';

/** The budget of the loop. */
export interface RaceOptions {
  /** Safety cap on rounds (deferred and rate-limited ones included). Default: none, the time budget decides. */
  readonly maxAttempts?: number;
  /** Time budget of the loop: no round starts when it cannot end within it. Default 15 minutes (`race-timeout`). */
  readonly maxTotalMs?: number;
  /**
   * Backoff between rounds (contention.ts): full jitter over a window of 8 units after the first lost round, doubled
   * after each further one up to 64 units, where the unit is the run's last read-and-write round, at least `baseMs`
   * (so the windows follow GitHub's latency); `maxMs` caps the window. Defaults 250 ms, 2 minutes. (Follow-up retries of
   * the pull-request mode use the same two numbers for their own short backoff.)
   */
  readonly backoff?: { readonly baseMs?: number; readonly maxMs?: number };
  /** Debug log (never the token). */
  readonly log?: (message: string) => void;
  /**
   * The run's part of each round's attempt tag (`<run>/<nonce>`, the tag is `<run>/<nonce>.<round>`): unique per run.
   * Default `local/<random>`.
   */
  readonly runTag?: string;
}

/** The defaults of `RaceOptions`, in one place. */
export const RACE_DEFAULTS = { maxAttempts: Number.POSITIVE_INFINITY, maxTotalMs: 900_000, baseMs: 250, maxMs: 120_000 } as const;

/** The budget `options` ask for, defaults filled in. */
export function raceBudget(options: RaceOptions): { maxAttempts: number; maxTotalMs: number; baseMs: number; maxMs: number } {
  return {
    maxAttempts: options.maxAttempts ?? RACE_DEFAULTS.maxAttempts,
    maxTotalMs: options.maxTotalMs ?? RACE_DEFAULTS.maxTotalMs,
    baseMs: options.backoff?.baseMs ?? RACE_DEFAULTS.baseMs,
    maxMs: options.backoff?.maxMs ?? RACE_DEFAULTS.maxMs,
  };
}

/** What the loop uses of the client: its retry counter, its sleep and random source (the test seams), and its rate-limit hand-over. */
export type RaceClient = Pick<GitHubClient, 'stats' | 'sleep' | 'random'> & Partial<Pick<GitHubClient, 'passRateLimits'>>;

/** A round that lost: why (for the log), and the error to throw when the budget allows no other round. */
export interface Lost {
  readonly reason: string;
  /** `attempts`: the writes this run sent. */
  readonly exhausted: (attempts: number, elapsedMs: number) => GitHubError;
}

/** A round resolves its result, or the race it lost (then the loop reads and decides again). */
export type Outcome<T> = { readonly done: T } | { readonly lost: Lost };

/** What a round gets from the loop. */
export interface Round {
  /** 1 for the first round. */
  readonly attempt: number;
  /** This round's attempt tag: the `Gitops-Bump-Attempt` trailer of the commit it sends. */
  readonly tag: string;
  /**
   * Writes of earlier rounds whose answers were lost: while there are any, read the branch's history with its head
   * (landed.ts `HISTORY_DEPTH` commits) and ask `landed`.
   */
  readonly unsure: readonly Unsure[];
  /**
   * How many of the branch's newest commits the round should read with its head and pass to `write` as `recent`
   * (0 on the first round, where nothing was read before): the contention the run observes.
   */
  readonly history: number;
  /**
   * The commit of a write in doubt on the first-parent chain from `head` (through `history`), if it landed.
   * `head` undefined: the branch does not exist, so none did.
   */
  landed(head: string | undefined, history: readonly ChainCommit[] | undefined): Landing | undefined;
  /**
   * Sends the round's write on top of `parent`; `recent` is the branch's newest commits (head first) as read with
   * `parent`, when the round read them. An answer that may hide a landed write (none, a 5xx, a timeout, a retry) puts
   * the write in doubt; in the round that checks a failed write, throws that failure instead of sending. May also
   * throw without sending (the branch is too busy: the loop reads again later) or with a rate limit: a round lets
   * whatever `write` throws pass, and the loop handles what is its own.
   */
  write<A>(parent: string, send: () => Promise<A>, recent?: readonly string[]): Promise<A>;
}

/** Thrown by `Round.write` instead of sending when the branch is too busy: the round is played again later. */
class Deferred extends Error {
  override readonly name = 'Deferred';
}

/**
 * Runs `round` until it is done: read, decide, write. A lost round sleeps (contention.ts: full jitter over a window
 * that grows with the contention seen) and goes again, as long as another round fits in `maxTotalMs` (the last wait
 * is shortened to fit) and `maxAttempts`; else the `exhausted` error of the last lost round is thrown. A write that
 * GitHub rate-limits waits as asked (plus jitter) within the budget, then the round is played again. A round whose
 * write may have landed although it failed (or lost the last race) is followed by one more round that reads and
 * looks for it before the failure is thrown. `now` is injectable for tests.
 */
export async function race<T>(
  client: RaceClient,
  options: RaceOptions,
  round: (round: Round) => Promise<Outcome<T>>,
  now: () => number = Date.now,
): Promise<T> {
  const budget = raceBudget(options);
  const started = now();
  const runTag = options.runTag ?? `local/${randomBytes(6).toString('hex')}`;
  const contention = new Contention(budget.baseMs, budget.maxMs);
  const passRateLimits = client.passRateLimits ?? (<A>(send: () => Promise<A>) => send());
  let unsure: Unsure[] = [];
  // A failure that may hide a landed write: the next round looks for the write, and throws the failure unless it landed.
  let failing: { error: unknown; write: Unsure } | undefined;
  let lastLost: Lost | undefined;
  let writes = 0;
  const settle = (error: unknown, doubt: Unsure, why: string): void => {
    failing = { error, write: doubt };
    options.log?.(`${why}: reading once more to look for the write tagged ${doubt.tag}`);
  };
  for (let attempt = 1; ; attempt += 1) {
    const roundStarted = now();
    const tag = `${runTag}.${attempt}`;
    const settling = failing;
    let verdict: Verdict = 'unread';
    let doubt: Unsure | undefined;
    let deferred: Deferred | undefined;
    let limited: GitHubError | undefined;
    let outcome: Outcome<T> | undefined;
    try {
      outcome = await round({
        attempt,
        tag,
        unsure,
        history: attempt > 1 ? CONTENTION.history : 0,
        landed: (head, history) => {
          const found = head === undefined ? { missed: unsure } : findLanding(head, history ?? [], unsure);
          unsure = unsure.filter((u) => !found.missed.includes(u));
          if (settling !== undefined) verdict = found.landing?.write === settling.write ? 'landed' : found.missed.includes(settling.write) ? 'missed' : 'unknown';
          return found.landing;
        },
        write: async (parent, send, recent) => {
          if (settling !== undefined) throw settling.error;
          const seen = contention.sighted({ head: parent, recent, at: roundStarted });
          // The last round the budget allows writes whatever it saw: deferring it would only end the run.
          const last = attempt >= budget.maxAttempts || budget.maxTotalMs - (now() - started) < 2 * contention.unitMs;
          if (seen.busy && !last) {
            deferred = new Deferred(`${seen.landed} commits landed since the previous read`);
            throw deferred;
          }
          writes += 1;
          const retries = client.stats().retries;
          try {
            return await passRateLimits(send);
          } catch (error) {
            if (error instanceof GitHubError && error.code === 'rate-limited' && error.details.retryAfterMs !== undefined) limited = error;
            else if (error instanceof GitHubError && error.code === 'unavailable') doubt = { tag, parent };
            throw error;
          } finally {
            // A retried write may have landed on its first try (its answer lost): the next read looks for it.
            if (client.stats().retries > retries) doubt = { tag, parent };
            contention.roundTook(now() - roundStarted);
          }
        },
      });
    } catch (error) {
      if (error !== deferred && error !== limited) {
        if (settling !== undefined) throw unsettled(settling.error, verdict, error);
        if (doubt === undefined) throw error;
        unsure = [...unsure, doubt];
        settle(error, doubt, `the write of round ${attempt} failed, but may have landed`);
        continue;
      }
    }
    if (outcome !== undefined && 'done' in outcome) return outcome.done;
    if (settling !== undefined) throw unsettled(settling.error, verdict, undefined);
    if (doubt !== undefined) unsure = [...unsure, doubt];
    if (outcome !== undefined) lastLost = outcome.lost;
    const elapsed = now() - started;
    const left = budget.maxTotalMs - elapsed - contention.unitMs;
    if (limited !== undefined) {
      // GitHub's wait first, then jitter over the window, so that the runs it stopped do not all come back at once.
      const asked = limited.details.retryAfterMs ?? 0;
      if (asked > left || attempt >= budget.maxAttempts) {
        const error = rateLimitedPastBudget(limited, asked, budget.maxTotalMs, elapsed);
        if (doubt === undefined) throw error;
        settle(error, doubt, `${limited.message}, past the budget`);
        continue;
      }
      const waitMs = Math.min(left, asked + contention.backoff(client.random));
      options.log?.(`${limited.message}: re-reading in ${waitMs} ms`);
      await client.sleep(waitMs);
      continue;
    }
    const why = deferred === undefined ? lastLost?.reason : `the branch is busy (${deferred.message}): not writing`;
    if (attempt >= budget.maxAttempts || left < 0) {
      const exhausted =
        lastLost?.exhausted(writes, elapsed) ?? new GitHubError('race-exhausted', `the branch kept moving for ${Math.ceil(elapsed / 1000)} s: re-run the job`);
      if (doubt === undefined) throw exhausted;
      settle(exhausted, doubt, `${why ?? 'lost a race'}, and the budget is spent`);
      continue;
    }
    const waitMs = Math.min(left, contention.backoff(client.random));
    options.log?.(`${why ?? 'lost a race'}: re-reading in ${waitMs} ms`);
    await client.sleep(waitMs);
  }
}

/** What the round after a failed write learnt of it: nothing (it did not read), it landed, it did not, or no telling. */
type Verdict = 'unread' | 'landed' | 'missed' | 'unknown';

/**
 * The failure of a write in doubt, thrown after one more round: with what that round learnt of the write (unless it
 * landed: then the failure is about what came after it), or why it learnt nothing (`cause`, the error of its read).
 */
function unsettled(failure: unknown, verdict: Verdict, cause: unknown): unknown {
  if (!(failure instanceof GitHubError) || verdict === 'landed') return failure;
  const why =
    verdict === 'missed'
      ? 'a read after the failure found no commit of this run on the branch'
      : verdict === 'unknown'
        ? 'a read after the failure could not tell whether its commit landed: the branch moved too far since'
        : `whether its commit landed could not be checked${cause instanceof Error ? ` (${cause.message})` : ''}`;
  return new GitHubError(failure.code, `${failure.message} (${why})`, failure.details);
}

/** A rate limit on a write whose wait does not fit in what is left of the time budget. */
function rateLimitedPastBudget(limited: GitHubError, askedMs: number, budgetMs: number, elapsedMs: number): GitHubError {
  return new GitHubError(
    'rate-limited',
    `${limited.message}, longer than what is left of the time budget (\`race-timeout\`: ${Math.round(budgetMs / 1000)} s, ` +
      `${Math.max(0, Math.round((budgetMs - elapsedMs) / 1000))} s left): re-run later, raise \`race-timeout\`, ` +
      `or let fewer runs write at once (a workflow \`concurrency:\` group)`,
    { status: limited.details.status, cause: limited, retryAfterMs: askedMs },
  );
}
