// Pull requests converge and a shared `pr-branch` loses nothing, through the built bundle against the emulator:
// a run killed before its follow-up is finished by the next run; a matrix's 8 jobs fold their images into one PR
// while the base moves; a base more than 8 commits ahead that changed a file the PR changes too.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { repoRoot, runAction, type ActionRun } from '../../support/action.js';
import { git, gitRepo } from '../../support/repo.js';
import { commitOnTop } from '../../unit/github/helpers.js';

let emu: Emulator;
let dir: string;
let name: string;
const made: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ repos: [], tokenLogins: { carol: 'carol' } });
});
afterAll(async () => {
  await emu.stop();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  expect(emu.contractViolations).toEqual([]);
});

async function serve(options: { files?: Record<string, string>; labels?: string[]; autoMergeAllowed?: boolean } = {}): Promise<void> {
  dir = options.files ? gitRepo({ files: options.files }) : gitRepo({ source: join(repoRoot, 'examples/gitops-repo') });
  made.push(dir);
  name = `acme/converge-${made.length}`;
  await emu.addRepo({ name, dir, labels: options.labels, autoMergeAllowed: options.autoMergeAllowed });
}

function pr(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    { repository: name, token: 'ghs_pr_token', mode: 'pull-request', ...inputs },
    { env: { GITHUB_API_URL: emu.url, GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: name } },
  );
}

const show = (rev: string, path: string) => git(dir, 'show', `${rev}:${path}`);
const PROD = { paths: 'apps/api/overlays/prod/**' };
const KUSTOMIZATION = 'apps/api/overlays/prod/kustomization.yaml';

describe('a pull request converges', () => {
  it('a run killed before its follow-up (here: the follow-up failing every try) is finished by the next run; a label a person added stays; then 1 request', async () => {
    await serve({ labels: ['deploy'], autoMergeAllowed: true });
    const asks = { images: 'ghcr.io/acme/api:1.5.0', ...PROD, 'pr-labels': 'deploy', 'pr-reviewers': 'alice', 'pr-team-reviewers': 'acme/sre', 'pr-assignees': 'carol', 'auto-merge': 'squash' };
    emu.addFault({ operation: /requestReviews/, kind: 'not-resolvable', times: Infinity });
    const killed = await pr(asks);
    emu.clearFaults();
    expect(killed.code, killed.stdout).toBe(0);
    expect(killed.outputs['pull-request-operation']).toBe('created');
    expect(killed.annotations.join('\n')).toMatch(/::warning::could not request reviewers on pull request #1/);
    const number = Number(killed.outputs['pull-request-number']);
    const record = () => emu.pulls(name).find((p) => p.number === number)!;
    expect(record()).toMatchObject({ labels: [], reviewers: [], teamReviewers: [], assignees: [], autoMerge: null });
    // A person labels the PR meanwhile.
    const labelled = await fetch(`${emu.url}/repos/${name}/issues/${number}/labels`, {
      method: 'POST',
      headers: { authorization: 'token carol', 'content-type': 'application/json' },
      body: JSON.stringify({ labels: ['do-not-merge'] }),
    });
    expect(labelled.status).toBe(200);

    const next = await pr(asks);
    expect(next.code, next.stdout).toBe(0);
    expect(next.outputs).toMatchObject({ 'pull-request-operation': 'unchanged', 'pull-request-number': String(number), changed: 'false' });
    expect(next.annotations).toEqual([]);
    expect([...record().labels].sort()).toEqual(['deploy', 'do-not-merge']);
    expect(record()).toMatchObject({ reviewers: ['alice'], teamReviewers: ['sre'], assignees: ['carol'], autoMerge: { mergeMethod: 'SQUASH' } });

    emu.resetLog();
    const steady = await pr(asks);
    expect(steady.outputs['pull-request-operation']).toBe('unchanged');
    expect(emu.requests.length).toBe(1);
    expect([...record().labels].sort()).toEqual(['deploy', 'do-not-merge']);
  });
});

describe('a shared pr-branch loses nothing', () => {
  const IMAGES = Array.from({ length: 8 }, (_, i) => `ghcr.io/acme/svc${i + 1}`);
  const pod = (names: readonly string[], version: string, rev = 0) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: matrix\n  annotations:\n    rev: "${rev}"\nspec:\n  containers:\n` +
    names.map((image) => `    - name: ${image.split('/').pop()}\n      image: ${image}:${version}\n`).join('');
  const FILES = { 'apps/prod/a.yaml': IMAGES.slice(0, 4), 'apps/prod/b.yaml': IMAGES.slice(4) } as const;

  // Eight bundles racing on one branch with real backoff waits: under a loaded CI machine this takes longer than the
  // default 30 s, so it gets a generous timeout (its outcome does not depend on timing).
  it('8 jobs of one matrix fold their images into one branch while the base moves: the PR proposes all 8 and keeps every base change', { timeout: 180_000 }, async () => {
    await serve({ files: { 'apps/prod/a.yaml': pod(FILES['apps/prod/a.yaml'], '1.0.0'), 'apps/prod/b.yaml': pod(FILES['apps/prod/b.yaml'], '1.0.0'), 'README.md': 'r\n' } });
    const branch = 'gitops-bump/prod/matrix';
    const job = (image: string) => pr({ images: `${image}:1.1.0`, paths: 'apps/prod/**', 'pr-branch': branch });
    let moves = 0;
    const move = (): string => {
      moves += 1;
      const path = Object.keys(FILES)[moves % 2]!;
      const moved = commitOnTop(dir, 'main', path, `${show('main', path).replace(/rev: "\d+"/, `rev: "${moves}"`)}\n`, `base move ${moves}`);
      return moves % 3 === 0 ? commitOnTop(dir, 'main', 'README.md', `r${moves}\n`, `readme ${moves}`) : moved;
    };
    // The first job opens the PR; the base then moves under its file (so the next write must rebuild the branch),
    // and keeps moving (other lines of the very files the jobs bump, and another file) while the 7 others run at once.
    const first = await job(IMAGES[0]!);
    expect(first.outputs['pull-request-operation']).toBe('created');
    move();
    const underFirst = move();
    // A bounded number of base moves (not "until the jobs end"): on a loaded machine the jobs then do not chase a base
    // that moves for as long as they run, and the test's work does not grow with the machine's load.
    let running = true;
    const mover = (async () => {
      for (let i = 0; running && i < 25; i++) {
        move();
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    const jobs = [first, ...(await Promise.all(IMAGES.slice(1).map(job)))];
    running = false;
    await mover;
    for (const run of jobs) expect(run.code, run.stdout + run.stderr).toBe(0);
    const open = emu.pulls(name).filter((p) => p.state === 'open');
    expect(open).toHaveLength(1);
    expect(new Set(jobs.map((j) => j.outputs['pull-request-number']))).toEqual(new Set([String(open[0]!.number)]));
    // Rebuilt on the moved base (linear, no merge), and proposing all 8.
    expect(git(dir, 'merge-base', '--is-ancestor', underFirst, branch)).toBe('');
    expect(git(dir, 'rev-list', '--merges', branch)).toBe('');
    // Merging it into the base, which kept moving, is clean and keeps every base change: nothing was overwritten.
    const merged = git(dir, 'merge-tree', '--write-tree', 'main', branch);
    for (const [path, images] of Object.entries(FILES)) {
      expect(show(branch, path)).toMatch(new RegExp(images.map((image) => `${image}:1\\.1\\.0`).join('[\\s\\S]*')));
      expect(show(merged, path)).toBe(show('main', path).replace(/:1\.0\.0/g, ':1.1.0'));
    }
    expect(show(merged, 'README.md')).toBe(show('main', 'README.md'));
    // Title and body describe all of it.
    for (const image of IMAGES) expect(open[0]!.body ?? '').toContain(`| ${image} |`);
    expect((open[0]!.body ?? '').match(/\| `1\.0\.0` \| `1\.1\.0` \|/g)).toHaveLength(8);
  });

  it('a base more than 8 commits ahead that changed a file the PR changes too: the rebuild keeps the base changes and every run\'s proposal', async () => {
    await serve();
    const shared = { ...PROD, 'pr-branch': 'gitops-bump/prod/shared' };
    expect((await pr({ images: 'ghcr.io/acme/api:1.5.0', ...shared })).outputs['pull-request-operation']).toBe('created');
    expect((await pr({ images: 'ghcr.io/acme/api-migrations:1.5.0', ...shared })).outputs['pull-request-operation']).toBe('updated');
    let main = '';
    for (let i = 0; i < 9; i++) {
      const text = show('main', KUSTOMIZATION).replace(/namespace: api-prod\S*/, `namespace: api-prod-${i}`);
      main = commitOnTop(dir, 'main', KUSTOMIZATION, `${text}\n`, `base ${i}`);
    }
    const base = show('main', KUSTOMIZATION);
    const run = await pr({ images: 'ghcr.io/acme/api:1.6.0', ...shared });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('updated');
    const branch = 'gitops-bump/prod/shared';
    expect(git(dir, 'rev-parse', `${branch}^`)).toBe(main);
    expect(show(branch, KUSTOMIZATION)).toBe(
      base.replace('newTag: "1.3.2"\n', 'newTag: "1.6.0"\n').replace('newTag: "1.3.2" # keep', 'newTag: "1.5.0" # keep'),
    );
    expect(show(branch, KUSTOMIZATION)).toContain('namespace: api-prod-8');
    const record = emu.pulls(name).find((p) => String(p.number) === run.outputs['pull-request-number'])!;
    expect(record.title).toBe('Bump api 1.3.2 → 1.6.0, api-migrations 1.3.2 → 1.5.0 in prod');
    expect(record.body).toContain('| ghcr.io/acme/api-migrations |');
    expect(JSON.parse(run.outputs.changes!)).toMatchObject([
      { image: 'ghcr.io/acme/api', from: '1.3.2', to: '1.6.0' },
      { image: 'ghcr.io/acme/api-migrations', from: '1.3.2', to: '1.5.0' },
    ]);
  });
});
