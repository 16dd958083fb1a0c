/**
 * Commit statuses and check runs: what GitHub keeps beside git about a commit (Flux's notification-controller and
 * Argo CD Notifications post them on a GitOps repository's commits). REST `POST /repos/{o}/{r}/statuses/{sha}`,
 * `GET /repos/{o}/{r}/commits/{ref}/status` (combined), `POST /repos/{o}/{r}/check-runs`; GraphQL `Commit.status`
 * and `Commit.statusCheckRollup` (resolved in graphql.ts from `statusesOf`).
 */
import { GitHubError, notFound } from './errors.js';
import { githubNow } from './git.js';
import type { Repo } from './repo.js';
import type { RestAnswer, RestContext } from './rest.js';
import { repository, simpleUser } from './shapes.js';

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

/** One posted status (GitHub keeps every one; the latest per context counts). */
export interface StatusRecord {
  readonly id: number;
  readonly sha: string;
  readonly state: StatusState;
  readonly context: string;
  readonly description: string | null;
  readonly targetUrl: string | null;
  readonly creator: string;
  readonly at: string;
}

/** One check run (the latest per name counts). */
export interface CheckRunRecord {
  readonly id: number;
  readonly sha: string;
  readonly name: string;
  readonly status: 'queued' | 'in_progress' | 'completed';
  readonly conclusion: string | null;
  readonly at: string;
}

interface Store {
  statuses: StatusRecord[];
  checks: CheckRunRecord[];
}

const stores = new WeakMap<Repo, Store>();
let nextId = 1000;

function storeOf(repo: Repo): Store {
  let store = stores.get(repo);
  if (!store) stores.set(repo, (store = { statuses: [], checks: [] }));
  return store;
}

/** The latest status per context on `sha`, newest first (GitHub's order), and the latest check run per name. */
export function statusesOf(repo: Repo, sha: string): { statuses: StatusRecord[]; checks: CheckRunRecord[] } {
  const store = storeOf(repo);
  const latest = <T extends { id: number }>(items: T[], key: (item: T) => string): T[] => {
    const byKey = new Map<string, T>();
    for (const item of items) byKey.set(key(item), item);
    return [...byKey.values()].sort((a, b) => b.id - a.id);
  };
  return {
    statuses: latest(store.statuses.filter((s) => s.sha === sha), (s) => s.context),
    checks: latest(store.checks.filter((c) => c.sha === sha), (c) => c.name),
  };
}

/** GitHub's combined state: failure when any is error or failure, pending when any is pending or there are none. */
export function combinedState(states: readonly StatusState[]): StatusState {
  if (states.some((s) => s === 'error' || s === 'failure')) return 'failure';
  if (states.length === 0 || states.includes('pending')) return 'pending';
  return 'success';
}

/** A check run as a status state (the rollup's view): completed runs by conclusion, others pending. */
export function checkState(check: CheckRunRecord): StatusState {
  if (check.status !== 'completed') return 'pending';
  return ['success', 'neutral', 'skipped'].includes(check.conclusion ?? '') ? 'success' : 'failure';
}

async function commitOf(repo: Repo, ref: string): Promise<string> {
  const oid = await repo.resolveCommitish(ref);
  if (!oid || (await repo.git.objectType(oid)) !== 'commit') throw new GitHubError(422, `No commit found for SHA: ${ref}`, 'UNPROCESSABLE');
  return oid;
}

function statusBody(ctx: RestContext, repo: Repo, s: StatusRecord): Record<string, unknown> {
  const creator = simpleUser(ctx.urls, s.creator);
  return {
    url: `${ctx.urls.api}/repos/${repo.fullName}/statuses/${s.sha}`,
    avatar_url: creator.avatar_url,
    id: s.id,
    node_id: `SC_${Buffer.from(`StatusContext:${s.id}`).toString('base64url')}`,
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.at,
    updated_at: s.at,
    creator,
  };
}

/** repos/create-commit-status. */
export async function createStatus(ctx: RestContext, repo: Repo): Promise<RestAnswer> {
  const body = ctx.body as { state: StatusState; context?: string; description?: string | null; target_url?: string | null };
  const sha = await commitOf(repo, ctx.params.sha);
  const record: StatusRecord = {
    id: nextId++,
    sha,
    state: body.state,
    context: body.context ?? 'default',
    description: body.description ?? null,
    targetUrl: body.target_url ?? null,
    creator: ctx.actor.login,
    at: githubNow(),
  };
  storeOf(repo).statuses.push(record);
  return { status: 201, body: statusBody(ctx, repo, record) };
}

/** repos/get-combined-status-for-ref. */
export async function combinedStatus(ctx: RestContext, repo: Repo): Promise<RestAnswer> {
  const oid = await repo.resolveCommitish(ctx.params.ref);
  if (!oid) throw notFound();
  const { statuses } = statusesOf(repo, oid);
  const u = `${ctx.urls.api}/repos/${repo.fullName}`;
  return {
    status: 200,
    body: {
      state: combinedState(statuses.map((s) => s.state)),
      statuses: statuses.map((s) => {
        const { creator: _creator, ...simple } = statusBody(ctx, repo, s);
        return simple;
      }),
      sha: oid,
      total_count: statuses.length,
      repository: repository(ctx.urls, repo),
      commit_url: `${u}/commits/${oid}`,
      url: `${u}/commits/${oid}/status`,
    },
  };
}

/** checks/create. */
export async function createCheckRun(ctx: RestContext, repo: Repo): Promise<RestAnswer> {
  const body = ctx.body as { name: string; head_sha: string; status?: CheckRunRecord['status']; conclusion?: string };
  const sha = await commitOf(repo, body.head_sha);
  const status = body.conclusion !== undefined ? 'completed' : (body.status ?? 'queued');
  const record: CheckRunRecord = { id: nextId++, sha, name: body.name, status, conclusion: body.conclusion ?? null, at: githubNow() };
  storeOf(repo).checks.push(record);
  const u = `${ctx.urls.api}/repos/${repo.fullName}`;
  return {
    status: 201,
    body: {
      id: record.id,
      node_id: `CR_${Buffer.from(`CheckRun:${record.id}`).toString('base64url')}`,
      head_sha: sha,
      external_id: '',
      url: `${u}/check-runs/${record.id}`,
      html_url: `${ctx.urls.web}/${repo.fullName}/runs/${record.id}`,
      details_url: null,
      status: record.status,
      conclusion: record.conclusion,
      started_at: record.at,
      completed_at: record.status === 'completed' ? record.at : null,
      output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: `${u}/check-runs/${record.id}/annotations` },
      name: record.name,
      check_suite: { id: record.id },
      app: null,
      pull_requests: [],
    },
  };
}
