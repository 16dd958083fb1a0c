// How long a run that lost a race waits before it reads again, from the contention it observed. Pure: the race
// loop (race.ts) feeds it what each round saw and took, and draws the waits with the client's random source.
//
// Why this shape (a discrete-event simulation of 2–100 runs racing on one branch, GitHub-like latency, the
// content-creation limit on; README "Contention"): an attempt lands only when no other commit lands between its
// read and its write, so mutations per landed commit grow with the rate at which the runs attempt, times the
// read-and-write round. The runs cannot know how many they are; they see their own losses, and the commits that
// landed between two of their reads. So:
// - the unit is the run's own read-and-write round (GitHub's latency as this run sees it), at least `baseMs`;
// - the first lost round backs off over 8 units (jobs that finish together all lose their first write but one:
//   a run that lost once knows it is not alone), each further lost round doubles the window, up to 64 units;
// - a later round whose read shows the branch busy (at least 2 commits landed since the previous read, holding the
//   branch more than a third of the time) does not write: it doubles the window and reads again later. That read
//   costs no content-creating request, and 50 runs then stay under GitHub's 80 per minute instead of spending
//   their budget on writes that would lose;
// - every wait is full jitter: random(0, window).

/** The tuning, in units of the run's read-and-write round. */
export const CONTENTION = {
  /** Window of the first lost round. */
  firstWindowUnits: 8,
  /** Largest window. */
  maxWindowUnits: 64,
  /** A read that shows at least this many commits landed since the previous one may defer the write… */
  busyCommits: 2,
  /** …when those commits held the branch more than this share of the time (commits × unit ÷ time between reads). */
  busyShare: 1 / 3,
  /** Newest commits a later round reads with its head, to count those that landed since its previous read. */
  history: 40,
} as const;

/** What a read showed: the head, and the newest commits of the branch (head first) when the round read them. */
export interface Sighting {
  readonly head: string;
  readonly recent?: readonly string[];
  /** When the round that read it started. */
  readonly at: number;
}

/** The contention one run observed, and the backoff window it implies. */
export class Contention {
  private unit: number;
  /** The last read-and-write round as measured (the unit is at least `baseMs`; the busy share uses the real time). */
  private round: number | undefined;
  private window = 0;
  private last: Sighting | undefined;
  private lost = false;

  /**
   * @param baseMs smallest unit (a round faster than this counts as this long)
   * @param maxMs largest window, whatever the unit (default: 64 units)
   */
  constructor(
    private readonly baseMs: number,
    private readonly maxMs = Number.POSITIVE_INFINITY,
  ) {
    this.unit = baseMs;
  }

  /** The current unit: the last read-and-write round, at least `baseMs`. */
  get unitMs(): number {
    return this.unit;
  }

  /** The current window (0 before the first lost round). */
  get windowMs(): number {
    return this.window;
  }

  /** A round that wrote took `ms` from its read to the answer of its write. */
  roundTook(ms: number): void {
    this.round = Math.max(1, ms);
    this.unit = Math.max(this.baseMs, ms);
  }

  /**
   * A read before a write: returns the commits that landed since the previous read (undefined when unknown), and
   * whether the branch is too busy to write now (only after a lost round, and only with `recent` to count on).
   */
  sighted(seen: Sighting): { readonly landed: number | undefined; readonly busy: boolean } {
    const previous = this.last;
    this.last = seen;
    if (previous === undefined) return { landed: undefined, busy: false };
    const landed = landedSince(previous.head, seen);
    if (landed === undefined || !this.lost) return { landed, busy: false };
    // Each commit holds the branch for about one read-and-write round: the share of the time it was held.
    const round = this.round ?? this.unit;
    const share = (landed * round) / Math.max(round, seen.at - previous.at);
    return { landed, busy: landed >= CONTENTION.busyCommits && share > CONTENTION.busyShare };
  }

  /** A round lost (or deferred): the window grows; returns a full-jitter wait in it. */
  backoff(random: () => number): number {
    this.lost = true;
    const most = Math.min(this.maxMs, CONTENTION.maxWindowUnits * this.unit);
    this.window = Math.min(most, this.window === 0 ? CONTENTION.firstWindowUnits * this.unit : this.window * 2);
    return Math.floor(random() * this.window);
  }
}

/**
 * Commits that landed on the branch between a read of `before` and `seen`: 0 when the head did not move, the
 * position of `before` among the newest commits `seen` read (GitHub's `history`: git-log order, so a merged
 * branch counts its commits too), at least their number when `before` is not among them, undefined without them.
 */
export function landedSince(before: string, seen: Sighting): number | undefined {
  if (seen.head === before) return 0;
  if (seen.recent === undefined || seen.recent.length === 0) return undefined;
  const at = seen.recent.indexOf(before);
  return at === -1 ? seen.recent.length : at;
}
