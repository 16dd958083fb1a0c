/**
 * REST response bodies in GitHub's shapes (every field the OpenAPI schema requires), built from
 * git objects and emulator state.
 */
import type { CommitObject, TreeEntry } from './git.js';
import { mergeOf } from './merge.js';
import { nodeId, type Actor, type LabelRecord, type PullRecord, type Repo } from './repo.js';

/** Where the answer is served: API root (`…` or `…/api/v3`) and web root. */
export interface Urls {
  api: string;
  web: string;
}

/** Stable numeric id for a login. */
export function userDatabaseId(login: string): number {
  if (login === 'github-actions[bot]') return 41898282;
  let hash = 7;
  for (const ch of login) hash = (hash * 31 + ch.charCodeAt(0)) % 2_000_000_000;
  return hash + 1000;
}

/** The actor a token acts as. */
export function actorFor(login: string): Actor {
  const id = userDatabaseId(login);
  const bot = login.endsWith('[bot]');
  return { login, id, name: login, email: bot ? `${id}+${login}@users.noreply.github.com` : `${login}@users.noreply.github.com` };
}

/** `simple-user`. */
export function simpleUser(urls: Urls, login: string): Record<string, unknown> {
  const u = `${urls.api}/users/${encodeURIComponent(login)}`;
  const bot = login.endsWith('[bot]');
  return {
    login,
    id: userDatabaseId(login),
    node_id: nodeId(bot ? 'BOT' : 'U', `User:${login}`),
    avatar_url: `${urls.web}/avatars/${encodeURIComponent(login)}`,
    gravatar_id: '',
    url: u,
    html_url: `${urls.web}/${encodeURIComponent(login)}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: bot ? 'Bot' : 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `public-user` (users/get-by-username). */
export function publicUser(urls: Urls, login: string): Record<string, unknown> {
  return {
    ...simpleUser(urls, login),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
  };
}

/** `repository` (the shape nested in pull requests). */
export function repository(urls: Urls, repo: Repo): Record<string, unknown> {
  const u = `${urls.api}/repos/${repo.fullName}`;
  const html = `${urls.web}/${repo.fullName}`;
  const host = new URL(urls.web).host;
  return {
    id: repo.databaseId,
    node_id: repo.id,
    name: repo.repoName,
    full_name: repo.fullName,
    owner: simpleUser(urls, repo.owner),
    private: repo.options.isPrivate ?? true,
    html_url: html,
    description: null,
    fork: false,
    url: u,
    archive_url: `${u}/{archive_format}{/ref}`,
    assignees_url: `${u}/assignees{/user}`,
    blobs_url: `${u}/git/blobs{/sha}`,
    branches_url: `${u}/branches{/branch}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    comments_url: `${u}/comments{/number}`,
    commits_url: `${u}/commits{/sha}`,
    compare_url: `${u}/compare/{base}...{head}`,
    contents_url: `${u}/contents/{+path}`,
    contributors_url: `${u}/contributors`,
    deployments_url: `${u}/deployments`,
    downloads_url: `${u}/downloads`,
    events_url: `${u}/events`,
    forks_url: `${u}/forks`,
    git_commits_url: `${u}/git/commits{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    git_url: `git://${host}/${repo.fullName}.git`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    issue_events_url: `${u}/issues/events{/number}`,
    issues_url: `${u}/issues{/number}`,
    keys_url: `${u}/keys{/key_id}`,
    labels_url: `${u}/labels{/name}`,
    languages_url: `${u}/languages`,
    merges_url: `${u}/merges`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    pulls_url: `${u}/pulls{/number}`,
    releases_url: `${u}/releases{/id}`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    stargazers_url: `${u}/stargazers`,
    statuses_url: `${u}/statuses/{sha}`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    tags_url: `${u}/tags`,
    teams_url: `${u}/teams`,
    trees_url: `${u}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${u}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: repo.pulls.filter((p) => p.state === 'open').length,
    open_issues: repo.pulls.filter((p) => p.state === 'open').length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: (repo.options.isPrivate ?? true) ? 'private' : 'public',
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_auto_merge: repo.options.autoMergeAllowed ?? false,
    license: null,
  };
}

/** `full-repository` (repos/get). */
export function fullRepository(urls: Urls, repo: Repo): Record<string, unknown> {
  return {
    ...repository(urls, repo),
    network_count: 0,
    subscribers_count: 0,
    allow_merge_commit: true,
    allow_squash_merge: true,
    allow_rebase_merge: true,
    allow_update_branch: false,
    delete_branch_on_merge: false,
  };
}

/** `git-user` of a commit. */
function gitUser(person: CommitObject['author']): Record<string, unknown> {
  return { name: person.name, email: person.email, date: person.date };
}

/** `verification` as GitHub shows it for the commit. */
export function verification(repo: Repo, oid: string): Record<string, unknown> {
  return repo.isVerified(oid)
    ? { verified: true, reason: 'valid', signature: null, payload: null, verified_at: null }
    : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };
}

/** `git-commit` (git/get-commit, git/create-commit). */
export function gitCommit(urls: Urls, repo: Repo, commit: CommitObject): Record<string, unknown> {
  const u = `${urls.api}/repos/${repo.fullName}`;
  return {
    sha: commit.oid,
    node_id: nodeId('C', `Commit:${repo.fullName}:${commit.oid}`),
    url: `${u}/git/commits/${commit.oid}`,
    html_url: `${urls.web}/${repo.fullName}/commit/${commit.oid}`,
    author: gitUser(commit.author),
    committer: gitUser(commit.committer),
    tree: { sha: commit.tree, url: `${u}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((p) => ({ sha: p, url: `${u}/git/commits/${p}`, html_url: `${urls.web}/${repo.fullName}/commit/${p}` })),
    verification: verification(repo, commit.oid),
  };
}

/** `commit` (repos/get-commit, branches). Files and stats are omitted (optional in the schema). */
export function restCommit(urls: Urls, repo: Repo, commit: CommitObject): Record<string, unknown> {
  const u = `${urls.api}/repos/${repo.fullName}`;
  return {
    url: `${u}/commits/${commit.oid}`,
    sha: commit.oid,
    node_id: nodeId('C', `Commit:${repo.fullName}:${commit.oid}`),
    html_url: `${urls.web}/${repo.fullName}/commit/${commit.oid}`,
    comments_url: `${u}/commits/${commit.oid}/comments`,
    commit: {
      url: `${u}/git/commits/${commit.oid}`,
      author: gitUser(commit.author),
      committer: gitUser(commit.committer),
      message: commit.message.replace(/\n$/, ''),
      comment_count: 0,
      tree: { sha: commit.tree, url: `${u}/git/trees/${commit.tree}` },
      verification: verification(repo, commit.oid),
    },
    author: null,
    committer: commit.committer.email === 'noreply@github.com' ? simpleUser(urls, 'web-flow') : null,
    parents: commit.parents.map((p) => ({ sha: p, url: `${u}/commits/${p}`, html_url: `${urls.web}/${repo.fullName}/commit/${p}` })),
  };
}

/** `branch-with-protection` (repos/get-branch). */
export function branchWithProtection(urls: Urls, repo: Repo, name: string, commit: CommitObject): Record<string, unknown> {
  const u = `${urls.api}/repos/${repo.fullName}/branches/${encodeURIComponent(name)}`;
  const isProtected = repo.isProtected(name);
  return {
    name,
    commit: restCommit(urls, repo, commit),
    _links: { html: `${urls.web}/${repo.fullName}/tree/${name}`, self: u },
    protected: isProtected,
    protection: isProtected
      ? { enabled: true, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } }
      : { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
    protection_url: `${u}/protection`,
  };
}

/** `git-ref`. */
export function gitRef(urls: Urls, repo: Repo, ref: string, oid: string, type: string): Record<string, unknown> {
  const u = `${urls.api}/repos/${repo.fullName}`;
  const objectPath = type === 'commit' ? 'commits' : type === 'tree' ? 'trees' : type === 'tag' ? 'tags' : 'blobs';
  return {
    ref,
    node_id: nodeId('REF', `Ref:${repo.fullName}:${ref}`),
    url: `${u}/git/${ref}`,
    object: { type, sha: oid, url: `${u}/git/${objectPath}/${oid}` },
  };
}

/** `git-tree`; `truncated`: the entries are the first ones of a listing past the repository's `treeEntryLimit`. */
export function gitTree(urls: Urls, repo: Repo, sha: string, entries: readonly TreeEntry[], truncated = false): Record<string, unknown> {
  const u = `${urls.api}/repos/${repo.fullName}`;
  return {
    sha,
    url: `${u}/git/trees/${sha}`,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.oid,
      ...(e.type === 'blob' ? { size: e.size ?? 0, url: `${u}/git/blobs/${e.oid}` } : e.type === 'tree' ? { url: `${u}/git/trees/${e.oid}` } : {}),
    })),
    truncated,
  };
}

/** `label`. */
export function label(urls: Urls, repo: Repo, record: LabelRecord): Record<string, unknown> {
  return {
    id: record.databaseId,
    node_id: record.id,
    url: `${urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(record.name)}`,
    name: record.name,
    description: record.description,
    color: record.color,
    default: false,
  };
}

function team(urls: Urls, repo: Repo, slug: string): Record<string, unknown> {
  const u = `${urls.api}/orgs/${repo.owner}/teams/${slug}`;
  return {
    id: userDatabaseId(`team:${repo.owner}/${slug}`),
    node_id: nodeId('T', `Team:${repo.owner}/${slug}`),
    url: u,
    html_url: `${urls.web}/orgs/${repo.owner}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${u}/members{/member}`,
    repositories_url: `${u}/repos`,
    parent: null,
    type: 'organization',
  };
}

function branchEnd(urls: Urls, repo: Repo, branch: string, sha: string): Record<string, unknown> {
  return { label: `${repo.owner}:${branch}`, ref: branch, sha, user: simpleUser(urls, repo.owner), repo: repository(urls, repo) };
}

/** `pull-request-simple` (pulls/list, pulls/request-reviewers). */
export function pullRequestSimple(urls: Urls, repo: Repo, pull: PullRecord, heads: { head: string; base: string }): Record<string, unknown> {
  const u = `${urls.api}/repos/${repo.fullName}`;
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}`;
  return {
    url: `${u}/pulls/${pull.number}`,
    id: pull.databaseId,
    node_id: pull.id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${u}/issues/${pull.number}`,
    commits_url: `${u}/pulls/${pull.number}/commits`,
    review_comments_url: `${u}/pulls/${pull.number}/comments`,
    review_comment_url: `${u}/pulls/comments{/number}`,
    comments_url: `${u}/issues/${pull.number}/comments`,
    statuses_url: `${u}/statuses/${heads.head}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: simpleUser(urls, pull.author),
    body: pull.body,
    // pull-request-simple types a label's description as a (non-null) string.
    labels: pull.labels.map((name) => ({ ...label(urls, repo, repo.ensureLabel(name)), description: repo.ensureLabel(name).description ?? '' })),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: mergeOf(pull)?.at ?? null,
    merge_commit_sha: mergeOf(pull)?.commit ?? null,
    assignee: pull.assignees.length > 0 ? simpleUser(urls, pull.assignees[0]) : null,
    assignees: pull.assignees.map((login) => simpleUser(urls, login)),
    requested_reviewers: pull.reviewers.map((login) => simpleUser(urls, login)),
    requested_teams: pull.teamReviewers.map((slug) => team(urls, repo, slug)),
    head: branchEnd(urls, repo, pull.head, heads.head),
    base: branchEnd(urls, repo, pull.base, heads.base),
    _links: {
      self: { href: `${u}/pulls/${pull.number}` },
      html: { href: html },
      issue: { href: `${u}/issues/${pull.number}` },
      comments: { href: `${u}/issues/${pull.number}/comments` },
      review_comments: { href: `${u}/pulls/${pull.number}/comments` },
      review_comment: { href: `${u}/pulls/comments{/number}` },
      commits: { href: `${u}/pulls/${pull.number}/commits` },
      statuses: { href: `${u}/statuses/${heads.head}` },
    },
    author_association: 'NONE',
    auto_merge: pull.autoMerge
      ? { enabled_by: simpleUser(urls, pull.autoMerge.enabledBy), merge_method: pull.autoMerge.mergeMethod.toLowerCase(), commit_title: '', commit_message: '' }
      : null,
    draft: pull.draft,
  };
}

/** `pull-request` (pulls/create, pulls/get, pulls/update). */
export function pullRequest(urls: Urls, repo: Repo, pull: PullRecord, heads: { head: string; base: string }): Record<string, unknown> {
  return {
    ...pullRequestSimple(urls, repo, pull, heads),
    merged: pull.merged,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: mergeOf(pull) ? simpleUser(urls, mergeOf(pull)!.by) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

/** `issue`: a pull request seen as an issue (issues/add-assignees answers it). */
export function issueOfPull(urls: Urls, repo: Repo, pull: PullRecord): Record<string, unknown> {
  const u = `${urls.api}/repos/${repo.fullName}`;
  const issue = `${u}/issues/${pull.number}`;
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}`;
  return {
    id: pull.databaseId,
    node_id: pull.id,
    url: issue,
    repository_url: u,
    labels_url: `${issue}/labels{/name}`,
    comments_url: `${issue}/comments`,
    events_url: `${issue}/events`,
    html_url: html,
    number: pull.number,
    state: pull.state,
    state_reason: null,
    title: pull.title,
    body: pull.body,
    user: simpleUser(urls, pull.author),
    labels: pull.labels.map((name) => label(urls, repo, repo.ensureLabel(name))),
    assignee: pull.assignees.length > 0 ? simpleUser(urls, pull.assignees[0]) : null,
    assignees: pull.assignees.map((login) => simpleUser(urls, login)),
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: 0,
    pull_request: { url: `${u}/pulls/${pull.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: mergeOf(pull)?.at ?? null },
    closed_at: pull.closedAt,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    draft: pull.draft,
    closed_by: null,
    author_association: 'NONE',
  };
}
