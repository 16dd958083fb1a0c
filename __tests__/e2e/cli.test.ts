// The built CLI (dist/cli/index.js), spawned with Node 24 as a script would run it: --json, --help and its errors.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { cliEntry, node24, repoRoot, spawnCollect } from '../support/action.js';
import { CHART_CHANGES, CHART_INPUTS, CHART_REPO } from '../support/charts.js';
import { gitRepo } from '../support/repo.js';

let repo: string;
beforeEach(() => {
  repo = join(mkdtempSync(join(tmpdir(), 'e2e-cli-')), 'repo');
  cpSync(join(repoRoot, 'examples/gitops-repo'), repo, { recursive: true });
});
afterEach(() => rmSync(join(repo, '..'), { recursive: true, force: true }));

/** A clean environment: no GITHUB_TOKEN or GITHUB_REPOSITORY from the machine running the tests. */
const cli = (args: readonly string[], env: Record<string, string> = {}, cwd = repo) =>
  spawnCollect(node24, [cliEntry, ...args], { PATH: process.env.PATH ?? '', ...env }, cwd);

const PROD = ['--paths', 'apps/api/overlays/prod/**'];

describe('gitops-bump --json', () => {
  it('prints one JSON object with real types: changed a boolean, changes and refused arrays, empty outputs null', async () => {
    const r = await cli(['--images', 'ghcr.io/acme/api:1.5.0', ...PROD, '--local-path', repo, '--mode', 'dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.changed).toBe(true);
    expect(out.changes).toEqual([{ kind: 'image', file: 'apps/api/overlays/prod/kustomization.yaml', line: 10, image: 'ghcr.io/acme/api', from: '1.3.2', to: '1.5.0' }]);
    expect(out.refused).toEqual([]);
    expect(out['commit-sha']).toBeNull();
    expect(out['pull-request-number']).toBeNull();
    // No output is left as a string holding JSON or a boolean (outputs added later are parsed the same way).
    for (const [name, value] of Object.entries(out)) {
      if (typeof value === 'string') expect(value, name).not.toMatch(/^(\[|\{|true$|false$)/);
    }
    // The diff is not mixed into the JSON; the outcome goes to stderr.
    expect(r.stderr).toContain('Dry run: would bump 1 image reference in 1 file');

    const refused = await cli(['--images', 'ghcr.io/acme/api:1.0.0', ...PROD, '--local-path', repo, '--json']);
    const nothing = JSON.parse(refused.stdout) as { changed: unknown; changes: unknown; refused: { reason: string }[] };
    expect(nothing.changed).toBe(false);
    expect(nothing.changes).toEqual([]);
    expect(nothing.refused[0]!.reason).toMatch(/older than 1\.3\.2/);
  });

  it('takes --charts and --chart-app-version like every input, and prints chart entries with their kind', async () => {
    for (const [path, text] of Object.entries(CHART_REPO)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    const r = await cli(['--images', CHART_INPUTS.images, '--charts', CHART_INPUTS.charts, '--chart-app-version', 'true', '--paths', 'charts/**,clusters/**,argocd/**,infrastructure/**', '--local-path', repo, '--mode', 'dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { changes: unknown }).changes).toEqual(CHART_CHANGES);
    expect(r.stderr).toContain('Dry run: would bump 1 image reference and 3 chart versions in 4 files');
    for (const path of Object.keys(CHART_REPO)) expect(readFileSync(join(repo, path), 'utf8'), path).toBe(CHART_REPO[path]);
  });

  describe('in API mode', () => {
    let emu: Emulator;
    let dir: string;
    beforeAll(async () => {
      emu = await startEmulator({ repos: [] });
      dir = gitRepo({ source: join(repoRoot, 'examples/gitops-repo') });
      await emu.addRepo({ name: 'acme/cli', dir });
    });
    afterAll(async () => {
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('takes the token from GITHUB_TOKEN and prints the pull request number as a number', async () => {
      const env = { GITHUB_TOKEN: 'ghs_cli_token', GITHUB_API_URL: emu.url };
      const args = ['--images', 'ghcr.io/acme/api:1.5.0', ...PROD, '--repository', 'acme/cli', '--mode', 'pull-request', '--json'];
      const created = await cli(args, env);
      expect(created.code, created.stderr).toBe(0);
      const out = JSON.parse(created.stdout) as Record<string, unknown>;
      expect(out).toMatchObject({ changed: true, 'pull-request-operation': 'created', 'pull-request-branch': 'gitops-bump/prod/api' });
      expect(typeof out['pull-request-number']).toBe('number');
      expect(out['commit-sha']).toMatch(/^[0-9a-f]{40}$/);
      expect(created.stdout + created.stderr).not.toContain('ghs_cli_token');

      const again = JSON.parse((await cli(args, env)).stdout) as Record<string, unknown>;
      expect(again).toMatchObject({ changed: false, changes: [], 'pull-request-operation': 'unchanged', 'pull-request-number': out['pull-request-number'] });
    });

    it('runs from a copy of dist/ alone, without node_modules (how the README says to run it from a clone)', async () => {
      const copy = mkdtempSync(join(tmpdir(), 'e2e-cli-dist-'));
      try {
        cpSync(join(repoRoot, 'dist'), join(copy, 'dist'), { recursive: true });
        const entry = join(copy, 'dist/cli/index.js');
        const local = await spawnCollect(node24, [entry, '--images', 'ghcr.io/acme/api:1.5.0', ...PROD, '--local-path', repo], { PATH: process.env.PATH ?? '' }, copy);
        expect(local.code, local.stderr).toBe(0);
        expect(readFileSync(join(repo, 'apps/api/overlays/prod/kustomization.yaml'), 'utf8')).toContain('newTag: "1.5.0"');
        // API mode loads the GitHub adapters, a chunk of their own.
        const env = { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 'ghs_cli_token', GITHUB_API_URL: emu.url };
        const api = await spawnCollect(node24, [entry, '--images', 'ghcr.io/acme/web:2.11', '--paths', 'apps/web/values-prod.yaml', '--repository', 'acme/cli', '--mode', 'dry-run', '--json'], env, copy);
        expect(api.code, api.stderr).toBe(0);
        expect(JSON.parse(api.stdout)).toMatchObject({ changed: true, changes: [{ file: 'apps/web/values-prod.yaml', from: '2.9', to: '2.11' }] });
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  });
});

describe('gitops-bump errors', () => {
  it('without a token in API mode: one line saying to set GITHUB_TOKEN or pass --token', async () => {
    const r = await cli(['--images', 'ghcr.io/acme/api:1.5.0', '--repository', 'acme/gitops']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('gitops-bump: no token: set GITHUB_TOKEN or pass --token (or give --local-path to edit a checkout on disk)\n');
  });

  it('names a bad policy once: "Input \'policy\': \'<value>\' is not a policy"', async () => {
    const r = await cli(['--images', 'ghcr.io/acme/api:1.5.0', '--local-path', repo, '--policy', 'newest']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gitops-bump: Input 'policy': 'newest' is not a policy; use 'newer'/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('GITOPS_BUMP_DEBUG', () => {
  it('prints the debug lines (the settings as read) on stderr only when it is 1', async () => {
    const args = ['--images', 'ghcr.io/acme/api:1.5.0', ...PROD, '--local-path', repo, '--mode', 'dry-run'];
    const quiet = await cli(args);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toContain('debug:');
    const verbose = await cli(args, { GITOPS_BUMP_DEBUG: '1' });
    expect(verbose.code, verbose.stderr).toBe(0);
    expect(verbose.stderr).toMatch(/^debug: settings: \{"images":\["ghcr\.io\/acme\/api:1\.5\.0"\]/m);
    expect(verbose.stdout).toBe(quiet.stdout);
  });
});

describe('gitops-bump --help', () => {
  it('lists every input and --json with the descriptions in one column, wrapped under it', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    const options = r.stdout.split('\n').filter((line) => /^ {2}--[a-z]/.test(line));
    const inputs = Object.keys((await import('../../src/settings/inputs.js')).INPUTS);
    expect(options.map((line) => /^ {2}(--[a-z-]+)/.exec(line)![1])).toEqual([...inputs.map((n) => `--${n}`), '--json', '--help']);
    // Each description starts in the same column, after at least two spaces.
    const columns = new Set(options.map((line) => /^ {2}--[a-z-]+ {2,}/.exec(line)![0].length));
    expect(columns.size).toBe(1);
    const column = [...columns][0]!;
    // Continuation lines are indented to that column; no line is wider than 100 characters.
    const block = r.stdout.slice(r.stdout.indexOf('  --'), r.stdout.indexOf('\n\n', r.stdout.indexOf('  --')));
    for (const line of block.split('\n')) {
      expect(line.length, line).toBeLessThanOrEqual(100);
      if (!line.startsWith('  --')) expect(line.slice(0, column).trim(), line).toBe('');
    }
    const json = block.slice(block.indexOf('  --json'), block.indexOf('  --help')).replace(/\s+/g, ' ');
    expect(json).toContain('"changed" a boolean, "changes" and "refused" arrays');
    expect(r.stdout).toContain('set GITHUB_TOKEN or pass --token');
  });
});
