// The built bundle (dist/index.js), spawned with Node 24 the way the runner runs it, in local mode.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEntry, node24, repoRoot, runAction, spawnCollect } from '../../support/action.js';

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
    expect(read('apps/web/values-prod.yaml')).toBe(before.web.replace('tag: "2.9"        #', 'tag: "2.11"       #'));
    expect(read('argocd/worker.yaml')).toBe(before.argo.replace('tag: 0.9.3', 'tag: 1.0.0'));
    expect(read('apps/api/overlays/dev/kustomization.yaml')).toBe(before.dev);
    expect(first.outputs.changed).toBe('true');
    const changes = JSON.parse(first.outputs.changes!) as { file: string; line: number; image: string; from: string; to: string }[];
    expect(changes).toEqual([
      { kind: 'image', file: 'apps/api/overlays/prod/kustomization.yaml', line: 10, image: 'ghcr.io/acme/api', from: '1.3.2', to: '1.5.0' },
      { kind: 'image', file: 'apps/web/values-prod.yaml', line: 7, image: 'ghcr.io/acme/web', from: '2.9', to: '2.11' },
      { kind: 'image', file: 'argocd/worker.yaml', line: 16, image: 'ghcr.io/acme/worker', from: '0.9.3', to: '1.0.0' },
    ].sort((a, b) => a.file.localeCompare(b.file)));
    expect(first.outputs.refused).toBe('[]');
    expect(first.summary).toContain('| `apps/web/values-prod.yaml:7` | ghcr.io/acme/web | `2.9` | `2.11` |');
    expect(first.summary).toContain('<details><summary>Diff</summary>');
    expect(first.summary).toContain('+  tag: "2.11"');

    const second = await runAction(inputs);
    expect(second.code).toBe(0);
    expect(second.outputs.changed).toBe('false');
    expect(second.outputs.changes).toBe('[]');
    expect(read('apps/web/values-prod.yaml')).toBe(before.web.replace('tag: "2.9"        #', 'tag: "2.11"       #'));
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
    expect(JSON.parse(rollback.outputs.changes!)).toEqual([{ kind: 'image', file: 'apps/api/overlays/prod/kustomization.yaml', line: 10, image: 'ghcr.io/acme/api', from: '1.3.2', to: '1.2.0' }]);

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

  it('orders date, two-part and four-part tags: a late older one is refused and its file untouched; a newer one is written', async () => {
    const files: Record<string, string> = {
      'apps/dated/deploy.yaml': 'kind: Pod\nspec:\n  containers:\n    - name: dated\n      image: ghcr.io/acme/dated:2024.11.02 # nightly\n',
      'apps/base/values.yaml': 'image:\n  repository: ghcr.io/acme/base\n  tag: "24.10"\n',
      'apps/four/kustomization.yaml': 'images:\n  - name: ghcr.io/acme/four\n    newTag: v1.2.3.10\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    const paths = 'apps/dated/**\napps/base/**\napps/four/**';
    const older = await runAction({ images: 'ghcr.io/acme/dated:2024.10.15, ghcr.io/acme/base:24.04, ghcr.io/acme/four:v1.2.3.9', paths, 'local-path': repo });
    expect(older.code, older.stdout + older.stderr).toBe(0);
    expect(older.outputs.changed).toBe('false');
    expect(JSON.parse(older.outputs.refused!)).toEqual([
      { kind: 'image', file: 'apps/base/values.yaml', line: 3, image: 'ghcr.io/acme/base', from: '24.10', to: '24.04', reason: '24.04 is older than 24.10 already there (policy: newer; use policy: any to roll back)' },
      { kind: 'image', file: 'apps/dated/deploy.yaml', line: 5, image: 'ghcr.io/acme/dated', from: '2024.11.02', to: '2024.10.15', reason: '2024.10.15 is older than 2024.11.02 already there (policy: newer; use policy: any to roll back)' },
      { kind: 'image', file: 'apps/four/kustomization.yaml', line: 3, image: 'ghcr.io/acme/four', from: 'v1.2.3.10', to: 'v1.2.3.9', reason: 'v1.2.3.9 is older than v1.2.3.10 already there (policy: newer; use policy: any to roll back)' },
    ]);
    expect(older.summary).toContain('2024.10.15 is older than 2024.11.02');
    for (const [path, text] of Object.entries(files)) expect(read(path)).toBe(text);

    const newer = await runAction({ images: 'ghcr.io/acme/dated:2024.11.15, ghcr.io/acme/base:25.04, ghcr.io/acme/four:v1.2.3.11', paths, 'local-path': repo });
    expect(newer.code, newer.stdout + newer.stderr).toBe(0);
    expect(newer.outputs.refused).toBe('[]');
    expect(read('apps/dated/deploy.yaml')).toBe(files['apps/dated/deploy.yaml']!.replace('2024.11.02', '2024.11.15'));
    expect(read('apps/base/values.yaml')).toBe(files['apps/base/values.yaml']!.replace('"24.10"', '"25.04"'));
    expect(read('apps/four/kustomization.yaml')).toBe(files['apps/four/kustomization.yaml']!.replace('v1.2.3.10', 'v1.2.3.11'));
  });

  it('a promotion that moves a date tag backwards under policy any says "rolled back"', async () => {
    writeFileSync(join(repo, 'apps/api/overlays/staging/kustomization.yaml'), 'images:\n  - name: ghcr.io/acme/api\n    newTag: 2024.10.15\n');
    writeFileSync(join(repo, 'apps/api/overlays/prod/kustomization.yaml'), 'images:\n  - name: ghcr.io/acme/api\n    newTag: 2024.11.02\n');
    const inputs = { 'promote-from': 'apps/api/overlays/staging/**', paths: 'apps/api/overlays/prod/**', images: 'ghcr.io/acme/api', 'local-path': repo };
    const refused = await runAction(inputs);
    expect(refused.code, refused.stdout + refused.stderr).toBe(0);
    expect(JSON.parse(refused.outputs.refused!)).toMatchObject([{ from: '2024.11.02', to: '2024.10.15' }]);
    const rollback = await runAction({ ...inputs, policy: 'any' });
    expect(rollback.outputs.changed).toBe('true');
    expect(rollback.summary).toContain('| `2024.11.02` | rolled back (policy: any) |');
    expect(read('apps/api/overlays/prod/kustomization.yaml')).toBe('images:\n  - name: ghcr.io/acme/api\n    newTag: 2024.10.15\n');
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

  it('warns when a requested image matches nothing, says so in the summary, and lists it in the unmatched output', async () => {
    const run = await runAction({ images: 'ghcr.io/acme/apii:1.0.0, ghcr.io/acme/web:2.11', 'local-path': repo, mode: 'dry-run' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "::warning::ghcr.io/acme/apii matched no image reference in the 12 files paths selects (**/*.{yaml,yml}). Check 'paths' and the repository's spelling.",
    );
    expect(run.summary).toContain('- ghcr.io/acme/apii matched no image reference in the 12 files paths selects');
    expect(JSON.parse(run.outputs.unmatched!)).toEqual(['ghcr.io/acme/apii:1.0.0']);
    expect(run.outputs.changed).toBe('true');
  });

  it('tells globs that match no file apart from files that hold no reference (a registry typo, with a hint)', async () => {
    const none = await runAction({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/production/**', 'local-path': repo, mode: 'dry-run' });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^No file under .* matches paths \(apps\/api\/overlays\/production\/\*\*\)\.$/m);
    expect(none.stdout).toContain('::warning::paths matched no files (apps/api/overlays/production/**): nothing to search for ghcr.io/acme/api.');
    expect(none.summary).toContain('Nothing to change: paths matched no files (apps/api/overlays/production/**).');
    expect(JSON.parse(none.outputs.unmatched!)).toEqual(['ghcr.io/acme/api:1.5.0']);

    const typo = await runAction({ images: 'ghrc.io/acme/api:1.5.0', 'local-path': repo, mode: 'dry-run' });
    expect(typo.code).toBe(0);
    expect(typo.stdout).not.toContain('mention the requested images');
    // The prefilter keeps the 5 files holding `api` as a name (the overlays, `name: api`), not the 4 where it is
    // only part of `apiVersion`; the look-alike is still found in all 4 files that hold it.
    expect(typo.stdout).toMatch(/^12 file\(s\) selected under .*, 5 read as candidates \(they contain a requested image's name\)\.$/m);
    expect(typo.stdout).toContain(
      '::warning::ghrc.io/acme/api matched no image reference in the 12 files paths selects (**/*.{yaml,yml}); found ghcr.io/acme/api in 4 files: did you mean it?',
    );
    expect(typo.summary).toContain('found ghcr.io/acme/api in 4 files: did you mean it?');
    expect(typo.summary).toContain('Nothing to change: ghrc.io/acme/api matched no image reference in the 12 files paths selects');
    expect(JSON.parse(typo.outputs.unmatched!)).toEqual(['ghrc.io/acme/api:1.5.0']);
  });

  it('fail-on-unmatched: true fails naming the image and the paths, and writes nothing (not even the images that matched)', async () => {
    const files = ['apps/api/overlays/prod/kustomization.yaml', 'apps/web/values-prod.yaml'];
    const before = files.map(read);
    const inputs = { images: 'ghcr.io/acme/api:1.5.0\nghrc.io/acme/web:2.11', paths: 'apps/api/overlays/prod, apps/web', 'local-path': repo };
    const run = await runAction({ ...inputs, 'fail-on-unmatched': 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::fail-on-unmatched: ghrc\.io\/acme\/web matched no image reference in the 3 files paths selects \(apps\/api\/overlays\/prod, apps\/web\); found ghcr\.io\/acme\/web in 2 files: did you mean it\? Nothing was written\.$/m,
    );
    expect(files.map(read)).toEqual(before);

    const bad = await runAction({ ...inputs, 'fail-on-unmatched': 'sometimes' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("::error::Input 'fail-on-unmatched': 'sometimes' is not true or false.");

    // Without it the run stays green, writes what matched and lists the rest.
    const green = await runAction(inputs);
    expect(green.code, green.stdout).toBe(0);
    expect(JSON.parse(green.outputs.unmatched!)).toEqual(['ghrc.io/acme/web:2.11']);
    expect(read(files[0]!)).toContain('newTag: "1.5.0"');
  });

  it('reads a bare folder as the files under it, and splits paths on commas (not inside braces)', async () => {
    const folder = await runAction({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/staging', 'local-path': repo });
    expect(folder.code, folder.stdout).toBe(0);
    expect(JSON.parse(folder.outputs.changes!)).toEqual([
      { kind: 'image', file: 'apps/api/overlays/staging/kustomization.yaml', line: 10, image: 'ghcr.io/acme/api', from: '1.4.0', to: '1.5.0' },
    ]);
    expect(folder.summary).toContain('### gitops-bump · staging');

    const commas = await runAction({
      images: 'ghcr.io/acme/api:1.5.0, ghcr.io/acme/web:2.11',
      paths: 'apps/api/overlays/prod/, apps/web/*-prod.{yaml,yml}',
      'local-path': repo,
      mode: 'dry-run',
    });
    expect(commas.code, commas.stdout).toBe(0);
    expect((JSON.parse(commas.outputs.changes!) as { file: string }[]).map((c) => c.file)).toEqual([
      'apps/api/overlays/prod/kustomization.yaml',
      'apps/web/values-prod.yaml',
    ]);
    expect(commas.outputs.unmatched).toBe('[]');
  });

  it('promotes between environments named by globs with wildcards before the environment folder', async () => {
    const run = await runAction({ 'promote-from': 'apps/*/overlays/staging/**', paths: 'apps/*/overlays/prod/**', images: 'ghcr.io/acme/api', 'local-path': repo });
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain('**Promotion** staging → prod');
    expect(run.summary).toContain('src["staging"] -- "api 1.3.2 → 1.4.0" --> dst["prod"]');
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
