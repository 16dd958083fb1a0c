// Where image references live in a YAML stream (DESIGN.md §4). One parse, one walk per document.
//
// Shapes (walk.ts visits every place, shapes/ tells what it holds; first match wins for a scalar; a scalar
// belongs to at most one site):
// - full:      a key `image` whose value is a plain or quoted scalar (`image: ghcr.io/acme/api:1.4`), at any
//              depth; an aliased value (`image: *img`) makes the anchored scalar the site, once.
// - split:     a Helm-values map with `repository` plus `tag`/`registry`/`digest`/`sha`, under any key; or
//              under a key naming an image (`image`, `thanosImage`, `images.ui`): `repository` alone,
//              `name` + `tag`, `tag` alone; or a bare-name `image` + `tag` anywhere. The name is registry +
//              repository; a bare `name: agent` (registry set elsewhere) is not resolvable. Also Argo CD
//              `helm.parameters` pairs `X.repository`/`X.name` + `X.tag` (+ `X.registry`, `X.digest`).
// - kustomize: items of an `images:` list with `name` and newName/newTag/digest/newDigest/tagSuffix (any
//              `name` item in a kustomization or a Flux Kustomization's spec); matched on newName ?? name.
// - argocd-kustomize: strings of a `kustomize.images` list (`ref` or `alias=ref`).
// - marker:    `# gitops-bump: <repository>` on a scalar holding a reference, or `…:tag` / `…:digest` /
//              `…:name` on the scalars holding the parts (grouped per mapping). On a line of a site found
//              above, the marker's repository becomes that site's match key instead.
// Holds (markers.ts): a `# gitops-bump: hold` comment on a line a site's value or key is on, or on a comment line
// directly above it, freezes the site. Whether a site (or an alias reading its value) is held is decided here
// only, in finish(); splice's `whyHeld` says why, and `rewrite` and plan refuse a held value in those words.
// Anchors (anchors.ts): a site writing an anchored value lists every alias that reads it, and who reads it there,
// so that a move nobody asked for is refused (plan.ts).
// Look-alikes are excluded by where they are: documents of Flux image/source APIs, argocd-image-updater and
// CRDs; an object's `status`; `managedFields`, `volumes`, `rbd`, `openAPIV3Schema`; the `target` of
// kustomize patches and replacements. Block scalars are opaque (images embedded in them are not sites).

import { NESTED_TOO_DEEPLY, parseStream, TOO_DEEP, YamlSyntaxError, type ParsedStream } from './parse.js';
import { sharedUses, type FoundUse } from './anchors.js';
import { locateCharts, type ChartFacts } from './charts/locate.js';
import { holdLines, markerSites, mayHoldMarkers, readMarkers, type MarkerComment } from './markers.js';
import type { FoundSite, Hold, ImageSite, SharedUse } from './site.js';
import type { LineIndex } from './text.js';
import { DocumentWalker, type SeenScalar } from './walk.js';

export { writtenScalars } from './anchors.js';
export type { ChartFacts, ChartOrigin, ChartSite, ChartSource, ChartYamlFacts, SourceRef } from './charts/locate.js';
export { YamlSyntaxError } from './parse.js';
export { isChartTemplate } from './template.js';
export type { EntrySlot, FieldSlot, FieldsTarget, Hold, ImageSite, ReferenceTarget, SharedUse, SiteForm, SiteTarget } from './site.js';

/** Every image site of a stream, in document and line order, and the text's line index (for `rewrite`). */
export interface LocateResult {
  readonly sites: readonly ImageSite[];
  readonly lines: LineIndex;
  /** The chart sites, Flux sources and chart facts of the stream, when asked for (`charts: true`). */
  readonly charts?: ChartFacts;
}

export interface LocateOptions {
  /** Also locate Helm chart versions (charts/locate.ts), from the same parse. */
  readonly charts?: boolean;
}

/**
 * Finds every image reference in `text` (one parse, one walk per document).
 * Throws {@link YamlSyntaxError} when the text is not well-formed YAML.
 */
export function locate(text: string, options: LocateOptions = {}): LocateResult {
  try {
    return locateStream(text, options.charts === true);
  } catch (error) {
    // A document nested thousands of levels deep overflows the stack of a recursive walk: say so, located.
    if (error instanceof RangeError && TOO_DEEP.test(error.message)) throw new YamlSyntaxError(1, 1, NESTED_TOO_DEEPLY);
    throw error;
  }
}

function locateStream(text: string, charts: boolean): LocateResult {
  const hasMarkers = mayHoldMarkers(text);
  const stream = parseStream(text, hasMarkers);
  const markers = hasMarkers ? readMarkers([...stream.comments].sort((a, b) => a.offset - b.offset), stream.lines) : [];
  const holds = holdLines(markers, text, stream.lines);
  const byDocument = markersByDocument(stream, markers.filter((marker) => marker.reference !== undefined));
  // Aliases need anchors: a text without both signs shares no value (the usual case costs two scans).
  const mayShare = text.includes('*') && text.includes('&');
  const sites: ImageSite[] = [];
  stream.documents.forEach((doc, index) => {
    const found = locateDocument(stream, index, byDocument.get(index) ?? []);
    const shared = mayShare && found.length > 0 ? sharedUses(doc, found, stream.lines) : undefined;
    for (const site of found) sites.push(finish(site, holds, shared?.get(site)));
  });
  const chartFacts = charts ? locateCharts(stream, holds, markers) : undefined;
  return { sites, lines: stream.lines, ...(chartFacts !== undefined && { charts: chartFacts }) };
}

/** The site as reported: held when a hold covers one of its lines or an alias it reads its value through. */
function finish(found: FoundSite, holds: ReadonlyMap<number, Hold>, uses: readonly FoundUse[] | undefined): ImageSite {
  const { lines, aliasEnd: _, ...site } = found;
  const own = uses?.filter((use) => use.kind === 'own').map((use) => use.line) ?? [];
  const hold = holds.size === 0 ? undefined : [...lines, ...own].map((line) => holds.get(line)).find((candidate) => candidate !== undefined);
  const shared = uses?.map((use): SharedUse => {
    const aliasHold = holds.get(use.line);
    return aliasHold === undefined ? use : { ...use, hold: aliasHold };
  });
  return { ...site, held: hold !== undefined, ...(hold !== undefined && { hold }), ...(shared !== undefined && { shared }) };
}

function locateDocument(stream: ParsedStream, index: number, markers: readonly MarkerComment[]): FoundSite[] {
  const doc = stream.documents[index];
  if (doc === undefined) return [];
  const scalars: SeenScalar[] = [];
  const collect = markers.length > 0 ? (scalar: SeenScalar) => scalars.push(scalar) : undefined;
  const walked = new DocumentWalker(doc, index, stream.lines, collect).walk();
  if (collect === undefined) return walked;
  const found = walked.map((site) => withMarkedRepository(site, markers));
  const taken = new Set(found.flatMap(slotStarts));
  found.push(...markerSites(markers, scalars, taken, index));
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * A marker on the line of a site's own value names its image: `image: mirror.local/api:1 # gitops-bump:
 * ghcr.io/acme/api`, or `tag: 7.5 # gitops-bump: gcr.io/datadoghq/agent:tag` in a map whose registry is
 * set elsewhere. The marker's repository becomes the site's match key.
 */
function withMarkedRepository(site: FoundSite, markers: readonly MarkerComment[]): FoundSite {
  const target = site.target;
  const slots = target.kind === 'reference' ? [target.scalar] : [target.tag, target.digest, target.sha, target.insertAfter].flatMap((field) => (field === undefined ? [] : [field.scalar]));
  const marker = markers.find((candidate) => slots.some((slot) => slot.line === candidate.line && slot.end <= candidate.offset));
  const repository = marker?.reference?.repository;
  return repository === undefined || repository === site.repository ? site : { ...site, repository };
}

/** Marker comments by the document they sit in (markers and documents are both in source order). */
function markersByDocument(stream: ParsedStream, markers: readonly MarkerComment[]): Map<number, MarkerComment[]> {
  const byDocument = new Map<number, MarkerComment[]>();
  let index = 0;
  for (const marker of markers) {
    while (index < stream.documents.length - 1 && (stream.documents[index]?.range[2] ?? 0) <= marker.offset) index++;
    const list = byDocument.get(index) ?? [];
    list.push(marker);
    byDocument.set(index, list);
  }
  return byDocument;
}

function slotStarts(site: FoundSite): number[] {
  const target = site.target;
  if (target.kind === 'reference') return [target.scalar.start];
  return [target.tag, target.digest, target.sha, ...(target.entry?.fields ?? [])].flatMap((field) => (field === undefined ? [] : [field.scalar.start]));
}
