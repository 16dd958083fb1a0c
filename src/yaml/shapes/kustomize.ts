// Kustomize `images:` entries (a kustomization's, a Flux Kustomization's spec, any list of entries with
// kustomize's fields) and Argo CD `kustomize.images` strings (`ref` or `alias=ref`).

import { isMap, isScalar, type Node, type YAMLSeq } from 'yaml';
import { formatPath, type PathStep } from '../path.js';
import type { FoundSite } from '../site.js';
import { referenceSite } from './containers.js';
import { bareRepository, isTemplated, nonEmpty, optional, type NodeReader } from './reader.js';

const KUSTOMIZE_FIELDS = ['newName', 'newTag', 'digest', 'newDigest', 'tagSuffix'] as const;
/** Keys that make a kind-less document a kustomization. */
const KUSTOMIZATION_KEYS = ['resources', 'bases', 'components', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels', 'configMapGenerator', 'secretGenerator', 'helmCharts', 'replacements', 'replicas'];

/** True for the `images:` list of a kustomization (root, no kind or kind Kustomization/Component) or of a Flux Kustomization's spec. */
export function isKustomizationImages(root: Node | null, parent: readonly PathStep[]): boolean {
  if (root === null || !isMap(root)) return false;
  const kind = root.get('kind');
  if (parent.length === 1 && parent[0] === 'spec') return kind === 'Kustomization' && String(root.get('apiVersion')).startsWith('kustomize.toolkit.fluxcd.io/');
  if (parent.length !== 0) return false;
  if (kind === 'Kustomization' || kind === 'Component') return true;
  return kind === undefined && KUSTOMIZATION_KEYS.some((key) => root.has(key));
}

/**
 * The entries of an `images:` list: every entry with a `name` in a kustomization (a tag gets inserted where there is
 * none), elsewhere only entries with one of kustomize's fields. Matched on newName ?? name.
 */
export function kustomizeEntrySites(reader: NodeReader, seq: YAMLSeq, steps: readonly PathStep[], inFlow: boolean, kustomization: boolean): FoundSite[] {
  const sites: FoundSite[] = [];
  const flow = inFlow || seq.flow === true;
  seq.items.forEach((item, i) => {
    const node = item as Node | null;
    if (!isMap(node)) return;
    const entryFlow = flow || node.flow === true;
    const fields = reader.fieldsOf(node, entryFlow);
    const name = fields.get('name');
    if (name === undefined || !(kustomization || KUSTOMIZE_FIELDS.some((field) => fields.has(field)))) return;
    const newName = fields.get('newName');
    const written = nonEmpty(newName?.scalar.text) ?? nonEmpty(name.scalar.text) ?? '';
    const tag = fields.get('newTag');
    const digest = fields.get('digest') ?? fields.get('newDigest');
    const entry = reader.entryOf(node, entryFlow, fields);
    const last = entry.fields[entry.fields.length - 1];
    const shown = tag ?? name;
    sites.push({
      form: 'kustomize',
      doc: reader.index,
      path: formatPath([...steps, i]),
      line: shown.scalar.line,
      column: shown.scalar.column,
      name: written,
      repository: isTemplated(tag?.scalar.text) || isTemplated(digest?.scalar.text) ? undefined : bareRepository(written),
      ...optional('tag', nonEmpty(tag?.scalar.text)),
      ...optional('digest', nonEmpty(digest?.scalar.text)),
      target: {
        kind: 'fields',
        shape: 'kustomize',
        ...optional('tag', tag),
        ...optional('digest', digest),
        entry,
        ...optional('insertAfter', last),
        digestInTag: false,
      },
      lines: [...fields.values()].map((field) => field.scalar.line),
    });
  });
  return sites;
}

/** The strings of an Argo CD `kustomize.images` list: `ref` or `alias=ref` (block scalars are not read). */
export function argoImageSites(reader: NodeReader, seq: YAMLSeq, steps: readonly PathStep[], inFlow: boolean): FoundSite[] {
  const sites: FoundSite[] = [];
  const flow = inFlow || seq.flow === true;
  seq.items.forEach((item, i) => {
    const node = item as Node | null;
    if (!isScalar(node)) return;
    const slot = reader.slot(node, flow);
    if (slot.text === undefined || slot.style === 'block') return;
    const equals = slot.text.indexOf('=');
    const prefix = equals >= 0 ? slot.text.slice(0, equals + 1) : '';
    sites.push(referenceSite(reader, 'argocd-kustomize', [...steps, i], slot, prefix));
  });
  return sites;
}
