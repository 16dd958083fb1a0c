// The chart locators: every shape issue 14 names, what each site says (chart, origin, version, range), and a
// byte-exact write of the version (quotes and comments kept, a numeric-looking version quoted).
import { describe, expect, it } from 'vitest';
import { locate, type ChartFacts, type ChartSite } from '../../../../src/yaml/locate.js';
import { applyEdits } from '../../../../src/yaml/edits.js';
import { scalarEdit } from '../../../../src/yaml/splice.js';

function facts(text: string): ChartFacts {
  const found = locate(text, { charts: true }).charts;
  if (found === undefined) throw new Error('no chart facts');
  return found;
}

function chartsOf(text: string): Omit<ChartSite, 'slot'>[] {
  return facts(text).sites.map(({ slot: _slot, ...site }) => site);
}

/** `text` with the version of its `index`th chart site set to `version`. */
function bump(text: string, version: string, index = 0): string {
  const site = facts(text).sites[index];
  if (site?.slot === undefined) throw new Error('no version slot');
  return applyEdits(text, [scalarEdit(text, site.slot, version, site.path)]);
}

const helmRelease = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: api
  namespace: prod
spec:
  chart:
    spec:
      chart: api
      version: "1.4.1" # pinned by CI
      sourceRef:
        kind: HelmRepository
        name: acme
        namespace: flux-system
  values:
    image:
      repository: ghcr.io/acme/api
      tag: 1.4.1
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: acme
  namespace: flux-system
spec:
  type: oci
  url: oci://ghcr.io/acme/charts
`;

describe('Flux', () => {
  it('finds a HelmRelease chart with its sourceRef, and the HelmRepository it names', () => {
    const found = facts(helmRelease);
    expect(chartsOf(helmRelease)).toEqual([
      {
        form: 'helm-release',
        doc: 0,
        path: 'spec.chart.spec.version',
        line: 10,
        column: 16,
        chart: 'api',
        origin: { kind: 'source', source: { kind: 'HelmRepository', name: 'acme', namespace: 'flux-system' } },
        version: '1.4.1',
        range: false,
        release: { name: 'api', namespace: 'prod' },
        held: false,
      },
    ]);
    expect(found.sources).toEqual([{ kind: 'HelmRepository', name: 'acme', namespace: 'flux-system', url: 'oci://ghcr.io/acme/charts', repository: 'oci://ghcr.io/acme/charts' }]);
    expect(bump(helmRelease, '1.5.0')).toBe(helmRelease.replace('version: "1.4.1" # pinned', 'version: "1.5.0" # pinned'));
  });

  it('finds an environment patch (version alone) and reports its range', () => {
    const patch = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n  namespace: podinfo\nspec:\n  chart:\n    spec:\n      version: ">=1.0.0-alpha"\n';
    expect(chartsOf(patch)).toEqual([
      expect.objectContaining({ form: 'helm-release', chart: undefined, origin: { kind: 'none' }, version: '>=1.0.0-alpha', range: true, release: { name: 'podinfo', namespace: 'podinfo' } }),
    ]);
  });

  it('has no site for a HelmRelease reading its chart through chartRef, nor for one without a chart', () => {
    expect(chartsOf('apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: a}\nspec:\n  chartRef: {kind: OCIRepository, name: a}\n')).toEqual([]);
  });

  it('finds an OCIRepository tag; a semver range is a range; a digest pin is no site', () => {
    const oci = `apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: api
spec:
  url: oci://ghcr.io/acme/charts/api
  layerSelector:
    mediaType: "application/vnd.cncf.helm.chart.content.v1.tar+gzip"
  ref:
    tag: 1.4.1
`;
    expect(chartsOf(oci)).toEqual([
      expect.objectContaining({ form: 'oci-repository', chart: 'api', origin: { kind: 'url', url: 'oci://ghcr.io/acme/charts', repository: 'oci://ghcr.io/acme/charts' }, version: '1.4.1', range: false, path: 'spec.ref.tag', line: 10 }),
    ]);
    expect(chartsOf(oci)[0]).not.toHaveProperty('needsRepository');
    expect(bump(oci, '1.10')).toBe(oci.replace('tag: 1.4.1', 'tag: "1.10"'));
    expect(chartsOf(oci.replace('tag: 1.4.1', 'semver: "1.x"'))).toEqual([expect.objectContaining({ version: '1.x', range: true, path: 'spec.ref.semver' })]);
    expect(chartsOf(oci.replace('tag: 1.4.1', 'semver: "1.4.1"'))).toEqual([expect.objectContaining({ range: true })]);
    expect(chartsOf(oci.replace('tag: 1.4.1', `digest: sha256:${'a'.repeat(64)}`))).toEqual([]);
    // Without the Helm layer selector it may be manifests: only a request naming the repository matches it.
    expect(chartsOf(oci.replace(/ {2}layerSelector:\n.*\n/, ''))).toEqual([expect.objectContaining({ needsRepository: true })]);
  });
});

describe('Argo CD', () => {
  it('finds spec.source and every spec.sources[] entry naming a chart (OCI repoURL without a scheme)', () => {
    const app = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: api
spec:
  sources:
    - repoURL: ghcr.io/acme/charts
      chart: api
      targetRevision: 1.4.1
      helm:
        valueFiles: [$values/envs/prod/values.yaml]
    - repoURL: https://github.com/acme/gitops.git
      targetRevision: main
      ref: values
    - {repoURL: 'https://charts.bitnami.com/bitnami/', chart: redis, targetRevision: '18.1.0'}
`;
    expect(chartsOf(app).map((s) => [s.form, s.chart, s.origin, s.version, s.path])).toEqual([
      ['argocd', 'api', { kind: 'url', url: 'ghcr.io/acme/charts', repository: 'oci://ghcr.io/acme/charts' }, '1.4.1', 'spec.sources[0].targetRevision'],
      ['argocd', 'redis', { kind: 'url', url: 'https://charts.bitnami.com/bitnami/', repository: 'https://charts.bitnami.com/bitnami' }, '18.1.0', 'spec.sources[2].targetRevision'],
    ]);
    expect(bump(app, '18.2.0', 1)).toBe(app.replace("targetRevision: '18.1.0'", "targetRevision: '18.2.0'"));
  });

  it('finds an ApplicationSet template source; a templated one is no site', () => {
    const set = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: api}
spec:
  template:
    spec:
      source:
        repoURL: oci://ghcr.io/acme/charts
        chart: api
        targetRevision: 1.x
---
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: other}
spec:
  template:
    spec:
      source: {repoURL: ghcr.io/acme/charts, chart: api, targetRevision: '{{ .version }}'}
`;
    expect(chartsOf(set).map((s) => [s.doc, s.chart, s.version, s.range])).toEqual([[0, 'api', '1.x', true]]);
  });
});

describe('Chart.yaml, kustomize helmCharts, helmfile', () => {
  it('finds dependencies with a repository; never the chart itself; appVersion is a fact', () => {
    const chart = `apiVersion: v2
name: umbrella
version: 1.4.1
appVersion: "1.4.1"
dependencies:
  - name: api
    version: 1.4.1
    repository: oci://ghcr.io/acme/charts
  - name: redis
    version: ~18.1.0
    repository: "@bitnami"
  - name: local
    version: 0.1.0
    repository: file://../local
  - name: web
    version: 2.0.0
`;
    const found = facts(chart);
    expect(chartsOf(chart).map((s) => [s.form, s.chart, s.origin, s.version, s.range])).toEqual([
      ['chart-dependency', 'api', { kind: 'url', url: 'oci://ghcr.io/acme/charts', repository: 'oci://ghcr.io/acme/charts' }, '1.4.1', false],
      ['chart-dependency', 'redis', { kind: 'url', url: '@bitnami', repository: undefined }, '~18.1.0', true],
    ]);
    expect(found.chartYaml).toEqual({ name: 'umbrella', appVersion: expect.objectContaining({ text: '1.4.1', style: 'double', line: 4 }), held: false });
    expect(bump(chart, '1.5.0')).toBe(chart.replace('    version: 1.4.1', '    version: 1.5.0'));
  });

  it('finds kustomize helmCharts entries', () => {
    const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nhelmCharts:\n- name: api\n  repo: oci://ghcr.io/acme/charts\n  version: 1.4.1   # aligned\n  releaseName: api\n- name: local\n  version: 0.1.0\n  releaseName: local\n';
    expect(chartsOf(kustomization).map((s) => [s.form, s.chart, s.version])).toEqual([['kustomize-helm-chart', 'api', '1.4.1']]);
    expect(bump(kustomization, '1.10.0')).toBe(kustomization.replace('version: 1.4.1   # aligned', 'version: 1.10.0  # aligned'));
    expect(facts('resources:\n  - ../base/podinfo\n  - podinfo-values.yaml\n').kustomization).toEqual({ resources: ['../base/podinfo', 'podinfo-values.yaml'] });
  });

  it('finds helmfile releases through repositories in any document of the file; local charts are no site', () => {
    const helmfile = `repositories:
  - name: acme
    url: ghcr.io/acme/charts
    oci: true
  - name: bitnami
    url: https://charts.bitnami.com/bitnami
---
releases:
  - name: api
    chart: acme/api
    version: 1.4.1
  - name: cache
    chart: bitnami/redis
    version: '>=18'
  - name: local
    chart: ./charts/local
    version: 0.1.0
  - name: direct
    chart: oci://ghcr.io/other/charts/api
    version: 2.0.0
  - name: nested
    chart: acme/team/web
    version: "3.0.0"
  - name: unknown
    chart: stable/grafana
`;
    expect(chartsOf(helmfile).map((s) => [s.chart, s.origin.kind === 'url' ? s.origin.repository : undefined, s.version, s.range])).toEqual([
      ['api', 'oci://ghcr.io/acme/charts', '1.4.1', false],
      ['redis', 'https://charts.bitnami.com/bitnami', '>=18', true],
      ['api', 'oci://ghcr.io/other/charts', '2.0.0', false],
      ['web', 'oci://ghcr.io/acme/charts/team', '3.0.0', false],
      ['grafana', undefined, undefined, false],
    ]);
  });
});

describe('markers and holds', () => {
  it('makes a site of a marked scalar, and re-targets a found one', () => {
    const text = 'deploy:\n  chartVersion: 1.4.1 # gitops-bump: chart oci://ghcr.io/acme/charts/api\n  other: 1.0.0 # gitops-bump: chart web\n';
    expect(chartsOf(text).map((s) => [s.form, s.chart, s.origin, s.version, s.path])).toEqual([
      ['marker', 'api', { kind: 'url', url: 'oci://ghcr.io/acme/charts', repository: 'oci://ghcr.io/acme/charts' }, '1.4.1', 'deploy.chartVersion'],
      ['marker', 'web', { kind: 'none' }, '1.0.0', 'deploy.other'],
    ]);
    expect(bump(text, '1.5.0')).toBe(text.replace('chartVersion: 1.4.1', 'chartVersion: 1.5.0'));
    // A chart marker names no image.
    expect(locate(text).sites).toEqual([]);
  });

  it('holds a version a `# gitops-bump: hold` comment covers, or a chart marker followed by hold', () => {
    const held = helmRelease.replace('# pinned by CI', '# gitops-bump: hold until INC-7');
    expect(chartsOf(held)[0]).toMatchObject({ held: true, hold: { line: 10, reason: 'until INC-7' } });
    const marked = 'chartVersion: 1.4.1 # gitops-bump: chart api hold rolled back\n';
    expect(chartsOf(marked)).toEqual([expect.objectContaining({ form: 'marker', chart: 'api', held: true, hold: { line: 1, reason: 'rolled back' } })]);
  });

  it('locates nothing about charts unless asked', () => {
    expect(locate(helmRelease).charts).toBeUndefined();
  });
});
