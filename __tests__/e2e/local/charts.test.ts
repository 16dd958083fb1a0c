// Charts through the built bundle in local mode: one run moves an image, its chart (Flux HelmRelease, Argo CD
// source) and the chart's appVersion, byte-exact; look-alikes and the OCIRepository range stay; dry-run writes nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../support/action.js';
import { CHART_CHANGES, CHART_INPUTS, CHART_REPO, CHART_REPO_AFTER } from '../../support/charts.js';

let repo: string;
beforeEach(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'e2e-charts-')), 'repo');
  for (const [path, text] of Object.entries(CHART_REPO)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
});
afterEach(() => rmSync(join(repo, '..'), { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(repo, path), 'utf8');

describe('dist/index.js in local mode: charts', () => {
  it('moves the image, its chart and appVersion in one run, byte-exact, and nothing else; a re-run changes nothing', async () => {
    const run = await runAction({ ...CHART_INPUTS, 'local-path': repo });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const path of Object.keys(CHART_REPO)) expect(read(path), path).toBe(CHART_REPO_AFTER[path] ?? CHART_REPO[path]);
    expect(JSON.parse(run.outputs.changes!)).toEqual(CHART_CHANGES);
    expect(run.outputs.refused).toBe('[]');
    expect(run.outputs.unmatched).toBe('[]');
    expect(run.summary).toContain('| `clusters/prod/api.yaml:11` | chart oci://ghcr.io/acme/charts/api | `1.4.1` | `1.5.0` |');
    expect(run.summary).toContain("infrastructure/sources.yaml:28: chart oci://ghcr.io/acme/charts/api stays at the version range '>=1.0.0'");
    expect(run.stdout).toContain('Bumped 1 image reference and 3 chart versions in 4 files');
    const again = await runAction({ ...CHART_INPUTS, 'local-path': repo });
    expect(again.code).toBe(0);
    expect(again.outputs.changes).toBe('[]');
  });

  it('charts alone, in dry-run: the diff shows the versions, nothing is written', async () => {
    const run = await runAction({ charts: 'api:1.5.0', 'local-path': repo, mode: 'dry-run' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const path of Object.keys(CHART_REPO)) expect(read(path), path).toBe(CHART_REPO[path]);
    // A bare name matches the chart in any repository: the look-alike HelmRelease too, never appVersion.
    expect((JSON.parse(run.outputs.changes!) as { file: string }[]).map((c) => c.file)).toEqual(['argocd/api.yaml', 'clusters/prod/api.yaml', 'clusters/prod/other.yaml']);
    expect(run.stdout).toContain('Dry run: would bump 3 chart versions in 3 files (api chart 1.4.1 → 1.5.0).');
    expect(run.summary).toContain('-      version: "1.4.1"\n+      version: "1.5.0"');
  });

  it('fails naming both inputs when neither images nor charts is given', async () => {
    const run = await runAction({ 'local-path': repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Input 'images': is required, or 'charts' (or both)");
  });

  it('finds the HelmRepository anywhere under local-path when paths leaves it out: the look-alike stays', async () => {
    const run = await runAction({ charts: 'oci://ghcr.io/acme/charts/api:1.5.0', paths: 'clusters/**', 'local-path': repo });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read('clusters/prod/api.yaml')).toBe(CHART_REPO_AFTER['clusters/prod/api.yaml']);
    expect(read('clusters/prod/other.yaml')).toBe(CHART_REPO['clusters/prod/other.yaml']);
    expect(run.summary).not.toContain('by its name alone');
    // Nowhere in the repository: matched by name, and the note says where it was looked for.
    rmSync(join(repo, 'infrastructure'), { recursive: true });
    const again = await runAction({ charts: 'oci://ghcr.io/acme/charts/api:1.6.0', paths: 'clusters/**', 'local-path': repo, mode: 'dry-run' });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.summary).toContain('its source HelmRepository flux-system/acme is not in the files read nor anywhere under local-path');
  });

  it('moves a version set by an inline patch in a kustomization, only its bytes', async () => {
    const kustomization = `resources:\n  - ../prod\npatches:\n  - patch: |-\n      - op: replace\n        path: /spec/chart/spec/version\n        value: "1.4.1" # staging pin\n    target:\n      kind: HelmRelease\n      name: api\n      namespace: prod\n`;
    mkdirSync(join(repo, 'clusters/staging'), { recursive: true });
    writeFileSync(join(repo, 'clusters/staging/kustomization.yaml'), kustomization);
    // The base HelmRelease (clusters/prod/api.yaml) is selected too: it names the chart, the patch only its version.
    const run = await runAction({ charts: 'oci://ghcr.io/acme/charts/api:1.5.0', paths: 'clusters/**', 'local-path': repo, mode: 'dry-run' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toContainEqual({ kind: 'chart', file: 'clusters/staging/kustomization.yaml', line: 7, chart: 'oci://ghcr.io/acme/charts/api', from: '1.4.1', to: '1.5.0' });
    expect(run.summary).toContain('-        value: "1.4.1" # staging pin\n+        value: "1.5.0" # staging pin');
    const write = await runAction({ charts: 'oci://ghcr.io/acme/charts/api:1.5.0', paths: 'clusters/**', 'local-path': repo });
    expect(write.code, write.stdout + write.stderr).toBe(0);
    expect(read('clusters/staging/kustomization.yaml')).toBe(kustomization.replace('"1.4.1"', '"1.5.0"'));
  });
});
