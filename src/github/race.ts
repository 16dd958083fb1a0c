// THE read-decide-write loop, written once. Every write to GitHub (a commit on a branch, a pull request's
// document) is a compare-and-swap on the head it read; a round that lost the race reads and decides again,
// after a full-jitter backoff, within a budget of attempts and time. A write whose answer was lost (no answer, a
// 5xx, a timeout, or a retry that lost the race, maybe to its own first try) is looked for on the next read by its
// attempt trailer (landed.ts); a failure that may hide a landed write is checked by one more read before it is thrown.
import { randomBytes } from 'node:crypto';
import { backoffMs, type GitHubClient } from './client.js';
import { GitHubError } from './errors.js';
import { findLanding, type ChainCommit, type Landing, type Unsure } from './landed.js';

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
  /**
   * The run's part of each round's attempt tag (`<run>/<nonce>`, the tag is `<run>/<nonce>.<round>`): unique per run.
   * Default `local/<random>`.
   */
  readonly runTag?: string;
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
  /** This round's attempt tag: the `Gitops-Bump-Attempt` trailer of the commit it sends. */
  readonly tag: string;
  /**
   * Writes of earlier rounds whose answers were lost: while there are any, read the branch's history with its head
   * (landed.ts `HISTORY_SELECTION`) and ask `landed`.
   */
  readonly unsure: readonly Unsure[];
  /**
   * The commit of a write in doubt on the first-parent chain from `head` (through `history`), if it landed.
   * `head` undefined: the branch does not exist, so none did.
   */
  landed(head: string | undefined, history: readonly ChainCommit[] | undefined): Landing | undefined;
  /**
   * Sends the round's write on top of `parent`. An answer that may hide a landed write (none, a 5xx, a timeout, a retry)
   * puts the write in doubt; in the round that checks a failed write, throws that failure instead of sending.
   */
  write<A>(parent: string, send: () => Promise<A>): Promise<A>;
}

/**
 * Runs `round` until it is done: read, decide, write. A lost round sleeps random(0, min(maxMs, unit·2ⁿ⁻¹)) and
 * goes again, unless that would pass `maxAttempts` rounds or `maxTotalMs`: then its `exhausted` error is thrown.
 * A round whose write may have landed although it failed (or lost the last race) is followed by one more round that
 * reads and looks for it before the failure is thrown. `now` is injectable for tests.
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
  let unsure: Unsure[] = [];
  // A failure that may hide a landed write: the next round looks for the write, and throws the failure unless it landed.
  let failing: { error: unknown; write: Unsure } | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const roundStarted = now();
    const tag = `${runTag}.${attempt}`;
    const settling = failing;
    let verdict: Verdict = 'unread';
    let doubt: Unsure | undefined;
    let outcome: Outcome<T>;
    try {
      outcome = await round({
        attempt,
        tag,
        unsure,
        landed: (head, history) => {
          const found = head === undefined ? { missed: unsure } : findLanding(head, history ?? [], unsure);
          unsure = unsure.filter((u) => !found.missed.includes(u));
          if (settling !== undefined) verdict = found.landing?.write === settling.write ? 'landed' : found.missed.includes(settling.write) ? 'missed' : 'unknown';
          return found.landing;
        },
        write: async (parent, send) => {
          if (settling !== undefined) throw settling.error;
          const retries = client.stats().retries;
          try {
            return await send();
          } catch (error) {
            if (error instanceof GitHubError && error.code === 'unavailable') doubt = { tag, parent };
            throw error;
          } finally {
            // A retried write may have landed on its first try (its answer lost): the next read looks for it.
            if (client.stats().retries > retries) doubt = { tag, parent };
          }
        },
      });
    } catch (error) {
      if (settling !== undefined) throw unsettled(settling.error, verdict, error);
      if (doubt === undefined) throw error;
      unsure = [...unsure, doubt];
      failing = { error, write: doubt };
      options.log?.(`the write of round ${attempt} failed, but may have landed: reading once more to look for it`);
      continue;
    }
    if ('done' in outcome) return outcome.done;
    if (settling !== undefined) throw unsettled(settling.error, verdict, undefined);
    if (doubt !== undefined) unsure = [...unsure, doubt];
    const elapsed = now() - started;
    // The backoff unit is at least one read-write round: windows then scale with GitHub's latency.
    const waitMs = backoffMs(attempt, Math.max(budget.baseMs, now() - roundStarted), budget.maxMs, client.random);
    if (attempt >= budget.maxAttempts || elapsed + waitMs > budget.maxTotalMs) {
      const exhausted = outcome.lost.exhausted(attempt, elapsed);
      if (doubt === undefined) throw exhausted;
      failing = { error: exhausted, write: doubt };
      options.log?.(`${outcome.lost.reason}, and the budget is spent: reading once more to look for the write of round ${attempt}`);
      continue;
    }
    options.log?.(`${outcome.lost.reason}: re-reading in ${waitMs} ms`);
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
