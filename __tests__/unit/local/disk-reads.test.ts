// How readLocal reads: one read call per file smaller than its buffer (no second read to find end-of-file), whole
// files at every size around the buffer's, oversized files cut at max-file-size + 1 bytes, and results in path
// order whatever the order the walk meets them in.
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compilePaths } from '../../../src/core/paths.js';
import { readLocal } from '../../../src/local/disk.js';

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return { ...original, readSync: vi.fn(original.readSync) };
});
const readSync = vi.mocked(fs.readSync);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'local-reads-'));
  readSync.mockClear();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A YAML text of exactly `size` bytes. */
function textOf(size: number): string {
  const head = 'image: x:1\n';
  return size <= head.length ? head.slice(0, size) : `${head}#${'x'.repeat(size - head.length - 2)}\n`;
}

describe('readLocal reads', () => {
  it('each small file with one read call', async () => {
    for (let i = 0; i < 20; i++) writeFileSync(join(root, `f${i}.yaml`), textOf(11 + i * 100));
    const snapshot = await readLocal(root, compilePaths(['**/*.yaml']), { maxFileBytes: 1_000_000 });
    expect(snapshot.files).toHaveLength(20);
    expect(readSync).toHaveBeenCalledTimes(20);
  });

  it('whole files at every size around the buffer, and cuts oversized ones at max-file-size + 1 bytes', async () => {
    const buffer = 64 * 1024;
    const max = 300_000;
    const sizes = [0, 1, 100, buffer - 1, buffer, buffer + 1, 4 * buffer - 1, 4 * buffer, 4 * buffer + 1, max - 1, max];
    for (const size of sizes) writeFileSync(join(root, `s${size}.yaml`), textOf(size));
    writeFileSync(join(root, 'over.yaml'), textOf(max + 1));
    writeFileSync(join(root, 'huge.yaml'), textOf(10 * max));
    const snapshot = await readLocal(root, compilePaths(['**/*.yaml']), { maxFileBytes: max });
    expect(Object.fromEntries(snapshot.files.map((f) => [f.path, f.text]))).toEqual(Object.fromEntries(sizes.map((size) => [`s${size}.yaml`, textOf(size)])));
    expect(snapshot.skipped).toEqual([
      { path: 'huge.yaml', reason: `larger than max-file-size (${max} bytes)` },
      { path: 'over.yaml', reason: `larger than max-file-size (${max} bytes)` },
    ]);
    // The huge file is read no further than max + 1 bytes.
    const readOfHuge = readSync.mock.calls.filter(([, , offset]) => typeof offset === 'number' && offset > max);
    expect(readOfHuge).toEqual([]);
  });

  it('in path order, whatever order the walk meets the files in', async () => {
    // The walk lists `a/` before `a-b/` (entry names in byte order), but `a-b/…` sorts first as a path ('-' < '/').
    for (const dir of ['a', 'a-b', 'a.c']) {
      mkdirSync(join(root, dir));
      writeFileSync(join(root, dir, 'x.yaml'), 'image: x:1\n');
      writeFileSync(join(root, dir, 'bin.yaml'), Buffer.from([0x69, 0x00]));
    }
    const snapshot = await readLocal(root, compilePaths(['**/*.yaml']), { maxFileBytes: 1000 });
    expect(snapshot.files.map((f) => f.path)).toEqual(['a-b/x.yaml', 'a.c/x.yaml', 'a/x.yaml']);
    expect(snapshot.skipped.map((s) => s.path)).toEqual(['a-b/bin.yaml', 'a.c/bin.yaml', 'a/bin.yaml']);
  });
});
