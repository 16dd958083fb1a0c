// Pull-request mode: one branch and one pull request per service and environment, created once, then
// updated in place. Every round is: one read (base head + files, the open PR, the PR branch and its files),
// a pure decision, and one mutation document; a lost race (STALE_DATA, "already exists") re-reads and decides
// again. Every ref move is a compare-and-swap (updateRefs with beforeOid): never a blind force.
import type { PathMatcher } from '../core/paths.js';
import type { Change, FileEdit, Plan, Refusal, SourceFile } from '../core/types.js';
import { backoffMs, type GitHubClient } from './client.js';
import { FILE_ENTRY_SELECTION, filesFromAnswers, readFilesAt, type CommitFiles } from './blob.js';
import {
  actionsForbidden,
  closeFailed,
  GitHubError,
  GraphqlResponseError,
  isActionsForbidden,
  isNothingPending,
  isRace,
  isUnresolvable,
  pullRaceExhausted,
  pullWriteError,
  say,
  slug,
  type GraphqlErrorEntry,
} from './errors.js';
import { encodeContents, qualifiedBranch } from './mutation.js';
import { readSnapshot, type ExtraSelection, type ReadOptions, type RemoteSnapshot, type RepoRef } from './read.js';

/** What to propose where, and how the pull request looks. The callbacks are pure and called on every round. */
export interface PullRequestSpec {
  /** The repository; the PR's base is `target.branch`, else the default branch. */
  readonly target: RepoRef;
  readonly paths: PathMatcher;
  readonly read?: ReadOptions;
  /** The PR head branch: deterministic, already sanitised by the caller, never the base. */
  readonly branch: string;
  /** The plan over a snapshot's files (called for the base and for the PR branch). */
  readonly planner: (snapshot: RemoteSnapshot) => Plan;
  readonly message: (plan: Plan) => { headline: string; body?: string };
  readonly title: (plan: Plan) => string;
  readonly body: (plan: Plan) => string;
  /** Labels by name; missing ones are created (REST `issues/add-labels`). */
  readonly labels?: readonly string[];
  /** User logins. */
  readonly reviewers?: readonly string[];
  /** `team` or `org/team` slugs of the repository owner's organization. */
  readonly teamReviewers?: readonly string[];
  /** User logins. */
  readonly assignees?: readonly string[];
  readonly draft?: boolean;
  /** Enable auto-merge with this method on a new PR (only where the repository allows it; else a warning). */
  readonly autoMerge?: 'merge' | 'squash' | 'rebase';
  /** Debug log (never the token). */
  readonly log?: (message: string) => void;
  /** Failures that must not fail the run: labels, reviewers, assignees, auto-merge, branch clean-up. */
  readonly warn?: (message: string) => void;
  /** Read-decide-write rounds before giving up on branches that keep moving. Default 10. */
  readonly maxAttempts?: number;
  /** Time budget of the race loop. Default 120 s. */
  readonly maxTotalMs?: number;
  /** Full-jitter backoff between rounds and follow-up retries (as `commitPlan`). Defaults 250 ms, 8 s. */
  readonly backoff?: { readonly baseMs?: number; readonly maxMs?: number };
  /** Tries of a follow-up that GitHub answers "Could not resolve to a node" (a new PR replicating). Default 5. */
  readonly followUpAttempts?: number;
}

/** `none`: nothing to change and no PR open. */
export type PullOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'none';

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

const ZERO_OID = '0000000000000000000000000000000000000000';
/** First parents of the PR head read with it: enough to see whether the base head is still its fork point. */
const CHAIN_DEPTH = 8;

// ---------------------------------------------------------------------------------------------------------
// What one read observes.

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
  /** The head and its first parents (newest first), `CHAIN_DEPTH` deep at most. */
  readonly chain: readonly string[];
  /** Its versions of the base's matched files (read only while a PR is open). */
  readonly files?: CommitFiles;
}

/** One consistent read: the base, the open PR for the branch, the branch, and label ids. */
export interface PullObservation {
  readonly snapshot: RemoteSnapshot;
  readonly pull?: OpenPull;
  readonly branch?: PullBranch;
  /** Ids of the wanted labels that exist, by the name asked for. */
  readonly labelIds: ReadonlyMap<string, string>;
  /** The base head and its first parents (newest first), `CHAIN_DEPTH` deep at most. */
  readonly baseChain: readonly string[];
  /** The PR branch's fork point on the base and its files, read when a rebuild needs them. */
  readonly fork?: { readonly oid: string; readonly files: CommitFiles };
}

interface RawPull {
  readonly id: string;
  readonly number: number;
  readonly url: string;
  readonly title: string;
  readonly body: string | null;
  readonly baseRefName: string;
  readonly headRepository: { readonly nameWithOwner: string } | null;
  readonly labels: { readonly nodes: readonly { readonly name: string }[] } | null;
}

interface RawChain {
  readonly oid: string;
  readonly parents?: { readonly nodes: readonly RawChain[] } | null;
}

type RawBranchTarget = RawChain & { readonly __typename: string } & Record<string, unknown>;

/** `oid parents(first: 1) { nodes { oid parents … } }`, `depth` parents deep. */
function chainSelection(depth: number): string {
  return depth <= 0 ? 'oid' : `oid parents(first: 1) { nodes { ${chainSelection(depth - 1)} } }`;
}

function flattenChain(node: RawChain | undefined): string[] {
  const oids: string[] = [];
  for (let n = node; n !== undefined; n = n.parents?.nodes[0]) oids.push(n.oid);
  return oids;
}

/** The selection added to the head query: the open PRs for the branch, the branch (and its files), label ids. */
function extraSelection(spec: PullRequestSpec): ExtraSelection {
  const variables: Record<string, { type: string; value: unknown }> = {
    prHead: { type: 'String!', value: spec.branch },
    prRef: { type: 'String!', value: qualifiedBranch(spec.branch) },
  };
  const files = (spec.paths.literals ?? []).map((path, i) => {
    variables[`prF${i}`] = { type: 'String!', value: path };
    return `prF${i}: file(path: $prF${i}) { ${FILE_ENTRY_SELECTION} }`;
  });
  const labels = (spec.labels ?? []).map((name, i) => {
    variables[`prL${i}`] = { type: 'String!', value: name };
    return `prL${i}: label(name: $prL${i}) { id name }`;
  });
  if (spec.target.branch !== undefined) variables['prBase'] = { type: 'String!', value: qualifiedBranch(spec.target.branch) };
  const baseRef = spec.target.branch === undefined ? 'prBase: defaultBranchRef' : 'prBase: ref(qualifiedName: $prBase)';
  const selection =
    `${baseRef} { target { ... on Commit { ${chainSelection(CHAIN_DEPTH)} } } } ` +
    `prPulls: pullRequests(headRefName: $prHead, states: [OPEN], first: 20) { nodes { id number url title body baseRefName ` +
    `headRepository { nameWithOwner } labels(first: 100) { nodes { name } } } } ` +
    `prBranch: ref(qualifiedName: $prRef) { target { __typename ... on Commit { message url ${chainSelection(CHAIN_DEPTH)} ${files.join(' ')} } } } ` +
    labels.join(' ');
  return { selection, variables };
}

/** One read (two with globs, three with globs and an open PR): base, open PR, PR branch and its files, labels. */
export async function observe(client: GitHubClient, spec: PullRequestSpec): Promise<PullObservation> {
  const snapshot = await readSnapshot(client, spec.target, spec.paths, undefined, { ...spec.read, extra: extraSelection(spec) });
  const extra = snapshot.extra ?? {};
  const pulls = ((extra['prPulls'] as { nodes?: readonly RawPull[] } | null)?.nodes ?? []).filter(
    (p) => p.headRepository === null || p.headRepository.nameWithOwner.toLowerCase() === snapshot.nameWithOwner.toLowerCase(),
  );
  const raw = pulls.find((p) => p.baseRefName === snapshot.branch) ?? pulls[0];
  const pull: OpenPull | undefined =
    raw === undefined
      ? undefined
      : {
          id: raw.id,
          number: raw.number,
          url: raw.url,
          title: raw.title,
          body: raw.body ?? '',
          baseRefName: raw.baseRefName,
          labels: (raw.labels?.nodes ?? []).map((l) => l.name),
        };
  const target = (extra['prBranch'] as { target?: RawBranchTarget | null } | null)?.target ?? undefined;
  let branch: PullBranch | undefined;
  if (target !== undefined && target !== null) {
    const chain = flattenChain(target);
    let files: CommitFiles | undefined;
    if (pull !== undefined && target.__typename === 'Commit') {
      // The PR branch's versions of the literal paths came with the head query, unless a literal was a folder.
      const literals = spec.paths.literals;
      const direct = literals !== undefined && snapshot.files.every((f) => literals.includes(f.path));
      files =
        literals !== undefined && direct
          ? await filesFromAnswers(client, spec.target, spec.branch, literals.map((path, i) => ({ path, entry: target[`prF${i}`] })), spec.read)
          : await readFilesAt(client, spec.target, spec.branch, target.oid, snapshot.files.map((f) => f.path), spec.read);
    }
    const message = typeof target['message'] === 'string' ? target['message'] : '';
    const url = typeof target['url'] === 'string' ? target['url'] : '';
    branch = { head: target.oid, message, url, chain, ...(files === undefined ? {} : { files }) };
  }
  const labelIds = new Map<string, string>();
  (spec.labels ?? []).forEach((name, i) => {
    const label = extra[`prL${i}`] as { id: string } | null | undefined;
    if (label) labelIds.set(name, label.id);
  });
  const baseChain = flattenChain((extra['prBase'] as { target?: RawChain | null } | null)?.target ?? undefined);
  return { snapshot, ...(pull === undefined ? {} : { pull }), ...(branch === undefined ? {} : { branch }), labelIds, baseChain };
}

/** The observation with the fork point's files (the paths of the base and of the PR branch), read at `oid`. */
export async function withFork(client: GitHubClient, spec: PullRequestSpec, observation: PullObservation, oid: string): Promise<PullObservation> {
  const paths = new Set([...observation.snapshot.files, ...(observation.branch?.files?.files ?? [])].map((f) => f.path));
  const files = await readFilesAt(client, spec.target, oid.slice(0, 12), oid, [...paths].sort(), spec.read);
  return { ...observation, fork: { oid, files } };
}

// ---------------------------------------------------------------------------------------------------------
// The decision: pure.

/** What one round should do. */
export type PullDecision =
  /** No PR open and nothing to change. */
  | { readonly kind: 'none'; readonly plan: Plan }
  /** The PR already proposes exactly this: no commit (the title and body may still need a refresh). */
  | { readonly kind: 'unchanged'; readonly plan: Plan; readonly pull: OpenPull; readonly describes: boolean }
  /** The base already holds everything the PR would change. */
  | { readonly kind: 'close'; readonly plan: Plan; readonly pull: OpenPull }
  /** A rebuild that needs the files of the PR branch's fork point `oid` (`withFork`), then a new decision. */
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
 * the base's) with this run's plan applied. Without a known fork point (deeper than `CHAIN_DEPTH` first parents),
 * the rebuild holds the base plan alone.
 */
export function decidePull(observation: PullObservation, spec: Pick<PullRequestSpec, 'planner' | 'branch'>): PullDecision {
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
  const baseFiles = byPath(snapshot.files);
  const pullFiles = byPath(branch.files.files);
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
    const forkFiles = observation.fork === undefined ? undefined : byPath(observation.fork.files.files);
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
function rebuild(spec: Pick<PullRequestSpec, 'planner'>, snapshot: RemoteSnapshot, pullFiles: ReadonlyMap<string, string>, fork: CommitFiles): Plan {
  const forkFiles = byPath(fork.files);
  const files = snapshot.files.map((file) => {
    const pulled = pullFiles.get(file.path);
    return pulled !== undefined && forkFiles.get(file.path) === file.text ? { path: file.path, text: pulled } : file;
  });
  const planned = effective(spec.planner({ ...snapshot, files }));
  const after = apply(byPath(files), planned.edits);
  const edits: FileEdit[] = [];
  for (const file of snapshot.files) {
    const text = after.get(file.path);
    if (text === undefined || text === file.text) continue;
    edits.push({ path: file.path, before: file.text, after: text, changes: planned.edits.find((e) => e.path === file.path)?.changes ?? [] });
  }
  const paths = new Set(edits.map((e) => e.path));
  return { ...planned, edits, changes: planned.changes.filter((c) => paths.has(c.file)) };
}

/** Drops edits that leave the bytes as they are (the run converges instead of committing nothing). */
function effective(plan: Plan): Plan {
  if (plan.edits.every((e) => e.after !== e.before)) return plan;
  const edits = plan.edits.filter((e) => e.after !== e.before);
  const paths = new Set(edits.map((e) => e.path));
  return { ...plan, edits, changes: plan.changes.filter((c) => paths.has(c.file)) };
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

function byPath(files: readonly SourceFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.text]));
}

function apply(files: ReadonlyMap<string, string>, edits: readonly FileEdit[]): Map<string, string> {
  const out = new Map(files);
  for (const edit of edits) out.set(edit.path, edit.after);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Mutation documents: every root field answers on its own (GitHub runs them in order, and a failed one does
// not stop the next), so each is judged by its alias.

interface Answer {
  readonly data: Readonly<Record<string, unknown>>;
  readonly errors: readonly GraphqlErrorEntry[];
  /** The document's root aliases. */
  readonly aliases: readonly string[];
}

/** Sends a document; GraphQL errors come back beside the partial data instead of being thrown. */
async function send(client: GitHubClient, query: string, variables: Record<string, unknown>, aliases: readonly string[]): Promise<Answer> {
  try {
    return { data: await client.graphql<Record<string, unknown>>(query, variables), errors: [], aliases };
  } catch (error) {
    if (!(error instanceof GraphqlResponseError)) throw error;
    const data = typeof error.data === 'object' && error.data !== null ? (error.data as Record<string, unknown>) : {};
    return { data, errors: error.errors, aliases };
  }
}

/**
 * The errors of one root field, by its alias. An error without a path, or whose path names none of the
 * document's aliases (a proxy or an emulator naming the field instead of its alias), belongs to every field.
 */
function errorsOf(answer: Answer, alias: string): GraphqlErrorEntry[] {
  return answer.errors.filter((e) => {
    const key = e.path?.[0];
    return key === alias || typeof key !== 'string' || !answer.aliases.includes(key);
  });
}

/**
 * Why a follow-up field failed, or [] when it succeeded. A mutation that ran answers a payload object, so a
 * null payload failed too, even when only another field's error names the cause (then those errors are its).
 */
function failure(answer: Answer, alias: string): readonly GraphqlErrorEntry[] {
  const own = errorsOf(answer, alias);
  if (own.length > 0) return own;
  const payload = answer.data[alias];
  if (payload !== null && payload !== undefined) return [];
  return answer.errors.length > 0 ? answer.errors : [{ message: 'GitHub answered without a result' }];
}

const MERGE_METHODS = { merge: 'MERGE', squash: 'SQUASH', rebase: 'REBASE' } as const;

interface Field {
  readonly alias: string;
  readonly declaration: string;
  readonly selection: string;
  readonly value: unknown;
}

/** Sends one mutation document made of `fields`, each under its alias. */
function mutate(client: GitHubClient, name: string, fields: readonly Field[]): Promise<Answer> {
  const declarations = fields.map((f) => `$${f.alias}: ${f.declaration}`).join(', ');
  const query = `mutation ${name}(${declarations}) { ${fields.map((f) => `${f.alias}: ${f.selection}`).join(' ')} }`;
  const variables = Object.fromEntries(fields.map((f) => [f.alias, f.value]));
  return send(client, query, variables, fields.map((f) => f.alias));
}

function refMove(repositoryId: string, branch: string, beforeOid: string, afterOid: string): Field {
  return {
    alias: 'ref',
    declaration: 'UpdateRefsInput!',
    selection: 'updateRefs(input: $ref) { clientMutationId }',
    // force: the move need not be a fast-forward (a rebuild), yet it is a compare-and-swap on beforeOid.
    value: { repositoryId, refUpdates: [{ name: qualifiedBranch(branch), beforeOid, afterOid, force: true }] },
  };
}

function commitField(nameWithOwner: string, branch: string, parent: string, edits: readonly FileEdit[], message: { headline: string; body?: string }): Field {
  return {
    alias: 'commit',
    declaration: 'CreateCommitOnBranchInput!',
    selection: 'createCommitOnBranch(input: $commit) { commit { oid url } }',
    value: {
      branch: { repositoryNameWithOwner: nameWithOwner, branchName: branch },
      expectedHeadOid: parent,
      message: message.body === undefined || message.body === '' ? { headline: message.headline } : message,
      fileChanges: { additions: edits.map((e) => ({ path: e.path, contents: encodeContents(e.after) })) },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The loop.

interface Progress {
  created?: { id: string; number: number; url: string };
  commit?: { oid: string; url: string };
  /**
   * A document that GitHub may have applied although its answer was lost (the client retried it, and the
   * retry lost a race, maybe to the first try): its commit's parent and message, and whether it opened a PR.
   */
  ambiguous?: { parent: string; message: string; opening: boolean };
}

/** Recognises the commit (and PR) of a document whose answer was lost: the branch head is our commit. */
function recognise(progress: Progress, observation: PullObservation, log: (message: string) => void): void {
  const sent = progress.ambiguous;
  const branch = observation.branch;
  progress.ambiguous = undefined;
  if (sent === undefined || branch === undefined) return;
  if (branch.chain[1] !== sent.parent || branch.message.trim() !== sent.message.trim()) return;
  progress.commit ??= { oid: branch.head, url: branch.url };
  if (sent.opening && observation.pull !== undefined && progress.created === undefined) {
    const { id, number, url } = observation.pull;
    progress.created = { id, number, url };
  }
  log(`the write landed although its answer was lost: ${branch.head}`);
}

function fullMessage(message: { headline: string; body?: string }): string {
  return message.body ? `${message.headline}\n\n${message.body}` : message.headline;
}

/**
 * Opens the pull request for `spec.branch`, or brings the open one up to date, or closes it when the base
 * already holds what it proposes. A new PR costs 3 requests with explicit paths (read, one document that
 * creates the branch, commits and opens the PR, one follow-up for labels, reviewers, assignees and auto-merge;
 * +1 in parallel to look up reviewer ids; +1 to create missing labels); an update costs 2; an identical re-run 1.
 * Throws `GitHubError`; label, reviewer, assignee and auto-merge failures are `warn`ings.
 */
export async function openOrUpdatePullRequest(client: GitHubClient, given: PullRequestSpec): Promise<PullResult> {
  const spec: PullRequestSpec = { ...given, branch: given.branch.replace(/^refs\/heads\//, '') };
  const maxAttempts = spec.maxAttempts ?? 10;
  const maxTotalMs = spec.maxTotalMs ?? 120_000;
  const started = Date.now();
  const run: RunState = { progress: {} };
  for (let attempt = 1; ; attempt += 1) {
    const roundStarted = Date.now();
    const result = await round(client, spec, run, attempt);
    if (typeof result !== 'string') return result;
    const elapsed = Date.now() - started;
    const waitMs = backoffMs(attempt, Math.max(spec.backoff?.baseMs ?? 250, Date.now() - roundStarted), spec.backoff?.maxMs ?? 8_000, client.random);
    if (attempt >= maxAttempts || elapsed + waitMs > maxTotalMs) {
      throw pullRaceExhausted(spec.target, spec.branch, attempt, elapsed, result);
    }
    spec.log?.(`lost a race on '${spec.branch}' (${result}): re-reading in ${waitMs} ms`);
    await client.sleep(waitMs);
  }
}

/** What outlives a round: writes that landed, and the reviewer-id lookup (sent once). */
interface RunState {
  readonly progress: Progress;
  lookup?: Promise<ReviewerIds>;
}

/** One round: read, decide, act. Resolves the result, or the race that was lost (then read again). */
async function round(client: GitHubClient, spec: PullRequestSpec, run: RunState, attempt: number): Promise<PullResult | string> {
  const { progress } = run;
  let observation = await observe(client, spec);
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
  recognise(progress, observation, spec.log ?? (() => undefined));
  let decision = decidePull(observation, spec);
  if (decision.kind === 'fork') {
    observation = await withFork(client, spec, observation, decision.oid);
    decision = decidePull(observation, spec);
  }
  spec.log?.(`pull request '${spec.branch}' → ${snapshot.branch}: ${decision.kind} (round ${attempt})`);
  const plan = decision.plan;
  const done = (operation: PullOperation, pull?: { number: number; url: string }): PullResult => ({
    operation,
    ...(pull === undefined ? {} : { number: pull.number, url: pull.url }),
    branch: spec.branch,
    ...(progress.commit === undefined ? {} : { commit: progress.commit }),
    plan,
    base: snapshot.branch,
    attempts: attempt,
  });
  // A PR this run opened in an earlier round (whose commit then lost a race) still gets its follow-up.
  const finish = async (operation: PullOperation, pull?: { number: number; url: string }): Promise<PullResult> => {
    if (progress.created !== undefined) await followUp(client, spec, observation, progress.created, run.lookup);
    return done(outcome(progress, operation), pull ?? progress.created);
  };
  switch (decision.kind) {
    case 'none':
      return finish('none');
    case 'unchanged':
      await refresh(client, spec, observation, decision.pull, decision.describes ? decision.plan : undefined);
      return finish('unchanged', decision.pull);
    case 'close':
      await close(client, spec, observation, decision.pull);
      return done('closed', decision.pull);
    case 'fork':
      throw new GitHubError('api', `internal: the fork point ${decision.oid} of '${spec.branch}' was read but not used`);
    case 'write': {
      if (decision.pull === undefined) {
        if (run.lookup === undefined && needsIds(spec)) run.lookup = lookupReviewers(client, spec, snapshot);
        const raced = await create(client, spec, observation, decision, progress);
        return raced ?? finish('created');
      }
      const raced = await update(client, spec, observation, decision, decision.pull, progress);
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

type WriteDecision = Extract<PullDecision, { kind: 'write' }>;

/**
 * One document: the branch to the base head (compare-and-swap: it must not exist, or still be the leftover
 * we read), one commit, the PR. Resolves undefined when done, else the race that was lost (read again).
 */
async function create(client: GitHubClient, spec: PullRequestSpec, observation: PullObservation, decision: WriteDecision, progress: Progress): Promise<string | undefined> {
  const { snapshot } = observation;
  const message = spec.message(decision.write);
  const fields: Field[] = [
    refMove(snapshot.repositoryId, spec.branch, decision.moveFrom ?? ZERO_OID, decision.parent),
    commitField(snapshot.nameWithOwner, spec.branch, decision.parent, decision.write.edits, message),
    {
      alias: 'pull',
      declaration: 'CreatePullRequestInput!',
      selection: 'createPullRequest(input: $pull) { pullRequest { id number url } }',
      value: {
        repositoryId: snapshot.repositoryId,
        baseRefName: snapshot.branch,
        headRefName: spec.branch,
        title: titleOf(spec, decision.plan),
        body: bodyOf(spec, decision.plan),
        draft: spec.draft === true,
      },
    },
  ];
  const retries = client.stats().retries;
  const answer = await mutate(client, 'OpenPullRequest', fields);
  if (answer.errors.length > 0 && client.stats().retries > retries) {
    progress.ambiguous = { parent: decision.parent, message: fullMessage(message), opening: true };
  }
  const pull = (answer.data['pull'] as { pullRequest?: { id: string; number: number; url: string } | null } | null)?.pullRequest;
  const commit = (answer.data['commit'] as { commit?: { oid: string; url: string } | null } | null)?.commit;
  if (pull) progress.created = pull;
  if (commit) progress.commit = commit;
  const refErrors = errorsOf(answer, 'ref');
  const commitErrors = errorsOf(answer, 'commit');
  const pullErrors = errorsOf(answer, 'pull');
  fatal(client.workflowRepository, spec, 'ref', refErrors);
  // With the ref move lost, the commit fails for want of the branch or of its head: that is the same race.
  if (!(refErrors.some(isRace) && commitErrors.length > 0)) fatal(client.workflowRepository, spec, 'commit', commitErrors);
  if (pullErrors.some(isActionsForbidden)) throw actionsForbidden(spec.target, spec.branch, pullErrors, commit !== undefined && commit !== null);
  fatal(client.workflowRepository, spec, 'pull', pullErrors);
  if (answer.errors.length === 0) {
    spec.log?.(`opened #${pull?.number ?? '?'} from '${spec.branch}' (commit ${commit?.oid ?? '?'} on ${decision.parent})`);
    return undefined;
  }
  // "No commits between" after a lost commit race, "already exists": somebody else got there first.
  return say(answer.errors);
}

/** Throws the error a person can act on for a field that failed for a reason other than a race. */
function fatal(workflowRepository: string | undefined, spec: PullRequestSpec, alias: 'ref' | 'commit' | 'pull', errors: readonly GraphqlErrorEntry[]): void {
  const error = pullWriteError(spec.target, spec.branch, alias, errors, workflowRepository);
  if (error !== undefined) throw error;
}

/**
 * One document for an open PR: [move the branch to the base head] + one commit + [title/body/base refresh]
 * + [labels it lacks]. Resolves undefined when done, else the race that was lost.
 */
async function update(
  client: GitHubClient,
  spec: PullRequestSpec,
  observation: PullObservation,
  decision: WriteDecision,
  pull: OpenPull,
  progress: Progress,
): Promise<string | undefined> {
  const { snapshot } = observation;
  const fields: Field[] = [];
  if (decision.moveFrom !== undefined) fields.push(refMove(snapshot.repositoryId, spec.branch, decision.moveFrom, decision.parent));
  const message = spec.message(decision.write);
  fields.push(commitField(snapshot.nameWithOwner, spec.branch, decision.parent, decision.write.edits, message));
  fields.push(...metadataFields(spec, observation, pull, decision.describes ? decision.plan : undefined));
  const retries = client.stats().retries;
  const answer = await mutate(client, 'UpdatePullRequest', fields);
  if (answer.errors.length > 0 && client.stats().retries > retries) {
    progress.ambiguous = { parent: decision.parent, message: fullMessage(message), opening: false };
  }
  const commit = (answer.data['commit'] as { commit?: { oid: string; url: string } | null } | null)?.commit;
  if (commit) progress.commit = commit;
  const refErrors = errorsOf(answer, 'ref');
  const commitErrors = errorsOf(answer, 'commit');
  fatal(client.workflowRepository, spec, 'ref', refErrors);
  if (!(refErrors.some(isRace) && commitErrors.length > 0)) fatal(client.workflowRepository, spec, 'commit', commitErrors);
  if (refErrors.length > 0 || commitErrors.length > 0) return say([...refErrors, ...commitErrors]);
  spec.log?.(`committed ${commit?.oid ?? '?'} on '${spec.branch}' (parent ${decision.parent}) for #${pull.number}`);
  await retryMetadata(client, spec, answer, fields.filter((f) => f.alias === 'meta' || f.alias === 'labels'), pull);
  return undefined;
}

/**
 * updatePullRequest when the title, body (from `plan`; kept when undefined) or base differ;
 * addLabelsToLabelable for wanted labels the PR lacks.
 */
function metadataFields(spec: PullRequestSpec, observation: PullObservation, pull: OpenPull, plan: Plan | undefined): Field[] {
  const fields: Field[] = [];
  const base = observation.snapshot.branch;
  const changes: Record<string, string> = {};
  if (plan !== undefined) {
    const title = titleOf(spec, plan);
    const body = bodyOf(spec, plan);
    if (title !== pull.title) changes['title'] = title;
    if (normalise(body) !== normalise(pull.body)) changes['body'] = body;
  }
  if (base !== pull.baseRefName) changes['baseRefName'] = base;
  if (Object.keys(changes).length > 0) {
    fields.push({
      alias: 'meta',
      declaration: 'UpdatePullRequestInput!',
      selection: 'updatePullRequest(input: $meta) { pullRequest { number } }',
      value: { pullRequestId: pull.id, ...changes },
    });
  }
  const have = new Set(pull.labels.map((l) => l.toLowerCase()));
  const missing = [...observation.labelIds].filter(([name]) => !have.has(name.toLowerCase())).map(([, id]) => id);
  if (missing.length > 0) fields.push(labelsField(pull.id, missing));
  return fields;
}

/** GitHub refuses titles over 256 characters and bodies over 65,536 (422 "… is too long"): cut, never fail. */
const MAX_TITLE = 256;
const MAX_BODY = 65_536;

function titleOf(spec: PullRequestSpec, plan: Plan): string {
  const title = spec.title(plan).replace(/\s+/g, ' ').trim();
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}

function bodyOf(spec: PullRequestSpec, plan: Plan): string {
  const body = spec.body(plan);
  const note = "\n\n… (cut at GitHub's limit of 65,536 characters)";
  return body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY - note.length)}${note}`;
}

function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd();
}

function labelsField(id: string, labelIds: readonly string[]): Field {
  return {
    alias: 'labels',
    declaration: 'AddLabelsToLabelableInput!',
    selection: 'addLabelsToLabelable(input: $labels) { clientMutationId }',
    value: { labelableId: id, labelIds },
  };
}

/** Refreshes the title/body (and adds missing labels) of a PR whose content is already right. */
async function refresh(client: GitHubClient, spec: PullRequestSpec, observation: PullObservation, pull: OpenPull, plan: Plan | undefined): Promise<void> {
  const fields = metadataFields(spec, observation, pull, plan);
  if (fields.length === 0) return;
  await sendFollowUp(client, spec, 'RefreshPullRequest', fields, pull);
}

/** Re-sends the metadata fields of a document that GitHub could not resolve yet; other failures warn. */
async function retryMetadata(client: GitHubClient, spec: PullRequestSpec, answer: Answer, fields: readonly Field[], pull: OpenPull): Promise<void> {
  const failed = fields.filter((f) => failure(answer, f.alias).length > 0);
  const again = failed.filter((f) => failure(answer, f.alias).every(isUnresolvable));
  for (const f of failed) if (!again.includes(f)) spec.warn?.(followUpWarning(spec, f.alias, pull.number, failure(answer, f.alias)));
  if (again.length > 0) await sendFollowUp(client, spec, 'RefreshPullRequest', again, pull, 2);
}

/** Closes the PR and deletes its branch (compare-and-swap on the head read: a branch that moved is kept). */
async function close(client: GitHubClient, spec: PullRequestSpec, observation: PullObservation, pull: OpenPull): Promise<void> {
  const { snapshot, branch } = observation;
  const fields: Field[] = [
    { alias: 'close', declaration: 'ClosePullRequestInput!', selection: 'closePullRequest(input: $close) { pullRequest { number } }', value: { pullRequestId: pull.id } },
  ];
  if (branch !== undefined) fields.push(refMove(snapshot.repositoryId, spec.branch, branch.head, ZERO_OID));
  const answer = await mutate(client, 'ClosePullRequest', fields);
  const closeErrors = errorsOf(answer, 'close');
  if (closeErrors.length > 0) {
    throw closeFailed(spec.target, pull.number, closeErrors);
  }
  const refErrors = errorsOf(answer, 'ref');
  if (refErrors.length > 0) {
    spec.warn?.(`closed pull request #${pull.number}, but kept its branch '${spec.branch}' (${say(refErrors)}): delete it by hand if it is not needed`);
  }
  spec.log?.(`closed #${pull.number}: ${snapshot.branch} already holds everything it proposed`);
}

// ---------------------------------------------------------------------------------------------------------
// Follow-up on a new PR: labels, reviewers, assignees, auto-merge. Never fails the run.

interface ReviewerIds {
  readonly users: ReadonlyMap<string, string>;
  readonly teams: ReadonlyMap<string, string>;
}

function needsIds(spec: PullRequestSpec): boolean {
  return (spec.reviewers?.length ?? 0) + (spec.teamReviewers?.length ?? 0) + (spec.assignees?.length ?? 0) > 0;
}

/** Team slug in the repository owner's organization, or undefined (with a warning) for another organization's. */
function teamSlug(spec: PullRequestSpec, team: string): string | undefined {
  const slash = team.indexOf('/');
  if (slash === -1) return team;
  const org = team.slice(0, slash);
  if (org.toLowerCase() === spec.target.owner.toLowerCase()) return team.slice(slash + 1);
  spec.warn?.(`team reviewer '${team}' is not in ${spec.target.owner}'s organization: only its teams can review pull requests in ${slug(spec.target)}`);
  return undefined;
}

/** One query: node ids of reviewer and assignee logins and teams (unknown ones are warnings), and the viewer. */
async function lookupReviewers(client: GitHubClient, spec: PullRequestSpec, snapshot: RemoteSnapshot): Promise<ReviewerIds> {
  const logins = [...new Set([...(spec.reviewers ?? []), ...(spec.assignees ?? [])])];
  const teams = [...new Set((spec.teamReviewers ?? []).map((t) => teamSlug(spec, t)).filter((t): t is string => t !== undefined))];
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const selections = ['viewer { login }'];
  logins.forEach((login, i) => {
    variables[`u${i}`] = login;
    declarations.push(`$u${i}: String!`);
    selections.push(`u${i}: user(login: $u${i}) { id login }`);
  });
  if (teams.length > 0) {
    variables['org'] = snapshot.nameWithOwner.split('/')[0] ?? spec.target.owner;
    declarations.push('$org: String!');
    const slugs = teams.map((t, i) => {
      variables[`t${i}`] = t;
      declarations.push(`$t${i}: String!`);
      return `t${i}: team(slug: $t${i}) { id }`;
    });
    selections.push(`org: organization(login: $org) { ${slugs.join(' ')} }`);
  }
  const query = `query LookupReviewers${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} { ${selections.join(' ')} }`;
  let answer: Answer;
  try {
    answer = await send(client, query, variables, []);
  } catch (error) {
    spec.warn?.(`could not look up reviewers and assignees (${error instanceof Error ? error.message : String(error)}): none were requested`);
    return { users: new Map(), teams: new Map() };
  }
  const users = new Map<string, string>();
  logins.forEach((login, i) => {
    const user = answer.data[`u${i}`] as { id: string } | null | undefined;
    if (user) users.set(login, user.id);
    else spec.warn?.(`no GitHub user '${login}' (pr-reviewers / assignees): skipped`);
  });
  const viewer = (answer.data['viewer'] as { login?: string } | null | undefined)?.login;
  if (viewer !== undefined && (spec.reviewers ?? []).some((r) => r.toLowerCase() === viewer.toLowerCase())) {
    spec.warn?.(`'${viewer}' opens the pull request and cannot review it: not requested`);
    const own = [...users.keys()].find((login) => login.toLowerCase() === viewer.toLowerCase());
    if (own !== undefined && !(spec.assignees ?? []).includes(own)) users.delete(own);
  }
  const org = answer.data['org'] as Record<string, { id: string } | null> | null | undefined;
  const teamIds = new Map<string, string>();
  teams.forEach((team, i) => {
    const found = org?.[`t${i}`];
    if (found) teamIds.set(team, found.id);
    else spec.warn?.(`no team '${team}' in ${spec.target.owner} visible to the token (team reviewers need \`members: read\` on an App token): skipped`);
  });
  return { users, teams: teamIds };
}

/** Labels, reviewers, assignees and auto-merge of a new PR: one document (+ one REST call creating missing labels). */
async function followUp(
  client: GitHubClient,
  spec: PullRequestSpec,
  observation: PullObservation,
  pull: { id: string; number: number },
  lookup: Promise<ReviewerIds> | undefined,
): Promise<void> {
  const labels = spec.labels ?? [];
  const missing = labels.filter((name) => !observation.labelIds.has(name));
  const fields: Field[] = [];
  const ids = [...observation.labelIds.values()];
  if (ids.length > 0) fields.push(labelsField(pull.id, ids));
  const found = lookup === undefined ? undefined : await lookup;
  if (found !== undefined) {
    const userIds = (spec.reviewers ?? []).flatMap((login) => found.users.get(login) ?? []);
    const teamIds = (spec.teamReviewers ?? []).flatMap((team) => {
      const s = team.includes('/') ? team.slice(team.indexOf('/') + 1) : team;
      return found.teams.get(s) ?? [];
    });
    if (userIds.length + teamIds.length > 0) {
      fields.push({
        alias: 'reviews',
        declaration: 'RequestReviewsInput!',
        selection: 'requestReviews(input: $reviews) { clientMutationId }',
        value: { pullRequestId: pull.id, userIds, teamIds, union: true },
      });
    }
    const assigneeIds = (spec.assignees ?? []).flatMap((login) => found.users.get(login) ?? []);
    if (assigneeIds.length > 0) {
      fields.push({
        alias: 'assignees',
        declaration: 'AddAssigneesToAssignableInput!',
        selection: 'addAssigneesToAssignable(input: $assignees) { clientMutationId }',
        value: { assignableId: pull.id, assigneeIds },
      });
    }
  }
  if (spec.autoMerge !== undefined) {
    if (observation.snapshot.autoMergeAllowed) {
      fields.push({
        alias: 'autoMerge',
        declaration: 'EnablePullRequestAutoMergeInput!',
        selection: 'enablePullRequestAutoMerge(input: $autoMerge) { clientMutationId }',
        value: { pullRequestId: pull.id, mergeMethod: MERGE_METHODS[spec.autoMerge] },
      });
    } else {
      spec.warn?.(
        `auto-merge is not allowed in ${slug(spec.target)}: pull request #${pull.number} was opened without it ` +
          `(enable Settings → General → Pull Requests → "Allow auto-merge")`,
      );
    }
  }
  await Promise.all([
    fields.length > 0 ? sendFollowUp(client, spec, 'DecoratePullRequest', fields, pull) : Promise.resolve(),
    missing.length > 0 ? addLabelsByName(client, spec, pull.number, missing) : Promise.resolve(),
  ]);
}

/** REST `issues/add-labels`: creates labels that do not exist yet. */
async function addLabelsByName(client: GitHubClient, spec: PullRequestSpec, number: number, labels: readonly string[]): Promise<void> {
  try {
    await client.rest.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
      owner: spec.target.owner,
      repo: spec.target.repo,
      issue_number: number,
      labels: [...labels],
    });
  } catch (error) {
    spec.warn?.(`could not add labels ${labels.map((l) => `'${l}'`).join(', ')} to #${number}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Sends follow-up fields; those GitHub cannot resolve yet ("Could not resolve to a node": a PR just created
 * is still replicating) are sent again after a short backoff; every other failure is a warning.
 */
async function sendFollowUp(
  client: GitHubClient,
  spec: PullRequestSpec,
  name: string,
  fields: readonly Field[],
  pull: { number: number },
  firstTry = 1,
): Promise<void> {
  const attempts = spec.followUpAttempts ?? 5;
  let pending = [...fields];
  for (let attempt = firstTry; pending.length > 0; attempt += 1) {
    if (attempt > 1) await client.sleep(backoffMs(attempt - 1, spec.backoff?.baseMs ?? 250, spec.backoff?.maxMs ?? 8_000, client.random));
    let answer: Answer;
    try {
      answer = await mutate(client, name, pending);
    } catch (error) {
      for (const f of pending) spec.warn?.(followUpWarning(spec, f.alias, pull.number, [{ message: error instanceof Error ? error.message : String(error) }]));
      return;
    }
    const failed = pending.filter((f) => failure(answer, f.alias).length > 0);
    const again = failed.filter((f) => failure(answer, f.alias).every(isUnresolvable));
    for (const f of failed) {
      if (!again.includes(f) || attempt >= attempts) spec.warn?.(followUpWarning(spec, f.alias, pull.number, failure(answer, f.alias)));
    }
    if (again.length > 0 && attempt < attempts) spec.log?.(`#${pull.number} not resolvable yet (${again.map((f) => f.alias).join(', ')}): retrying`);
    pending = attempt < attempts ? again : [];
  }
}

const FOLLOW_UP_NAMES: Readonly<Record<string, string>> = {
  labels: 'add labels to',
  reviews: 'request reviewers on',
  assignees: 'assign',
  autoMerge: 'enable auto-merge on',
  meta: 'update the title and body of',
};

function followUpWarning(spec: PullRequestSpec, alias: string, number: number, errors: readonly GraphqlErrorEntry[]): string {
  const hint =
    alias === 'autoMerge' && isNothingPending(errors)
      ? ' (GitHub enables auto-merge only while something is still pending: required checks or reviews in branch protection or a ruleset)'
      : '';
  return `could not ${FOLLOW_UP_NAMES[alias] ?? alias} pull request #${number} of ${slug(spec.target)}: ${say(errors)}${hint}`;
}
