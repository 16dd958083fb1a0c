// Files the action must not edit even though they mention a requested image: binary files, files larger than
// max-file-size, and files that are not valid UTF-8 (decoding them would replace bytes, and a write would corrupt
// them), among them UTF-16 files, named as such. Each is skipped with a note, locally and through the API, while the ordinary file beside it is bumped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.js';
import { git, gitRepo } from '../support/repo.js';
import { bump, changedPaths, cleanUp, fingerprint, pod, scratch } from '../support/bundle.js';

afterAll(cleanUp);

const IMAGE = 'ghcr.io/acme/api:1.0.0';
/** A binary file (NUL bytes) that holds the image name. */
const binary = Buffer.concat([Buffer.from(`image: ${IMAGE}\n`), Buffer.from([0, 1, 2, 0, 255, 254]), Buffer.from(`\nimage: ${IMAGE}\n`)]);
/** Valid YAML with the image at the top, padded past 1 MiB with a comment. */
const oversized = `${pod(IMAGE, 'big')}# ${'x'.repeat(2 * 1024 * 1024)}\n`;
/** ISO-8859-1 bytes (`café`, `crème`) in a comment: not UTF-8. */
const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(' cr'), Buffer.from([0xe8]), Buffer.from('me\n'), Buffer.from(pod(IMAGE, 'latin'))]);

/** The same manifest saved as UTF-16 with a byte-order mark (little- and big-endian), as Windows editors do. */
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod(IMAGE, 'utf16'), 'utf16le')]);
const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(pod(IMAGE, 'utf16'), 'utf16le').swap16()]);
const UTF16 = 'encoded \\(BOM F[EF] F[EF]\\); gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited';

const tree = {
  'apps/prod/pod.yaml': pod(IMAGE),
  'apps/prod/utf16le.yaml': utf16le,
  'apps/prod/utf16be.yaml': utf16be,
  'apps/prod/binary.yaml': binary,
  'apps/prod/big.yaml': oversized,
  'apps/prod/latin1.yaml': latin1,
};

describe('binary, oversized and non-UTF-8 files are skipped with a note', () => {
  it('locally (writes enabled): only the ordinary file is written; each skip is listed with its reason', async () => {
    const dir = scratch(tree);
    const before = fingerprint(dir);
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', paths: 'apps/**', 'local-path': dir }, { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(changedPaths(before, fingerprint(dir))).toEqual(['apps/prod/pod.yaml']);
    expect(run.stdout).toMatch(/^skipped apps\/prod\/binary\.yaml: binary file$/m);
    expect(run.stdout).toMatch(/^skipped apps\/prod\/big\.yaml: larger than max-file-size \(.*1048576 bytes\)$/m);
    expect(run.stdout).toMatch(/^skipped apps\/prod\/latin1\.yaml: not valid UTF-8 text$/m);
    expect(run.stdout).toMatch(/^skipped apps\/prod\/utf16le\.yaml: UTF-16 LE encoded \(BOM FF FE\); gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited$/m);
    expect(run.stdout).toMatch(/^skipped apps\/prod\/utf16be\.yaml: UTF-16 BE encoded \(BOM FE FF\); gitops-bump reads UTF-8 only/m);
    expect(readFileSync(join(dir, 'apps/prod/latin1.yaml')).equals(latin1)).toBe(true);
    expect(readFileSync(join(dir, 'apps/prod/utf16le.yaml')).equals(utf16le)).toBe(true);
    for (const file of ['binary.yaml', 'big.yaml', 'latin1.yaml']) expect(run.summary).toContain(`apps/prod/${file}`);
    expect(run.summary).toMatch(/^- `apps\/prod\/utf16le\.yaml`: UTF-16 LE encoded \(BOM FF FE\); gitops-bump reads UTF-8 only/m);
    expect(run.summary).toMatch(/^- `apps\/prod\/utf16be\.yaml`: UTF-16 BE encoded \(BOM FE FF\)/m);
  });

  it('max-file-size raises the limit: the large file is then bumped, its other bytes kept', async () => {
    const dir = scratch({ 'apps/prod/big.yaml': oversized });
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', paths: 'apps/**', 'local-path': dir, 'max-file-size': '3MiB' }, { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'apps/prod/big.yaml'), 'utf8')).toBe(oversized.replace(IMAGE, 'ghcr.io/acme/api:1.1.0'));
  });

  it('through the API: the commit touches only the ordinary file, and the skips are listed', async () => {
    const emu = await startEmulator({ repos: [] });
    try {
      const dir = gitRepo({ files: { 'README.md': 'hostile files\n' } });
      const files = scratch(tree);
      git(dir, '--work-tree', files, 'add', '--all');
      git(dir, '--work-tree', files, 'commit', '--quiet', '-m', 'hostile files');
      const name = 'acme/files';
      await emu.addRepo({ name, dir });
      const before = git(dir, 'rev-parse', 'main');
      const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', repository: name, paths: 'apps/**' }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(git(dir, 'diff', '--name-only', before, 'main')).toBe('apps/prod/pod.yaml');
      for (const file of ['binary.yaml', 'big.yaml', 'latin1.yaml']) expect(run.stdout).toMatch(new RegExp(`^skipped apps/prod/${file.replace('.', '\\.')}: `, 'm'));
      for (const [file, order] of [['utf16le.yaml', 'LE'], ['utf16be.yaml', 'BE']] as const) {
        expect(run.stdout).toMatch(new RegExp(`^skipped apps/prod/${file.replace('.', '\\.')}: UTF-16 ${order} ${UTF16}$`, 'm'));
        expect(run.summary).toMatch(new RegExp(`^- \`apps/prod/${file.replace('.', '\\.')}\`: UTF-16 ${order} ${UTF16}$`, 'm'));
      }
      expect(emu.contractViolations).toEqual([]);
    } finally {
      await emu.stop();
    }
  });
});
