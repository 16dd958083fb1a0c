// `npm run demo`: runs the built action (dist/index.js) as the runner would, on examples/gitops-repo:
//   1. local dry-run mode on a copy of the folder: the log, the outputs and the job summary with its diff;
//   2. API mode against the local GitHub emulator (loopback only): a commit, then the identical re-run
//      (a no-op), printing the commit as `git` sees it and the job summary.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../__tests__/emulator/index.js';
import { repoRoot, runAction, type ActionRun } from '../__tests__/support/action.js';

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const rule = (title: string): void => console.log(`\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 72 - title.length))}`)}`);

function print(run: ActionRun, hide: string): void {
  rule(`log (exit ${run.code})`);
  const log = (run.stdout + run.stderr).split('\n').filter((l) => !/^::(debug|add-mask)::/.test(l));
  process.stdout.write(log.join('\n').replaceAll(hide, '<repo>'));
  rule('outputs');
  for (const [k, v] of Object.entries(run.outputs)) console.log(`${k}=${v}`);
  rule('job summary (GITHUB_STEP_SUMMARY)');
  console.log(run.summary.replaceAll(hide, 'examples/gitops-repo'));
}

const images = 'ghcr.io/acme/api:1.5.0, ghcr.io/acme/web:2.11, ghcr.io/acme/worker:0.9.2';
const paths = 'apps/**/prod/**\napps/web/values-prod.yaml\nargocd/**\ncharts/**';
const work = mkdtempSync(join(tmpdir(), 'gitops-bump-demo-'));
try {
  console.log(bold('\n1. Local dry-run on a copy of examples/gitops-repo'));
  console.log(`   images: ${images}\n   paths:  ${paths.replace(/\n/g, ' | ')}\n   (worker 0.9.2 is older than the 0.9.3 deployed: the policy refuses it)`);
  const copy = join(work, 'gitops-repo');
  cpSync(join(repoRoot, 'examples/gitops-repo'), copy, { recursive: true });
  const local = await runAction({ images, paths, 'local-path': copy, mode: 'dry-run' });
  print(local, copy);
  if (local.code !== 0) process.exit(local.code);

  console.log(bold('\n2. API mode against the local GitHub emulator: a commit, then the identical re-run'));
  const emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir: join(repoRoot, 'examples/gitops-repo') }] });
  try {
    const dir = emu.repoDir('acme/gitops');
    const env = { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: 'acme/gitops', GITHUB_SERVER_URL: emu.url };
    const inputs = { images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/**', token: 'demo-token' };
    console.log(`   emulator: ${emu.url}, serving a git repository imported from examples/gitops-repo (${dir})`);
    emu.resetLog();
    const first = await runAction(inputs, { env });
    print(first, dir);
    console.log(`   requests: ${emu.requests.map((r) => `${r.method} ${r.operation}`).join(' · ')}`);
    rule('the commit, as git shows it');
    console.log(execFileSync('git', ['-C', dir, 'show', '--stat', '--patch', '--format=commit %H%nAuthor: %an <%ae>%nCommitter: %cn <%ce>%n%n    %s%n%n%b', 'main'], { encoding: 'utf8' }));
    emu.resetLog();
    const again = await runAction(inputs, { env });
    rule(`re-run (exit ${again.code})`);
    process.stdout.write(again.stdout.split('\n').filter((l) => !l.startsWith('::')).join('\n'));
    console.log(`changed=${again.outputs.changed} commit-sha=${again.outputs['commit-sha'] || '(none)'}; requests: ${emu.requests.length}`);
    process.exitCode = first.code || again.code;
  } finally {
    await emu.stop();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
