// Each of GitHub's error shapes (issue 12, item 7) through the built bundle against the emulator answering it
// as GitHub does: the message the action prints, its exit code, and that nothing was written.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type RepoOptions } from '../emulator/index.js';
import { repoRoot, runAction, type ActionRun } from '../support/action.js';
import { git, gitRepo } from '../support/repo.js';

let emu: Emulator;
let dir: string;
let name: string;
const made: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ repos: [], updateRefsPreview: true });
});
afterAll(async () => {
  await emu.stop();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  expect(emu.contractViolations).toEqual([]);
  emu.clearFaults();
});

async function serve(options: Partial<RepoOptions> = {}): Promise<void> {
  dir = gitRepo({ source: join(repoRoot, 'examples/gitops-repo') });
  made.push(dir);
  name = `acme/errors-${made.length}`;
  await emu.addRepo({ name, dir, ...options });
}

function bump(inputs: Record<string, string>, api = emu.url): Promise<ActionRun> {
  return runAction(
    { repository: name, token: 'ghs_errors_token', images: 'ghcr.io/acme/api:1.5.0', paths: 'apps/api/overlays/prod/**', ...inputs },
    { env: { GITHUB_API_URL: api, GITHUB_REPOSITORY: name } },
  );
}

const refs = (): string => git(dir, 'for-each-ref', '--format=%(refname) %(objectname)');
const errorLine = (run: ActionRun): string | undefined => run.stdout.split('\n').find((l) => l.startsWith('::error::'));
const writes = (): number => emu.requests.filter((r) => r.mutation && r.status === 200).length;

describe('rulesets', () => {
  it('commit mode on a branch a ruleset keeps for pull requests: names the branch, suggests mode: pull-request, exit 1, nothing written', async () => {
    await serve({ rulesets: [{ pattern: '~DEFAULT_BRANCH', rule: 'pull-request' }] });
    const before = refs();
    const run = await bump({});
    expect(run.code, run.stdout).toBe(1);
    expect(errorLine(run)).toBe(
      `::error::branch 'main' of ${name} is protected and refused the commit (Repository rule violations found Changes must be made through a pull request.): ` +
        "use `mode: pull-request`, or allow the token's actor to bypass the protection",
    );
    expect(refs()).toBe(before);
    expect(run.outputs.changed).not.toBe('true');
  });

  it('pull-request mode, the same ruleset: the pull request opens (the rule is what it asks for)', async () => {
    await serve({ rulesets: [{ pattern: 'main', rule: 'pull-request' }] });
    const main = git(dir, 'rev-parse', 'main');
    const run = await bump({ mode: 'pull-request' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(git(dir, 'rev-parse', 'main')).toBe(main);
  });

  it('pull-request mode where a ruleset restricts creating the branch: names it and the way out, nothing written', async () => {
    await serve({ rulesets: [{ pattern: 'gitops-bump/**', rule: 'restrict-creations' }] });
    const before = refs();
    const run = await bump({ mode: 'pull-request' });
    expect(run.code, run.stdout).toBe(1);
    expect(errorLine(run)).toMatch(
      new RegExp(`^::error::the pull-request branch 'gitops-bump/prod/api' of ${name} is protected \\(UNPROCESSABLE: Repository rule violations found Cannot create ref due to creations being restricted\\.[^)]*\\): exclude it from the branch protection or ruleset`),
    );
    expect(refs()).toBe(before);
    expect(emu.pulls(name)).toEqual([]);
  });
});

describe('a branch-name clash (D/F)', () => {
  it.each([['gitops-bump'], ['gitops-bump/prod'], ['gitops-bump/prod/api/old']])('%s exists: the message names both branches, exit 1, nothing written', async (existing) => {
    await serve();
    git(dir, 'branch', existing, 'main');
    const before = refs();
    const run = await bump({ mode: 'pull-request' });
    expect(run.code, run.stdout).toBe(1);
    expect(errorLine(run)).toBe(
      `::error::the pull-request branch 'gitops-bump/prod/api' cannot be created in ${name} because the branch '${existing}' exists: ` +
        `git cannot hold two branches when one's name is a folder of the other's ('${existing}', 'gitops-bump/prod/api'): ` +
        `delete or rename '${existing}' if nothing needs it, or choose another name with \`pr-branch\``,
    );
    expect(refs()).toBe(before);
    expect(emu.pulls(name)).toEqual([]);
  });
});

describe('rate limits as GitHub words them', () => {
  it.each([
    ['a GraphQL primary limit as RATE_LIMIT / graphql_rate_limit (HTTP 200)', { kind: 'primary-rate-limit', variant: 'RATE_LIMIT' }, /GraphQL rate limit \(RATE_LIMIT\)/],
    ['a GraphQL primary limit as RATE_LIMITED (HTTP 200)', { kind: 'primary-rate-limit' }, /GraphQL rate limit \(RATE_LIMITED\)/],
    ['a secondary limit as 403 with retry-after', { kind: 'secondary-rate-limit' }, /secondary rate limit \(retry-after\)/],
    ['a secondary limit as 429 with retry-after', { kind: 'secondary-rate-limit', variant: 429 }, /secondary rate limit \(retry-after\)/],
    ['a secondary limit as HTTP 200 with errors', { kind: 'secondary-rate-limit', variant: 200 }, /GraphQL secondary rate limit/],
  ] as const)('%s: waits as asked, then commits', async (_name, fault, logged) => {
    await serve();
    const before = git(dir, 'rev-parse', 'main');
    emu.resetLog();
    emu.addFault({ operation: 'createCommitOnBranch', retryAfter: 1, ...fault });
    const run = await bump({});
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(logged);
    expect(git(dir, 'rev-parse', 'main^')).toBe(before);
    expect(emu.requests.filter((r) => r.fault !== undefined)).toHaveLength(1);
    expect(writes()).toBeGreaterThan(0);
  });
});

describe('GHES 3.12', () => {
  it('updateRefs needs the update-refs preview there: the action asks for it, and its pull request opens over /api/v3', async () => {
    await serve();
    emu.resetLog();
    const run = await bump({ mode: 'pull-request' }, `${emu.url}/api/v3`);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(emu.requests.some((r) => r.path === '/api/graphql' && r.operation.includes('updateRefs') && r.status === 200)).toBe(true);
  });
});
