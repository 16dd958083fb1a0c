// One atomic, verified commit per run, race-safe: read → plan → createCommitOnBranch(expectedHeadOid);
// on STALE_DATA back off, re-read, re-plan (the policy is judged again against the new head), retry.
import type { PathMatcher } from '../core/paths.js';
import type { FileEdit, Plan } from '../core/types.js';
import { backoffMs, type GitHubClient } from './client.js';
import { commitRaceExhausted, GraphqlResponseError, isStale, noCommit, toWriteError } from './errors.js';
import { readSnapshot, type ReadOptions, type RemoteSnapshot, type RepoRef } from './read.js';

/** What to commit where. `planner` is pure and is called again on every attempt, against the new head. */
export interface CommitRequest {
  readonly target: RepoRef;
  readonly paths: PathMatcher;
  /** Drops paths before they are read. */
  readonly filter?: (path: string) => boolean;
  readonly read?: ReadOptions;
  readonly planner: (snapshot: RemoteSnapshot) => Plan;
  readonly message: (plan: Plan) => { headline: string; body?: string };
  /** Read-plan-write rounds before giving up on a branch that keeps moving. Default 10. */
  readonly maxAttempts?: number;
  /** Time budget of the race loop. Default 120 s. */
  readonly maxTotalMs?: number;
  /**
   * Full-jitter backoff between rounds: random(0, min(maxMs, unit·2ⁿ⁻¹)), where the unit is the larger of
   * `baseMs` and the duration of the round that lost (so the windows follow GitHub's latency). Defaults 250 ms, 8 s.
   */
  readonly backoff?: { readonly baseMs?: number; readonly maxMs?: number };
  /** Debug log (never the token). */
  readonly log?: (message: string) => void;
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

const CREATE_COMMIT =
  'mutation CreateCommit($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid url } } }';

/**
 * Commits `planner`'s edits to `target` as one commit on top of the head it read, with no author (GitHub
 * signs it: Verified). Never forces, never merges: a moved head (STALE_DATA) means read, plan and try again,
 * within `maxAttempts` / `maxTotalMs`. Nothing is committed on any error. Throws `GitHubError`.
 */
export async function commitPlan(client: GitHubClient, request: CommitRequest): Promise<CommitResult> {
  const maxAttempts = request.maxAttempts ?? 10;
  const maxTotalMs = request.maxTotalMs ?? 120_000;
  const baseMs = request.backoff?.baseMs ?? 250;
  const maxMs = request.backoff?.maxMs ?? 8_000;
  const log = request.log ?? (() => undefined);
  const started = Date.now();
  let ambiguous: { expectedHead: string; message: string } | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const roundStarted = Date.now();
    const snapshot = await readSnapshot(client, request.target, request.paths, request.filter, request.read);
    const planned = request.planner(snapshot);
    // An edit that leaves the bytes as they are is no edit: the run converges instead of committing nothing.
    const plan = planned.edits.every((e) => e.after !== e.before) ? planned : { ...planned, edits: planned.edits.filter((e) => e.after !== e.before) };
    const base = { plan, head: snapshot.head, attempts: attempt, branch: snapshot.branch, snapshot };
    if (plan.edits.length === 0) {
      if (ambiguous !== undefined && isOwnCommit(snapshot, ambiguous)) {
        log(`the commit landed although its answer was lost: ${snapshot.head}`);
        return { ...base, head: snapshot.headParents[0] ?? snapshot.head, commit: { oid: snapshot.head, url: snapshot.headUrl } };
      }
      return base;
    }
    const message = request.message(plan);
    const retriesBefore = client.stats().retries;
    try {
      const where = { repositoryNameWithOwner: snapshot.nameWithOwner, branch: snapshot.branch, expectedHead: snapshot.head };
      const commit = await commitFiles(client, where, plan.edits, message);
      log(`committed ${commit.oid} on ${snapshot.branch} (parent ${snapshot.head}, round ${attempt})`);
      return { ...base, commit };
    } catch (error) {
      if (!(error instanceof GraphqlResponseError && isStale(error))) throw toWriteError(error, request.target, snapshot.branch, client.workflowRepository);
      // A retried write can be answered STALE_DATA because its first try landed: remember what we sent.
      ambiguous = client.stats().retries > retriesBefore ? { expectedHead: snapshot.head, message: fullMessage(message) } : undefined;
      const elapsed = Date.now() - started;
      // The backoff unit is at least one read-write round: windows then scale with GitHub's latency.
      const waitMs = backoffMs(attempt, Math.max(baseMs, Date.now() - roundStarted), maxMs, client.random);
      if (attempt >= maxAttempts || elapsed + waitMs > maxTotalMs) {
        throw commitRaceExhausted(request.target, snapshot.branch, attempt, elapsed, error);
      }
      log(`branch '${snapshot.branch}' moved past ${snapshot.head} (STALE_DATA): re-reading in ${waitMs} ms`);
      await client.sleep(waitMs);
    }
  }
}

/** Where `commitFiles` writes: a branch of a repository and the head it must still point at. */
export interface CommitTarget {
  /** `owner/name`. */
  readonly repositoryNameWithOwner: string;
  readonly branch: string;
  /** The commit the branch must point at, else GitHub answers STALE_DATA (GraphqlResponseError). */
  readonly expectedHead: string;
}

/**
 * One `createCommitOnBranch`: every edited file's full new text (base64 of its UTF-8 bytes) on top of
 * `expectedHead`, no author (GitHub signs: Verified). Throws `GraphqlResponseError` as GitHub answers
 * (STALE_DATA, FORBIDDEN, …); `commitPlan` wraps it in the race loop, the pull-request mode reuses it.
 */
export async function commitFiles(
  client: GitHubClient,
  where: CommitTarget,
  edits: readonly FileEdit[],
  message: { headline: string; body?: string },
): Promise<{ oid: string; url: string }> {
  const input = {
    branch: { repositoryNameWithOwner: where.repositoryNameWithOwner, branchName: where.branch },
    expectedHeadOid: where.expectedHead,
    message: message.body === undefined || message.body === '' ? { headline: message.headline } : message,
    fileChanges: { additions: edits.map((edit) => ({ path: edit.path, contents: encodeContents(edit.after) })) },
  };
  const data = await client.graphql<{ createCommitOnBranch: { commit: { oid: string; url: string } | null } | null }>(
    CREATE_COMMIT,
    { input },
  );
  const commit = data.createCommitOnBranch?.commit;
  if (commit === null || commit === undefined) throw noCommit();
  return commit;
}

/** Base64 of the text's UTF-8 bytes, exactly (a BOM and CRLF line ends survive the round trip). */
export function encodeContents(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function fullMessage(message: { headline: string; body?: string }): string {
  return message.body ? `${message.headline}\n\n${message.body}` : message.headline;
}

function isOwnCommit(snapshot: RemoteSnapshot, sent: { expectedHead: string; message: string }): boolean {
  return snapshot.headParents[0] === sent.expectedHead && snapshot.headMessage.trim() === sent.message.trim();
}
