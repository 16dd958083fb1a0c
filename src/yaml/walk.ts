// The walk over one document: it visits every mapping and sequence, keeps look-alikes out by where they are (the
// document's kind, the path; never by their value), and asks the shape recognisers in shapes/ what each place
// holds: whole references (containers.ts), kustomize and Argo CD image lists (kustomize.ts), Helm values maps
// and parameters (helm.ts).

import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { PathStep } from './path.js';
import type { ScalarSlot } from './scalar.js';
import type { FoundSite } from './site.js';
import type { LineIndex } from './text.js';
import { aliasedImageSites, imageSite, type AliasedImage } from './shapes/containers.js';
import { helmParameterSites, splitSite } from './shapes/helm.js';
import { argoImageSites, isKustomizationImages, kustomizeEntrySites } from './shapes/kustomize.js';
import { keyText, NodeReader, rangeOf } from './shapes/reader.js';

/** A value scalar met during the walk (for marker comments): where it is and its path. */
export interface SeenScalar {
  readonly slot: ScalarSlot;
  readonly steps: readonly PathStep[];
  /** Offset of the collection holding it (markers in one mapping are grouped). */
  readonly parent: number;
}

/** API groups whose documents describe images without deploying them (scan policies, chart sources, schemas). */
const EXCLUDED_GROUPS: ReadonlySet<string> = new Set([
  'image.toolkit.fluxcd.io',
  'source.toolkit.fluxcd.io',
  'argocd-image-updater.argoproj.io',
  'apiextensions.k8s.io',
]);

/** Keys whose subtree never holds a deployed image reference. */
const EXCLUDED_KEYS: ReadonlySet<string> = new Set(['managedFields', 'volumes', 'rbd', 'openAPIV3Schema']);

/** Lists whose items' `target`/`targets` select resources by image (kustomize patches, replacements). */
const SELECTOR_LISTS: ReadonlySet<string> = new Set(['patches', 'patchesJson6902', 'replacements', 'patchesStrategicMerge']);

/** Walks document `index`; `seen` receives value scalars when markers need them. */
export class DocumentWalker {
  readonly sites: FoundSite[] = [];
  private readonly aliasImages: AliasedImage[] = [];
  private readonly reader: NodeReader;

  constructor(
    private readonly doc: Document.Parsed,
    index: number,
    lines: LineIndex,
    private readonly seen: ((scalar: SeenScalar) => void) | undefined,
  ) {
    this.reader = new NodeReader(doc, index, lines);
  }

  /** Runs the walk; returns the sites in source order. */
  walk(): FoundSite[] {
    const root = this.doc.contents;
    if (root === null) return this.sites;
    if (isExcludedDocument(root)) {
      this.recordScalars(root, [], false);
      return this.sites;
    }
    this.visit(root, [], false, undefined, isMap(root) && root.has('kind'));
    this.sites.push(...aliasedImageSites(this.reader, this.sites, this.aliasImages));
    return this.sites.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /** `keyStart`: offset of the key whose value `node` is (a hold on that key's line holds an image map below it). */
  private visit(node: Node, steps: PathStep[], inFlow: boolean, key: string | undefined, isObject: boolean, keyStart?: number): void {
    if (isMap(node)) this.visitMap(node, steps, inFlow, key, isObject, keyStart);
    else if (isSeq(node)) this.visitSeq(node, steps, inFlow, key);
  }

  private visitMap(map: YAMLMap, steps: PathStep[], inFlow: boolean, key: string | undefined, isObject: boolean, keyStart?: number): void {
    const reader = this.reader;
    const flow = inFlow || map.flow === true;
    const fields = reader.fieldsOf(map, flow, true);
    const split = splitSite(reader, map, steps, fields, flow, key, keyStart);
    if (split !== undefined) this.sites.push(split);
    // An `image:` holding a bare name next to a `tag:` is one half of a split reference, not a full one.
    const imageIsSplitName = split !== undefined && !fields.has('repository');
    for (const pair of map.items) {
      const name = keyText(pair.key);
      const value = pair.value as Node | null;
      if (name === undefined || value === null) continue;
      const childSteps = [...steps, name];
      if (this.excluded(name, steps, isObject)) {
        this.recordScalars(value, childSteps, flow, rangeOf(map)[0]);
        continue;
      }
      if (isScalar(value)) {
        const slot = reader.slot(value, flow);
        this.seen?.({ slot, steps: childSteps, parent: rangeOf(map)[0] });
        const site = name === 'image' && !imageIsSplitName ? imageSite(reader, childSteps, slot, value, rangeOf(pair.key as Node)[0]) : undefined;
        if (site !== undefined) this.sites.push(site);
      } else if (isAlias(value)) {
        if (name === 'image' && !imageIsSplitName) {
          const target = reader.resolve(value);
          if (isScalar(target)) this.aliasImages.push({ steps: childSteps, slot: reader.slot(target, flow), alias: value });
        }
      } else if (isSeq(value) && name === 'images') {
        if (key === 'kustomize') this.sites.push(...argoImageSites(reader, value, childSteps, flow));
        else this.sites.push(...kustomizeEntrySites(reader, value, childSteps, flow, isKustomizationImages(this.doc.contents, steps)));
        this.visit(value, childSteps, flow, name, false);
      } else {
        if (isSeq(value) && name === 'parameters' && key === 'helm') this.sites.push(...helmParameterSites(reader, value, childSteps, flow));
        this.visit(value, childSteps, flow, name, false, rangeOf(pair.key as Node)[0]);
      }
    }
  }

  private visitSeq(seq: YAMLSeq, steps: PathStep[], inFlow: boolean, key: string | undefined): void {
    const flow = inFlow || seq.flow === true;
    seq.items.forEach((item, i) => {
      const node = item as Node | null;
      if (node === null) return;
      if (isScalar(node)) this.seen?.({ slot: this.reader.slot(node, flow), steps: [...steps, i], parent: rangeOf(seq)[0] });
      else this.visit(node, [...steps, i], flow, key, this.isListItem(steps, node));
    });
  }

  /** In a subtree holding no sites, only the scalars an explicit marker comment may name are recorded. */
  private recordScalars(node: Node, steps: readonly PathStep[], inFlow: boolean, parent = 0): void {
    const seen = this.seen;
    if (seen === undefined) return;
    if (isScalar(node)) {
      seen({ slot: this.reader.slot(node, inFlow), steps, parent });
    } else if (isMap(node)) {
      const flow = inFlow || node.flow === true;
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const value = pair.value as Node | null;
        if (key !== undefined && value !== null) this.recordScalars(value, [...steps, key], flow, rangeOf(node)[0]);
      }
    } else if (isSeq(node)) {
      const flow = inFlow || node.flow === true;
      node.items.forEach((item, i) => {
        if (item !== null) this.recordScalars(item as Node, [...steps, i], flow, rangeOf(node)[0]);
      });
    }
  }

  /** True for an object of a `kind: List` (or `…List`): its `status` is observed state like a top-level one's. */
  private isListItem(steps: readonly PathStep[], node: Node): boolean {
    const root: Node | null = this.doc.contents;
    if (steps.length !== 1 || steps[0] !== 'items' || root === null || !isMap(root) || !isMap(node)) return false;
    const kind = root.get('kind');
    return typeof kind === 'string' && kind.endsWith('List') && node.has('kind');
  }

  /** True for a subtree that holds look-alikes only: an object's status, managedFields, volumes, schemas, patch selectors. */
  private excluded(name: string, steps: readonly PathStep[], isObject: boolean): boolean {
    if (EXCLUDED_KEYS.has(name)) return true;
    if (isObject && name === 'status') return true;
    // GitHub Actions step inputs (`with: {repository: …, tag: …}`) name releases, not images.
    if (name === 'with' && steps.includes('steps')) return true;
    if (name === 'target' || name === 'targets') {
      const list = steps[steps.length - 2];
      return typeof steps[steps.length - 1] === 'number' && typeof list === 'string' && SELECTOR_LISTS.has(list);
    }
    return false;
  }
}

/** True for a document whose kind describes images without deploying them (Flux image policies, CRDs…). */
function isExcludedDocument(root: Node): boolean {
  if (!isMap(root)) return false;
  const apiVersion = root.get('apiVersion');
  const kind = root.get('kind');
  if (kind === 'CustomResourceDefinition') return true;
  if (typeof apiVersion !== 'string') return false;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return EXCLUDED_GROUPS.has(group);
}
