// What the chart recognisers share: stepping into mappings and sequences, reading a scalar's string, and making a
// site from the mapping that holds a chart's name and version.

import { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { isVersionRange } from '../../image/chart.js';
import { formatPath, type PathStep } from '../path.js';
import { isTemplated, type NodeReader } from '../shapes/reader.js';
import type { Hold } from '../site.js';
import type { ChartForm, ChartOrigin, ChartSite, FoundChartSite } from './site.js';

/** A mapping met on the way, with its path and whether it sits inside a flow collection. */
export interface At {
  readonly map: YAMLMap;
  readonly steps: readonly PathStep[];
  readonly flow: boolean;
}

/** The root mapping of a document, when it is one. */
export function rootOf(reader: NodeReader): At | undefined {
  const root = reader.root;
  return isMap(root) ? { map: root, steps: [], flow: root.flow === true } : undefined;
}

/** The mapping under `key` of `at` (following `keys` further down), when there is one. */
export function child(at: At | undefined, ...keys: string[]): At | undefined {
  let current = at;
  for (const key of keys) {
    if (current === undefined) return undefined;
    const node = current.map.get(key, true) as Node | undefined;
    if (!isMap(node)) return undefined;
    current = { map: node, steps: [...current.steps, key], flow: current.flow || node.flow === true };
  }
  return current;
}

/** The mappings of the sequence under `key` of `at`. */
export function items(at: At | undefined, key: string): At[] {
  const node = at?.map.get(key, true) as Node | undefined;
  if (at === undefined || !isSeq(node)) return [];
  const seq: YAMLSeq = node;
  const flow = at.flow || seq.flow === true;
  return seq.items.flatMap((item, i) => (isMap(item) ? [{ map: item, steps: [...at.steps, key, i], flow: flow || item.flow === true }] : []));
}

/** The string a scalar field holds (a plain scalar as written: `1.10` stays `1.10`); undefined for none, a null or ''. */
export function text(at: At | undefined, key: string): string | undefined {
  const node = at?.map.get(key, true) as Node | undefined;
  if (!isScalar(node) || node.value === null) return undefined;
  const value = node.type === 'PLAIN' && node.source !== undefined ? node.source : String(node.value);
  return value === '' ? undefined : value;
}

/** What a recogniser knows about a chart besides the mapping holding its version. */
export interface SiteSpec {
  readonly form: ChartForm;
  readonly chart: string | undefined;
  /** The key naming the chart in the mapping (its line is shown when there is no version field). */
  readonly chartKey?: string;
  readonly origin: ChartOrigin;
  readonly versionKey: string;
  /** The version is a constraint whatever it looks like (`spec.ref.semver`). */
  readonly range?: boolean;
  readonly release?: FoundChartSite['release'];
}

/**
 * The site of the chart whose version is `spec.versionKey` of `at`; undefined when the chart or its version is a
 * template (`{{ .Values.x }}`, `${VERSION}`), or the version is written as an alias (an anchored value shared with
 * other places is moved by hand).
 */
export function chartSite(reader: NodeReader, at: At, spec: SiteSpec): FoundChartSite | undefined {
  const fields = reader.fieldsOf(at.map, at.flow);
  const version = fields.get(spec.versionKey);
  if (version?.aliased === true || version?.scalar.style === 'block') return undefined;
  const written = version?.scalar.text === '' ? undefined : version?.scalar.text;
  if (isTemplated(written) || isTemplated(spec.chart)) return undefined;
  const named = spec.chartKey === undefined ? undefined : fields.get(spec.chartKey);
  const shown = version?.scalar ?? named?.scalar;
  const start = at.map.range?.[0] ?? 0;
  return {
    form: spec.form,
    doc: reader.index,
    path: formatPath(version === undefined ? at.steps : [...at.steps, spec.versionKey]),
    line: shown?.line ?? reader.lines.line(start),
    column: shown?.column ?? reader.lines.column(start),
    chart: spec.chart,
    origin: spec.origin,
    version: written,
    range: written !== undefined && (spec.range === true || isVersionRange(written)),
    slot: version?.scalar,
    ...(spec.release !== undefined && { release: spec.release }),
    lines: [version?.scalar.line, reader.lines.line(version?.keyStart ?? start), named?.scalar.line].filter((line): line is number => line !== undefined),
  };
}

/** The site with its hold: a hold on one of the lines it spans freezes it. */
export function held(found: FoundChartSite, holds: ReadonlyMap<number, Hold>): ChartSite {
  const { lines, ...site } = found;
  const hold = holds.size === 0 ? undefined : lines.map((line) => holds.get(line)).find((candidate) => candidate !== undefined);
  return { ...site, held: hold !== undefined, ...(hold !== undefined && { hold }) };
}
