// API mode: dry-run, commit or pull-request, each a thin user of the GitHub layer over one shared Remote.
// Loaded only when the run goes through the API (local bumps start faster without the GitHub code).
import type { Io } from '../core/io.js';
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
