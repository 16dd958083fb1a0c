// Paths that try to leave the repository: `..`, absolute paths and globs in `paths`; symbolic links (to files,
// to folders, on the way to a literal path or a glob's fixed prefix) and submodules in the tree, locally and
// through the API. Nothing outside is read or written, links and submodules are listed as skipped.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { git, gitRepo } from '../support/repo.js';
import { bump, changedPaths, cleanUp, failure, fingerprint, pod, scratch } from '../support/bundle.js';

afterAll(cleanUp);

/** Text that only files outside the repository hold: it must never show up in anything the action prints. */
const OUTSIDE_MARKER = 'OUTSIDE-THE-REPOSITORY-d41d8cd9';
const outsidePod = `# ${OUTSIDE_MARKER}\n${pod('ghcr.io/acme/api:1.0.0', 'outside')}`;

describe('paths that escape the repository are refused (local mode, writes enabled)', () => {
  let parent: string;
  let repo: string;
  beforeAll(() => {
    parent = scratch({ 'outside/x.yaml': outsidePod, 'repo/apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0') });
    repo = join(parent, 'repo');
  });

  it.each([
    ['../outside/*.yaml', /'\.\.' would leave the repository/],
    ['apps/../../outside/x.yaml', /'\.\.' would leave the repository/],
    ['apps/**/../../../outside/*.yaml', /'\.\.' would leave the repository/],
    ['..\\outside\\x.yaml', /'\.\.' would leave the repository/],
    ['./../outside/x.yaml', /'\.\.' would leave the repository/],
    ['/etc/*.yaml', /relative to the repository root/],
    ['C:/outside/x.yaml', /relative to the repository root/],
    ['!apps/**', /selects nothing/],
  ])('%s: exit 1 naming the input, nothing written anywhere', async (paths, message) => {
    const before = fingerprint(parent);
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', paths, 'local-path': repo }, { cwd: repo });
    expect(run.code).toBe(1);
    expect(failure(run)).toMatch(new RegExp(`^Input 'paths'.*${message.source}`, 'm'));
    expect(changedPaths(before, fingerprint(parent))).toEqual([]);
  });

  it("a brace glob that expands to '..' ({..,apps}/**) only ever sees files inside the repository", async () => {
    const before = fingerprint(parent);
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', paths: '{..,apps}/**/*.yaml', 'local-path': repo }, { cwd: repo });
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toEqual([{ kind: 'image', file: 'apps/prod/pod.yaml', line: 8, image: 'ghcr.io/acme/api', from: '1.0.0', to: '1.1.0' }]);
    expect(changedPaths(before, fingerprint(parent))).toEqual(['repo/apps/prod/pod.yaml']);
    expect(readFileSync(join(parent, 'outside/x.yaml'), 'utf8')).toBe(outsidePod);
  });
});

describe('symbolic links in a local tree are never followed, never written, and listed as skipped', () => {
  /** A repository beside an `outside` folder, linked into it in every way a link can sit. */
  function linkedTree(): { parent: string; repo: string } {
    const parent = scratch({
      'outside/x.yaml': outsidePod,
      'outside/sub/x.yaml': outsidePod,
      'repo/apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0'),
      'repo/apps/prod/link.yaml': { link: '../../../outside/x.yaml' },
      'repo/apps/prod/absolute.yaml': { link: '/etc/hostname' },
      'repo/apps/linked': { link: '../../outside' },
    });
    return { parent, repo: join(parent, 'repo') };
  }

  it.each([
    ['a glob over the whole tree', '**/*.yaml', ['apps/linked', 'apps/prod/absolute.yaml', 'apps/prod/link.yaml']],
    ['a literal path through a linked folder', 'apps/linked/x.yaml', ['apps/linked/x.yaml']],
    ['a glob whose fixed prefix runs through a linked folder', 'apps/linked/sub/*.yaml', ['apps/linked/sub']],
    ['a glob whose fixed prefix is the linked folder', 'apps/linked/**', ['apps/linked']],
    ['a literal path that is a link', 'apps/prod/link.yaml', ['apps/prod/link.yaml']],
  ])('%s (%s): only real files are edited, links skipped, nothing outside read or written', async (_name, paths, skipped) => {
    const { parent, repo } = linkedTree();
    const before = fingerprint(parent);
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', paths, 'local-path': repo }, { cwd: repo });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const edited = (JSON.parse(run.outputs.changes!) as { file: string }[]).map((c) => c.file);
    expect(edited.every((f) => f === 'apps/prod/pod.yaml'), edited.join()).toBe(true);
    expect(changedPaths(before, fingerprint(parent))).toEqual(edited.map((f) => `repo/${f}`));
    for (const path of skipped) expect(run.stdout).toMatch(new RegExp(`^skipped ${path.replace(/[.*]/g, '\\$&')}: .*symbolic link`, 'm'));
    expect(run.stdout + run.summary).not.toContain(OUTSIDE_MARKER);
  });

  it('dry-run over a literal path through a linked folder shows no diff of the outside file', async () => {
    const { repo } = linkedTree();
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', paths: 'apps/linked/x.yaml', 'local-path': repo, mode: 'dry-run' }, { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).not.toContain(OUTSIDE_MARKER);
    expect(run.summary).not.toContain('+      image: ghcr.io/acme/api:1.1.0');
  });
});

describe('submodules and nested repositories in a local tree are never entered', () => {
  function withSubmodule(): string {
    return scratch({
      'apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0'),
      'vendor/lib/.git': 'gitdir: ../../.git/modules/lib\n',
      'vendor/lib/deploy.yaml': pod('ghcr.io/acme/api:1.0.0', 'vendored'),
      'nested/.git/HEAD': 'ref: refs/heads/main\n',
      'nested/apps/deploy.yaml': pod('ghcr.io/acme/api:1.0.0', 'nested'),
    });
  }

  it.each([
    ['**/*.yaml', ['vendor/lib', 'nested']],
    ['vendor/lib/deploy.yaml', ['vendor/lib/deploy.yaml']],
    ['nested/apps/*.yaml', ['nested/apps']],
  ])('%s: the submodule is skipped and listed, only the repository’s own files are written', async (paths, skipped) => {
    const repo = withSubmodule();
    const before = fingerprint(repo);
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', paths: `${paths}\napps/prod/pod.yaml`, 'local-path': repo }, { cwd: repo });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(changedPaths(before, fingerprint(repo))).toEqual(['apps/prod/pod.yaml']);
    for (const path of skipped) expect(run.stdout).toMatch(new RegExp(`^skipped ${path.replace(/[.*]/g, '\\$&')}: .*(submodule|nested repository)`, 'm'));
  });
});

describe('symbolic links and submodules through the API (the emulator)', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ repos: [] });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('are listed as skipped, never read, and the commit touches only the real file', async () => {
    const dir = gitRepo({ files: { 'apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0'), 'shared/base.yaml': pod('ghcr.io/acme/api:1.0.0', 'shared') } });
    // A link to a file, a link to a folder, and a submodule (gitlink) inside the selected folder.
    const blobs = scratch();
    const blob = (text: string) => {
      const file = join(blobs, 'blob');
      writeFileSync(file, text);
      return git(dir, 'hash-object', '-w', file);
    };
    git(dir, 'update-index', '--add', '--cacheinfo', `120000,${blob('../../shared/base.yaml')},apps/prod/link.yaml`);
    git(dir, 'update-index', '--add', '--cacheinfo', `120000,${blob('../shared')},apps/prod/shared`);
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${git(dir, 'rev-parse', 'HEAD')},apps/prod/vendor`);
    git(dir, 'commit', '--quiet', '-m', 'links and a submodule');
    const name = 'acme/links';
    await emu.addRepo({ name, dir });
    const before = git(dir, 'rev-parse', 'main');
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', repository: name, paths: 'apps/**' }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const after = git(dir, 'rev-parse', 'main');
    expect(git(dir, 'diff', '--name-only', before, after)).toBe('apps/prod/pod.yaml');
    for (const path of ['apps/prod/link.yaml', 'apps/prod/vendor']) expect(run.stdout).toMatch(new RegExp(`^skipped ${path}: `, 'm'));
    expect(git(dir, 'ls-tree', after, 'apps/prod/link.yaml')).toMatch(/^120000 /);
    expect(git(dir, 'ls-tree', after, 'apps/prod/vendor')).toMatch(/^160000 commit /);
    expect(emu.contractViolations).toEqual([]);
  });
});
