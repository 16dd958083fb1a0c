// `npm run bench`: benchmarks that print one JSON line each. No network beyond loopback.
//   local-bump      one bump across a generated 10,000-file monorepo (built action, local dry-run, Node 24)
//                   next to `grep -rl` over the same tree, measured in the same run (median of BENCH_RUNS).
//   api-*           requests and wall time per scenario against the emulator at 100 ms injected latency.
//   contention      mutations per landed bump when 20 runs bump one file at once.
//   scale           the soaks `npm test` runs small: 3,000 manifests bumped in one local run under a 256 MB heap,
//                   and the API requests of one bump of 40, 240 and 1,000 files (goal: ceil(n/100) + 3).
//   byte-exactness  corpus files a load-then-dump edit (what yq-style tools do) changes beyond the tag, vs ours.
// BENCH_ONLY=local-bump,contention selects scenarios.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulator, type Emulator } from '../__tests__/emulator/index.js';
import { repoRoot, runAction, spawnCollect } from '../__tests__/support/action.js';
import { gitRepo } from '../__tests__/support/repo.js';
import { byteExactness } from './compare.js';
import { generateMonorepo, serviceName } from './monorepo.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const only = process.env.BENCH_ONLY?.split(',');
const selected = (name: string) => !only || only.includes(name);

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
    execFileSync('grep', ['-rl', target, root]); // warm the page cache for both
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
    const a = median(actionMs);
    const g = median(grepMs);
    console.log(
      JSON.stringify({
        bench: 'local-bump',
        files,
        changes: (JSON.parse(changed) as unknown[]).length,
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

interface Scenario {
  readonly name: string;
  readonly inputs: Record<string, string>;
}

async function apiScenarios(): Promise<void> {
  const emu = await startEmulator({ repos: [], latencyMs: 100 });
  const dirs: string[] = [];
  try {
    let n = 0;
    const fresh = async (): Promise<string> => {
      const dir = gitRepo({ source: join(repoRoot, 'examples/gitops-repo') });
      dirs.push(dir);
      const name = `acme/bench-${++n}`;
      await emu.addRepo({ name, dir });
      return name;
    };
    const measure = async (emulator: Emulator, name: string, scenario: Scenario): Promise<void> => {
      emulator.resetLog();
      let code = 0;
      let operation = '';
      const ms = await timeIt(async () => {
        const run = await runAction({ repository: name, token: 'bench', ...scenario.inputs }, { env: { GITHUB_API_URL: emulator.url } });
        code = run.code;
        operation = run.outputs['pull-request-operation'] || (run.outputs.changed === 'true' ? 'committed' : 'no-op');
      });
      const requests = emulator.requests.length;
      const mutations = emulator.requests.filter((r) => r.mutation).length;
      console.log(JSON.stringify({ bench: `api-${scenario.name}`, latency_ms: 100, requests, mutations, wall_ms: Math.round(ms), exit: code, result: operation }));
    };
    const explicit = { images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/kustomization.yaml' };
    const glob = { images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/**' };
    const wide = { images: 'ghcr.io/acme/api:1.5.0', paths: '**/*.yaml' };
    let repo = await fresh();
    await measure(emu, repo, { name: 'commit-explicit-path', inputs: explicit });
    await measure(emu, repo, { name: 'noop-explicit-path', inputs: explicit });
    repo = await fresh();
    await measure(emu, repo, { name: 'commit-glob', inputs: glob });
    await measure(emu, repo, { name: 'noop-glob', inputs: glob });
    repo = await fresh();
    await measure(emu, repo, { name: 'commit-whole-repo-glob', inputs: wide });
    repo = await fresh();
    await measure(emu, repo, { name: 'pr-create-with-label', inputs: { ...explicit, mode: 'pull-request', 'pr-labels': 'deploy' } });
    await measure(emu, repo, { name: 'pr-update', inputs: { ...explicit, images: 'ghcr.io/acme/api:1.6.0', mode: 'pull-request' } });
    await measure(emu, repo, { name: 'pr-unchanged', inputs: { ...explicit, images: 'ghcr.io/acme/api:1.6.0', mode: 'pull-request' } });
  } finally {
    await emu.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

async function contention(count = 20): Promise<void> {
  const emu = await startEmulator({ repos: [] });
  const lines = Array.from({ length: count }, (_, i) => `    - name: svc${i}\n      image: ghcr.io/acme/svc${i}:1.0.0`).join('\n');
  const dir = gitRepo({ files: { 'apps/prod/pod.yaml': `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n${lines}\n` } });
  try {
    await emu.addRepo({ name: 'acme/contention', dir });
    emu.resetLog();
    const ms = await timeIt(() =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          runAction({ repository: 'acme/contention', token: 'bench', images: `ghcr.io/acme/svc${i}:1.1.0`, paths: 'apps/prod/pod.yaml' }, { env: { GITHUB_API_URL: emu.url } }),
        ),
      ).then((all) => {
        const failed = all.filter((r) => r.code !== 0).length;
        if (failed > 0) throw new Error(`${failed} runs failed`);
      }),
    );
    const mutations = emu.requests.filter((r) => r.mutation).length;
    const landed = Number(execFileSync('git', ['-C', dir, 'rev-list', '--count', 'main'], { encoding: 'utf8' })) - 1;
    console.log(
      JSON.stringify({
        bench: 'contention',
        runs: count,
        landed,
        mutations,
        mutations_per_landed_bump: Number((mutations / landed).toFixed(2)),
        naive_worst_case: (count * (count + 1)) / 2,
        requests: emu.requests.length,
        wall_ms: Math.round(ms),
      }),
    );
  } finally {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Pod manifest running `image`. */
function pod(image: string, name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: ${name}\n      image: ${image}\n`;
}

async function scale(): Promise<void> {
  const OLD = 'ghcr.io/acme/api:1.0.0';
  const NEW = 'ghcr.io/acme/api:1.1.0';
  // Local: 3,000 manifests (and 3,000 files that do not mention the image), all bumped in one run.
  const root = mkdtempSync(join(tmpdir(), 'gitops-bump-bench-scale-'));
  try {
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const id = String(i).padStart(4, '0');
      for (const [file, text] of [['deploy.yaml', pod(OLD, `svc${id}`)], ['service.yaml', `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc${id}\n`]] as const) {
        const path = join(root, `apps/svc${id}/prod`, file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
    }
    let changes = 0;
    const ms = await timeIt(async () => {
      const run = await runAction({ images: NEW, paths: 'apps/*/prod/**', 'local-path': root }, { env: { NODE_OPTIONS: '--max-old-space-size=256' } });
      if (run.code !== 0) throw new Error(`scale-local: the action failed: ${run.stdout.slice(-2000)}${run.stderr}`);
      changes = (JSON.parse(run.outputs.changes!) as unknown[]).length;
    });
    const written = Array.from({ length: n }, (_, i) => String(i).padStart(4, '0')).filter(
      (id) => readFileSync(join(root, `apps/svc${id}/prod/deploy.yaml`), 'utf8') === pod(NEW, `svc${id}`),
    ).length;
    if (changes !== n || written !== n) throw new Error(`scale-local: ${changes} changes and ${written} files written for ${n} manifests`);
    console.log(JSON.stringify({ bench: 'scale-local', files: 2 * n, changes, heap_mb: 256, wall_ms: Math.round(ms) }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  // API: the requests of one bump grow by one read per 100 files, not per file.
  const emu = await startEmulator({ repos: [] });
  const dirs: string[] = [];
  try {
    for (const n of [40, 240, 1000]) {
      const files: Record<string, string> = {};
      for (let i = 0; i < n; i++) files[`apps/prod/svc${String(i).padStart(4, '0')}.yaml`] = pod(OLD, `svc${i}`);
      const dir = gitRepo({ files });
      dirs.push(dir);
      const name = `acme/scale-${n}`;
      await emu.addRepo({ name, dir });
      emu.resetLog();
      let changes = 0;
      const ms = await timeIt(async () => {
        const run = await runAction({ images: NEW, repository: name, token: 'bench', paths: 'apps/prod/*.yaml' }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });
        if (run.code !== 0) throw new Error(`scale-api: the action failed on ${n} files: ${run.stdout.slice(-2000)}${run.stderr}`);
        changes = (JSON.parse(run.outputs.changes!) as unknown[]).length;
      });
      const requests = emu.requests.length;
      const goal = Math.ceil(n / 100) + 3;
      console.log(
        JSON.stringify({ bench: 'scale-api', files: n, changes, requests, mutations: emu.requests.filter((r) => r.mutation).length, goal_max_requests: goal, wall_ms: Math.round(ms) }),
      );
      if (changes !== n || requests > goal) throw new Error(`scale-api: ${changes} changes in ${requests} requests for ${n} files (goal ≤ ${goal})`);
    }
  } finally {
    await emu.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

if (selected('local-bump')) await localBump();
if (selected('api')) await apiScenarios();
if (selected('contention')) await contention();
if (selected('scale')) await scale();
if (selected('byte-exactness')) console.log(JSON.stringify({ bench: 'byte-exactness', ...byteExactness(join(repoRoot, '__tests__/corpus/real-world')) }));
