// Issue 14's "done when", through the built bundle against the emulator: one run with an image and its OCI chart
// (and chart-app-version) makes one verified commit that moves the values tag, the HelmRelease version, the Argo CD
// targetRevision and appVersion, in ≤3 requests, and nothing else.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runAction } from '../../support/action.js';
import { CHART_CHANGES, CHART_INPUTS, CHART_REPO, CHART_REPO_AFTER } from '../../support/charts.js';
import { git, gitRepo } from '../../support/repo.js';

const NAME = 'acme/gitops-charts';
const TOKEN = 'ghs_e2e_charts_token';
let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ repos: [] });
  dir = gitRepo({ files: { ...CHART_REPO } });
  await emu.addRepo({ name: NAME, dir });
});
afterAll(async () => {
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => expect(emu.contractViolations).toEqual([]));

describe('dist/index.js against the emulator: an image and its chart in one commit', () => {
  it('commits the values tag, the HelmRelease version, the Argo CD targetRevision and appVersion together, in 2 requests', async () => {
    const before = git(dir, 'rev-parse', 'refs/heads/main');
    emu.resetLog();
    const run = await runAction(
      { ...CHART_INPUTS, repository: NAME, token: TOKEN, environment: 'prod' },
      { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: NAME } },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // The default globs: the tree listing carries the texts, then one commit (the bound: ≤3).
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'mutation createCommitOnBranch']);
    const after = git(dir, 'rev-parse', 'refs/heads/main');
    expect(run.outputs['commit-sha']).toBe(after);
    expect(git(dir, 'rev-list', '--count', `${before}..${after}`)).toBe('1');
    expect(git(dir, 'diff', '--name-only', before, after).split('\n')).toEqual(Object.keys(CHART_REPO_AFTER));
    for (const path of Object.keys(CHART_REPO)) expect(git(dir, 'show', `${after}:${path}`) + '\n', path).toBe(CHART_REPO_AFTER[path] ?? CHART_REPO[path]);
    expect(JSON.parse(run.outputs.changes!)).toEqual(CHART_CHANGES);
    expect(git(dir, 'log', '-1', '--format=%s', after)).toBe('Bump api chart 1.4.1 → 1.5.0, api appVersion 1.4.1 → 1.5.0, api 1.4.1 → 1.5.0 in prod');
    expect(git(dir, 'log', '-1', '--format=%b', after)).toContain('- chart oci://ghcr.io/acme/charts/api: 1.4.1 → 1.5.0 (clusters/prod/api.yaml:11)');
  });

  it('finds the HelmRepository outside paths (one listing, one read): the look-alike from another repository stays', async () => {
    const before = git(dir, 'rev-parse', 'refs/heads/main');
    emu.resetLog();
    const run = await runAction(
      { charts: 'oci://ghcr.io/acme/charts/api:1.6.0', paths: 'clusters/prod/**', repository: NAME, token: TOKEN },
      { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: NAME } },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // The head with the selected texts; the repository's file names; the files named like Flux sources; the commit.
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'git/get-tree', 'query', 'mutation createCommitOnBranch']);
    const after = git(dir, 'rev-parse', 'refs/heads/main');
    expect(git(dir, 'diff', '--name-only', before, after)).toBe('clusters/prod/api.yaml');
    expect(run.summary).not.toContain('by its name alone');
  });

  it('asks nothing more when every source is selected, or when the chart is named without a repository', async () => {
    emu.resetLog();
    const bare = await runAction({ charts: 'api:1.7.0', paths: 'clusters/prod/**', repository: NAME, token: TOKEN, mode: 'dry-run' }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: NAME } });
    expect(bare.code, bare.stdout + bare.stderr).toBe(0);
    expect(emu.requests.map((r) => r.operation)).toEqual(['query']);
    emu.resetLog();
    const selected = await runAction(
      { charts: 'oci://ghcr.io/acme/charts/api:1.7.0', paths: 'clusters/prod/**\ninfrastructure/**', repository: NAME, token: TOKEN, mode: 'dry-run' },
      { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: NAME } },
    );
    expect(selected.code, selected.stdout + selected.stderr).toBe(0);
    expect(emu.requests.map((r) => r.operation)).toEqual(['query']);
    expect(JSON.parse(selected.outputs.changes!)).toEqual([expect.objectContaining({ file: 'clusters/prod/api.yaml', to: '1.7.0' })]);
  });
});
