// `BENCH_ONLY=contention-sim npm run bench`: a discrete-event simulation of N runs racing compare-and-swap commits on
// one branch, driven by the action's own backoff (src/github/contention.ts; the loop around it mirrors race.ts: the
// time budget, the shortened last wait, the last round that writes whatever it saw, rate-limit waits). In seconds, it
// shows what the wall-clock bench (bench/contention.ts) takes minutes to show, for more sizes and seeds: a read takes
// 250–350 ms and sees the branch in its middle; a write takes 900–1,100 ms and applies in its middle (it lands when the
// head is still the one its round read); GitHub's content-creation limit refuses writes past 80 in any 60 s with
// `retry-after: 60`. BENCH_SIM_SEEDS=N (default 20) seeds per size; sizes 2, 8, 20, 50, 100, each with all runs
// starting at once and spread over 10 s; and 50 runs whose first read is up to 2.5 s late, as on a small machine
// starting them all (the wall-clock bench), since every wait scales with the run's own rounds.
import { Contention, CONTENTION } from '../src/github/contention.js';
import { RACE_DEFAULTS } from '../src/github/race.js';
import { seededRandom } from '../__tests__/emulator/mutex.js';

interface Config {
  readonly runs: number;
  readonly spreadMs: number;
  readonly seed: number;
  readonly read: readonly [number, number];
  readonly write: readonly [number, number];
  readonly writesPerMinute: number;
  readonly budgetMs: number;
  /** Extra time, uniform in [0, startupMs], of each run's first read. */
  readonly startupMs: number;
}


interface Run {
  readonly start: number;
  readonly contention: Contention;
  roundStarted: number;
  attempt: number;
  done: boolean;
}

export function simulate(config: Config): { landed: number; failed: number; mutations: number; refused: number; reads: number; wallMs: number } {
  const random = seededRandom(config.seed);
  const between = ([a, b]: readonly [number, number]) => a + random() * (b - a);
  const queue: { at: number; then: () => void }[] = [];
  const at = (time: number, then: () => void) => {
    queue.push({ at: time, then });
    queue.sort((x, y) => x.at - y.at);
  };
  let now = 0;
  let head = 0;
  const chain: number[] = [0];
  const accepted: number[] = [];
  const totals = { landed: 0, failed: 0, mutations: 0, refused: 0, reads: 0, wallMs: 0 };

  const again = (run: Run, waitMs: number) => {
    const left = config.budgetMs - (now - run.start) - run.contention.unitMs;
    if (left < 0) {
      totals.failed += 1;
      return;
    }
    at(now + Math.min(waitMs, left), () => round(run));
  };

  const round = (run: Run) => {
    run.attempt += 1;
    run.roundStarted = now;
    // A process that has just started answers its first read late (connection, and CPU when many start at once).
    const read = between(config.read) + (run.attempt === 1 ? random() * config.startupMs : 0);
    at(now + read / 2, () => {
      const seen = head;
      const recent = run.attempt > 1 ? chain.slice(-CONTENTION.history).reverse().map(String) : undefined;
      totals.reads += 1;
      at(now + read / 2, () => {
        const sighting = run.contention.sighted({ head: String(seen), recent, at: run.roundStarted });
        const last = config.budgetMs - (now - run.start) < 2 * run.contention.unitMs;
        if (sighting.busy && !last) {
          again(run, run.contention.backoff(random));
          return;
        }
        const write = between(config.write);
        totals.mutations += 1;
        at(now + write / 2, () => {
          while (accepted.length > 0 && now - accepted[0]! >= 60_000) accepted.shift();
          const limited = accepted.length >= config.writesPerMinute;
          const landed = !limited && head === seen;
          if (limited) totals.refused += 1;
          else accepted.push(now);
          if (landed) {
            head += 1;
            chain.push(head);
          }
          at(now + write / 2, () => {
            run.contention.roundTook(now - run.roundStarted);
            if (landed) {
              totals.landed += 1;
              totals.wallMs = Math.max(totals.wallMs, now);
              run.done = true;
            } else if (limited) {
              const asked = 60_000;
              if (asked > config.budgetMs - (now - run.start) - run.contention.unitMs) totals.failed += 1;
              else again(run, asked + run.contention.backoff(random));
            } else again(run, run.contention.backoff(random));
          });
        });
      });
    });
  };

  for (let i = 0; i < config.runs; i++) {
    const run: Run = { start: random() * config.spreadMs, contention: new Contention(RACE_DEFAULTS.baseMs, RACE_DEFAULTS.maxMs), roundStarted: 0, attempt: 0, done: false };
    at(run.start, () => round(run));
  }
  while (queue.length > 0) {
    const next = queue.shift()!;
    now = next.at;
    next.then();
  }
  return totals;
}

export function contentionSimulation(seeds = Number(process.env.BENCH_SIM_SEEDS ?? 20)): void {
  const cases = [2, 8, 20, 50, 100].flatMap((runs) => [0, 10_000].map((spreadMs) => ({ runs, spreadMs, startupMs: 0 })));
  // What a 2-core machine does to 50 processes started at once: their first read takes up to 2.5 s longer.
  cases.push({ runs: 50, spreadMs: 0, startupMs: 2500 });
  for (const { runs, spreadMs, startupMs } of cases) {
    const results = Array.from({ length: seeds }, (_, i) =>
      simulate({ runs, spreadMs, startupMs, seed: i + 1, read: [250, 350], write: [900, 1100], writesPerMinute: 80, budgetMs: RACE_DEFAULTS.maxTotalMs }),
    );
    const mean = (pick: (r: (typeof results)[number]) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
    const most = (pick: (r: (typeof results)[number]) => number) => Math.max(...results.map(pick));
    console.log(
      JSON.stringify({
        bench: 'contention-sim',
        runs,
        start_spread_s: spreadMs / 1000,
        first_read_extra_s: `0-${startupMs / 1000}`,
        seeds,
        landed: Number(mean((r) => r.landed).toFixed(2)),
        failed: Number(mean((r) => r.failed).toFixed(2)),
        mutations_per_landed_bump: Number(mean((r) => r.mutations / r.landed).toFixed(2)),
        mutations_per_landed_bump_max: Number(most((r) => r.mutations / r.landed).toFixed(2)),
        refused_by_limit: Number(mean((r) => r.refused).toFixed(2)),
        reads_per_run: Number(mean((r) => r.reads / runs).toFixed(2)),
        wall_s: Number((mean((r) => r.wallMs) / 1000).toFixed(0)),
        wall_s_max: Number((most((r) => r.wallMs) / 1000).toFixed(0)),
      }),
    );
  }
}
