import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalPathError, readLocal, writeLocal } from '../../../src/local/disk.js';
import { compilePaths, unionPaths } from '../../../src/core/paths.js';

let root: string;
let outside: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'local-source-'));
  outside = mkdtempSync(join(tmpdir(), 'local-outside-'));
  mkdirSync(join(root, 'apps/prod'), { recursive: true });
  mkdirSync(join(root, 'apps/dev'), { recursive: true });
  mkdirSync(join(root, 'vendor/sub'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  writeFileSync(join(root, 'apps/prod/a.yaml'), 'image: x:1\n');
  writeFileSync(join(root, 'apps/prod/b.yml'), '\ufeffimage: x:1\r\n');
  writeFileSync(join(root, 'apps/dev/a.yaml'), 'image: x:1\n');
  writeFileSync(join(root, 'apps/prod/binary.yaml'), Buffer.from([0x69, 0x00, 0x01]));
  writeFileSync(join(root, 'apps/prod/big.yaml'), `image: x:1\n${'#'.repeat(2000)}\n`);
  writeFileSync(join(root, '.git/config.yaml'), 'image: x:1\n');
  writeFileSync(join(root, 'vendor/sub/.git'), 'gitdir: ../../.git/modules/sub\n');
  writeFileSync(join(root, 'vendor/sub/c.yaml'), 'image: x:1\n');
  writeFileSync(join(outside, 'secret.yaml'), 'image: x:1\n');
  symlinkSync(join(outside, 'secret.yaml'), join(root, 'apps/prod/link.yaml'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('readLocal', () => {
  it('reads the selected files, never .git, symlinks or submodules, skipping binary and oversized files', async () => {
    const snapshot = await readLocal(root, compilePaths(['**/*.{yaml,yml}', '!apps/dev/**']), { maxFileBytes: 1000 });
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/prod/a.yaml', 'apps/prod/b.yml']);
    expect(snapshot.files[1]!.text).toBe('\ufeffimage: x:1\r\n');
    expect(Object.fromEntries(snapshot.skipped.map((s) => [s.path, s.reason]))).toEqual({
      'apps/prod/link.yaml': 'symbolic link (never followed)',
      'vendor/sub': 'submodule or nested repository (never entered)',
      'apps/prod/binary.yaml': 'binary file',
      'apps/prod/big.yaml': 'larger than max-file-size (1000 bytes)',
    });
  });

  it('names UTF-16 and UTF-32 files by their byte-order mark, even when the keep filter would drop them', async () => {
    const text = 'image: x:1\n';
    writeFileSync(join(root, 'apps/prod/le.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(root, 'apps/prod/be.yaml'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    writeFileSync(join(root, 'apps/prod/le32.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([...text].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))]));
    writeFileSync(join(root, 'apps/prod/latin1.yaml'), Buffer.from('image: x:1 # caf\xe9\n', 'latin1'));
    const advice = 'gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited';
    for (const keep of [undefined, { components: ['x'], charts: [], appVersion: false }]) {
      const snapshot = await readLocal(root, compilePaths(['apps/prod/*.yaml']), { maxFileBytes: 1000, ...(keep ? { keep } : {}) });
      expect(snapshot.files.map((f) => f.path)).toEqual(['apps/prod/a.yaml']);
      expect(Object.fromEntries(snapshot.skipped.map((s) => [s.path, s.reason]))).toEqual({
        'apps/prod/be.yaml': `UTF-16 BE encoded (BOM FE FF); ${advice}`,
        'apps/prod/le.yaml': `UTF-16 LE encoded (BOM FF FE); ${advice}`,
        'apps/prod/le32.yaml': `UTF-32 LE encoded (BOM FF FE 00 00); ${advice}`,
        'apps/prod/latin1.yaml': 'not valid UTF-8 text',
        'apps/prod/link.yaml': 'symbolic link (never followed)',
        'apps/prod/big.yaml': 'larger than max-file-size (1000 bytes)',
        // the binary file does not hold the needle: the keep filter drops it unread
        ...(keep ? {} : { 'apps/prod/binary.yaml': 'binary file' }),
      });
    }
  });

  /** The paths a read selects (read or skipped as unreadable), and its notes. */
  async function listed(patterns: string[]): Promise<{ files: string[]; skipped: { path: string; reason: string }[] }> {
    const snapshot = await readLocal(root, compilePaths(patterns), { maxFileBytes: 10_000 });
    const unread = new Set(['binary file', 'not found']);
    const files = [...snapshot.files.map((f) => f.path), ...snapshot.skipped.filter((s) => s.reason === 'binary file').map((s) => s.path)].sort();
    return { files, skipped: snapshot.skipped.filter((s) => !unread.has(s.reason) || s.reason === 'not found') };
  }

  it('walks only under the fixed prefix of the globs', async () => {
    expect((await listed(['apps/dev/**/*.yaml'])).files).toEqual(['apps/dev/a.yaml']);
  });

  it('reads literal paths without listing, and reports missing ones', async () => {
    const read = await listed(['apps/prod/a.yaml', 'apps/prod/missing.yaml']);
    expect(read.files).toEqual(['apps/prod/a.yaml']);
    expect(read.skipped).toEqual([{ path: 'apps/prod/missing.yaml', reason: 'not found' }]);
  });

  it('reads a bare folder as the files under it, a literal file beside a glob, and a folder named like a file', async () => {
    expect((await listed(['apps/dev'])).files).toEqual(['apps/dev/a.yaml']);
    expect((await listed(['apps/prod/', '!apps/prod/big.yaml', '!apps/prod/link.yaml'])).files).toEqual(['apps/prod/a.yaml', 'apps/prod/b.yml', 'apps/prod/binary.yaml']);
    expect((await listed(['apps/dev/**', 'apps/prod/a.yaml'])).files).toEqual(['apps/dev/a.yaml', 'apps/prod/a.yaml']);
    mkdirSync(join(root, 'apps/odd.yaml'));
    writeFileSync(join(root, 'apps/odd.yaml/inner.yaml'), 'image: x:1\n');
    expect((await listed(['apps/odd.yaml', 'apps/prod/a.yaml'])).files).toEqual(['apps/odd.yaml/inner.yaml', 'apps/prod/a.yaml']);
    // The submodule under a bare folder is still never entered.
    expect(await listed(['vendor'])).toEqual({ files: [], skipped: [{ path: 'vendor/sub', reason: 'submodule or nested repository (never entered)' }] });
  });

  it('reads a folder two environments select once', async () => {
    const both = unionPaths([compilePaths(['apps/**/*.yaml']), compilePaths(['apps/prod/*.yaml'])]);
    const snapshot = await readLocal(root, both, { maxFileBytes: 10_000 });
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/dev/a.yaml', 'apps/prod/a.yaml', 'apps/prod/big.yaml']);
    expect(snapshot.selected).toBe(4);
  });

  it('sorts the notes by path whatever the order the folders list their entries in', async () => {
    for (const name of ['z', 'm', 'a']) symlinkSync(join(outside, 'secret.yaml'), join(root, `apps/dev/${name}-link.yaml`));
    const snapshot = await readLocal(root, compilePaths(['**/*.yaml']), { maxFileBytes: 10_000 });
    const links = snapshot.skipped.filter((s) => s.reason.startsWith('symbolic link')).map((s) => s.path);
    expect(links).toEqual(['apps/dev/a-link.yaml', 'apps/dev/m-link.yaml', 'apps/dev/z-link.yaml', 'apps/prod/link.yaml']);
  });

  it('counts the selected files before the byte pre-filter', async () => {
    const snapshot = await readLocal(root, compilePaths(['apps/prod/*.yaml', 'apps/dev']), { maxFileBytes: 10_000, keep: { components: ['nothing'], charts: [], appVersion: false } });
    expect(snapshot.files).toEqual([]);
    expect(snapshot.selected).toBe(4);
    expect((await readLocal(root, compilePaths(['apps/qa']), { maxFileBytes: 10_000 })).selected).toBe(0);
  });

  it('names local-path when the folder does not exist', async () => {
    await expect(readLocal(join(root, 'nope'), compilePaths(['**']), { maxFileBytes: 10 })).rejects.toThrow(/Input 'local-path': .* does not exist/);
    await expect(readLocal(join(root, 'apps/prod/a.yaml'), compilePaths(['**']), { maxFileBytes: 10 })).rejects.toBeInstanceOf(LocalPathError);
  });
});

describe('writeLocal', () => {
  it('writes edited files', async () => {
    await writeLocal(root, [{ path: 'apps/prod/a.yaml', before: 'image: x:1\n', after: 'image: x:2\n', changes: [] }]);
    expect(readFileSync(join(root, 'apps/prod/a.yaml'), 'utf8')).toBe('image: x:2\n');
  });

  it('refuses a path that resolves outside the root, and writes nothing at all', async () => {
    await expect(
      writeLocal(root, [
        { path: 'apps/prod/a.yaml', before: 'image: x:1\n', after: 'image: x:2\n', changes: [] },
        { path: 'apps/prod/link.yaml', before: 'image: x:1\n', after: 'image: x:2\n', changes: [] },
      ]),
    ).rejects.toThrow(/outside local-path/);
    expect(readFileSync(join(root, 'apps/prod/a.yaml'), 'utf8')).toBe('image: x:1\n');
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe('image: x:1\n');
  });

  it('refuses a file that changed since it was read', async () => {
    await expect(
      writeLocal(root, [{ path: 'apps/prod/a.yaml', before: 'image: x:0\n', after: 'image: x:2\n', changes: [] }]),
    ).rejects.toThrow(/changed on disk/);
  });
});
