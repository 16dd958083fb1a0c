// BENCH_ONLY=api, scenario commit-with-provenance: what reading what a bump ships costs. A source repository
// (acme/src) has a range of R commits, two of them merges of pull requests made through the API; the GitOps
// repository's prod API reference is bumped from 1.3.2 (tag v1.3.2 at the range's start) to 1.5.0 built at its tip
// (past 250 commits, GitHub's compare lists the newest 250: their pull requests are the ones listed).
// Printed per R: the run's requests and those without provenance (`source-repository: none`), at 100 ms latency.
// The goal is ≤ 3 extra requests, whatever R.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Octokit } from '@octokit/rest';
import { startEmulator } from '../__tests__/emulator/index.js';
import { repoRoot, runAction } from '../__tests__/support/action.js';
import { git, gitRepo } from '../__tests__/support/repo.js';

/** `count` commits on main of `dir` in one fast-import stream. */
function commits(dir: string, count: number): void {
  const from = git(dir, 'rev-parse', 'main');
  const stream = Array.from({ length: count }, (_, i) => {
    const message = `change ${i}`;
    return `commit refs/heads/main\ncommitter Dev <dev@example.com> ${1700000000 + i} +0000\ndata ${message.length}\n${message}\n${i === 0 ? `from ${from}\n` : ''}M 644 inline n.txt\ndata ${String(i).length + 1}\n${i}\n`;
  }).join('\n');
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: stream });
}

export async function provenanceBench(): Promise<void> {
  const emu = await startEmulator({ repos: [], latencyMs: 100 });
  const dirs: string[] = [];
  try {
    for (const range of [3, 300]) {
      const source = gitRepo({ files: { 'n.txt': 'start\n' } });
      dirs.push(source);
      const name = `acme/src-${range}`;
      await emu.addRepo({ name, dir: source, isPrivate: false });
      git(source, 'tag', 'v1.3.2', 'main');
      commits(source, range - 2);
      const rest = new Octokit({ auth: 'bench', baseUrl: emu.url });
      for (const i of [1, 2]) {
        const main = git(source, 'rev-parse', 'main');
        const work = git(source, 'commit-tree', '-p', main, '-m', `work ${i}`, `${main}^{tree}`);
        git(source, 'update-ref', `refs/heads/pr-${i}`, work);
        const { data: pr } = await rest.pulls.create({ owner: 'acme', repo: name.split('/')[1]!, head: `pr-${i}`, base: 'main', title: `PR ${i}` });
        await rest.pulls.merge({ owner: 'acme', repo: name.split('/')[1]!, pull_number: pr.number });
      }
      const tip = git(source, 'rev-parse', 'main');
      const counts: Record<string, number> = {};
      let ms = 0;
      let shipped = '';
      for (const provenance of ['none', name]) {
        const gitops = gitRepo({ source: join(repoRoot, 'examples/gitops-repo') });
        dirs.push(gitops);
        const target = `acme/bench-prov-${range}-${provenance === 'none' ? 'off' : 'on'}`;
        await emu.addRepo({ name: target, dir: gitops });
        emu.resetLog();
        const t0 = performance.now();
        const run = await runAction(
          { repository: target, token: 'bench', images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/kustomization.yaml', 'source-repository': provenance },
          { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name, GITHUB_SHA: tip, GITHUB_RUN_ID: '1' } },
        );
        if (run.code !== 0) throw new Error(`commit-with-provenance: the action failed: ${run.stdout.slice(-2000)}${run.stderr}`);
        counts[provenance === 'none' ? 'without' : 'with'] = emu.requests.length;
        if (provenance !== 'none') {
          ms = performance.now() - t0;
          shipped = run.outputs.shipped ?? '';
        }
      }
      const pulls = (JSON.parse(shipped) as { pullRequests: unknown[] }[])[0]?.pullRequests.length ?? 0;
      console.log(
        JSON.stringify({
          bench: 'api-commit-with-provenance',
          latency_ms: 100,
          range_commits: Number(git(source, 'rev-list', '--count', `v1.3.2..${tip}`)),
          requests: counts.with,
          requests_without_provenance: counts.without,
          extra: counts.with! - counts.without!,
          goal_max_extra: 3,
          merged_pulls_listed: pulls,
          wall_ms: Math.round(ms),
        }),
      );
    }
  } finally {
    await emu.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
