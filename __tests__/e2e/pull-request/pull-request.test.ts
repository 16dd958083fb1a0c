// Pull-request mode through the built bundle against the emulator, reading branches back with git.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { repoRoot, runAction, type ActionRun } from '../../support/action.js';
import { git, gitRepo } from '../../support/repo.js';

let emu: Emulator;
let dir: string;
let name: string;
const made: string[] = [];

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

async function serve(options: { autoMergeAllowed?: boolean; actionsCanCreatePullRequests?: boolean; files?: Record<string, string> } = {}): Promise<void> {
  dir = options.files ? gitRepo({ files: options.files }) : gitRepo({ source: join(repoRoot, 'examples/gitops-repo') });
  made.push(dir);
  name = `acme/prs-${made.length}`;
  await emu.addRepo({ name, dir, autoMergeAllowed: options.autoMergeAllowed, actionsCanCreatePullRequests: options.actionsCanCreatePullRequests });
}

function pr(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    { repository: name, token: 'ghs_pr_token', mode: 'pull-request', ...inputs },
    { env: { GITHUB_API_URL: emu.url, GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: name } },
  );
}

const rev = (ref: string) => git(dir, 'rev-parse', ref);
const branchExists = (branch: string) => git(dir, 'branch', '--list', branch) !== '';
const PROD = { paths: 'apps/api/overlays/prod/**' };

describe('mode: pull-request', () => {
  it('creates one PR (with a label) in 3 requests, leaving main untouched; a newer tag updates it in 2; a re-run is unchanged in 1', async () => {
    await serve();
    const main = rev('main');
    emu.resetLog();
    const created = await pr({ images: 'ghcr.io/acme/api:1.5.0', ...PROD, 'pr-labels': 'deploy' });
    expect(created.code, created.stdout).toBe(0);
    // One read (the folder glob's listing carries the texts), the branch, commit and PR in one document, the label.
    expect(emu.requests.length).toBe(3);
    expect(rev('main')).toBe(main);
    expect(created.outputs).toMatchObject({ 'pull-request-operation': 'created', 'pull-request-branch': 'gitops-bump/prod/api', changed: 'true' });
    const number = created.outputs['pull-request-number']!;
    expect(number).toMatch(/^\d+$/);
    expect(created.outputs['pull-request-url']).toContain(`/pull/${number}`);
    const branch = created.outputs['pull-request-branch']!;
    expect(git(dir, 'diff', '--name-only', 'main', branch)).toBe('apps/api/overlays/prod/kustomization.yaml');
    expect(git(dir, 'show', `${branch}:apps/api/overlays/prod/kustomization.yaml`)).toContain('newTag: "1.5.0"');
    expect(created.outputs['commit-sha']).toBe(rev(branch));
    const record = emu.pulls(name).find((p) => String(p.number) === number)!;
    expect(record).toMatchObject({ state: 'open', head: branch, base: 'main', title: 'Bump api 1.3.2 → 1.5.0 in prod' });
    expect(record.labels).toEqual(['deploy']);
    expect(record.body).toContain('| ghcr.io/acme/api | [`apps/api/overlays/prod/kustomization.yaml:10`](https://github.example/');
    expect(created.summary).toContain(`pull request: [#${number}]`);

    emu.resetLog();
    const updated = await pr({ images: 'ghcr.io/acme/api:1.6.0', ...PROD, 'pr-labels': 'deploy' });
    expect(updated.code, updated.stdout).toBe(0);
    expect(updated.outputs).toMatchObject({ 'pull-request-operation': 'updated', 'pull-request-number': number });
    // One read (the base and the PR branch, each listed with its texts), one document.
    expect(emu.requests.length).toBe(2);
    expect(git(dir, 'show', `${branch}:apps/api/overlays/prod/kustomization.yaml`)).toContain('newTag: "1.6.0"');
    expect(emu.pulls(name).find((p) => String(p.number) === number)!.title).toBe('Bump api 1.3.2 → 1.6.0 in prod');
    expect(emu.pulls(name).filter((p) => p.state === 'open')).toHaveLength(1);
    expect(rev('main')).toBe(main);

    const head = rev(branch);
    emu.resetLog();
    const again = await pr({ images: 'ghcr.io/acme/api:1.6.0', ...PROD, 'pr-labels': 'deploy' });
    expect(emu.requests.length).toBe(1);
    expect(updated.outputs.changed).toBe('true');
    expect(JSON.parse(updated.outputs.changes!)).toMatchObject([{ from: '1.3.2', to: '1.6.0' }]);
    // changed and changes agree: this run wrote nothing, so it lists nothing (the summary still shows what the PR proposes).
    expect(again.outputs).toMatchObject({ 'pull-request-operation': 'unchanged', 'pull-request-number': number, changed: 'false', changes: '[]' });
    expect(again.summary).toContain('it already proposes these versions (api 1.3.2 → 1.6.0)');
    expect(rev(branch)).toBe(head);

    const late = await pr({ images: 'ghcr.io/acme/api:1.5.5', ...PROD });
    expect(late.code).toBe(0);
    expect(JSON.parse(late.outputs.refused!).length).toBeGreaterThan(0);
    expect(git(dir, 'show', `${branch}:apps/api/overlays/prod/kustomization.yaml`)).toContain('newTag: "1.6.0"');

    const other = await pr({ images: 'ghcr.io/acme/api-migrations:1.5.0', ...PROD });
    expect(other.outputs['pull-request-operation']).toBe('created');
    expect(other.outputs['pull-request-number']).not.toBe(number);
    expect(other.outputs['pull-request-branch']).toBe('gitops-bump/prod/api-migrations');
  });

  it('labels a rollback (policy any) in the title, the commit and the PR body', async () => {
    await serve();
    const run = await pr({ images: 'ghcr.io/acme/api:1.2.0', ...PROD, policy: 'any' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ 'pull-request-operation': 'created', changed: 'true' });
    const record = emu.pulls(name).find((p) => String(p.number) === run.outputs['pull-request-number'])!;
    expect(record.title).toBe('Bump api 1.3.2 → 1.2.0 (rolled back) in prod');
    expect(record.body).toMatch(/\| `1\.3\.2` \| `1\.2\.0` \(rolled back\) \|/);
    expect(git(dir, 'log', '-1', '--format=%b', run.outputs['pull-request-branch']!)).toContain('(apps/api/overlays/prod/kustomization.yaml:10, rolled back)');
  });

  it('closes the PR and deletes its branch once the base holds every version it proposed', async () => {
    await serve();
    const created = await pr({ images: 'ghcr.io/acme/web:2.11', paths: 'apps/web/values-prod.yaml' });
    const branch = created.outputs['pull-request-branch']!;
    expect(branchExists(branch)).toBe(true);
    // Someone merges the change (a fast-forward of main to the PR branch).
    git(dir, 'update-ref', 'refs/heads/main', rev(branch), rev('main'));
    const closed = await pr({ images: 'ghcr.io/acme/web:2.11', paths: 'apps/web/values-prod.yaml' });
    expect(closed.code, closed.stdout).toBe(0);
    expect(closed.outputs).toMatchObject({ 'pull-request-operation': 'closed', changed: 'false', changes: '[]' });
    expect(emu.pulls(name).find((p) => String(p.number) === created.outputs['pull-request-number'])!.state).toBe('closed');
    expect(branchExists(branch)).toBe(false);
  });

  it('enables auto-merge where the repository allows it, and only warns where it does not', async () => {
    await serve({ autoMergeAllowed: true });
    const allowed = await pr({ images: 'ghcr.io/acme/api:1.5.0', ...PROD, 'auto-merge': 'squash' });
    expect(allowed.code, allowed.stdout).toBe(0);
    const record = emu.pulls(name).find((p) => String(p.number) === allowed.outputs['pull-request-number'])!;
    expect(record.autoMerge?.mergeMethod).toBe('SQUASH');

    await serve({ autoMergeAllowed: false });
    const refused = await pr({ images: 'ghcr.io/acme/api:1.5.0', ...PROD, 'auto-merge': 'squash' });
    expect(refused.code, refused.stdout).toBe(0);
    expect(refused.outputs['pull-request-operation']).toBe('created');
    expect(refused.stdout).toMatch(/::warning::.*auto-merge/i);
  });

  it('names the repository setting when GitHub Actions may not create pull requests', async () => {
    await serve({ actionsCanCreatePullRequests: false });
    const main = rev('main');
    const run = await pr({ images: 'ghcr.io/acme/api:1.5.0', ...PROD });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').find((l) => l.startsWith('::error::'))).toMatch(/Allow GitHub Actions to create and approve pull requests|App token/);
    expect(rev('main')).toBe(main);
  });

  it('keeps environments apart: a staging bump and a prod bump of one image, with only paths differing, open two PRs', async () => {
    await serve();
    const staging = await pr({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/*/overlays/staging/**' });
    expect(staging.code, staging.stdout).toBe(0);
    const prod = await pr({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/*/overlays/prod/**' });
    expect(prod.code, prod.stdout).toBe(0);
    expect(staging.outputs).toMatchObject({ 'pull-request-operation': 'created', 'pull-request-branch': 'gitops-bump/staging/api' });
    expect(prod.outputs).toMatchObject({ 'pull-request-operation': 'created', 'pull-request-branch': 'gitops-bump/prod/api' });
    expect(prod.outputs['pull-request-number']).not.toBe(staging.outputs['pull-request-number']);
    const open = emu.pulls(name).filter((p) => p.state === 'open');
    expect(open.map((p) => p.title).sort()).toEqual(['Bump api 1.3.2 → 1.5.0 in prod', 'Bump api 1.4.0 → 1.5.0 in staging']);
    // Each branch changes only its own environment's file.
    expect(git(dir, 'diff', '--name-only', 'main', 'gitops-bump/staging/api')).toBe('apps/api/overlays/staging/kustomization.yaml');
    expect(git(dir, 'diff', '--name-only', 'main', 'gitops-bump/prod/api')).toBe('apps/api/overlays/prod/kustomization.yaml');

    // Globs that name no single folder get a branch of their own, stable across runs, and the log says why.
    const mixed = await pr({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/*/overlays/staging/**, apps/*/overlays/dev/**' });
    expect(mixed.code, mixed.stdout).toBe(0);
    expect(mixed.outputs['pull-request-branch']).toMatch(/^gitops-bump\/paths-[0-9a-f]{8}\/api$/);
    expect(mixed.stdout).toMatch(/^paths: the globs name different folders \(staging, dev\), so paths-[0-9a-f]{8} \(a hash of the globs\)/m);
    const again = await pr({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/*/overlays/dev/**\napps/*/overlays/staging/**' });
    expect(again.outputs).toMatchObject({ 'pull-request-operation': 'unchanged', 'pull-request-branch': mixed.outputs['pull-request-branch'] });
  });

  it('promotes staging to production as a PR whose branch differs from main only in the production file', async () => {
    await serve();
    const run = await pr({
      'promote-from': 'apps/api/overlays/staging/**',
      paths: 'apps/api/overlays/prod/**',
      images: 'ghcr.io/acme/api',
    });
    expect(run.code, run.stdout).toBe(0);
    const branch = run.outputs['pull-request-branch']!;
    expect(branch).toBe('gitops-bump/promote/staging-to-prod');
    expect(git(dir, 'diff', '--name-only', 'main', branch)).toBe('apps/api/overlays/prod/kustomization.yaml');
    expect(git(dir, 'diff', '--numstat', 'main', branch)).toBe('1\t1\tapps/api/overlays/prod/kustomization.yaml');
    expect(run.summary).toContain('| ghcr.io/acme/api | `1.4.0` <sub>apps/api/overlays/staging/kustomization.yaml:10</sub> | `1.3.2` | promoted |');
  });
});
