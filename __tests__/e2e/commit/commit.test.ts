// The built bundle (dist/index.js), spawned with Node 24 the way the runner runs it, against the emulator.
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { repoRoot, runAction, type ActionRun } from '../../support/action.js';
import { git, gitRepo } from '../../support/repo.js';

const NAME = 'acme/gitops';
const TOKEN = 'ghs_e2e_secret_token_value';
let emu: Emulator;
let dir: string;
const made: string[] = [];


/** Everything the action printed or wrote, less the runner's own masking command (which is how a secret gets masked). */
const printed = (run: ActionRun) =>
  [run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');

const head = () => git(dir, 'rev-parse', 'refs/heads/main');
const show = (path: string, rev = 'refs/heads/main') => git(dir, 'show', `${rev}:${path}`);
const requests = () => emu.requests.length;

beforeAll(async () => {
  emu = await startEmulator({ repos: [], revokedTokens: ['ghs_revoked'] });
});
afterAll(async () => {
  await emu.stop();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

let currentName = NAME;
let server: () => Emulator = () => emu;

/** Serves a fresh repository (examples/gitops-repo, or `files`) under a new name; later bumps go to it. */
async function serve(files?: Record<string, string>, options: { protectedBranches?: string[]; tokens?: Record<string, 'read' | 'write'> } = {}, on: Emulator = emu): Promise<void> {
  dir = files ? gitRepo({ files }) : gitRepo({ source: join(repoRoot, 'examples/gitops-repo') });
  made.push(dir);
  currentName = `${NAME}-${made.length}`;
  await on.addRepo({ name: currentName, dir, ...options });
  server = () => on;
}

/** Runs dist/index.js as the runner would, against the repository served last. */
function bumpHere(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    { repository: currentName, token: TOKEN, ...inputs },
    { env: { GITHUB_API_URL: server().url, GITHUB_REPOSITORY: currentName } },
  );
}

afterEach(() => {
  expect(emu.contractViolations).toEqual([]);
  emu.clearFaults();
});

describe('dist/index.js against the emulator: commit mode', () => {
  it('commits a glob-matched bump as one verified commit whose diff is the tag line, in 2 requests; a re-run makes none in 1', async () => {
    await serve();
    const before = head();
    const original = show('apps/api/overlays/prod/kustomization.yaml');
    emu.resetLog();
    const run = await bumpHere({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/**' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // One read (the listing of the folder carries its texts), one commit.
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'mutation createCommitOnBranch']);
    const after = head();
    expect(run.outputs['commit-sha']).toBe(after);
    expect(run.outputs.changed).toBe('true');
    expect(git(dir, 'rev-parse', `${after}^`)).toBe(before);
    expect(git(dir, 'rev-list', '--count', `${before}..${after}`)).toBe('1');
    expect(git(dir, 'diff', '--numstat', before, after)).toBe('1\t1\tapps/api/overlays/prod/kustomization.yaml');
    expect(show('apps/api/overlays/prod/kustomization.yaml')).toBe(original.replace('newTag: "1.3.2"\n  - name: ghcr.io/acme/api-migrations', 'newTag: "1.5.0"\n  - name: ghcr.io/acme/api-migrations'));
    expect(git(dir, 'log', '-1', '--format=%s', after)).toBe('Bump api 1.3.2 → 1.5.0 in prod');
    expect(git(dir, 'log', '-1', '--format=%b', after)).toContain('- ghcr.io/acme/api: 1.3.2 → 1.5.0 (apps/api/overlays/prod/kustomization.yaml:10)');
    const commit = (await (await fetch(`${emu.url}/repos/${currentName}/git/commits/${after}`, { headers: { authorization: `token ${TOKEN}` } })).json()) as {
      verification: { verified: boolean };
    };
    expect(commit.verification.verified).toBe(true);
    expect(run.summary).toContain(`commit: [\`${after.slice(0, 7)}\`]`);
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(printed(run)).not.toContain(TOKEN);

    emu.resetLog();
    const again = await bumpHere({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/**' });
    expect(again.code).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.outputs['commit-sha']).toBe('');
    expect(head()).toBe(after);
    expect(requests()).toBe(1);
  });

  it('commits a whole-tree glob in 2 requests (the tree listed with its texts, the commit); a re-run in 1', async () => {
    await serve();
    emu.resetLog();
    const run = await bumpHere({ images: 'ghcr.io/acme/api:1.5.0', paths: '**/*.yaml' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'mutation createCommitOnBranch']);
    emu.resetLog();
    const again = await bumpHere({ images: 'ghcr.io/acme/api:1.5.0', paths: '**/*.yaml' });
    expect(again.outputs.changed).toBe('false');
    expect(requests()).toBe(1);
  });

  it('works on GitHub Enterprise Server: GITHUB_API_URL …/api/v3 implies GraphQL at …/api/graphql', async () => {
    await serve();
    emu.resetLog();
    const run = await runAction(
      { repository: currentName, token: TOKEN, images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/kustomization.yaml' },
      { env: { GITHUB_API_URL: `${emu.url}/api/v3`, GITHUB_REPOSITORY: currentName } },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(emu.requests.map((r) => r.path)).toEqual(['/api/graphql', '/api/graphql']);
    expect(show('apps/api/overlays/prod/kustomization.yaml')).toContain('newTag: "1.5.0"');
  });

  it('reads and commits explicit paths in 2 requests', async () => {
    await serve();
    emu.resetLog();
    const run = await bumpHere({ images: 'ghcr.io/acme/web:2.11', paths: 'apps/web/values-prod.yaml' });
    expect(run.code, run.stdout).toBe(0);
    expect(requests()).toBe(2);
    expect(show('apps/web/values-prod.yaml')).toContain('tag: "2.11"       # quoted');
  });

  // Eight processes keep this quick on two busy cores; 50 at once at GitHub's latency is the `contention` benchmark
  // (BENCH_ONLY=contention npm run bench). Here the latency is low but real (a write applies in the middle of its
  // own), and the content-creation limit is on, as on GitHub: every run lands, whatever the timing.
  it('lands 8 concurrent runs bumping different images of one file: 8 commits, linear, no merges, every output true', async () => {
    const count = 8;
    const racy = await startEmulator({ repos: [], latencyMs: { min: 2, max: 10 }, writeLatencyMs: { min: 10, max: 40 }, seed: 3 });
    try {
      const lines = Array.from({ length: count }, (_, i) => `    - name: svc${i}\n      image: ghcr.io/acme/svc${i}:1.0.0`).join('\n');
      await serve({ 'apps/prod/pod.yaml': `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n${lines}\n` }, {}, racy);
      const before = head();
      const runs = await Promise.all(
        Array.from({ length: count }, (_, i) => bumpHere({ images: `ghcr.io/acme/svc${i}:1.1.0`, paths: 'apps/prod/pod.yaml' })),
      );
      for (const r of runs) expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe(String(count));
      expect(git(dir, 'rev-list', '--merges', `${before}..main`)).toBe('');
      const text = show('apps/prod/pod.yaml');
      for (let i = 0; i < count; i++) expect(text).toContain(`image: ghcr.io/acme/svc${i}:1.1.0`);
      // Each run reports its own commit, and the eight are exactly the commits on main since the start.
      const chain = git(dir, 'rev-list', '--first-parent', `${before}..main`).split('\n');
      expect(runs.map((r) => r.outputs.changed)).toEqual(Array(count).fill('true'));
      expect(new Set(runs.map((r) => r.outputs['commit-sha']))).toEqual(new Set(chain));
      const mutations = racy.requests.filter((r) => r.mutation).length;
      expect(mutations).toBeGreaterThanOrEqual(count);
      expect(racy.contractViolations).toEqual([]);
    } finally {
      await racy.stop();
    }
  }, 120_000);

  it('lands every bump through 10% injected 502s and a secondary rate limit', async () => {
    const faulty = await startEmulator({ repos: [], faultRate: 0.1, seed: 7 });
    try {
      await serve({ 'apps/prod/pod.yaml': 'spec:\n  containers:\n    - image: ghcr.io/acme/a:1.0.0\n    - image: ghcr.io/acme/b:1.0.0\n    - image: ghcr.io/acme/c:1.0.0\n' }, {}, faulty);
      faulty.addFault({ kind: 'secondary-rate-limit', operation: 'createCommitOnBranch', retryAfter: 1 });
      const before = head();
      for (const image of ['a', 'b', 'c']) {
        const run = await bumpHere({ images: `ghcr.io/acme/${image}:1.1.0`, paths: 'apps/**' });
        expect(run.code, run.stdout + run.stderr).toBe(0);
      }
      expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('3');
      expect(faulty.requests.some((r) => r.fault !== undefined)).toBe(true);
      expect(faulty.contractViolations).toEqual([]);
    } finally {
      await faulty.stop();
    }
    expect(show('apps/prod/pod.yaml')).toBe('spec:\n  containers:\n    - image: ghcr.io/acme/a:1.1.0\n    - image: ghcr.io/acme/b:1.1.0\n    - image: ghcr.io/acme/c:1.1.0');
  }, 120_000);

  it('refuses 1.4.9 after 1.5.0 (policy newer): exit 0, refused output, no commit', async () => {
    await serve();
    const first = await bumpHere({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/**' });
    expect(first.outputs.changed).toBe('true');
    const after = head();
    const late = await bumpHere({ images: 'ghcr.io/acme/api:1.4.9', paths: 'apps/api/overlays/prod/**' });
    expect(late.code).toBe(0);
    expect(late.outputs.changed).toBe('false');
    expect(JSON.parse(late.outputs.refused!)).toMatchObject([{ from: '1.5.0', to: '1.4.9', file: 'apps/api/overlays/prod/kustomization.yaml' }]);
    expect(head()).toBe(after);
  });

  it('reports the plan in its log group before the commit is sent: a refusal beside a bump is warned ahead of "Committed"', async () => {
    await serve();
    await bumpHere({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/**' });
    const run = await bumpHere({ images: 'ghcr.io/acme/api:1.4.9, ghcr.io/acme/web:2.11', paths: 'apps/**' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.changed).toBe('true');
    const lines = run.stdout.split('\n');
    const group = lines.indexOf('::group::Plan');
    const end = lines.indexOf('::endgroup::', group);
    const refusal = lines.findIndex((l) => l.startsWith('::warning') && l.includes('ghcr.io/acme/api 1.5.0 → 1.4.9 refused'));
    const committed = lines.findIndex((l) => l.startsWith('Committed '));
    expect(group).toBeGreaterThanOrEqual(0);
    expect(refusal).toBeGreaterThan(group);
    expect(refusal).toBeLessThan(end);
    expect(end).toBeLessThan(committed);
    expect(lines[group + 1]).toMatch(/^\d+ file\(s\) selected, \d+ read from acme\/gitops-\d+@main at [0-9a-f]{7}/);
    expect(lines.filter((l) => l === '::group::Plan')).toHaveLength(1);
  });

  it('rolls back under policy any and says so in the commit message, the log and the summary', async () => {
    await serve();
    const run = await bumpHere({ images: 'ghcr.io/acme/api:1.2.0', paths: 'apps/api/overlays/prod/**', policy: 'any' });
    expect(run.code, run.stdout).toBe(0);
    const sha = run.outputs['commit-sha']!;
    expect(git(dir, 'log', '-1', '--format=%s', sha)).toBe('Bump api 1.3.2 → 1.2.0 (rolled back) in prod');
    expect(git(dir, 'log', '-1', '--format=%b', sha)).toMatch(
      /^- ghcr\.io\/acme\/api: 1\.3\.2 → 1\.2\.0 \(apps\/api\/overlays\/prod\/kustomization\.yaml:10, rolled back\)\n\nBumped-Image: ghcr\.io\/acme\/api 1\.3\.2 -> 1\.2\.0\nGitops-Bump-Attempt: local\/[0-9a-f]{12}\.1$/,
    );
    expect(run.stdout).toContain('rolled back (policy: any): ghcr.io/acme/api 1.3.2 → 1.2.0 at apps/api/overlays/prod/kustomization.yaml:10');
    expect(run.summary).toContain('| `1.3.2` | `1.2.0` (rolled back) |');
  });
});

describe('dist/index.js against the emulator: errors a person can act on, nothing committed', () => {
  it('an API address nothing listens on: names the URL and what to check, not GitHub\'s status page', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await runAction(
      { repository: 'acme/gitops', token: TOKEN, images: 'ghcr.io/acme/api:1.5.0' },
      { env: { GITHUB_API_URL: `http://127.0.0.1:${port}/api/v3`, GITHUB_REPOSITORY: 'acme/gitops' } },
    );
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'));
    expect(error, run.stdout).toMatch(new RegExp(`^::error::could not reach http://127\\.0\\.0\\.1:${port}/api/graphql: network error: .*ECONNREFUSED.*check GITHUB_API_URL`));
    expect(run.stdout).not.toMatch(/githubstatus|GitHub may be degraded/);
    expect(printed(run)).not.toContain(TOKEN);
  });

  it.each([
    ['a bad token (401)', { token: 'ghs_revoked' }, {}, /token was rejected \(401\)/],
    ['a repository the token cannot see (404)', { repository: 'acme/elsewhere' }, {}, /acme\/elsewhere/],
    // GITHUB_REPOSITORY is the target: the job's own permissions are the remedy.
    ['a read-only token (403)', {}, { tokens: { [TOKEN]: 'read' as const } }, /may not write .*give the job `permissions: contents: write`, or use a GitHub App token/],
    ['a protected branch', {}, { protectedBranches: ['main'] }, /pull-request/],
    ['a branch that does not exist', { branch: 'nope' }, {}, /nope/],
  ])('%s', async (_name, inputs, repoOptions, message) => {
    await serve(undefined, repoOptions);
    const before = head();
    const run = await bumpHere({ images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/**', ...inputs });
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'));
    expect(error, run.stdout).toMatch(message);
    expect(head()).toBe(before);
    expect(printed(run)).not.toContain(TOKEN);
  });

  it('a read-only token for another repository than the workflow\'s names the token, not the job permissions', async () => {
    await serve(undefined, { tokens: { [TOKEN]: 'read' } });
    const before = head();
    const run = await runAction(
      { repository: currentName, token: TOKEN, images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/**' },
      { env: { GITHUB_API_URL: server().url, GITHUB_REPOSITORY: 'acme/app' } },
    );
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'));
    expect(error, run.stdout).toMatch(/may not write .*: GITHUB_TOKEN can only write to the repository running the workflow: use a GitHub App token/);
    expect(head()).toBe(before);
  });

  it('fail-on-unmatched: an image that matches nothing fails before any write, in commit and pull-request mode', async () => {
    await serve();
    const before = head();
    const inputs = { images: 'ghcr.io/acme/api:1.5.0, ghrc.io/acme/web:2.11', paths: 'apps/api/overlays/prod, apps/web/values-prod.yaml', 'fail-on-unmatched': 'true' };
    for (const mode of ['commit', 'pull-request', 'dry-run']) {
      emu.resetLog();
      const run = await bumpHere({ ...inputs, mode });
      expect(run.code, mode).toBe(1);
      expect(run.stdout, mode).toContain(
        '::error::fail-on-unmatched: ghrc.io/acme/web matched no image reference in the 2 files paths selects (apps/api/overlays/prod, apps/web/values-prod.yaml); found ghcr.io/acme/web in 1 file: did you mean it? Nothing was written.',
      );
      expect(emu.requests.length, mode).toBeGreaterThan(0);
      expect(emu.requests.filter((r) => r.mutation || (r.kind === 'rest' && r.method !== 'GET')), mode).toEqual([]);
    }
    expect(head()).toBe(before);
    expect(git(dir, 'branch', '--list', 'gitops-bump/*')).toBe('');
    expect(emu.pulls(currentName)).toEqual([]);

    // Without it: green, the matching image committed, the miss listed in the output (the bare folder read through the API).
    const green = await bumpHere({ ...inputs, 'fail-on-unmatched': 'false' });
    expect(green.code, green.stdout).toBe(0);
    expect(JSON.parse(green.outputs.unmatched!)).toEqual(['ghrc.io/acme/web:2.11']);
    expect(git(dir, 'diff', '--name-only', before, head())).toBe('apps/api/overlays/prod/kustomization.yaml');
  });

  it('a malformed YAML file in the repository: annotation with file and line, nothing committed', async () => {
    await serve({
      'apps/prod/good.yaml': 'image: ghcr.io/acme/api:1.0.0\n',
      'apps/prod/bad.yaml': 'image: ghcr.io/acme/api:1.0.0\nfoo: [unclosed\n',
    });
    const before = head();
    const run = await bumpHere({ images: 'ghcr.io/acme/api:1.1.0', paths: 'apps/prod/*.yaml' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error file=apps\/prod\/bad\.yaml,line=\d+,col=\d+::/);
    expect(head()).toBe(before);
  });
});
