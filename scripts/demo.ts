// `npm run demo`: runs the built action (dist/index.js) as the runner would, on a copy of
// examples/gitops-repo, in local dry-run mode, and prints what a user would see: the log,
// the outputs and the job summary (with its diff).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runAction } from '../test/support/action.js';

const rule = (title: string): void => console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`);

const work = mkdtempSync(join(tmpdir(), 'gitops-bump-demo-'));
try {
  const repo = join(work, 'gitops-repo');
  cpSync(join(repoRoot, 'examples/gitops-repo'), repo, { recursive: true });
  const inputs = {
    images: 'ghcr.io/acme/api:1.5.0, ghcr.io/acme/web:2.11, ghcr.io/acme/worker:0.9.2',
    paths: 'apps/**/prod/**\napps/web/values-prod.yaml\nargocd/**\ncharts/**',
    'local-path': repo,
    mode: 'dry-run',
  };
  rule('inputs');
  for (const [k, v] of Object.entries(inputs)) console.log(`${k}: ${v.replace(/\n/g, ' | ').replace(repo, '<copy of examples/gitops-repo>')}`);
  const run = await runAction(inputs);
  rule(`log (exit ${run.code})`);
  process.stdout.write(run.stdout + run.stderr);
  rule('outputs');
  for (const [k, v] of Object.entries(run.outputs)) console.log(`${k}=${v}`);
  rule('job summary');
  console.log(run.summary.replaceAll(repo, 'examples/gitops-repo'));
  process.exitCode = run.code;
} finally {
  rmSync(work, { recursive: true, force: true });
}
