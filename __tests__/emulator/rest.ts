/**
 * REST handlers: one route per implemented GitHub operation (operationIds from the OpenAPI
 * description). Each returns status + body; the server validates both against the contract.
 */
import { GitHubError, notFound, unprocessable } from './errors.js';
import { ZERO_OID, githubNow, type TreeChange } from './git.js';
import { compare } from './compare.js';
import { mergePull } from './merge.js';
import { combinedStatus, createCheckRun, createStatus } from './statuses.js';
import type { OperationId } from './operations.js';
import { assertPath, committerGitHub, type Actor, type PullRecord, type Repo } from './repo.js';
import {
  branchWithProtection,
  fullRepository,
  gitCommit,
  gitRef,
  gitTree,
  issueOfPull,
  label,
  publicUser,
  pullRequest,
  pullRequestSimple,
  restCommit,
  type Urls,
} from './shapes.js';

/** What a REST handler sees. */
export interface RestContext {
  repo: Repo | null;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  actor: Actor;
  urls: Urls;
  rate: { limit: number; remaining: number; reset: number; used: number };
  /** The Accept header (`application/vnd.github.raw` asks for the bytes of a blob or file). */
  accept: string;
}

/** A REST answer. */
export interface RestAnswer {
  status: number;
  body?: unknown;
  /** Raw bytes instead of JSON (the `vnd.github.raw` media type). */
  raw?: Buffer;
  headers?: Record<string, string>;
}

/** GitHub's `Link` header for page `page` of `total` items (what octokit.paginate follows). */
function linkHeader(ctx: RestContext, path: string, page: number, perPage: number, total: number): Record<string, string> {
  const last = Math.max(1, Math.ceil(total / perPage));
  if (last <= 1) return {};
  const at = (n: number): string => {
    const query = new URLSearchParams(Object.entries(ctx.query).map(([k, v]): [string, string] => [k, String(v)]));
    query.set('per_page', String(perPage));
    query.set('page', String(n));
    return `<${ctx.urls.api}${path}?${query.toString()}>`;
  };
  const links: string[] = [];
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`);
  return { link: links.join(', ') };
}

const wantsRaw = (ctx: RestContext): boolean => /application\/vnd\.github(\.v3)?\.raw/.test(ctx.accept);

/** One REST route. */
export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  operation: OperationId;
  /** Needs the repository (`owner`, `repo` captured). */
  repo: boolean;
  write: boolean;
  /** Path parameters a template leaves out (e.g. `path: ''` for the contents root). */
  defaults: Record<string, string>;
  handle: (ctx: RestContext) => Promise<RestAnswer>;
}

const SEGMENT = '([^/]+)';
const REST_OF_PATH = '(.+)';

function route(method: string, template: string, operation: OperationId, write: boolean, handle: Route['handle'], defaults: Record<string, string> = {}): Route {
  const names: string[] = [];
  // A literal dot is a dot (compare's `{base}...{head}`), not any character.
  const source = template.replace(/\./g, '\\.').replace(/\{(\+?)(\w+)\}/g, (_, plus: string, name: string) => {
    names.push(name);
    return plus ? REST_OF_PATH : SEGMENT;
  });
  return { method, pattern: new RegExp(`^${source}/?$`), names, operation, repo: template.startsWith('/repos/'), write, defaults, handle };
}

function repoOf(ctx: RestContext): Repo {
  if (!ctx.repo) throw notFound();
  return ctx.repo;
}

async function commitOr404(repo: Repo, oid: string) {
  const commit = await repo.git.readCommit(oid);
  if (!commit) throw notFound();
  return commit;
}

const SHA = /^[0-9a-f]{40}$/;

async function headsOf(repo: Repo, pull: PullRecord): Promise<{ head: string; base: string }> {
  const head = (await repo.git.readRef(`refs/heads/${pull.head}`)) ?? ZERO_OID;
  const base = (await repo.git.readRef(`refs/heads/${pull.base}`)) ?? ZERO_OID;
  return { head, base };
}

function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

async function refAnswer(ctx: RestContext, repo: Repo, ref: string, status: number): Promise<RestAnswer> {
  const oid = await repo.git.readRef(ref);
  if (!oid) throw notFound();
  const type = (await repo.git.objectType(oid)) ?? 'commit';
  return { status, body: gitRef(ctx.urls, repo, ref, oid, type) };
}

/** The implemented REST routes. */
export const ROUTES: Route[] = [
  route('GET', '/', 'meta/root', false, async (ctx) => {
    const u = ctx.urls.api;
    const body: Record<string, string> = {};
    for (const key of [
      'current_user_url', 'current_user_authorizations_html_url', 'authorizations_url', 'code_search_url', 'commit_search_url',
      'emails_url', 'emojis_url', 'events_url', 'feeds_url', 'followers_url', 'following_url', 'gists_url', 'issue_search_url',
      'issues_url', 'keys_url', 'label_search_url', 'notifications_url', 'organization_url', 'organization_repositories_url',
      'organization_teams_url', 'public_gists_url', 'rate_limit_url', 'repository_url', 'repository_search_url',
      'current_user_repositories_url', 'starred_url', 'starred_gists_url', 'user_url', 'user_organizations_url',
      'user_repositories_url', 'user_search_url',
    ]) body[key] = `${u}/${key.replace(/_url$/, '')}`;
    return { status: 200, body };
  }),
  route('GET', '/rate_limit', 'rate-limit/get', false, async (ctx) => {
    const core = { limit: ctx.rate.limit, remaining: ctx.rate.remaining, reset: ctx.rate.reset, used: ctx.rate.used, resource: 'core' };
    const graphql = { ...core, resource: 'graphql' };
    return { status: 200, body: { resources: { core, graphql, search: { limit: 30, remaining: 30, reset: ctx.rate.reset, used: 0, resource: 'search' } }, rate: core } };
  }),
  route('GET', '/users/{username}', 'users/get-by-username', false, async (ctx) => ({
    status: 200,
    body: publicUser(ctx.urls, ctx.params.username),
  })),
  route('GET', '/repos/{owner}/{repo}', 'repos/get', false, async (ctx) => ({ status: 200, body: fullRepository(ctx.urls, repoOf(ctx)) })),
  route('GET', '/repos/{owner}/{repo}/branches', 'repos/list-branches', false, async (ctx) => {
    const repo = repoOf(ctx);
    const refs = await repo.git.listRefs('refs/heads/');
    const u = `${ctx.urls.api}/repos/${repo.fullName}`;
    const perPage = Number(ctx.query.per_page ?? 30);
    const page = Number(ctx.query.page ?? 1);
    const branches = refs
      .map((r) => ({ name: r.ref.slice('refs/heads/'.length), commit: { sha: r.oid, url: `${u}/commits/${r.oid}` }, protected: repo.isProtected(r.ref.slice(11)) }))
      .filter((b) => ctx.query.protected === undefined || b.protected === ctx.query.protected);
    return {
      status: 200,
      body: branches.slice((page - 1) * perPage, page * perPage),
      headers: linkHeader(ctx, `/repos/${repo.fullName}/branches`, page, perPage, branches.length),
    };
  }),
  route('GET', '/repos/{owner}/{repo}/branches/{+branch}', 'repos/get-branch', false, async (ctx) => {
    const repo = repoOf(ctx);
    const oid = await repo.git.readRef(`refs/heads/${ctx.params.branch}`);
    if (!oid) throw new GitHubError(404, 'Branch not found', 'NOT_FOUND');
    return { status: 200, body: branchWithProtection(ctx.urls, repo, ctx.params.branch, await commitOr404(repo, oid)) };
  }),
  // Before get-commit: its `{+ref}` would take `<ref>/status` whole.
  route('GET', '/repos/{owner}/{repo}/commits/{+ref}/status', 'repos/get-combined-status-for-ref', false, async (ctx) => combinedStatus(ctx, repoOf(ctx))),
  route('GET', '/repos/{owner}/{repo}/commits/{+ref}', 'repos/get-commit', false, async (ctx) => {
    const repo = repoOf(ctx);
    const oid = await repo.resolveCommitish(ctx.params.ref);
    if (!oid) throw new GitHubError(422, `No commit found for SHA: ${ctx.params.ref}`, 'NOT_FOUND');
    return { status: 200, body: restCommit(ctx.urls, repo, await commitOr404(repo, oid)) };
  }),
  route('POST', '/repos/{owner}/{repo}/statuses/{sha}', 'repos/create-commit-status', true, async (ctx) => createStatus(ctx, repoOf(ctx))),
  route('POST', '/repos/{owner}/{repo}/check-runs', 'checks/create', true, async (ctx) => createCheckRun(ctx, repoOf(ctx))),
  route('GET', '/repos/{owner}/{repo}/compare/{+base}...{+head}', 'repos/compare-commits', false, async (ctx) => compare(ctx, repoOf(ctx))),
  route('GET', '/repos/{owner}/{repo}/contents/{+path}', 'repos/get-content', false, async (ctx) => contents(ctx)),
  route('GET', '/repos/{owner}/{repo}/contents', 'repos/get-content', false, async (ctx) => contents(ctx), { path: '' }),
  route('GET', '/repos/{owner}/{repo}/git/blobs/{file_sha}', 'git/get-blob', false, async (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.params.file_sha;
    if (!SHA.test(sha) || (await repo.git.objectType(sha)) !== 'blob') throw notFound();
    const content = await repo.git.readBlob(sha);
    if (wantsRaw(ctx)) return { status: 200, raw: content };
    return {
      status: 200,
      body: {
        sha,
        node_id: `B_${Buffer.from(`Blob:${repo.fullName}:${sha}`).toString('base64url')}`,
        size: content.length,
        url: `${ctx.urls.api}/repos/${repo.fullName}/git/blobs/${sha}`,
        content: base64Lines(content),
        encoding: 'base64',
      },
    };
  }),
  route('POST', '/repos/{owner}/{repo}/git/blobs', 'git/create-blob', true, async (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { content: string; encoding?: string };
    const encoding = body.encoding ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') {
      throw unprocessable(`encoding must be either 'utf-8' or 'base64', got '${encoding}'`);
    }
    const bytes = encoding === 'base64' ? Buffer.from(body.content, 'base64') : Buffer.from(body.content, 'utf8');
    const sha = await repo.git.writeBlob(bytes);
    return { status: 201, body: { sha, url: `${ctx.urls.api}/repos/${repo.fullName}/git/blobs/${sha}` } };
  }),
  route('GET', '/repos/{owner}/{repo}/git/trees/{+tree_sha}', 'git/get-tree', false, async (ctx) => {
    const repo = repoOf(ctx);
    const treeSha = SHA.test(ctx.params.tree_sha)
      ? await repo.git.resolve(ctx.params.tree_sha, 'tree')
      : await repo.git.resolve(ctx.params.tree_sha.startsWith('refs/') ? ctx.params.tree_sha : `refs/heads/${ctx.params.tree_sha}`, 'tree');
    if (!treeSha) throw notFound();
    const recursive = ctx.query.recursive !== undefined && ctx.query.recursive !== '' && ctx.query.recursive !== '0' && ctx.query.recursive !== 'false';
    const entries = await repo.git.listTree(treeSha, recursive);
    const limit = repo.options.treeEntryLimit;
    if (recursive && limit !== undefined && entries.length > limit) {
      return { status: 200, body: gitTree(ctx.urls, repo, treeSha, entries.slice(0, limit), true) };
    }
    return { status: 200, body: gitTree(ctx.urls, repo, treeSha, entries) };
  }),
  route('POST', '/repos/{owner}/{repo}/git/trees', 'git/create-tree', true, async (ctx) => createTree(ctx)),
  route('GET', '/repos/{owner}/{repo}/git/commits/{commit_sha}', 'git/get-commit', false, async (ctx) => {
    const repo = repoOf(ctx);
    if (!SHA.test(ctx.params.commit_sha)) throw notFound();
    return { status: 200, body: gitCommit(ctx.urls, repo, await commitOr404(repo, ctx.params.commit_sha)) };
  }),
  route('POST', '/repos/{owner}/{repo}/git/commits', 'git/create-commit', true, async (ctx) => createCommit(ctx)),
  route('GET', '/repos/{owner}/{repo}/git/ref/{+ref}', 'git/get-ref', false, async (ctx) => {
    const repo = repoOf(ctx);
    return refAnswer(ctx, repo, fullRef(ctx.params.ref), 200);
  }),
  route('GET', '/repos/{owner}/{repo}/git/matching-refs/{+ref}', 'git/list-matching-refs', false, async (ctx) => {
    const repo = repoOf(ctx);
    const prefix = fullRef(ctx.params.ref);
    const all = await repo.git.listRefs(prefix.split('/').slice(0, 2).join('/') + '/');
    const matching = all.filter((r) => r.ref.startsWith(prefix));
    return { status: 200, body: matching.map((r) => gitRef(ctx.urls, repo, r.ref, r.oid, r.type)) };
  }),
  route('GET', '/repos/{owner}/{repo}/git/matching-refs', 'git/list-matching-refs', false, async (ctx) => {
    const repo = repoOf(ctx);
    const all = await repo.git.listRefs('refs/');
    return { status: 200, body: all.map((r) => gitRef(ctx.urls, repo, r.ref, r.oid, r.type)) };
  }),
  route('POST', '/repos/{owner}/{repo}/git/refs', 'git/create-ref', true, async (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { ref: string; sha: string };
    await repo.createRef(body.ref, body.sha);
    return refAnswer(ctx, repo, body.ref, 201);
  }),
  route('PATCH', '/repos/{owner}/{repo}/git/refs/{+ref}', 'git/update-ref', true, async (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { sha: string; force?: boolean };
    const ref = fullRef(ctx.params.ref);
    await repo.updateRef(ref, body.sha, body.force ?? false);
    return refAnswer(ctx, repo, ref, 200);
  }),
  route('DELETE', '/repos/{owner}/{repo}/git/refs/{+ref}', 'git/delete-ref', true, async (ctx) => {
    const repo = repoOf(ctx);
    await repo.deleteRef(fullRef(ctx.params.ref));
    return { status: 204 };
  }),
  route('POST', '/repos/{owner}/{repo}/pulls', 'pulls/create', true, async (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { title?: string; head: string; base: string; body?: string; draft?: boolean; maintainer_can_modify?: boolean; issue?: number };
    if (body.title === undefined) throw unprocessable('Invalid request.\n\n"title" wasn\'t supplied.');
    const pull = await repo.createPull({
      head: body.head,
      base: body.base,
      title: body.title,
      body: body.body ?? null,
      draft: body.draft ?? false,
      maintainerCanModify: body.maintainer_can_modify ?? true,
      actor: ctx.actor,
    });
    return { status: 201, body: pullRequest(ctx.urls, repo, pull, await headsOf(repo, pull)) };
  }),
  route('GET', '/repos/{owner}/{repo}/pulls', 'pulls/list', false, async (ctx) => {
    const repo = repoOf(ctx);
    const state = (ctx.query.state as string | undefined) ?? 'open';
    const head = ctx.query.head as string | undefined;
    const base = ctx.query.base as string | undefined;
    const perPage = Number(ctx.query.per_page ?? 30);
    const page = Number(ctx.query.page ?? 1);
    let pulls = repo.pulls.filter((p) => state === 'all' || p.state === state);
    if (head !== undefined) {
      const [owner, branch] = head.includes(':') ? head.split(/:(.*)/s) : [repo.owner, head];
      pulls = owner.toLowerCase() === repo.owner.toLowerCase() ? pulls.filter((p) => p.head === branch) : [];
    }
    if (base !== undefined) pulls = pulls.filter((p) => p.base === base);
    const direction = (ctx.query.direction as string | undefined) ?? 'desc';
    pulls = [...pulls].sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
    const bodies = [];
    for (const pull of pulls.slice((page - 1) * perPage, page * perPage)) {
      bodies.push(pullRequestSimple(ctx.urls, repo, pull, await headsOf(repo, pull)));
    }
    return { status: 200, body: bodies, headers: linkHeader(ctx, `/repos/${repo.fullName}/pulls`, page, perPage, pulls.length) };
  }),
  route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', 'pulls/get', false, async (ctx) => {
    const repo = repoOf(ctx);
    const pull = repo.pull(Number(ctx.params.pull_number));
    return { status: 200, body: pullRequest(ctx.urls, repo, pull, await headsOf(repo, pull)) };
  }),
  route('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', 'pulls/update', true, async (ctx) => {
    const repo = repoOf(ctx);
    const pull = repo.pull(Number(ctx.params.pull_number));
    const body = ctx.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string };
    await repo.updatePull(pull, { title: body.title, body: body.body, state: body.state, base: body.base });
    return { status: 200, body: pullRequest(ctx.urls, repo, pull, await headsOf(repo, pull)) };
  }),
  route('PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/merge', 'pulls/merge', true, async (ctx) => {
    const repo = repoOf(ctx);
    const pull = repo.pull(Number(ctx.params.pull_number));
    const body = (ctx.body ?? {}) as { commit_title?: string; commit_message?: string; sha?: string; merge_method?: 'merge' | 'squash' | 'rebase' };
    const { sha } = await mergePull(repo, pull, { commitTitle: body.commit_title, commitMessage: body.commit_message, sha: body.sha, method: body.merge_method, actor: ctx.actor });
    return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
  }),
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', 'issues/add-labels', true, async (ctx) => {
    const repo = repoOf(ctx);
    const pull = repo.pull(Number(ctx.params.issue_number));
    const names = labelNames(ctx.body);
    repo.addLabels(pull, names);
    return { status: 200, body: pull.labels.map((name) => label(ctx.urls, repo, repo.ensureLabel(name))) };
  }),
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', 'issues/add-assignees', true, async (ctx) => {
    const repo = repoOf(ctx);
    const pull = repo.pull(Number(ctx.params.issue_number));
    repo.addAssignees(pull, assigneeLogins(ctx.body));
    return { status: 201, body: issueOfPull(ctx.urls, repo, pull) };
  }),
  route('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', 'pulls/request-reviewers', true, async (ctx) => {
    const repo = repoOf(ctx);
    const pull = repo.pull(Number(ctx.params.pull_number));
    const body = (ctx.body ?? {}) as { reviewers?: string[]; team_reviewers?: string[] };
    repo.requestReviewers(pull, body.reviewers ?? [], body.team_reviewers ?? [], ctx.actor.login);
    return { status: 201, body: pullRequestSimple(ctx.urls, repo, pull, await headsOf(repo, pull)) };
  }),
];

/**
 * The logins in an issues/add-assignees body: `assignees` (optional) holds logins, or objects with
 * a `login` as octokit's types allow. Its schema is not pinned yet (UNPINNED_OPERATIONS), so this
 * only refuses what the handler cannot use.
 */
function assigneeLogins(body: unknown): string[] {
  const list = (body as { assignees?: unknown } | null)?.assignees ?? [];
  const login = (item: unknown): string | undefined =>
    typeof item === 'string' ? item : typeof (item as { login?: unknown } | null)?.login === 'string' ? (item as { login: string }).login : undefined;
  const logins = Array.isArray(list) ? list.map(login) : [undefined];
  if (logins.some((item) => item === undefined)) throw unprocessable('Invalid request.\n\n"assignees" must be an array of logins.');
  return logins as string[];
}

function labelNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : (body as { labels?: unknown[] } | null)?.labels ?? [];
  return list.map((item) => (typeof item === 'string' ? item : String((item as { name: string }).name)));
}

function base64Lines(content: Buffer): string {
  const encoded = content.toString('base64');
  return (encoded.match(/.{1,60}/g) ?? ['']).join('\n') + '\n';
}

async function contents(ctx: RestContext): Promise<RestAnswer> {
  const repo = repoOf(ctx);
  const ref = ctx.query.ref as string | undefined;
  const commit = await repo.resolveCommitish(ref);
  if (!commit) throw new GitHubError(404, `No commit found for the ref ${ref ?? repo.defaultBranch}`, 'NOT_FOUND');
  const path = ctx.params.path.replace(/^\/+|\/+$/g, '');
  const u = `${ctx.urls.api}/repos/${repo.fullName}`;
  const refArg = ref ?? repo.defaultBranch;
  const describeEntry = (e: { path: string; oid: string; type: string; size?: number; mode: string }) => {
    const type = e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'submodule' : e.mode === '120000' ? 'symlink' : 'file';
    const self = `${u}/contents/${e.path}?ref=${encodeURIComponent(refArg)}`;
    const gitUrl = `${u}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.oid}`;
    const html = `${ctx.urls.web}/${repo.fullName}/${e.type === 'tree' ? 'tree' : 'blob'}/${refArg}/${e.path}`;
    return {
      type,
      size: e.size ?? 0,
      name: e.path.split('/').pop() ?? e.path,
      path: e.path,
      sha: e.oid,
      url: self,
      git_url: gitUrl,
      html_url: html,
      download_url: type === 'file' ? `${ctx.urls.web}/raw/${repo.fullName}/${refArg}/${e.path}` : null,
      _links: { self, git: gitUrl, html },
    };
  };
  if (path === '') {
    const entries = await repo.git.listTree(commit, false);
    return { status: 200, body: entries.map(describeEntry) };
  }
  const entry = await repo.git.entryAt(commit, path);
  if (!entry) throw notFound();
  if (entry.type === 'tree') {
    const entries = await repo.git.listTree(`${commit}:${path}`, false);
    return { status: 200, body: entries.map((e) => describeEntry({ ...e, path: `${path}/${e.path}` })) };
  }
  const described = describeEntry(entry);
  if (entry.type === 'blob') {
    const bytes = await repo.git.readBlob(entry.oid);
    if (wantsRaw(ctx)) return { status: 200, raw: bytes };
    if (entry.mode === '120000') return { status: 200, body: { ...described, target: bytes.toString('utf8') } };
    return { status: 200, body: { ...described, content: base64Lines(bytes), encoding: 'base64' } };
  }
  return { status: 200, body: { ...described, submodule_git_url: '' } };
}

interface TreeItem {
  path: string;
  mode: string;
  type?: string;
  sha?: string | null;
  content?: string;
}

async function createTree(ctx: RestContext): Promise<RestAnswer> {
  const repo = repoOf(ctx);
  const body = ctx.body as { tree: TreeItem[]; base_tree?: string };
  let baseTree: string | null = null;
  if (body.base_tree !== undefined) {
    baseTree = SHA.test(body.base_tree) ? await repo.git.resolve(body.base_tree, 'tree') : null;
    if (!baseTree) throw unprocessable('Invalid tree info: base_tree is not a tree or commit');
  }
  const changes: TreeChange[] = [];
  for (const item of body.tree) {
    assertPath(item.path);
    const mode = item.mode.padStart(6, '0');
    if (!['100644', '100755', '040000', '160000', '120000'].includes(mode)) throw unprocessable(`Invalid tree info: mode ${item.mode} for '${item.path}'`);
    if (item.content !== undefined && item.sha !== undefined) {
      throw unprocessable('Invalid tree info: both sha and content given for ' + item.path);
    }
    if (item.sha === null) {
      const existing = baseTree ? await repo.git.entryAt(baseTree, item.path) : null;
      if (!existing) throw unprocessable(`GitRPC::BadObjectState: could not delete '${item.path}': it does not exist in base_tree`);
      changes.push({ path: item.path, mode, oid: null });
      continue;
    }
    let oid: string;
    if (item.content !== undefined) {
      oid = await repo.git.writeBlob(Buffer.from(item.content, 'utf8'));
    } else if (item.sha !== undefined && SHA.test(item.sha)) {
      const type = await repo.git.objectType(item.sha);
      const expected = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
      if (mode !== '160000' && type !== expected) throw unprocessable(`Invalid tree info: ${item.sha} is not a ${expected} (for '${item.path}')`);
      oid = item.sha;
    } else {
      throw unprocessable(`Invalid tree info: '${item.path}' needs a sha or content`);
    }
    changes.push({ path: item.path, mode, oid });
  }
  const sha = await repo.git.buildTree(baseTree, changes);
  const entries = await repo.git.listTree(sha, false);
  return { status: 201, body: gitTree(ctx.urls, repo, sha, entries) };
}

async function createCommit(ctx: RestContext): Promise<RestAnswer> {
  const repo = repoOf(ctx);
  const body = ctx.body as {
    message: string;
    tree: string;
    parents?: string[];
    author?: { name: string; email: string; date?: string };
    committer?: { name?: string; email?: string; date?: string };
    signature?: string;
  };
  if (!SHA.test(body.tree) || (await repo.git.objectType(body.tree)) !== 'tree') throw unprocessable('Tree SHA does not exist');
  for (const parent of body.parents ?? []) {
    if (!SHA.test(parent) || (await repo.git.objectType(parent)) !== 'commit') throw unprocessable('Parent SHA does not exist or is not a commit object');
  }
  const now = githubNow();
  const author = body.author
    ? { name: body.author.name, email: body.author.email, date: body.author.date ?? now }
    : { name: ctx.actor.name, email: ctx.actor.email, date: now };
  const committer = body.committer?.name && body.committer.email
    ? { name: body.committer.name, email: body.committer.email, date: body.committer.date ?? now }
    : body.author && !body.committer
      ? author
      : committerGitHub(now);
  const oid = await repo.git.writeCommit(body.tree, body.parents ?? [], body.message, author, committer);
  if (!body.author && !body.committer && body.signature === undefined) repo.markCreated(oid);
  const commit = await commitOr404(repo, oid);
  return { status: 201, body: gitCommit(ctx.urls, repo, commit) };
}
