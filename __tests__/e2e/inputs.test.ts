// Hostile inputs fed to the built bundle: image references with spaces, control characters, shell syntax and
// workflow-command injections; a commit message, an environment and a branch built to break out. Each ends
// with one clear message naming the input (or lands as plain text), writes nothing it should not, runs no
// shell, injects no workflow command and prints no token.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { git, gitRepo } from '../support/repo.js';
import { bump, changedPaths, cleanUp, failure, fingerprint, foreignCommands, pod, scratch } from '../support/bundle.js';

afterAll(cleanUp);

// Raw control characters that must never reach the log as themselves.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

describe('hostile image references (local mode, writes enabled)', () => {
  const cases: [string, string][] = [
    ['a space and an option', 'ghcr.io/acme/api:1.1.0 --force'],
    ['an ANSI escape', 'ghcr.io/acme/api:1.1.0\u001b[2J\u001b[31m'],
    ['a bell and a backspace', 'ghcr.io/acme/api:1.1.\u0008\u00070'],
    ['a carriage return hiding a workflow command', 'ghcr.io/acme/api:1.1.0\r::warning::injected'],
    ['a newline and a workflow command', 'ghcr.io/acme/api:1.1.0\n::stop-commands::injected'],
    ['a second line setting an output', 'ghcr.io/acme/api:1.1.0\n::set-output name=changed::true'],
    ['shell command substitution', 'ghcr.io/acme/api:$(touch PWNED)'],
    ['backticks', 'ghcr.io/acme/api:`touch PWNED`'],
    ['a path traversal in the repository', 'ghcr.io/acme/../../api:1.1.0'],
    ['a tab inside the name', 'ghcr.io/acme/\tapi:1.1.0'],
  ];

  it.each(cases)('%s: exit 1 naming the input, control characters escaped, nothing written, no command injected', async (_name, images) => {
    const dir = scratch({ 'apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0') });
    const before = fingerprint(dir);
    const run = await bump({ images, 'local-path': dir, paths: 'apps/**' }, { cwd: dir });
    expect(run.code).toBe(1);
    expect(failure(run)).toMatch(/^Input 'images': '.*' is not a valid image reference: /m);
    expect(RAW_CONTROL.test(run.stdout + run.stderr), 'a raw control character reached the log').toBe(false);
    expect(foreignCommands(run)).toEqual([]);
    expect(run.outputs).toEqual({});
    expect(changedPaths(before, fingerprint(dir))).toEqual([]);
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
  });

  it('a list with blank lines, CRLF, spaces and a trailing comma is read as the two references it holds', async () => {
    const dir = scratch({ 'apps/prod/api.yaml': pod('ghcr.io/acme/api:1.0.0'), 'apps/prod/web.yaml': pod('ghcr.io/acme/web:2.0.0') });
    const run = await bump({ images: '  ghcr.io/acme/api:1.1.0 \r\n\r\n\t ghcr.io/acme/web:2.1.0 ,  \r\n', 'local-path': dir, paths: 'apps/**' }, { cwd: dir });
    expect(run.code, run.stdout).toBe(0);
    const changes = JSON.parse(run.outputs.changes!) as { file: string; to: string }[];
    expect(changes.map((c) => `${c.file} ${c.to}`).sort()).toEqual(['apps/prod/api.yaml 1.1.0', 'apps/prod/web.yaml 2.1.0']);
  });

});

describe('hostile repository, branch, mode and size inputs (API mode)', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ repos: [] });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it.each([
    ['repository', 'acme/gitops\n::warning::injected', /^Input 'repository': 'acme\/gitops\\u000a::warning::injected' is not of the form owner\/name\.$/m],
    ['branch', '../main', /^Input 'branch': '\.\.\/main' is not a valid branch name\.$/m],
    ['branch', 'main\u001b[31m', /^Input 'branch': 'main\\u001b\[31m' is not a valid branch name\.$/m],
    ['mode', 'commit; rm -rf /', /^Input 'mode': 'commit; rm -rf \/' is not one of commit, pull-request, dry-run\.$/m],
    ['max-file-size', '1e9', /^Input 'max-file-size': '1e9' is not a size/m],
  ])('%s %j: exit 1 with a message naming the input, no request made', async (input, value, message) => {
    emu.resetLog();
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', repository: 'acme/gitops', [input]: value }, { env: { GITHUB_API_URL: emu.url } });
    expect(run.code).toBe(1);
    expect(failure(run)).toMatch(message);
    expect(RAW_CONTROL.test(run.stdout + run.stderr)).toBe(false);
    expect(foreignCommands(run)).toEqual([]);
    expect(emu.requests).toEqual([]);
  });
});

describe('user-controlled text in the commit (API commit mode, the emulator)', () => {
  let emu: Emulator;
  let dir: string;
  const NAME = 'acme/gitops';
  beforeAll(async () => {
    emu = await startEmulator({ repos: [] });
    dir = gitRepo({ files: { 'apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0'), 'apps/prod/web.yaml': pod('ghcr.io/acme/web:2.0.0') } });
    await emu.addRepo({ name: NAME, dir });
  });
  afterAll(async () => {
    await emu.stop();
  });
  const env = () => ({ GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: NAME });

  it('a commit-message with newlines, backticks, $(…) and markdown lands as that text, placeholders filled, no shell run', async () => {
    const sentinel = join(dir, 'PWNED');
    const template = `Deploy \`{summary}\` $(touch ${sentinel}) \${HOME}\n\n{changes}\n\n| cell | <img src=x onerror=alert(1)> |\n-- \`whoami\``;
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', repository: NAME, paths: 'apps/prod/pod.yaml', 'commit-message': template }, { env: env() });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = git(dir, 'log', '-1', '--format=%B', 'main');
    // The template's text, then (after a blank line, as git reads trailers) the provenance and attempt trailers.
    const trailer = git(dir, 'log', '-1', '--format=%(trailers:key=Gitops-Bump-Attempt,valueonly)', 'main');
    expect(trailer).toMatch(/^local\/[0-9a-f]{12}\.1$/);
    expect(body).toBe(
      `Deploy \`api 1.0.0 → 1.1.0\` $(touch ${sentinel}) \${HOME}\n\n- ghcr.io/acme/api: 1.0.0 → 1.1.0 (apps/prod/pod.yaml:8)\n\n| cell | <img src=x onerror=alert(1)> |\n-- \`whoami\`` +
        `\n\nBumped-Image: ghcr.io/acme/api 1.0.0 -> 1.1.0\nGitops-Bump-Attempt: ${trailer}`,
    );
    expect(existsSync(sentinel)).toBe(false);
    expect(run.outputs['commit-sha']).toBe(git(dir, 'rev-parse', 'main'));
  });

  it("an environment with '../', spaces, a newline and a trailer stays one headline; the summary heading stays one line", async () => {
    const run = await bump(
      { images: 'ghcr.io/acme/web:2.1.0', repository: NAME, paths: 'apps/prod/web.yaml', environment: '../../prod  x\n\nSigned-off-by: Mallory <m@example.invalid>' },
      { env: env() },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const subject = git(dir, 'log', '-1', '--format=%s', 'main');
    expect(subject.startsWith('Bump web 2.0.0 → 2.1.0 in ../../prod')).toBe(true);
    expect(subject).toContain('Signed-off-by: Mallory');
    // The injected trailer is part of the headline, not a trailer of the commit.
    expect(git(dir, 'log', '-1', '--format=%(trailers:key=Signed-off-by)', 'main')).toBe('');
    const heading = run.summary.split('\n').find((l) => l.startsWith('### '));
    expect(heading).toContain('Signed-off-by');
    expect(run.summary).not.toMatch(/^Signed-off-by/m);
    expect(foreignCommands(run)).toEqual([]);
  });

  it("a branch with '..' or a control character is refused before any request: nothing committed", async () => {
    const head = git(dir, 'rev-parse', 'main');
    emu.resetLog();
    for (const branch of ['main/../prod', 'refs/heads/../../HEAD', 'ma\u0000in'.replace('\u0000', '\u0001'), 'main.lock', 'main~1', 'feature branch']) {
      const run = await bump({ images: 'ghcr.io/acme/api:9.9.9', repository: NAME, branch }, { env: env() });
      expect(run.code, branch).toBe(1);
      expect(failure(run), branch).toMatch(/^Input 'branch': '.*' is not a valid branch name\.$/m);
    }
    expect(emu.requests).toEqual([]);
    expect(git(dir, 'rev-parse', 'main')).toBe(head);
  });
});
