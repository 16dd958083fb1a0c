// Byte-exact edits: only the bytes of the values that change are touched. Comments, blank lines, quote
// style, indentation, flow style, key order, CRLF, a BOM, a missing final newline and the other
// documents of a stream stay as they were. Pure: no module state; the hold rule is {@link whyHeld}, the overlap
// rule is edits.ts's.

import { isValidDigest, isValidTag } from '../image/reference.js';
import { doubleQuoted, renderNew, renderOver, type ScalarSlot } from './scalar.js';
import type { EntrySlot, FieldSlot, FieldsTarget, Hold, ImageSite, ReferenceTarget } from './site.js';
import { LineIndex } from './text.js';
import type { TextEdit } from './edits.js';

/** The version a site should point at: a tag, a digest, or both. */
export interface Want {
  readonly tag?: string;
  readonly digest?: string;
}

/** The site's shape cannot hold what was asked (a digest where there is no digest field, a block scalar, a hold…). */
export class UnwritableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnwritableError';
  }
}

/**
 * The minimal edits that make `site` (found by `locate(text)`) point at `want`; [] when it already does. `lines`: the
 * text's line index when the caller has it (locate's, shared by every site of a file); else built when needed.
 * A tag alone drops a stale digest; a digest alone drops a tag that no longer names it where a reference can
 * do without one (a whole reference, a kustomize entry), while Helm maps and marked fields keep their tag; a
 * tag and digest are both written where the shape has room for the digest (a reference, kustomize `digest`,
 * a Helm `digest`/`sha` sibling, a `tag@digest` tag). See {@link versionAfter} and {@link clearField}. Pure.
 * Throws {@link UnwritableError} when the shape cannot hold the request (a digest alone where a values map
 * has no digest field, a block scalar, a hold: then the message is {@link whyHeld}'s).
 */
export function rewrite(text: string, site: ImageSite, want: Want, lines?: LineIndex): TextEdit[] {
  checkWant(site, want);
  const held = whyHeld(site);
  if (held !== undefined) throw new UnwritableError(held);
  const target = site.target;
  const edits = target.kind === 'reference' ? referenceEdits(text, site, target, want) : fieldsEdits(new Source(text, lines), site, target, want);
  return edits.filter((edit) => text.slice(edit.start, edit.end) !== edit.text);
}

/**
 * The hold rule: a value a `# gitops-bump: hold` comment covers is never written. Which values a hold covers is
 * decided once, by locate (a site's `held` and `hold`, an alias's `hold`); this says why, in the words every
 * refusal uses: "held by a `# gitops-bump: hold` comment on line 12: until INC-42 is fixed". Undefined when not held.
 */
export function whyHeld(value: { readonly held?: boolean; readonly hold?: Hold }): string | undefined {
  if (value.held !== true && value.hold === undefined) return undefined;
  const comment = 'held by a `# gitops-bump: hold` comment';
  const hold = value.hold;
  if (hold === undefined) return comment;
  return `${comment} on line ${hold.line}${hold.reason === undefined ? '' : `: ${hold.reason}`}`;
}

/** The text being rewritten, with its line index (the caller's, or built on first need: most edits need none). */
class Source {
  constructor(
    readonly text: string,
    private index: LineIndex | undefined,
  ) {
    if (index !== undefined && index.text !== text) throw new Error('internal: the line index given is of another text');
  }

  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }
}

// ---- whole references ------------------------------------------------------------------------------------

function referenceEdits(text: string, site: ImageSite, target: ReferenceTarget, want: Want): TextEdit[] {
  const name = target.writtenName;
  if (name === undefined) throw new UnwritableError(`${where(site)}: ${JSON.stringify(target.scalar.text ?? '')} is not an image reference`);
  const { tag, digest } = versionAfter(site, want);
  const reference = `${name}${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
  return [setScalar(text, site, target.scalar, `${target.prefix}${reference}`)];
}

/**
 * The version `site` holds once `rewrite(text, site, want)` is applied:
 * - a tag alone drops a stale digest;
 * - a digest alone drops a tag that no longer names it where a reference can do without one (a whole
 *   reference, a kustomize entry); a Helm map or marked fields keep their tag (charts need one, and the digest
 *   decides what is pulled); an unchanged digest keeps everything as it is;
 * - a digest the shape has no room for (a values map without a digest field) is not written.
 */
export function versionAfter(site: ImageSite, want: Want): { readonly tag?: string; readonly digest?: string } {
  const target = site.target;
  const digestFits =
    target.kind === 'reference' || target.digestInTag || target.shape === 'kustomize' || target.digest !== undefined || target.sha !== undefined;
  const digest = digestFits ? want.digest : undefined;
  const tag = want.tag ?? (dropsTag(site, want) ? undefined : site.tag);
  return { ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** True when a digest-only request replaces the digest of a site whose tag can go (a whole reference, a kustomize entry). */
function dropsTag(site: ImageSite, want: Want): boolean {
  const target = site.target;
  const tagCanGo = target.kind === 'reference' || target.shape === 'kustomize';
  return tagCanGo && want.tag === undefined && want.digest !== undefined && want.digest !== site.digest;
}

// ---- fields: split, kustomize, markers -------------------------------------------------------------------

function fieldsEdits(source: Source, site: ImageSite, target: FieldsTarget, want: Want): TextEdit[] {
  const text = source.text;
  const tagKey = target.shape === 'kustomize' ? 'newTag' : 'tag';
  if (target.digestInTag) {
    const tag = want.tag ?? site.tag;
    if (tag === undefined) throw new UnwritableError(`${where(site)}: the tag field holds tag@digest but no tag is known to write the digest after`);
    if (target.tag === undefined) throw new Error('internal: digestInTag without a tag field');
    return [setScalar(text, site, target.tag.scalar, want.digest === undefined ? tag : `${tag}@${want.digest}`)];
  }
  // Stale fields first, so that a new key never lands on a line that goes: a tag alone clears the digest, a
  // digest alone clears the kustomize newTag it replaces.
  const stale = want.digest === undefined ? [target.digest, target.sha] : dropsTag(site, want) ? [target.tag] : [];
  const cleared = stale.flatMap((field) => (field === undefined || field.scalar.text === undefined || field.scalar.text === '' ? [] : [clearField(source, site, target, field)]));
  const removed = new Set(cleared.flatMap(({ field, removed }) => (removed ? [field] : [])));
  const edits: TextEdit[] = [];
  if (want.tag !== undefined) {
    if (target.tag !== undefined) edits.push(setScalar(text, site, target.tag.scalar, want.tag));
    else edits.push(insertField(source, site, target, tagKey, want.tag, removed));
  }
  if (want.digest !== undefined) {
    const edit = digestEdit(source, site, target, want.digest, want.tag !== undefined, removed);
    if (edit !== undefined) edits.push(edit);
  }
  edits.push(...cleared.map(({ edit }) => edit));
  return mergeInsertions(edits);
}

/**
 * Insertions at one offset (a new tag and a new digest line) become one edit, in the order they were made;
 * an insertion where a removal starts (the last line of a text without a final newline) takes its place.
 */
function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const isInsertion = (candidate: TextEdit): boolean => candidate.start === candidate.end;
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const same = isInsertion(edit) ? merged.findIndex((other) => isInsertion(other) && other.start === edit.start) : -1;
    const previous = merged[same];
    if (previous === undefined) merged.push(edit);
    else merged[same] = { ...previous, text: previous.text + edit.text };
  }
  return merged.flatMap((edit) => {
    if (isInsertion(edit) && merged.some((other) => isRemovalAt(other, edit.start))) return [];
    const insertion = edit.text === '' ? merged.find((other) => isInsertion(other) && isRemovalAt(edit, other.start)) : undefined;
    return [insertion === undefined ? edit : { ...edit, text: insertion.text }];
  });
}

function isRemovalAt(edit: TextEdit, offset: number): boolean {
  return edit.text === '' && edit.start === offset && edit.end > edit.start;
}

/** Writes a digest: the digest field, the `sha` field (bare hex), or a new kustomize `digest:`. */
function digestEdit(source: Source, site: ImageSite, target: FieldsTarget, digest: string, withTag: boolean, removed: ReadonlySet<FieldSlot>): TextEdit | undefined {
  const text = source.text;
  if (target.digest !== undefined) return setScalar(text, site, target.digest.scalar, digest);
  if (target.sha !== undefined) {
    if (!digest.startsWith('sha256:')) throw new UnwritableError(`${where(site)}: the 'sha' field holds a sha256 digest; ${digest.split(':')[0]} cannot be written there`);
    return setScalar(text, site, target.sha.scalar, digest.slice('sha256:'.length));
  }
  if (target.shape === 'kustomize') return insertField(source, site, target, 'digest', digest, removed);
  // A values map without a digest field: a chart would not read one, so only the tag is written.
  if (withTag) return undefined;
  const missing =
    target.shape === 'marker'
      ? `marked image has no ':digest' marker; ask for a tag too, or mark its digest with '# gitops-bump: ${site.name}:digest'`
      : "map has no digest field ('digest' or 'sha'); ask for a tag too, or add the field where the chart reads it";
  throw new UnwritableError(`${where(site)}: this ${missing}`);
}

/**
 * Empties a stale tag or digest field. A kustomize entry loses the pair (its line, or `, key: value` in a flow
 * entry); a pair that cannot go cleanly (a comment on its line, such as a Flux setter; an inherited pair) and
 * every other shape get `""`, which kustomize and charts read as unset (a Helm values file must not drop the
 * key, or the chart's default, maybe a pinned digest, would come back).
 */
function clearField(source: Source, site: ImageSite, target: FieldsTarget, field: FieldSlot): { field: FieldSlot; edit: TextEdit; removed: boolean } {
  const removal = target.shape === 'kustomize' && target.entry !== undefined && !field.inherited ? removeField(source, target.entry, field) : undefined;
  return removal === undefined ? { field, edit: setScalar(source.text, site, field.scalar, ''), removed: false } : { field, edit: removal, removed: true };
}

// ---- scalar, insertion, removal --------------------------------------------------------------------------

/**
 * Replaces one scalar's content, keeping its style (and a double-quoted scalar's own escapes) unless YAML would
 * then read a non-string. A comment aligned after padding keeps its column.
 */
function setScalar(text: string, site: ImageSite, slot: ScalarSlot, value: string): TextEdit {
  return scalarEdit(text, slot, value, where(site));
}

/**
 * The edit writing `value` over one scalar, as {@link rewrite} writes every value: its style kept (a numeric-looking
 * plain value gets double quotes), a comment aligned after it kept in its column. `place` names the site in the
 * error for a block scalar ({@link UnwritableError}). Used for chart versions and appVersion too.
 */
export function scalarEdit(text: string, slot: ScalarSlot, value: string, place: string): TextEdit {
  if (slot.text === value) return { start: slot.start, end: slot.end, text: text.slice(slot.start, slot.end) };
  const rendered = renderOver(slot, text.slice(slot.start, slot.end), value);
  if (rendered === undefined) throw new UnwritableError(`${place}: the value on line ${slot.line} is a block scalar (| or >); write it on one line to let it be bumped`);
  if (slot.start !== slot.end) return keepCommentColumn(text, slot, rendered);
  // An empty value (`tag:`): the new scalar needs a blank after the colon and before a comment that follows.
  const before = /[ \t]/.test(text[slot.start - 1] ?? '') ? '' : ' ';
  const after = text[slot.start] === '#' ? ' ' : '';
  return { start: slot.start, end: slot.end, text: `${before}${rendered}${after}` };
}

/**
 * The edit writing `rendered` over a block-context scalar followed by two or more spaces and a `#` comment:
 * the padding takes the difference in length, so the comment stays in its column (at least one space stays).
 * A single space, a tab, a flow collection or a scalar spanning lines: the padding is left as it is.
 */
function keepCommentColumn(text: string, slot: ScalarSlot, rendered: string): TextEdit {
  const edit = { start: slot.start, end: slot.end, text: rendered };
  const delta = rendered.length - (slot.end - slot.start);
  if (delta === 0 || slot.inFlow || /[\r\n]/.test(text.slice(slot.start, slot.end))) return edit;
  let padEnd = slot.end;
  while (text[padEnd] === ' ') padEnd++;
  const padding = padEnd - slot.end;
  if (padding < 2 || text[padEnd] !== '#') return edit;
  return { start: slot.start, end: padEnd, text: rendered + ' '.repeat(Math.max(1, padding - delta)) };
}

/**
 * Adds `key: value` to the entry: a new line after `insertAfter` (block), or `, key: value` before `}` (flow).
 * When `insertAfter` is a pair being removed, the new line follows the last pair that stays.
 */
function insertField(source: Source, site: ImageSite, target: FieldsTarget, key: string, value: string, removed: ReadonlySet<FieldSlot>): TextEdit {
  const text = source.text;
  const entry = target.entry;
  const after = target.insertAfter !== undefined && removed.has(target.insertAfter) ? entry?.fields.findLast((field) => !removed.has(field)) : target.insertAfter;
  if (entry === undefined) {
    throw new UnwritableError(`${where(site)}: there is no '${key}' to write (mark the ${key} with '# gitops-bump: ${site.name}:${key === 'digest' ? 'digest' : 'tag'}')`);
  }
  if (entry.flow) {
    // JSON-style entries (`{"name": "x"}`) get a JSON-style pair, so a .json file stays JSON.
    const json = text.startsWith('"', entry.firstKeyStart);
    const pair = json ? `${doubleQuoted(key)}: ${doubleQuoted(value)}` : `${key}: ${renderNew(value, true)}`;
    return { start: entry.lastValueEnd, end: entry.lastValueEnd, text: `, ${pair}` };
  }
  if (after === undefined && !entry.lastIsInline) {
    throw new UnwritableError(`${where(site)}: no place to add '${key}:' (the mapping ends in a nested block); add '${key}:' by hand once`);
  }
  const lines = source.lines;
  const at = lines.lineEnd(after === undefined ? entry.lastValueEnd : Math.max(after.valueEnd, after.keyStart));
  const indent = ' '.repeat(entry.firstKeyStart - lines.lineStart(lines.line(entry.firstKeyStart)));
  return { start: at, end: at, text: `${lines.eolAt(at)}${indent}${key}: ${renderNew(value, false)}` };
}

/**
 * Removes a pair: its whole line (block), the pair and its `key: ` on the `- ` line of a sequence item (the next
 * pair moves up), or `, key: value` (flow). Undefined when that is not clean: a comment or another node on
 * its line or between it and its neighbour stays, so the caller writes `""` instead.
 */
function removeField(source: Source, entry: EntrySlot, field: FieldSlot): TextEdit | undefined {
  const { text, lines } = source;
  if (entry.flow) {
    const index = entry.fields.indexOf(field);
    const previous = entry.fields[index - 1];
    const next = entry.fields[index + 1];
    const separator = (start: number, end: number): boolean => /^\s*,\s*$/.test(text.slice(start, end));
    // A comment right after the pair (on a flow entry written over several lines) stays with it.
    if (/^[ \t]*,?[ \t]*#/.test(text.slice(field.valueEnd, lines.lineEnd(field.valueEnd)))) return undefined;
    if (previous !== undefined && separator(previous.valueEnd, field.keyStart)) return { start: previous.valueEnd, end: field.valueEnd, text: '' };
    if (index === 0 && next !== undefined && separator(field.valueEnd, next.keyStart)) return { start: field.keyStart, end: next.keyStart, text: '' };
    return undefined;
  }
  const line = lines.line(field.keyStart);
  const lineStart = lines.lineStart(line);
  // Only a line holding nothing but the pair goes: one with a comment (a Flux setter, a note) keeps its place.
  const rest = text.slice(field.valueEnd, lines.lineEnd(field.valueEnd));
  if (lines.line(field.valueEnd) !== line || rest.trim() !== '') return undefined;
  const lead = text.slice(lineStart, field.keyStart);
  const next = lines.nextLineStart(field.valueEnd);
  if (lead.trim() !== '') {
    // `- digest: …` opening a sequence item: the item's next pair, on the next line at the same column, moves up.
    const column = field.keyStart - lineStart;
    const following = text.slice(next, next + column + 1);
    const nextKey = next + column;
    if (!/^ *- +$/.test(lead) || !/^ *[^ \t\r\n#]$/.test(following) || following.length !== column + 1 || nextKey > entry.lastValueEnd) return undefined;
    return { start: field.keyStart, end: nextKey, text: '' };
  }
  if (next === text.length && !text.endsWith('\n') && lineStart > 0) {
    const eolLength = text[lineStart - 2] === '\r' ? 2 : 1;
    return { start: lineStart - eolLength, end: next, text: '' };
  }
  return { start: lineStart, end: next, text: '' };
}

// ---- checks ----------------------------------------------------------------------------------------------

function checkWant(site: ImageSite, want: Want): void {
  if (want.tag === undefined && want.digest === undefined) throw new UnwritableError(`${where(site)}: nothing to write (neither a tag nor a digest)`);
  if (want.tag !== undefined && !isValidTag(want.tag)) throw new UnwritableError(`${where(site)}: ${JSON.stringify(want.tag)} is not a valid tag`);
  if (want.digest !== undefined && !isValidDigest(want.digest)) throw new UnwritableError(`${where(site)}: ${JSON.stringify(want.digest)} is not a valid digest`);
}

function where(site: ImageSite): string {
  return `line ${site.line} (${site.path})`;
}
