// Commit mode: one atomic, verified commit per run, race-safe. Each round reads, plans and sends one
// createCommitOnBranch with the head it read as expectedHeadOid; a moved head (STALE_DATA) is a lost round of
// the race loop: read again, plan again (the policy is judged again against the new head), retry.
import { effective } from '../core/effective.js';
import type { PathMatcher } from '../core/paths.js';
import type { Plan } from '../core/types.js';
import type { GitHubClient } from './client.js';
import { GraphqlResponseError, isStale } from './errors.js';
import { commitRaceExhausted, noCommit, toWriteError } from './failures.js';
import { commitField, committed, mutate, type Answer, type CommitMessage } from './mutation.js';
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
}

/**
 * Commits `planner`'s edits to `target` as one commit on top of the head it read, with no author (GitHub
 * signs it: Verified). Never forces, never merges: a moved head (STALE_DATA) means read, plan and try again,
 * within the race budget. Edits that change no bytes are no edits (`effective`). Nothing is committed on any
 * error. Throws `GitHubError`.
 */
export function commitPlan(client: GitHubClient, request: CommitRequest): Promise<CommitResult> {
  const log = request.log ?? (() => undefined);
  return race<CommitResult>(client, request, async (round) => {
    const read = round.history > 0 ? { ...request.read, history: round.history } : request.read;
    const snapshot = await readSnapshot(client, request.target, request.paths, request.filter, read);
    const plan = effective(request.planner(snapshot));
    await request.onPlan?.(plan, snapshot, round.attempt);
    const base = { plan, head: snapshot.head, attempts: round.attempt, branch: snapshot.branch, snapshot };
    if (plan.edits.length === 0) {
      if (round.landed({ parent: snapshot.headParents[0], message: snapshot.headMessage })) {
        log(`the commit landed although its answer was lost: ${snapshot.head}`);
        return { done: { ...base, head: snapshot.headParents[0] ?? snapshot.head, commit: { oid: snapshot.head, url: snapshot.headUrl } } };
      }
      return { done: base };
    }
    const message = request.message(plan);
    const where = { repositoryNameWithOwner: snapshot.nameWithOwner, branch: snapshot.branch, expectedHead: snapshot.head };
    let answer: Answer;
    try {
      answer = await round.write({ parent: snapshot.head, message, recent: snapshot.recent }, () => mutate(client, 'CreateCommit', [commitField(where, plan.edits, message)]));
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
