// API mode: dry-run, commit or pull-request, each a thin user of the GitHub layer over one shared Remote.
// Loaded only when the run goes through the API (local bumps start faster without the GitHub code); the
// promotion source's API read comes through here too, so the GitHub code is one lazily loaded chunk.
import type { AgeSource } from '../core/age.js';
import type { GateFacts, GateRules } from '../core/gates.js';
import type { Io } from '../core/io.js';
import type { PathMatcher } from '../core/paths.js';
import { createClient } from '../github/client.js';
import { HISTORY, readGateFacts } from '../github/gates.js';
import { readSnapshot, type RemoteSnapshot, type RepoRef } from '../github/read.js';
import type { PromotionReport } from '../report/context.js';
import type { BumpResult } from '../report/outputs.js';
import type { Settings } from '../settings/types.js';
import { commit } from './commit.js';
import { dryRun } from './dry-run.js';
import { pullRequest } from './pull-request.js';
import { createRemote } from './remote.js';

/** API-mode delivery. `env` is the runner's environment as the entry point read it (endpoints, the workflow's repository). */
export function bumpRemote(settings: Settings, io: Io, promotion: PromotionReport | undefined, env: NodeJS.ProcessEnv): Promise<BumpResult> {
  const remote = createRemote(settings, io, promotion, env);
  if (settings.mode === 'dry-run') return dryRun(remote);
  if (settings.mode === 'pull-request') return pullRequest(remote);
  return commit(remote);
}

/**
 * One snapshot of a promotion source read through the API (another repository, or the target's own branch):
 * here, so that the GitHub code stays in the one lazily loaded module.
 */
export function readRemoteSource(
  source: { readonly token: string; readonly target: RepoRef; readonly paths: PathMatcher; readonly maxBytes: number },
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<RemoteSnapshot> {
  const client = createClient({ token: source.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
  return readSnapshot(client, source.target, source.paths, undefined, { maxBytes: source.maxBytes });
}

/** The promotion gates' facts (github/gates.ts), read with the source's token: one query. */
export function readRemoteGates(
  source: { readonly token: string; readonly target: RepoRef; readonly head: string },
  files: readonly string[],
  rules: GateRules,
  now: Date,
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<GateFacts> {
  const client = createClient({ token: source.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
  return readGateFacts(client, { owner: source.target.owner, repo: source.target.repo, head: source.head }, files, rules, now);
}

/**
 * The histories of `files` at `head` for the report's ages: the gates' query without its status part (one request,
 * one alias per file, HISTORY commits each).
 */
export async function readRemoteHistories(
  source: { readonly token: string; readonly target: RepoRef; readonly head: string },
  files: readonly string[],
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<AgeSource> {
  const client = createClient({ token: source.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
  const facts = await readGateFacts(client, { owner: source.target.owner, repo: source.target.repo, head: source.head }, files, { requireStatus: [] }, new Date(0));
  return { histories: facts.histories, window: HISTORY };
}
