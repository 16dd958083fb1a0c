// Commit mode: one atomic, verified commit per run, race-safe. Each round reads, plans and sends one
// createCommitOnBranch with the head it read as expectedHeadOid; a moved head (STALE_DATA) is a lost round of
// the race loop: read again, plan again (the policy is judged again against the new head), retry. Each commit
// carries its round's attempt trailer: a commit whose answer was lost is found on the branch by it.
import { effective } from '../core/effective.js';
import type { PathMatcher } from '../core/paths.js';
import type { Plan } from '../core/types.js';
import type { GitHubClient } from './client.js';
import { GraphqlResponseError, isStale } from './errors.js';
import { commitRaceExhausted, noCommit, toWriteError } from './failures.js';
import { HISTORY_DEPTH } from './landed.js';
import { ATTEMPT_TRAILER, commitField, committed, mutate, withTrailers, type Answer, type CommitMessage } from './mutation.js';
import { race, type RaceOptions } from './race.js';
import { readSnapshot, type ReadOptions, type RemoteSnapshot, type RepoRef } from './read.js';

/** What to commit where. `planner` is pure and is called again on every attempt, against the new head. */
export interface CommitRequest extends RaceOptions {
  readonly target: RepoRef;
  readonly paths: PathMatcher;
  /** Drops paths before they are read. */
  readonly filter?: (path: string) => boolean;
  readonly read?: ReadOptions;
  readonly planner: (snapshot: RemoteSnapshot) => Plan;
  readonly message: (plan: Plan) => CommitMessage;
  /** Told each round's plan before anything is written (to report it ahead of the write). */
  readonly onPlan?: (plan: Plan, snapshot: RemoteSnapshot, attempt: number) => Promise<void> | void;
}

/** What happened. No `commit`: nothing needed changing (or another run already wrote the same bytes). */
export interface CommitResult {
  /** The plan of the last round: the one committed, or the one that found nothing to do. */
  readonly plan: Plan;
  /** The head read last (the parent of `commit` when one was made). */
  readonly head: string;
  readonly commit?: { readonly oid: string; readonly url: string };
  /** Read-plan-write rounds used (1 without a race). */
  readonly attempts: number;
  readonly branch: string;
  /** The snapshot the last plan was made from. */
  readonly snapshot: RemoteSnapshot;
  /** True when the answer to the write was lost and a later read found `commit` on the branch by its attempt trailer. */
  readonly recovered?: boolean;
}

/**
 * Commits `planner`'s edits to `target` as one commit on top of the head it read, with no author (GitHub
 * signs it: Verified). Never forces, never merges: a moved head (STALE_DATA) means read, plan and try again,
 * within the race budget. Edits that change no bytes are no edits (`effective`). Nothing is committed on any
 * error. Throws `GitHubError`.
 */
export function commitPlan(client: GitHubClient, request: CommitRequest): Promise<CommitResult> {
  const log = request.log ?? (() => undefined);
  // What each round sent, by its attempt tag: a commit found on the branch after a lost answer reports its own plan.
  const sent = new Map<string, { plan: Plan; snapshot: RemoteSnapshot }>();
  return race<CommitResult>(client, request, async (round) => {
    // Lost answers need the chain since the head they were sent on; later rounds read the recent commits (contention).
    const history = Math.max(round.unsure.length > 0 ? HISTORY_DEPTH : 0, round.history);
    const read = history > 0 ? { ...request.read, history } : request.read;
    const snapshot = await readSnapshot(client, request.target, request.paths, request.filter, read);
    const landing = round.landed(snapshot.head, snapshot.history);
    const ours = landing === undefined ? undefined : sent.get(landing.write.tag);
    if (landing !== undefined && ours !== undefined) {
      log(`the commit of ${landing.write.tag} landed although its answer was lost: ${landing.commit.oid} on ${snapshot.branch}`);
      const commit = { oid: landing.commit.oid, url: landing.commit.url };
      const head = landing.commit.parent ?? landing.write.parent;
      return { done: { plan: ours.plan, head, commit, attempts: round.attempt, branch: snapshot.branch, snapshot: ours.snapshot, recovered: true } };
    }
    const plan = effective(request.planner(snapshot));
    await request.onPlan?.(plan, snapshot, round.attempt);
    const base = { plan, head: snapshot.head, attempts: round.attempt, branch: snapshot.branch, snapshot };
    if (plan.edits.length === 0) return { done: base };
    const message = withTrailers(request.message(plan), [ATTEMPT_TRAILER, round.tag]);
    const where = { repositoryNameWithOwner: snapshot.nameWithOwner, branch: snapshot.branch, expectedHead: snapshot.head };
    sent.set(round.tag, { plan, snapshot });
    let answer: Answer;
    try {
      answer = await round.write(snapshot.head, () => mutate(client, 'CreateCommit', [commitField(where, plan.edits, message)]), snapshot.recent);
    } catch (error) {
      throw toWriteError(error, request.target, snapshot.branch, client.workflowRepository);
    }
    if (answer.errors.length > 0) {
      const error = new GraphqlResponseError(answer.errors, answer.data);
      if (!isStale(error)) throw toWriteError(error, request.target, snapshot.branch, client.workflowRepository);
      return {
        lost: {
          reason: `branch '${snapshot.branch}' moved past ${snapshot.head} (STALE_DATA)`,
          exhausted: (attempts, elapsedMs) => commitRaceExhausted(request.target, snapshot.branch, attempts, elapsedMs, error),
        },
      };
    }
    const commit = committed(answer);
    if (commit === undefined) throw noCommit();
    log(`committed ${commit.oid} on ${snapshot.branch} (parent ${snapshot.head}, round ${round.attempt})`);
    return { done: { ...base, commit } };
  });
}
