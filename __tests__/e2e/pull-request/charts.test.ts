// Pull-request mode with an image and its chart: one pull request on the branch that joins them, proposing every
// version the commit mode would write; a later run with a newer chart updates it in place.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runAction, type ActionRun } from '../../support/action.js';
import { CHART_INPUTS, CHART_REPO, CHART_REPO_AFTER } from '../../support/charts.js';
import { git, gitRepo } from '../../support/repo.js';

const NAME = 'acme/prs-charts';
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

function pr(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    { repository: NAME, token: 'ghs_pr_token', mode: 'pull-request', environment: 'prod', ...inputs },
    { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: NAME } },
  );
}

describe('mode: pull-request with charts', () => {
  it('opens one PR on gitops-bump/prod/api moving the image, its chart and appVersion; a newer chart updates it', async () => {
    const main = git(dir, 'rev-parse', 'main');
    const created = await pr({ ...CHART_INPUTS });
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(created.outputs).toMatchObject({ 'pull-request-operation': 'created', 'pull-request-branch': 'gitops-bump/prod/api', changed: 'true' });
    expect(git(dir, 'rev-parse', 'main')).toBe(main);
    const branch = created.outputs['pull-request-branch']!;
    expect(git(dir, 'diff', '--name-only', 'main', branch).split('\n')).toEqual(Object.keys(CHART_REPO_AFTER));
    for (const [path, text] of Object.entries(CHART_REPO_AFTER)) expect(git(dir, 'show', `${branch}:${path}`) + '\n', path).toBe(text);
    const record = emu.pulls(NAME).find((p) => String(p.number) === created.outputs['pull-request-number'])!;
    expect(record.title).toBe('Bump api chart 1.4.1 → 1.5.0, api appVersion 1.4.1 → 1.5.0, api 1.4.1 → 1.5.0 in prod');
    expect(record.body).toContain('Moves these image references and chart versions in **prod**');
    expect(record.body).toContain(
      `| chart oci://ghcr.io/acme/charts/api | [\`clusters/prod/api.yaml:11\`](https://github.com/${NAME}/blob/gitops-bump/prod/api/clusters/prod/api.yaml#L11) | \`1.4.1\` | \`1.5.0\` |`,
    );

    const updated = await pr({ ...CHART_INPUTS, charts: 'oci://ghcr.io/acme/charts/api:1.5.1' });
    expect(updated.code, updated.stdout + updated.stderr).toBe(0);
    expect(updated.outputs).toMatchObject({ 'pull-request-operation': 'updated', 'pull-request-branch': branch, 'pull-request-number': created.outputs['pull-request-number'] });
    expect(git(dir, 'show', `${branch}:clusters/prod/api.yaml`)).toContain('version: "1.5.1"');
    expect(git(dir, 'show', `${branch}:argocd/api.yaml`)).toContain('targetRevision: 1.5.1');
    expect(emu.pulls(NAME).filter((p) => p.state === 'open')).toHaveLength(1);
  });
});
