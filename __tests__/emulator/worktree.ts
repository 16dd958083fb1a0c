/**
 * A served non-bare repository: what API writes do to a branch checked out in one of its working
 * trees, as `git push` into that directory would (`receive.denyCurrentBranch`), and bare copies.
 *
 * Moving a checked-out branch under its working tree (`move`) leaves the files and index at the old
 * commit, so `git status` shows the API's changes reversed. git refuses such pushes by default
 * (`refuse`), or updates the working tree when it is clean (`update`, git's `updateInstead`).
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { GitHubError } from './errors.js';
import { git, gitText, ZERO_OID } from './git.js';

/** What a write does to a branch checked out in a working tree of the served repository. */
export type CheckedOutPolicy = 'move' | 'refuse' | 'update';

/** A working tree and the git directory holding its HEAD and index. */
interface WorkTree {
  path: string;
  adminDir: string;
}

/** Does the repository have a working tree (non-bare, or linked worktrees)? Without one, no policy applies. */
export async function hasWorkTree(gitDir: string): Promise<boolean> {
  if ((await gitText(gitDir, ['rev-parse', '--is-bare-repository'], { allowFailure: true })) !== 'true') return true;
  return (await readdir(join(gitDir, 'worktrees')).catch(() => [])).length > 0;
}

/** The policy `git push` into `gitDir` would follow: its `receive.denyCurrentBranch` (git's default: refuse). */
export async function pushPolicy(gitDir: string): Promise<CheckedOutPolicy> {
  const value = (await gitText(gitDir, ['config', '--get', 'receive.denyCurrentBranch'], { allowFailure: true })).toLowerCase();
  if (value === 'updateinstead') return 'update';
  if (value === 'ignore' || value === 'warn' || value === 'false' || value === 'no' || value === 'off' || value === '0') return 'move';
  return 'refuse';
}

/**
 * A bare copy of the repository at `dir` in a temp dir (its branches and tags, as a GitHub remote holds
 * them, and its HEAD): served instead of `dir`, which API writes then never touch.
 */
export async function bareCopy(dir: string, name: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), `gh-emu-${name.replace('/', '-')}-`));
  const source = resolve(dir);
  const dotGit = join(source, '.git');
  const head = (await gitText(dotGit, ['symbolic-ref', '--quiet', 'HEAD'], { allowFailure: true })) || (await gitText(source, ['symbolic-ref', '--quiet', 'HEAD'], { allowFailure: true }));
  await git(copy, ['init', '--quiet', '--bare']);
  const fetched = await git(copy, ['fetch', '--quiet', '--no-tags', '--', source, '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'], { allowFailure: true });
  if (fetched.code !== 0) throw new Error(`cannot copy ${source}: ${fetched.stderr.trim().split('\n')[0]}`);
  if (head.startsWith('refs/heads/')) await git(copy, ['symbolic-ref', 'HEAD', head]);
  return copy;
}

/** The working trees of the repository by the branch each has checked out. */
async function checkedOut(gitDir: string): Promise<Map<string, WorkTree>> {
  const listing = await gitText(gitDir, ['worktree', 'list', '--porcelain'], { allowFailure: true });
  const byBranch = new Map<string, WorkTree>();
  let first = true;
  for (const block of listing.split('\n\n')) {
    const lines = block.split('\n');
    const path = lines.find((l) => l.startsWith('worktree '))?.slice('worktree '.length);
    const branch = lines.find((l) => l.startsWith('branch '))?.slice('branch '.length);
    const main = first;
    first = false;
    if (path === undefined || branch === undefined || lines.includes('bare')) continue;
    byBranch.set(branch, { path, adminDir: main ? gitDir : await linkedAdminDir(gitDir, path) });
  }
  return byBranch;
}

/** The admin dir (`<gitDir>/worktrees/<id>`) of a linked working tree. */
async function linkedAdminDir(gitDir: string, path: string): Promise<string> {
  const root = join(gitDir, 'worktrees');
  for (const id of await readdir(root).catch(() => [])) {
    const pointer = (await readFile(join(root, id, 'gitdir'), 'utf8').catch(() => '')).trim();
    if (pointer !== '' && resolve(dirname(pointer)) === resolve(path)) return join(root, id);
  }
  return gitDir;
}

function refusal(ref: string, path: string, why: string): GitHubError {
  return new GitHubError(
    422,
    `refusing to update checked out branch: ${ref} (${why} in ${path}; the emulator moves a served non-bare ` +
      `repository's refs as \`git push\` would: serve a bare repository or a bare copy (--bare-copy), or set ` +
      `receive.denyCurrentBranch to updateInstead in it)`,
    'UNPROCESSABLE',
  );
}

/** Is the working tree (and index) exactly its HEAD commit (git's condition for `updateInstead`)? */
async function isClean(tree: WorkTree): Promise<boolean> {
  const args = ['--work-tree', tree.path];
  await git(tree.adminDir, [...args, 'update-index', '-q', '--refresh'], { allowFailure: true });
  const files = await git(tree.adminDir, [...args, 'diff-files', '--quiet', '--ignore-submodules'], { allowFailure: true });
  if (files.code !== 0) return false;
  const index = await git(tree.adminDir, [...args, 'diff-index', '--quiet', '--cached', '--ignore-submodules', 'HEAD', '--'], { allowFailure: true });
  return index.code === 0;
}

/**
 * Runs `move` (the ref compare-and-swaps, resolving whether they applied) under `policy` for the
 * branches among `updates` checked out in a working tree: `move` lets them move, `refuse` throws git's
 * refusal before anything changes, `update` checks the working tree is clean, moves, then checks out
 * the new commit there (moving the refs back if that fails).
 */
export async function guardCheckedOut(
  gitDir: string,
  policy: CheckedOutPolicy,
  updates: readonly { ref: string; next: string; old: string | null }[],
  move: () => Promise<boolean>,
  undo: () => Promise<unknown>,
): Promise<boolean> {
  if (policy === 'move' || !updates.some((u) => u.ref.startsWith('refs/heads/'))) return move();
  const trees = await checkedOut(gitDir);
  const touched = updates.flatMap((u) => {
    const tree = trees.get(u.ref);
    return tree ? [{ ...u, tree }] : [];
  });
  if (touched.length === 0) return move();
  for (const u of touched) {
    if (policy === 'refuse') throw refusal(u.ref, u.tree.path, 'it is checked out');
    if (u.next === ZERO_OID) throw refusal(u.ref, u.tree.path, 'deleting it would leave the working tree without a branch');
    if (!(await isClean(u.tree))) throw refusal(u.ref, u.tree.path, 'the working tree or index has changes');
  }
  if (!(await move())) return false;
  for (const u of touched) {
    const args = ['--work-tree', u.tree.path, 'read-tree', '-u', '-m', u.old ?? 'HEAD', u.next];
    const checkout = await git(u.tree.adminDir, args, { allowFailure: true });
    if (checkout.code !== 0) {
      await undo();
      throw refusal(u.ref, u.tree.path, `checking out the new commit failed: ${checkout.stderr.trim().split('\n')[0]}`);
    }
  }
  return true;
}
