// Charts in the plan: repositories found through Flux sources in other files, an environment's patch through its
// base, look-alikes left alone, ranges reported, holds and the policy, images and charts in one edit, appVersion.
import { describe, expect, it } from 'vitest';
import { plan } from '../../../src/core/plan.js';
import type { ChartRequest, ImageRequest, SourceFile } from '../../../src/core/types.js';
import { parseChartReference } from '../../../src/image/chart.js';
import { parseReference } from '../../../src/image/reference.js';

function charts(...inputs: string[]): ChartRequest[] {
  return inputs.map((input) => {
    const ref = parseChartReference(input);
    return { input, ref: { ...ref, version: ref.version ?? '' } };
  });
}
function images(...inputs: string[]): ImageRequest[] {
  return inputs.map((input) => ({ input, ref: parseReference(input) }));
}
const newer = { policy: { kind: 'newer' } } as const;

const release = (name: string, chart: string, version: string, source = 'acme') => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: apps
spec:
  chart:
    spec:
      chart: ${chart}
      version: ${version}
      sourceRef:
        kind: HelmRepository
        name: ${source}
        namespace: flux-system
  values:
    image:
      repository: ghcr.io/acme/${chart}
      tag: 1.4.1
`;
const repository = (name: string, url: string) =>
  `apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: ${name}\n  namespace: flux-system\nspec:\n  type: oci\n  url: ${url}\n`;

describe('plan: charts', () => {
  it('moves a HelmRelease whose HelmRepository (another file) is the requested repository, with its image, in one edit', () => {
    const files: SourceFile[] = [
      { path: 'apps/api/release.yaml', text: release('api', 'api', '1.4.1') },
      { path: 'infra/sources/acme.yaml', text: repository('acme', 'oci://ghcr.io/acme/charts') },
    ];
    const p = plan(files, images('ghcr.io/acme/api:1.5.0'), { ...newer, charts: charts('oci://ghcr.io/acme/charts/api:1.5.0') });
    expect(p.edits).toHaveLength(1);
    expect(p.edits[0]!.after).toBe(files[0]!.text.replace('version: 1.4.1', 'version: 1.5.0').replace('tag: 1.4.1', 'tag: 1.5.0'));
    expect(p.changes).toEqual([
      { kind: 'chart', file: 'apps/api/release.yaml', line: 10, image: 'oci://ghcr.io/acme/charts/api', from: '1.4.1', to: '1.5.0' },
      { file: 'apps/api/release.yaml', line: 18, image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0' },
    ]);
    expect(p.notes).toEqual([]);
    expect(p.unmatched).toEqual([]);
  });

  it('leaves the same chart name from another repository alone, and says the chart matched nothing', () => {
    const files: SourceFile[] = [
      { path: 'apps/api/release.yaml', text: release('api', 'api', '1.4.1', 'other') },
      { path: 'infra/other.yaml', text: repository('other', 'https://charts.other.io') },
    ];
    const p = plan(files, [], { ...newer, charts: charts('oci://ghcr.io/acme/charts/api:1.5.0') });
    expect(p.edits).toEqual([]);
    expect(p.misses).toEqual([{ input: 'oci://ghcr.io/acme/charts/api:1.5.0', image: 'oci://ghcr.io/acme/charts/api', similar: [], kind: 'chart' }]);
  });

  it('matches by name alone, with a note, when the source object is not in the files read', () => {
    const files: SourceFile[] = [{ path: 'apps/api/release.yaml', text: release('api', 'api', '1.4.1') }];
    const p = plan(files, [], { ...newer, charts: charts('oci://ghcr.io/acme/charts/api:1.5.0') });
    expect(p.changes.map((c) => c.to)).toEqual(['1.5.0']);
    expect(p.notes).toEqual([
      'apps/api/release.yaml:10: chart api matched oci://ghcr.io/acme/charts/api by its name alone: its source HelmRepository flux-system/acme is not in the files read',
    ]);
  });

  it('moves an environment patch through its base (the kustomization picks it among look-alikes); a range is reported, never pinned', () => {
    const base = (folder: string, source: string) => ({ path: `apps/base/${folder}/release.yaml`, text: release('podinfo', 'podinfo', '6.0.0', source).replace(/ {6}version: .*\n/, '') });
    const patch = (version: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n  namespace: apps\nspec:\n  chart:\n    spec:\n      version: ${version}\n`;
    const files: SourceFile[] = [
      base('podinfo', 'acme'),
      base('legacy', 'other'),
      { path: 'infra/acme.yaml', text: repository('acme', 'oci://ghcr.io/acme/charts') },
      { path: 'infra/other.yaml', text: repository('other', 'https://charts.other.io') },
      { path: 'apps/production/kustomization.yaml', text: 'resources:\n  - ../base/podinfo\npatches:\n  - path: podinfo-patch.yaml\n' },
      { path: 'apps/production/podinfo-patch.yaml', text: patch('"6.0.0"') },
      { path: 'apps/staging/kustomization.yaml', text: 'resources:\n  - ../base/podinfo\n' },
      { path: 'apps/staging/podinfo-values.yaml', text: patch('">=1.0.0-alpha"') },
    ];
    const p = plan(files, [], { ...newer, charts: charts('oci://ghcr.io/acme/charts/podinfo:6.1.0') });
    expect(p.edits.map((e) => [e.path, e.after])).toEqual([['apps/production/podinfo-patch.yaml', patch('"6.1.0"')]]);
    expect(p.notes).toEqual([
      "apps/staging/podinfo-values.yaml:9: chart oci://ghcr.io/acme/charts/podinfo stays at the version range '>=1.0.0-alpha' (a range is resolved by the cluster or Helm; it is never replaced by a pinned version)",
    ]);
  });

  it('parses only the files that can hold the chart: another service’s HelmRelease is never read, its patch is', () => {
    const base = release('podinfo', 'podinfo', '6.0.0').replace(/ {6}version: .*\n/, '');
    const patch = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\nspec:\n  chart:\n    spec:\n      version: 6.0.0\n';
    // Broken YAML in files a chart run has no reason to parse: another service's HelmRelease and kustomization.
    const broken = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: other\n';
    const files: SourceFile[] = [
      { path: 'base/podinfo.yaml', text: base },
      { path: 'src.yaml', text: repository('acme', 'oci://ghcr.io/acme/charts') },
      { path: 'prod/podinfo/patch.yaml', text: patch },
      { path: 'prod/other/patch.yaml', text: broken },
      { path: 'prod/other/kustomization.yaml', text: 'resources: [\n' },
    ];
    const p = plan(files, [], { ...newer, charts: charts('oci://ghcr.io/acme/charts/podinfo:6.1.0') });
    expect(p.changes.map((c) => `${c.file}:${c.line} ${c.to}`)).toEqual(['prod/podinfo/patch.yaml:8 6.1.0']);
    // The kustomization beside the chart's own patch is read (and must parse).
    const withKustomization = [...files, { path: 'prod/podinfo/kustomization.yaml', text: 'resources: [\n' }];
    expect(() => plan(withKustomization, [], { ...newer, charts: charts('podinfo:6.1.0') })).toThrow(/prod\/podinfo\/kustomization\.yaml:2:1: not valid YAML/);
  });

  it('reports an OCIRepository semver range and moves a tag; Argo CD sources, Chart.yaml dependencies and helmfile too', () => {
    const oci = (ref: string) => `apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: api\nspec:\n  url: oci://ghcr.io/acme/charts/api\n  layerSelector:\n    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip\n  ref:\n    ${ref}\n`;
    const files: SourceFile[] = [
      { path: 'flux/tag.yaml', text: oci('tag: 1.4.1') },
      { path: 'flux/semver.yaml', text: oci('semver: ">=1.0.0"') },
      { path: 'argo/app.yaml', text: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: api}\nspec:\n  sources:\n    - {repoURL: ghcr.io/acme/charts, chart: api, targetRevision: 1.4.1}\n    - {repoURL: ghcr.io/other/charts, chart: api, targetRevision: 1.4.1}\n' },
      { path: 'charts/umbrella/Chart.yaml', text: 'apiVersion: v2\nname: api\nversion: 1.4.1\ndependencies:\n  - name: api\n    version: 1.4.1\n    repository: oci://ghcr.io/acme/charts\n  - name: api-gateway\n    version: 1.4.1\n    repository: oci://ghcr.io/acme/charts\n' },
      { path: 'helmfile.yaml', text: 'repositories:\n  - name: acme\n    url: ghcr.io/acme/charts\n    oci: true\nreleases:\n  - name: api\n    chart: acme/api\n    version: 1.4.1\n' },
    ];
    const p = plan(files, [], { ...newer, charts: charts('oci://ghcr.io/acme/charts/api:1.5.0') });
    expect(p.changes.map((c) => `${c.file}:${c.line} ${c.from} → ${c.to}`)).toEqual([
      'argo/app.yaml:6 1.4.1 → 1.5.0',
      'charts/umbrella/Chart.yaml:6 1.4.1 → 1.5.0',
      'flux/tag.yaml:10 1.4.1 → 1.5.0',
      'helmfile.yaml:8 1.4.1 → 1.5.0',
    ]);
    // Only the version bytes: the other Argo CD source, the chart's own version, the other dependency stay.
    expect(p.edits.find((e) => e.path === 'argo/app.yaml')!.after).toContain('{repoURL: ghcr.io/other/charts, chart: api, targetRevision: 1.4.1}');
    expect(p.edits.find((e) => e.path === 'charts/umbrella/Chart.yaml')!.after).toBe(files[3]!.text.replace('    version: 1.4.1\n    repository: oci://ghcr.io/acme/charts\n  - name: api-gateway', '    version: 1.5.0\n    repository: oci://ghcr.io/acme/charts\n  - name: api-gateway'));
    expect(p.notes).toEqual([expect.stringMatching(/^flux\/semver\.yaml:10: chart .* stays at the version range '>=1\.0\.0'/)]);
  });

  it('takes an OCIRepository without the Helm layer selector for a chart when a HelmRelease chartRef names it', () => {
    const oci = (name: string) => `apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: ${name}\n  namespace: apps\nspec:\n  url: oci://ghcr.io/acme/charts/api\n  ref:\n    tag: 1.4.1\n`;
    const helmRelease = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: api\n  namespace: apps\nspec:\n  chartRef:\n    kind: OCIRepository\n    name: api-chart\n';
    const files: SourceFile[] = [
      { path: 'a/oci.yaml', text: oci('api-chart') },
      { path: 'a/release.yaml', text: helmRelease },
      { path: 'b/oci.yaml', text: oci('api-manifests') },
    ];
    // A bare name: the chartRef'd object moves; the other (maybe manifests) only for a request naming its repository.
    expect(plan(files, [], { ...newer, charts: charts('api:1.5.0') }).changes.map((c) => c.file)).toEqual(['a/oci.yaml']);
    expect(plan(files, [], { ...newer, charts: charts('oci://ghcr.io/acme/charts/api:1.5.0') }).changes.map((c) => c.file)).toEqual(['a/oci.yaml', 'b/oci.yaml']);
  });

  it('refuses a downgrade under policy newer and a held version; policy any rolls back', () => {
    const held = release('api', 'api', '1.4.1 # gitops-bump: hold until the migration');
    const files: SourceFile[] = [
      { path: 'a.yaml', text: release('api', 'api', '2.0.0') },
      { path: 'b.yaml', text: held },
      { path: 'src.yaml', text: repository('acme', 'oci://ghcr.io/acme/charts') },
    ];
    const p = plan(files, [], { ...newer, charts: charts('api:1.5.0') });
    expect(p.edits).toEqual([]);
    expect(p.refusals).toEqual([
      { kind: 'chart', file: 'a.yaml', line: 10, image: 'api', from: '2.0.0', to: '1.5.0', reason: '1.5.0 is older than 2.0.0 already there (policy: newer; use policy: any to roll back)' },
      { kind: 'chart', file: 'b.yaml', line: 10, image: 'api', from: '1.4.1', to: '1.5.0', reason: 'held by a `# gitops-bump: hold` comment on line 10: until the migration' },
    ]);
    expect(plan(files, [], { policy: { kind: 'any' }, charts: charts('api:1.5.0') }).changes.map((c) => c.file)).toEqual(['a.yaml']);
  });
});

describe('plan: chart-app-version', () => {
  const chart = 'apiVersion: v2\nname: api\nversion: 0.3.0\nappVersion: "1.4.1"\n';
  const values = 'image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.1\n';

  it('moves the appVersion of the nearest Chart.yaml above a values file whose image moves from it; never the chart version', () => {
    const files: SourceFile[] = [
      { path: 'charts/api/Chart.yaml', text: chart },
      { path: 'charts/api/values/prod.yaml', text: values },
    ];
    const p = plan(files, images('ghcr.io/acme/api:1.5.0'), { ...newer, chartAppVersion: true });
    expect(p.edits.map((e) => [e.path, e.after])).toEqual([
      ['charts/api/Chart.yaml', chart.replace('"1.4.1"', '"1.5.0"')],
      ['charts/api/values/prod.yaml', values.replace('1.4.1', '1.5.0')],
    ]);
    expect(p.changes[0]).toEqual({ kind: 'chart', field: 'appVersion', file: 'charts/api/Chart.yaml', line: 4, image: 'api', from: '1.4.1', to: '1.5.0' });
  });

  it('leaves appVersion alone without the option, when it is not the old tag, or for values outside the chart', () => {
    const inside = { path: 'charts/api/values.yaml', text: values };
    expect(plan([{ path: 'charts/api/Chart.yaml', text: chart }, inside], images('ghcr.io/acme/api:1.5.0'), newer).edits.map((e) => e.path)).toEqual(['charts/api/values.yaml']);
    const other = { path: 'charts/api/Chart.yaml', text: chart.replace('"1.4.1"', '"1.3.0"') };
    expect(plan([other, inside], images('ghcr.io/acme/api:1.5.0'), { ...newer, chartAppVersion: true }).edits.map((e) => e.path)).toEqual(['charts/api/values.yaml']);
    // A subchart's values are its own, even when the subchart has no appVersion.
    const sub = [{ path: 'charts/api/Chart.yaml', text: chart }, { path: 'charts/api/charts/sub/Chart.yaml', text: 'apiVersion: v2\nname: sub\nversion: 0.1.0\n' }, { path: 'charts/api/charts/sub/values.yaml', text: values }];
    expect(plan(sub, images('ghcr.io/acme/api:1.5.0'), { ...newer, chartAppVersion: true }).edits.map((e) => e.path)).toEqual(['charts/api/charts/sub/values.yaml']);
    const outside = { path: 'envs/prod/values.yaml', text: values };
    expect(plan([{ path: 'charts/api/Chart.yaml', text: chart }, outside], images('ghcr.io/acme/api:1.5.0'), { ...newer, chartAppVersion: true }).edits.map((e) => e.path)).toEqual(['envs/prod/values.yaml']);
  });

  it('refuses when images under the chart move from its appVersion to different tags', () => {
    const two = 'a:\n  image:\n    repository: ghcr.io/acme/api\n    tag: 1.4.1\nb:\n  image:\n    repository: ghcr.io/acme/worker\n    tag: 1.4.1\n';
    const p = plan([{ path: 'Chart.yaml', text: chart }, { path: 'values.yaml', text: two }], images('ghcr.io/acme/api:1.5.0', 'ghcr.io/acme/worker:1.6.0'), { ...newer, chartAppVersion: true });
    expect(p.edits.map((e) => e.path)).toEqual(['values.yaml']);
    expect(p.refusals).toEqual([expect.objectContaining({ field: 'appVersion', reason: expect.stringMatching(/^appVersion 1\.4\.1 would follow images moving to different tags/) })]);
  });
});
