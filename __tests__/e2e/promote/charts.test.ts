// Promotion carries chart versions as it carries image versions, through the built bundle (local mode).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../support/action.js';

const release = (env: string, version: string, tag: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: api
  namespace: ${env}
spec:
  chart:
    spec:
      chart: api
      version: "${version}"
      sourceRef:
        kind: HelmRepository
        name: acme
        namespace: flux-system
  values:
    image:
      repository: ghcr.io/acme/api
      tag: ${tag}
`;
const FILES: Record<string, string> = {
  'envs/staging/api.yaml': release('staging', '1.5.0', '1.5.0'),
  'envs/prod/api.yaml': release('prod', '1.4.1', '1.4.1'),
  'infrastructure/sources.yaml': 'apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: acme\n  namespace: flux-system\nspec:\n  type: oci\n  url: oci://ghcr.io/acme/charts\n',
};

let root: string;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'e2e-promote-charts-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return () => rmSync(root, { recursive: true, force: true });
});

describe('promotion with charts, local mode', () => {
  it('writes the staging chart and image versions into prod, and the summary lists both', async () => {
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read('envs/prod/api.yaml')).toBe(FILES['envs/prod/api.yaml']!.replace('"1.4.1"', '"1.5.0"').replace('tag: 1.4.1', 'tag: 1.5.0'));
    expect(run.stdout).toContain('promote chart api 1.5.0 (from envs/staging/api.yaml:10)');
    expect(JSON.parse(run.outputs.changes!)).toEqual([
      { kind: 'chart', file: 'envs/prod/api.yaml', line: 10, chart: 'api', from: '1.4.1', to: '1.5.0' },
      { kind: 'image', file: 'envs/prod/api.yaml', line: 18, image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0' },
    ]);
    expect(run.summary).toContain('| Image / chart | staging | prod before | Result |');
    expect(run.summary).toContain('| chart api | `1.5.0` <sub>envs/staging/api.yaml:10</sub> | `1.4.1` | promoted |');
  });

  it('fails, writing nothing, when the source holds two versions of one chart, naming both places', async () => {
    writeFileSync(join(root, 'envs/staging/api-canary.yaml'), release('staging', '1.6.0-rc.1', '1.5.0'));
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('chart api: 1.6.0-rc.1 (envs/staging/api-canary.yaml:10), 1.5.0 (envs/staging/api.yaml:10)');
    expect(read('envs/prod/api.yaml')).toBe(FILES['envs/prod/api.yaml']);
  });

  it('says, naming the file and line, that a source patch whose base HelmRelease is outside promote-from is not promoted', async () => {
    const patch = (env: string, version: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: web\n  namespace: ${env}\nspec:\n  chart:\n    spec:\n      version: "${version}"\n`;
    mkdirSync(join(root, 'envs/base'), { recursive: true });
    // The shared base names the chart (and no namespace: each environment's kustomization sets it), no version.
    writeFileSync(join(root, 'envs/base/web.yaml'), release('x', '1.0.0', '1.0.0').replace(/name: api\n {2}namespace: x\n/, 'name: web\n').replace(/ {6}version: .*\n/, '').replace(/ {2}values:[^]*/, '').replace('chart: api', 'chart: web'));
    writeFileSync(join(root, 'envs/staging/web.yaml'), patch('staging', '2.0.0'));
    writeFileSync(join(root, 'envs/prod/web.yaml'), patch('prod', '1.0.0'));
    const run = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const note = 'promotion source envs/staging/web.yaml:9: the HelmRelease patch of staging/web sets chart version 2.0.0, but no single base HelmRelease staging/web naming its chart is in the promotion source';
    expect(run.summary).toContain(note);
    expect(read('envs/prod/web.yaml')).toBe(patch('prod', '1.0.0'));
    // With the base's folder in promote-from, the patch is carried.
    const carried = await runAction({ 'promote-from': 'envs/staging/**\nenvs/base/**', paths: 'envs/prod/**', 'local-path': root, mode: 'dry-run' });
    expect(carried.code, carried.stdout + carried.stderr).toBe(0);
    expect(carried.summary).not.toContain('not promoted');
    expect(carried.stdout).toContain('promote chart web 2.0.0 (from envs/staging/web.yaml:9)');
    // Nothing else to promote: the failure says why the patch was not carried.
    rmSync(join(root, 'envs/staging/api.yaml'));
    const alone = await runAction({ 'promote-from': 'envs/staging/**', paths: 'envs/prod/**', 'local-path': root });
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain(note);
  });
});
