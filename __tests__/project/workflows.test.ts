// The GitHub-side workflows: every remote action pinned by a full commit SHA, least-privilege permissions,
// and a self-test whose `uses: ./` steps pass only inputs action.yml declares. The self-test's own check
// step is then run here against the built bundle, so a workflow that would fail on GitHub fails locally first.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runAction } from '../support/action.js';

type Permissions = 'read-all' | 'write-all' | Record<string, 'read' | 'write' | 'none'>;

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number | boolean>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly 'timeout-minutes'?: number;
  readonly permissions?: Permissions;
  readonly steps?: readonly Step[];
  readonly uses?: string;
}

interface Workflow {
  readonly name?: string;
  readonly on?: unknown;
  readonly permissions?: Permissions;
  readonly jobs: Record<string, Job>;
}

const dir = join(repoRoot, '.github/workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows = new Map(files.map((f) => [f, parse(readFileSync(join(dir, f), 'utf8')) as Workflow]));
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };

/** Every `uses:` in a workflow, job-level (reusable workflows) and step-level, with where it sits. */
function usesOf(workflow: Workflow): { where: string; uses: string }[] {
  const out: { where: string; uses: string }[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    if (job.uses) out.push({ where: jobName, uses: job.uses });
    for (const [i, step] of (job.steps ?? []).entries()) {
      if (step.uses) out.push({ where: `${jobName}.steps[${i}]`, uses: step.uses });
    }
  }
  return out;
}

const isLocal = (uses: string) => uses.startsWith('./') || uses.startsWith('docker://');
const PINNED = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+(\/[^@\s]+)?@[0-9a-f]{40}$/;

describe('.github/workflows', () => {
  it('holds ci, check-dist, self-test and codeql', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'check-dist.yml', 'self-test.yml', 'codeql.yml']));
  });

  it.each(files)('%s pins every remote action by a full 40-hex commit SHA with the version in a trailing comment', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const remote = usesOf(workflows.get(file)!).filter((u) => !isLocal(u.uses));
    expect(remote.length, `${file} uses no remote action`).toBeGreaterThan(0);
    for (const { where, uses } of remote) {
      expect(uses, `${file} ${where}`).toMatch(PINNED);
      const line = text.split('\n').find((l) => l.includes(`uses: ${uses}`));
      expect(line, `${file} ${where}: the version as a trailing comment`).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('pins one action to one SHA across all workflows (no drift between files)', () => {
    const pins = new Map<string, Set<string>>();
    for (const workflow of workflows.values()) {
      for (const { uses } of usesOf(workflow).filter((u) => !isLocal(u.uses))) {
        const [name, sha] = uses.split('@') as [string, string];
        const repo = name.split('/').slice(0, 2).join('/');
        pins.set(repo, (pins.get(repo) ?? new Set()).add(sha));
      }
    }
    for (const [repo, shas] of pins) expect([...shas], repo).toHaveLength(1);
  });

  it.each(files)('%s declares permissions at workflow level (none) and grants each job only what it needs', (file) => {
    const workflow = workflows.get(file)!;
    expect(workflow.permissions, `${file}: workflow-level permissions`).toEqual({});
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const permissions = job.permissions;
      expect(permissions, `${file} job ${name}: permissions`).toBeTypeOf('object');
      const grants = permissions as Record<string, string>;
      const writes = Object.entries(grants).filter(([, v]) => v === 'write').map(([k]) => k);
      // Only CodeQL may write, and only its results.
      expect(writes, `${file} job ${name}: write scopes`).toEqual(file === 'codeql.yml' ? ['security-events'] : []);
    }
  });

  it.each(files)('%s bounds every job with timeout-minutes', (file) => {
    for (const [name, job] of Object.entries(workflows.get(file)!.jobs)) {
      expect(job['timeout-minutes'], `${file} job ${name}`).toBeGreaterThan(0);
    }
  });

  it.each(files)('%s checks out without persisting credentials', (file) => {
    for (const job of Object.values(workflows.get(file)!.jobs)) {
      for (const step of (job.steps ?? []).filter((s) => s.uses?.startsWith('actions/checkout@'))) {
        expect(step.with?.['persist-credentials'], file).toBe(false);
      }
    }
  });

  it('ci runs npm ci, typecheck, lint and npm test under Node 24 on push and pull_request', () => {
    const ci = workflows.get('ci.yml')!;
    expect(Object.keys(ci.on as object).sort()).toEqual(['pull_request', 'push']);
    const steps = Object.values(ci.jobs).flatMap((j) => j.steps ?? []);
    const runs = steps.flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(runs).toEqual(['npm ci --no-audit --no-fund', 'npm run typecheck', 'npm run lint', 'npm test']);
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(24);
  });

  it('check-dist rebuilds and fails on any difference in dist/', () => {
    const steps = Object.values(workflows.get('check-dist.yml')!.jobs).flatMap((j) => j.steps ?? []);
    const script = steps.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('npm run build');
    expect(script).toContain('git diff --exit-code -- dist/');
    expect(script.indexOf('npm run build')).toBeLessThan(script.indexOf('git diff --exit-code'));
  });
});

describe('self-test.yml', () => {
  const job = Object.values(workflows.get('self-test.yml')!.jobs)[0]!;
  const steps = job.steps ?? [];
  const own = steps.filter((s) => s.uses === './');

  it('runs the action itself (uses: ./) in dry-run on examples/gitops-repo, with only inputs action.yml declares', () => {
    expect(own.length).toBeGreaterThan(0);
    for (const step of own) {
      expect(step.id, 'each run has an id so later steps can read its outputs').toBeTruthy();
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${step.id}: with.${key}`).toContain(key);
      expect(step.with?.mode).toBe('dry-run');
      expect(step.with?.['local-path']).toBe('examples/gitops-repo');
    }
  });

  it('checks the outputs in a later step, and the check passes against the built bundle', async () => {
    const outputs = new Map<string, Record<string, string>>();
    for (const step of own) {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
      const run = await runAction(inputs, { cwd: repoRoot });
      expect(run.code, `${step.id}: ${run.stdout}${run.stderr}`).toBe(0);
      outputs.set(step.id!, run.outputs);
    }
    const check = steps.find((s, i) => i > steps.lastIndexOf(own.at(-1)!) && s.run && s.env);
    expect(check, 'a step after the runs that reads their outputs').toBeDefined();
    const env: Record<string, string> = {};
    for (const [name, expression] of Object.entries(check!.env!)) {
      const m = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(expression);
      expect(m, `${name} reads a step output`).not.toBeNull();
      expect(outputs.has(m![1]!), `${name}: step ${m![1]} is one of the runs`).toBe(true);
      env[name] = outputs.get(m![1]!)![m![2]!] ?? '';
    }
    const result = spawnSync('bash', ['-eo', 'pipefail', '-c', check!.run!], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      encoding: 'utf8',
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('self-test outputs as expected');

    // The same check fails when an output is wrong: it is not a check that cannot fail.
    const broken = spawnSync('bash', ['-eo', 'pipefail', '-c', check!.run!], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env, BUMP_CHANGED: 'false' },
      encoding: 'utf8',
    });
    expect(broken.status).not.toBe(0);
  });

  it('ends by checking that the dry-runs wrote nothing', () => {
    expect(steps.at(-1)?.run?.trim()).toBe('git diff --exit-code -- examples/');
  });
});
