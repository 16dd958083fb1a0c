// `npm run bench`: benchmarks that print one JSON line each. No network beyond loopback.
//   local-bump: one bump across a generated 10,000-file monorepo (built action, local dry-run, Node 24)
//               next to `grep -rl` over the same tree, measured in the same run (median of N runs each).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runAction, spawnCollect } from '../test/support/action.js';
import { generateMonorepo, serviceName } from './monorepo.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function localBump(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'gitops-bump-bench-'));
  try {
    const files = generateMonorepo(root);
    const target = serviceName(421);
    const actionMs: number[] = [];
    const grepMs: number[] = [];
    let changed = '';
    // Warm the page cache once for both.
    execFileSync('grep', ['-rl', target, root]);
    for (let i = 0; i < runs; i++) {
      grepMs.push(await timeIt(() => spawnCollect('grep', ['-rl', target, root], { PATH: process.env.PATH ?? '' }, root)));
      actionMs.push(
        await timeIt(async () => {
          const run = await runAction({ images: `ghcr.io/acme/${target}:2.0.0`, 'local-path': root, mode: 'dry-run' });
          if (run.code !== 0) throw new Error(`action failed: ${run.stdout}${run.stderr}`);
          changed = run.outputs.changes ?? '';
        }),
      );
    }
    const changes = JSON.parse(changed) as unknown[];
    const a = median(actionMs);
    const g = median(grepMs);
    console.log(
      JSON.stringify({
        bench: 'local-bump',
        files,
        changes: changes.length,
        runs,
        action_ms: Math.round(a),
        grep_ms: Math.round(g),
        ratio: Number((a / g).toFixed(2)),
        goal_ratio: 3,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await localBump();
