// Hostile YAML fed to the built bundle with a 256 MB heap (a run that needs more crashes instead of passing) and
// writes enabled: deep nesting, alias bombs, huge scalars, tens of thousands of references in one file. Each ends
// with a clear message (file:line, nothing written) or a clean bump of exactly the bytes it should touch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOUNDED_MEMORY, bump, changedPaths, cleanUp, failure, fingerprint, scratch } from '../support/bundle.js';

afterAll(cleanUp);

const OLD = 'ghcr.io/acme/api:1.0.0';
const NEW = 'ghcr.io/acme/api:1.1.0';

/** Runs a writing bump over `files` under apps/prod with bounded memory. */
async function bumpFiles(files: Record<string, string>, inputs: Record<string, string> = {}) {
  const dir = scratch(Object.fromEntries(Object.entries(files).map(([k, v]) => [`apps/prod/${k}`, v])));
  const before = fingerprint(dir);
  const run = await bump({ images: NEW, paths: 'apps/**', 'local-path': dir, ...inputs }, { cwd: dir, env: BOUNDED_MEMORY });
  return { dir, run, changed: changedPaths(before, fingerprint(dir)), read: (f: string) => readFileSync(join(dir, 'apps/prod', f), 'utf8') };
}

describe('deep nesting ends with a clear message naming file:line, and nothing is written', () => {
  it.each([
    ['10,000 nested flow sequences', `image: ${OLD}\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, {}],
    [
      '3,000 nested block mappings',
      `image: ${OLD}\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} ${OLD}\n`,
      { 'max-file-size': '8MiB' },
    ],
    ['10,000 nested flow mappings', `image: ${OLD}\nx: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, {}],
  ])('%s', async (_name, text, inputs) => {
    const { run, changed } = await bumpFiles({ 'deep.yaml': text, 'pod.yaml': `image: ${OLD}\n` }, inputs);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(changed).toEqual([]);
    const message = failure(run);
    expect(message).toMatch(/apps\/prod\/deep\.yaml:\d+/);
    // A person can act on it: it says the nesting is too deep, not that a stack overflowed.
    expect(message).not.toMatch(/call stack|RangeError/i);
    expect(message).toMatch(/nest|deep/i);
  });
});

describe('alias bombs are never expanded', () => {
  it('a billion laughs beside an image: the image is bumped and nothing else changes', async () => {
    const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const text = `image: ${OLD}\n${levels.join('\n')}\n`;
    const { run, read } = await bumpFiles({ 'bomb.yaml': text });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read('bomb.yaml')).toBe(text.replace(OLD, NEW));
  });

  it('an image inside the anchored node, aliased 10^11 times (and merged): the anchored scalar is edited once', async () => {
    const levels = [`a0: &a0 [{image: ${OLD}}]`];
    for (let i = 1; i < 12; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const text = `${levels.join('\n')}\nspec:\n  containers: *a11\nbase: &base {image: ${OLD}}\nvalues:\n  <<: *base\n  more: *a11\n`;
    const { run, read } = await bumpFiles({ 'bomb.yaml': text });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read('bomb.yaml')).toBe(text.split(OLD).join(NEW));
    expect(read('bomb.yaml').split(NEW)).toHaveLength(3);
  });

  it('one anchored tag shared by two images asked for different versions: both are refused, the file stays as it was', async () => {
    const text = `api:\n  repository: ghcr.io/acme/api\n  tag: &t 1.0.0\nweb:\n  repository: ghcr.io/acme/web\n  tag: *t\n`;
    const { run, read } = await bumpFiles({ 'values.yaml': text }, { images: `${NEW}\nghcr.io/acme/web:2.0.0` });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read('values.yaml')).toBe(text);
    const refused = JSON.parse(run.outputs.refused!) as { image: string; reason: string }[];
    expect(refused).toEqual([
      expect.objectContaining({ image: 'ghcr.io/acme/api', reason: expect.stringContaining('anchored value &t is also used by ghcr.io/acme/web') }),
      expect.objectContaining({ image: 'ghcr.io/acme/web', reason: expect.stringContaining('anchored value &t is also used by ghcr.io/acme/api') }),
    ]);
  });
});

describe('huge files and scalars stay within bounded time and memory', () => {
  const scalar = `image: ${OLD}\nblob: "${'x'.repeat(5 * 1024 * 1024)}"\nnote: ${OLD.split(':')[0]}\n`;

  it('a 5 MB scalar is skipped by the default max-file-size, with a note', async () => {
    const { run, changed } = await bumpFiles({ 'huge.yaml': scalar });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(changed).toEqual([]);
    expect(run.stdout).toMatch(/^skipped apps\/prod\/huge\.yaml: larger than max-file-size/m);
    expect(run.outputs.changed).toBe('false');
    // The outcome says why nothing changed, not that everything is current.
    expect(run.stdout).toContain('Nothing to change: ghcr.io/acme/api matched no image reference in the 1 file paths selects (apps/**) (1 file skipped).');
  });

  it('with max-file-size 8MiB the 5 MB scalar is parsed and only the image bytes change', async () => {
    const { run, read } = await bumpFiles({ 'huge.yaml': scalar }, { 'max-file-size': '8MiB' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read('huge.yaml')).toBe(scalar.replace(OLD, NEW));
  });

  it('25,000 references in one 0.9 MB file are all bumped (linear plan and diff), and the job summary stays under 1 MiB', async () => {
    const text = `spec:\n  containers:\n${`    - image: ${OLD}\n`.repeat(25_000)}`;
    const { run, read } = await bumpFiles({ 'many.yaml': text });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read('many.yaml')).toBe(text.split(OLD).join(NEW));
    expect(JSON.parse(run.outputs.changes!)).toHaveLength(25_000);
    // GitHub refuses a step summary over 1 MiB ("supports content up to a size of 1024k"): it must be cut to fit.
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
  }, 60_000);
});
