// The prefilter over the real-world corpus: every file is kept for every image INDEX.json lists in it (and for
// every repository the scan locates in it), and a file whose only `api` is `apiVersion` is dropped for
// ghcr.io/acme/api.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mayHoldAny, textMayHoldAny } from '../../src/core/prefilter.js';
import type { ImageRequest } from '../../src/core/types.js';
import { joinRepository, parseReference, tryParseReference } from '../../src/image/reference.js';
import { locate } from '../../src/yaml/locate.js';

interface Field {
  value: string | null;
}
interface IndexImage {
  form: string;
  value?: string | null;
  fields?: Record<string, Field>;
}
interface IndexFile {
  file: string;
  images: IndexImage[];
}

const here = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = process.env.GITOPS_BUMP_CORPUS ?? resolve(here, 'real-world');

const request = (repository: string): ImageRequest => ({ input: repository, ref: parseReference(`${repository}:9.9.9`) });

/** The name an INDEX.json entry spells (as the index describes it, independently of the engine), when it has one. */
function writtenName(image: IndexImage): string | undefined {
  const fields = image.fields;
  if (fields === undefined) {
    if (image.form !== 'full' && image.form !== 'argocd-kustomize-image') return undefined;
    const value = image.value ?? '';
    return image.form === 'argocd-kustomize-image' ? value.slice(value.indexOf('=') + 1) : value;
  }
  if (image.form === 'kustomize-images-entry') return fields.newName?.value ?? fields.name?.value ?? undefined;
  const registry = fields.registry?.value ?? undefined;
  const name = fields.repository?.value ?? fields.image?.value ?? fields.name?.value;
  return name === null || name === undefined || name === '' ? undefined : joinRepository(registry, name);
}

describe('prefilter over the real-world corpus', () => {
  if (!existsSync(resolve(CORPUS, 'INDEX.json'))) {
    it.skip('no corpus (set GITOPS_BUMP_CORPUS to its folder)', () => {});
    return;
  }
  const index = JSON.parse(readFileSync(resolve(CORPUS, 'INDEX.json'), 'utf8')) as { files: IndexFile[] };
  const read = (file: string) => readFileSync(resolve(CORPUS, file));

  it('keeps every file for every image INDEX.json lists in it', () => {
    let checked = 0;
    for (const entry of index.files) {
      const bytes = read(entry.file);
      for (const image of entry.images) {
        const name = writtenName(image);
        const repository = name === undefined ? undefined : tryParseReference(name)?.repository;
        if (repository === undefined) continue;
        checked++;
        expect(mayHoldAny([request(repository)])(bytes), `${entry.file}: ${repository}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('keeps every file for every repository the scan locates in it, by bytes and by text alike', () => {
    let checked = 0;
    for (const entry of index.files) {
      const bytes = read(entry.file);
      const text = bytes.toString('utf8');
      for (const site of locate(text).sites) {
        if (site.repository === undefined) continue;
        checked++;
        const requests = [request(site.repository)];
        expect(mayHoldAny(requests)(bytes), `${entry.file}:${site.line}: ${site.repository}`).toBe(true);
        expect(textMayHoldAny(requests)(text), `${entry.file}:${site.line}: ${site.repository}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('drops the files whose only `api` is in `apiVersion` for ghcr.io/acme/api', () => {
    const keep = mayHoldAny([request('ghcr.io/acme/api')]);
    const apiVersionOnly = index.files.map((entry) => read(entry.file)).filter((bytes) => {
      const text = bytes.toString('utf8');
      return text.includes('apiVersion') && !/api(?!Version)/.test(text);
    });
    expect(apiVersionOnly.length).toBeGreaterThan(50);
    expect(apiVersionOnly.filter((bytes) => keep(bytes))).toEqual([]);
  });
});
