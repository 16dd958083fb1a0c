// Values shared through YAML anchors and aliases. An alias is never edited: the anchored scalar is, so writing
// it moves every alias of it too. For each site that writes an anchored value, every alias that reads it is
// listed with who reads the value there (the site itself, another image site, or a place that is not an image),
// so that plan can refuse a move nobody asked for (DESIGN.md §4, README "Holds and anchors").
//
// An alias refers to the nearest anchor of its name before it in the same document (a redefined anchor starts
// afresh). An alias reads a scalar when it names that scalar's anchor, or an anchored collection holding it. A
// merge key (`<<: *base`, `<<: [*a, *b]`) reads a scalar of the base under key k unless the merging mapping
// (or an earlier base in its list) has its own k.

import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type YAMLMap } from 'yaml';
import type { FieldSlot, FoundSite, SharedUse } from './site.js';
import type { LineIndex } from './text.js';
import { keyText } from './shapes/reader.js';

/** An alias of the document and where it stands. */
interface AliasAt {
  readonly node: Alias;
  readonly start: number;
  readonly end: number;
  /** The anchored node it refers to. */
  readonly target: Node;
  /** The key of the pair whose value it is (`image` for `image: *img`); undefined in a sequence. */
  readonly key: string | undefined;
  /** For a merge key's alias: the mapping it merges into and the bases listed before it. */
  readonly merge?: { readonly into: YAMLMap; readonly before: readonly Node[] };
}

/** A scalar a site writes: its offsets, and the field that holds it (undefined for a whole reference). */
export interface Written {
  readonly start: number;
  readonly end: number;
  readonly field?: FieldSlot;
}

/** A shared use before its hold is known. */
export type FoundUse = Omit<SharedUse, 'hold'>;

/**
 * For each site of one document writing a scalar that some alias reads: those aliases, classified from that
 * site's point of view (see {@link SharedUse}). Sites whose values no alias reads are not in the map.
 */
export function sharedUses(doc: Document.Parsed, sites: readonly FoundSite[], lines: LineIndex): Map<FoundSite, FoundUse[]> {
  const result = new Map<FoundSite, FoundUse[]>();
  const { byTarget, anchored } = readAliases(doc);
  if (byTarget.size === 0) return result;
  const readers = new Map<number, FoundSite[]>();
  for (const site of sites) {
    for (const scalar of writtenScalars(site)) readers.set(scalar.start, [...(readers.get(scalar.start) ?? []), site]);
  }
  for (const site of sites) {
    const uses: FoundUse[] = [];
    for (const scalar of writtenScalars(site)) {
      const found = aliasesReading(scalar, site, readers.get(scalar.start) ?? [], byTarget, anchored);
      for (const { alias, kind } of found.sort((a, b) => a.alias.start - b.alias.start)) {
        uses.push({ scalar: scalar.start, anchor: alias.node.source, line: lines.line(alias.start), column: lines.column(alias.start), kind });
      }
    }
    if (uses.length > 0) result.set(site, uses);
  }
  return result;
}

/**
 * The aliases that read `scalar`: those naming it or a collection holding it, then, until none is new, those
 * naming a collection that holds one of these (`e: *d` where `d` holds `image: *img`), classified.
 */
function aliasesReading(
  scalar: Written,
  site: FoundSite,
  readers: readonly FoundSite[],
  byTarget: ReadonlyMap<Node, readonly AliasAt[]>,
  anchored: ReadonlyMap<number, readonly Node[]>,
): { alias: AliasAt; kind: SharedUse['kind'] }[] {
  const work: { alias: AliasAt; inner?: Inner }[] = [];
  for (const target of anchored.get(scalar.start) ?? []) {
    if (holds(target, scalar)) for (const alias of byTarget.get(target) ?? []) work.push({ alias });
  }
  const seen = new Set<AliasAt>();
  const found: { alias: AliasAt; kind: SharedUse['kind'] }[] = [];
  // Breadth first: an alias that reads the scalar directly is classified as such before it is met again through another.
  for (let i = 0; i < work.length; i++) {
    const { alias, inner } = work[i]!;
    if (seen.has(alias)) continue;
    seen.add(alias);
    const kind = classify(alias, scalar, site, readers, inner);
    if (kind === undefined) continue;
    found.push({ alias, kind });
    for (const [target, outer] of byTarget) {
      if (isScalar(target) || !within(target, alias.start)) continue;
      for (const other of outer) work.push({ alias: other, inner: { start: alias.start, kind } });
    }
  }
  return found;
}

/** The scalars a rewrite of `site` may replace: the whole reference, or the tag, digest and sha fields. */
export function writtenScalars(site: Pick<FoundSite, 'target'>): Written[] {
  const target = site.target;
  if (target.kind === 'reference') return [{ start: target.scalar.start, end: target.scalar.end }];
  return [target.tag, target.digest, target.sha].flatMap((field) => (field === undefined ? [] : [{ start: field.scalar.start, end: field.scalar.end, field }]));
}

/**
 * Every alias of the document by the node it refers to (the nearest anchor of its name before it), and for each
 * scalar under an anchor (its own, or a collection's holding it), those anchored nodes, by the scalar's offset.
 */
function readAliases(doc: Document.Parsed): { byTarget: Map<Node, AliasAt[]>; anchored: Map<number, Node[]> } {
  const byTarget = new Map<Node, AliasAt[]>();
  const anchored = new Map<number, Node[]>();
  const latest = new Map<string, Node>();
  const resolved = new Map<Alias, Node>();
  visit(doc, {
    Node: (_, node, path) => {
      if (!isAlias(node)) {
        if (node.anchor !== undefined) latest.set(node.anchor, node);
        if (isScalar(node) && node.range) {
          let above: Node[] | undefined;
          for (const step of path) if (isNode(step) && step.anchor !== undefined) (above ??= []).push(step);
          if (node.anchor !== undefined) (above ??= []).push(node);
          if (above !== undefined) anchored.set(node.range[0], above);
        }
        return;
      }
      const target = latest.get(node.source);
      if (target === undefined || node.range === undefined || node.range === null) return;
      resolved.set(node, target);
      const at = { node, start: node.range[0], end: node.range[1], target, ...context(node, path, resolved) };
      byTarget.set(target, [...(byTarget.get(target) ?? []), at]);
    },
  });
  return { byTarget, anchored };
}

/** The key an alias is the value of, and for a merge key's alias, the mapping it merges into. */
function context(alias: Alias, path: readonly unknown[], resolved: ReadonlyMap<Alias, Node>): Pick<AliasAt, 'key' | 'merge'> {
  const parent = path[path.length - 1];
  if (isPair(parent)) {
    const key = keyText(parent.key);
    const into = path[path.length - 2];
    if (key === '<<' && isMap(into)) return { key, merge: { into, before: [] } };
    return { key };
  }
  const pair = path[path.length - 2];
  const into = path[path.length - 3];
  if (isSeq(parent) && isPair(pair) && pair.value === parent && keyText(pair.key) === '<<' && isMap(into)) {
    const before = parent.items.slice(0, parent.items.indexOf(alias)).flatMap((item) => {
      const target = isAlias(item) ? resolved.get(item) : undefined;
      return target === undefined ? [] : [target];
    });
    return { key: undefined, merge: { into, before } };
  }
  return { key: undefined };
}

/** An alias held in the target of another: where it is, and how it reads the scalar. */
interface Inner {
  readonly start: number;
  readonly kind: SharedUse['kind'];
}

/**
 * Who reads `scalar` (written by `site`) at `alias`, seen from `site`; undefined when the alias does not read it
 * (a merge whose mapping overrides the key). `inner`: the alias's target holds that alias rather than the scalar.
 */
function classify(alias: AliasAt, scalar: Written, site: FoundSite, readers: readonly FoundSite[], inner?: Inner): SharedUse['kind'] | undefined {
  const owner = readers.find((reader) => readsThrough(reader, scalar, alias));
  if (owner !== undefined) return owner === site ? 'own' : 'site';
  if (alias.merge !== undefined) {
    const key = keyOf(alias.target, inner?.start ?? scalar.start);
    if (key !== undefined) {
      if (overridden(alias.merge, key)) return undefined;
      // The merging mapping takes the pair as its own: an `image:` pair repeats that image, any other pair (a
      // tag merged into a mapping that is no image site) is read by something that is not an image.
      if (key !== 'image') return 'other';
      if (inner !== undefined) return inner.kind === 'own' ? 'copy' : inner.kind;
      const copied = readers.find((reader) => reader.target.kind === 'reference');
      return copied === undefined ? 'other' : copied === site ? 'copy' : 'site';
    }
  }
  // A collection holding an alias repeats what that alias reads: this site's image, another's, or a non-image.
  if (inner !== undefined) return inner.kind === 'own' ? 'copy' : inner.kind;
  const copied = readers.find((reader) => repeats(reader, scalar, alias));
  if (copied !== undefined) return copied === site ? 'copy' : 'site';
  return 'other';
}

/** True when `site` reads `scalar` through `alias`: its own `tag: *v`, its `image: *img`, its `<<: *base`. */
function readsThrough(site: FoundSite, scalar: Written, alias: AliasAt): boolean {
  if (site.aliasEnd !== undefined) return site.aliasEnd === alias.end;
  const field = fieldOf(site, scalar);
  if (field === undefined || !field.aliased) return false;
  if (!field.inherited) return field.valueEnd === alias.end;
  const target = site.target;
  return alias.merge !== undefined && target.kind === 'fields' && target.entry?.start === start(alias.merge.into);
}

/**
 * True when `alias` repeats the whole of `site`: another `image: *img` of an anchored reference, or an alias of
 * a collection holding the site's own (not aliased) value and so its whole mapping.
 */
function repeats(site: FoundSite, scalar: Written, alias: AliasAt): boolean {
  const whole = !(isScalar(alias.target) && start(alias.target) === scalar.start);
  if (site.target.kind === 'reference') return whole ? site.aliasEnd === undefined : alias.key === 'image';
  const field = fieldOf(site, scalar);
  return whole && field !== undefined && !field.aliased;
}

function fieldOf(site: FoundSite, scalar: Written): FieldSlot | undefined {
  const target = site.target;
  if (target.kind !== 'fields') return undefined;
  return [target.tag, target.digest, target.sha].find((field) => field?.scalar.start === scalar.start);
}

/** True when `node` is `scalar` or a collection holding it. */
function holds(node: Node, scalar: Written): boolean {
  const range = node.range;
  if (range === undefined || range === null) return false;
  return isScalar(node) ? range[0] === scalar.start : range[0] <= scalar.start && scalar.end <= range[1];
}

/** True when the collection `node` spans `offset`. */
function within(node: Node, offset: number): boolean {
  const range = node.range;
  return range !== undefined && range !== null && range[0] <= offset && offset < range[1];
}

/** The key under which a mapping holds the node at `offset` directly; undefined when it is deeper (or `node` is not a mapping). */
function keyOf(node: Node, offset: number): string | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isNode(item.value) && item.value.range?.[0] === offset);
  return pair === undefined ? undefined : keyText(pair.key);
}

/** True when the merging mapping, or a base listed before this one, has its own `key`. */
function overridden(merge: NonNullable<AliasAt['merge']>, key: string): boolean {
  if (merge.into.items.some((pair) => keyText(pair.key) === key)) return true;
  return merge.before.some((base) => isMap(base) && base.items.some((pair) => keyText(pair.key) === key));
}

function start(node: Node): number {
  return node.range?.[0] ?? -1;
}
