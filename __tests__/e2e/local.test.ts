// The built bundle (dist/index.js), spawned with Node 24 the way the runner runs it, in local mode.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEntry, node24, repoRoot, runAction, spawnCollect } from '../../test/support/action.js';

let repo: string;
beforeEach(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'e2e-local-')), 'repo');
  cpSync(join(repoRoot, 'examples/gitops-repo'), repo, { recursive: true });
});
afterEach(() => rmSync(join(repo, '..'), { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(repo, path), 'utf8');

describe('dist/index.js in local mode', () => {
  it('bumps kustomize, Helm values and an Argo CD app, byte-exact, then a re-run changes nothing', async () => {
    const before = {
      prod: read('apps/api/overlays/prod/kustomization.yaml'),
      web: read('apps/web/values-prod.yaml'),
      argo: read('argocd/worker.yaml'),
      dev: read('apps/api/overlays/dev/kustomization.yaml'),
    };
    const inputs = {
      images: 'ghcr.io/acme/api:1.5.0\nghcr.io/acme/web:2.11, ghcr.io/acme/worker:1.0.0',
      paths: 'apps/api/overlays/prod/**\napps/web/values-prod.yaml\nargocd/*.yaml',
      'local-path': repo,
    };
    const first = await runAction(inputs);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(read('apps/api/overlays/prod/kustomization.yaml')).toBe(before.prod.replace('newTag: "1.3.2"\n  - name: ghcr.io/acme/api-migrations', 'newTag: "1.5.0"\n  - name: ghcr.io/acme/api-migrations'));
    expect(read('apps/web/values-prod.yaml')).toBe(before.web.replace('tag: "2.9"', 'tag: "2.11"'));
    expect(read('argocd/worker.yaml')).toBe(before.argo.replace('tag: 0.9.3', 'tag: 1.0.0'));
    expect(read('apps/api/overlays/dev/kustomization.yaml')).toBe(before.dev);
    expect(first.outputs.changed).toBe('true');
    const changes = JSON.parse(first.outputs.changes!) as { file: string; line: number; image: string; from: string; to: string }[];
    expect(changes).toEqual([
      { file: 'apps/api/overlays/prod/kustomization.yaml', line: 10, image: 'ghcr.io/acme/api', from: '1.3.2', to: '1.5.0' },
      { file: 'apps/web/values-prod.yaml', line: 7, image: 'ghcr.io/acme/web', from: '2.9', to: '2.11' },
      { file: 'argocd/worker.yaml', line: 16, image: 'ghcr.io/acme/worker', from: '0.9.3', to: '1.0.0' },
    ].sort((a, b) => a.file.localeCompare(b.file)));
    expect(first.outputs.refused).toBe('[]');
    expect(first.summary).toContain('| `apps/web/values-prod.yaml:7` | ghcr.io/acme/web | `2.9` | `2.11` |');
    expect(first.summary).toContain('<details><summary>Diff</summary>');
    expect(first.summary).toContain('+  tag: "2.11"');

    const second = await runAction(inputs);
    expect(second.code).toBe(0);
    expect(second.outputs.changed).toBe('false');
    expect(second.outputs.changes).toBe('[]');
    expect(read('apps/web/values-prod.yaml')).toBe(before.web.replace('tag: "2.9"', 'tag: "2.11"'));
  });

  it('refuses a downgrade, exits 0 and reports it; policy any rolls back', async () => {
    const inputs = { images: 'ghcr.io/acme/api:1.2.0', paths: 'apps/api/overlays/prod/*.yaml', 'local-path': repo };
    const before = read('apps/api/overlays/prod/kustomization.yaml');
    const refused = await runAction(inputs);
    expect(refused.code).toBe(0);
    expect(refused.outputs.changed).toBe('false');
    const list = JSON.parse(refused.outputs.refused!) as { reason: string; from: string; to: string }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ from: '1.3.2', to: '1.2.0' });
    expect(list[0]!.reason).toMatch(/older/);
    expect(refused.annotations.some((a) => a.startsWith('::warning file=apps/api/overlays/prod/kustomization.yaml,line=10'))).toBe(true);
    expect(refused.summary).toContain('**Refused**');
    expect(read('apps/api/overlays/prod/kustomization.yaml')).toBe(before);

    const rollback = await runAction({ ...inputs, policy: 'any' });
    expect(rollback.outputs.changed).toBe('true');
    expect(read('apps/api/overlays/prod/kustomization.yaml')).toBe(before.replace('"1.3.2"', '"1.2.0"'));
    // A plain bump that moves backwards says so: in the log (per change and in the outcome) and in the summary table.
    const log = rollback.stdout.split('\n');
    expect(log).toContain('rolled back (policy: any): ghcr.io/acme/api 1.3.2 → 1.2.0 at apps/api/overlays/prod/kustomization.yaml:10');
    expect(log).toContain('Bumped 1 image reference in 1 file (api 1.3.2 → 1.2.0 (rolled back)).');
    expect(rollback.summary).toContain('| `apps/api/overlays/prod/kustomization.yaml:10` | ghcr.io/acme/api | `1.3.2` | `1.2.0` (rolled back) |');
    // The output keeps its shape.
    expect(JSON.parse(rollback.outputs.changes!)).toEqual([{ file: 'apps/api/overlays/prod/kustomization.yaml', line: 10, image: 'ghcr.io/acme/api', from: '1.3.2', to: '1.2.0' }]);

    // A forward move under policy any is not labelled.
    const forward = await runAction({ ...inputs, images: 'ghcr.io/acme/api:1.2.1', policy: 'any' });
    expect(forward.outputs.changed).toBe('true');
    expect(forward.stdout + forward.summary).not.toContain('rolled back');
  });

  it("names a bad policy once: Input 'policy': '<value>' is not a policy", async () => {
    const run = await runAction({ images: 'ghcr.io/acme/api:1.5.0', 'local-path': repo, policy: 'newest' });
    expect(run.code).toBe(1);
    expect(run.annotations).toEqual([expect.stringMatching(/^::error::Input 'policy': 'newest' is not a policy; use 'newer'/)]);
  });

  it('dry-run reports the changes and the diff and writes nothing', async () => {
    const before = read('apps/api/overlays/staging/kustomization.yaml');
    const run = await runAction({ images: 'ghcr.io/acme/api:1.4.5', paths: 'apps/api/overlays/staging/**', 'local-path': repo, mode: 'dry-run' });
    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.summary).toContain('Dry run: would bump 1 image reference in 1 file');
    expect(run.summary).toContain('-    newTag: "1.4.0"\n+    newTag: "1.4.5"');
    expect(read('apps/api/overlays/staging/kustomization.yaml')).toBe(before);
  });

  it('fails on a malformed file with file:line:column, writes nothing, and lists chart templates as skipped', async () => {
    writeFileSync(join(repo, 'apps/api/overlays/prod/broken.yaml'), 'images:\n  - name: ghcr.io/acme/api\n    newTag: [1.0\n');
    const before = read('apps/api/overlays/prod/kustomization.yaml');
    const run = await runAction({ images: 'ghcr.io/acme/api:1.5.0', 'local-path': repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error file=apps\/api\/overlays\/prod\/broken\.yaml,line=\d+,col=\d+::/);
    expect(run.stdout).toMatch(/::error::apps\/api\/overlays\/prod\/broken\.yaml:\d+:\d+: not valid YAML/);
    expect(read('apps/api/overlays/prod/kustomization.yaml')).toBe(before);

    rmSync(join(repo, 'apps/api/overlays/prod/broken.yaml'));
    const ok = await runAction({ images: 'ghcr.io/acme/worker:1.0.0', 'local-path': repo, mode: 'dry-run' });
    expect(ok.code).toBe(0);
    expect(ok.summary).toContain('charts/worker/templates/deployment.yaml');
  });

  it('warns when a requested image matches nothing, and says so in the summary', async () => {
    const run = await runAction({ images: 'ghcr.io/acme/apii:1.0.0', 'local-path': repo, mode: 'dry-run' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("::warning::ghcr.io/acme/apii matched no image reference in the selected files. Check 'paths' and the repository's spelling.");
    expect(run.summary).toContain('- ghcr.io/acme/apii matched no image reference in the selected files.');
  });

  it('fails with one line naming the input for an invalid image reference', async () => {
    const run = await runAction({ images: 'ghcr.io/acme/API:1.0', 'local-path': repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'images': 'ghcr.io\/acme\/API:1.0' is not a valid image reference/);
  });
});

describe('dist/cli/index.js', () => {
  it('prints the diff in dry-run and exits 0', async () => {
    const r = await spawnCollect(node24, [cliEntry, '--images', 'ghcr.io/acme/api:1.5.0', '--paths', 'apps/api/overlays/prod/**', '--local-path', repo, '--mode', 'dry-run'], { PATH: process.env.PATH ?? '' }, repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/apps/api/overlays/prod/kustomization.yaml');
    expect(r.stdout).toContain('+    newTag: "1.5.0"');
    expect(r.stderr).toContain('Dry run: would bump 1 image reference in 1 file');
  });

  it('exits 1 with one clear line on an error', async () => {
    const r = await spawnCollect(node24, [cliEntry, '--images', 'nope::', '--local-path', repo], { PATH: process.env.PATH ?? '' }, repo);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gitops-bump: Input 'images':/);
  });

  it('rejects an unknown flag', async () => {
    const r = await spawnCollect(node24, [cliEntry, '--imagez', 'x'], { PATH: process.env.PATH ?? '' }, repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown option --imagez');
  });
});
