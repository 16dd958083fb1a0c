// The walk over one document that finds image references by shape. Look-alikes are excluded by where
// they are (the document's kind, the path), never by their value.

import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { joinRepository, tryParseReference } from '../image/reference.js';
import { formatPath, type PathStep } from './path.js';
import { resolvesAsNonString, type ScalarSlot, type ScalarStyle } from './scalar.js';
import type { EntrySlot, FieldSlot, ImageSite, SiteForm, SiteTarget } from './site.js';
import type { LineIndex } from './text.js';

/** A site before its `held` flag is known, with every line a hold on which freezes it (its scalars' and keys' lines). */
export interface FoundSite extends Omit<ImageSite, 'held'> {
  readonly lines: readonly number[];
  /** For an image written as an alias (`image: *img`): the end offset of the alias it was found through. */
  readonly aliasEnd?: number;
}

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

const KUSTOMIZE_FIELDS = ['newName', 'newTag', 'digest', 'newDigest', 'tagSuffix'] as const;
/** Keys that make a kind-less document a kustomization. */
const KUSTOMIZATION_KEYS = ['resources', 'bases', 'components', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels', 'configMapGenerator', 'secretGenerator', 'helmCharts', 'replacements', 'replicas'];
const SPLIT_FIELDS = ['registry', 'repository', 'image', 'name', 'tag', 'digest', 'sha'] as const;
const IMAGE_KEY = /image/i;
/** A Helm parameter naming one part of an image: `image.tag`, `worker.image.repository`, `image.name`. */
const HELM_PARAMETER = /^(?:(.*)\.)?(repository|name|registry|tag|digest)$/;

/** Walks document `index`; `seen` receives value scalars when markers need them. */
export class DocumentWalker {
  readonly sites: FoundSite[] = [];
  private readonly aliasImages: { steps: readonly PathStep[]; slot: ScalarSlot; alias: Alias }[] = [];
  /** Each alias's anchored node, computed once per document on the first alias met (Alias.resolve walks the whole document). */
  private anchors: Map<Alias, Node | undefined> | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly index: number,
    private readonly lines: LineIndex,
    private readonly seen: ((scalar: SeenScalar) => void) | undefined,
  ) {}

  /** Runs the walk; returns the sites in source order. */
  walk(): FoundSite[] {
    const root = this.doc.contents;
    if (root === null) return this.sites;
    if (isExcludedDocument(root)) {
      this.recordScalars(root, [], false);
      return this.sites;
    }
    this.visit(root, [], false, undefined, isMap(root) && root.has('kind'));
    this.addAliasedImages();
    return this.sites.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /** `keyStart`: offset of the key whose value `node` is (a hold on that key's line holds an image map below it). */
  private visit(node: Node, steps: PathStep[], inFlow: boolean, key: string | undefined, isObject: boolean, keyStart?: number): void {
    if (isMap(node)) this.visitMap(node, steps, inFlow, key, isObject, keyStart);
    else if (isSeq(node)) this.visitSeq(node, steps, inFlow, key);
  }

  private visitMap(map: YAMLMap, steps: PathStep[], inFlow: boolean, key: string | undefined, isObject: boolean, keyStart?: number): void {
    const flow = inFlow || map.flow === true;
    const fields = this.fieldsOf(map, flow, true);
    // An `image:` holding a bare name next to a `tag:` is one half of a split reference, not a full one.
    const imageIsSplitName = this.detectSplit(map, steps, fields, flow, key, keyStart) && !fields.has('repository');
    for (const pair of map.items) {
      const name = keyText(pair);
      const value = pair.value as Node | null;
      if (name === undefined || value === null) continue;
      const childSteps = [...steps, name];
      if (this.excluded(name, steps, isObject)) {
        this.recordScalars(value, childSteps, flow, rangeOf(map)[0]);
        continue;
      }
      if (isScalar(value)) {
        const slot = this.slot(value, flow);
        this.seen?.({ slot, steps: childSteps, parent: rangeOf(map)[0] });
        if (name === 'image' && !imageIsSplitName) this.addFull(childSteps, slot, value, rangeOf(pair.key as Node)[0]);
      } else if (isAlias(value)) {
        if (name === 'image' && !imageIsSplitName) {
          const target = this.resolve(value);
          if (isScalar(target)) this.aliasImages.push({ steps: childSteps, slot: this.slot(target, flow), alias: value });
        }
      } else if (isSeq(value) && name === 'images') {
        if (key === 'kustomize') this.addArgoImages(value, childSteps, flow);
        else this.addKustomizeEntries(value, childSteps, flow, this.isKustomizationImages(steps));
        this.visit(value, childSteps, flow, name, false);
      } else {
        if (isSeq(value) && name === 'parameters' && key === 'helm') this.addHelmParameters(value, childSteps, flow);
        this.visit(value, childSteps, flow, name, false, rangeOf(pair.key as Node)[0]);
      }
    }
  }

  private visitSeq(seq: YAMLSeq, steps: PathStep[], inFlow: boolean, key: string | undefined): void {
    const flow = inFlow || seq.flow === true;
    seq.items.forEach((item, i) => {
      const node = item as Node | null;
      if (node === null) return;
      if (isScalar(node)) this.seen?.({ slot: this.slot(node, flow), steps: [...steps, i], parent: rangeOf(seq)[0] });
      else this.visit(node, [...steps, i], flow, key, this.isListItem(steps, node));
    });
  }

  /** In a subtree holding no sites, only the scalars an explicit marker comment may name are recorded. */
  private recordScalars(node: Node, steps: readonly PathStep[], inFlow: boolean, parent = 0): void {
    const seen = this.seen;
    if (seen === undefined) return;
    if (isScalar(node)) {
      seen({ slot: this.slot(node, inFlow), steps, parent });
    } else if (isMap(node)) {
      const flow = inFlow || node.flow === true;
      for (const pair of node.items) {
        const key = keyText(pair);
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

  // ---- full form ---------------------------------------------------------------------------------------

  private addFull(steps: readonly PathStep[], slot: ScalarSlot, node: Scalar, keyStart: number): void {
    // A plain `image: 5`, `image: true` or `image:` (null) is not a string, so not an image.
    if (slot.style === 'plain' && (slot.text === undefined || resolvesAsNonString(slot.text))) return;
    if (node.value !== null && typeof node.value === 'object') return;
    const site = this.referenceSite('full', steps, slot, '');
    const keyLine = this.lines.line(keyStart);
    this.sites.push(keyLine === slot.line ? site : { ...site, lines: [slot.line, keyLine] });
  }

  /** Images written as aliases: the anchored scalar is the site, once, unless it is already one. */
  private addAliasedImages(): void {
    const taken = new Set(this.sites.flatMap((site) => (site.target.kind === 'reference' ? [site.target.scalar.start] : [])));
    for (const { steps, slot, alias } of this.aliasImages) {
      if (taken.has(slot.start)) continue;
      taken.add(slot.start);
      const [start, end] = rangeOf(alias);
      const site = this.referenceSite('full', steps, slot, '');
      this.sites.push({ ...site, lines: [slot.line, this.lines.line(start)], aliasEnd: end });
    }
  }

  private referenceSite(form: SiteForm, steps: readonly PathStep[], slot: ScalarSlot, prefix: string): FoundSite {
    // A block scalar (`image: |`) is located so that a bump of it is refused, not silently skipped.
    const written = (slot.text ?? '').slice(prefix.length);
    const text = slot.style === 'block' ? written.trim() : written;
    const parsed = tryParseReference(text);
    const target: SiteTarget = { kind: 'reference', scalar: slot, prefix, writtenName: parsed?.name };
    return {
      form,
      doc: this.index,
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

  // ---- Argo CD kustomize.images ------------------------------------------------------------------------

  private addArgoImages(seq: YAMLSeq, steps: readonly PathStep[], inFlow: boolean): void {
    const flow = inFlow || seq.flow === true;
    seq.items.forEach((item, i) => {
      const node = item as Node | null;
      if (!isScalar(node)) return;
      const slot = this.slot(node, flow);
      if (slot.text === undefined || slot.style === 'block') return;
      const equals = slot.text.indexOf('=');
      const prefix = equals >= 0 ? slot.text.slice(0, equals + 1) : '';
      this.sites.push(this.referenceSite('argocd-kustomize', [...steps, i], slot, prefix));
    });
  }

  // ---- Argo CD helm.parameters --------------------------------------------------------------------------

  /**
   * Argo CD `helm.parameters` naming an image's parts (`image.repository` or `image.name`, `image.tag`,
   * `image.registry`, `image.digest`, as argocd-image-updater writes them): one split site per prefix that
   * has a tag parameter, at that parameter's `value`.
   */
  private addHelmParameters(seq: YAMLSeq, steps: readonly PathStep[], inFlow: boolean): void {
    const flow = inFlow || seq.flow === true;
    const groups = new Map<string, Map<string, { field: FieldSlot; index: number }>>();
    seq.items.forEach((item, index) => {
      const node = item as Node | null;
      if (!isMap(node)) return;
      const fields = this.fieldsOf(node, flow || node.flow === true);
      const parameter = fields.get('name')?.scalar.text;
      const value = fields.get('value');
      const match = parameter === undefined ? null : HELM_PARAMETER.exec(parameter);
      if (match === null || value === undefined) return;
      const prefix = match[1] ?? '';
      const part = match[2] === 'name' ? 'repository' : (match[2] ?? '');
      const group = groups.get(prefix) ?? new Map<string, { field: FieldSlot; index: number }>();
      if (!group.has(part)) group.set(part, { field: value, index });
      groups.set(prefix, group);
    });
    for (const group of groups.values()) {
      const tag = group.get('tag');
      if (tag === undefined) continue;
      const repository = group.get('repository')?.field;
      const registry = nonEmpty(group.get('registry')?.field.scalar.text);
      const written = splitName(registry, undefined, undefined, repository);
      const tagText = nonEmpty(tag.field.scalar.text);
      const digest = group.get('digest')?.field;
      this.sites.push({
        form: 'split',
        doc: this.index,
        path: formatPath([...steps, tag.index, 'value']),
        line: tag.field.scalar.line,
        column: tag.field.scalar.column,
        name: written.name,
        repository: written.resolvable && !isTemplated(tagText) ? bareRepository(written.name) : undefined,
        ...optional('tag', tagText),
        ...optional('digest', nonEmpty(digest?.scalar.text)),
        target: { kind: 'fields', shape: 'split', tag: tag.field, ...optional('digest', digest), digestInTag: false },
        lines: [...group.values()].map(({ field }) => field.scalar.line),
      });
    }
  }

  // ---- kustomize images: entries -----------------------------------------------------------------------

  /** True for the `images:` list of a kustomization (root, no kind or kind Kustomization/Component) or of a Flux Kustomization's spec. */
  private isKustomizationImages(parent: readonly PathStep[]): boolean {
    const root: Node | null = this.doc.contents;
    if (root === null || !isMap(root)) return false;
    const kind = root.get('kind');
    if (parent.length === 1 && parent[0] === 'spec') return kind === 'Kustomization' && String(root.get('apiVersion')).startsWith('kustomize.toolkit.fluxcd.io/');
    if (parent.length !== 0) return false;
    if (kind === 'Kustomization' || kind === 'Component') return true;
    return kind === undefined && KUSTOMIZATION_KEYS.some((key) => root.has(key));
  }

  private addKustomizeEntries(seq: YAMLSeq, steps: readonly PathStep[], inFlow: boolean, kustomization: boolean): void {
    const flow = inFlow || seq.flow === true;
    seq.items.forEach((item, i) => {
      const node = item as Node | null;
      if (!isMap(node)) return;
      const entryFlow = flow || node.flow === true;
      const fields = this.fieldsOf(node, entryFlow);
      const name = fields.get('name');
      if (name === undefined || !(kustomization || KUSTOMIZE_FIELDS.some((field) => fields.has(field)))) return;
      const newName = fields.get('newName');
      const written = nonEmpty(newName?.scalar.text) ?? nonEmpty(name.scalar.text) ?? '';
      const tag = fields.get('newTag');
      const digest = fields.get('digest') ?? fields.get('newDigest');
      const entry = this.entryOf(node, entryFlow, fields);
      const last = entry.fields[entry.fields.length - 1];
      const shown = tag ?? name;
      this.sites.push({
        form: 'kustomize',
        doc: this.index,
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
  }

  // ---- split (Helm values) -----------------------------------------------------------------------------

  /** Adds a split site when the mapping is one; returns whether it is. */
  private detectSplit(
    map: YAMLMap,
    steps: readonly PathStep[],
    fields: ReadonlyMap<string, FieldSlot>,
    flow: boolean,
    key: string | undefined,
    keyStart: number | undefined,
  ): boolean {
    const imageish = key !== undefined && IMAGE_KEY.test(key);
    const parentKey = lastKey(steps.slice(0, -1));
    const underImages = imageish || (parentKey !== undefined && IMAGE_KEY.test(parentKey));
    const repository = fields.get('repository');
    const tag = fields.get('tag');
    // `image:` counts as the name only when it is a bare name: `image: nginx:1.2` next to a `tag:` stays a full reference.
    const image = isBareName(fields.get('image')) ? fields.get('image') : undefined;
    const name = fields.get('name');
    const isSplit =
      repository !== undefined
        ? tag !== undefined || fields.has('registry') || fields.has('digest') || fields.has('sha') || underImages
        : tag !== undefined && (image !== undefined || (underImages && !fields.has('image')));
    if (!isSplit || !SPLIT_FIELDS.some((field) => fields.has(field))) return false;

    const registry = nonEmpty(fields.get('registry')?.scalar.text);
    const written = splitName(registry, repository, image, name);
    const tagText = nonEmpty(tag?.scalar.text);
    const at = tagText?.indexOf('@') ?? -1;
    const digestField = fields.get('digest');
    const sha = fields.get('sha');
    const digestText =
      at >= 0 ? tagText?.slice(at + 1) : (nonEmpty(digestField?.scalar.text) ?? prefixSha(nonEmpty(sha?.scalar.text)));
    const nameField = repository ?? image ?? name;
    const shown = tag ?? nameField ?? fields.get('registry');
    if (shown === undefined) return false;
    const entry = this.entryOf(map, flow, fields);
    this.sites.push({
      form: 'split',
      doc: this.index,
      path: formatPath(steps),
      line: shown.scalar.line,
      column: shown.scalar.column,
      name: written.name,
      repository: written.resolvable && !isTemplated(tagText) && !isTemplated(digestText) ? bareRepository(written.name) : undefined,
      ...optional('tag', at >= 0 ? nonEmpty(tagText?.slice(0, at)) : tagText),
      ...optional('digest', digestText),
      target: {
        kind: 'fields',
        shape: 'split',
        ...optional('tag', tag),
        ...optional('digest', digestField),
        ...optional('sha', sha),
        entry,
        ...optional('insertAfter', nameField?.inherited === false ? nameField : entry.fields[entry.fields.length - 1]),
        digestInTag: at >= 0,
      },
      lines: this.splitLines(fields, keyStart),
    });
    return true;
  }

  /** The lines a hold on which freezes a split site: its fields' values and own keys (an alias's line), and the key above the map. */
  private splitLines(fields: ReadonlyMap<string, FieldSlot>, keyStart: number | undefined): number[] {
    const lines = new Set<number>();
    for (const field of fields.values()) {
      lines.add(field.scalar.line);
      if (!field.inherited && field.aliased) lines.add(this.lines.line(field.keyStart));
    }
    if (keyStart !== undefined) lines.add(this.lines.line(keyStart));
    return [...lines];
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  /**
   * The scalar-valued pairs of a mapping (aliases resolved to their anchored scalar), by key; with
   * `merges`, also the pairs a merge key (`<<: *base`, `<<: [*a, *b]`) brings in, own pairs first.
   */
  private fieldsOf(map: YAMLMap, flow: boolean, merges = false, depth = 0): Map<string, FieldSlot> {
    const fields = new Map<string, FieldSlot>();
    const bases: YAMLMap[] = [];
    for (const pair of map.items) {
      if (merges && keyText(pair) === '<<') bases.push(...this.mergedMaps(pair.value as Node | null));
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

  /** The mappings a merge key's value names: one alias, or a sequence of aliases. */
  private mergedMaps(value: Node | null): YAMLMap[] {
    const aliases = isAlias(value) ? [value] : isSeq(value) ? value.items.filter((item): item is Alias => isAlias(item)) : [];
    return aliases.flatMap((alias) => {
      const target = this.resolve(alias);
      return isMap(target) ? [target] : [];
    });
  }

  private fieldOf(pair: Pair, flow: boolean): FieldSlot | undefined {
    const key = keyText(pair);
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

  private entryOf(map: YAMLMap, flow: boolean, fields: ReadonlyMap<string, FieldSlot>): EntrySlot {
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
  private resolve(alias: Alias): Node | undefined {
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

function splitName(registry: string | undefined, repository?: FieldSlot, image?: FieldSlot, name?: FieldSlot): { name: string; resolvable: boolean } {
  const fallback = nonEmpty(image?.scalar.text) ?? nonEmpty(name?.scalar.text);
  if (repository !== undefined) {
    // An empty repository (DataDog: `repository:` overrides `name:` when set) leaves the image unresolvable here.
    const text = nonEmpty(repository.scalar.text);
    return text === undefined ? { name: joinRepository(registry, fallback ?? ''), resolvable: false } : { name: joinRepository(registry, text), resolvable: true };
  }
  const text = fallback;
  if (text === undefined) return { name: registry ?? '', resolvable: false };
  // A bare `name: agent` is completed by a registry set elsewhere (chart defaults): not resolvable here.
  const resolvable = image !== undefined || registry !== undefined || text.includes('/');
  return { name: joinRepository(registry, text), resolvable };
}

/** True for a field holding a bare image name (no tag or digest). */
function isBareName(field: FieldSlot | undefined): boolean {
  const parsed = field === undefined ? undefined : tryParseReference(field.scalar.text ?? '');
  return parsed !== undefined && parsed.tag === undefined && parsed.digest === undefined;
}

/** The normalised repository of a bare name; undefined when it is not one (has a tag, is a placeholder…). */
function bareRepository(name: string): string | undefined {
  const parsed = tryParseReference(name);
  if (parsed === undefined || parsed.tag !== undefined || parsed.digest !== undefined) return undefined;
  return parsed.repository;
}

/** True for a value a template engine fills in (`${TAG}`, `{{ .Values.tag }}`, `${{ … }}`): never bumped. */
function isTemplated(text: string | undefined): boolean {
  return text !== undefined && /\$\{|\{\{/.test(text);
}

function prefixSha(hex: string | undefined): string | undefined {
  if (hex === undefined) return undefined;
  return hex.includes(':') ? hex : `sha256:${hex}`;
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key as Node | null;
  if (!isScalar(key) || key.value === null) return undefined;
  if (key.type === 'PLAIN' && key.source !== undefined) return key.source;
  return String(key.value);
}

function lastKey(steps: readonly PathStep[]): string | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (typeof step === 'string') return step;
  }
  return undefined;
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

function rangeOf(node: { range?: readonly [number, number, number] | null }): readonly [number, number, number] {
  const range = node.range;
  if (range === undefined || range === null) throw new Error('internal: a parsed node has no source range');
  return range;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

/** `{ [key]: value }` when value is defined, else `{}`: keeps optional properties absent, not undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
