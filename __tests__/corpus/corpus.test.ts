// The real-world corpus (__tests__/corpus/real-world, a copy of ../shared/corpus/real-world; or $GITOPS_BUMP_CORPUS): every image reference
// INDEX.json lists is located with its document, path, line and value; no look-alike is; every located
// site takes a bump that changes only its own value's bytes, reads back, and is idempotent.
//
// Forms INDEX.json lists that are not bump sites, by design:
// - registry-override (`global.imageRegistry`): a registry for many images, not one image's version;
// - an `image:` written as an alias (`*golangImage`): the anchored scalar is the site (checked below).

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { joinRepository, tryParseReference } from '../../src/image/reference.js';
import { locate, type ImageSite } from '../../src/yaml/locate.js';
import { applyEdits, type TextEdit } from '../../src/yaml/edits.js';
import { rewrite, UnwritableError, type Want } from '../../src/yaml/splice.js';
import { changedRegion, outputOffset, scalarsAt, siteLines, siteScalarRanges } from '../unit/yaml/helpers.js';

interface Field {
  value: string | null;
  line: number;
  col: number;
  span: [number, number];
  raw: string;
  style: string;
}
interface IndexImage extends Partial<Field> {
  form: string;
  doc: number;
  path: string;
  fields?: Record<string, Field>;
  anchor?: string;
  alias_of?: string;
}
interface IndexFile {
  file: string;
  documents: number;
  images: IndexImage[];
  non_targets: { path?: string; doc?: number; container_path?: string }[];
  embedded_images: { container_path: string; doc?: number }[];
}

const here = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = process.env.GITOPS_BUMP_CORPUS ?? resolve(here, 'real-world');
const NOT_SITES = new Set(['registry-override']);
const FORM: Record<string, ImageSite['form']> = {
  full: 'full',
  split: 'split',
  'kustomize-images-entry': 'kustomize',
  'argocd-kustomize-image': 'argocd-kustomize',
  'argocd-helm-parameter': 'split',
};

describe('real-world corpus', () => {
  it('is present (set GITOPS_BUMP_CORPUS to its folder)', () => {
    expect(existsSync(resolve(CORPUS, 'INDEX.json')), `no corpus at ${CORPUS}`).toBe(true);
  });
  if (!existsSync(resolve(CORPUS, 'INDEX.json'))) return;
  const index = JSON.parse(readFileSync(resolve(CORPUS, 'INDEX.json'), 'utf8')) as { files: IndexFile[] };

  it('has files to check', () => {
    expect(index.files.length).toBeGreaterThan(100);
  });

  describe.each(index.files.map((entry) => [entry.file, entry] as const))('%s', (_, entry) => {
    const text = readFileSync(resolve(CORPUS, entry.file), 'utf8');
    const sites = locate(text).sites;
    const at = (doc: number, path: string): ImageSite | undefined => sites.find((site) => site.doc === doc && site.path === path);

    it('locates every listed image with its path, line and value, and nothing else', () => {
      const expected = new Set<string>();
      for (const image of entry.images) {
        if (NOT_SITES.has(image.form)) continue;
        const listed = image.alias_of === undefined ? image : entry.images.find((other) => other.anchor === image.alias_of);
        expect(listed, `anchor ${image.alias_of}`).toBeDefined();
        if (listed === undefined) continue;
        expected.add(`${listed.doc}|${listed.path}`);
        const site = at(listed.doc, listed.path);
        expect(site, `${listed.form} at doc ${listed.doc} ${listed.path}`).toBeDefined();
        if (site === undefined) continue;
        expect(site.form).toBe(FORM[listed.form]);
        checkSite(text, site, listed);
      }
      const unexpected = sites.filter((site) => !expected.has(`${site.doc}|${site.path}`)).map((site) => `${site.doc}|${site.path}`);
      expect(unexpected).toEqual([]);
    });

    it('locates none of the look-alikes', () => {
      for (const lookalike of [...entry.non_targets, ...entry.embedded_images]) {
        const path = 'path' in lookalike && lookalike.path !== undefined ? lookalike.path : lookalike.container_path;
        if (path === undefined) continue;
        const hits = sites.filter((site) => (lookalike.doc === undefined || site.doc === lookalike.doc) && (site.path === path || site.path.startsWith(`${path}.`)));
        expect(hits.map((site) => site.path)).toEqual([]);
      }
    });

    it.each(['9.9.9-test', '1.10'])('bumps each site to %s changing only its value bytes; it reads back; a second run is a no-op', (tag) => {
      const want = { tag };
      const all: TextEdit[] = [];
      const tagEdits: { edit: TextEdit; at: number }[] = [];
      for (const site of sites) {
        const edits = bumpOne(text, site, want);
        all.push(...edits);
        const tagEdit = site.target.kind === 'fields' ? edits.find((edit) => edit.text.includes(tag)) : undefined;
        if (tagEdit !== undefined) tagEdits.push({ edit: tagEdit, at: tagEdit.text.search(/["']?[0-9]/u) });
      }
      const output = applyEdits(text, all);
      const again = locate(output).sites;
      expect(again.map((site) => `${site.doc}|${site.path}`)).toEqual(sites.map((site) => `${site.doc}|${site.path}`));
      for (const site of again.filter(writable)) {
        expect(site.tag, `${site.doc} ${site.path}`).toBe(tag);
        expect(site.digest, `${site.doc} ${site.path}`).toBeUndefined();
        expect(rewrite(output, site, want), `${site.doc} ${site.path}`).toEqual([]);
      }
      // However numeric it looks, the new tag reads back as a string under YAML 1.1 and 1.2.
      const shifted = tagEdits.map(({ edit, at }) => outputOffset(all, edit) + at);
      for (const version of tag === '1.10' ? (['1.1', '1.2'] as const) : []) {
        const values = scalarsAt(output, shifted, version);
        expect(values, `YAML ${version}`).toEqual(shifted.map(() => tag));
      }
    });

    it('bumps every site at once, with a digest, and the stream keeps its documents', () => {
      const want: Want = { tag: '2.0.0', digest: `sha256:${'ab'.repeat(32)}` };
      const edits = sites.flatMap((site) => (writable(site) ? rewrite(text, site, want) : []));
      const output = applyEdits(text, edits);
      const again = locate(output).sites;
      expect(again.length).toBe(sites.length);
      for (const site of again.filter(writable)) {
        expect(site.tag, `${site.doc} ${site.path}`).toBe('2.0.0');
        expect(rewrite(output, site, want)).toEqual([]);
      }
    });
  });
});

/** True for a site a bump can write: every shape except an `image:` that is not a reference or is a block scalar. */
function writable(site: ImageSite): boolean {
  const target = site.target;
  return !(target.kind === 'reference' && (target.writtenName === undefined || target.scalar.style === 'block'));
}

/** One site's bump on its own: the edits touch only the site, and only its lines change. */
function bumpOne(text: string, site: ImageSite, want: { tag: string }): TextEdit[] {
  const label = `${site.doc} ${site.path} -> ${want.tag}`;
  if (!writable(site)) {
    expect(() => rewrite(text, site, want), label).toThrow(UnwritableError);
    return [];
  }
  const edits = rewrite(text, site, want);
  expect(edits.length, label).toBeGreaterThan(0);
  for (const edit of edits) checkEdit(text, site, edit, label);
  checkLines(text, applyEdits(text, edits), site, label);
  return edits;
}

/**
 * An edit replaces one of the site's scalars (with the padding before an aligned comment: it keeps its column),
 * or inserts or removes one `key: value` of the site's mapping (both at once on the last line of a text
 * without a final newline).
 */
function checkEdit(text: string, site: ImageSite, edit: TextEdit, label: string): void {
  const scalars = siteScalarRanges(site);
  const padded = (end: number): boolean => edit.end === end || (/^ {2,}$/u.test(text.slice(end, edit.end)) && text[edit.end] === '#' && / $/u.test(edit.text));
  if (scalars.some((scalar) => scalar.start === edit.start && padded(scalar.end))) return;
  if (edit.text !== '') expect(edit.text, label).toMatch(/^(?:\r?\n *|, )(?:tag|newTag|digest): \S+$/u);
  if (edit.start === edit.end) return;
  expect(text.slice(edit.start, edit.end), label).toMatch(/^(?:[ \t]*(?:digest|newDigest): \S+\r?\n|\r?\n[ \t]*(?:digest|newDigest): \S+|, (?:digest|newDigest): \S+)$/u);
}

/** Only the site's own lines change; an insertion adds exactly one line. */
function checkLines(before: string, after: string, site: ImageSite, label: string): void {
  const region = changedRegion(before, after);
  const lines = siteLines(before, site);
  region.removed.forEach((_, i) => expect(lines.has(region.firstLine + i), `${label}: line ${region.firstLine + i} changed`).toBe(true));
  expect(Math.abs(region.added.length - region.removed.length), label).toBeLessThanOrEqual(1);
}

/** The site's line, column, span and values match what INDEX.json says. */
function checkSite(text: string, site: ImageSite, image: IndexImage): void {
  const bytes = (offset: number): number => Buffer.byteLength(text.slice(0, offset), 'utf8');
  const label = `${image.doc} ${image.path}`;
  if (image.form === 'argocd-helm-parameter') {
    // An Argo CD `image.tag` parameter: the value scalar is the tag (the repository is the chart's).
    const target = site.target;
    expect(target.kind === 'fields' && target.tag !== undefined).toBe(true);
    if (target.kind !== 'fields' || target.tag === undefined) return;
    expect([site.line, site.column], label).toEqual([image.line, image.col]);
    expect([bytes(target.tag.scalar.start), bytes(target.tag.scalar.end)], label).toEqual(image.span);
    expect(site.tag, label).toBe(image.value === '' ? undefined : image.value);
    expect(site.repository, label).toBeUndefined();
    return;
  }
  if (image.fields === undefined) {
    // A scalar holding a whole reference (full, Argo CD string).
    const target = site.target;
    expect(target.kind).toBe('reference');
    if (target.kind !== 'reference') return;
    expect([site.line, site.column], label).toEqual([image.line, image.col]);
    expect([bytes(target.scalar.start), bytes(target.scalar.end)], label).toEqual(image.span);
    const value = image.value ?? '';
    const reference = tryParseReference(value.slice(value.indexOf('=') + 1));
    expect(site.repository, label).toBe(reference?.repository);
    expect(site.tag, label).toBe(reference?.tag);
    expect(site.digest, label).toBe(reference?.digest);
    return;
  }
  const fields = image.fields;
  const tagField = fields.tag ?? fields.newTag;
  const shown = tagField ?? fields.repository ?? fields.image ?? fields.name ?? fields.registry;
  expect(site.line, label).toBe(shown?.line);
  const tag = tagField?.value ?? '';
  expect(site.tag, label).toBe(tag === '' ? undefined : tag.split('@')[0]);
  const target = site.target;
  if (target.kind === 'fields' && tagField !== undefined && target.tag !== undefined) {
    expect([bytes(target.tag.scalar.start), bytes(target.tag.scalar.end)], label).toEqual(tagField.span);
  }
  const written = image.form === 'split' ? splitName(fields) : (fields.newName?.value ?? fields.name?.value ?? '');
  if (written !== undefined) {
    const parsed = tryParseReference(written);
    expect(site.repository, label).toBe(parsed?.tag === undefined ? parsed?.repository : undefined);
  }
}

/** The name a Helm-values map spells with an explicit repository; undefined for `name`-only shapes. */
function splitName(fields: Record<string, Field>): string | undefined {
  const repository = fields.repository?.value;
  if (fields.repository === undefined) return fields.image?.value ?? undefined;
  return repository === null || repository === undefined || repository === '' ? '' : joinRepository(fields.registry?.value ?? undefined, repository);
}
