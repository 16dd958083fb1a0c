// scripts/release.mjs on scratch git repositories (never this repository's tags): every check refuses with a
// message that says what to do, and a release creates the annotated tag and force-moves only the major tag.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/action.js';
import { git } from '../support/repo.js';

const script = join(repoRoot, 'scripts/release.mjs');
const made: string[] = [];
const home = mkdtempSync(join(tmpdir(), 'gitops-bump-release-home-'));
made.push(home);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.invalid',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

const changelog = (heading: string) => `# Changelog\n\n${heading}\n\n- The first release.\n\n## [0.9.0] - 2026-01-01\n\n- Older.\n`;

/** A scratch repository shaped like this one: src/, a committed dist/ built from it by `npm run build`, CHANGELOG.md. */
function scratch(options: { version?: string; heading?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-bump-release-'));
  made.push(dir);
  const version = options.version ?? '1.2.3';
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'scratch', version, private: true, scripts: { build: 'node build.mjs' } }, null, 2),
    'build.mjs':
      "import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';\n" +
      "mkdirSync('dist', { recursive: true });\n" +
      "writeFileSync('dist/index.js', '// built\\n' + readFileSync('src/index.js', 'utf8'));\n",
    'src/index.js': 'console.log(1);\n',
    'dist/index.js': '// built\nconsole.log(1);\n',
    'CHANGELOG.md': changelog(options.heading ?? `## [${version}] - 2026-11-27`),
  };
  git(dir, 'init', '--quiet', '--initial-branch=main');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  commitAll(dir, 'initial');
  return dir;
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', message);
}

function release(dir: string, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, npm_config_update_notifier: 'false', ...GIT_IDENTITY },
    encoding: 'utf8',
  });
  return { code: r.status ?? 1, out: r.stdout, err: r.stderr };
}

const tags = (dir: string) => git(dir, 'tag', '--list').split('\n').filter(Boolean).sort();
const target = (dir: string, tag: string) => git(dir, 'rev-parse', `refs/tags/${tag}^{commit}`);

describe('scripts/release.mjs', () => {
  it('tags vX.Y.Z (annotated, with the changelog section) and moves vX to it, printing the push commands', () => {
    const dir = scratch();
    const head = git(dir, 'rev-parse', 'HEAD');
    const r = release(dir, 'v1.2.3');
    expect(r.code, r.err).toBe(0);
    expect(tags(dir)).toEqual(['v1', 'v1.2.3']);
    expect(git(dir, 'cat-file', '-t', 'refs/tags/v1.2.3')).toBe('tag');
    expect(git(dir, 'cat-file', '-t', 'refs/tags/v1')).toBe('tag');
    expect(target(dir, 'v1.2.3')).toBe(head);
    expect(target(dir, 'v1')).toBe(head);
    expect(git(dir, 'tag', '--list', '--format=%(contents)', 'v1.2.3')).toContain('- The first release.');
    expect(r.out).toContain('git push origin refs/tags/v1.2.3');
    expect(r.out).toContain('git push origin +refs/tags/v1');
    expect(r.out).not.toMatch(/--force\b.*v1\.2\.3|\+refs\/tags\/v1\.2\.3/);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a later release moves the major tag and leaves the earlier release tag where it was', () => {
    const dir = scratch();
    expect(release(dir, 'v1.2.3').code).toBe(0);
    const first = target(dir, 'v1.2.3');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.3.0', private: true, scripts: { build: 'node build.mjs' } }, null, 2));
    writeFileSync(join(dir, 'CHANGELOG.md'), changelog('## [1.3.0] - 2026-11-28\n\n- More.\n\n## [1.2.3] - 2026-11-27'));
    commitAll(dir, 'release 1.3.0');
    const r = release(dir, 'v1.3.0');
    expect(r.code, r.err).toBe(0);
    expect(target(dir, 'v1.2.3')).toBe(first);
    expect(target(dir, 'v1.3.0')).toBe(git(dir, 'rev-parse', 'HEAD'));
    expect(target(dir, 'v1')).toBe(git(dir, 'rev-parse', 'HEAD'));
  });

  it('--dry-run runs every check, prints the git commands and creates nothing', () => {
    const dir = scratch();
    const r = release(dir, 'v1.2.3', '--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('dry run: every check passed for v1.2.3');
    expect(r.out).toContain('git tag --annotate v1.2.3');
    expect(r.out).toContain('git tag --force --annotate v1');
    expect(r.out).toContain('git push origin refs/tags/v1.2.3');
    expect(tags(dir)).toEqual([]);
  });

  it('refuses a malformed version or an unknown option, with the usage line', () => {
    const dir = scratch();
    for (const args of [['1.2.3'], ['v1.2'], ['v1.2.3-rc.1'], ['v01.2.3'], [], ['v1.2.3', 'v1.2.4'], ['v1.2.3', '--force']]) {
      const r = release(dir, ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toContain('usage: node scripts/release.mjs vX.Y.Z [--dry-run]');
    }
    expect(tags(dir)).toEqual([]);
  });

  it.each([
    ['a modified file', (dir: string) => writeFileSync(join(dir, 'src/index.js'), 'console.log(2);\n'), /not clean.*\n.*src\/index\.js/],
    ['an untracked file', (dir: string) => writeFileSync(join(dir, 'notes.txt'), 'x'), /not clean.*\n.*notes\.txt/],
    ['another branch', (dir: string) => git(dir, 'switch', '--quiet', '-c', 'feature'), /cut from 'main', but HEAD is on 'feature'/],
    ['a detached HEAD', (dir: string) => git(dir, 'switch', '--quiet', '--detach'), /HEAD is detached/],
    ['a package.json version that differs', (dir: string) => {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.2.2', scripts: { build: 'node build.mjs' } }));
      commitAll(dir, 'v');
    }, /package\.json has version 1\.2\.2, not 1\.2\.3/],
    ['no changelog section', (dir: string) => {
      writeFileSync(join(dir, 'CHANGELOG.md'), changelog('## [1.2.2] - 2026-11-27'));
      commitAll(dir, 'c');
    }, /CHANGELOG\.md has no section for 1\.2\.3/],
    ['an unreleased changelog section', (dir: string) => {
      writeFileSync(join(dir, 'CHANGELOG.md'), changelog('## [1.2.3] - Unreleased'));
      commitAll(dir, 'c');
    }, /section '## \[1\.2\.3\] - Unreleased' is not dated/],
    ['a look-alike section (1.2.30)', (dir: string) => {
      writeFileSync(join(dir, 'CHANGELOG.md'), changelog('## [1.2.30] - 2026-11-27'));
      commitAll(dir, 'c');
    }, /no section for 1\.2\.3/],
    ['a stale dist/', (dir: string) => {
      writeFileSync(join(dir, 'src/index.js'), 'console.log(2);\n');
      commitAll(dir, 'src without dist');
    }, /dist\/ differs from a fresh build.*\n.*dist\/index\.js/],
    ['a failing build', (dir: string) => {
      writeFileSync(join(dir, 'build.mjs'), "throw new Error('broken build');\n");
      commitAll(dir, 'b');
    }, /npm run build failed:[\s\S]*broken build/],
    ['an existing release tag', (dir: string) => git(dir, 'tag', 'v1.2.3'), /tag v1\.2\.3 already exists/],
  ])('refuses %s and creates no tag', (_name, arrange, message) => {
    const dir = scratch();
    arrange(dir);
    const before = tags(dir);
    const r = release(dir, 'v1.2.3');
    expect(r.code, r.out).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.startsWith('release: ')).toBe(true);
    expect(tags(dir)).toEqual(before);
  });

  it('refuses to move the major tag backwards (a patch on an older line)', () => {
    const dir = scratch();
    const base = git(dir, 'rev-parse', 'HEAD');
    writeFileSync(join(dir, 'later.txt'), 'later');
    commitAll(dir, 'later');
    git(dir, 'tag', '-a', 'v1', '-m', 'v1 -> v1.9.0');
    git(dir, 'reset', '--quiet', '--hard', base);
    const r = release(dir, 'v1.2.3');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/v1 points at [0-9a-f]{12}, which is not an ancestor of HEAD/);
    expect(tags(dir)).toEqual(['v1']);
  });

  it('works from a subfolder of the repository and never reads the repository it lives in', () => {
    const dir = scratch();
    const r = release(join(dir, 'src'), 'v1.2.3', '--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(git(repoRoot, 'tag', '--list', 'v1.2.3')).toBe('');
  });
});
