// What every delivery through GitHub shares: the client, the target, the run context for messages and summaries,
// the planner, and the plan's report before anything is written.
import { checkRefused, withGateRefusals } from '../core/gates.js';
import { randomBytes } from 'node:crypto';
import { plan } from '../core/plan.js';
import { chartSourceReader } from './chart-sources.js';
import type { Io } from '../core/io.js';
import type { Plan } from '../core/types.js';
import { createClient, type GitHubClient } from '../github/client.js';
import { gate } from '../github/limit.js';
import type { ReadOptions, RemoteSnapshot, RepoRef } from '../github/read.js';
import { describePolicy } from '../image/policy.js';
import type { PromotionReport, RunContext } from '../report/context.js';
import { reportPlan } from '../report/log.js';
import { checkUnmatched } from '../report/unmatched.js';
import type { Settings } from '../settings/types.js';
import { provenanceReader, type ProvenanceReader } from './provenance.js';

/** What every API-mode delivery shares: the client, the target, and the run context for messages and summaries. */
export interface Remote {
  readonly settings: Settings;
  readonly io: Io;
  readonly client: GitHubClient;
  readonly target: RepoRef;
  readonly read: ReadOptions;
  readonly promotion: PromotionReport | undefined;
  /** This run's part of the attempt trailer its commits carry (see `runTag`). */
  readonly runTag: string;
  /** Reads what a plan ships (provenance); undefined when off or no source repository is known. */
  readonly provenance: ProvenanceReader | undefined;
  context(branch: string, commit?: { oid: string; url: string }): RunContext;
}

/**
 * This run's part of the `Gitops-Bump-Attempt` trailer: `<GITHUB_RUN_ID>.<GITHUB_RUN_ATTEMPT>` on a runner (`local`
 * elsewhere), `/`, and a random nonce, so that two jobs of one workflow run, or two CLI runs, never share it.
 */
export function runTag(env: NodeJS.ProcessEnv, nonce: string = randomBytes(6).toString('hex')): string {
  const safe = (value: string | undefined): string | undefined => (value !== undefined && /^[\w.-]+$/.test(value.trim()) ? value.trim() : undefined);
  const id = safe(env.GITHUB_RUN_ID);
  return `${id === undefined ? 'local' : `${id}.${safe(env.GITHUB_RUN_ATTEMPT) ?? '1'}`}/${nonce}`;
}

/** Plans against one snapshot; the promotion source's skips and the snapshot's are listed with the plan's. */
export function planSnapshot(settings: Settings, snapshot: RemoteSnapshot, promotion?: PromotionReport): Plan {
  const options = {
    policy: settings.policy,
    charts: settings.charts,
    chartAppVersion: settings.chartAppVersion,
    ...(snapshot.chartSources !== undefined && { chartSources: snapshot.chartSources }),
  };
  const p = withGateRefusals(plan(snapshot.files, settings.images, options), snapshot.files, promotion, options);
  return { ...p, skipped: [...(promotion?.skipped ?? []), ...snapshot.skipped, ...p.skipped], notes: [...(promotion?.notes ?? []), ...p.notes], selected: snapshot.selected };
}

/** planSnapshot, failing before anything is written when `fail-on-unmatched` is set and an image matched nothing. */
export function planChecked(settings: Settings, snapshot: RemoteSnapshot, promotion?: PromotionReport): Plan {
  const p = planSnapshot(settings, snapshot, promotion);
  checkUnmatched(p, settings.failOnUnmatched, settings.pathPatterns);
  checkRefused(p, settings.failOnRefused);
  return p;
}

/** The read line of a snapshot: files selected, read, skipped, and the requests so far. */
export function readLine(client: GitHubClient, s: RemoteSnapshot): string {
  const skipped = s.skipped.length ? `, ${s.skipped.length} skipped` : '';
  return (
    `${s.selected ?? s.files.length} file(s) selected, ${s.files.length} read from ${s.nameWithOwner}@${s.branch} at ${s.head.slice(0, 7)}${skipped} ` +
    `(${client.stats().requests} request(s)).`
  );
}

/** Bytes of text read past which the plan's log suggests narrowing `paths` (5 MB). */
export const LARGE_READ_BYTES = 5_000_000;

/** The large-read line: how much a run read to find its references, when that is over `threshold` bytes. */
export function largeReadLine(s: RemoteSnapshot, threshold: number = LARGE_READ_BYTES): string | undefined {
  if (s.bytesRead <= threshold) return undefined;
  const mb = (s.bytesRead / 1_000_000).toFixed(1);
  return `read ${mb} MB in ${s.textsRead} files to find the references; narrow \`paths\` to the folders that hold them to read less`;
}

/**
 * The plan, reported in the "Plan" log group before anything is written. A later round (the branch moved and the
 * plan was made again) is reported again only when what it would do differs from what was reported.
 */
export function planReporter(
  remote: Remote,
  options: { readonly largeReadBytes?: number } = {},
): (plan: Plan, snapshot: RemoteSnapshot, attempt: number) => Promise<void> {
  let reported: string | undefined;
  return async (plan, snapshot, attempt) => {
    const key = JSON.stringify([plan.changes, plan.refusals, plan.notes, plan.skipped]);
    if (key === reported) {
      remote.io.debug(`round ${attempt}: the plan against ${snapshot.head.slice(0, 7)} is the one reported`);
      return;
    }
    const name = reported === undefined ? 'Plan' : `Plan again (round ${attempt}: the branch moved)`;
    reported = key;
    await remote.io.group(name, async () => {
      remote.io.info(readLine(remote.client, snapshot));
      const large = largeReadLine(snapshot, options.largeReadBytes);
      if (large !== undefined) remote.io.info(large);
      reportPlan(remote.io, plan, remote.settings.pathPatterns);
    });
  };
}

/** The shared parts of an API-mode run. `env` is the runner's environment as the entry point read it. */
export function createRemote(settings: Settings, io: Io, promotion: PromotionReport | undefined, env: NodeJS.ProcessEnv): Remote {
  const { owner, repo } = settings.repository!;
  const client = createClient({ token: settings.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
  const target = { owner, repo, branch: settings.branch };
  // One gate for every read of the run: reads side by side (a pull request's branch and base files) keep the bound together.
  const read: ReadOptions = { maxBytes: settings.maxFileBytes, gate: gate() };
  const complete = chartSourceReader(client, target, settings.charts, read);
  return {
    settings,
    io,
    client,
    provenance: provenanceReader(settings, io, client, env, promotion),
    target,
    read: complete === undefined ? read : { ...read, complete },
    promotion,
    runTag: runTag(env),
    context: (branch, commit) => ({
      mode: settings.mode,
      environment: settings.environment,
      target: `${owner}/${repo}`,
      branch,
      commit,
      policy: describePolicy(settings.policy),
      promotion,
      serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
      paths: settings.pathPatterns,
    }),
  };
}
