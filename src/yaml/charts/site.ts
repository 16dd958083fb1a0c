// The places a Helm chart's version lives in a YAML file, as located in the source text (see locate.ts).

import type { ScalarSlot } from '../scalar.js';
import type { Hold } from '../site.js';

/** Which shape holds the chart version. */
export type ChartForm =
  | 'helm-release' // Flux HelmRelease spec.chart.spec.{chart, version, sourceRef} (a patch: version alone)
  | 'oci-repository' // Flux OCIRepository spec.url + spec.ref.tag (or spec.ref.semver, a range)
  | 'argocd' // Argo CD Application / ApplicationSet template: spec.source(s) {repoURL, chart, targetRevision}
  | 'chart-dependency' // Chart.yaml dependencies[] {name, version, repository}
  | 'kustomize-helm-chart' // kustomization helmCharts[] {name, repo, version}
  | 'helmfile' // helmfile releases[] {chart: repo/name, version} with repositories[]
  | 'marker'; // `version: 1.4.2 # gitops-bump: chart oci://ghcr.io/acme/charts/api`

/** A Flux `sourceRef` (or `chartRef`): the source object a HelmRelease reads its chart from. */
export interface SourceRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** Where a file says a chart comes from. */
export type ChartOrigin =
  /** A repository URL as written, and its key (undefined when it names no comparable repository: `@bitnami`). */
  | { readonly kind: 'url'; readonly url: string; readonly repository: string | undefined }
  /** A Flux source object, found by kind, name and namespace (core resolves it across files). */
  | { readonly kind: 'source'; readonly source: SourceRef }
  /** Nothing: a HelmRelease patch (its base names the chart), or a marker naming a chart alone. */
  | { readonly kind: 'none' };

/** One place a chart version lives. */
export interface ChartSite {
  readonly form: ChartForm;
  /** 0-based document index in the stream. */
  readonly doc: number;
  /** YAML path of the version scalar (or of the mapping, when it has no version field). */
  readonly path: string;
  /** 1-based line and column of the version scalar (or of the mapping's chart name). */
  readonly line: number;
  readonly column: number;
  /** The chart's name as written; undefined for a HelmRelease patch (its base names it). */
  readonly chart: string | undefined;
  readonly origin: ChartOrigin;
  /** The version as written; undefined when there is none (`version:` absent or empty). */
  readonly version: string | undefined;
  /** The version is a constraint resolved elsewhere (`>=1.0.0`, `1.x`, `spec.ref.semver`): reported, never pinned. */
  readonly range: boolean;
  /** The version scalar to write; undefined when the mapping has no version field. */
  readonly slot: ScalarSlot | undefined;
  /** Only a request naming the repository matches (an OCIRepository that may hold manifests rather than a chart). */
  readonly needsRepository?: boolean;
  /**
   * The object's metadata: a HelmRelease's (a patch finds its base by name and namespace), an OCIRepository's (a
   * HelmRelease's `chartRef` names it).
   */
  readonly release?: { readonly name: string; readonly namespace?: string };
  readonly held: boolean;
  readonly hold?: Hold;
  /** Why the version, found, cannot be written byte-exactly (an inline kustomize patch in a folded block): refused. */
  readonly unwritable?: string;
}

/** A Flux source object defined in a file: a HelmRepository (charts under its URL) or an OCIRepository (one chart). */
export interface ChartSource {
  readonly kind: 'HelmRepository' | 'OCIRepository';
  readonly name: string;
  readonly namespace?: string;
  readonly url: string;
  /** The URL's key (see normaliseChartRepository); undefined when it has none. */
  readonly repository: string | undefined;
}

/** What a kustomization says about the files it puts together (a patch's base is found through it). */
export interface KustomizationFacts {
  /** `resources` (and `bases`) entries as written: relative folders or files. */
  readonly resources: readonly string[];
}

/** A Chart.yaml's own fields: `appVersion` may follow the image (`chart-app-version`), `version` never. */
export interface ChartYamlFacts {
  readonly name: string;
  /** The appVersion scalar, when there is one. */
  readonly appVersion?: ScalarSlot;
  readonly held: boolean;
  readonly hold?: Hold;
}

/** Everything about charts one file holds. */
export interface ChartFacts {
  readonly sites: readonly ChartSite[];
  readonly sources: readonly ChartSource[];
  /** The OCIRepository objects HelmReleases read their chart from (`spec.chartRef`), namespace filled in. */
  readonly chartRefs: readonly SourceRef[];
  readonly kustomization?: KustomizationFacts;
  readonly chartYaml?: ChartYamlFacts;
}

/** A site before its hold is known: with the lines a hold on which freezes it. */
export type FoundChartSite = Omit<ChartSite, 'held' | 'hold'> & { readonly lines: readonly number[] };
