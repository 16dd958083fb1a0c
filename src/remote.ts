// API mode: read a snapshot of the GitOps repository through the GitHub API, plan, and commit it
// as one atomic, verified commit (or only report, in dry-run).
import { describePolicy } from './image/policy.js';
import { createClient } from './github/client.js';
import { pullRequestBranch } from './branch.js';
import { commitPlan } from './github/commit.js';
import { openOrUpdatePullRequest } from './github/pull.js';
import { readSnapshot, type RemoteSnapshot, type RepoRef } from './github/source.js';
import type { BumpResult, Io } from './main.js';
import { plan } from './plan.js';
import {
  commitMessage,
  outcomeLine,
  planDiff,
  pullRequestBody,
  pullRequestTitle,
  type PromotionReport,
  type RunContext,
} from './report.js';
import type { Settings } from './settings.js';
import type { Plan } from './types.js';

/** Plans against one snapshot; the snapshot's skips are listed with the plan's. */
export function planSnapshot(settings: Settings, snapshot: RemoteSnapshot): Plan {
  const p = plan(snapshot.files, settings.images, { policy: settings.policy });
  return { ...p, skipped: [...snapshot.skipped, ...p.skipped] };
}

export async function bumpRemote(settings: Settings, io: Io, promotion?: PromotionReport, env: NodeJS.ProcessEnv = process.env): Promise<BumpResult> {
  const { owner, repo } = settings.repository!;
  const target: RepoRef = { owner, repo, branch: settings.branch };
  const client = createClient({ token: settings.token, log: (m) => io.debug(m), userAgent: 'gitops-bump' });
  const context = (branch: string, commit?: { oid: string; url: string }): RunContext => ({
    mode: settings.mode,
    environment: settings.environment,
    target: `${owner}/${repo}`,
    branch,
    commit,
    policy: describePolicy(settings.policy),
    promotion,
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
  });
  const read = { maxBytes: settings.maxFileBytes };

  if (settings.mode === 'dry-run') {
    const snapshot = await io.group('Read files', async () => {
      const s = await readSnapshot(client, target, settings.paths, undefined, read);
      io.info(`${s.files.length} file(s) read from ${owner}/${repo}@${s.branch} at ${s.head.slice(0, 7)} (${client.stats().requests} request(s)).`);
      return s;
    });
    const result = await io.group('Plan', async () => planSnapshot(settings, snapshot));
    const ctx = context(snapshot.branch);
    return { plan: result, context: ctx, outcome: outcomeLine(result, ctx), diff: planDiff(result) };
  }

  if (settings.mode === 'pull-request') {
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
        planner: (snapshot) => planSnapshot(settings, snapshot),
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
      const where = r.number === undefined ? 'no pull request' : `pull request #${r.number}`;
      io.info(`${where}: ${r.operation} (branch ${r.branch} → ${r.base}; ${r.attempts} round(s), ${client.stats().requests} request(s)).`);
      return r;
    });
    const ctx: RunContext = {
      ...context(result.base, result.commit),
      pullRequest: { operation: result.operation, number: result.number, url: result.url, branch: result.branch },
    };
    return { plan: result.plan, context: ctx, outcome: outcomeLine(result.plan, ctx), diff: planDiff(result.plan) };
  }

  const committed = await io.group('Commit', async () => {
    const result = await commitPlan(client, {
      target,
      paths: settings.paths,
      read,
      planner: (snapshot) => planSnapshot(settings, snapshot),
      message: (p) => commitMessage(settings.commitMessage, p, context(settings.branch ?? '')),
      log: (m) => io.debug(m),
    });
    const stats = client.stats();
    io.info(
      result.commit
        ? `Committed ${result.commit.oid} on ${result.branch} (parent ${result.head.slice(0, 7)}; ${result.attempts} round(s), ${stats.requests} request(s)).`
        : `Nothing to commit on ${result.branch} at ${result.head.slice(0, 7)} (${stats.requests} request(s)).`,
    );
    return result;
  });
  const ctx = context(committed.branch, committed.commit);
  return { plan: committed.plan, context: ctx, outcome: outcomeLine(committed.plan, ctx), diff: planDiff(committed.plan) };
}
