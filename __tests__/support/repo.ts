// Scratch git repositories for e2e tests, the demo and benchmarks.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The environment every git call of the tests runs in. */
export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.invalid',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Runs git in `dir` (fixed identity, no system or global config, no line-ending conversion); returns stdout as bytes. */
export function gitBytes(dir: string, ...args: string[]): Buffer {
  return execFileSync('git', ['-C', dir, '-c', 'core.autocrlf=false', ...args], { env: GIT_ENV, maxBuffer: 64 << 20 });
}

/** Runs git in `dir`; returns trimmed stdout. The one git() every test uses. */
export function git(dir: string, ...args: string[]): string {
  return gitBytes(dir, ...args).toString('utf8').trim();
}

/** A git repository (branch `main`, one commit) with a copy of `source` and/or `files`. */
export function gitRepo(options: { source?: string; files?: Record<string, string> }): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-bump-repo-'));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  if (options.source) cpSync(options.source, dir, { recursive: true });
  for (const [path, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', 'initial');
  return dir;
}
