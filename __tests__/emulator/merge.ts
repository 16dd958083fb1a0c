// Merging a pull request (REST pulls/merge) and what GitHub then shows: the merge commit on the base, the PR
// closed and merged (`merged_at`, `merge_commit_sha`, GraphQL `MERGED`, `mergedAt`, `mergeCommit`), and the PR in
// `associatedPullRequests` of its merge commit and of the commits it brought in.
import { GitHubError } from './errors.js';
import { githubNow } from './git.js';
import { committerGitHub, type Actor, type PullRecord, type Repo } from './repo.js';

/** What GitHub records when a pull request merges. */
export interface MergeRecord {
  readonly at: string;
  /** The commit the merge put on the base (the merge commit, or the squash commit). */
  readonly commit: string;
  /** The commits the pull request brought in (`base..head` at merge time), newest first. */
  readonly commits: readonly string[];
  readonly by: string;
}

const merges = new WeakMap<PullRecord, MergeRecord>();

/** The merge of `pull`, if it merged. */
export function mergeOf(pull: PullRecord): MergeRecord | undefined {
  return merges.get(pull);
}

const notMergeable = (): GitHubError => new GitHubError(405, 'Pull Request is not mergeable', 'UNPROCESSABLE');

/**
 * PUT /repos/{o}/{r}/pulls/{n}/merge: `merge` makes a two-parent merge commit of base and head (the tree from
 * `git merge-tree --write-tree`), `squash` one commit with the merged tree on the base; `rebase` is not modelled
 * (405). The base moves by compare-and-swap; a conflict, a closed PR or a moved base answers 405; a `sha` that is
 * not the head answers 409, as GitHub does.
 */
export async function mergePull(
  repo: Repo,
  pull: PullRecord,
  input: { commitTitle?: string; commitMessage?: string; sha?: string; method?: 'merge' | 'squash' | 'rebase'; actor: Actor },
): Promise<{ sha: string }> {
  if (pull.state !== 'open' || pull.merged) throw notMergeable();
  const method = input.method ?? 'merge';
  if (method === 'rebase') throw new GitHubError(405, 'Rebase merges are not allowed on this repository.', 'UNPROCESSABLE');
  const head = await repo.git.readRef(`refs/heads/${pull.head}`);
  const base = await repo.git.readRef(`refs/heads/${pull.base}`);
  if (!head || !base) throw notMergeable();
  if (input.sha !== undefined && input.sha !== head) throw new GitHubError(409, 'Head branch was modified. Review and try the merge again.', 'UNPROCESSABLE');
  const tree = await repo.git.run(['merge-tree', '--write-tree', base, head], { allowFailure: true });
  if (tree.code !== 0) throw notMergeable();
  const treeOid = tree.stdout.toString('utf8').split('\n')[0]!.trim();
  const commits = (await repo.git.run(['rev-list', `${base}..${head}`])).stdout.toString('utf8').split('\n').filter((l) => l !== '');
  const title = input.commitTitle ?? (method === 'squash' ? `${pull.title} (#${pull.number})` : `Merge pull request #${pull.number} from ${repo.owner}/${pull.head}`);
  const body = input.commitMessage ?? (method === 'squash' ? '' : pull.title);
  const date = githubNow();
  const author = { name: input.actor.name, email: input.actor.email, date };
  const parents = method === 'squash' ? [base] : [base, head];
  const oid = await repo.git.writeCommit(treeOid, parents, body ? `${title}\n\n${body}\n` : `${title}\n`, author, committerGitHub(date));
  if (!(await repo.cas(`refs/heads/${pull.base}`, oid, base))) throw new GitHubError(405, 'Base branch was modified. Review and try the merge again.', 'UNPROCESSABLE');
  repo.markCreated(oid);
  merges.set(pull, { at: date, commit: oid, commits, by: input.actor.login });
  pull.merged = true;
  pull.state = 'closed';
  pull.closedAt = date;
  pull.updatedAt = date;
  return { sha: oid };
}

/** True when `oid` is the merge commit of `pull` or one of the commits it brought in (GitHub's association). */
export function mergedWith(pull: PullRecord, oid: string): boolean {
  const merge = merges.get(pull);
  return merge !== undefined && (merge.commit === oid || merge.commits.includes(oid));
}
