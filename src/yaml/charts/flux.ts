// Flux: HelmRelease (spec.chart.spec {chart, version, sourceRef}; an environment's patch sets the version alone),
// the source objects a HelmRelease names (HelmRepository, OCIRepository), and OCIRepository's own tag.

import { isMap } from 'yaml';
import { normaliseChartRepository } from '../../image/chart.js';
import type { NodeReader } from '../shapes/reader.js';
import { chartSite, child, rootOf, text, type At } from './read.js';
import type { ChartSource, FoundChartSite, SourceRef } from './site.js';

const HELM_GROUP = 'helm.toolkit.fluxcd.io/';
const SOURCE_GROUP = 'source.toolkit.fluxcd.io/';
/** The media type of a Helm chart's layer: an OCIRepository selecting it holds a chart. */
const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

/** The kind of a Flux object this document is, when it is one. */
export function fluxKind(reader: NodeReader): { kind: string; group: 'helm' | 'source' } | undefined {
  const root = reader.root;
  if (!isMap(root)) return undefined;
  const apiVersion = root.get('apiVersion');
  const kind = root.get('kind');
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  if (apiVersion.startsWith(HELM_GROUP)) return { kind, group: 'helm' };
  if (apiVersion.startsWith(SOURCE_GROUP)) return { kind, group: 'source' };
  return undefined;
}

function metadata(root: At): { name: string; namespace?: string } | undefined {
  const meta = child(root, 'metadata');
  const name = text(meta, 'name');
  const namespace = text(meta, 'namespace');
  return name === undefined ? undefined : { name, ...(namespace !== undefined && { namespace }) };
}

/**
 * A HelmRelease's chart: `spec.chart.spec` with `chart` (a base: its sourceRef says where from) or with `version`
 * alone (an environment's kustomize patch: its base is found by name and namespace). A HelmRelease reading its
 * chart through `spec.chartRef` has no version here (the OCIRepository holds it).
 */
export function helmReleaseSite(reader: NodeReader): FoundChartSite | undefined {
  const root = rootOf(reader);
  if (root === undefined) return undefined;
  const spec = child(root, 'spec', 'chart', 'spec');
  if (spec === undefined) return undefined;
  const chart = text(spec, 'chart');
  if (chart === undefined && !spec.map.has('version')) return undefined;
  const ref = child(spec, 'sourceRef');
  const refKind = text(ref, 'kind');
  const refName = text(ref, 'name');
  const refNamespace = text(ref, 'namespace');
  const source: SourceRef | undefined =
    refKind !== undefined && refName !== undefined ? { kind: refKind, name: refName, ...(refNamespace !== undefined && { namespace: refNamespace }) } : undefined;
  const release = metadata(root);
  return chartSite(reader, spec, {
    form: 'helm-release',
    chart,
    chartKey: 'chart',
    origin: source === undefined ? { kind: 'none' } : { kind: 'source', source },
    versionKey: 'version',
    ...(release !== undefined && { release }),
  });
}

/** A HelmRelease's `spec.chartRef` to an OCIRepository (its namespace, when not written, the HelmRelease's). */
export function chartRefOf(reader: NodeReader): SourceRef | undefined {
  const root = rootOf(reader);
  const ref = child(root, 'spec', 'chartRef');
  const kind = text(ref, 'kind');
  const name = text(ref, 'name');
  if (root === undefined || kind !== 'OCIRepository' || name === undefined) return undefined;
  const namespace = text(ref, 'namespace') ?? metadata(root)?.namespace;
  return { kind, name, ...(namespace !== undefined && { namespace }) };
}

/** A HelmRepository or OCIRepository: a source a HelmRelease may name. */
export function fluxSource(reader: NodeReader, kind: string): ChartSource | undefined {
  if (kind !== 'HelmRepository' && kind !== 'OCIRepository') return undefined;
  const root = rootOf(reader);
  const meta = root === undefined ? undefined : metadata(root);
  const url = text(child(root, 'spec'), 'url');
  if (meta === undefined || url === undefined) return undefined;
  return { kind, ...meta, url, repository: normaliseChartRepository(url) };
}

/**
 * An OCIRepository's chart: the URL's last part is the chart, `spec.ref.tag` its version; `spec.ref.semver` is a
 * range the cluster resolves (reported, never overwritten); a `spec.ref.digest` pins the artifact (not a site).
 * Flux also ships manifests as OCI artifacts: without the Helm chart layer selector, only a request naming the
 * repository matches (`needsRepository`), unless a HelmRelease's chartRef names the object (core/charts.ts).
 */
export function ociRepositorySite(reader: NodeReader): FoundChartSite | undefined {
  const root = rootOf(reader);
  const spec = child(root, 'spec');
  const url = text(spec, 'url');
  if (spec === undefined || url === undefined || !/^oci:\/\//i.test(url)) return undefined;
  const ref = child(spec, 'ref') ?? { map: spec.map, steps: [...spec.steps, 'ref'], flow: spec.flow };
  if (text(ref, 'digest') !== undefined) return undefined;
  const cut = url.replace(/\/+$/, '').lastIndexOf('/');
  const chart = url.slice(cut + 1).replace(/\/+$/, '');
  const repository = url.slice(0, cut);
  const semver = text(ref, 'semver') !== undefined;
  const site = chartSite(reader, child(spec, 'ref') ?? spec, {
    form: 'oci-repository',
    chart,
    origin: { kind: 'url', url: repository, repository: normaliseChartRepository(repository) },
    versionKey: child(spec, 'ref') === undefined ? 'ref' : semver ? 'semver' : 'tag',
    range: semver,
  });
  const layer = text(child(spec, 'layerSelector'), 'mediaType');
  const meta = root === undefined ? undefined : metadata(root);
  const named = site === undefined || meta === undefined ? site : { ...site, release: meta };
  return named === undefined || layer === HELM_CHART_LAYER ? named : { ...named, needsRepository: true };
}
