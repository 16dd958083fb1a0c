// Pull-request mode: one branch and one pull request per service and environment, created once, then
// updated in place. Every round of the race loop is: one read (base head + files, the open PR with its labels,
// reviewers, assignees and auto-merge, the PR branch and its files), the pure decision (core/pull-decision.ts), and
// one mutation document; a lost race (STALE_DATA, "already exists") reads and decides again. Every ref move is a
// compare-and-swap (updateRefs with beforeOid: `force` only allows a move that is not a fast-forward): a concurrent
// job's commit is never overwritten, the move fails and the round is lost.
import { decidePull } from '../../core/pull-decision.js';
import type { GitHubClient } from '../client.js';
import { GitHubError, slug } from '../errors.js';
import { pullRaceExhausted } from '../failures.js';
import { race, raceBudget, type Round } from '../race.js';
import { followUp, lookupReviewers, missingOf, needsIds, type ReviewerIds } from './follow-up.js';
import { observe, withFork } from './observe.js';
import type { Observation, PullOperation, PullRequestSpec, PullResult } from './spec.js';
import { close, create, refresh, update, type Progress, type Writer } from './write.js';

export type { PullOperation, PullRequestSpec, PullResult } from './spec.js';

/**
 * Opens the pull request for `spec.branch`, or brings the open one up to date, or closes it when the base
 * already holds what it proposes; every run also adds what the open PR lacks of its labels, reviewers, assignees and
 * auto-merge. A new PR costs 3 requests with explicit paths (read, one document that creates the branch, commits and
 * opens the PR, one follow-up for labels, reviewers, assignees and auto-merge; +1 in parallel to look up reviewer
 * ids; +1 to create missing labels); an update costs 2; an identical re-run 1 (what the PR lacks: +1 document, +1 to
 * look up reviewer ids).
 * Throws `GitHubError`; label, reviewer, assignee and auto-merge failures are `warn`ings.
 */
export function openOrUpdatePullRequest(client: GitHubClient, given: PullRequestSpec): Promise<PullResult> {
  const spec: PullRequestSpec = { ...given, branch: given.branch.replace(/^refs\/heads\//, '') };
  const run: RunState = { progress: {} };
  return race<PullResult>(client, spec, async (round) => {
    const result = await playRound(client, spec, run, round);
    if (typeof result !== 'string') return { done: result };
    return {
      lost: {
        reason: `lost a race on '${spec.branch}' (${result})`,
        exhausted: (attempts, elapsedMs) => pullRaceExhausted(spec.target, spec.branch, attempts, elapsedMs, result),
      },
    };
  });
}

/** What outlives a round: writes that landed, the reviewer-id lookup (sent once), the rounds given to an in-flight rebuild. */
interface RunState {
  readonly progress: Progress;
  lookup?: Promise<ReviewerIds>;
  bareWaits?: number;
}

/**
 * Rounds a run gives a PR branch that holds no commit of its own (its head is a commit of the base): that is how a
 * rebuild looks between its branch move and its commit, two fields of one document. Deciding on it would close the
 * PR or commit on the bare branch, and the rebuild's commit would then lose the race with everything it replays.
 */
const BARE_WAITS = 2;

/**
 * Recognises the commit (and PR) of a document whose answer was lost: its attempt trailer is on the PR branch's
 * first-parent chain (a branch that does not exist holds none). A PR this run's document opened is then its own.
 */
function recognise(progress: Progress, observation: Observation, round: Round, log: (message: string) => void): void {
  if (round.unsure.length === 0) return;
  const branch = observation.branch;
  const landing = round.landed(branch?.head, observation.branchHistory);
  if (landing === undefined) return;
  progress.commit ??= { oid: landing.commit.oid, url: landing.commit.url };
  if (progress.openers?.includes(landing.write.tag) === true && observation.pull !== undefined && progress.created === undefined) {
    const { id, number, url } = observation.pull;
    progress.created = { id, number, url };
  }
  log(`the write of ${landing.write.tag} landed although its answer was lost: ${landing.commit.oid}`);
}

/** One round: read, decide, act. Resolves the result, or the race that was lost (then read again). */
async function playRound(client: GitHubClient, spec: PullRequestSpec, run: RunState, round: Round): Promise<PullResult | string> {
  const { progress } = run;
  let observation = await observe(client, spec, round.unsure.length > 0);
  const { snapshot } = observation;
  if (snapshot.branch === spec.branch) {
    throw new GitHubError('api', `the pull-request branch '${spec.branch}' is the base branch of ${slug(spec.target)}: set \`pr-branch\` to another name`);
  }
  // git keeps refs as paths: 'main/x' cannot exist beside 'main' (nor 'main' beside 'main/x').
  if (spec.branch.startsWith(`${snapshot.branch}/`) || snapshot.branch.startsWith(`${spec.branch}/`)) {
    throw new GitHubError(
      'api',
      `the pull-request branch '${spec.branch}' cannot exist beside the base branch '${snapshot.branch}' of ${slug(spec.target)} (one is a folder of the other): set \`pr-branch\` to another name`,
    );
  }
  recognise(progress, observation, round, spec.log ?? (() => undefined));
  const { pull, branch } = observation;
  if (pull !== undefined && branch !== undefined && observation.baseChain.includes(branch.head) && (run.bareWaits ?? 0) < BARE_WAITS) {
    run.bareWaits = (run.bareWaits ?? 0) + 1;
    await client.sleep(4 * raceBudget(spec).baseMs);
    return `'${spec.branch}' holds no commit of its own: a rebuild may be landing`;
  }
  // What the open PR lacks that needs ids (reviewers, assignees): looked up once, while the round goes on.
  if (pull !== undefined && run.lookup === undefined && needsIds(spec, missingOf(spec, observation, pull))) run.lookup = lookupReviewers(client, spec, snapshot);
  let decision = decidePull(observation, spec);
  if (decision.kind === 'fork') {
    observation = await withFork(client, spec, observation, decision.oid);
    decision = decidePull(observation, spec);
  }
  spec.log?.(`pull request '${spec.branch}' → ${snapshot.branch}: ${decision.kind} (round ${round.attempt})`);
  if (decision.kind !== 'fork') await spec.onPlan?.(decision.plan, snapshot, round.attempt);
  const writer: Writer = { client, spec, observation, progress, round, lookup: run.lookup };
  // The result's plan is what the PR proposes (every run's references, as its title and body say) with this run's
  // refusals, notes and skips; the plan reported above is this run's own.
  const proposal = decision.kind === 'write' || decision.kind === 'unchanged' ? decision.describe : undefined;
  const plan = proposal === undefined ? decision.plan : { ...decision.plan, edits: proposal.edits, changes: proposal.changes };
  const done = (operation: PullOperation, pull?: { number: number; url: string }): PullResult => ({
    operation,
    ...(pull === undefined ? {} : { number: pull.number, url: pull.url }),
    branch: spec.branch,
    ...(progress.commit === undefined ? {} : { commit: progress.commit }),
    plan,
    base: snapshot.branch,
    attempts: round.attempt,
  });
  // A PR opened in this round gets its follow-up; one this run opened earlier is open in this round's read, so its
  // document (update, refresh) added what it lacks.
  const finish = async (operation: PullOperation, opened?: { number: number; url: string }): Promise<PullResult> => {
    if (progress.created !== undefined && observation.pull === undefined) await followUp(client, spec, observation, progress.created, run.lookup);
    return done(outcome(progress, operation), opened ?? progress.created);
  };
  switch (decision.kind) {
    case 'none':
      return finish('none');
    case 'unchanged':
      await refresh(writer, decision.pull, decision.describe);
      return finish('unchanged', decision.pull);
    case 'close':
      await close(writer, decision.pull);
      return done('closed', decision.pull);
    case 'fork':
      throw new GitHubError('api', `internal: the fork point ${decision.oid} of '${spec.branch}' was read but not used`);
    case 'write': {
      if (decision.pull === undefined) {
        if (run.lookup === undefined && needsIds(spec)) run.lookup = lookupReviewers(client, spec, snapshot);
        const raced = await create({ ...writer, lookup: run.lookup }, decision);
        return raced ?? finish('created');
      }
      const raced = await update(writer, decision, decision.pull);
      return raced ?? finish('updated', decision.pull);
    }
  }
}

/** The operation when this round wrote nothing new: earlier rounds' writes still count. */
function outcome(progress: Progress, fallback: PullOperation): PullOperation {
  if (progress.created !== undefined) return 'created';
  if (progress.commit !== undefined) return 'updated';
  return fallback;
}
