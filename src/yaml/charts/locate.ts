// Where Helm chart versions live in a YAML stream (issue 14), found without configuration:
// - Flux HelmRelease spec.chart.spec {chart, version, sourceRef}, and an environment's patch setting the version
//   alone (its base is found in core/charts.ts); the HelmRepository / OCIRepository objects sourceRefs name;
// - Flux OCIRepository spec.url (`oci://…/chart`) with spec.ref.tag (spec.ref.semver: a range, reported);
// - Argo CD Application / ApplicationSet template spec.source and spec.sources[] {repoURL, chart, targetRevision};
// - Chart.yaml dependencies[] {name, version, repository}; kustomize helmCharts[] {name, repo, version};
// - helmfile releases[] {chart: repo/name, version} with repositories[] {name, url};
// - a marker: `version: 1.4.2 # gitops-bump: chart oci://ghcr.io/acme/charts/api` (or a bare chart name).
// Holds are the image engine's (`# gitops-bump: hold` on the version's line or directly above it). A chart's own
// `version` in Chart.yaml is never a site; its appVersion is a fact (chart-app-version moves it with the image).

import { isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { normaliseChartRepository, parseChartReference, type ChartReference } from '../../image/chart.js';
import type { MarkerComment } from '../markers.js';
import type { ParsedStream } from '../parse.js';
import { formatPath, type PathStep } from '../path.js';
import type { ScalarSlot } from '../scalar.js';
import { keyText, NodeReader } from '../shapes/reader.js';
import type { Hold } from '../site.js';
import { chartRefOf, fluxKind, fluxSource, helmReleaseSite, ociRepositorySite } from './flux.js';
import { inlinePatchSites } from './inline.js';
import { held } from './read.js';
import { argoSites, chartYamlFacts, dependencySites, helmChartSites, helmfileRepositories, helmfileSites, kustomizationFacts } from './shapes.js';
import type { ChartFacts, ChartOrigin, ChartSite, ChartSource, ChartYamlFacts, FoundChartSite, KustomizationFacts, SourceRef } from './site.js';

export type { ChartFacts, ChartForm, ChartOrigin, ChartSite, ChartSource, ChartYamlFacts, KustomizationFacts, SourceRef } from './site.js';

/** Every chart site, Flux source and kustomization or Chart.yaml fact of a parsed stream. */
export function locateCharts(stream: ParsedStream, holds: ReadonlyMap<number, Hold>, markers: readonly MarkerComment[]): ChartFacts {
  const readers = stream.documents.map((doc, index) => new NodeReader(doc, index, stream.lines));
  const repositories = new Map<string, string>();
  for (const reader of readers) for (const [name, url] of helmfileRepositories(reader)) repositories.set(name, url);
  const found: FoundChartSite[] = [];
  const sources: ChartSource[] = [];
  const chartRefs: SourceRef[] = [];
  let kustomization: KustomizationFacts | undefined;
  let chartYaml: Omit<ChartYamlFacts, 'held' | 'hold'> | undefined;
  // Inline patches are their own YAML: their holds are their own comments (applied in inline.ts).
  const inline: ChartSite[] = [];
  for (const reader of readers) {
    const flux = fluxKind(reader);
    if (flux?.group === 'helm' && flux.kind === 'HelmRelease') {
      push(found, helmReleaseSite(reader));
      const ref = chartRefOf(reader);
      if (ref !== undefined) chartRefs.push(ref);
    }
    if (flux?.group === 'source') {
      const source = fluxSource(reader, flux.kind);
      if (source !== undefined) sources.push(source);
      if (flux.kind === 'OCIRepository') push(found, ociRepositorySite(reader));
    }
    if (flux !== undefined) continue;
    found.push(...argoSites(reader), ...dependencySites(reader), ...helmChartSites(reader), ...helmfileSites(reader, repositories));
    const facts = kustomizationFacts(reader);
    if (facts !== undefined) inline.push(...inlinePatchSites(reader, stream.text));
    kustomization ??= facts;
    chartYaml ??= chartYamlFacts(reader);
  }
  const chartMarkers = markers.filter((marker) => marker.chart !== undefined);
  const marked = chartMarkers.length === 0 ? found : withMarkers(found, chartMarkers, stream);
  const sites = [...marked.map((site) => held(site, holds)), ...inline].sort((a, b) => a.line - b.line || a.column - b.column);
  const appHold = chartYaml?.appVersion === undefined ? undefined : holds.get(chartYaml.appVersion.line);
  return {
    sites,
    sources,
    chartRefs,
    ...(kustomization !== undefined && { kustomization }),
    ...(chartYaml !== undefined && { chartYaml: { ...chartYaml, held: appHold !== undefined, ...(appHold !== undefined && { hold: appHold }) } }),
  };
}

function push(list: FoundChartSite[], site: FoundChartSite | undefined): void {
  if (site !== undefined) list.push(site);
}

/** A value scalar of the stream: where it is, its document and path, and the key it is the value of. */
interface ValueScalar {
  readonly slot: ScalarSlot;
  readonly doc: number;
  readonly steps: readonly PathStep[];
}

/**
 * Marker comments name the chart of the scalar they follow on its line: that scalar is the chart's version. On a
 * site found above, the marker's chart replaces what the file says (as an image marker does); elsewhere it makes a
 * site. A marker naming no valid chart is ignored.
 */
function withMarkers(found: readonly FoundChartSite[], markers: readonly MarkerComment[], stream: ParsedStream): FoundChartSite[] {
  const byLine = new Map<number, ValueScalar>();
  stream.documents.forEach((doc, index) => {
    for (const scalar of valueScalars(doc, index, stream)) {
      const previous = byLine.get(scalar.slot.line);
      if (previous === undefined || previous.slot.end < scalar.slot.end) byLine.set(scalar.slot.line, scalar);
    }
  });
  const sites = [...found];
  for (const marker of markers) {
    const reference = chartOf(marker.chart ?? '');
    const scalar = byLine.get(marker.line);
    if (reference === undefined || scalar === undefined || scalar.slot.end > marker.offset || scalar.slot.style === 'block') continue;
    const origin: ChartOrigin = reference.url === undefined ? { kind: 'none' } : { kind: 'url', url: reference.url, repository: normaliseChartRepository(reference.url) };
    const index = sites.findIndex((site) => site.slot?.start === scalar.slot.start);
    const existing = sites[index];
    if (existing !== undefined) {
      sites[index] = { ...existing, chart: reference.name, origin, needsRepository: false };
      continue;
    }
    const version = scalar.slot.text === '' ? undefined : scalar.slot.text;
    sites.push({
      form: 'marker',
      doc: scalar.doc,
      path: formatPath(scalar.steps),
      line: scalar.slot.line,
      column: scalar.slot.column,
      chart: reference.name,
      origin,
      version,
      range: false,
      slot: scalar.slot,
      lines: [scalar.slot.line],
    });
  }
  return sites;
}

function chartOf(text: string): ChartReference | undefined {
  try {
    const reference = parseChartReference(text);
    return reference.version === undefined ? reference : undefined;
  } catch {
    return undefined;
  }
}

/** Every scalar that is a mapping's value or a sequence's item, with its path and whether it sits in a flow collection. */
function valueScalars(doc: Document.Parsed, index: number, stream: ParsedStream): ValueScalar[] {
  const reader = new NodeReader(doc, index, stream.lines);
  const out: ValueScalar[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key') return;
      const steps: PathStep[] = [];
      let flow = false;
      for (let i = 0; i < path.length; i++) {
        const step = path[i];
        if (isMap(step) || isSeq(step)) flow ||= step.flow === true;
        if (isSeq(step)) steps.push(step.items.indexOf(path[i + 1] ?? node));
        else if (isMap(step)) {
          const pair = path[i + 1];
          const name = pair !== undefined && 'key' in pair ? keyText(pair.key) : undefined;
          if (name !== undefined) steps.push(name);
        }
      }
      if (isScalar(node)) out.push({ slot: reader.slot(node, flow), doc: index, steps });
    },
  });
  return out;
}
