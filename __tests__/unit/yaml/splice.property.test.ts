// Property tests: over generated manifests, kustomizations and Helm values (random indentation, quote
// styles, comments, flow style, CRLF, BOM, several documents, a final newline or not) and random tags
// (numeric-looking ones included), a bump changes exactly the one value: the data reads back equal
// except that value, which reads as the new tag string under YAML 1.1 and 1.2; other lines are untouched.

import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locate, type ImageSite } from '../../../src/yaml/locate.js';
import { applyEdits } from '../../../src/yaml/edits.js';
import { rewrite } from '../../../src/yaml/splice.js';
import { changedRegion, siteLines } from './helpers.js';

const NUMERIC_LOOKING = ['1.10', '6801028', '1e3', 'true', 'on', 'yes', 'null', '0x1F', '012', '1_000', '2024-01-01', '0o17', 'NO'];
const tagArb = fc.oneof(fc.constantFrom(...NUMERIC_LOOKING), fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,15}$/));
const quoteArb = fc.constantFrom('plain', 'single', 'double');
const nameArb = fc.constantFrom('nginx', 'ghcr.io/acme/api', 'localhost:5000/team/app', 'docker.io/bitnami/redis');
const commentArb = fc.option(fc.constantFrom(' # pinned', ' #', ' # {"$imagepolicy": "ns:p"}', '        # aligned', '  # aligned'), { nil: '' });

function quote(text: string, style: string): string {
  if (style === 'single') return `'${text}'`;
  if (style === 'double') return `"${text}"`;
  return text;
}

/** A plain scalar would be read as a string: quote otherwise, as a person writing the file would. */
function safe(text: string, style: string): string {
  const ambiguous = !/^[A-Za-z]/.test(text) || /^(?:y|n|yes|no|on|off|true|false|null)$/i.test(text);
  return style === 'plain' && ambiguous ? `"${text}"` : quote(text, style);
}

const manifestArb = fc.record({ indent: fc.constantFrom(2, 4), name: nameArb, tag: tagArb, style: quoteArb, comment: commentArb, flow: fc.boolean() }).map(
  ({ indent, name, tag, style, comment, flow }) => {
    const i = ' '.repeat(indent);
    const ref = `${name}:${tag}`;
    const container = flow ? `${i}${i}- {name: app, image: ${safe(ref, style)}}${comment}` : `${i}${i}- name: app\n${i}${i}  image: ${safe(ref, style)}${comment}`;
    return `apiVersion: apps/v1\nkind: Deployment\nspec:\n${i}template:\n${i}${i}# pod\n${i}${i}spec:\n${i}${i}${i}containers:\n${container.replace(/^/gm, `${i}`)}`;
  },
);

const kustomizationArb = fc
  .record({ name: nameArb, tag: fc.option(tagArb, { nil: undefined }), style: quoteArb, flow: fc.boolean(), newName: fc.boolean(), comment: commentArb })
  .map(({ name, tag, style, flow, newName, comment }) => {
    const fields = [`name: ${name}`, ...(newName ? ['newName: registry.local/mirror'] : []), ...(tag === undefined ? [] : [`newTag: ${safe(tag, style)}`])];
    const entry = flow ? `- {${fields.join(', ')}}${comment}` : `- ${fields.join(`\n  `)}${comment}`;
    return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deployment.yaml\n\nimages:\n${entry}`;
  });

const valuesArb = fc
  .record({ indent: fc.constantFrom(2, 4), name: nameArb, tag: fc.option(tagArb, { nil: undefined }), style: quoteArb, registry: fc.boolean(), comment: commentArb, key: fc.constantFrom('image', 'server', 'sidecarImage') })
  .map(({ indent, name, tag, style, registry, comment, key }) => {
    const i = ' '.repeat(indent);
    const lines = [
      `${key}:`,
      ...(registry ? [`${i}registry: quay.io`] : []),
      `${i}repository: ${name.replace(/^[^/]+\.[^/]+\//, '')}`,
      // A map under a key not naming an image is a Helm image only with a tag.
      ...(tag === undefined && /image/i.test(key) ? [] : [`${i}tag: ${safe(tag ?? 'v1', style)}${comment}`]),
      `${i}pullPolicy: IfNotPresent`,
    ];
    return `replicaCount: 1\n${lines.join('\n')}\nservice:\n${i}port: 80`;
  });

const streamArb = fc
  .record({
    docs: fc.array(fc.oneof(manifestArb, kustomizationArb, valuesArb), { minLength: 1, maxLength: 3 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    leadingMarker: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ docs, crlf, bom, leadingMarker, finalNewline }) => {
    const body = `${leadingMarker ? '---\n' : ''}${docs.join('\n---\n')}${finalNewline ? '\n' : ''}`;
    return `${bom ? '\uFEFF' : ''}${crlf ? body.replace(/\n/g, '\r\n') : body}`;
  });

type Step = string | number;

/** Parses a path written in the corpus syntax into steps. */
function steps(path: string): Step[] {
  const out: Step[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_$][A-Za-z0-9_$-]*)/g)) {
    if (match[1] !== undefined) out.push(Number(match[1]));
    else if (match[2] !== undefined) out.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) out.push(match[3]);
  }
  return out;
}

function setAt(root: unknown, path: readonly Step[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

function data(text: string, version: '1.1' | '1.2'): unknown[] {
  return parseAllDocuments(text.replace(/^\uFEFF/, ''), { version }).map((doc) => doc.toJS());
}

/** The path of the value that holds the tag, and what it reads as after the bump. */
function changedValue(site: ImageSite, tag: string): { path: Step[]; value: string } {
  const base = steps(site.path);
  if (site.form === 'full') return { path: base, value: `${site.name}:${tag}` };
  return { path: [...base, site.form === 'kustomize' ? 'newTag' : 'tag'], value: tag };
}

describe('rewrite over generated documents', () => {
  it('changes exactly the bumped value, byte-exactly, and is idempotent', () => {
    fc.assert(
      fc.property(streamArb, fc.nat(), tagArb, (text, pick, tag) => {
        const sites = locate(text).sites;
        expect(sites.length).toBeGreaterThan(0);
        const site = sites[pick % sites.length];
        if (site === undefined) return;
        const output = applyEdits(text, rewrite(text, site, { tag }));

        // Only the site's lines change (one line is added when a tag is inserted); BOM and line endings stay.
        const region = changedRegion(text, output);
        const lines = siteLines(text, site);
        region.removed.forEach((_, i) => expect(lines.has(region.firstLine + i)).toBe(true));
        expect(region.added.length - region.removed.length).toBeGreaterThanOrEqual(0);
        expect(region.added.length - region.removed.length).toBeLessThanOrEqual(1);
        expect(output.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
        expect(output.split('\r\n').length - 1 - (text.split('\r\n').length - 1)).toBe(region.added.length - region.removed.length === 1 && text.includes('\r\n') ? 1 : 0);
        expect(/\n$/.test(output)).toBe(/\n$/.test(text));

        // The data reads back equal except the one value, which is the new tag as a string, in YAML 1.1 and 1.2.
        const changed = changedValue(site, tag);
        for (const version of ['1.1', '1.2'] as const) {
          const expected = data(text, version);
          setAt(expected[site.doc], changed.path, changed.value);
          expect(data(output, version)).toEqual(expected);
        }

        // A second run finds the new tag and changes nothing.
        const again = locate(output).sites.find((other) => other.doc === site.doc && other.path === site.path);
        expect(again?.tag).toBe(tag);
        if (again !== undefined) expect(rewrite(output, again, { tag })).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('bumps every site of a stream at once, each to its own tag', () => {
    fc.assert(
      fc.property(streamArb, fc.array(tagArb, { minLength: 1, maxLength: 6 }), (text, tags) => {
        const sites = locate(text).sites;
        const tagOf = (i: number): string => tags[i % tags.length] ?? 'v1';
        const output = applyEdits(text, sites.flatMap((site, i) => rewrite(text, site, { tag: tagOf(i) })));
        for (const version of ['1.1', '1.2'] as const) {
          const expected = data(text, version);
          sites.forEach((site, i) => {
            const changed = changedValue(site, tagOf(i));
            setAt(expected[site.doc], changed.path, changed.value);
          });
          expect(data(output, version)).toEqual(expected);
        }
        const again = locate(output).sites;
        expect(again.map((site) => site.tag)).toEqual(sites.map((_, i) => tagOf(i)));
      }),
      { numRuns: 100 },
    );
  });
});

// kustomize entries whose fields come in any order, some with a comment, block or flow, LF or CRLF: a tag alone
// writes newTag and removes a stale digest; a digest alone writes the digest and removes newTag. A field that
// cannot go cleanly (a comment on its line) is emptied instead; every other byte stays.
const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;
const entryArb = fc
  .record({
    fields: fc.shuffledSubarray(['newName: ghcr.io/acme/api', `digest: ${OLD}`, 'newTag: 1.4.1', 'x-note: keep'], { minLength: 1 }),
    at: fc.nat(),
    comments: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    flow: fc.boolean(),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    indent: fc.constantFrom('', '  '),
  })
  .map(({ fields, at, comments, flow, crlf, finalNewline, indent }) => {
    const all = [...fields];
    all.splice(at % (all.length + 1), 0, 'name: api');
    const entry = flow
      ? `${indent}- {${all.join(', ')}}${comments[0] === true ? ' # entry' : ''}`
      : all.map((field, i) => `${indent}${i === 0 ? '- ' : '  '}${field}${comments[i] === true ? ' # note' : ''}`).join('\n');
    const body = `resources:\n- deploy.yaml\nimages:\n${entry}\n${indent}- name: other\n${indent}  newTag: v1${finalNewline ? '\n' : ''}`;
    return crlf ? body.replace(/\n/g, '\r\n') : body;
  });

function entryOf(text: string): Record<string, unknown> {
  const doc = parseAllDocuments(text)[0]?.toJS() as { images: Record<string, unknown>[] };
  return doc.images[0] ?? {};
}

describe('kustomize entries in any field order', () => {
  it.each([
    ['a tag alone', { tag: '1.5.0' }, 'newTag', 'digest'],
    ['a digest alone', { digest: NEW }, 'digest', 'newTag'],
  ] as const)('%s writes its field and removes the stale one, touching nothing else', (_, want, written, stale) => {
    fc.assert(
      fc.property(entryArb, (text) => {
        const site = locate(text).sites[0];
        expect(site?.form).toBe('kustomize');
        if (site === undefined) return;
        const output = applyEdits(text, rewrite(text, site, want));
        const before = entryOf(text);
        const after = entryOf(output);
        const value = written === 'newTag' ? want.tag : want.digest;
        const hadStale = typeof before[stale] === 'string' && before[stale] !== '' && (written === 'newTag' || before.digest !== NEW);
        const { [written]: _w, [stale]: _s, ...rest } = after;
        const { [written]: _bw, [stale]: _bs, ...restBefore } = before;
        expect(after[written]).toBe(value);
        expect(rest).toEqual(restBefore);
        // The stale field is gone, or emptied where its line holds a comment.
        if (hadStale) expect(after[stale] === undefined || after[stale] === '').toBe(true);
        if (after[stale] === '') expect(output).toMatch(new RegExp(`${stale}: "" #`));
        // The lines around the entry stay, and so do the line endings and the final newline.
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        expect(output.split(eol).slice(0, 3)).toEqual(text.split(eol).slice(0, 3));
        expect(output.endsWith(text.slice(text.lastIndexOf(eol, text.indexOf('- name: other'))))).toBe(true);
        expect(eol === '\r\n' ? /[^\r]\n/.test(output) : output.includes('\r')).toBe(false);
        // A second run changes nothing.
        const again = locate(output).sites[0];
        expect(again && rewrite(output, again, want)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
