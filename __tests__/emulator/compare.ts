// REST repos/compare-commits: `GET /repos/{o}/{r}/compare/{base}...{head}`, the commits reachable from head and not
// from base, oldest first, as GitHub lists them. Unpaginated, GitHub answers at most 250 commits (the newest 250 here)
// while `total_commits` counts all; `per_page`/`page` page through them oldest first. Changed files are not listed
// (optional in the schema).
import { GitHubError } from './errors.js';
import type { Repo } from './repo.js';
import type { RestAnswer, RestContext } from './rest.js';
import { restCommit } from './shapes.js';

/** GitHub's bound on an unpaginated comparison. */
export const COMPARE_LIMIT = 250;

async function revList(repo: Repo, args: readonly string[]): Promise<string[]> {
  return (await repo.git.run(['rev-list', ...args])).stdout.toString('utf8').split('\n').filter((l) => l !== '');
}

export async function compare(ctx: RestContext, repo: Repo): Promise<RestAnswer> {
  const base = await repo.resolveCommitish(ctx.params.base);
  const head = await repo.resolveCommitish(ctx.params.head);
  if (!base || !head) throw new GitHubError(404, 'Not Found', 'NOT_FOUND');
  const mergeBase = (await repo.git.run(['merge-base', base, head], { allowFailure: true })).stdout.toString('utf8').trim();
  if (!mergeBase) throw new GitHubError(404, `No common ancestor between ${ctx.params.base} and ${ctx.params.head}.`, 'NOT_FOUND');
  const ahead = await revList(repo, ['--reverse', `${base}..${head}`]);
  const behind = await revList(repo, [`${head}..${base}`]);
  let listed: string[];
  if (ctx.query.per_page !== undefined || ctx.query.page !== undefined) {
    const perPage = Number(ctx.query.per_page ?? 30);
    const page = Number(ctx.query.page ?? 1);
    listed = ahead.slice((page - 1) * perPage, page * perPage);
  } else {
    listed = ahead.slice(Math.max(0, ahead.length - COMPARE_LIMIT));
  }
  const commits = [];
  for (const oid of listed) {
    const commit = await repo.git.readCommit(oid);
    if (commit) commits.push(restCommit(ctx.urls, repo, commit));
  }
  const baseCommit = (await repo.git.readCommit(base))!;
  const mergeBaseCommit = (await repo.git.readCommit(mergeBase))!;
  const status = ahead.length === 0 && behind.length === 0 ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
  const spec = `${ctx.params.base}...${ctx.params.head}`;
  const api = `${ctx.urls.api}/repos/${repo.fullName}`;
  const web = `${ctx.urls.web}/${repo.fullName}`;
  return {
    status: 200,
    body: {
      url: `${api}/compare/${spec}`,
      html_url: `${web}/compare/${spec}`,
      permalink_url: `${web}/compare/${repo.owner}:${base.slice(0, 7)}...${repo.owner}:${head.slice(0, 7)}`,
      diff_url: `${web}/compare/${spec}.diff`,
      patch_url: `${web}/compare/${spec}.patch`,
      base_commit: restCommit(ctx.urls, repo, baseCommit),
      merge_base_commit: restCommit(ctx.urls, repo, mergeBaseCommit),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits,
    },
  };
}
