// Pull-request mode fed user-controlled text (the emulator): branch names built from an environment or given as
// `pr-branch` are always valid git refs that stay under their folder; a title and body with newlines, backticks,
// shell syntax and markup land as that text; main is never touched; the token is never printed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { git, gitRepo } from '../../support/repo.js';
import { bump, cleanUp, foreignCommands, pod } from '../../support/bundle.js';

afterAll(cleanUp);

/** git's own verdict on a branch name. */
function validBranch(name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('pull-request mode with hostile names and text', () => {
  let emu: Emulator;
  let dir: string;
  let count = 0;
  let name = '';
  beforeAll(async () => {
    emu = await startEmulator({ repos: [] });
  });
  afterAll(async () => {
    await emu.stop();
  });

  async function serve(): Promise<void> {
    dir = gitRepo({ files: { 'apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0') } });
    name = `acme/pr-hardening-${++count}`;
    await emu.addRepo({ name, dir });
  }
  const pr = (inputs: Record<string, string>) =>
    bump({ images: 'ghcr.io/acme/api:1.1.0', repository: name, paths: 'apps/prod/**', mode: 'pull-request', ...inputs }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });

  it.each([
    ['an environment with ../, spaces and a newline', { environment: '../../prod env\n~^:?*[\\' }],
    ['a pr-branch with ../ and ref-breaking characters', { 'pr-branch': '../../refs/heads/main/..lock @{evil} x~1^2:' }],
    ['a pr-branch that is only dots and slashes', { 'pr-branch': '/../..//./' }],
    ['a pr-branch naming main itself', { 'pr-branch': 'main' }],
  ])('%s: the head branch is a valid ref, never main, and main is untouched', async (_name, inputs) => {
    await serve();
    const main = git(dir, 'rev-parse', 'main');
    const run = await pr(inputs);
    const branch = run.outputs['pull-request-branch'] ?? '';
    if (run.code === 0) {
      expect(validBranch(branch), branch).toBe(true);
      expect(branch).not.toBe('main');
      expect(branch.split('/')).not.toContain('..');
      expect(git(dir, 'rev-parse', `refs/heads/${branch}`)).toBe(run.outputs['commit-sha']);
    } else {
      // Refusing is fine too, as long as it says which input and why.
      expect(run.stdout).toMatch(/::error::.*(pr-branch|environment)/);
    }
    expect(git(dir, 'rev-parse', 'main')).toBe(main);
    expect(git(dir, 'for-each-ref', '--format=%(refname)', 'refs/')).not.toMatch(/\.\.|refs\/heads\/refs\//);
    expect(foreignCommands(run)).toEqual([]);
  });

  it('a pr-title and pr-body with newlines, backticks, $(…) and markup land as that text; no shell runs', async () => {
    await serve();
    const sentinel = join(dir, 'PWNED');
    const title = `Deploy \`{summary}\` $(touch ${sentinel})\n::warning::injected`;
    const body = `Changes:\n{changes}\n\n<script>alert(1)</script> \`whoami\` $(touch ${sentinel}) @everyone`;
    const run = await pr({ 'pr-title': title, 'pr-body': body });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const record = emu.pulls(name).find((p) => String(p.number) === run.outputs['pull-request-number'])!;
    expect(record.title).not.toContain('\n');
    expect(record.title).toContain(`Deploy \`api 1.0.0 → 1.1.0\` $(touch ${sentinel})`);
    expect(record.body).toContain(`<script>alert(1)</script> \`whoami\` $(touch ${sentinel}) @everyone`);
    expect(record.body).toContain('apps/prod/pod.yaml');
    expect(existsSync(sentinel)).toBe(false);
    expect(foreignCommands(run)).toEqual([]);
    expect(emu.contractViolations).toEqual([]);
  });
});
