// The provenance inputs: `source-repository` (none: off), `source-sha`, `source-token`, with the runner's defaults
// (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_RUN_ID) passed in by the entry point.
import { InputError } from './errors.js';
import { parseRepository, printable } from './parse.js';
import type { InputReader, ProvenanceSettings, Repository } from './types.js';

const SHA = /^[0-9a-fA-F]{40}$/;

function sameRepository(a: Repository, b: Repository | undefined): boolean {
  return b !== undefined && a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

/** The runner's repository, when GITHUB_REPOSITORY is one (a malformed value is no default, never an error). */
function workflowRepository(env: NodeJS.ProcessEnv): Repository | undefined {
  try {
    return parseRepository(env.GITHUB_REPOSITORY ?? '', 'source-repository');
  } catch {
    return undefined;
  }
}

/** The web root: GITHUB_SERVER_URL (GHES), else github.com. */
export function serverUrlOf(env: NodeJS.ProcessEnv): string {
  const given = (env.GITHUB_SERVER_URL ?? '').trim().replace(/\/+$/, '');
  return /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(given) ? given : 'https://github.com';
}

/**
 * Reads the provenance inputs; undefined for `source-repository: none`. The source commit defaults to GITHUB_SHA
 * only when the source is the workflow's own repository (GITHUB_SHA names a commit there, not in another).
 */
export function readProvenance(read: InputReader, env: NodeJS.ProcessEnv, token: string): ProvenanceSettings | undefined {
  const given = read('source-repository').trim();
  const shaInput = read('source-sha').trim();
  if (given.toLowerCase() === 'none') {
    if (shaInput !== '') throw new InputError('source-sha', "is set while source-repository is 'none' (provenance off): remove one of them.");
    return undefined;
  }
  if (shaInput !== '' && !SHA.test(shaInput)) {
    throw new InputError('source-sha', `'${printable(shaInput.slice(0, 80))}' is not a full commit sha (40 hex digits).`);
  }
  const workflow = workflowRepository(env);
  const repository = given === '' ? workflow : parseRepository(given, 'source-repository');
  if (shaInput !== '' && repository === undefined) {
    throw new InputError('source-repository', 'is required with source-sha outside GitHub Actions: the owner/name the sha belongs to.');
  }
  const runnerSha = (env.GITHUB_SHA ?? '').trim();
  const sha = shaInput !== '' ? shaInput : repository !== undefined && sameRepository(repository, workflow) && SHA.test(runnerSha) ? runnerSha : undefined;
  const serverUrl = serverUrlOf(env);
  const runId = (env.GITHUB_RUN_ID ?? '').trim();
  const builtBy = workflow !== undefined && /^\d+$/.test(runId) ? `${serverUrl}/${workflow.owner}/${workflow.repo}/actions/runs/${runId}` : undefined;
  return { repository, sha: sha?.toLowerCase(), builtBy, serverUrl, token: read('source-token').trim() || token, named: given !== '' };
}
