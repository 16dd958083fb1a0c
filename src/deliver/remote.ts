// API mode: read a snapshot of the GitOps repository through the GitHub API, plan, and commit it
// as one atomic, verified commit (or only report, in dry-run).
import { describePolicy } from '../image/policy.js';
import { createClient, type GitHubClient } from '../github/client.js';
import { pullRequestBranch } from '../core/branch.js';
import { commitPlan } from '../github/commit.js';
import { openOrUpdatePullRequest } from '../github/pull/open.js';
import { readSnapshot, type ReadOptions, type RemoteSnapshot, type RepoRef } from '../github/read.js';
import type { Io } from '../core/io.js';
import { plan } from '../core/plan.js';
import type { PromotionReport, RunContext } from '../report/context.js';
import { commitMessage, pullRequestBody, pullRequestTitle } from '../report/messages.js';
import { bumpResult, type BumpResult } from '../report/outputs.js';
import { checkUnmatched } from '../report/unmatched.js';
import type { Settings } from '../settings/types.js';
import type { Plan } from '../core/types.js';

/** Plans against one snapshot; the promotion source's skips and the snapshot's are listed with the plan's. */
export function planSnapshot(settings: Settings, snapshot: RemoteSnapshot, promotion?: PromotionReport): Plan {
  const p = plan(snapshot.files, settings.images, { policy: settings.policy });
  return { ...p, skipped: [...(promotion?.skipped ?? []), ...snapshot.skipped, ...p.skipped], selected: snapshot.selected };
}

/** planSnapshot, failing before anything is written when `fail-on-unmatched` is set and an image matched nothing. */
function planChecked(settings: Settings, snapshot: RemoteSnapshot, promotion?: PromotionReport): Plan {
  const p = planSnapshot(settings, snapshot, promotion);
  checkUnmatched(p, settings.failOnUnmatched, settings.pathPatterns);
  return p;
}

/** What every API-mode delivery shares: the client, the target, and the run context for messages and summaries. */
interface Remote {
  readonly settings: Settings;
  readonly io: Io;
  readonly client: GitHubClient;
  readonly target: RepoRef;
  readonly read: ReadOptions;
  readonly promotion?: PromotionReport;
  context(branch: string, commit?: { oid: string; url: string }): RunContext;
}

/** API-mode delivery. `env` is the runner's environment as the entry point read it (endpoints, the workflow's repository). */
export async function bumpRemote(settings: Settings, io: Io, promotion: PromotionReport | undefined, env: NodeJS.ProcessEnv): Promise<BumpResult> {
  const { owner, repo } = settings.repository!;
  const remote: Remote = {
    settings,
    io,
    client: createClient({ token: settings.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env }),
    target: { owner, repo, branch: settings.branch },
    read: { maxBytes: settings.maxFileBytes },
    promotion,
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
  if (settings.mode === 'dry-run') return dryRun(remote);
  if (settings.mode === 'pull-request') return pullRequest(remote);
  return commit(remote);
}

/** Reads and plans; writes nothing. */
async function dryRun({ settings, io, client, target, read, promotion, context }: Remote): Promise<BumpResult> {
  const snapshot = await io.group('Read files', async () => {
    const s = await readSnapshot(client, target, settings.paths, undefined, read);
    const skipped = s.skipped.length ? `, ${s.skipped.length} skipped` : '';
    io.info(
      `${s.selected ?? s.files.length} file(s) selected, ${s.files.length} read from ${s.nameWithOwner}@${s.branch} at ${s.head.slice(0, 7)}${skipped} ` +
        `(${client.stats().requests} request(s)).`,
    );
    return s;
  });
  const result = await io.group('Plan', async () => planChecked(settings, snapshot, promotion));
  return bumpResult(result, context(snapshot.branch));
}

/** One atomic, verified commit on the branch, race-safe. */
async function commit({ settings, io, client, target, read, promotion, context }: Remote): Promise<BumpResult> {
  const committed = await io.group('Commit', async () => {
    const result = await commitPlan(client, {
      target,
      paths: settings.paths,
      read,
      planner: (snapshot) => planChecked(settings, snapshot, promotion),
      message: (p) => commitMessage(settings.commitMessage, p, context(settings.branch ?? '')),
      log: (m) => io.debug(m),
    });
    const requests = client.stats().requests;
    io.info(
      result.commit
        ? `Committed ${result.commit.oid} on ${result.branch} (parent ${result.head.slice(0, 7)}; ${result.attempts} round(s), ${requests} request(s)).`
        : `Nothing to commit on ${result.branch} at ${result.head.slice(0, 7)} (${requests} request(s)).`,
    );
    return result;
  });
  return bumpResult(committed.plan, context(committed.branch, committed.commit));
}

/** One pull request per service and environment: created once, then updated in place (or closed). */
async function pullRequest({ settings, io, client, target, read, promotion, context }: Remote): Promise<BumpResult> {
  const pr = settings.pullRequest;
  const branch = pullRequestBranch(pr.branch, {
    environment: settings.environment,
    pathPatterns: settings.pathPatterns,
    images: settings.images.map((i) => i.ref.name),
    promotionFrom: promotion?.from,
  });
  const result = await io.group('Pull request', async () => {
    const r = await openOrUpdatePullRequest(client, {
      target,
      paths: settings.paths,
      read,
      branch,
      // The base is checked (its plan is what the pull request proposes); the pull-request branch's files are not.
      planner: (snapshot) => (snapshot.branch === branch ? planSnapshot(settings, snapshot, promotion) : planChecked(settings, snapshot, promotion)),
      message: (p) => commitMessage(settings.commitMessage, p, context(branch)),
      title: (p) => pullRequestTitle(pr.title, p, context(branch)),
      body: (p) => pullRequestBody(pr.body, p, context(branch), branch),
      labels: pr.labels,
      reviewers: pr.reviewers,
      teamReviewers: pr.teamReviewers,
      assignees: pr.assignees,
      draft: pr.draft,
      autoMerge: pr.autoMerge,
      log: (m) => io.debug(m),
      warn: (m) => io.warning(m),
    });
    const which = r.number === undefined ? 'no pull request' : `pull request #${r.number}`;
    io.info(`${which}: ${r.operation} (branch ${r.branch} → ${r.base}; ${r.attempts} round(s), ${client.stats().requests} request(s)).`);
    return r;
  });
  const ctx: RunContext = {
    ...context(result.base, result.commit),
    pullRequest: { operation: result.operation, number: result.number, url: result.url, branch: result.branch },
  };
  return bumpResult(result.plan, ctx);
}
