// Promotion gates through the built bundle and the emulator: soak time measured from the commit that brought each
// version into staging (committer dates set with GIT_COMMITTER_DATE; the run's clock is GITOPS_BUMP_NOW), and a
// status gate reading the statuses Flux would post on staging's commits.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runAction } from '../../support/action.js';
import { git, GIT_ENV, gitRepo } from '../../support/repo.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const at = (hoursAgo: number): string => new Date(NOW - hoursAgo * 3_600_000).toISOString();
const api = (tag: string, replicas = 2) => `image:\n  repository: ghcr.io/acme/api\n  tag: ${tag}\nreplicas: ${replicas}\n`;
const web = (tag: string) => `image: ghcr.io/acme/web:${tag}\n`;

/** A commit on main dated `hoursAgo` before NOW (author and committer). */
function commitAt(dir: string, hoursAgo: number, files: Record<string, string>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const env = { ...GIT_ENV, GIT_COMMITTER_DATE: at(hoursAgo), GIT_AUTHOR_DATE: at(hoursAgo) };
  execFileSync('git', ['-C', dir, 'add', '--all'], { env });
  execFileSync('git', ['-C', dir, 'commit', '--quiet', '-m', message], { env });
  return git(dir, 'rev-parse', 'HEAD');
}

const GATED = {
  repository: 'acme/gitops',
  token: 't',
  'promote-from': 'envs/staging/**',
  paths: 'envs/prod/**',
  'promote-after': '24h',
  'promote-require-status': 'kustomization/apps-staging/*',
};

describe('gated promotion through the API', () => {
  let emu: Emulator;
  let dir: string;
  let rest: Octokit;
  let webCommit: string;
  beforeAll(async () => {
    dir = gitRepo({ files: { 'envs/staging/api.yaml': api('1.4.1'), 'envs/staging/web.yaml': web('2.0.0'), 'envs/prod/api.yaml': api('1.4.1', 3), 'envs/prod/web.yaml': web('2.0.0') } });
    commitAt(dir, 26, { 'envs/staging/api.yaml': api('1.5.0') }, 'staging: api 1.5.0');
    // Another line of the same file 20 h ago: the soak clock of 1.5.0 is not reset.
    commitAt(dir, 20, { 'envs/staging/api.yaml': api('1.5.0', 4) }, 'staging: scale api');
    webCommit = commitAt(dir, 2, { 'envs/staging/web.yaml': web('2.1.0') }, 'staging: web 2.1.0');
    emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir }] });
    rest = new Octokit({ auth: 't', baseUrl: emu.url });
    // Flux's notification-controller reports the staging Kustomization healthy on staging's head.
    await rest.repos.createCommitStatus({ owner: 'acme', repo: 'gitops', sha: webCommit, state: 'success', context: 'kustomization/apps-staging/flux-system' });
  });
  afterAll(async () => {
    expect(emu.contractViolations).toEqual([]);
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dry-run previews every gate: api passed (26 h, green), web soaking', async () => {
    const before = git(dir, 'rev-parse', 'main');
    const seen = emu.requests.length;
    const run = await runAction({ ...GATED, mode: 'dry-run' }, { env: { GITHUB_API_URL: emu.url, GITOPS_BUMP_NOW: new Date(NOW).toISOString() } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(git(dir, 'rev-parse', 'main')).toBe(before);
    expect(run.summary).toContain('| Result | Gate |');
    expect(run.summary).toMatch(/\| ghcr\.io\/acme\/api \| `1\.5\.0` .*\| `1\.4\.1` \| promoted \| passed \|/);
    expect(run.summary).toMatch(/\| ghcr\.io\/acme\/web \| `2\.1\.0` .*\| `2\.0\.0` \| refused: soaking: 2h of 24h \(22h left\) \| soaking 2h of 24h \|/);
    expect(run.summary).toContain('src -. "held back: web 2.1.0 (soaking 2h of 24h)" .-> dst');
    expect(run.stdout).toContain('gate ghcr.io/acme/api 1.5.0: passed');
    // Three GraphQL requests: the staging files, the gates' facts (both files' histories, texts and the branch's
    // statuses in one query), the prod files.
    expect(emu.requests.slice(seen).map((r) => r.operation)).toEqual(['query', 'query', 'query']);
  });

  it('moves api and refuses web with "soaking"; later, past 24 h, a failing status still holds web back, naming the context', async () => {
    const env = { GITHUB_API_URL: emu.url, GITOPS_BUMP_NOW: new Date(NOW).toISOString() };
    const run = await runAction(GATED, { env });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(git(dir, 'show', 'main:envs/prod/api.yaml')).toBe(api('1.5.0', 3).trimEnd());
    expect(git(dir, 'show', 'main:envs/prod/web.yaml')).toBe(web('2.0.0').trimEnd());
    expect(JSON.parse(run.outputs.changes!)).toEqual([{ kind: 'image', file: 'envs/prod/api.yaml', line: 3, image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0' }]);
    expect(JSON.parse(run.outputs.refused!)).toEqual([
      { kind: 'image', file: 'envs/prod/web.yaml', line: 1, image: 'ghcr.io/acme/web', from: '2.0.0', to: '2.1.0', reason: 'soaking: 2h of 24h (22h left)', leftSeconds: 79_200 },
    ]);

    // Staging's web deployment fails after an earlier success on the same commit.
    await rest.repos.createCommitStatus({ owner: 'acme', repo: 'gitops', sha: webCommit, state: 'failure', context: 'kustomization/apps-staging/web', description: 'Health check failed' });
    const later = await runAction(GATED, { env: { ...env, GITOPS_BUMP_NOW: new Date(NOW + 30 * 3_600_000).toISOString() } });
    expect(later.code, later.stdout + later.stderr).toBe(0);
    expect(git(dir, 'show', 'main:envs/prod/web.yaml')).toBe(web('2.0.0').trimEnd());
    const reason = `failing \`kustomization/apps-staging/web\` on ${webCommit.slice(0, 7)}`;
    expect(JSON.parse(later.outputs.refused!)).toEqual([{ kind: 'image', file: 'envs/prod/web.yaml', line: 1, image: 'ghcr.io/acme/web', from: '2.0.0', to: '2.1.0', reason }]);
    expect(later.outputs.changed).toBe('false');

    // fail-on-refused: the step fails, writing nothing.
    const head = git(dir, 'rev-parse', 'main');
    const red = await runAction({ ...GATED, 'fail-on-refused': 'true' }, { env: { ...env, GITOPS_BUMP_NOW: new Date(NOW + 30 * 3_600_000).toISOString() } });
    expect(red.code).toBe(1);
    expect(red.stdout).toContain('fail-on-refused: 1 change(s) refused, nothing written');
    expect(git(dir, 'rev-parse', 'main')).toBe(head);
  });
});

describe('fail-on-refused and gates on a local checkout', () => {
  let dir: string;
  beforeAll(() => {
    dir = gitRepo({ files: { 'envs/staging/api.yaml': api('1.5.0'), 'envs/prod/api.yaml': api('1.4.1', 3), 'envs/prod/web.yaml': web('2.0.0') } });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a plain bump with a refusal fails before anything is written; without the input, what passed is written', async () => {
    const inputs = { 'local-path': dir, paths: 'envs/prod/**', images: 'ghcr.io/acme/api:1.3.0, ghcr.io/acme/web:2.1.0' };
    const red = await runAction({ ...inputs, 'fail-on-refused': 'true' });
    expect(red.code).toBe(1);
    expect(red.stdout).toMatch(/fail-on-refused: 1 change\(s\) refused, nothing written: ghcr\.io\/acme\/api 1\.4\.1 → 1\.3\.0 in envs\/prod\/api\.yaml:3: /);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const green = await runAction(inputs);
    expect(green.code, green.stdout).toBe(0);
    expect(JSON.parse(green.outputs.refused!)).toHaveLength(1);
    expect(git(dir, 'status', '--porcelain')).toBe('M envs/prod/web.yaml');
    git(dir, 'checkout', '--', '.');
  });

  it('gates need the source read through the API: the input is named', async () => {
    const run = await runAction({ 'local-path': dir, paths: 'envs/prod/**', 'promote-from': 'envs/staging/**', 'promote-after': '1d' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Input 'promote-after': reads the source branch's history and statuses through the GitHub API");
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('gates with a repository per environment', () => {
  let emu: Emulator;
  const dirs: string[] = [];
  beforeAll(async () => {
    emu = await startEmulator({ repos: [] });
  });
  afterAll(async () => {
    expect(emu.contractViolations).toEqual([]);
    await emu.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('reads the staging repository with its own token: a check run in progress holds the version back, its success lets it go', async () => {
    const staging = gitRepo({ files: { 'apps/api.yaml': api('1.4.1') } });
    commitAt(staging, 30, { 'apps/api.yaml': api('1.5.0') }, 'api 1.5.0');
    const deployed = git(staging, 'rev-parse', 'HEAD');
    const head = commitAt(staging, 1, { 'README.md': '# staging\n' }, 'docs');
    const prod = gitRepo({ files: { 'apps/api.yaml': api('1.4.1', 3) } });
    dirs.push(staging, prod);
    await emu.addRepo({ name: 'acme/staging', dir: staging, tokens: { 'staging-reader': 'read', 'staging-ci': 'write' } });
    await emu.addRepo({ name: 'acme/prod', dir: prod, tokens: { 'prod-writer': 'write' } });
    const ci = new Octokit({ auth: 'staging-ci', baseUrl: emu.url });
    // Argo CD reported the deployed commit healthy; a smoke test runs on the newest one.
    await ci.repos.createCommitStatus({ owner: 'acme', repo: 'staging', sha: deployed, state: 'success', context: 'argocd/api-staging' });
    await ci.checks.create({ owner: 'acme', repo: 'staging', name: 'smoke', head_sha: head, status: 'in_progress' });
    const inputs = {
      repository: 'acme/prod',
      token: 'prod-writer',
      paths: 'apps/*.yaml',
      'promote-from': 'apps/*.yaml',
      'promote-from-repository': 'acme/staging',
      'promote-from-token': 'staging-reader',
      'promote-after': '1d',
      'promote-require-status': 'argocd/api-staging\nsmoke',
    };
    const env = { GITHUB_API_URL: emu.url, GITOPS_BUMP_NOW: new Date(NOW).toISOString() };
    const held = await runAction(inputs, { env });
    expect(held.code, held.stdout + held.stderr).toBe(0);
    expect(JSON.parse(held.outputs.refused!)).toEqual([
      { kind: 'image', file: 'apps/api.yaml', line: 3, image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0', reason: `pending \`smoke\` on ${head.slice(0, 7)}` },
    ]);
    expect(git(prod, 'show', 'main:apps/api.yaml')).toBe(api('1.4.1', 3).trimEnd());

    await ci.checks.create({ owner: 'acme', repo: 'staging', name: 'smoke', head_sha: head, status: 'completed', conclusion: 'success' });
    const moved = await runAction(inputs, { env });
    expect(moved.code, moved.stdout + moved.stderr).toBe(0);
    expect(JSON.parse(moved.outputs.refused!)).toEqual([]);
    expect(git(prod, 'show', 'main:apps/api.yaml')).toBe(api('1.5.0', 3).trimEnd());
    expect(moved.summary).toMatch(/\| `1\.4\.1` \| promoted \| passed \|/);
  });
});
