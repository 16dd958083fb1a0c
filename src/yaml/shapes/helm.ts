// Helm values: a reference split over sibling fields (repository + tag, with registry, digest or sha) in a
// mapping at any depth (values files, a HelmRelease's values, an Argo CD valuesObject), and Argo CD
// `helm.parameters` naming an image's parts.

import { isMap, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { joinRepository, tryParseReference } from '../../image/reference.js';
import { formatPath, type PathStep } from '../path.js';
import type { FieldSlot, FoundSite } from '../site.js';
import { bareRepository, isTemplated, lastKey, nonEmpty, optional, type NodeReader } from './reader.js';

const SPLIT_FIELDS = ['registry', 'repository', 'image', 'name', 'tag', 'digest', 'sha'] as const;
const IMAGE_KEY = /image/i;
/** A Helm parameter naming one part of an image: `image.tag`, `worker.image.repository`, `image.name`. */
const HELM_PARAMETER = /^(?:(.*)\.)?(repository|name|registry|tag|digest)$/;

/**
 * The split site `map` is, if it is one: a map with `repository` plus `tag`/`registry`/`digest`/`sha`, under any
 * key; or under a key naming an image (`image`, `thanosImage`, `images.ui`): `repository` alone, `name` + `tag`,
 * `tag` alone; or a bare-name `image` + `tag` anywhere. `fields`: the map's fields (merge keys resolved);
 * `key`: the key holding the map; `keyStart`: where that key is (a hold on its line holds the map).
 */
export function splitSite(
  reader: NodeReader,
  map: YAMLMap,
  steps: readonly PathStep[],
  fields: ReadonlyMap<string, FieldSlot>,
  flow: boolean,
  key: string | undefined,
  keyStart: number | undefined,
): FoundSite | undefined {
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
  if (!isSplit || !SPLIT_FIELDS.some((field) => fields.has(field))) return undefined;

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
  if (shown === undefined) return undefined;
  const entry = reader.entryOf(map, flow, fields);
  return {
    form: 'split',
    doc: reader.index,
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
    lines: splitLines(reader, fields, keyStart),
  };
}

/** The lines a hold on which freezes a split site: its fields' values and own keys (an alias's line), and the key above the map. */
function splitLines(reader: NodeReader, fields: ReadonlyMap<string, FieldSlot>, keyStart: number | undefined): number[] {
  const lines = new Set<number>();
  for (const field of fields.values()) {
    lines.add(field.scalar.line);
    if (!field.inherited && field.aliased) lines.add(reader.lines.line(field.keyStart));
  }
  if (keyStart !== undefined) lines.add(reader.lines.line(keyStart));
  return [...lines];
}

/**
 * Argo CD `helm.parameters` naming an image's parts (`image.repository` or `image.name`, `image.tag`,
 * `image.registry`, `image.digest`, as argocd-image-updater writes them): one split site per prefix that
 * has a tag parameter, at that parameter's `value`.
 */
export function helmParameterSites(reader: NodeReader, seq: YAMLSeq, steps: readonly PathStep[], inFlow: boolean): FoundSite[] {
  const flow = inFlow || seq.flow === true;
  const groups = new Map<string, Map<string, { field: FieldSlot; index: number }>>();
  seq.items.forEach((item, index) => {
    const node = item as Node | null;
    if (!isMap(node)) return;
    const fields = reader.fieldsOf(node, flow || node.flow === true);
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
  const sites: FoundSite[] = [];
  for (const group of groups.values()) {
    const tag = group.get('tag');
    if (tag === undefined) continue;
    const repository = group.get('repository')?.field;
    const registry = nonEmpty(group.get('registry')?.field.scalar.text);
    const written = splitName(registry, undefined, undefined, repository);
    const tagText = nonEmpty(tag.field.scalar.text);
    const digest = group.get('digest')?.field;
    sites.push({
      form: 'split',
      doc: reader.index,
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
  return sites;
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

function prefixSha(hex: string | undefined): string | undefined {
  if (hex === undefined) return undefined;
  return hex.includes(':') ? hex : `sha256:${hex}`;
}
