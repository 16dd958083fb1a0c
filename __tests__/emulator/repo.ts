/**
 * One served repository: its git directory, settings, pull requests and labels, and the write
 * operations REST and GraphQL share (each ref move a compare-and-swap in git).
 */
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitHubError, notFound, unprocessable, validationFailed } from './errors.js';
import { EMPTY_TREE, GitRepo, ZERO_OID, git, githubNow, type FileChange, type GitPerson } from './git.js';
import { Mutex } from './mutex.js';
import { assertRules, type BranchRule, type RefOperation } from './rules.js';
import { bareCopy, guardCheckedOut, hasWorkTree, pushPolicy, type CheckedOutPolicy } from './worktree.js';

/** Options of one served repository (see the emulator's README in index.ts). */
export interface RepoOptions {
  /** 'owner/name'. */
  name: string;
  /** A git repository (served in place) or a plain directory (imported into a fresh repository in a temp dir). */
  dir: string;
  /** Default: the repository's HEAD branch, or 'main' for an import. */
  defaultBranch?: string;
  /** Private (the default) or public: REST `private`/`visibility`, GraphQL `isPrivate`/`visibility`. */
  isPrivate?: boolean;
  /** Direct writes to these branches are refused like GitHub's protected-branch rule. */
  protectedBranches?: string[];
  /** Ruleset rules (rules.ts): writes they refuse get GitHub's "Repository rule violations found" answers. */
  rulesets?: BranchRule[];
  /**
   * A non-bare repository served in place: what a write does to a branch checked out in one of its
   * working trees (worktree.ts). 'move' (default): the ref moves, the files and index stay (`git status`
   * then shows the change reversed); 'refuse': refused, as `git push` refuses by default; 'update': the
   * working tree follows when it is clean (git's `updateInstead`), else refused; 'push': whichever of these
   * `git push` into it would do (its `receive.denyCurrentBranch`; the CLI's choice).
   */
  checkedOut?: CheckedOutPolicy | 'push';
  /**
   * Serve a bare copy of a non-bare `dir` (its branches and tags, in a temp dir removed by stop() unless
   * `keepImported`): `dir` is never written.
   */
  bareCopy?: boolean;
  /** Default false. */
  autoMergeAllowed?: boolean;
  /** When set, only these tokens see the repository (others get 404); 'read' tokens get 403 on writes. */
  tokens?: Record<string, 'read' | 'write'>;
  /** Default true; false answers pull-request creation with 403 as GitHub does for Actions. */
  actionsCanCreatePullRequests?: boolean;
  /** Labels that exist in the repository from the start (REST issues/add-labels also creates labels). */
  labels?: string[];
  /**
   * GitHub's replication lag: the first N GraphQL lookups of a just-created pull request's node id
   * answer NOT_FOUND "Could not resolve to a node …" (default 0).
   */
  pullRequestNodeLag?: number;
  /**
   * Entries a recursive REST tree listing (`git/get-tree?recursive=1`) answers at most: past it, the first this many
   * and `truncated: true`, as GitHub answers past its limit (100,000 entries or 7 MB; "use the non-recursive
   * method of fetching trees, and fetch one sub-tree at a time"). Non-recursive listings are never truncated.
   * Default: no limit.
   */
  treeEntryLimit?: number;
}

/** The user a request acts as. */
export interface Actor {
  login: string;
  id: number;
  name: string;
  email: string;
}

/** One timeline event of a pull request. */
export type PullEvent =
  | { type: 'review-requested'; actor: string; at: string; user?: string; team?: string }
  | { type: 'auto-merge-enabled' | 'auto-merge-disabled'; actor: string; at: string };

/** Pull-request state kept by the emulator (GitHub keeps it outside git too). */
export interface PullRecord {
  number: number;
  /** GraphQL node id. */
  id: string;
  databaseId: number;
  head: string;
  base: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  maintainerCanModify: boolean;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  /** Logins assigned (GraphQL addAssigneesToAssignable). */
  assignees: string[];
  autoMerge: { mergeMethod: 'MERGE' | 'SQUASH' | 'REBASE'; enabledAt: string; enabledBy: string } | null;
  /** Submitted reviews, oldest first (a review consumes its author's review request, as on GitHub). */
  reviews: { author: string; state: 'APPROVED' | 'COMMENTED' | 'CHANGES_REQUESTED'; submittedAt: string }[];
  /** Timeline events (GraphQL `timelineItems`): review requests and auto-merge turned on and off, oldest first. */
  events: PullEvent[];
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** A repository label. */
export interface LabelRecord {
  id: string;
  databaseId: number;
  name: string;
  color: string;
  description: string | null;
}

/** A file addition for a commit: path and bytes. */
export interface FileAddition {
  path: string;
  contents: Buffer;
}

/** Input of Repo.commitOnBranch (createCommitOnBranch). */
export interface CommitOnBranchInput {
  branch: string;
  expectedHead: string;
  additions: FileAddition[];
  deletions: string[];
  message: string;
  actor: Actor;
}

/** Stable opaque node id: `<prefix>_` + base64url of a readable key. */
export function nodeId(prefix: string, key: string): string {
  return `${prefix}_${Buffer.from(key, 'utf8').toString('base64url')}`;
}

/** Decodes a node id made by nodeId, or null. */
export function decodeNodeId(id: string): { prefix: string; key: string } | null {
  const match = /^([A-Za-z]+)_([A-Za-z0-9_-]+)$/.exec(id);
  if (!match) return null;
  return { prefix: match[1], key: Buffer.from(match[2], 'base64url').toString('utf8') };
}

let nextDatabaseId = 1_000_000;

/** A served repository. */
export class Repo {
  readonly owner: string;
  readonly repoName: string;
  readonly git: GitRepo;
  readonly id: string;
  readonly databaseId = nextDatabaseId++;
  readonly createdAt = githubNow();
  readonly pulls: PullRecord[] = [];
  readonly labels = new Map<string, LabelRecord>();
  /** Serialises ref compare-and-swaps so git's lock files never make a valid CAS fail spuriously. */
  private readonly refLock = new Mutex();
  private nextNumber = 1;
  /** Pending racer commits per branch. */
  readonly races = new Map<string, number>();
  private raceCount = 0;

  private constructor(
    readonly options: RepoOptions,
    readonly gitDir: string,
    public defaultBranch: string,
    /** Set when a plain directory was imported or a bare copy made: `gitDir` is then a temp dir. */
    readonly importedFrom: string | null,
    /** What writes do to a branch checked out in a working tree (see RepoOptions.checkedOut). */
    readonly checkedOutPolicy: CheckedOutPolicy = 'move',
  ) {
    [this.owner, this.repoName] = options.name.split('/');
    this.git = new GitRepo(gitDir);
    this.id = nodeId('R', `Repository:${options.name}`);
    for (const label of options.labels ?? []) this.ensureLabel(label);
  }

  get fullName(): string {
    return this.options.name;
  }

  /** Opens `options.dir`: serves a git repository in place, or imports a plain directory. */
  static async open(options: RepoOptions): Promise<Repo> {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(options.name)) {
      throw new Error(`repository name must be 'owner/name', got '${options.name}'`);
    }
    const dir = resolve(options.dir);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw new Error(`repository directory ${dir} (for ${options.name}) does not exist`);
    const probe = await git(join(dir, '.git'), ['rev-parse', '--absolute-git-dir'], { allowFailure: true });
    const bare = probe.code === 0 ? probe : await git(dir, ['rev-parse', '--is-bare-repository'], { allowFailure: true });
    if (probe.code === 0 && options.bareCopy) return Repo.served(options, await bareCopy(dir, options.name), dir);
    if (probe.code === 0) return Repo.served(options, probe.stdout.toString('utf8').trim());
    if (bare.code === 0 && bare.stdout.toString('utf8').trim() === 'true') return Repo.served(options, dir);
    return Repo.imported(options, dir);
  }

  private static async served(options: RepoOptions, gitDir: string, copiedFrom: string | null = null): Promise<Repo> {
    const repo = new GitRepo(gitDir);
    const branch = options.defaultBranch ?? (await repo.headBranch()) ?? 'main';
    let policy: CheckedOutPolicy = 'move';
    // A copy, or a bare repository without linked worktrees, has no working tree to keep honest.
    if (copiedFrom === null && options.checkedOut !== undefined && options.checkedOut !== 'move' && (await hasWorkTree(gitDir))) {
      policy = options.checkedOut === 'push' ? await pushPolicy(gitDir) : options.checkedOut;
    }
    return new Repo(options, gitDir, branch, copiedFrom, policy);
  }

  private static async imported(options: RepoOptions, dir: string): Promise<Repo> {
    const branch = options.defaultBranch ?? 'main';
    const gitDir = await mkdtemp(join(tmpdir(), `gh-emu-${options.name.replace('/', '-')}-`));
    await git(gitDir, ['init', '--quiet', '--bare', `--initial-branch=${branch}`]);
    const index = join(gitDir, 'import-index');
    const env = { GIT_INDEX_FILE: index, GIT_WORK_TREE: dir };
    await git(gitDir, ['add', '--all', '--force', '.'], { env });
    const tree = (await git(gitDir, ['write-tree'], { env })).stdout.toString('utf8').trim();
    const repo = new GitRepo(gitDir);
    const person = { name: 'GitHub', email: 'noreply@github.com', date: githubNow() };
    const commit = await repo.writeCommit(tree, [], `Import ${dir}\n`, person, person);
    await repo.casRef(`refs/heads/${branch}`, commit, ZERO_OID);
    return new Repo(options, gitDir, branch, dir);
  }

  /** Is this token allowed to see the repository (and to write)? */
  access(token: string): 'none' | 'read' | 'write' {
    const tokens = this.options.tokens;
    if (!tokens) return 'write';
    return tokens[token] ?? 'none';
  }

  isProtected(branch: string): boolean {
    return (this.options.protectedBranches ?? []).includes(branch);
  }

  /**
   * Refuses a write GitHub would refuse: a direct update or deletion of a protected branch, or what a
   * ruleset rule forbids (rules.ts).
   */
  assertWritable(ref: string, operation: RefOperation = 'update'): void {
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
    if (branch !== null && operation !== 'create' && this.isProtected(branch)) {
      // REST answers like a push (GH006); GraphQL names the failed rule with its own type
      // (microsoft/vscode-remote-repositories-github#252; Thinkmill/keystatic matches it).
      throw new GitHubError(422, `Protected branch update failed for ${ref}.`, 'BRANCH_PROTECTION_RULE_VIOLATION', undefined,
        `protected branch '${branch}' check failed:\n  At least 1 approving review is required by reviewers with write access.`);
    }
    assertRules(this.options.rulesets, ref, operation, this.defaultBranch);
  }

  ensureLabel(name: string): LabelRecord {
    const existing = [...this.labels.values()].find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const label: LabelRecord = {
      id: nodeId('LA', `Label:${this.fullName}:${name}`),
      databaseId: nextDatabaseId++,
      name,
      color: 'ededed',
      description: null,
    };
    this.labels.set(name, label);
    return label;
  }

  /** Runs a racer commit first when one is pending for `branch` (see Emulator.raceNextWrite). */
  async runPendingRace(branch: string): Promise<void> {
    const pending = this.races.get(branch) ?? 0;
    if (pending <= 0) return;
    if (pending === 1) this.races.delete(branch);
    else this.races.set(branch, pending - 1);
    const n = ++this.raceCount;
    const head = await this.git.readRef(`refs/heads/${branch}`);
    if (!head) return;
    const commit = await this.git.readCommit(head);
    if (!commit) return;
    const blob = await this.git.writeBlob(Buffer.from(`race ${n} on ${branch}\n`));
    const tree = await this.git.buildTree(commit.tree, [{ path: `race/${n}.txt`, mode: '100644', oid: blob }]);
    const person = { name: 'Racer', email: 'racer@emulator.invalid', date: githubNow() };
    const oid = await this.git.writeCommit(tree, [head], `race ${n}\n`, person, person);
    await this.cas(`refs/heads/${branch}`, oid, head);
  }

  /**
   * One compare-and-swap of a ref (serialised per repository, decided by git; a branch checked out in a
   * working tree follows `checkedOutPolicy`).
   */
  cas(ref: string, next: string, old: string): Promise<boolean> {
    return this.refLock.run(() =>
      guardCheckedOut(this.gitDir, this.checkedOutPolicy, [{ ref, next, old }], () => this.git.casRef(ref, next, old), () => this.git.casRef(ref, old, next)));
  }

  /** Atomic multi-ref compare-and-swap. */
  casMany(updates: readonly { ref: string; next: string; old: string | null }[]): Promise<boolean> {
    const undo = updates.flatMap((u) => (u.old === null ? [] : [{ ref: u.ref, next: u.old, old: u.next }]));
    return this.refLock.run(() => guardCheckedOut(this.gitDir, this.checkedOutPolicy, updates, () => this.git.casRefs(updates), () => this.git.casRefs(undo)));
  }

  /**
   * Why a compare-and-swap of `ref` from `old` (ZERO_OID: create) did not apply: the ref is no longer
   * `old` (stale), another branch's name is in the way (git keeps refs as paths: `a` and `a/b` cannot both
   * exist; `existing` names it), or neither.
   */
  async casFailure(ref: string, old: string): Promise<{ kind: 'stale' } | { kind: 'clash'; existing: string } | { kind: 'other' }> {
    if (((await this.git.readRef(ref)) ?? ZERO_OID) !== old) return { kind: 'stale' };
    const parts = ref.split('/');
    for (let i = 3; i < parts.length; i++) {
      const above = parts.slice(0, i).join('/');
      if (await this.git.readRef(above)) return { kind: 'clash', existing: above };
    }
    const below = await this.git.listRefs(`${ref}/`);
    if (below.length > 0) return { kind: 'clash', existing: below[0].ref };
    return { kind: 'other' };
  }

  /**
   * createCommitOnBranch: one commit of `additions`/`deletions` on top of `expectedHead`, landed
   * only if the branch still points at it (STALE_DATA otherwise).
   */
  async commitOnBranch(input: CommitOnBranchInput): Promise<string> {
    // Writers to one branch queue here, so a writer whose head is already stale is told so at
    // once instead of building a tree it cannot land; the ref move itself is git's CAS below.
    let lock = this.branchLocks.get(input.branch);
    if (!lock) {
      lock = new Mutex();
      this.branchLocks.set(input.branch, lock);
    }
    return lock.run(() => this.commitOnBranchNow(input));
  }

  private readonly branchLocks = new Map<string, Mutex>();

  private async commitOnBranchNow(input: CommitOnBranchInput): Promise<string> {
    const ref = `refs/heads/${input.branch}`;
    const current = await this.git.readRef(ref);
    if (!current) {
      throw new GitHubError(422, `A ref named "${ref}" does not exist in this repository.`, 'NOT_FOUND', undefined,
        `Could not resolve to a branch named '${input.branch}'.`);
    }
    this.assertWritable(ref);
    const stale = (): GitHubError =>
      new GitHubError(409, `Expected branch to point to "${input.expectedHead}" but it did not. Pull and try again.`, 'STALE_DATA');
    if (this.races.has(input.branch)) await this.runPendingRace(input.branch);
    else if (current !== input.expectedHead) throw stale();
    const parent = await this.git.readCommit(input.expectedHead);
    if (!parent) throw stale();
    const changes: FileChange[] = [];
    // One listing of the parent tree answers every path question below.
    const listing = new Map((await this.git.listFiles(parent.tree)).map((e) => [e.path, e]));
    for (const path of input.deletions) {
      const entry = listing.get(path);
      if (!entry) {
        throw new GitHubError(422,
          `A path was requested for deletion which does not exist as of commit oid \`${input.expectedHead}\``,
          'UNPROCESSABLE');
      }
      changes.push({ path, mode: entry.mode, contents: null });
    }
    for (const addition of input.additions) {
      assertPath(addition.path);
      const existing = listing.get(addition.path);
      const mode = existing && existing.type === 'blob' ? existing.mode : '100644';
      changes.push({ path: addition.path, mode, contents: addition.contents });
    }
    const date = githubNow();
    const author: GitPerson = { name: input.actor.name, email: input.actor.email, date };
    const oid = await this.git.commitChanges(parent, changes, input.message, author, committerGitHub(date));
    if (!(await this.cas(ref, oid, input.expectedHead))) throw stale();
    this.markCreated(oid);
    return oid;
  }

  /** Commits written by the emulator through the API (shown as verified). */
  private readonly created = new Set<string>();

  markCreated(oid: string): void {
    this.created.add(oid);
  }

  isVerified(oid: string): boolean {
    return this.created.has(oid);
  }

  /** REST create-ref / GraphQL createRef. */
  async createRef(ref: string, oid: string): Promise<void> {
    if (!/^refs\/[^/]+\/.+/.test(ref) || ref.endsWith('/') || ref.includes('..')) {
      throw unprocessable(`Reference name '${ref}' is not valid: it must start with 'refs/' and have at least two slashes.`);
    }
    if (!(await this.git.objectType(oid))) throw unprocessable('Object does not exist');
    this.assertWritable(ref, 'create');
    if (!(await this.cas(ref, oid, ZERO_OID))) {
      const failure = await this.casFailure(ref, ZERO_OID);
      if (failure.kind === 'stale') {
        throw new GitHubError(422, 'Reference already exists', 'UNPROCESSABLE', undefined, `A ref named "${ref}" already exists in the repository.`);
      }
      // A branch named like a folder of this one, or one under it: GitHub's answers do not say which
      // (REST 422 "Reference update failed", GraphQL UNPROCESSABLE "Ref cannot be created":
      // microsoft/vscode-remote-repositories-github#122).
      throw refNotCreated();
    }
  }

  /**
   * REST update-ref: fast-forward only unless `force`; `expected` (GraphQL beforeOid) makes it a
   * compare-and-swap against that value.
   */
  async updateRef(ref: string, oid: string, force: boolean): Promise<void> {
    this.assertWritable(ref);
    if (ref.startsWith('refs/heads/')) await this.runPendingRace(ref.slice('refs/heads/'.length));
    const current = await this.git.readRef(ref);
    if (!current) throw unprocessable('Reference does not exist');
    const type = await this.git.objectType(oid);
    if (!type) throw unprocessable('Object does not exist');
    if (!force && ref.startsWith('refs/heads/')) {
      if (type !== 'commit' || !(await this.git.isAncestor(current, oid))) throw unprocessable('Update is not a fast forward');
    }
    if (!(await this.cas(ref, oid, current))) {
      // The ref moved between our read and the swap: GitHub's answer for a lost race is the same 422.
      throw unprocessable('Update is not a fast forward');
    }
  }

  /** REST delete-ref / GraphQL deleteRef. */
  async deleteRef(ref: string): Promise<void> {
    this.assertWritable(ref, 'delete');
    const current = await this.git.readRef(ref);
    if (!current) throw unprocessable('Reference does not exist');
    if (!(await this.cas(ref, ZERO_OID, current))) throw unprocessable('Reference does not exist');
  }

  /** pulls/create and createPullRequest. */
  async createPull(input: { head: string; base: string; title: string; body: string | null; draft: boolean; maintainerCanModify: boolean; actor: Actor }): Promise<PullRecord> {
    if (this.options.actionsCanCreatePullRequests === false) {
      throw new GitHubError(403, 'GitHub Actions is not permitted to create or approve pull requests.', 'FORBIDDEN', undefined,
        'GitHub Actions is not permitted to create or approve pull requests (createPullRequest)');
    }
    const head = input.head.includes(':') ? input.head.slice(input.head.indexOf(':') + 1) : input.head;
    const headOid = await this.git.readRef(`refs/heads/${head}`);
    const baseOid = await this.git.readRef(`refs/heads/${input.base}`);
    if (!baseOid) throw validationFailed('PullRequest', 'base', 'base', 'invalid');
    if (!headOid) throw validationFailed('PullRequest', 'head', 'head', 'invalid');
    const assertNoDuplicate = (): void => {
      const duplicate = this.pulls.find((p) => p.state === 'open' && p.head === head && p.base === input.base);
      if (duplicate) throw validationFailed('PullRequest', `A pull request already exists for ${this.owner}:${head}.`);
    };
    assertNoDuplicate();
    if (await this.git.isAncestor(headOid, baseOid)) {
      throw validationFailed('PullRequest', `No commits between ${input.base} and ${head}`);
    }
    // Checked again after the await: a concurrent create may have opened one meanwhile (nothing awaits from
    // here to the push, so the check and the insert are atomic).
    assertNoDuplicate();
    const now = githubNow();
    const number = this.nextNumber++;
    const pull: PullRecord = {
      number,
      id: nodeId('PR', `PullRequest:${this.fullName}:${number}`),
      databaseId: nextDatabaseId++,
      head,
      base: input.base,
      title: input.title,
      body: input.body,
      state: 'open',
      merged: false,
      draft: input.draft,
      maintainerCanModify: input.maintainerCanModify,
      labels: [],
      reviewers: [],
      teamReviewers: [],
      assignees: [],
      autoMerge: null,
      reviews: [],
      events: [],
      author: input.actor.login,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    this.pulls.push(pull);
    const lag = this.options.pullRequestNodeLag ?? 0;
    if (lag > 0) this.nodeLag.set(pull.number, lag);
    return pull;
  }

  /** Remaining failing node lookups per just-created pull request number. */
  private readonly nodeLag = new Map<number, number>();

  /** Counts one node-id lookup of a pull request; false while it is still "replicating". */
  resolvesNode(number: number): boolean {
    const remaining = this.nodeLag.get(number) ?? 0;
    if (remaining <= 0) return true;
    if (remaining === 1) this.nodeLag.delete(number);
    else this.nodeLag.set(number, remaining - 1);
    return false;
  }

  pull(number: number): PullRecord {
    const pull = this.pulls.find((p) => p.number === number);
    if (!pull) throw notFound();
    return pull;
  }

  /** pulls/update, updatePullRequest, closePullRequest. */
  async updatePull(pull: PullRecord, changes: { title?: string; body?: string | null; state?: 'open' | 'closed'; base?: string }): Promise<PullRecord> {
    if (changes.base !== undefined && !(await this.git.readRef(`refs/heads/${changes.base}`))) {
      throw validationFailed('PullRequest', 'base', 'base', 'invalid');
    }
    if (changes.state === 'open' && pull.state === 'closed') {
      const duplicate = this.pulls.find((p) => p !== pull && p.state === 'open' && p.head === pull.head && p.base === (changes.base ?? pull.base));
      if (duplicate) throw validationFailed('PullRequest', `A pull request already exists for ${this.owner}:${pull.head}.`);
    }
    if (changes.title !== undefined) pull.title = changes.title;
    if (changes.body !== undefined) pull.body = changes.body;
    if (changes.base !== undefined) pull.base = changes.base;
    if (changes.state !== undefined && changes.state !== pull.state) {
      pull.state = changes.state;
      pull.closedAt = changes.state === 'closed' ? githubNow() : null;
      if (changes.state === 'closed') pull.autoMerge = null;
    }
    pull.updatedAt = githubNow();
    return pull;
  }

  addLabels(pull: PullRecord, names: readonly string[]): void {
    for (const name of names) {
      const label = this.ensureLabel(name);
      if (!pull.labels.includes(label.name)) pull.labels.push(label.name);
    }
    pull.updatedAt = githubNow();
  }

  /** REST issues/add-assignees: adds logins not yet assigned (GitHub ignores repeats). */
  addAssignees(pull: PullRecord, logins: readonly string[]): void {
    for (const login of logins) {
      if (!pull.assignees.some((assigned) => assigned.toLowerCase() === login.toLowerCase())) pull.assignees.push(login);
    }
    pull.updatedAt = githubNow();
  }

  /** Requests reviews (each request is a timeline event, as on GitHub, even for a reviewer already asked). */
  requestReviewers(pull: PullRecord, users: readonly string[], teams: readonly string[], actor = 'github-actions[bot]'): void {
    for (const user of users) {
      if (user.toLowerCase() === pull.author.toLowerCase()) {
        throw unprocessable('Review cannot be requested from pull request author.');
      }
    }
    const at = githubNow();
    for (const user of users) {
      if (!pull.reviewers.includes(user)) pull.reviewers.push(user);
      pull.events.push({ type: 'review-requested', actor, at, user });
    }
    for (const team of teams) {
      if (!pull.teamReviewers.includes(team)) pull.teamReviewers.push(team);
      pull.events.push({ type: 'review-requested', actor, at, team });
    }
    pull.updatedAt = at;
  }

  /** A submitted review: its author's review request is consumed (GitHub's PR author may comment, never approve). */
  submitReview(pull: PullRecord, author: string, state: 'APPROVED' | 'COMMENTED' | 'CHANGES_REQUESTED'): void {
    if (pull.state !== 'open') throw unprocessable('Pull request is not open');
    if (state !== 'COMMENTED' && author.toLowerCase() === pull.author.toLowerCase()) {
      throw unprocessable(state === 'APPROVED' ? 'Can not approve your own pull request' : 'Can not request changes on your own pull request');
    }
    const at = githubNow();
    pull.reviews.push({ author, state, submittedAt: at });
    pull.reviewers = pull.reviewers.filter((login) => login.toLowerCase() !== author.toLowerCase());
    pull.updatedAt = at;
  }

  enableAutoMerge(pull: PullRecord, method: 'MERGE' | 'SQUASH' | 'REBASE', actor: Actor): void {
    if (!this.options.autoMergeAllowed) {
      throw unprocessable('Pull request Auto merge is not allowed for this repository');
    }
    if (pull.state !== 'open') throw unprocessable('Pull request is not in the correct state to enable auto-merge');
    const at = githubNow();
    pull.autoMerge = { mergeMethod: method, enabledAt: at, enabledBy: actor.login };
    pull.events.push({ type: 'auto-merge-enabled', actor: actor.login, at });
    pull.updatedAt = at;
  }

  /** disablePullRequestAutoMerge: GitHub answers an error when auto-merge is not enabled. */
  disableAutoMerge(pull: PullRecord, actor: Actor): void {
    if (pull.autoMerge === null) throw unprocessable('Auto merge is not enabled for this pull request');
    const at = githubNow();
    pull.autoMerge = null;
    pull.events.push({ type: 'auto-merge-disabled', actor: actor.login, at });
    pull.updatedAt = at;
  }

  /** Resolves a REST `ref` argument (branch, tag, full ref or sha) to a commit, or the default branch. */
  async resolveCommitish(ref: string | undefined): Promise<string | null> {
    const name = ref ?? this.defaultBranch;
    if (/^[0-9a-f]{40}$/.test(name)) return (await this.git.objectType(name)) === 'commit' ? name : null;
    for (const candidate of name.startsWith('refs/') ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`]) {
      const oid = await this.git.resolve(candidate, 'commit');
      if (oid) return oid;
    }
    return null;
  }

  /** The default branch head (the empty tree's repository has none). */
  async defaultHead(): Promise<string | null> {
    return this.git.readRef(`refs/heads/${this.defaultBranch}`);
  }
}

/** GitHub's committer for API commits. */
export function committerGitHub(date: string): GitPerson {
  return { name: 'GitHub', email: 'noreply@github.com', date };
}

/** A ref create GitHub could not apply (a branch-name clash, or any other failure of the update). */
export function refNotCreated(): GitHubError {
  return new GitHubError(422, 'Reference update failed', 'UNPROCESSABLE', undefined, 'Ref cannot be created');
}

/** Refuses paths git or GitHub would refuse. */
export function assertPath(path: string): void {
  if (path === '' || path.startsWith('/') || path.endsWith('/') || path.split('/').some((p) => p === '' || p === '.' || p === '..' || p === '.git')) {
    throw unprocessable(`The path '${path}' is not valid.`);
  }
}

export { EMPTY_TREE };
