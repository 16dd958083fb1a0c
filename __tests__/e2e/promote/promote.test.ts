// Promotion, through the built bundle: folder per environment (local and API) and repository per environment.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runAction } from '../../support/action.js';
import { git, gitRepo } from '../../support/repo.js';

const STAGING: Record<string, string> = {
  'envs/staging/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../../base]
images:
  - name: ghcr.io/acme/api
    newTag: "1.5.0"
`,
  'envs/staging/web-values.yaml': `image:
  repository: ghcr.io/acme/web
  tag: "2.10" # staging
`,
};
const PROD: Record<string, string> = {
  'envs/prod/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../../base]

# production pins
images:
  - name: ghcr.io/acme/api
    newTag: "1.4.1"
`,
  'envs/prod/web-values.yaml': `image:
  repository: ghcr.io/acme/web
  tag: "2.9" # prod
replicas: 3
`,
};

let root: string;
const write = (files: Record<string, string>) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
};
const read = (path: string) => readFileSync(join(root, path), 'utf8');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'e2e-promote-'));
  write({ ...STAGING, ...PROD });
  return () => rmSync(root, { recursive: true, force: true });
});

describe('promotion, folder per environment, local mode', () => {
  it('writes the staging versions into prod, changing exactly the promoted tag lines', async () => {
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root });
    expect(run.code, run.stdout).toBe(0);
    expect(read('envs/prod/kustomization.yaml')).toBe(PROD['envs/prod/kustomization.yaml']!.replace('"1.4.1"', '"1.5.0"'));
    expect(read('envs/prod/web-values.yaml')).toBe(PROD['envs/prod/web-values.yaml']!.replace('"2.9"', '"2.10"'));
    expect(read('envs/staging/kustomization.yaml')).toBe(STAGING['envs/staging/kustomization.yaml']);
    expect(JSON.parse(run.outputs.changes!)).toEqual([
      { kind: 'image', file: 'envs/prod/kustomization.yaml', line: 8, image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0' },
      { kind: 'image', file: 'envs/prod/web-values.yaml', line: 3, image: 'ghcr.io/acme/web', from: '2.9', to: '2.10' },
    ]);
    expect(run.summary).toContain('**Promotion** staging → prod');
    expect(run.summary).toContain('| ghcr.io/acme/api | `1.5.0` <sub>envs/staging/kustomization.yaml:6</sub> | `1.4.1` | promoted |');
    expect(run.summary).toContain('```mermaid');
    expect(run.summary).toContain('src["staging"] -- "api 1.4.1 → 1.5.0<br/>web 2.9 → 2.10" --> dst["prod"]');

    const again = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root });
    expect(again.outputs.changed).toBe('false');
    expect(again.summary).toContain('| `1.5.0` | already there |');
  });

  it('promotes only the images listed (bare repositories)', async () => {
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', images: 'ghcr.io/acme/web', 'local-path': root });
    expect(run.code, run.stdout).toBe(0);
    expect(read('envs/prod/kustomization.yaml')).toBe(PROD['envs/prod/kustomization.yaml']);
    expect(read('envs/prod/web-values.yaml')).toContain('tag: "2.10" # prod');
  });

  it('fails listing both places when the source holds two versions of an image, unless images narrows it', async () => {
    write({ 'envs/staging/api-job.yaml': 'kind: Job\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/api:1.4.9\n' });
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root });
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'))!;
    expect(error).toContain('ghcr.io/acme/api');
    expect(error).toContain('1.4.9 (envs/staging/api-job.yaml:6)');
    expect(error).toContain('1.5.0 (envs/staging/kustomization.yaml:6)');
    expect(read('envs/prod/kustomization.yaml')).toBe(PROD['envs/prod/kustomization.yaml']);

    const narrowed = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', images: 'ghcr.io/acme/web', 'local-path': root });
    expect(narrowed.code, narrowed.stdout).toBe(0);
    expect(narrowed.outputs.changed).toBe('true');
  });

  it('refuses to move production backwards, and rolls back with policy any, saying so', async () => {
    write({ 'envs/prod/kustomization.yaml': PROD['envs/prod/kustomization.yaml']!.replace('"1.4.1"', '"1.6.0"') });
    const refused = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', images: 'ghcr.io/acme/api', 'local-path': root });
    expect(refused.code).toBe(0);
    expect(JSON.parse(refused.outputs.refused!)).toMatchObject([{ from: '1.6.0', to: '1.5.0' }]);
    expect(refused.summary).toMatch(/\| ghcr\.io\/acme\/api \| .* \| `1\.6\.0` \| refused: 1\.5\.0 is older than 1\.6\.0/);
    expect(read('envs/prod/kustomization.yaml')).toContain('"1.6.0"');

    const rollback = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', images: 'ghcr.io/acme/api', policy: 'any', 'local-path': root });
    expect(rollback.outputs.changed).toBe('true');
    expect(rollback.summary).toContain('| `1.6.0` | rolled back (policy: any) |');
    expect(read('envs/prod/kustomization.yaml')).toContain('"1.5.0"');
  });

  it('dry-run shows the promotion and writes nothing', async () => {
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root, mode: 'dry-run' });
    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.summary).toContain('+    newTag: "1.5.0"');
    expect(read('envs/prod/kustomization.yaml')).toBe(PROD['envs/prod/kustomization.yaml']);
  });

  it('lists the source files it could not read or locate in the plan’s skipped, marked as the source’s', async () => {
    write({ 'envs/staging/chart/templates/deploy.yaml': 'image: {{ .Values.image }}\n' });
    writeFileSync(join(root, 'envs/staging/notes.yaml'), Buffer.from([0xff, 0xfe, 0x61, 0x00]));
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root, mode: 'dry-run' });
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toHaveLength(2);
    const template = 'promotion source: Helm chart template (not YAML until rendered)';
    const utf16 = 'promotion source: UTF-16 LE encoded (BOM FF FE); gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited';
    expect(run.summary).toContain(`- \`envs/staging/chart/templates/deploy.yaml\`: ${template}`);
    expect(run.summary).toContain(`- \`envs/staging/notes.yaml\`: ${utf16}`);
    expect(run.stdout).toContain(`skipped envs/staging/chart/templates/deploy.yaml: ${template}`);
    expect(run.stdout).toContain(`skipped envs/staging/notes.yaml: ${utf16}`);
  });

  it('names the input when images carries a tag in a promotion', async () => {
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', images: 'ghcr.io/acme/web:1.0', 'local-path': root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'images': 'ghcr.io\/acme\/web:1.0': with promote-from, images lists bare repositories/);
  });
});

describe('promotion through the API', () => {
  let emu: Emulator;
  const dirs: string[] = [];
  beforeAll(async () => {
    emu = await startEmulator({ repos: [] });
  });
  afterAll(async () => {
    await emu.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('folder per environment in one repository: one commit changing only the prod files', async () => {
    const dir = gitRepo({ files: { ...STAGING, ...PROD } });
    dirs.push(dir);
    await emu.addRepo({ name: 'acme/folders', dir });
    const before = git(dir, 'rev-parse', 'main');
    const run = await runAction(
      { repository: 'acme/folders', token: 't', 'promote-from': 'envs/staging/**', paths: 'envs/prod/**' },
      { env: { GITHUB_API_URL: emu.url } },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(git(dir, 'diff', '--name-only', before, 'main').split('\n')).toEqual(['envs/prod/kustomization.yaml', 'envs/prod/web-values.yaml']);
    expect(git(dir, 'log', '-1', '--format=%s', 'main')).toBe('Promote staging → prod: api 1.4.1 → 1.5.0, web 2.9 → 2.10');
    expect(run.outputs['commit-sha']).toBe(git(dir, 'rev-parse', 'main'));
  });

  it('repository per environment: reads staging from its own repository with its own token', async () => {
    const staging = gitRepo({
      files: { 'apps/api.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: 1.5.0\n', 'apps/worker.yaml': 'image: {{ .Values.image }}\n' },
    });
    const prod = gitRepo({ files: { 'apps/api.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.1\n' } });
    dirs.push(staging, prod);
    await emu.addRepo({ name: 'acme/staging', dir: staging, tokens: { 'staging-reader': 'read' } });
    await emu.addRepo({ name: 'acme/prod', dir: prod, tokens: { 'prod-writer': 'write' } });
    const stagingHead = git(staging, 'rev-parse', 'main');
    const run = await runAction(
      {
        repository: 'acme/prod',
        token: 'prod-writer',
        paths: 'apps/*.yaml',
        'promote-from': 'apps/*.yaml',
        'promote-from-repository': 'acme/staging',
        'promote-from-token': 'staging-reader',
        environment: 'production',
      },
      { env: { GITHUB_API_URL: emu.url } },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(git(prod, 'show', 'main:apps/api.yaml')).toBe('image:\n  repository: ghcr.io/acme/api\n  tag: 1.5.0');
    expect(git(staging, 'rev-parse', 'main')).toBe(stagingHead);
    expect(run.summary).toContain('**Promotion** staging → production (source: `acme/staging@main: apps/*.yaml`)');
    // The source's chart template is listed, marked with the repository it is in (its path is not the target's).
    expect(run.summary).toContain('- `apps/worker.yaml`: promotion source acme/staging: Helm chart template (not YAML until rendered)');
    expect(run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toMatch(/staging-reader|prod-writer/);
  });
});
