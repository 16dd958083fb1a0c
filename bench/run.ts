// `npm run bench`: benchmarks that print one JSON line each. No network beyond loopback.
//   local-bump      one bump across the generated 10,000-file tree of monorepo.ts (`generateMonorepo`, every
//                   service a distinct `svc-NNNN` image; built action, local dry-run, Node 24) next to `grep -rlF`
//                   (and `rg -lF` when ripgrep is installed) for the service name over the same tree, measured in the
//                   same run (medians of BENCH_RUNS), with the action's peak RSS.
//   local-monorepo  the same comparison on issue 13's monorepo (`generateServices`: 5 environments × N services, a
//                   kustomization and a Helm values file each) for a long image name (ghcr.io/acme/svc7: its text is
//                   only in svc7-named services) and a short one (ghcr.io/acme/api: `api` is in every `apiVersion:`),
//                   grep/rg searching the full repository string, at 10,000, 50,000 and 100,000 files. The
//                   100,000-file tree takes ~2 minutes on a quiet 2-core machine at BENCH_RUNS=7 (generation 10–30 s,
//                   0.6 GB of small files in a temp dir); BENCH_LARGE=0 skips it, BENCH_MONOREPO_FILES=10000,50000
//                   picks the sizes. Peak memory: the action's own max RSS (getrusage at exit, via bench/peak-rss.mjs,
//                   preloaded in runs of their own so it never adds to a timed run). The action's runs share one V8
//                   compile cache (warm after the first: a second bump on one machine); `action_cold_ms` is the same
//                   run with an empty cache each time (a job's first bump on a fresh hosted runner). On a machine with
//                   more than one core the action reads with its reader threads (GITOPS_BUMP_READERS sets how many).
//   api-*           requests and wall time per scenario against the emulator at 100 ms injected latency (commit and
//                   pull-request modes; a PR's convergence after a killed run; a shared pr-branch rebuilt; a chart
//                   whose Flux source is selected, and one whose source is outside `paths`).
//   api-scale       one bump of every file of a 1,000- and a 5,000-file repository (packed, as hosted ones are)
//                   over the API without injected latency: requests, wall time, and the emulator's share of it (time
//                   with at least one request in its hands, from the request log; split into reads and writes), so
//                   the number is the action's.
//   emulator-reads  the emulator's own cost per request: snapshot reads of a 1,000-file repository (bench/emulator.ts).
//   lost-answers    10 sequential bumps per mode with half of all writes made and their answers lost: runs whose
//                   outputs are true, runs that lied, duplicate commits (bench/lost-answers.ts; BENCH_SEED=11).
//   contention      50 runs of the built action bump 50 images of one file at once, at GitHub-like latency (reads
//                   ~300 ms, writes ~1 s) with the content-creation limit on (80/min, one token): landed, mutations per
//                   landed bump, wall time, lost, merges (bench/contention.ts; BENCH_CONTENTION=N sizes it).
//   contention-sim  the same race simulated in seconds with the action's own backoff (bench/contention-sim.ts), for
//                   2 to 100 runs, started at once or over 10 s.
//   scale           the soaks `npm test` runs small: 3,000 manifests bumped in one local run under a 256 MB heap,
//                   and the API requests of one bump of 40, 240 and 1,000 files (goal: ceil(n/100) + 3).
//   local-charts    one chart bump across a Flux fleet (base HelmRelease + 3 environment patches per service,
//                   bench/charts.ts) next to the same run bumping the image: wall time and files read.
//   byte-exactness  corpus files a load-then-dump edit (what yq-style tools do) changes beyond the tag, vs ours.
// BENCH_ONLY=local-bump,contention selects scenarios. Generated trees live in temp dirs, removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startEmulator, type Emulator, type RequestRecord } from '../__tests__/emulator/index.js';
import { repoRoot, runAction, spawnCollect } from '../__tests__/support/action.js';
import { CHART_REPO } from '../__tests__/support/charts.js';
import { gitRepo } from '../__tests__/support/repo.js';
import { commitOnTop } from '../__tests__/unit/github/helpers.js';
import { localCharts } from './charts.js';
import { byteExactness } from './compare.js';
import { contention } from './contention.js';
import { contentionSimulation } from './contention-sim.js';
import { emulatorReads } from './emulator.js';
import { lostAnswers } from './lost-answers.js';
import { provenanceBench } from './provenance.js';
import { generateMonorepo, generateServices, serviceName } from './monorepo.js';

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

const peakRssPreload = pathToFileURL(fileURLToPath(new URL('./peak-rss.mjs', import.meta.url))).href;
const hasRipgrep = spawnSync('rg', ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs `command` and returns the number of lines it printed (grep/rg -l: files matched). */
async function countLines(command: string, args: readonly string[], cwd: string): Promise<number> {
  const run = await spawnCollect(command, args, { PATH: process.env.PATH ?? '' }, cwd);
  if (run.code > 1) throw new Error(`${command} failed (${run.code}): ${run.stderr.slice(0, 500)}`);
  return run.stdout.split('\n').filter((l) => l.length > 0).length;
}

/**
 * The built action (local dry-run bumping `image` under `root`) next to `grep -rlF search` and `rg -lF search`
 * over the same tree, interleaved, BENCH_RUNS times; medians, and the action's highest peak RSS.
 */
async function compareLocal(root: string, image: string, search: string): Promise<Record<string, number>> {
  const grepArgs = ['-rlF', search, root];
  const rgArgs = ['-lF', '--no-config', search, root];
  await countLines('grep', grepArgs, root); // warm the page cache for all
  const actionMs: number[] = [];
  const coldMs: number[] = [];
  const grepMs: number[] = [];
  const rgMs: number[] = [];
  let grepFiles = 0;
  let rgFiles = 0;
  let changes = 0;
  let peakKb = 0;
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-bump-bench-rss-'));
  // Timed runs are the action as the runner starts it; peak memory is measured in runs of their own (a preloaded
  // module writes getrusage's peak at exit), so the preload never adds to a time.
  const action = async (cache: string, rssFile?: string): Promise<number> =>
    timeIt(async () => {
      const rss: Record<string, string> = rssFile ? { NODE_OPTIONS: `--import=${peakRssPreload}`, BENCH_RSS_FILE: rssFile } : {};
      const run = await runAction({ images: image, 'local-path': root, mode: 'dry-run' }, { env: { ...rss, NODE_COMPILE_CACHE: cache } });
      if (run.code !== 0) throw new Error(`action failed: ${run.stdout.slice(-2000)}${run.stderr}`);
      changes = (JSON.parse(run.outputs.changes ?? '[]') as unknown[]).length;
    });
  const loadBefore = loadavg()[0]!;
  try {
    await action(join(scratch, 'cache')); // fills the shared compile cache
    for (let i = 0; i < runs; i++) {
      grepMs.push(await timeIt(async () => (grepFiles = await countLines('grep', grepArgs, root))));
      if (hasRipgrep) rgMs.push(await timeIt(async () => (rgFiles = await countLines('rg', rgArgs, root))));
      actionMs.push(await action(join(scratch, 'cache')));
      coldMs.push(await action(join(scratch, `cache-${i}`)));
    }
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const rssFile = join(scratch, `rss-${i}`);
      await action(join(scratch, 'cache'), rssFile);
      peakKb = Math.max(peakKb, Number(readFileSync(rssFile, 'utf8')));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const a = median(actionMs);
  const c = median(coldMs);
  const g = median(grepMs);
  const result: Record<string, number> = {
    changes,
    grep_files: grepFiles,
    runs,
    action_ms: Math.round(a),
    grep_ms: Math.round(g),
    ratio: Number((a / g).toFixed(2)),
    action_cold_ms: Math.round(c),
    ratio_cold: Number((c / g).toFixed(2)),
    // The machine's 1-minute load average before and after (other work on it skews every figure).
    load_before: Number(loadBefore.toFixed(2)),
    load_after: Number(loadavg()[0]!.toFixed(2)),
  };
  if (hasRipgrep) {
    const r = median(rgMs);
    Object.assign(result, { rg_files: rgFiles, rg_ms: Math.round(r), ratio_rg: Number((a / r).toFixed(2)) });
  }
  result.peak_rss_mb = Number((peakKb / 1024).toFixed(1));
  return result;
}

async function localBump(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'gitops-bump-bench-'));
  try {
    const files = generateMonorepo(root);
    const target = serviceName(421);
    const result = await compareLocal(root, `ghcr.io/acme/${target}:2.0.0`, target);
    console.log(JSON.stringify({ bench: 'local-bump', files, ...result, goal_ratio: 3, ...(hasRipgrep ? {} : { rg: 'not installed' }) }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** File counts of the local-monorepo trees (multiples of 10: 5 environments × 2 files per service). */
function monorepoSizes(): number[] {
  const listed = process.env.BENCH_MONOREPO_FILES;
  if (listed) return listed.split(',').map((n) => Number(n));
  return process.env.BENCH_LARGE === '0' ? [10_000, 50_000] : [10_000, 50_000, 100_000];
}

async function localMonorepo(): Promise<void> {
  for (const size of monorepoSizes()) {
    if (!Number.isInteger(size) || size <= 0 || size % 10 !== 0) throw new Error(`BENCH_MONOREPO_FILES: ${size} is not a positive multiple of 10`);
    const root = mkdtempSync(join(tmpdir(), 'gitops-bump-bench-monorepo-'));
    try {
      const started = performance.now();
      const files = generateServices(root, size / 10);
      const generateMs = Math.round(performance.now() - started);
      for (const repository of ['ghcr.io/acme/svc7', 'ghcr.io/acme/api']) {
        const result = await compareLocal(root, `${repository}:2.0.0`, repository);
        console.log(
          JSON.stringify({
            bench: 'local-monorepo',
            files,
            image: repository,
            ...result,
            goal_ratio: files >= 50_000 ? 1.5 : 2,
            ...(files >= 100_000 ? { goal_peak_rss_mb: 150 } : {}),
            ...(hasRipgrep ? {} : { rg: 'not installed' }),
            generate_ms: generateMs,
          }),
        );
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
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
    const fresh = async (options: { labels?: string[]; autoMergeAllowed?: boolean } = {}): Promise<string> => {
      const dir = gitRepo({ source: join(repoRoot, 'examples/gitops-repo') });
      dirs.push(dir);
      const name = `acme/bench-${++n}`;
      await emu.addRepo({ name, dir, ...options });
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
    await measure(emu, repo, { name: 'noop-whole-repo-glob', inputs: wide });
    repo = await fresh();
    await measure(emu, repo, { name: 'pr-create-with-label', inputs: { ...explicit, mode: 'pull-request', 'pr-labels': 'deploy' } });
    await measure(emu, repo, { name: 'pr-update', inputs: { ...explicit, images: 'ghcr.io/acme/api:1.6.0', mode: 'pull-request' } });
    await measure(emu, repo, { name: 'pr-unchanged', inputs: { ...explicit, images: 'ghcr.io/acme/api:1.6.0', mode: 'pull-request' } });
    // Convergence: a PR with every decoration asked; one whose follow-up failed (a killed run), repaired; steady.
    const decorated = { ...explicit, mode: 'pull-request', 'pr-labels': 'deploy', 'pr-reviewers': 'alice', 'pr-team-reviewers': 'sre', 'pr-assignees': 'carol', 'auto-merge': 'squash' };
    repo = await fresh({ labels: ['deploy'], autoMergeAllowed: true });
    await measure(emu, repo, { name: 'pr-create-decorated', inputs: decorated });
    await measure(emu, repo, { name: 'pr-decorated-unchanged', inputs: decorated });
    repo = await fresh({ labels: ['deploy'], autoMergeAllowed: true });
    emu.addFault({ operation: /addLabelsToLabelable/, kind: 'not-resolvable', times: Infinity });
    await runAction({ repository: repo, token: 'bench', ...decorated }, { env: { GITHUB_API_URL: emu.url } });
    emu.clearFaults();
    await measure(emu, repo, { name: 'pr-repair-after-kill', inputs: decorated });
    // A shared pr-branch: a second job folds its image in; the base then moves in the file both change: a rebuild.
    const shared = { ...explicit, mode: 'pull-request', 'pr-branch': 'gitops-bump/prod/shared' };
    repo = await fresh();
    await runAction({ repository: repo, token: 'bench', ...shared }, { env: { GITHUB_API_URL: emu.url } });
    await measure(emu, repo, { name: 'pr-shared-second-job', inputs: { ...shared, images: 'ghcr.io/acme/api-migrations:1.5.0' } });
    const dir = dirs[dirs.length - 1]!;
    const file = 'apps/api/overlays/prod/kustomization.yaml';
    commitOnTop(dir, 'main', file, readFileSync(join(dir, file), 'utf8').replace('namespace: api-prod', 'namespace: api-production'), 'base moves');
    await measure(emu, repo, { name: 'pr-shared-rebuild', inputs: { ...shared, images: 'ghcr.io/acme/api:1.6.0' } });
    // Charts (issue 14): a HelmRelease whose HelmRepository is selected, then one whose HelmRepository is outside
    // `paths` (looked for in the repository: a listing of its file names and one read of those named like sources).
    const chartRepo = async (): Promise<string> => {
      const chartDir = gitRepo({ files: { ...CHART_REPO } });
      dirs.push(chartDir);
      const name = `acme/bench-${++n}`;
      await emu.addRepo({ name, dir: chartDir });
      return name;
    };
    repo = await chartRepo();
    await measure(emu, repo, { name: 'commit-chart-source-selected', inputs: { charts: 'oci://ghcr.io/acme/charts/api:1.5.0', paths: 'clusters/prod/**\ninfrastructure/**' } });
    repo = await chartRepo();
    await measure(emu, repo, { name: 'commit-chart-source-outside-paths', inputs: { charts: 'oci://ghcr.io/acme/charts/api:1.5.0', paths: 'clusters/prod/**' } });
    await measure(emu, repo, { name: 'noop-chart-source-outside-paths', inputs: { charts: 'oci://ghcr.io/acme/charts/api:1.5.0', paths: 'clusters/prod/**' } });
  } finally {
    await emu.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
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

/** Milliseconds during which at least one of `requests` was in the emulator's hands (union of their intervals). */
function busyMs(requests: readonly RequestRecord[]): number {
  const spans = requests.map((r) => [r.startedAt, r.startedAt + r.ms] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

async function apiScale(): Promise<void> {
  const OLD = 'ghcr.io/acme/api:1.0.0';
  const NEW = 'ghcr.io/acme/api:1.1.0';
  // No injected latency: every millisecond the emulator spends is its own work.
  const emu = await startEmulator({ repos: [] });
  let repos = 0;
  try {
    for (const n of [1000, 5000]) {
      const wall: number[] = [];
      const busy: number[] = [];
      const readMs: number[] = [];
      const writeMs: number[] = [];
      const shares: number[] = [];
      let requests = 0;
      let mutations = 0;
      let changes = 0;
      for (let i = 0; i < runs; i++) {
        const files: Record<string, string> = {};
        for (let s = 0; s < n; s++) files[`apps/svc${String(s).padStart(4, '0')}/prod/deploy.yaml`] = pod(OLD, `svc${s}`);
        const dir = gitRepo({ files });
        // Packed, as a hosted repository is: thousands of loose objects would make this git's benchmark.
        execFileSync('git', ['-C', dir, 'repack', '-a', '-d', '-q']);
        execFileSync('git', ['-C', dir, 'prune-packed']);
        try {
          const name = `acme/api-scale-${++repos}`;
          await emu.addRepo({ name, dir });
          emu.resetLog();
          wall.push(
            await timeIt(async () => {
              const run = await runAction({ images: NEW, repository: name, token: 'bench', paths: 'apps/*/prod/*.yaml' }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });
              if (run.code !== 0) throw new Error(`api-scale: the action failed on ${n} files: ${run.stdout.slice(-2000)}${run.stderr}`);
              changes = (JSON.parse(run.outputs.changes!) as unknown[]).length;
            }),
          );
          busy.push(busyMs(emu.requests));
          readMs.push(busyMs(emu.requests.filter((r) => !r.mutation)));
          writeMs.push(busyMs(emu.requests.filter((r) => r.mutation)));
          shares.push(busy.at(-1)! / wall.at(-1)!);
          requests = emu.requests.length;
          mutations = emu.requests.filter((r) => r.mutation).length;
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      const w = median(wall);
      const e = median(busy);
      console.log(
        JSON.stringify({
          bench: 'api-scale',
          files: n,
          changes,
          requests,
          mutations,
          latency_ms: 0,
          runs,
          wall_ms: Math.round(w),
          emulator_ms: Math.round(e),
          emulator_read_ms: Math.round(median(readMs)),
          emulator_write_ms: Math.round(median(writeMs)),
          emulator_share: Number(median(shares).toFixed(2)),
          action_ms: Math.round(w - e),
        }),
      );
    }
  } finally {
    await emu.stop();
  }
}

if (selected('local-bump')) await localBump();
if (selected('local-monorepo')) await localMonorepo();
if (selected('local-charts')) await localCharts(runs);
if (selected('api')) {
  await apiScenarios();
  await provenanceBench();
}
if (selected('api-scale')) await apiScale();
if (selected('emulator-reads')) await emulatorReads(runs);
if (selected('contention')) await contention();
if (selected('lost-answers')) await lostAnswers(10, Number(process.env.BENCH_SEED ?? 11));
if (selected('contention-sim')) contentionSimulation();
if (selected('scale')) await scale();
if (selected('byte-exactness')) console.log(JSON.stringify({ bench: 'byte-exactness', ...byteExactness(join(repoRoot, '__tests__/corpus/real-world')) }));
