// Property test: the prefilter never drops a file the full scan finds a requested repository in. Over generated
// streams of every shape family the engine reads (container images, kustomize name/newName, Argo CD
// kustomize.images strings, Helm maps with the registry split off at any '/', helm.parameters, marker comments),
// every accepted spelling (docker.io normalisation, an uppercase registry), every quoting style (and the escapes a
// double-quoted scalar may use around the name), block and flow, comments, anchors and merge keys, CRLF, a BOM, and
// look-alike words around them (`apiVersion`, `api-gateway`, `svc70`, keys `api:`): whenever locate() finds a site of the
// repository (or of a look-alike with the same last path part, which the plan reports), the file is kept, by the
// byte filter of local runs and by the text filter of the plan alike. The sites located are a superset of what the
// plan would edit without any prefilter.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldAny, textMayHoldAny } from '../../../src/core/prefilter.js';
import type { ImageRequest } from '../../../src/core/types.js';
import { parseReference } from '../../../src/image/reference.js';
import { locate } from '../../../src/yaml/locate.js';

const REQUESTED = ['ghcr.io/acme/api', 'docker.io/library/nginx', 'localhost:5000/team/svc7'];
const SPELLINGS = [
  'ghcr.io/acme/api',
  'GHCR.io/acme/api',
  'nginx',
  'library/nginx',
  'docker.io/nginx',
  'docker.io/library/nginx',
  'index.docker.io/library/nginx',
  'registry-1.docker.io/nginx',
  'localhost:5000/team/svc7',
];
/** Look-alikes: the same last part elsewhere (kept, reported as similar), and longer words (not the image). */
const OTHERS = ['ghcr.io/acmee/api', 'quay.io/x/nginx', 'ghcr.io/acme/api-gateway', 'ghcr.io/acme/apiserver', 'nginx-ingress', 'localhost:5000/team/svc70', 'ghcr.io/acme/web'];
const DIGEST = `sha256:${'c'.repeat(64)}`;

const request = (repository: string): ImageRequest => ({ input: `${repository}:9.9.9`, ref: parseReference(`${repository}:9.9.9`) });
const lastPart = (repository: string): string => repository.slice(repository.lastIndexOf('/') + 1);

const nameArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SPELLINGS) }, { weight: 1, arbitrary: fc.constantFrom(...OTHERS) });
const versionArb = fc.constantFrom(':1.2.3', `@${DIGEST}`, `:1.2@${DIGEST}`, ':v1');
/** How a scalar holding a name (and maybe a version) is written. */
const styleArb = fc.constantFrom('plain', 'single', 'double', 'double-escaped-slashes', 'double-x2f', 'double-u002f', 'double-tab', 'double-escaped-colon');

function write(name: string, version: string, style: string): string {
  const lastSlash = name.lastIndexOf('/');
  switch (style) {
    case 'single':
      return `'${name}${version}'`;
    case 'double':
      return `"${name}${version}"`;
    case 'double-escaped-slashes':
      return `"${name.replace(/\//g, '\\/')}${version}"`;
    case 'double-x2f':
      return lastSlash < 0 ? `"${name}${version}"` : `"${name.slice(0, lastSlash)}\\x2F${name.slice(lastSlash + 1)}${version}"`;
    case 'double-u002f':
      return lastSlash < 0 ? `"${name}${version}"` : `"${name.slice(0, lastSlash)}\\u002f${name.slice(lastSlash + 1)}${version}"`;
    case 'double-tab':
      return `"\\t${name}${version}"`;
    case 'double-escaped-colon':
      return `"${name}${version.replace(/^:/, '\\x3a')}"`;
    default:
      return `${name}${version}`;
  }
}

const commentArb = fc.constantFrom('', ' # pinned', ' # api', '  # see api-gateway');
const indentArb = fc.constantFrom('  ', '    ');

const containerArb = fc.record({ name: nameArb, version: versionArb, style: styleArb, flow: fc.boolean(), anchor: fc.boolean(), comment: commentArb, i: indentArb }).map(
  ({ name, version, style, flow, anchor, comment, i }) => {
    const value = `${anchor ? '&img ' : ''}${write(name, version, style)}`;
    const body = flow ? `${i}containers: [{name: c, image: ${value}}]${comment}` : `${i}containers:\n${i}- name: c\n${i}  image: ${value}${comment}`;
    return `apiVersion: apps/v1\nkind: Deployment\nspec:\n${body}${anchor ? `\nsidecar:\n${i}image: *img` : ''}`;
  },
);

const kustomizeArb = fc.record({ name: nameArb, style: styleArb, newName: fc.boolean(), flow: fc.boolean(), comment: commentArb }).map(({ name, style, newName, flow, comment }) => {
  const fields = newName ? ['name: placeholder', `newName: ${write(name, '', style)}`, 'newTag: "1.0"'] : [`name: ${write(name, '', style)}`, 'newTag: "1.0"'];
  const entry = flow ? `images: [{${fields.join(', ')}}]${comment}` : `images:\n- ${fields.join(`${comment}\n  `)}`;
  return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deploy.yaml\n${entry}`;
});

const argoArb = fc.record({ name: nameArb, version: versionArb, style: styleArb, alias: fc.boolean(), i: indentArb }).map(({ name, version, style, alias, i }) => {
  const value = write(`${alias ? 'old=' : ''}${name}`, version, style === 'double-tab' ? 'double' : style);
  return `apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n${i}source:\n${i}${i}kustomize:\n${i}${i}${i}images:\n${i}${i}${i}- ${value}`;
});

/** A Helm map: the name split into registry and repository at any '/', block or flow, or merged from an anchor. */
const helmArb = fc
  .record({ name: nameArb, at: fc.nat(), style: styleArb, form: fc.constantFrom('block', 'flow', 'merge'), slashes: fc.boolean(), key: fc.constantFrom('image', 'server', 'worker'), i: indentArb, comment: commentArb })
  .map(({ name, at, style, form, slashes, key, i, comment }) => {
    const cuts = [...name.matchAll(/\//g)].map((m) => m.index);
    const cut = cuts.length === 0 || at % (cuts.length + 1) === cuts.length ? undefined : cuts[at % (cuts.length + 1)];
    const quote = style.startsWith('double-') && style !== 'double-escaped-slashes' ? 'double' : style;
    const fields = [
      ...(cut === undefined ? [] : [`registry: ${write(name.slice(0, cut) + (slashes ? '/' : ''), '', quote)}`]),
      `repository: ${write((slashes && cut !== undefined ? '/' : '') + name.slice(cut === undefined ? 0 : cut + 1), '', style)}`,
    ];
    const tag = `tag: "1.0"${comment}`;
    if (form === 'flow') return `${key}: {${[...fields, 'tag: "1.0"'].join(', ')}}`;
    if (form === 'merge') return `base: &base\n${fields.map((f) => `${i}${f}`).join('\n')}\n${key}:\n${i}<<: *base\n${i}${tag}`;
    return `${key}:\n${[...fields, tag].map((f) => `${i}${f}`).join('\n')}\n${i}pullPolicy: IfNotPresent`;
  });

const parametersArb = fc.record({ name: nameArb, style: styleArb, param: fc.constantFrom('repository', 'name'), i: indentArb }).map(({ name, style, param, i }) => {
  const item = (p: string, value: string) => `${i.repeat(3)}- name: ${p}\n${i.repeat(3)}  value: ${value}`;
  return `spec:\n${i}source:\n${i}${i}helm:\n${i}${i}${i}parameters:\n${item(`image.${param}`, write(name, '', style))}\n${item('image.tag', '"1.0"')}`;
});

const markerArb = fc.record({ name: nameArb, part: fc.constantFrom(':tag', ':digest', ''), blank: fc.boolean(), hold: fc.boolean(), i: indentArb }).map(({ name, part, blank, hold, i }) => {
  const marker = `#${blank ? ' ' : ''}gitops-bump:${blank ? ' ' : ''}${name}${part}${hold ? ' hold until INC-1' : ''}`;
  const value = part === '' ? `${name.toLowerCase()}:1.0` : part === ':digest' ? DIGEST : '"1.0"';
  return `app:\n${i}version: ${value} ${marker}`;
});

const distractorArb = fc.constantFrom('apiVersion: v1\nkind: Service', 'api:\n  replicas: 1', 'nginx: {enabled: true}', 'svc7:\n  x: 1', 'routes:\n- path: /api/v1', 'svc70: {replicas: 1}', 'nginxConfig: {}', 'gateway: ghcr.io/acme/api-gateway:1.0', '# rapid api-gateway notes');

const streamArb = fc
  .record({
    docs: fc.array(fc.oneof(containerArb, kustomizeArb, argoArb, helmArb, parametersArb, markerArb, distractorArb), { minLength: 1, maxLength: 4 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ docs, crlf, bom, finalNewline }) => {
    const body = `${docs.join('\n---\n')}${finalNewline ? '\n' : ''}`;
    return `${bom ? '\uFEFF' : ''}${crlf ? body.replace(/\n/g, '\r\n') : body}`;
  });

describe('prefilter over generated shapes', () => {
  it('keeps every file in which the scan finds a requested repository (or one with its last path part)', () => {
    const filters = REQUESTED.map((repository) => ({ part: lastPart(repository), bytes: mayHoldAny([request(repository)]), text: textMayHoldAny([request(repository)]) }));
    let found = 0;
    let dropped = 0;
    fc.assert(
      fc.property(streamArb, (text) => {
        const repositories = locate(text).sites.flatMap((site) => (site.repository === undefined ? [] : [site.repository]));
        const bytes = Buffer.from(text, 'utf8');
        for (const filter of filters) {
          const keep = filter.bytes(bytes);
          expect(filter.text(text), text).toBe(keep);
          if (repositories.some((repository) => lastPart(repository) === filter.part)) {
            found++;
            expect(keep, `${filter.part} in ${JSON.stringify(text)}`).toBe(true);
          } else if (!keep) {
            dropped++;
          }
        }
      }),
      { numRuns: 400 },
    );
    // The generator is not vacuous: it writes files holding the images, and files the filter drops.
    expect(found).toBeGreaterThan(200);
    expect(dropped).toBeGreaterThan(100);
  });
});
