/** Helpers for the emulator's own tests: scratch git repositories and reading them back with git. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Runs git in `dir` (tests only: synchronous is fine here) and returns trimmed stdout. */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { env: GIT_ENV, encoding: 'utf8' }).trim();
}

/** Creates a git repository with `files` committed on `branch`; returns its path. */
export function makeRepo(files: Record<string, string>, branch = 'main'): string {
  const dir = mkdtempSync(join(tmpdir(), 'gh-emu-test-'));
  gitIn(dir, 'init', '--quiet', `--initial-branch=${branch}`);
  writeFiles(dir, files);
  gitIn(dir, 'add', '--all');
  gitIn(dir, 'commit', '--quiet', '-m', 'initial');
  return dir;
}

/** Writes files under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Adds a commit on the checked-out branch of `dir`; returns its oid. */
export function commitFiles(dir: string, files: Record<string, string>, message = 'change'): string {
  writeFiles(dir, files);
  gitIn(dir, 'add', '--all');
  gitIn(dir, 'commit', '--quiet', '-m', message);
  return gitIn(dir, 'rev-parse', 'HEAD');
}

/** Removes scratch directories. */
export function cleanup(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** The default sample GitOps repository. */
export const SAMPLE_FILES: Record<string, string> = {
  'apps/web/deployment.yaml': 'spec:\n  containers:\n    - image: ghcr.io/acme/web:1.0.0\n',
  'apps/api/values.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: 2.0.0\n',
  'README.md': '# gitops\n',
};

/** An Octokit request failure (RequestError, without importing a transitive package). */
export interface HttpFailure {
  status: number;
  response?: { data: unknown; headers: Record<string, string | number | undefined> };
}

/** Is `error` an Octokit RequestError (an HTTP answer, not a network failure)? */
export function isHttpFailure(error: unknown): error is HttpFailure {
  return error instanceof Error && error.name === 'HttpError' && typeof (error as { status?: unknown }).status === 'number';
}
