// Pull-request mode: one pull request per service and environment, created once, then updated in place (or
// closed), through github/pull/; the plan the pull request proposes is reported before anything is written.
import { pullRequestBranch } from '../core/branch.js';
import { openOrUpdatePullRequest } from '../github/pull/open.js';
import type { RunContext } from '../report/context.js';
import { commitMessage, pullRequestBody, pullRequestTitle } from '../report/messages.js';
import { bumpResult, type BumpResult } from '../report/outputs.js';
import { planChecked, planReporter, planSnapshot, type Remote } from './remote.js';

export async function pullRequest(remote: Remote): Promise<BumpResult> {
  const { settings, io, client, target, read, context, promotion } = remote;
  const pr = settings.pullRequest;
  const branch = pullRequestBranch(pr.branch, {
    environment: settings.environment,
    pathPatterns: settings.pathPatterns,
    images: settings.images.map((i) => i.ref.name),
    promotionFrom: promotion?.from,
  });
  const result = await openOrUpdatePullRequest(client, {
    target,
    paths: settings.paths,
    read,
    branch,
    // The base is checked (its plan is what the pull request proposes); the pull-request branch's files are not.
    planner: (snapshot) => (snapshot.branch === branch ? planSnapshot(settings, snapshot, promotion) : planChecked(settings, snapshot, promotion)),
    onPlan: planReporter(remote),
    message: (p) => commitMessage(settings.commitMessage, p, context(branch)),
    title: (p) => pullRequestTitle(pr.title, p, context(branch)),
    body: (p) => pullRequestBody(pr.body, p, context(branch), branch),
    labels: pr.labels,
    reviewers: pr.reviewers,
    teamReviewers: pr.teamReviewers,
    assignees: pr.assignees,
    draft: pr.draft,
    autoMerge: pr.autoMerge,
    maxTotalMs: settings.raceTimeoutMs,
    log: (m) => io.debug(m),
    warn: (m) => io.warning(m),
  });
  await io.group('Pull request', async () => {
    const which = result.number === undefined ? 'no pull request' : `pull request #${result.number}`;
    io.info(`${which}: ${result.operation} (branch ${result.branch} → ${result.base}; ${result.attempts} round(s), ${client.stats().requests} request(s)).`);
  });
  const ctx: RunContext = {
    ...context(result.base, result.commit),
    pullRequest: { operation: result.operation, number: result.number, url: result.url, branch: result.branch },
  };
  return bumpResult(result.plan, ctx);
}
