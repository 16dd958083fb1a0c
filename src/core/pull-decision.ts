// The pull-request decision, pure: from one read of the base, the open pull request for the branch and the
// branch itself, what one round should do (nothing, refresh, close, read the fork point, or write what).
// The GitHub side (github/pull/) reads the observation and carries the decision out.
import { effective } from './effective.js';
import type { Change, CommitFiles, FileEdit, Plan, Refusal, Snapshot, SourceFile } from './types.js';

/** The oid of a ref that does not exist (a compare-and-swap from it creates the ref). */
export const ZERO_OID = '0000000000000000000000000000000000000000';

/** The base as the decision needs it: a snapshot of a branch, with its head and the head's first parents. */
export interface BaseSnapshot extends Snapshot {
  readonly head: string;
  readonly branch: string;
  readonly headParents: readonly string[];
}

/** An open pull request whose head is our branch. */
export interface OpenPull {
  readonly id: string;
  readonly number: number;
  readonly url: string;
  readonly title: string;
  readonly body: string;
  readonly baseRefName: string;
  readonly labels: readonly string[];
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

/** What the decision asks of the run: the PR branch's name and the (pure) planner, for the base and for the branch. */
export interface PullPlanner<S extends BaseSnapshot> {
  readonly branch: string;
  readonly planner: (snapshot: S) => Plan;
}

/** What one round should do. */
export type PullDecision =
  /** No PR open and nothing to change. */
  | { readonly kind: 'none'; readonly plan: Plan }
  /** The PR already proposes exactly this: no commit (the title and body may still need a refresh). */
  | { readonly kind: 'unchanged'; readonly plan: Plan; readonly pull: OpenPull; readonly describes: boolean }
  /** The base already holds everything the PR would change. */
  | { readonly kind: 'close'; readonly plan: Plan; readonly pull: OpenPull }
  /** A rebuild that needs the files of the PR branch's fork point `oid` (read with the observation's `fork`), then a new decision. */
  | { readonly kind: 'fork'; readonly plan: Plan; readonly oid: string }
  /**
   * Commit `write.edits` on `parent`. `moveFrom` set: first move the branch from `moveFrom` (ZERO_OID: it does
   * not exist) to `parent` by compare-and-swap. `pull` undefined: open the PR afterwards. `describes`: the
   * plan describes the whole PR (no file was kept as the PR branch has it), so the title and body follow it.
   */
  | {
      readonly kind: 'write';
      readonly plan: Plan;
      readonly write: Plan;
      readonly parent: string;
      readonly moveFrom?: string;
      readonly pull?: OpenPull;
      readonly describes: boolean;
    };

/**
 * Decides one round from one observation. The base plan is what the PR proposes; the PR branch's plan
 * guards it: a site where the PR branch already holds a newer version than this run wants is refused and
 * its file is left as the PR has it (a late older build never lowers an open PR).
 *
 * While the PR branch still forks from the base head (or the base moved without touching the files we edit),
 * the new commit goes on top of the PR head, keeping what earlier runs proposed. When the base moved under the
 * edited files, the branch is rebuilt: moved to the base head (compare-and-swap) with one commit holding, per
 * file, a three-way pick against the fork point (the PR's version where the base did not touch the file, else
 * the base's) with this run's plan applied. Without a known fork point (deeper than the first parents read),
 * the rebuild holds the base plan alone.
 */
export function decidePull<S extends BaseSnapshot>(observation: PullObservation<S>, spec: PullPlanner<S>): PullDecision {
  const { snapshot, pull, branch } = observation;
  const basePlan = effective(spec.planner(snapshot));
  if (pull === undefined) {
    if (basePlan.edits.length === 0) return { kind: 'none', plan: basePlan };
    return { kind: 'write', plan: basePlan, write: basePlan, parent: snapshot.head, moveFrom: branch?.head ?? ZERO_OID, describes: true };
  }
  if (branch?.files === undefined) {
    // An open PR whose branch is gone (or not a commit): recreate the branch from the base.
    if (basePlan.edits.length === 0) return { kind: 'close', plan: basePlan, pull };
    return { kind: 'write', plan: basePlan, write: basePlan, parent: snapshot.head, moveFrom: branch?.head ?? ZERO_OID, pull, describes: true };
  }
  const branchPlan = effective(
    spec.planner({
      ...snapshot,
      head: branch.head,
      branch: spec.branch,
      headParents: branch.chain.slice(1, 2),
      files: branch.files.files,
      skipped: branch.files.skipped,
    }),
  );
  // Sites this run would change on the base that the PR branch already holds newer: refused, file kept.
  const changed = new Set(basePlan.changes.map(siteKey));
  const prRefusals = branchPlan.refusals.filter((r) => changed.has(siteKey(r)));
  const guarded = new Set(prRefusals.map((r) => r.file));
  const plan = withRefusals(dropFiles(basePlan, guarded), prRefusals);
  const baseFiles = textByPath(snapshot.files);
  const pullFiles = textByPath(branch.files.files);
  const moved = !branch.chain.includes(snapshot.head);
  const onBase = apply(baseFiles, basePlan.edits);
  const onPull = apply(pullFiles, branchPlan.edits);
  const edited = new Set([...basePlan.edits, ...branchPlan.edits].map((e) => e.path));
  // The base moved under an edited file when the two results disagree there (without knowing the fork point,
  // this also counts a file where an earlier run of this branch changed other sites: those are then rebuilt).
  const disagrees = [...edited].some((path) => onBase.get(path) !== onPull.get(path));
  if (plan.edits.length === 0 && guarded.size === 0) {
    // Nothing this run wants is missing from the base: close, unless (base not moved) the PR proposes more.
    const proposesMore = !moved && [...pullFiles.keys()].some((path) => onPull.get(path) !== baseFiles.get(path));
    if (!proposesMore) return { kind: 'close', plan, pull };
  }
  // Title and body follow the plan only when it describes the PR: no file kept as the PR has it, and (a shared
  // branch whose other changes stay open) something of this run's own in it.
  const describes = guarded.size === 0 && plan.changes.length > 0;
  let onTop = !moved || !disagrees || !describes;
  if (!onTop) {
    const fork = branch.chain.find((oid) => observation.baseChain.includes(oid));
    if (fork !== undefined && observation.fork?.oid !== fork) return { kind: 'fork', plan, oid: fork };
    // With the fork point known: the base moved under an edited file only if it changed that file since.
    const forkFiles = observation.fork === undefined ? undefined : textByPath(observation.fork.files.files);
    onTop = forkFiles !== undefined && [...edited].every((path) => baseFiles.get(path) === forkFiles.get(path));
  }
  if (onTop) {
    if (branchPlan.edits.length === 0) return { kind: 'unchanged', plan, pull, describes };
    return { kind: 'write', plan, write: branchPlan, parent: branch.head, pull, describes };
  }
  const rebuilt = observation.fork === undefined ? basePlan : rebuild(spec, snapshot, pullFiles, observation.fork.files);
  if (rebuilt.edits.length === 0) return { kind: 'close', plan, pull };
  if (rebuilt.edits.every((e) => pullFiles.get(e.path) === e.after)) return { kind: 'unchanged', plan, pull, describes };
  return { kind: 'write', plan, write: rebuilt, parent: snapshot.head, moveFrom: branch.head, pull, describes };
}

/**
 * The plan of a rebuilt PR branch, as edits of the base: per file, the PR's version where the base has not
 * touched the file since the fork (F), else the base's; then this run's plan over that.
 */
function rebuild<S extends BaseSnapshot>(spec: PullPlanner<S>, snapshot: S, pullFiles: ReadonlyMap<string, string>, fork: CommitFiles): Plan {
  const forkFiles = textByPath(fork.files);
  const files = snapshot.files.map((file) => {
    const pulled = pullFiles.get(file.path);
    return pulled !== undefined && forkFiles.get(file.path) === file.text ? { path: file.path, text: pulled } : file;
  });
  const planned = effective(spec.planner({ ...snapshot, files }));
  const after = apply(textByPath(files), planned.edits);
  const edits: FileEdit[] = [];
  for (const file of snapshot.files) {
    const text = after.get(file.path);
    if (text === undefined || text === file.text) continue;
    edits.push({ path: file.path, before: file.text, after: text, changes: planned.edits.find((e) => e.path === file.path)?.changes ?? [] });
  }
  const paths = new Set(edits.map((e) => e.path));
  return { ...planned, edits, changes: planned.changes.filter((c) => paths.has(c.file)) };
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

function apply(files: ReadonlyMap<string, string>, edits: readonly FileEdit[]): Map<string, string> {
  const out = new Map(files);
  for (const edit of edits) out.set(edit.path, edit.after);
  return out;
}
