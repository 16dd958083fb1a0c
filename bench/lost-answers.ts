// `BENCH_ONLY=lost-answers npm run bench`: sequential bumps through the built action against an emulator that makes
// half of all writes and then loses their answers (postApplyFaultRate 0.5: 502, 504 or a dropped connection). Counts,
// per mode, the runs whose outputs are true (exit 0, changed=true, commit-sha = the one commit the run made: the
// runs are sequential, so the branch's new commits are the run's), the runs that lied (a commit of theirs on the
// branch, yet changed=false, another sha, or exit 1), and duplicate commits (two commits of one run). Figures are
// printed, never asserted.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../__tests__/emulator/index.js';
import { runAction } from '../__tests__/support/action.js';
import { gitRepo } from '../__tests__/support/repo.js';

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

/** The head of `branch`, or undefined when it does not exist. */
function headOf(dir: string, branch: string): string | undefined {
  try {
    return git(dir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`);
  } catch {
    return undefined;
  }
}

export async function lostAnswers(count = 10, seed = 11): Promise<void> {
  for (const mode of ['commit', 'pull-request'] as const) {
    const emu = await startEmulator({ repos: [], postApplyFaultRate: 0.5, seed });
    const dir = gitRepo({ files: { 'apps/prod/pod.yaml': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: api\n      image: ghcr.io/acme/api:1.0.0\n' } });
    const tally = { runs: count, truthful: 0, lied: 0, failed: 0, duplicates: 0 };
    const started = performance.now();
    try {
      await emu.addRepo({ name: 'acme/lost', dir });
      const branch = mode === 'commit' ? 'main' : 'gitops-bump/prod/api';
      for (let i = 1; i <= count; i++) {
        // Runs are sequential: every commit new on the branch is this run's.
        const before = headOf(dir, branch) ?? git(dir, 'rev-parse', 'main');
        const run = await runAction(
          { repository: 'acme/lost', token: 'bench', images: `ghcr.io/acme/api:1.${i}.0`, paths: 'apps/prod/pod.yaml', mode },
          { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: 'acme/lost', GITHUB_RUN_ID: String(1000 + i), GITHUB_RUN_ATTEMPT: '1' } },
        );
        const after = headOf(dir, branch);
        const ours = after === undefined ? [] : git(dir, 'rev-list', `${before}..${after}`).split('\n').filter((l) => l !== '');
        if (ours.length > 1) tally.duplicates += 1;
        const truthful = run.code === 0 && run.outputs.changed === 'true' && ours.length === 1 && run.outputs['commit-sha'] === ours[0];
        if (truthful) tally.truthful += 1;
        else if (ours.length > 0) tally.lied += 1;
        else tally.failed += 1;
      }
      const faults = emu.requests.filter((r) => r.fault?.startsWith('applied-')).length;
      console.log(JSON.stringify({ bench: 'lost-answers', mode, ...tally, answers_lost: faults, requests: emu.requests.length, wall_ms: Math.round(performance.now() - started) }));
    } finally {
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
