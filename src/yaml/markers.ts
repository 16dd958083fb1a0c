// `# gitops-bump: …` comments: a hold on a line (or on the line below a comment line), or a marker naming the
// image a scalar belongs to.

import { tryParseReference } from '../image/reference.js';
import { formatPath } from './path.js';
import type { SourceComment } from './parse.js';
import type { FieldSlot, FoundSite, Hold, SiteTarget } from './site.js';
import type { LineIndex } from './text.js';
import type { SeenScalar } from './walk.js';

/** `gitops-bump:` anywhere in a comment (not inside a longer word), case-insensitive; group 1 is what follows. */
const MARKER = /(?<![\w-])gitops-bump:(.*)$/i;
/** A comment that starts with the marker: only there may it name an image (a mention in prose must not re-target a site). */
const LEADING = /^#\s*$/;
/** `hold`, then an optional reason. */
const HOLD = /^\s*hold(?![\w-])(.*)$/i;
const WORD = /^\s*(\S+)(.*)$/;
const SUFFIX = /^(.+):(tag|digest|name)$/;
/** `chart <repository/name>`, then an optional `hold`: the scalar is a chart's version (see charts/locate.ts). */
const CHART = /^\s*chart\s+(\S+)(.*)$/i;
/** Longest reason shown in `refused` (the rest of a long comment is cut with an ellipsis). */
const REASON_LIMIT = 200;

/** Cheap test for a text that may hold a `gitops-bump:` comment (then comments are read). */
export function mayHoldMarkers(text: string): boolean {
  return text.includes('gitops-bump') || /gitops-bump/i.test(text);
}

/** What one `# gitops-bump:` comment says. */
export interface MarkerComment {
  readonly line: number;
  readonly offset: number;
  /** The comment holds the line (`# gitops-bump: hold [reason]`, `# gitops-bump: <image>:tag hold [reason]`). */
  readonly hold: boolean;
  /** The text after `hold`, when there is some. */
  readonly reason?: string;
  /** The chart a `# gitops-bump: chart <chart>` comment names (as written), when it names one. */
  readonly chart?: string;
  /** The marked reference, when the comment names one. */
  readonly reference?: { readonly name: string; readonly repository: string; readonly part: 'reference' | 'tag' | 'digest' | 'name' };
}

/**
 * Reads the `gitops-bump:` comments; others are ignored. A hold is recognised anywhere in a comment, in any case
 * (`# INC-42, GitOps-Bump: hold until the fix`); an image is named only by a comment that starts with the marker
 * (`# gitops-bump: ghcr.io/acme/api:tag`, optionally followed by `hold`).
 */
export function readMarkers(comments: readonly SourceComment[], lines: LineIndex): MarkerComment[] {
  const markers: MarkerComment[] = [];
  for (const comment of comments) {
    const text = comment.text.trimEnd();
    const match = MARKER.exec(text);
    if (match === null) continue;
    const leading = LEADING.test(text.slice(0, match.index));
    const parsed = readBody(match[1] ?? '', leading);
    if (!parsed.hold && parsed.reference === undefined && parsed.chart === undefined) continue;
    markers.push({ line: lines.line(comment.offset), offset: comment.offset, ...parsed });
  }
  return markers;
}

function readBody(body: string, leading: boolean): Pick<MarkerComment, 'hold' | 'reason' | 'reference' | 'chart'> {
  const chart = CHART.exec(body);
  if (chart !== null) {
    // A chart marker names no image: `chart` is a word here, never the image `docker.io/library/chart`.
    const then = HOLD.exec(chart[2] ?? '');
    const held = then !== null && /^\s/.test(chart[2] ?? '');
    const reason = held ? cleanReason(then[1] ?? '') : undefined;
    return { hold: held, ...(reason !== undefined && { reason }), ...(leading && { chart: chart[1] ?? '' }) };
  }
  const hold = HOLD.exec(body);
  if (hold !== null) {
    // `hold ghcr.io/acme/api:tag` (the older order) still names the image: only a word with a part or a path does.
    const next = WORD.exec(hold[1] ?? '');
    const spec = leading && next !== null && /^[^:]*\/|:(?:tag|digest|name)$/.test(next[1] ?? '') ? markerReference(next[1] ?? '') : undefined;
    const reason = cleanReason(spec === undefined ? (hold[1] ?? '') : (next?.[2] ?? ''));
    return { hold: true, ...(reason !== undefined && { reason }), ...(spec !== undefined && { reference: spec }) };
  }
  const first = WORD.exec(body);
  if (first === null) return { hold: false };
  const spec = markerReference(first[1] ?? '');
  const then = HOLD.exec(first[2] ?? '');
  const held = spec !== undefined && then !== null && /^\s/.test(first[2] ?? '');
  const reason = held ? cleanReason(then[1] ?? '') : undefined;
  return { hold: held, ...(reason !== undefined && { reason }), ...(leading && spec !== undefined && { reference: spec }) };
}

/** The reason as shown: leading punctuation dropped, control characters blanked, cut at {@link REASON_LIMIT}. */
function cleanReason(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/^[\s:;,.=\-\u2013\u2014]+/, '').trim();
  if (clean === '') return undefined;
  return clean.length > REASON_LIMIT ? `${clean.slice(0, REASON_LIMIT - 1)}…` : clean;
}

/**
 * The lines each hold freezes, with the hold: a comment after a value holds its own line; a comment on a line
 * of its own holds the first line below its block of comment lines (`# gitops-bump: hold` directly above the
 * value, as Renovate's comments are written), unless a blank line comes first. The first hold of a line wins.
 */
export function holdLines(markers: readonly MarkerComment[], text: string, lines: LineIndex): Map<number, Hold> {
  const held = new Map<number, Hold>();
  for (const marker of markers) {
    if (!marker.hold) continue;
    const hold: Hold = { line: marker.line, ...(marker.reason !== undefined && { reason: marker.reason }) };
    const ownLine = text.slice(lines.lineStart(marker.line), marker.offset).trim() === '';
    const target = ownLine ? lineBelow(text, lines, marker.line) : marker.line;
    if (target !== undefined && !held.has(target)) held.set(target, hold);
  }
  return held;
}

/** The first line after `line` that is neither a comment line nor blank; undefined when a blank line (or the end) comes first. */
function lineBelow(text: string, lines: LineIndex, line: number): number | undefined {
  for (let next = line + 1; ; next++) {
    const start = lines.lineStart(next);
    if (start >= text.length) return undefined;
    const content = text.slice(start, lines.lineEnd(start)).trim();
    if (content === '') return undefined;
    if (!content.startsWith('#')) return next;
  }
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
