// What one round of the pull-request mode reads: the base (files and head), the open pull request for the
// branch (with its labels, assignees, reviewers and auto-merge, now and in its timeline: convergence costs no read
// of its own), the branch with its first parents and its versions of the files, and the wanted labels' ids, in the
// head query of the snapshot read (one request with explicit paths, and with globs whose listing carries the
// texts); the fork point's files when a rebuild needs them.
import type { OpenPull, PullBranch } from '../../core/pull-decision.js';
import type { CommitFiles } from '../../core/types.js';
import { byPath, comparePaths } from '../../core/paths.js';
import { FILE_ENTRY_SELECTION, filesFromAnswers, readFilesAt } from '../blob.js';
import type { GitHubClient } from '../client.js';
import { HISTORY_SELECTION, historyOf, type ChainCommit } from '../landed.js';
import type { GraphqlErrorEntry } from '../errors.js';
import { qualifiedBranch } from '../mutation.js';
import { readSnapshot, type ExtraSelection, type RemoteSnapshot } from '../read.js';
import { listingOf, treeSelection, type RawEntry, type TreeListing } from '../tree.js';
import type { Observation, PullRequestSpec } from './spec.js';

/** First parents of the PR head and of the base head read with them: enough to see whether the base head is still its fork point. */
const CHAIN_DEPTH = 8;

interface RawPull {
  readonly id: string;
  readonly number: number;
  readonly url: string;
  readonly title: string;
  readonly body: string | null;
  readonly baseRefName: string;
  readonly headRepository: { readonly nameWithOwner: string } | null;
  readonly labels: { readonly nodes: readonly { readonly name: string }[] } | null;
  readonly author: { readonly login: string } | null;
  readonly assignees: Nodes<{ readonly login: string }>;
  readonly reviewRequests: Nodes<{ readonly requestedReviewer: RawReviewer | null }>;
  readonly latestReviews: Nodes<{ readonly author: { readonly login: string } | null }>;
  readonly autoMergeRequest: { readonly enabledAt: string | null } | null;
  readonly timelineItems: Nodes<{ readonly __typename: string; readonly requestedReviewer?: RawReviewer | null }>;
}

type Nodes<T> = { readonly nodes: readonly (T | null)[] | null } | null;
type RawReviewer = { readonly __typename: string; readonly login?: string; readonly slug?: string };

/**
 * A reviewer as read: a user's login, and a team's slug when the run asks for teams. A token that may not see a team
 * (an App token without `members: read`, a secret team a CODEOWNERS file requests) gets a node-level FORBIDDEN for
 * its fields beside the rest of the data: the read goes on without that reviewer (`tolerated`).
 */
function reviewer(teams: boolean): string {
  return `requestedReviewer { __typename ... on User { login }${teams ? ' ... on Team { slug }' : ''} }`;
}

/**
 * What convergence needs of each open PR, in the head query (so a PR that lacks nothing costs no extra request):
 * its author, assignees, review requests now and ever (the timeline), who reviewed, and auto-merge now and ever.
 */
function decorations(teams: boolean): string {
  return (
    'author { login } assignees(first: 20) { nodes { login } } ' +
    `reviewRequests(first: 50) { nodes { ${reviewer(teams)} } } latestReviews(first: 50) { nodes { author { login } } } ` +
    'autoMergeRequest { enabledAt } ' +
    `timelineItems(itemTypes: [REVIEW_REQUESTED_EVENT, AUTO_MERGE_ENABLED_EVENT], first: 100) { nodes { __typename ... on ReviewRequestedEvent { ${reviewer(teams)} } } }`
  );
}

/** A node-level FORBIDDEN on a reviewer the token may not see. */
function tolerated(error: GraphqlErrorEntry): boolean {
  return error.type === 'FORBIDDEN' && (error.path ?? []).includes('requestedReviewer');
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

/**
 * The selection added to the head query: the open PRs for the branch, the branch (and its files: the literal
 * paths, or the listings of the base that carry texts, at the branch), label ids.
 */
function extraSelection(spec: PullRequestSpec, listings: readonly TreeListing[], history: boolean): ExtraSelection {
  const variables: Record<string, { type: string; value: unknown }> = {
    prHead: { type: 'String!', value: spec.branch },
    prRef: { type: 'String!', value: qualifiedBranch(spec.branch) },
  };
  const files = (spec.paths.literals ?? []).map((path, i) => {
    variables[`prF${i}`] = { type: 'String!', value: path };
    return `prF${i}: file(path: $prF${i}) { ${FILE_ENTRY_SELECTION} }`;
  });
  listings.forEach((listing, i) => {
    if (!listing.texts) return;
    if (listing.prefix !== '') variables[`prT${i}`] = { type: 'String!', value: listing.prefix };
    files.push(treeSelection(`prT${i}`, listing));
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
    `headRepository { nameWithOwner } labels(first: 100) { nodes { name } } ${decorations((spec.teamReviewers ?? []).length > 0)} } } ` +
    `prBranch: ref(qualifiedName: $prRef) { target { __typename ... on Commit { message url ${chainSelection(CHAIN_DEPTH)} ` +
    `${history ? HISTORY_SELECTION : ''} ${files.join(' ')} } } } ` +
    labels.join(' ');
  return { selection, variables, tolerate: tolerated };
}

/**
 * One read (with globs whose listing cannot carry the texts: two, three with an open PR): base, open PR, PR
 * branch and its files, labels; with `history`, the PR branch's recent history too (after a write whose answer was lost).
 */
export async function observe(client: GitHubClient, spec: PullRequestSpec, history = false): Promise<Observation> {
  // The listings the read chose (without texts after a failed try with them), to list them at the PR branch too.
  let listed: readonly TreeListing[] = [];
  const selection = (listings: readonly TreeListing[]): ExtraSelection => {
    listed = listings;
    return extraSelection(spec, listings, history);
  };
  const snapshot = await readSnapshot(client, spec.target, spec.paths, undefined, { ...spec.read, extra: selection });
  const extra = snapshot.extra ?? {};
  const pulls = ((extra['prPulls'] as { nodes?: readonly RawPull[] } | null)?.nodes ?? []).filter(
    (p) => p.headRepository === null || p.headRepository.nameWithOwner.toLowerCase() === snapshot.nameWithOwner.toLowerCase(),
  );
  const raw = pulls.find((p) => p.baseRefName === snapshot.branch) ?? pulls[0];
  const pull = raw === undefined ? undefined : openPull(raw);
  const target = (extra['prBranch'] as { target?: RawBranchTarget | null } | null)?.target ?? undefined;
  let branch: PullBranch | undefined;
  let branchHistory: ChainCommit[] | undefined;
  if (target !== undefined && target !== null) {
    if (target['history'] !== undefined) branchHistory = historyOf(target['history']);
    const chain = flattenChain(target);
    let files: CommitFiles | undefined;
    if (pull !== undefined && target.__typename === 'Commit') {
      // The PR branch's versions of the literal paths came with the head query, unless a literal was a folder.
      const literals = spec.paths.literals;
      const direct = literals !== undefined && snapshot.files.every((f) => literals.includes(f.path));
      files =
        literals !== undefined && direct
          ? await filesFromAnswers(client, spec.target, spec.branch, literals.map((path, i) => ({ path, entry: target[`prF${i}`] })), spec.read)
          : await branchFiles(client, spec, snapshot, target, listed);
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
  return {
    snapshot,
    ...(pull === undefined ? {} : { pull }),
    ...(branch === undefined ? {} : { branch }),
    ...(branchHistory === undefined ? {} : { branchHistory }),
    labelIds,
    baseChain,
  };
}

function openPull(raw: RawPull): OpenPull {
  const nodes = <T>(connection: Nodes<T>): T[] => (connection?.nodes ?? []).filter((n): n is T => n !== null);
  const requested = [...nodes(raw.reviewRequests), ...nodes(raw.timelineItems)].flatMap((r) => (r.requestedReviewer ? [r.requestedReviewer] : []));
  const reviewed = nodes(raw.latestReviews).flatMap((r) => (r.author ? [r.author.login] : []));
  const enabledOnce = nodes(raw.timelineItems).some((e) => e.__typename === 'AutoMergeEnabledEvent');
  return {
    id: raw.id,
    number: raw.number,
    url: raw.url,
    title: raw.title,
    body: raw.body ?? '',
    baseRefName: raw.baseRefName,
    labels: (raw.labels?.nodes ?? []).map((l) => l.name),
    ...(raw.author ? { author: raw.author.login } : {}),
    assignees: nodes(raw.assignees).map((a) => a.login),
    reviewers: {
      users: [...requested.flatMap((r) => (r.login === undefined ? [] : [r.login])), ...reviewed],
      teams: requested.flatMap((r) => (r.slug === undefined ? [] : [r.slug])),
    },
    autoMerge: raw.autoMergeRequest !== null ? 'on' : enabledOnce ? 'off' : 'never',
  };
}

/**
 * The PR branch's versions of the base's files: from the branch's listings that came with the head query (a path
 * they do not hold does not exist there), and read by path where they do not tell (not listed with texts, deeper
 * than listed, or a folder on the branch).
 */
async function branchFiles(
  client: GitHubClient,
  spec: PullRequestSpec,
  snapshot: RemoteSnapshot,
  target: RawBranchTarget,
  listings: readonly TreeListing[],
): Promise<CommitFiles> {
  const { listing, unexpanded } = listingOf(target, listings, 'prT');
  const byName = new Map(listing.map((e) => [e.path, e]));
  const under = (path: string, folder: string): boolean => folder === '' || path === folder || path.startsWith(`${folder}/`);
  const carried = listings.flatMap((l, i) => (l.texts && target[`prT${i}`] !== undefined ? [l.prefix] : []));
  const known: { path: string; entry: RawEntry | null }[] = [];
  const unknown: string[] = [];
  for (const { path } of snapshot.files) {
    const entry = byName.get(path);
    if (entry !== undefined) known.push({ path, entry: entry.answer ?? { type: entry.type, mode: entry.mode, oid: entry.oid } });
    else if (carried.some((prefix) => under(path, prefix)) && !unexpanded.some((e) => under(path, e.path)) && !listing.some((e) => e.path.startsWith(`${path}/`))) known.push({ path, entry: null });
    else unknown.push(path);
  }
  const [fromListing, byPathRead] = await Promise.all([
    filesFromAnswers(client, spec.target, spec.branch, known, spec.read),
    readFilesAt(client, spec.target, spec.branch, target.oid, unknown, spec.read),
  ]);
  return { files: [...fromListing.files, ...byPathRead.files].sort(byPath), skipped: [...fromListing.skipped, ...byPathRead.skipped].sort(byPath) };
}

/** The observation with the fork point's files (the paths of the base and of the PR branch), read at `oid`. */
export async function withFork(client: GitHubClient, spec: PullRequestSpec, observation: Observation, oid: string): Promise<Observation> {
  const paths = new Set([...observation.snapshot.files, ...(observation.branch?.files?.files ?? [])].map((f) => f.path));
  const files = await readFilesAt(client, spec.target, oid.slice(0, 12), oid, [...paths].sort(comparePaths), spec.read);
  return { ...observation, fork: { oid, files } };
}
