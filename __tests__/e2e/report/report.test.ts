// What runs where (`mode: report`, `gitops-bump report`) and promotion by environment name, through the built bundle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { cliEntry, node24, runAction, spawnCollect } from '../../support/action.js';
import { git, GIT_ENV, gitRepo } from '../../support/repo.js';

const api = (tag: string, comment = '') => `spec:\n  containers:\n    - name: api\n      image: ghcr.io/acme/api:${tag}${comment}\n`;
const web = (tag: string) => `image:\n  repository: ghcr.io/acme/web\n  tag: "${tag}"\n`;
const redis = (version: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: redis}\nspec:\n  chart:\n    spec:\n      chart: redis\n      version: ${version}\n      sourceRef: {kind: HelmRepository, name: bitnami}\n`;

/** dev runs ahead, staging holds api back, prod is behind on both. */
const TREE: Record<string, string> = {
  'envs/dev/api.yaml': api('1.6.0'),
  'envs/dev/web.yaml': web('2.1.0'),
  'envs/dev/redis.yaml': redis('19.0.1'),
  'envs/staging/api.yaml': api('1.5.0', ' # gitops-bump: hold until INC-42'),
  'envs/staging/web.yaml': web('2.1.0'),
  'envs/staging/redis.yaml': redis('19.0.1'),
  'envs/prod/api.yaml': api('1.4.0'),
  'envs/prod/web.yaml': web('2.0.0'),
  'envs/prod/redis.yaml': redis('19.0.1'),
};
const ENVIRONMENTS = 'dev: envs/dev/\nstaging: envs/staging/\nprod: envs/prod/';
const TABLE = [
  'IMAGE / CHART     dev     staging         prod',
  'ghcr.io/acme/api  1.6.0   1.5.0 ≠ (held)  1.4.0 ≠',
  'ghcr.io/acme/web  2.1.0   2.1.0           2.0.0 ≠',
  'chart redis       19.0.1  19.0.1          19.0.1',
  '',
  '≠ differs from the previous environment · (held) frozen by a # gitops-bump: hold comment',
  '',
].join('\n');

const NOW = Date.parse('2026-12-01T12:00:00Z');
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString().replace('.000Z', 'Z');

/** Writes `files` into the repository and commits them dated `hoursAgo` before NOW. */
function commitAt(dir: string, files: Record<string, string>, hoursAgo: number, message: string): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const env = { ...GIT_ENV, GIT_COMMITTER_DATE: at(hoursAgo), GIT_AUTHOR_DATE: at(hoursAgo) };
  execFileSync('git', ['-C', dir, 'add', '--all'], { env });
  execFileSync('git', ['-C', dir, 'commit', '--quiet', '--allow-empty', '-m', message], { env });
}

let root: string;
const write = (files: Record<string, string>) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'e2e-report-'));
  write(TREE);
  return () => rmSync(root, { recursive: true, force: true });
});

describe('mode: report, folder per environment, local', () => {
  it('writes the matrix with drift and holds marked to the summary and the matrix output, and no file', async () => {
    const run = await runAction({ mode: 'report', environments: ENVIRONMENTS, 'local-path': root });
    expect(run.code, run.stdout).toBe(0);
    for (const [path, text] of Object.entries(TREE)) expect(readFileSync(join(root, path), 'utf8')).toBe(text);
    expect(run.outputs.changed).toBeUndefined();
    const matrix = JSON.parse(run.outputs.matrix!) as { environments: { name: string }[]; rows: { kind: string; name: string; cells: Record<string, { versions: string[]; drift: boolean; held: boolean } | null> }[] };
    expect(matrix.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    const summary = (row: (typeof matrix.rows)[number]) =>
      Object.entries(row.cells).map(([env, c]) => `${env}=${c!.versions.join('/')}${c!.drift ? '!' : ''}${c!.held ? 'H' : ''}`);
    expect(matrix.rows.map((r) => [r.kind, r.name, ...summary(r)])).toEqual([
      ['image', 'ghcr.io/acme/api', 'dev=1.6.0', 'staging=1.5.0!H', 'prod=1.4.0!'],
      ['image', 'ghcr.io/acme/web', 'dev=2.1.0', 'staging=2.1.0', 'prod=2.0.0!'],
      ['chart', 'redis', 'dev=19.0.1', 'staging=19.0.1', 'prod=19.0.1'],
    ]);
    expect(run.summary).toContain('### gitops-bump · what runs where');
    expect(run.summary).toContain('| Image / chart | dev | staging | prod |');
    expect(run.summary).toContain('| ghcr.io/acme/api | `1.6.0` | **`1.5.0`** ≠ 🔒 held: until INC-42 | **`1.4.0`** ≠ |');
    expect(run.summary).toContain('| chart redis | `19.0.1` | `19.0.1` | `19.0.1` |');
    expect(run.stdout).toContain('Nothing was written.');
  });

  it('fails naming the input and the line for an ambiguous environment, reading nothing', async () => {
    const run = await runAction({ mode: 'report', environments: 'dev: envs/dev/\nprod: envs/prod', 'local-path': root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Input 'environments': line 2 ('prod: envs/prod'): 'envs/prod' could be a folder or a repository");
    expect(run.outputs.matrix).toBeUndefined();
  });
});

describe('mode: report, a file that is not YAML', () => {
  it('fails naming the environment and the place, and sets no matrix', async () => {
    write({ 'envs/staging/broken.yaml': 'image: [\n' });
    const run = await runAction({ mode: 'report', environments: ENVIRONMENTS, 'local-path': root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::staging: envs/staging/broken.yaml:2:1: not valid YAML');
    expect(run.stdout).toContain('environment staging (envs/staging/): envs/staging/broken.yaml:2:1: not valid YAML');
    expect(run.outputs.matrix).toBeUndefined();
  });
});

describe('gitops-bump report (CLI)', () => {
  it('prints the matrix as an aligned table, and as JSON with --json', async () => {
    const args = ['report', '--environments', 'dev: envs/dev/', '--environments', 'staging: envs/staging/', '--environments', 'prod: envs/prod/', '--local-path', root];
    const run = await spawnCollect(node24, [cliEntry, ...args], { PATH: process.env.PATH ?? '' }, root);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(TABLE);
    const json = await spawnCollect(node24, [cliEntry, ...args, '--json'], { PATH: process.env.PATH ?? '' }, root);
    expect((JSON.parse(json.stdout) as { matrix: { rows: unknown[] } }).matrix.rows).toHaveLength(3);
    const contradiction = await spawnCollect(node24, [cliEntry, ...args, '--mode', 'commit'], { PATH: process.env.PATH ?? '' }, root);
    expect([contradiction.code, contradiction.stderr]).toEqual([1, "gitops-bump: 'report' and --mode commit contradict each other\n"]);
  });
});

describe('through the API', () => {
  let emu: Emulator;
  const dirs: string[] = [];
  beforeAll(async () => {
    emu = await startEmulator({ repos: [] });
  });
  afterAll(async () => {
    await emu.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('repository per environment: one snapshot read and one history query per repository, each with its own branch and globs, nothing written', async () => {
    const staging = gitRepo({ files: { 'apps/api.yaml': api('1.5.0'), 'apps/web.yaml': web('2.1.0') } });
    const prod = gitRepo({ files: { 'clusters/api.yaml': api('1.4.0', ' # gitops-bump: hold'), 'clusters/web.yaml': web('2.1.0'), 'docs/x.yaml': api('0.0.1') } });
    dirs.push(staging, prod);
    await emu.addRepo({ name: 'acme/staging', dir: staging, tokens: { reader: 'read' } });
    await emu.addRepo({ name: 'acme/prod', dir: prod, tokens: { reader: 'read' } });
    const heads = [git(staging, 'rev-parse', 'main'), git(prod, 'rev-parse', 'main')];
    emu.resetLog();
    const run = await runAction(
      { mode: 'report', token: 'reader', environments: 'staging: acme/staging:\nprod: acme/prod@main:clusters/**' },
      { env: { GITHUB_API_URL: emu.url } },
    );
    expect(run.code, run.stdout).toBe(0);
    const matrix = JSON.parse(run.outputs.matrix!) as { environments: { where: string }[]; rows: { name: string; cells: Record<string, { versions: string[]; drift: boolean; held: boolean }> }[] };
    expect(matrix.environments.map((e) => e.where)).toEqual(['acme/staging@main: **/*.{yaml,yml}', 'acme/prod@main: clusters/**']);
    expect(matrix.rows.map((r) => [r.name, r.cells.staging!.versions[0], r.cells.prod!.versions[0], r.cells.prod!.drift, r.cells.prod!.held])).toEqual([
      ['ghcr.io/acme/api', '1.5.0', '1.4.0', true, true],
      ['ghcr.io/acme/web', '2.1.0', '2.1.0', false, false],
    ]);
    // Reads only (GraphQL queries: the read layer decides how many a tree takes, then one for the files' histories
    // per repository), never a write.
    expect(emu.requests.every((r) => r.kind === 'graphql' && r.operation === 'query')).toBe(true);
    expect(emu.requests.length).toBeLessThanOrEqual(6);
    expect([git(staging, 'rev-parse', 'main'), git(prod, 'rev-parse', 'main')]).toEqual(heads);
    expect(emu.contractViolations).toEqual([]);
  });

  it('folder per environment in one repository: how long each version has been there, in two queries for all of them', async () => {
    // dev and prod from 50 h ago; staging's api 1.5.0 arrived 26 h ago (a later edit of another line keeps its
    // clock), web 2.1.0 2 h ago; dev's api file then sees 30 more commits, so its version is older than the window.
    const dir = mkdtempSync(join(tmpdir(), 'e2e-report-age-'));
    git(dir, 'init', '--quiet', '--initial-branch=main');
    dirs.push(dir);
    const staging = { ...TREE, 'envs/staging/api.yaml': api('1.4.0'), 'envs/staging/web.yaml': web('2.0.0') };
    commitAt(dir, staging, 50, 'initial');
    commitAt(dir, { 'envs/staging/api.yaml': api('1.5.0') }, 26, 'api 1.5.0 to staging');
    commitAt(dir, { 'envs/staging/web.yaml': web('2.1.0') }, 2, 'web 2.1.0 to staging');
    commitAt(dir, { 'envs/staging/api.yaml': `${api('1.5.0')}  replicas: 2\n` }, 1, 'scale api');
    for (let i = 0; i < 30; i++) commitAt(dir, { 'envs/dev/api.yaml': `${api('1.6.0')}  replicas: ${i}\n` }, 1, `dev scale ${i}`);
    await emu.addRepo({ name: 'acme/folders', dir });
    emu.resetLog();
    const env = { GITHUB_API_URL: emu.url, GITOPS_BUMP_NOW: new Date(NOW).toISOString() };
    const run = await runAction({ mode: 'report', repository: 'acme/folders', token: 't', environments: ENVIRONMENTS }, { env });
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain('| ghcr.io/acme/api | `1.6.0` (>30 commits) | **`1.5.0`** (1d2h) ≠ | **`1.4.0`** (2d2h) ≠ |');
    expect(run.summary).toContain('| ghcr.io/acme/web | `2.1.0` (2d2h) | `2.1.0` (2h) | **`2.0.0`** (2d2h) ≠ |');
    expect(run.summary).toContain('(1d2h) there since the commit that brought it · (>N commits) older than the file histories read');
    const matrix = JSON.parse(run.outputs.matrix!) as { rows: { name: string; cells: Record<string, { since: string | null; age: string; ageSeconds: number | null }> }[] };
    expect(matrix.rows[0]!.cells.staging).toMatchObject({ since: at(26), age: '1d2h', ageSeconds: 26 * 3600 });
    expect(matrix.rows[0]!.cells.dev).toMatchObject({ since: null, age: 'older than 30 commits', ageSeconds: null });
    expect(run.stdout).toContain("dev, staging, prod: ages from the history of 9 file(s), up to 30 commits each.");
    // The folders of one repository are read together: one snapshot of what any of them selects, one query for the
    // histories of every file holding a version (one alias per file), whatever the number of environments.
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'query']);
    emu.resetLog();
    const one = await runAction({ mode: 'report', repository: 'acme/folders', token: 't', environments: 'staging: envs/staging/' }, { env });
    expect(one.code, one.stdout).toBe(0);
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'query']);
    expect(emu.contractViolations).toEqual([]);
  });

  it('promotes by environment name: promote-from-environment and environment resolve the globs from environments', async () => {
    const dir = gitRepo({ files: TREE });
    dirs.push(dir);
    await emu.addRepo({ name: 'acme/promote', dir });
    const before = git(dir, 'rev-parse', 'main');
    const inputs = { repository: 'acme/promote', token: 't', environments: ENVIRONMENTS, 'promote-from-environment': 'staging', environment: 'prod', paths: '**/*.{yaml,yml}' };
    const run = await runAction(inputs, { env: { GITHUB_API_URL: emu.url } });
    expect(run.code, run.stdout).toBe(0);
    expect(git(dir, 'diff', '--name-only', before, 'main').split('\n')).toEqual(['envs/prod/api.yaml', 'envs/prod/web.yaml']);
    expect(git(dir, 'log', '-1', '--format=%s', 'main')).toBe('Promote staging → prod: api 1.4.0 → 1.5.0, web 2.0.0 → 2.1.0');

    const conflict = await runAction({ ...inputs, 'promote-from': 'envs/dev/**' }, { env: { GITHUB_API_URL: emu.url } });
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toContain("Input 'promote-from': 'envs/dev/**' conflicts with promote-from-environment 'staging' (environments line 2: envs/staging/)");
  });

  it('promotes by environment name between repositories: the source and target repositories come from environments', async () => {
    const staging = gitRepo({ files: { 'apps/api.yaml': api('1.5.0') } });
    const prod = gitRepo({ files: { 'clusters/api.yaml': api('1.4.0'), 'other/api.yaml': api('1.0.0') } });
    dirs.push(staging, prod);
    await emu.addRepo({ name: 'acme/gitops-staging', dir: staging, tokens: { app: 'write' } });
    await emu.addRepo({ name: 'acme/gitops-prod', dir: prod, tokens: { app: 'write' } });
    const run = await runAction(
      {
        token: 'app',
        repository: 'acme/app', // the runner's default: counts as not given
        environments: 'staging: acme/gitops-staging:apps/**\nprod: acme/gitops-prod@main:clusters/**',
        'promote-from-environment': 'staging',
        environment: 'prod',
      },
      { env: { GITHUB_API_URL: emu.url } },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(`${git(prod, 'show', 'main:clusters/api.yaml')}\n`).toBe(api('1.5.0'));
    expect(`${git(prod, 'show', 'main:other/api.yaml')}\n`).toBe(api('1.0.0'));
    expect(git(prod, 'log', '-1', '--format=%s', 'main')).toBe('Promote staging → prod: api 1.4.0 → 1.5.0');
  });
});
