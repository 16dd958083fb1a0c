// `# gitops-bump: …` comments: a hold on a line, or a marker naming the image a scalar belongs to.

import { tryParseReference } from '../image/reference.js';
import { formatPath } from './path.js';
import type { SourceComment } from './parse.js';
import type { FieldSlot, SiteTarget } from './site.js';
import type { LineIndex } from './text.js';
import type { FoundSite, SeenScalar } from './walk.js';

const MARKER = /^#\s*gitops-bump:\s*(.*)$/;
const SUFFIX = /^(.+):(tag|digest|name)$/;

/** What one `# gitops-bump:` comment says. */
export interface MarkerComment {
  readonly line: number;
  readonly offset: number;
  readonly hold: boolean;
  /** The marked reference, when the comment names one. */
  readonly reference?: { readonly name: string; readonly repository: string; readonly part: 'reference' | 'tag' | 'digest' | 'name' };
}

/** Reads the `# gitops-bump:` comments; others are ignored. */
export function readMarkers(comments: readonly SourceComment[], lines: LineIndex): MarkerComment[] {
  const markers: MarkerComment[] = [];
  for (const comment of comments) {
    const match = MARKER.exec(comment.text.trimEnd());
    if (match === null) continue;
    const words = (match[1] ?? '').split(/\s+/).filter((word) => word !== '');
    const hold = words.includes('hold');
    const spec = words.find((word) => word !== 'hold');
    const reference = spec === undefined ? undefined : markerReference(spec);
    markers.push({ line: lines.line(comment.offset), offset: comment.offset, hold, ...(reference !== undefined && { reference }) });
  }
  return markers;
}

function markerReference(spec: string): MarkerComment['reference'] {
  const suffix = SUFFIX.exec(spec);
  if (suffix !== null) {
    const parsed = tryParseReference(suffix[1] ?? '');
    if (parsed !== undefined && parsed.tag === undefined && parsed.digest === undefined) {
      return { name: parsed.name, repository: parsed.repository, part: suffix[2] as 'tag' | 'digest' | 'name' };
    }
  }
  const parsed = tryParseReference(spec);
  return parsed === undefined ? undefined : { name: parsed.name, repository: parsed.repository, part: 'reference' };
}

/**
 * Sites for marker comments on scalars that are not already part of a site: a whole reference (`…`),
 * or the tag / digest / name of one (`…:tag`, `…:digest`, `…:name`; those in one mapping form one site).
 */
export function markerSites(
  markers: readonly MarkerComment[],
  scalars: readonly SeenScalar[],
  taken: ReadonlySet<number>,
  doc: number,
): FoundSite[] {
  const byLine = new Map<number, SeenScalar>();
  for (const scalar of scalars) {
    const previous = byLine.get(scalar.slot.line);
    if (previous === undefined || previous.slot.end < scalar.slot.end) byLine.set(scalar.slot.line, scalar);
  }
  const sites: FoundSite[] = [];
  const groups = new Map<string, { name: string; repository: string; parts: Map<'tag' | 'digest' | 'name', SeenScalar> }>();
  for (const marker of markers) {
    const reference = marker.reference;
    const scalar = byLine.get(marker.line);
    if (reference === undefined || scalar === undefined || scalar.slot.end > marker.offset || taken.has(scalar.slot.start)) continue;
    if (scalar.slot.style === 'block') continue;
    if (reference.part === 'reference') {
      sites.push(referenceMarkerSite(doc, scalar, reference));
      continue;
    }
    const key = `${scalar.parent}\u0000${reference.repository}`;
    const group = groups.get(key) ?? { name: reference.name, repository: reference.repository, parts: new Map() };
    group.parts.set(reference.part, scalar);
    groups.set(key, group);
  }
  for (const group of groups.values()) sites.push(fieldsMarkerSite(doc, group));
  return sites;
}

function referenceMarkerSite(doc: number, scalar: SeenScalar, reference: NonNullable<MarkerComment['reference']>): FoundSite {
  const parsed = tryParseReference(scalar.slot.text ?? '');
  const target: SiteTarget = { kind: 'reference', scalar: scalar.slot, prefix: '', writtenName: parsed?.name };
  return {
    form: 'marker',
    doc,
    path: formatPath(scalar.steps),
    line: scalar.slot.line,
    column: scalar.slot.column,
    name: reference.name,
    repository: reference.repository,
    ...(parsed?.tag !== undefined && { tag: parsed.tag }),
    ...(parsed?.digest !== undefined && { digest: parsed.digest }),
    target,
    lines: [scalar.slot.line],
  };
}

function fieldsMarkerSite(
  doc: number,
  group: { name: string; repository: string; parts: ReadonlyMap<'tag' | 'digest' | 'name', SeenScalar> },
): FoundSite {
  const tag = group.parts.get('tag');
  const digest = group.parts.get('digest');
  const shown = tag ?? digest ?? group.parts.get('name');
  if (shown === undefined) throw new Error('internal: an empty marker group');
  const field = (scalar: SeenScalar | undefined): FieldSlot | undefined =>
    scalar === undefined
      ? undefined
      : { key: String(scalar.steps[scalar.steps.length - 1]), scalar: scalar.slot, aliased: false, inherited: false, keyStart: scalar.slot.start, valueEnd: scalar.slot.end };
  const tagField = field(tag);
  const digestField = field(digest);
  const tagText = tag?.slot.text === '' ? undefined : tag?.slot.text;
  const digestText = digest?.slot.text === '' ? undefined : digest?.slot.text;
  return {
    form: 'marker',
    doc,
    path: formatPath(shown.steps),
    line: shown.slot.line,
    column: shown.slot.column,
    name: group.name,
    repository: group.repository,
    ...(tagText !== undefined && { tag: tagText }),
    ...(digestText !== undefined && { digest: digestText }),
    target: {
      kind: 'fields',
      shape: 'marker',
      ...(tagField !== undefined && { tag: tagField }),
      ...(digestField !== undefined && { digest: digestField }),
      digestInTag: false,
    },
    lines: [...group.parts.values()].map((scalar) => scalar.slot.line),
  };
}
