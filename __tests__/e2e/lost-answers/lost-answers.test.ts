// The built bundle against the emulator's post-apply faults: GitHub makes the write and the answer is lost (a dropped
// connection, a 504, then 502 on every retry). The run finds its own commit by its Gitops-Bump-Attempt trailer and
// reports it: exit 0, changed=true, the commit's sha; exactly one commit, never a second one.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runAction, type ActionRun } from '../../support/action.js';
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
  emu.clearFaults();
});

const POD = (tag: string) => `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: api\n      image: ghcr.io/acme/api:${tag}\n`;

async function serve(): Promise<void> {
  dir = gitRepo({ files: { 'apps/prod/pod.yaml': POD('1.0.0') } });
  made.push(dir);
  name = `acme/lost-${made.length}`;
  await emu.addRepo({ name, dir, labels: ['deploy'] });
}

/** The bundle as the runner runs it, in workflow run 4242, attempt 2. */
function bump(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    { repository: name, token: 'ghs_lost_token', paths: 'apps/prod/pod.yaml', ...inputs },
    { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name, GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' } },
  );
}

const attempt = (rev: string) => git(dir, 'log', '-1', '--format=%(trailers:key=Gitops-Bump-Attempt,valueonly)', rev);
const rev = (ref: string) => git(dir, 'rev-parse', ref);

describe('commit mode: the commit made, its answer lost', () => {
  it.each([
    ['the connection dropped after the commit (the retry meets its own commit: STALE_DATA)', [{ kind: 'network' as const, after: true }]],
    ['504 after the commit, 502 on every retry', [{ kind: 504 as const, after: true }, { kind: 502 as const, times: Infinity }]],
  ])('%s: exit 0, changed=true, the commit\'s sha, exactly one commit', async (_name, faults) => {
    await serve();
    const before = rev('main');
    for (const fault of faults) emu.addFault({ operation: 'createCommitOnBranch', ...fault });
    emu.resetLog();
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const main = rev('main');
    expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('1');
    expect(rev('main^')).toBe(before);
    expect(run.outputs).toMatchObject({ changed: 'true', 'commit-sha': main });
    expect(JSON.parse(run.outputs.changes!)).toMatchObject([{ image: 'ghcr.io/acme/api', from: '1.0.0', to: '1.1.0', file: 'apps/prod/pod.yaml' }]);
    expect(git(dir, 'show', 'main:apps/prod/pod.yaml')).toBe(POD('1.1.0').trimEnd());
    // The run's tag: workflow run 4242, attempt 2, a random nonce, round 1.
    expect(attempt(main)).toMatch(/^4242\.2\/[0-9a-f]{12}\.1$/);
    expect(run.stdout).toContain(`Committed ${main} on main`);
    expect(run.stdout).toContain('The answer to the commit was lost; the commit was found on the branch by its Gitops-Bump-Attempt trailer.');
    expect(run.summary).toContain(`\`${main.slice(0, 7)}\``);
    // Exactly one commit document was made; the others were retries of it, or none.
    expect(emu.requests.filter((r) => r.mutation && r.fault === undefined)).toHaveLength(faults.length === 1 ? 1 : 0);
  }, 60_000);

  it('a commit-message template: the trailer follows it after a blank line, and git reads it as a trailer', async () => {
    await serve();
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', 'commit-message': 'deploy {summary}\n\nSigned-off-by: Release Bot <bot@example.invalid>' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const main = rev('main');
    const tag = attempt(main);
    expect(tag).toMatch(/^4242\.2\/[0-9a-f]{12}\.1$/);
    // The template's own trailer block takes ours in (provenance, then the attempt): all stay trailers.
    expect(git(dir, 'log', '-1', '--format=%B', main)).toBe(
      `deploy api 1.0.0 → 1.1.0\n\nSigned-off-by: Release Bot <bot@example.invalid>\nBumped-Image: ghcr.io/acme/api 1.0.0 -> 1.1.0\n` +
        `Built-By: https://github.com/${name}/actions/runs/4242\nGitops-Bump-Attempt: ${tag}`,
    );
    expect(git(dir, 'log', '-1', '--format=%(trailers:key=Signed-off-by,valueonly)', main)).toBe('Release Bot <bot@example.invalid>');
    // Two runs never share a tag.
    const again = await bump({ images: 'ghcr.io/acme/api:1.2.0' });
    expect(again.code).toBe(0);
    expect(attempt(rev('main'))).not.toBe(tag);
  });
});

describe('pull-request mode: the write made, its answer lost', () => {
  it('the PR opened and its answer lost (504, then 502 on every retry): reported as created, labelled, one PR, one commit', async () => {
    await serve();
    emu.addFault({ operation: 'createPullRequest', kind: 504, after: true });
    emu.addFault({ operation: 'createPullRequest', kind: 502, times: Infinity });
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', mode: 'pull-request', 'pr-labels': 'deploy' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const branch = run.outputs['pull-request-branch']!;
    expect(run.outputs).toMatchObject({ changed: 'true', 'pull-request-operation': 'created', 'pull-request-number': '1', 'commit-sha': rev(branch) });
    expect(run.stdout).not.toContain('already exists');
    expect(git(dir, 'rev-list', '--count', `main..${branch}`)).toBe('1');
    expect(attempt(branch)).toMatch(/^4242\.2\/[0-9a-f]{12}\.1$/);
    expect(emu.pulls(name)).toHaveLength(1);
    expect(emu.pulls(name)[0]?.labels).toEqual(['deploy']);
  }, 60_000);

  it('the branch commit made and its answer dropped: reported as updated with that commit, one new commit', async () => {
    await serve();
    const first = await bump({ images: 'ghcr.io/acme/api:1.1.0', mode: 'pull-request' });
    expect(first.code, first.stdout).toBe(0);
    const branch = first.outputs['pull-request-branch']!;
    const before = rev(branch);
    emu.addFault({ operation: 'createCommitOnBranch', kind: 'network', after: true });
    const run = await bump({ images: 'ghcr.io/acme/api:1.2.0', mode: 'pull-request' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const head = rev(branch);
    expect(rev(`${head}^`)).toBe(before);
    expect(run.outputs).toMatchObject({ changed: 'true', 'pull-request-operation': 'updated', 'pull-request-number': first.outputs['pull-request-number'], 'commit-sha': head });
    expect(git(dir, 'show', `${branch}:apps/prod/pod.yaml`)).toBe(POD('1.2.0').trimEnd());
    expect(emu.pulls(name)).toHaveLength(1);
  });
});
