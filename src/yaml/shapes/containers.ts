// Whole references in one scalar: any `image:` key holding a reference, at any depth (pod specs, compose files,
// custom resources, values maps), written plain, quoted or as an alias of an anchored scalar.

import type { Alias, Scalar } from 'yaml';
import { tryParseReference } from '../../image/reference.js';
import { formatPath, type PathStep } from '../path.js';
import { resolvesAsNonString, type ScalarSlot } from '../scalar.js';
import type { FoundSite, SiteForm, SiteTarget } from '../site.js';
import { rangeOf, type NodeReader } from './reader.js';

/** An `image: *alias` met during the walk: the anchored scalar becomes a site once the walk is done. */
export interface AliasedImage {
  readonly steps: readonly PathStep[];
  readonly slot: ScalarSlot;
  readonly alias: Alias;
}

/** The site of `image: <reference>`, or undefined when the value is no string (`image: 5`, `image: true`, `image:`). */
export function imageSite(reader: NodeReader, steps: readonly PathStep[], slot: ScalarSlot, node: Scalar, keyStart: number): FoundSite | undefined {
  if (slot.style === 'plain' && (slot.text === undefined || resolvesAsNonString(slot.text))) return undefined;
  if (node.value !== null && typeof node.value === 'object') return undefined;
  const site = referenceSite(reader, 'full', steps, slot, '');
  const keyLine = reader.lines.line(keyStart);
  return keyLine === slot.line ? site : { ...site, lines: [slot.line, keyLine] };
}

/** Images written as aliases: the anchored scalar is the site, once, unless it is already one of `sites`. */
export function aliasedImageSites(reader: NodeReader, sites: readonly FoundSite[], aliased: readonly AliasedImage[]): FoundSite[] {
  const found: FoundSite[] = [];
  if (aliased.length === 0) return found;
  const taken = new Set(sites.flatMap((site) => (site.target.kind === 'reference' ? [site.target.scalar.start] : [])));
  for (const { steps, slot, alias } of aliased) {
    if (taken.has(slot.start)) continue;
    taken.add(slot.start);
    const [start, end] = rangeOf(alias);
    const site = referenceSite(reader, 'full', steps, slot, '');
    found.push({ ...site, lines: [slot.line, reader.lines.line(start)], aliasEnd: end });
  }
  return found;
}

/** A site for the reference in `slot` after `prefix` (`alias=` in Argo CD strings). */
export function referenceSite(reader: NodeReader, form: SiteForm, steps: readonly PathStep[], slot: ScalarSlot, prefix: string): FoundSite {
  // A block scalar (`image: |`) is located so that a bump of it is refused, not silently skipped.
  const written = (slot.text ?? '').slice(prefix.length);
  const text = slot.style === 'block' ? written.trim() : written;
  const parsed = tryParseReference(text);
  const target: SiteTarget = { kind: 'reference', scalar: slot, prefix, writtenName: parsed?.name };
  return {
    form,
    doc: reader.index,
    path: formatPath(steps),
    line: slot.line,
    column: slot.column,
    name: parsed?.name ?? text,
    repository: parsed?.repository,
    ...(parsed?.tag !== undefined && { tag: parsed.tag }),
    ...(parsed?.digest !== undefined && { digest: parsed.digest }),
    target,
    lines: [slot.line],
  };
}
