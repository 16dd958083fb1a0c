// Test helpers for the YAML engine: reading a value back as a YAML reader would, and describing edits.

import { parseAllDocuments, visit, type Scalar } from 'yaml';
import { locate, type ImageSite } from '../../../src/yaml/locate.js';
import { applyEdits, type TextEdit } from '../../../src/yaml/edits.js';
import { LineIndex } from '../../../src/yaml/text.js';

export const DIGEST = `sha256:${'a'.repeat(64)}`;

/** The public fields of a site, for comparing with a table row. */
export function summary(site: ImageSite): Record<string, unknown> {
  const { target: _target, ...rest } = site;
  return rest;
}

/** The sites `locate` finds in `text`, without their targets. */
export function sitesOf(text: string): Record<string, unknown>[] {
  return locate(text).sites.map(summary);
}

/** The values `yaml` reads, under YAML `version` (types resolved), for the scalars starting at `offsets`. */
export function scalarsAt(text: string, offsets: readonly number[], version: '1.1' | '1.2'): unknown[] {
  const found = new Map<number, unknown>();
  for (const doc of parseAllDocuments(text, { version, uniqueKeys: false })) {
    visit(doc, {
      Scalar(_, node: Scalar) {
        const start = node.range?.[0];
        if (start !== undefined) found.set(start, node.value);
      },
    });
  }
  return offsets.map((offset) => (found.has(offset) ? found.get(offset) : `<no scalar at ${offset}>`));
}

/** Where the first character of `edit` (one of `edits`) lands in the output once every edit is applied. */
export function outputOffset(edits: readonly TextEdit[], edit: TextEdit): number {
  let shift = 0;
  for (const other of edits) {
    if (other !== edit && other.end <= edit.start) shift += other.text.length - (other.end - other.start);
  }
  return edit.start + shift;
}

/** 1-based numbers of the lines of `before` that are not kept verbatim in `after` (a common prefix/suffix diff). */
export function changedRegion(before: string, after: string): { removed: string[]; added: string[]; firstLine: number } {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { removed: a.slice(prefix, a.length - suffix), added: b.slice(prefix, b.length - suffix), firstLine: prefix + 1 };
}

/** The offsets of every scalar `site` may change (the tag, digest, sha or whole-reference scalar). */
export function siteScalarRanges(site: ImageSite): { start: number; end: number; line: number }[] {
  const target = site.target;
  if (target.kind === 'reference') return [target.scalar];
  return [target.tag, target.digest, target.sha].flatMap((field) => (field === undefined ? [] : [field.scalar]));
}

/** The 1-based lines a bump of `site` may change: its scalars' lines and, where a key can be inserted, the insertion line. */
export function siteLines(text: string, site: ImageSite): Set<number> {
  const lines = new LineIndex(text);
  const result = new Set(siteScalarRanges(site).map((scalar) => scalar.line));
  const target = site.target;
  if (target.kind === 'fields' && target.entry?.flow === true) result.add(lines.line(target.entry.lastValueEnd));
  return result;
}

/** Applies `edits` and returns the output. */
export function apply(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, edits);
}
