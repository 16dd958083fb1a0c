// THE read-decide-write loop, written once. Every write to GitHub (a commit on a branch, a pull request's
// document) is a compare-and-swap on the head it read; a round that lost the race reads and decides again,
// after a full-jitter backoff that grows with the contention the run observed (contention.ts), within a time
// budget (the `race-timeout` input). A write whose answer was lost (the client retried it, and the retry lost the
// race, maybe to its own first try) is recognised on the next read. A secondary rate limit on a write is waited
// out here, within the budget, and followed by a fresh read: the same write sent again would name a stale head.
import type { GitHubClient } from './client.js';
import { Contention, CONTENTION } from './contention.js';
import { GitHubError } from './errors.js';
import { fullMessage, type CommitMessage } from './mutation.js';

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

/** A commit a round sends: on top of `parent`, with `message`. */
export interface SentCommit {
  readonly parent: string;
  readonly message: CommitMessage;
  /**
   * The branch's newest commits (head first) as read with `parent`, when the round read them (`Round.history`):
   * the loop counts the commits that landed since its previous read.
   */
  readonly recent?: readonly string[];
}

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
  /**
   * How many of the branch's newest commits the round should read with its head and pass as `SentCommit.recent`
   * (0 on the first round, where nothing was read before): the contention the run observes.
   */
  readonly history: number;
  /**
   * True when a branch head read in this round (its first parent and full message) is the commit that the
   * previous round sent although its answer was lost: the write landed, only its answer did not.
   */
  landed(head: { readonly parent: string | undefined; readonly message: string }): boolean;
  /**
   * Sends the write of `commit`; when the client had to retry it and the round then loses, `landed` looks for it.
   * May throw without sending (the branch is too busy: the loop reads again later) or with a rate limit: a round
   * lets whatever `write` throws pass, and the loop handles what is its own.
   */
  write<A>(commit: SentCommit, send: () => Promise<A>): Promise<A>;
}

/** Thrown by `Round.write` instead of sending when the branch is too busy: the round is played again later. */
class Deferred extends Error {
  override readonly name = 'Deferred';
}

/**
 * Runs `round` until it is done: read, decide, write. A lost round sleeps (contention.ts: full jitter over a window
 * that grows with the contention seen) and goes again, as long as another round fits in `maxTotalMs` (the last wait
 * is shortened to fit) and `maxAttempts`; else the `exhausted` error of the last lost round is thrown. A write that
 * GitHub rate-limits waits as asked (plus jitter) within the budget, then the round is played again. `now` is
 * injectable for tests.
 */
export async function race<T>(
  client: RaceClient,
  options: RaceOptions,
  round: (round: Round) => Promise<Outcome<T>>,
  now: () => number = Date.now,
): Promise<T> {
  const budget = raceBudget(options);
  const started = now();
  const contention = new Contention(budget.baseMs, budget.maxMs);
  const passRateLimits = client.passRateLimits ?? (<A>(send: () => Promise<A>) => send());
  let ambiguous: SentCommit | undefined;
  let lastLost: Lost | undefined;
  let writes = 0;
  for (let attempt = 1; ; attempt += 1) {
    const roundStarted = now();
    const previous = ambiguous;
    let retried: SentCommit | undefined;
    let deferred: Deferred | undefined;
    let limited: GitHubError | undefined;
    let outcome: Outcome<T> | undefined;
    try {
      outcome = await round({
        attempt,
        history: attempt > 1 ? CONTENTION.history : 0,
        landed: (head) =>
          previous !== undefined && head.parent === previous.parent && head.message.trim() === fullMessage(previous.message).trim(),
        write: async (commit, send) => {
          const seen = contention.sighted({ head: commit.parent, recent: commit.recent, at: roundStarted });
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
            throw error;
          } finally {
            if (client.stats().retries > retries) retried = commit;
            contention.roundTook(now() - roundStarted);
          }
        },
      });
    } catch (error) {
      if (error !== deferred && error !== limited) throw error;
    }
    if (outcome !== undefined && 'done' in outcome) return outcome.done;
    // A retried write can be answered as a lost race because its first try landed: the next read looks for it.
    ambiguous = retried;
    if (outcome !== undefined) lastLost = outcome.lost;
    const elapsed = now() - started;
    const left = budget.maxTotalMs - elapsed - contention.unitMs;
    if (limited !== undefined) {
      // GitHub's wait first, then jitter over the window, so that the runs it stopped do not all come back at once.
      const asked = limited.details.retryAfterMs ?? 0;
      if (asked > left || attempt >= budget.maxAttempts) throw rateLimitedPastBudget(limited, asked, budget.maxTotalMs, elapsed);
      const waitMs = Math.min(left, asked + contention.backoff(client.random));
      options.log?.(`${limited.message}: re-reading in ${waitMs} ms`);
      await client.sleep(waitMs);
      continue;
    }
    const why = deferred === undefined ? lastLost?.reason : `the branch is busy (${deferred.message}): not writing`;
    const exhausted = (): GitHubError =>
      lastLost?.exhausted(writes, elapsed) ?? new GitHubError('race-exhausted', `the branch kept moving for ${Math.ceil(elapsed / 1000)} s: re-run the job`);
    if (attempt >= budget.maxAttempts || left < 0) throw exhausted();
    const waitMs = Math.min(left, contention.backoff(client.random));
    options.log?.(`${why ?? 'lost a race'}: re-reading in ${waitMs} ms`);
    await client.sleep(waitMs);
  }
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
