// Shared fixtures of the pull-request tests: the emulator with one repository, deployments, a spec with the real planner.
import { afterEach, expect } from 'vitest';
import { startEmulator } from '../../../emulator/index.js';
import { createClient } from '../../../../src/github/client.js';
import type { PullRequestSpec } from '../../../../src/github/pull/open.js';
import { compilePaths } from '../../../../src/core/paths.js';
import { plan } from '../../../../src/core/plan.js';
import { parseImages } from '../../../../src/settings/parse.js';
import type { Plan } from '../../../../src/core/types.js';
import { cleanupRepos, makeRepo, show } from '../helpers.js';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type EmulatorOptions = Parameters<typeof startEmulator>[0];
export type RepoOptions = EmulatorOptions['repos'][number];

export const NAME = 'acme/gitops';
export const target = { owner: 'acme', repo: 'gitops' };
export const BRANCH = 'gitops-bump/prod/api';
export const API = 'apps/prod/api.yaml';
export const WEB = 'apps/prod/web.yaml';
export const DEPLOY = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;
export const FILES = {
  [API]: DEPLOY('ghcr.io/acme/api:1.0.0'),
  [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0'),
  'apps/dev/api.yaml': DEPLOY('ghcr.io/acme/api:0.9.0'),
};

let emu: Emulator | undefined;

/** Registers the clean-up of the emulator `start` starts: no contract violation, stopped, repositories removed. */
export function useEmulator(): void {
  afterEach(async () => {
    expect(emu?.contractViolations ?? []).toEqual([]);
    await emu?.stop();
    emu = undefined;
    cleanupRepos();
  });
}

/** Starts the emulator serving NAME with `files` (FILES by default). */
export async function start(repo: Partial<RepoOptions> = {}, options: Partial<EmulatorOptions> = {}, files: Record<string, string> = FILES) {
  const dir = makeRepo(files);
  emu = await startEmulator({ ...options, repos: [{ name: NAME, dir, ...repo }] });
  return { emu, dir: emu.repoDir(NAME) };
}

export function client(url: string) {
  return createClient({ token: 'tok', apiUrl: url, retry: { baseMs: 1, maxMs: 10 } });
}

const describePlan = (p: Plan) => p.changes.map((c) => `${c.image.split('/').pop() ?? c.image} ${c.from} → ${c.to}`).join(', ');

/** A spec with the real planner (`plan` over `parseImages`) and the 'newer' policy. */
export function spec(images: string, extra: Partial<PullRequestSpec> = {}): PullRequestSpec & { warnings: string[] } {
  const requests = parseImages(images);
  const warnings: string[] = [];
  return {
    target,
    paths: compilePaths(['apps/prod/api.yaml', 'apps/prod/web.yaml']),
    branch: BRANCH,
    planner: (snapshot) => plan(snapshot.files, requests, { policy: { kind: 'newer' } }),
    policy: { kind: 'newer' },
    message: (p) => ({ headline: `Bump ${describePlan(p)}` }),
    title: (p) => `Bump ${describePlan(p)} in prod`,
    body: (p) => p.changes.map((c) => `- ${c.file}:${c.line} ${c.from} → ${c.to}`).join('\n'),
    backoff: { baseMs: 1, maxMs: 20 },
    warn: (m) => warnings.push(m),
    warnings,
    ...extra,
  };
}

export function text(dir: string, rev: string, path: string): string {
  return show(dir, rev, path).toString('utf8');
}
