// `BENCH_ONLY=contention npm run bench`: N runs of the built action (runAction, N node processes) bump N different
// images of one file at once, in commit mode, against the emulator at GitHub-like latency (reads 250–350 ms, writes
// 900–1,100 ms, each half before and half after it is handled) with GitHub's content-creation limit on (80 per
// minute) and one token for all runs (they share that limit: the worst case). BENCH_CONTENTION=N (default 50).
// Reports what landed, the mutations it took (those the limit refused included), the wall time, lost bumps (a run
// whose image is not at its new tag in the final file) and merges (must be 0). Nothing is staggered: the runs start
// together, and their start-up on this machine spreads them as it does. BENCH_KEEP=1 keeps the repository and prints
// every run's result when a bump was lost.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { freemem, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../__tests__/emulator/index.js';
import { runAction, type ActionRun } from '../__tests__/support/action.js';
import { gitRepo } from '../__tests__/support/repo.js';

const READ_LATENCY = { min: 250, max: 350 };
const WRITE_LATENCY = { min: 900, max: 1100 };
const WRITES_PER_MINUTE = 80;

/** The rounds and requests a run reports on its "Committed … (N round(s), M request(s))" line. */
function roundsOf(run: ActionRun): { rounds: number; requests: number } | undefined {
  const match = /Committed [0-9a-f]+ on \S+ \(parent [0-9a-f]+; (\d+) round\(s\), (\d+) request\(s\)\)/.exec(run.stdout);
  return match ? { rounds: Number(match[1]), requests: Number(match[2]) } : undefined;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

export async function contention(count = Number(process.env.BENCH_CONTENTION ?? 50)): Promise<void> {
  const emu = await startEmulator({ repos: [], latencyMs: READ_LATENCY, writeLatencyMs: WRITE_LATENCY, writesPerMinute: WRITES_PER_MINUTE });
  const lines = Array.from({ length: count }, (_, i) => `    - name: svc${i}\n      image: ghcr.io/acme/svc${i}:1.0.0`).join('\n');
  const dir = gitRepo({ files: { 'apps/prod/pod.yaml': `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n${lines}\n` } });
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  let keep = false;
  let minFreeMb = freemem() / 2 ** 20;
  let maxLoad = loadavg()[0]!;
  const sampler = setInterval(() => {
    minFreeMb = Math.min(minFreeMb, freemem() / 2 ** 20);
    maxLoad = Math.max(maxLoad, loadavg()[0]!);
  }, 1000);
  try {
    await emu.addRepo({ name: 'acme/contention', dir });
    const base = git('rev-parse', 'main');
    emu.resetLog();
    const started = performance.now();
    const durations: number[] = [];
    const runs = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const run = await runAction(
          { repository: 'acme/contention', token: 'bench', images: `ghcr.io/acme/svc${i}:1.1.0`, paths: 'apps/prod/pod.yaml' },
          { env: { GITHUB_API_URL: emu.url } },
        );
        durations.push(performance.now() - started);
        return run;
      }),
    );
    const wallMs = performance.now() - started;
    const final = git('show', 'main:apps/prod/pod.yaml');
    const landed = Number(git('rev-list', '--count', `${base}..main`));
    const merges = git('rev-list', '--merges', `${base}..main`).split('\n').filter((l) => l !== '').length;
    const finalLines = new Set(final.split('\n').map((line) => line.trim()));
    const lost = runs.filter((_, i) => !finalLines.has(`image: ghcr.io/acme/svc${i}:1.1.0`)).length;
    const failed = runs.filter((r) => r.code !== 0);
    const mutations = emu.requests.filter((r) => r.mutation);
    const refused = mutations.filter((r) => r.status === 403 || r.status === 429).length;
    const reads = emu.requests.length - mutations.length;
    const rounds = runs.map(roundsOf).filter((r) => r !== undefined);
    console.log(
      JSON.stringify({
        bench: 'contention',
        runs: count,
        read_latency_ms: `${READ_LATENCY.min}-${READ_LATENCY.max}`,
        write_latency_ms: `${WRITE_LATENCY.min}-${WRITE_LATENCY.max}`,
        writes_per_minute: WRITES_PER_MINUTE,
        landed,
        failed: failed.length,
        lost,
        merges,
        mutations: mutations.length,
        refused_by_limit: refused,
        mutations_per_landed_bump: landed > 0 ? Number((mutations.length / landed).toFixed(2)) : null,
        reads,
        reads_per_run: Number((reads / count).toFixed(2)),
        // As the emulator answered them (injected latency and handling): rounds slower than ~1.3 s come from the machine.
        emulator_read_ms_median: Math.round(percentile(emu.requests.filter((r) => !r.mutation).map((r) => r.ms), 0.5)),
        emulator_write_ms_median: Math.round(percentile(mutations.map((r) => r.ms), 0.5)),
        max_rounds: Math.max(0, ...rounds.map((r) => r.rounds)),
        wall_ms: Math.round(wallMs),
        run_ms_median: Math.round(percentile(durations, 0.5)),
        run_ms_max: Math.round(percentile(durations, 1)),
        goal: '50/50 land, ≤ 3 mutations per landed bump, 0 lost, 0 merges',
        machine: { max_load_1m: Number(maxLoad.toFixed(1)), min_free_mb: Math.round(minFreeMb) },
      }),
    );
    if (lost > 0 && process.env.BENCH_KEEP === '1') {
      console.error(`kept ${dir}`);
      keep = true;
      for (const [i, run] of runs.entries()) console.error(`run ${i}: code ${run.code} changed=${run.outputs.changed} sha=${run.outputs['commit-sha']} ${run.stdout.split('\n').filter((l) => /Committed|Nothing|round|::error/.test(l)).join(' | ')}`);
    }
    for (const run of failed.slice(0, 3)) console.error(`failed run: ${run.stdout.split('\n').filter((l) => l.startsWith('::error')).join(' ') || run.stderr.slice(-500)}`);
  } finally {
    clearInterval(sampler);
    await emu.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
