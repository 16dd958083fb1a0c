// The pull-request decision, pure: from one read of the base, the open pull request for the branch and the
// branch itself, what one round should do (nothing, refresh, close, read the fork point, or write what).
// The GitHub side (github/pull/) reads the observation and carries the decision out.
import type { Policy } from '../image/policy.js';
import { effective } from './effective.js';
import { forwardOnly, movesBetween, planBetween, replay } from './proposal.js';
import type { Change, CommitFiles, FileEdit, Plan, Refusal, Snapshot, SourceFile } from './types.js';

/** The oid of a ref that does not exist (a compare-and-swap from it creates the ref). */
export const ZERO_OID = '0000000000000000000000000000000000000000';

/** The base as the decision needs it: a snapshot of a branch, with its head and the head's first parents. */
export interface BaseSnapshot extends Snapshot {
  readonly head: string;
  readonly branch: string;
  readonly headParents: readonly string[];
}

/** An open pull request whose head is our branch, with what convergence needs to know of it. */
export interface OpenPull {
  readonly id: string;
  readonly number: number;
  readonly url: string;
  readonly title: string;
  readonly body: string;
  readonly baseRefName: string;
  readonly labels: readonly string[];
  /** Who opened it (GitHub refuses a review request to the author). */
  readonly author?: string;
  readonly assignees: readonly string[];
  /** Users and team slugs asked to review, now or ever (the timeline), and users who reviewed. */
  readonly reviewers: { readonly users: readonly string[]; readonly teams: readonly string[] };
  /** `on`: enabled; `off`: enabled once, not any more; `never`: never enabled. */
  readonly autoMerge: 'on' | 'off' | 'never';
}

/** The PR head branch as read with the base. */
export interface PullBranch {
  readonly head: string;
  /** The head commit's full message and web URL (lets a run recognise its own commit after a lost answer). */
  readonly message: string;
  readonly url: string;
  /** The head and its first parents (newest first), as deep as they were read. */
  readonly chain: readonly string[];
  /** Its versions of the base's matched files (read only while a PR is open). */
  readonly files?: CommitFiles;
}

/** One consistent read: the base, the open PR for the branch, the branch, and label ids. */
export interface PullObservation<S extends BaseSnapshot = BaseSnapshot> {
  readonly snapshot: S;
  readonly pull?: OpenPull;
  readonly branch?: PullBranch;
  /** Ids of the wanted labels that exist, by the name asked for. */
  readonly labelIds: ReadonlyMap<string, string>;
  /** The base head and its first parents (newest first), as deep as they were read. */
  readonly baseChain: readonly string[];
  /** The PR branch's fork point on the base and its files, read when a rebuild needs them. */
  readonly fork?: { readonly oid: string; readonly files: CommitFiles };
}

/** What the decision asks of the run: the PR branch's name, the (pure) planner for the base and for the branch, and the policy a replay judges by. */
export interface PullPlanner<S extends BaseSnapshot> {
  readonly branch: string;
  readonly planner: (snapshot: S) => Plan;
  readonly policy: Policy;
}

/** What one round should do. */
export type PullDecision =
  /** No PR open and nothing to change. */
  | { readonly kind: 'none'; readonly plan: Plan }
  /** This run adds nothing to the PR: no commit. `describe`: the title and body follow it (undefined: kept). */
  | { readonly kind: 'unchanged'; readonly plan: Plan; readonly pull: OpenPull; readonly describe?: Plan }
  /** The base already holds everything the PR would change. */
  | { readonly kind: 'close'; readonly plan: Plan; readonly pull: OpenPull }
  /** A rebuild that needs the files of the PR branch's fork point `oid` (read with the observation's `fork`), then a new decision. */
  | { readonly kind: 'fork'; readonly plan: Plan; readonly oid: string }
  /**
   * Commit `write.edits` on `parent`. `moveFrom` set: first move the branch from `moveFrom` (ZERO_OID: it does
   * not exist) to `parent` by compare-and-swap. `pull` undefined: open the PR afterwards. `describe`: the whole
   * PR once written (every reference it moves, from whichever run), for its title and body.
   */
  | {
      readonly kind: 'write';
      readonly plan: Plan;
      readonly write: Plan;
      readonly parent: string;
      readonly moveFrom?: string;
      readonly pull?: OpenPull;
      readonly describe: Plan;
    };

/**
 * Decides one round from one observation. `plan` is this run's: its images against the base, except where the PR
 * branch already holds a newer version (refused there: a late older build never lowers an open PR). What the PR
 * proposes is what its branch holds against the base (proposal.ts), whichever run put it there.
 *
 * While the branch forks from the base head, or the base moved without touching what the branch proposes, this
 * run's commit goes on top of the branch head. Otherwise the branch is rebuilt: moved to the base head
 * (compare-and-swap on the head read) with one commit holding, per file, the branch's version where the base has
 * not touched the file since the fork point, else the base's with the branch's moves replayed (the policy judged
 * again), then this run's images. Without a fork point in reach (the base moved more than the first parents read),
 * every file is the base's with the branch's moves replayed forward only (a move backwards may be the base's
 * own since the fork: replaying it would revert the base).
 */
export function decidePull<S extends BaseSnapshot>(observation: PullObservation<S>, spec: PullPlanner<S>): PullDecision {
  const { snapshot, pull, branch } = observation;
  const basePlan = effective(spec.planner(snapshot));
  if (pull === undefined) {
    if (basePlan.edits.length === 0) return { kind: 'none', plan: basePlan };
    return { kind: 'write', plan: basePlan, write: basePlan, parent: snapshot.head, moveFrom: branch?.head ?? ZERO_OID, describe: described(basePlan) };
  }
  if (branch?.files === undefined) {
    // An open PR whose branch is gone (or not a commit): recreate the branch from the base.
    if (basePlan.edits.length === 0) return { kind: 'close', plan: basePlan, pull };
    return { kind: 'write', plan: basePlan, write: basePlan, parent: snapshot.head, moveFrom: branch?.head ?? ZERO_OID, pull, describe: described(basePlan) };
  }
  const skipped = branch.files.skipped;
  // This run's plan over files of the PR branch (not checked against `fail-on-unmatched`: the base's plan was).
  const onBranch = (files: readonly SourceFile[]): Plan =>
    effective(spec.planner({ ...snapshot, head: branch.head, branch: spec.branch, headParents: branch.chain.slice(1, 2), files, skipped }));
  const branchFiles = branch.files.files;
  const branchPlan = onBranch(branchFiles);
  const plan = guard(basePlan, branchPlan);
  const moved = !branch.chain.includes(snapshot.head);
  if (branchPlan.edits.length === 0) {
    // This run adds nothing to the branch: the PR stays as it is, or is closed when it proposes nothing any more.
    // With the base moved, a move the branch holds counts only if the policy would still make it on the base.
    const proposes = moved
      ? !same(replay(snapshot.files, movesBetween(snapshot.files, branchFiles), spec.policy), snapshot.files)
      : !same(branchFiles, snapshot.files);
    if (!proposes) return { kind: 'close', plan, pull };
    return { kind: 'unchanged', plan, pull, ...(moved ? {} : { describe: planBetween(snapshot.files, branchFiles) }) };
  }
  const onTop = apply(branchFiles, branchPlan.edits);
  const top = (describe: Plan): PullDecision => ({ kind: 'write', plan, write: branchPlan, parent: branch.head, pull, describe });
  if (!moved) return top(planBetween(snapshot.files, onTop));
  // The base moved. Every file the branch differs in, or this run edits, holding exactly the base plus forward moves
  // means the branch forks from the base as far as it matters: commit on top (without reading the fork point).
  const strict = forwardOnly(spec.policy);
  const rebuiltFrom = (start: readonly SourceFile[]): SourceFile[] => apply(start, onBranch(start).edits);
  const twoWay = rebuiltFrom(replay(snapshot.files, movesBetween(snapshot.files, branchFiles), strict));
  if (same(twoWay, onTop)) return top(planBetween(snapshot.files, onTop));
  const fork = branch.chain.find((oid) => observation.baseChain.includes(oid));
  if (fork !== undefined && observation.fork?.oid !== fork) return { kind: 'fork', plan, oid: fork };
  let start: SourceFile[];
  if (observation.fork === undefined) {
    start = replay(snapshot.files, movesBetween(snapshot.files, branchFiles), strict);
  } else {
    const forkFiles = observation.fork.files.files;
    const forkText = textByPath(forkFiles);
    const branchText = textByPath(branchFiles);
    const touched = (path: string): boolean => snapshot.files.find((f) => f.path === path)?.text !== forkText.get(path);
    const proposed = branchFiles.filter((f) => forkText.get(f.path) !== f.text).map((f) => f.path);
    // The base moved only files the branch does not change and this run does not edit: on top, described against the fork.
    if (![...proposed, ...branchPlan.edits.map((e) => e.path)].some(touched)) return top(planBetween(forkFiles, onTop));
    const moves = movesBetween(forkFiles, branchFiles);
    start = snapshot.files.map((file) => {
      const kept = branchText.get(file.path);
      return !touched(file.path) && kept !== undefined ? { path: file.path, text: kept } : replay([file], moves, spec.policy)[0]!;
    });
  }
  const rebuilt = planBetween(snapshot.files, rebuiltFrom(start));
  if (rebuilt.edits.length === 0) return { kind: 'close', plan, pull };
  return { kind: 'write', plan, write: rebuilt, parent: snapshot.head, moveFrom: branch.head, pull, describe: rebuilt };
}

/** A plan as the PR's description: its changes, without this run's refusals. */
function described(plan: Plan): Plan {
  return { ...plan, refusals: [] };
}

/** This run's plan against the base, without the files where the PR branch already holds newer than it asks (refused there). */
function guard(basePlan: Plan, branchPlan: Plan): Plan {
  const changed = new Set(basePlan.changes.map(siteKey));
  const refusals = branchPlan.refusals.filter((r) => changed.has(siteKey(r)));
  return withRefusals(dropFiles(basePlan, new Set(refusals.map((r) => r.file))), refusals);
}

function siteKey(change: Pick<Change, 'file' | 'image'>): string {
  return `${change.file}\u0000${change.image}`;
}

function dropFiles(plan: Plan, files: ReadonlySet<string>): Plan {
  if (files.size === 0) return plan;
  return { ...plan, edits: plan.edits.filter((e) => !files.has(e.path)), changes: plan.changes.filter((c) => !files.has(c.file)) };
}

function withRefusals(plan: Plan, extra: readonly Refusal[]): Plan {
  const seen = new Set(plan.refusals.map((r) => `${siteKey(r)}\u0000${r.from}\u0000${r.to}`));
  const added = extra.filter((r) => !seen.has(`${siteKey(r)}\u0000${r.from}\u0000${r.to}`));
  return added.length === 0 ? plan : { ...plan, refusals: [...plan.refusals, ...added] };
}

function textByPath(files: readonly SourceFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.text]));
}

/** `files` with `edits` applied (same paths, same order). */
function apply(files: readonly SourceFile[], edits: readonly FileEdit[]): SourceFile[] {
  const after = new Map(edits.map((e) => [e.path, e.after]));
  return files.map((f) => (after.has(f.path) ? { path: f.path, text: after.get(f.path)! } : f));
}

/** True when every path of `a` has the same text in `b` (a path `b` lacks counts as its text in `a`). */
function same(a: readonly SourceFile[], b: readonly SourceFile[]): boolean {
  const other = textByPath(b);
  return a.every((f) => (other.get(f.path) ?? f.text) === f.text);
}
