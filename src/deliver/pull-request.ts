// Pull-request mode: one pull request per service and environment, created once, then updated in place (or
// closed), through github/pull/; the plan the pull request proposes is reported before anything is written.
import { pullRequestBranch } from '../core/branch.js';
import { openOrUpdatePullRequest } from '../github/pull/open.js';
import type { RunContext } from '../report/context.js';
import { commitMessage, pullRequestBody, pullRequestTitle } from '../report/messages.js';
import { bumpResult, type BumpResult } from '../report/outputs.js';
import { shippedIn, withProvenance, withShippedRead } from './provenance.js';
import { planChecked, planReporter, planSnapshot, type Remote } from './remote.js';

export async function pullRequest(remote: Remote): Promise<BumpResult> {
  const { settings, io, client, target, read, context, promotion } = remote;
  const pr = settings.pullRequest;
  const branch = pullRequestBranch(pr.branch, {
    environment: settings.environment,
    pathPatterns: settings.pathPatterns,
    // Charts join the images: a run moving an image and its chart has one branch (`api` once).
    images: [...settings.images.map((i) => i.ref.name), ...settings.charts.map((c) => c.ref.name)],
    promotionFrom: promotion?.from,
  });
  const result = await openOrUpdatePullRequest(client, {
    target,
    paths: settings.paths,
    read,
    branch,
    // The base is checked (its plan is what the pull request proposes); the pull-request branch's files are not.
    planner: (snapshot) => (snapshot.branch === branch ? planSnapshot(settings, snapshot, promotion) : planChecked(settings, snapshot, promotion)),
    policy: settings.policy,
    onPlan: withShippedRead(remote, planReporter(remote)),
    message: (p) => withProvenance(commitMessage(settings.commitMessage, p, shippedIn(remote, p, context(branch))), p, settings.provenance, remote.provenance?.context(p)),
    title: (p) => pullRequestTitle(pr.title, p, context(branch)),
    body: (p) => pullRequestBody(pr.body, p, shippedIn(remote, p, context(branch)), branch),
    labels: pr.labels,
    reviewers: pr.reviewers,
    teamReviewers: pr.teamReviewers,
    assignees: pr.assignees,
    draft: pr.draft,
    autoMerge: pr.autoMerge,
    maxTotalMs: settings.raceTimeoutMs,
    log: (m) => io.debug(m),
    warn: (m) => io.warning(m),
    runTag: remote.runTag,
  });
  await io.group('Pull request', async () => {
    const which = result.number === undefined ? 'no pull request' : `pull request #${result.number}`;
    io.info(`${which}: ${result.operation} (branch ${result.branch} → ${result.base}; ${result.attempts} round(s), ${client.stats().requests} request(s)).`);
  });
  const ctx: RunContext = {
    ...shippedIn(remote, result.plan, context(result.base, result.commit)),
    pullRequest: { operation: result.operation, number: result.number, url: result.url, branch: result.branch },
  };
  return bumpResult(result.plan, ctx);
}
