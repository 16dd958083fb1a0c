// What the shape recognisers read from one parsed document: scalars as slots, a mapping's scalar fields (aliases
// and merge keys resolved), the mapping holding them, and the small value rules every shape shares.

import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { tryParseReference } from '../../image/reference.js';
import type { PathStep } from '../path.js';
import type { ScalarSlot, ScalarStyle } from '../scalar.js';
import type { EntrySlot, FieldSlot } from '../site.js';
import type { LineIndex } from '../text.js';

/** One document, read as slots; aliases are resolved once per document, on the first one met. */
export class NodeReader {
  /** Each alias's anchored node (Alias.resolve walks the whole document, so this is built once). */
  private anchors: Map<Alias, Node | undefined> | undefined;

  constructor(
    readonly doc: Document.Parsed,
    /** 0-based index of the document in its stream. */
    readonly index: number,
    readonly lines: LineIndex,
  ) {}

  /** The document's root node, when it has one. */
  get root(): Node | null {
    return this.doc.contents;
  }

  /** Where a scalar's bytes are, its style and the string it holds (plain scalars as written: `1.10` stays `1.10`). */
  slot(node: Scalar, inFlow: boolean): ScalarSlot {
    const [start, end] = rangeOf(node);
    const style = styleOf(node);
    let text: string | undefined;
    if (node.value === null) text = undefined;
    else if (style === 'plain') text = node.source ?? String(node.value);
    else text = String(node.value);
    return { start, end, style, text, inFlow, line: this.lines.line(start), column: this.lines.column(start) };
  }

  /**
   * The scalar-valued pairs of a mapping (aliases resolved to their anchored scalar), by key; with
   * `merges`, also the pairs a merge key (`<<: *base`, `<<: [*a, *b]`) brings in, own pairs first.
   */
  fieldsOf(map: YAMLMap, flow: boolean, merges = false, depth = 0): Map<string, FieldSlot> {
    const fields = new Map<string, FieldSlot>();
    const bases: YAMLMap[] = [];
    for (const pair of map.items) {
      if (merges && keyText(pair.key) === '<<') bases.push(...this.mergedMaps(pair.value as Node | null));
      const field = this.fieldOf(pair, flow);
      if (field !== undefined && field.key !== '<<') fields.set(field.key, field);
    }
    if (depth > 8) return fields;
    for (const base of bases) {
      for (const [key, field] of this.fieldsOf(base, flow, true, depth + 1)) {
        if (!fields.has(key)) fields.set(key, { ...field, aliased: true, inherited: true });
      }
    }
    return fields;
  }

  /** The mapping holding `fields`: where keys can be added or removed. */
  entryOf(map: YAMLMap, flow: boolean, fields: ReadonlyMap<string, FieldSlot>): EntrySlot {
    const ordered = [...fields.values()].filter((field) => !field.inherited).sort((a, b) => a.keyStart - b.keyStart);
    const first = map.items[0];
    const last = map.items[map.items.length - 1];
    const firstKeyStart = first !== undefined ? rangeOf(first.key as Node)[0] : rangeOf(map)[0];
    const lastValue = last?.value as Node | null | undefined;
    const lastValueEnd = lastValue ? rangeOf(lastValue)[1] : last !== undefined ? rangeOf(last.key as Node)[1] : rangeOf(map)[1];
    const lastIsInline = lastValue === null || lastValue === undefined || isScalar(lastValue) || isAlias(lastValue);
    return { flow: flow || map.flow === true, start: rangeOf(map)[0], fields: ordered, firstKeyStart, lastValueEnd, lastIsInline };
  }

  /** The node an alias refers to: the last node anchored with its name before it, in document order. */
  resolve(alias: Alias): Node | undefined {
    if (this.anchors === undefined) {
      const anchors = new Map<Alias, Node | undefined>();
      const latest = new Map<string, Node>();
      visit(this.doc, {
        Node: (_, node) => {
          if (isAlias(node)) anchors.set(node, latest.get(node.source));
          else if (node.anchor !== undefined) latest.set(node.anchor, node);
        },
      });
      this.anchors = anchors;
    }
    return this.anchors.get(alias);
  }

  /** The mappings a merge key's value names: one alias, or a sequence of aliases. */
  private mergedMaps(value: Node | null): YAMLMap[] {
    const aliases = isAlias(value) ? [value] : isSeq(value) ? value.items.filter((item): item is Alias => isAlias(item)) : [];
    return aliases.flatMap((alias) => {
      const target = this.resolve(alias);
      return isMap(target) ? [target] : [];
    });
  }

  private fieldOf(pair: Pair, flow: boolean): FieldSlot | undefined {
    const key = keyText(pair.key);
    const value = pair.value as Node | null;
    if (key === undefined || value === null) return undefined;
    const keyStart = rangeOf(pair.key as Node)[0];
    if (isScalar(value)) {
      return { key, scalar: this.slot(value, flow), aliased: false, inherited: false, keyStart, valueEnd: rangeOf(value)[1] };
    }
    if (isAlias(value)) {
      const target = this.resolve(value);
      if (!isScalar(target)) return undefined;
      return { key, scalar: this.slot(target, flow), aliased: true, inherited: false, keyStart, valueEnd: rangeOf(value)[1] };
    }
    return undefined;
  }
}

/** A mapping key as written (a plain key as its source: `1.10` stays `1.10`); undefined for a non-scalar or null key. */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key) || key.value === null) return undefined;
  return key.type === 'PLAIN' && key.source !== undefined ? key.source : String(key.value);
}

/** The source range of a parsed node (every parsed node has one). */
export function rangeOf(node: { range?: readonly [number, number, number] | null }): readonly [number, number, number] {
  const range = node.range;
  if (range === undefined || range === null) throw new Error('internal: a parsed node has no source range');
  return range;
}

/** The last mapping key of a path. */
export function lastKey(steps: readonly PathStep[]): string | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (typeof step === 'string') return step;
  }
  return undefined;
}

/** The normalised repository of a bare name; undefined when it is not one (has a tag, is a placeholder…). */
export function bareRepository(name: string): string | undefined {
  const parsed = tryParseReference(name);
  if (parsed === undefined || parsed.tag !== undefined || parsed.digest !== undefined) return undefined;
  return parsed.repository;
}

/** True for a value a template engine fills in (`${TAG}`, `{{ .Values.tag }}`, `${{ … }}`): never bumped. */
export function isTemplated(text: string | undefined): boolean {
  return text !== undefined && /\$\{|\{\{/.test(text);
}

export function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

/** `{ [key]: value }` when value is defined, else `{}`: keeps optional properties absent, not undefined. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function styleOf(node: Scalar): ScalarStyle {
  switch (node.type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL':
      return 'block';
    default:
      return 'plain';
  }
}
