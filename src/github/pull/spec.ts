// What the pull-request mode is asked for and what it answers: the types its parts share.
import type { PathMatcher } from '../../core/paths.js';
import type { Policy } from '../../image/policy.js';
import type { PullObservation } from '../../core/pull-decision.js';
import type { Plan } from '../../core/types.js';
import type { ChainCommit } from '../landed.js';
import type { CommitMessage } from '../mutation.js';
import type { RaceOptions } from '../race.js';
import type { ReadOptions, RemoteSnapshot, RepoRef } from '../read.js';
import type { PullOperation } from '../../core/types.js';

/**
 * What to propose where, and how the pull request looks. The callbacks are pure and called on every round.
 * The race budget (`maxAttempts`, `maxTotalMs`, `backoff`) bounds the rounds; `backoff` also spaces follow-up retries.
 */
export interface PullRequestSpec extends RaceOptions {
  /** The repository; the PR's base is `target.branch`, else the default branch. */
  readonly target: RepoRef;
  readonly paths: PathMatcher;
  readonly read?: ReadOptions;
  /** The PR head branch: deterministic, already sanitised by the caller, never the base. */
  readonly branch: string;
  /** The plan over a snapshot's files (called for the base and for the PR branch). */
  readonly planner: (snapshot: RemoteSnapshot) => Plan;
  /** The policy the planner judges by: a rebuild replays what the PR branch proposes under it (core/proposal.ts). */
  readonly policy: Policy;
  readonly message: (plan: Plan) => CommitMessage;
  readonly title: (plan: Plan) => string;
  readonly body: (plan: Plan) => string;
  /** Told each round's decided plan (what the pull request proposes) before anything is written. */
  readonly onPlan?: (plan: Plan, snapshot: RemoteSnapshot, attempt: number) => Promise<void> | void;
  // Every run converges an open PR towards these (core/pull-decorations.ts): adds what it lacks, removes nothing.
  /** Labels by name; missing ones are created (REST `issues/add-labels`). */
  readonly labels?: readonly string[];
  /** User logins. */
  readonly reviewers?: readonly string[];
  /** `team` or `org/team` slugs of the repository owner's organization. */
  readonly teamReviewers?: readonly string[];
  /** User logins. */
  readonly assignees?: readonly string[];
  /** Open the PR as a draft (a PR already open is left as it is). */
  readonly draft?: boolean;
  /** Enable auto-merge with this method on a PR where it never was (only where the repository allows it; else a warning). */
  readonly autoMerge?: 'merge' | 'squash' | 'rebase';
  /** Failures that must not fail the run: labels, reviewers, assignees, auto-merge, branch clean-up. */
  readonly warn?: (message: string) => void;
  /** Tries of a follow-up that GitHub answers "Could not resolve to a node" (a new PR replicating). Default 5. */
  readonly followUpAttempts?: number;
}

export type { PullOperation };

/** What happened. */
export interface PullResult {
  readonly operation: PullOperation;
  readonly number?: number;
  readonly url?: string;
  readonly branch: string;
  /** The last commit this run wrote on the PR branch. */
  readonly commit?: { readonly oid: string; readonly url: string };
  /** What the PR proposes against the base; refusals include the PR branch's ("it already proposes newer"). */
  readonly plan: Plan;
  /** The base branch's name. */
  readonly base: string;
  /** Read-decide-write rounds used (1 without a race). */
  readonly attempts: number;
}

/**
 * One read of the pull-request mode: the base as a snapshot read over the API, and the rest; the PR branch's recent
 * history when a write's answer was lost (to look for its commit).
 */
export type Observation = PullObservation<RemoteSnapshot> & { readonly branchHistory?: readonly ChainCommit[] };
