// Provenance trailers through the bundle against the emulator: the commit (commit mode) and the branch commit
// (pull-request mode) record, per moved reference, Bumped-Image / Source-Commit / Built-By, as git reads them;
// `source-repository: none` leaves the message and the request count those of a run without provenance.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runAction } from '../../support/action.js';
import { pod } from '../../support/bundle.js';
import { git, gitRepo } from '../../support/repo.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
let emu: Emulator;
const made: string[] = [];
let n = 0;

beforeAll(async () => {
  emu = await startEmulator({ repos: [] });
});
afterAll(async () => {
  await emu.stop();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  expect(emu.contractViolations).toEqual([]);
});

async function serve(): Promise<{ name: string; dir: string }> {
  const dir = gitRepo({ files: { 'apps/prod/api.yaml': pod('ghcr.io/acme/api:1.4.1'), 'apps/prod/web.yaml': pod('ghcr.io/acme/web:2.0.0') } });
  made.push(dir);
  const name = `acme/gitops-prov-${++n}`;
  await emu.addRepo({ name, dir });
  return { name, dir };
}

const runner = () => ({
  GITHUB_API_URL: emu.url,
  GITHUB_REPOSITORY: 'acme/api',
  GITHUB_SHA: SHA,
  GITHUB_SERVER_URL: 'https://ghe.example.com',
  GITHUB_RUN_ID: '9001',
  GITHUB_RUN_ATTEMPT: '1',
});

/** `git interpret-trailers --parse` of a commit's message: git's own reading of its trailer block. */
function parsedTrailers(dir: string, rev: string): string[] {
  const message = git(dir, 'log', '-1', '--format=%B', rev);
  return execFileSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8' })
    .split('\n')
    .filter((l) => l !== '');
}

describe('provenance trailers through the bundle', () => {
  it('commit mode: one set per moved reference, from the runner, before the attempt trailer', async () => {
    const { name, dir } = await serve();
    const run = await runAction({ images: 'ghcr.io/acme/api:1.5.0, ghcr.io/acme/web:2.1.0', repository: name, token: 't', paths: 'apps/**' }, { env: runner() });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const sha = run.outputs['commit-sha']!;
    expect(git(dir, 'rev-parse', 'main')).toBe(sha);
    const trailers = git(dir, 'log', '-1', '--format=%(trailers:only,unfold)', sha).trim().split('\n');
    const built = 'https://ghe.example.com/acme/api/actions/runs/9001';
    expect(trailers.slice(0, 6)).toEqual([
      'Bumped-Image: ghcr.io/acme/api 1.4.1 -> 1.5.0',
      `Source-Commit: acme/api@${SHA}`,
      `Built-By: ${built}`,
      'Bumped-Image: ghcr.io/acme/web 2.0.0 -> 2.1.0',
      `Source-Commit: acme/api@${SHA}`,
      `Built-By: ${built}`,
    ]);
    expect(trailers[6]).toMatch(/^Gitops-Bump-Attempt: 9001\.1\/[0-9a-f]{12}\.1$/);
    expect(trailers).toHaveLength(7);
    // git interpret-trailers --parse reads the same block.
    expect(parsedTrailers(dir, sha)).toEqual(trailers);
  });

  it("source-repository: none: the message is today's (the attempt trailer only) and no provenance request is made", async () => {
    const off = await serve();
    const before = emu.requests.length;
    const run = await runAction({ images: 'ghcr.io/acme/api:1.5.0', repository: off.name, token: 't', paths: 'apps/**', 'source-repository': 'none' }, { env: runner() });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const offRequests = emu.requests.length - before;
    const body = git(off.dir, 'log', '-1', '--format=%b', 'main');
    expect(body).toMatch(/^- ghcr\.io\/acme\/api: 1\.4\.1 → 1\.5\.0 \(apps\/prod\/api\.yaml:\d+\)\n\nGitops-Bump-Attempt: 9001\.1\/[0-9a-f]{12}\.1\n?$/);
    const on = await serve();
    const start = emu.requests.length;
    const again = await runAction({ images: 'ghcr.io/acme/api:1.5.0', repository: on.name, token: 't', paths: 'apps/**' }, { env: runner() });
    expect(again.code).toBe(0);
    expect(offRequests).toBe(2);
    // Recording costs no request (the trailers ride on the commit); reading what ships costs one here: the history
    // and tags query, which finds the source repository (acme/api, not served) unreadable, so nothing more is read.
    expect(emu.requests.length - start).toBe(offRequests + 1);
    expect(again.stdout).toMatch(/provenance note \(ghcr\.io\/acme\/api\): reading the history and tags: Could not resolve to a Repository/);
  });

  it('pull-request mode: the branch commit carries the trailers; a source-sha for another repository is recorded as given', async () => {
    const { name, dir } = await serve();
    const other = 'fedcba9876543210fedcba9876543210fedcba98';
    const run = await runAction(
      { images: 'ghcr.io/acme/web:2.1.0', repository: name, token: 't', paths: 'apps/**', mode: 'pull-request', 'source-repository': 'acme/web', 'source-sha': other },
      { env: runner() },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const branch = git(dir, 'for-each-ref', '--format=%(refname)', 'refs/heads/gitops-bump/');
    expect(branch).not.toBe('');
    const trailers = git(dir, 'log', '-1', '--format=%(trailers:only,unfold)', branch).trim().split('\n');
    expect(trailers.slice(0, 3)).toEqual([
      'Bumped-Image: ghcr.io/acme/web 2.0.0 -> 2.1.0',
      `Source-Commit: acme/web@${other}`,
      'Built-By: https://ghe.example.com/acme/api/actions/runs/9001',
    ]);
    expect(parsedTrailers(dir, branch)).toEqual(trailers);
  });
});
