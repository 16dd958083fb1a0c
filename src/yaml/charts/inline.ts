// Inline kustomize patches of a HelmRelease's chart version, inside kustomization.yaml: `patches[].patch` (and the
// older `patchesJson6902[].patch`, `patchesStrategicMerge[]`) holding a strategic-merge HelmRelease that sets
// `spec.chart.spec.version`, or JSON 6902 operations (`op: replace`, `path: /spec/chart/spec/version`, `value: …`).
// The patch is YAML inside a block scalar: it is parsed on its own, and the version scalar found there is mapped
// back to the bytes of the file. Only a literal block (`|`, `|-`, `|+`) keeps every byte of its lines: the content
// line is the file's line less the block's indentation, so the version is spliced in place, everything else kept.
// A folded (`>`) or quoted patch rewraps or escapes its text: its version is found but reported as not writable.

import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { mayHoldMarkers, holdLines, readMarkers } from '../markers.js';
import { parseStream } from '../parse.js';
import { formatPath } from '../path.js';
import type { ScalarSlot } from '../scalar.js';
import { NodeReader, rangeOf } from '../shapes/reader.js';
import type { LineIndex } from '../text.js';
import { helmReleaseSite } from './flux.js';
import { chartSite, child, held, items, rootOf, text, type At } from './read.js';
import type { ChartSite, FoundChartSite } from './site.js';

const VERSION_PATH = '/spec/chart/spec/version';

/** One inline patch: the scalar holding it, where it is, and the object its `target` names. */
interface Inline {
  readonly node: Scalar;
  readonly at: string;
  readonly target: { readonly kind?: string; readonly name?: string; readonly namespace?: string };
}

/** The inline patches of a kustomization document (file paths and patches of other kinds are not). */
function inlinePatches(root: At): Inline[] {
  const found: Inline[] = [];
  const add = (node: Node | undefined, steps: readonly (string | number)[], target: At | undefined): void => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.includes('\n')) return;
    const named = { kind: text(target, 'kind'), name: text(target, 'name'), namespace: text(target, 'namespace') };
    found.push({ node, at: formatPath(steps), target: Object.fromEntries(Object.entries(named).filter(([, v]) => v !== undefined)) });
  };
  for (const key of ['patches', 'patchesJson6902']) {
    for (const entry of items(root, key)) add(entry.map.get('patch', true) as Node | undefined, [...entry.steps, 'patch'], child(entry, 'target'));
  }
  const merges = root.map.get('patchesStrategicMerge', true) as Node | undefined;
  if (isSeq(merges)) merges.items.forEach((item, i) => add(item as Node, ['patchesStrategicMerge', i], undefined));
  return found;
}

/**
 * The HelmRelease chart versions the inline patches of a kustomization set: a version-only patch (its base is found
 * as for a patch file), with the file's offsets; `unwritable` when the block is not a literal one.
 */
export function inlinePatchSites(reader: NodeReader, source: string): ChartSite[] {
  const root = rootOf(reader);
  if (root === undefined) return [];
  return inlinePatches(root).flatMap((patch) => {
    const inner = patch.node.value as string;
    const aboutVersion = inner.includes('HelmRelease') || patch.target.kind === 'HelmRelease' || inner.includes(VERSION_PATH);
    if (!aboutVersion || !inner.includes('version')) return [];
    let stream;
    try {
      stream = parseStream(inner, mayHoldMarkers(inner));
    } catch {
      return []; // kustomize fails on it too; nothing here to move
    }
    const holds = holdLines(readMarkers([...stream.comments].sort((a, b) => a.offset - b.offset), stream.lines), inner, stream.lines);
    const found = stream.documents.flatMap((doc, index) => patchSites(new NodeReader(doc, index, stream.lines), patch.target));
    if (found.length === 0) return [];
    const map = literalMap(patch.node, source, inner);
    return found.map((site) => placed(held(site, holds), patch, reader, map, stream.lines));
  });
}

/** The version sites of one document of a patch: a strategic-merge HelmRelease, or JSON 6902 operations on the version. */
function patchSites(reader: NodeReader, target: Inline['target']): FoundChartSite[] {
  const root = reader.root;
  const release = target.name === undefined ? undefined : { name: target.name, ...(target.namespace !== undefined && { namespace: target.namespace }) };
  if (isMap(root)) {
    const kind = root.get('kind');
    if (kind !== 'HelmRelease' && !(kind === undefined && target.kind === 'HelmRelease')) return [];
    const site = helmReleaseSite(reader);
    if (site === undefined) return [];
    return [site.release === undefined && release !== undefined ? { ...site, release } : site];
  }
  if (!isSeq(root) || (target.kind !== undefined && target.kind !== 'HelmRelease')) return [];
  return root.items.flatMap((item, i) => {
    if (!isMap(item)) return [];
    const op: At = { map: item, steps: [i], flow: item.flow === true };
    if (!['replace', 'add'].includes(text(op, 'op') ?? '') || text(op, 'path') !== VERSION_PATH) return [];
    const site = chartSite(reader, op, { form: 'helm-release', chart: undefined, origin: { kind: 'none' }, versionKey: 'value', ...(release !== undefined && { release }) });
    return site === undefined ? [] : [site];
  });
}

/** Where each content line of a literal block starts in the file, or why the block cannot be written byte-exactly. */
type LineMap = { readonly starts: readonly number[] } | { readonly why: string };

/**
 * The file offset of each line of `inner` (the block's value): the block's content lines less its indentation,
 * checked against the value the parser read (a mismatch, e.g. CRLF line ends, is not written).
 */
function literalMap(node: Scalar, source: string, inner: string): LineMap {
  if (node.type !== 'BLOCK_LITERAL') {
    const style = node.type === 'BLOCK_FOLDED' ? 'a folded block (>)' : 'a quoted or plain scalar';
    return { why: `the inline patch is written as ${style}, whose text is not its bytes; write it as a literal block (|) to let it be bumped` };
  }
  const [start, end] = rangeOf(node);
  const raw = source.slice(start, end);
  const header = raw.indexOf('\n');
  const lines = raw.slice(header + 1).split('\n');
  const first = lines.find((line) => line.trim() !== '') ?? '';
  const indent = first.length - first.trimStart().length;
  const starts: number[] = [];
  const decoded: string[] = [];
  let offset = start + header + 1;
  for (const line of lines) {
    starts.push(offset + indent);
    decoded.push(line.trim() === '' && line.length <= indent ? '' : line.slice(indent));
    offset += line.length + 1;
  }
  const body = (s: string): string => s.replace(/\n+$/, '');
  if (body(decoded.join('\n')) !== body(inner) || lines.some((line) => line.trim() !== '' && !line.startsWith(' '.repeat(indent)))) {
    return { why: 'the inline patch’s block could not be matched to its bytes; move the patch to its own file to let it be bumped' };
  }
  return { starts };
}

/** The inner site placed in the file: its slot at the file's offsets (or unwritable), its line, path and document. */
function placed(site: ChartSite, patch: Inline, reader: NodeReader, map: LineMap, innerLines: LineIndex): ChartSite {
  const path = `${patch.at} ${site.path}`;
  const slot = site.slot;
  const outerLine = (innerLine: number): number => ('starts' in map ? reader.lines.line(map.starts[innerLine - 1] ?? 0) : reader.lines.line(rangeOf(patch.node)[0]));
  const base = { ...site, doc: reader.index, path, line: outerLine(site.line) };
  if (slot === undefined) return base;
  if (!('starts' in map)) return { ...base, slot: undefined, unwritable: map.why };
  if (innerLines.line(slot.end) !== slot.line && slot.end > slot.start) return { ...base, slot: undefined, unwritable: 'the version in the inline patch spans lines; write it on one line to let it be bumped' };
  const at = (map.starts[slot.line - 1] ?? 0) + (slot.start - innerLines.lineStart(slot.line));
  const moved: ScalarSlot = { ...slot, start: at, end: at + (slot.end - slot.start), line: reader.lines.line(at), column: reader.lines.column(at) };
  return { ...base, slot: moved, line: moved.line, column: moved.column };
}
