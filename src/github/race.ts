// THE read-decide-write loop, written once. Every write to GitHub (a commit on a branch, a pull request's
// document) is a compare-and-swap on the head it read; a round that lost the race reads and decides again,
// after a full-jitter backoff, within a budget of attempts and time. A write whose answer was lost (the client
// retried it, and the retry lost the race, maybe to its own first try) is recognised on the next read.
import { backoffMs, type GitHubClient } from './client.js';
import type { GitHubError } from './errors.js';
import { fullMessage, type CommitMessage } from './mutation.js';

/** The budget of the loop. */
export interface RaceOptions {
  /** Read-decide-write rounds before giving up on a branch that keeps moving. Default 10. */
  readonly maxAttempts?: number;
  /** Time budget of the loop. Default 120 s. */
  readonly maxTotalMs?: number;
  /**
   * Full-jitter backoff between rounds: random(0, min(maxMs, unit·2ⁿ⁻¹)), where the unit is the larger of
   * `baseMs` and the duration of the round that lost (so the windows follow GitHub's latency). Defaults 250 ms, 8 s.
   */
  readonly backoff?: { readonly baseMs?: number; readonly maxMs?: number };
  /** Debug log (never the token). */
  readonly log?: (message: string) => void;
}

/** The defaults of `RaceOptions`, in one place. */
export const RACE_DEFAULTS = { maxAttempts: 10, maxTotalMs: 120_000, baseMs: 250, maxMs: 8_000 } as const;

/** The budget `options` ask for, defaults filled in. */
export function raceBudget(options: RaceOptions): { maxAttempts: number; maxTotalMs: number; baseMs: number; maxMs: number } {
  return {
    maxAttempts: options.maxAttempts ?? RACE_DEFAULTS.maxAttempts,
    maxTotalMs: options.maxTotalMs ?? RACE_DEFAULTS.maxTotalMs,
    baseMs: options.backoff?.baseMs ?? RACE_DEFAULTS.baseMs,
    maxMs: options.backoff?.maxMs ?? RACE_DEFAULTS.maxMs,
  };
}

/** What the loop uses of the client: its retry counter, and its sleep and random source (the test seams). */
export type RaceClient = Pick<GitHubClient, 'stats' | 'sleep' | 'random'>;

/** A commit a round sends: on top of `parent`, with `message`. */
export interface SentCommit {
  readonly parent: string;
  readonly message: CommitMessage;
}

/** A round that lost: why (for the log), and the error to throw when the budget allows no other round. */
export interface Lost {
  readonly reason: string;
  readonly exhausted: (attempts: number, elapsedMs: number) => GitHubError;
}

/** A round resolves its result, or the race it lost (then the loop reads and decides again). */
export type Outcome<T> = { readonly done: T } | { readonly lost: Lost };

/** What a round gets from the loop. */
export interface Round {
  /** 1 for the first round. */
  readonly attempt: number;
  /**
   * True when a branch head read in this round (its first parent and full message) is the commit that the
   * previous round sent although its answer was lost: the write landed, only its answer did not.
   */
  landed(head: { readonly parent: string | undefined; readonly message: string }): boolean;
  /** Sends the write of `commit`; when the client had to retry it and the round then loses, `landed` looks for it. */
  write<A>(commit: SentCommit, send: () => Promise<A>): Promise<A>;
}

/**
 * Runs `round` until it is done: read, decide, write. A lost round sleeps random(0, min(maxMs, unit·2ⁿ⁻¹)) and
 * goes again, unless that would pass `maxAttempts` rounds or `maxTotalMs`: then its `exhausted` error is thrown.
 * `now` is injectable for tests.
 */
export async function race<T>(
  client: RaceClient,
  options: RaceOptions,
  round: (round: Round) => Promise<Outcome<T>>,
  now: () => number = Date.now,
): Promise<T> {
  const budget = raceBudget(options);
  const started = now();
  let ambiguous: SentCommit | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const roundStarted = now();
    const previous = ambiguous;
    let retried: SentCommit | undefined;
    const outcome = await round({
      attempt,
      landed: (head) =>
        previous !== undefined && head.parent === previous.parent && head.message.trim() === fullMessage(previous.message).trim(),
      write: async (commit, send) => {
        const retries = client.stats().retries;
        try {
          return await send();
        } finally {
          if (client.stats().retries > retries) retried = commit;
        }
      },
    });
    if ('done' in outcome) return outcome.done;
    // A retried write can be answered as a lost race because its first try landed: the next read looks for it.
    ambiguous = retried;
    const elapsed = now() - started;
    // The backoff unit is at least one read-write round: windows then scale with GitHub's latency.
    const waitMs = backoffMs(attempt, Math.max(budget.baseMs, now() - roundStarted), budget.maxMs, client.random);
    if (attempt >= budget.maxAttempts || elapsed + waitMs > budget.maxTotalMs) throw outcome.lost.exhausted(attempt, elapsed);
    options.log?.(`${outcome.lost.reason}: re-reading in ${waitMs} ms`);
    await client.sleep(waitMs);
  }
}
