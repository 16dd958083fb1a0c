// A small GitOps repository where an image and its chart move together (issue 14): a chart with its values, a
// Flux HelmRelease and its HelmRepository, an Argo CD Application, and the look-alikes that must stay as they are.

/** The repository's files, by path. */
export const CHART_REPO: Readonly<Record<string, string>> = {
  'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\ndescription: The API\nversion: 0.3.0\nappVersion: "1.4.1"\n',
  'charts/api/values.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.1 # the API image\nreplicas: 2\n',
  'clusters/prod/api.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: api
  namespace: prod
spec:
  interval: 10m
  chart:
    spec:
      chart: api
      version: "1.4.1"
      sourceRef:
        kind: HelmRepository
        name: acme
        namespace: flux-system
`,
  'clusters/prod/other.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: other-api
  namespace: prod
spec:
  chart:
    spec:
      chart: api
      version: 1.4.1
      sourceRef:
        kind: HelmRepository
        name: other
        namespace: flux-system
`,
  'infrastructure/sources.yaml': `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: acme
  namespace: flux-system
spec:
  type: oci
  url: oci://ghcr.io/acme/charts
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: other
  namespace: flux-system
spec:
  url: https://charts.other.io
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: api-latest
  namespace: flux-system
spec:
  url: oci://ghcr.io/acme/charts/api
  layerSelector:
    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
  ref:
    semver: ">=1.0.0"
`,
  'argocd/api.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: api
spec:
  project: default
  sources:
    - repoURL: ghcr.io/acme/charts  # OCI, no scheme
      chart: api
      targetRevision: 1.4.1
      helm:
        valueFiles:
          - $values/charts/api/values.yaml
    - repoURL: https://github.com/acme/gitops.git
      targetRevision: main
      ref: values
`,
};

/** What the run with the image, the chart and chart-app-version writes: exactly these files, exactly these bytes. */
export const CHART_REPO_AFTER: Readonly<Record<string, string>> = {
  'argocd/api.yaml': CHART_REPO['argocd/api.yaml']!.replace('targetRevision: 1.4.1', 'targetRevision: 1.5.0'),
  'charts/api/Chart.yaml': CHART_REPO['charts/api/Chart.yaml']!.replace('appVersion: "1.4.1"', 'appVersion: "1.5.0"'),
  'charts/api/values.yaml': CHART_REPO['charts/api/values.yaml']!.replace('tag: 1.4.1', 'tag: 1.5.0'),
  'clusters/prod/api.yaml': CHART_REPO['clusters/prod/api.yaml']!.replace('version: "1.4.1"', 'version: "1.5.0"'),
};

export const CHART_INPUTS = { images: 'ghcr.io/acme/api:1.5.0', charts: 'oci://ghcr.io/acme/charts/api:1.5.0', 'chart-app-version': 'true' } as const;

/** The `changes` output of that run. */
export const CHART_CHANGES = [
  { kind: 'chart', file: 'argocd/api.yaml', line: 10, chart: 'oci://ghcr.io/acme/charts/api', from: '1.4.1', to: '1.5.0' },
  { kind: 'chart', file: 'charts/api/Chart.yaml', line: 5, chart: 'api', field: 'appVersion', from: '1.4.1', to: '1.5.0' },
  { kind: 'image', file: 'charts/api/values.yaml', line: 3, image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0' },
  { kind: 'chart', file: 'clusters/prod/api.yaml', line: 11, chart: 'oci://ghcr.io/acme/charts/api', from: '1.4.1', to: '1.5.0' },
];
