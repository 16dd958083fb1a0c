// Charts outside Flux: Argo CD Application / ApplicationSet sources, Chart.yaml dependencies, kustomize
// `helmCharts`, helmfile releases; and what a Chart.yaml and a kustomization say about themselves.

import { isScalar, isSeq, type Node } from 'yaml';
import { normaliseChartRepository } from '../../image/chart.js';
import { isTemplated, type NodeReader } from '../shapes/reader.js';
import { chartSite, child, items, rootOf, text, type At } from './read.js';
import type { ChartOrigin, ChartYamlFacts, FoundChartSite, KustomizationFacts } from './site.js';

/** The origin of a chart whose repository URL is `url` as written (none when absent). */
function urlOrigin(url: string | undefined): ChartOrigin {
  return url === undefined ? { kind: 'none' } : { kind: 'url', url, repository: normaliseChartRepository(url) };
}

/** Argo CD: every `spec.source` / `spec.sources[]` (an ApplicationSet's under `spec.template`) naming a Helm chart. */
export function argoSites(reader: NodeReader): FoundChartSite[] {
  const root = rootOf(reader);
  const kind = root?.map.get('kind');
  const apiVersion = root?.map.get('apiVersion');
  if (typeof apiVersion !== 'string' || !apiVersion.startsWith('argoproj.io/')) return [];
  const spec = kind === 'Application' ? child(root, 'spec') : kind === 'ApplicationSet' ? child(root, 'spec', 'template', 'spec') : undefined;
  const sources = [child(spec, 'source'), ...items(spec, 'sources')].filter((at): at is At => at !== undefined);
  return sources.flatMap((source) => {
    const chart = text(source, 'chart');
    const url = text(source, 'repoURL');
    if (chart === undefined || isTemplated(url)) return [];
    const site = chartSite(reader, source, { form: 'argocd', chart, chartKey: 'chart', origin: urlOrigin(url), versionKey: 'targetRevision' });
    return site === undefined ? [] : [site];
  });
}

/** True for a Chart.yaml: a kind-less document with `apiVersion: v1|v2`, `name` and `version`. */
function isChartYaml(root: At | undefined): root is At {
  if (root === undefined || root.map.has('kind')) return false;
  const apiVersion = text(root, 'apiVersion');
  return (apiVersion === 'v1' || apiVersion === 'v2') && text(root, 'name') !== undefined && root.map.has('version');
}

/**
 * Chart.yaml `dependencies[]` with a repository one can name (an umbrella chart's subcharts). A dependency without
 * a repository (it sits in `charts/`) or from `file://` is the chart's own and is not a site.
 */
export function dependencySites(reader: NodeReader): FoundChartSite[] {
  const root = rootOf(reader);
  if (!isChartYaml(root)) return [];
  return items(root, 'dependencies').flatMap((dependency) => {
    const name = text(dependency, 'name');
    const repository = text(dependency, 'repository');
    if (name === undefined || repository === undefined || /^file:\/\//i.test(repository) || isTemplated(repository)) return [];
    const site = chartSite(reader, dependency, { form: 'chart-dependency', chart: name, chartKey: 'name', origin: urlOrigin(repository), versionKey: 'version' });
    return site === undefined ? [] : [site];
  });
}

/** A Chart.yaml's name and its appVersion scalar (for `chart-app-version`); the chart's own `version` is never a site. */
export function chartYamlFacts(reader: NodeReader): Omit<ChartYamlFacts, 'held' | 'hold'> | undefined {
  const root = rootOf(reader);
  if (!isChartYaml(root)) return undefined;
  const appVersion = reader.fieldsOf(root.map, root.flow).get('appVersion');
  const usable = appVersion !== undefined && !appVersion.aliased && appVersion.scalar.style !== 'block';
  return { name: text(root, 'name') ?? '', ...(usable && { appVersion: appVersion.scalar }) };
}

/** True for a kustomization: kind Kustomization/Component of kustomize.config.k8s.io, or kind-less with its keys. */
function isKustomization(root: At | undefined): root is At {
  if (root === undefined) return false;
  const kind = root.map.get('kind');
  const apiVersion = root.map.get('apiVersion');
  if (kind === 'Kustomization' || kind === 'Component') return typeof apiVersion !== 'string' || apiVersion.startsWith('kustomize.config.k8s.io/');
  return kind === undefined && ['resources', 'bases', 'helmCharts', 'patches', 'components'].some((key) => root.map.has(key));
}

/** kustomize `helmCharts[]` {name, repo, version}; an entry without `repo` is a local chart, not a site. */
export function helmChartSites(reader: NodeReader): FoundChartSite[] {
  const root = rootOf(reader);
  if (!isKustomization(root)) return [];
  return items(root, 'helmCharts').flatMap((entry) => {
    const name = text(entry, 'name');
    const repo = text(entry, 'repo');
    // Without `repo` the chart is local (under `helmGlobals.chartHome`): its version is not one to move.
    if (name === undefined || repo === undefined || isTemplated(repo)) return [];
    const site = chartSite(reader, entry, { form: 'kustomize-helm-chart', chart: name, chartKey: 'name', origin: urlOrigin(repo), versionKey: 'version' });
    return site === undefined ? [] : [site];
  });
}

/** A kustomization's `resources` and `bases` (strings), for finding the base a HelmRelease patch belongs to. */
export function kustomizationFacts(reader: NodeReader): KustomizationFacts | undefined {
  const root = rootOf(reader);
  if (!isKustomization(root)) return undefined;
  const resources: string[] = [];
  for (const key of ['resources', 'bases']) {
    const list = root.map.get(key, true) as Node | undefined;
    if (!isSeq(list)) continue;
    for (const item of list.items) if (isScalar(item) && typeof item.value === 'string') resources.push(item.value);
  }
  return { resources };
}

/** helmfile `repositories[]` of one document: name → URL (an `oci: true` URL is scheme-less: it is an OCI registry). */
export function helmfileRepositories(reader: NodeReader): Map<string, string> {
  const root = rootOf(reader);
  const found = new Map<string, string>();
  if (root === undefined || root.map.has('kind')) return found;
  for (const repository of items(root, 'repositories')) {
    const name = text(repository, 'name');
    const url = text(repository, 'url');
    if (name !== undefined && url !== undefined) found.set(name, url);
  }
  return found;
}

/**
 * helmfile `releases[]` {chart, version}: `chart` is `repo/name` or `repo/path/name` (the repository by name from
 * `repositories`, in any document of the file), or `oci://…/name`; a local path (`./charts/api`) is not a site.
 */
export function helmfileSites(reader: NodeReader, repositories: ReadonlyMap<string, string>): FoundChartSite[] {
  const root = rootOf(reader);
  if (root === undefined || root.map.has('kind') || !isSeq(root.map.get('releases', true))) return [];
  return items(root, 'releases').flatMap((release) => {
    const chart = text(release, 'chart');
    if (chart === undefined || /^\.{0,2}\//.test(chart) || isTemplated(chart)) return [];
    const cut = chart.lastIndexOf('/');
    if (cut < 0) return [];
    const prefix = chart.slice(0, cut);
    // `repo/name`, or `repo/path/name` under an OCI repository (`docker/bitnamicharts/nginx`): the first part names
    // the repository, the rest of the path continues its URL.
    const slash = prefix.indexOf('/');
    const named = repositories.get(slash < 0 ? prefix : prefix.slice(0, slash));
    const url = /^[a-z]+:\/\//i.test(prefix) ? prefix : named === undefined ? undefined : `${named.replace(/\/+$/, '')}${slash < 0 ? '' : prefix.slice(slash)}`;
    const origin: ChartOrigin = url === undefined ? { kind: 'url', url: prefix, repository: undefined } : urlOrigin(url);
    const site = chartSite(reader, release, { form: 'helmfile', chart: chart.slice(cut + 1), chartKey: 'chart', origin, versionKey: 'version' });
    return site === undefined ? [] : [site];
  });
}
