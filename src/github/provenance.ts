// Provenance reads, best-effort: what a bump ships, in at most three requests whatever the range's length:
//   1. one GraphQL query: each changed file's history on the branch (newest 30, aliased per file) and, with one
//      token for both repositories, the source repository's candidate tags (`v<old>`, `<old>`, `v<new>`, `<new>`);
//   2. one REST compare per distinct range (`GET /repos/{o}/{r}/compare/{base}...{head}`, GitHub lists ≤ 250 commits);
//   3. one GraphQL query: `associatedPullRequests` of every commit of the ranges, aliased, merged ones kept.
// A separate `source-token` reads the tags with its own query, only when a trailer did not already say. Nothing
// here throws: a failure (no access, a missing tag, a rate limit, a 5xx) becomes a note and the bump goes on.
import { digestOf, distinctMoves, mergedPulls, movesBack, originInHistory, tagCandidates, type HistoryCommit, type Shipped, type ShippedPull } from '../core/shipped.js';
import type { Change } from '../core/types.js';
import type { GitHubClient } from './client.js';
import { GraphqlResponseError } from './errors.js';
import { trailers } from './mutation.js';

/** How many commits of a file's history are searched for the old version's Source-Commit. */
export const HISTORY_DEPTH = 30;
/** Pull requests listed per commit of the range. */
const PULLS_PER_COMMIT = 5;

/** What the provenance read needs to know. */
export interface ProvenanceRequest {
  /** The GitOps repository and the head the plan was made against. */
  readonly target: { readonly owner: string; readonly repo: string; readonly head: string };
  /** The source repository, the new version's commit (when the run knows it), the run URL and the web root. */
  readonly source: { readonly owner: string; readonly repo: string; readonly sha?: string; readonly builtBy?: string; readonly serverUrl: string };
  /** Reads the source repository: the target's client when `source-token` is not set. */
  readonly sourceClient: GitHubClient;
  readonly changes: readonly Change[];
  /**
   * A promotion within the target repository: per image, the source environment's file. The new version's commit is
   * then the Source-Commit of the commit that brought it there (the train's other end), before any tag.
   */
  readonly promotedFrom?: ReadonlyMap<string, string>;
}

/** The shipped sections and whether the source repository is private (its titles then stay out of public places). */
export interface ProvenanceAnswer {
  readonly shipped: readonly Shipped[];
  /** undefined when the source repository could not be read. */
  readonly sourcePrivate?: boolean;
  readonly targetPrivate?: boolean;
}

type Answer = { data: Record<string, unknown>; errors: string[] };

/** One document, tried once (a retry would hold the bump up), partial data kept beside its errors. */
async function query(client: GitHubClient, text: string, variables: Record<string, unknown>): Promise<Answer> {
  try {
    return { data: await client.graphql<Record<string, unknown>>(text, variables, { attempts: 1 }), errors: [] };
  } catch (error) {
    if (error instanceof GraphqlResponseError) {
      const data = typeof error.data === 'object' && error.data !== null ? (error.data as Record<string, unknown>) : {};
      return { data, errors: error.errors.map((e) => e.message) };
    }
    return { data: {}, errors: [error instanceof Error ? error.message : String(error)] };
  }
}

const get = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined), value);

/** The commit a tag ref points at (a lightweight tag's target, or an annotated tag's). */
function tagCommit(ref: unknown): string | undefined {
  const target = get(ref, 'target');
  const inner = get(target, 'target', 'oid');
  const oid = typeof inner === 'string' ? inner : get(target, 'oid');
  return typeof oid === 'string' ? oid : undefined;
}

/** The tags selection: `t<i>: ref(qualifiedName: $t<i>)` for each name. */
function tagSelection(names: readonly string[]): { selection: string; declarations: string[]; variables: Record<string, string> } {
  const selection = names.map((_, i) => `t${i}: ref(qualifiedName: $t${i}) { target { oid ... on Tag { target { oid } } } }`).join(' ');
  return { selection, declarations: names.map((_, i) => `$t${i}: String!`), variables: Object.fromEntries(names.map((n, i) => [`t${i}`, `refs/tags/${n}`])) };
}

function tagsFrom(repository: unknown, names: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  names.forEach((name, i) => {
    const oid = tagCommit(get(repository, `t${i}`));
    if (oid !== undefined) found.set(name, oid);
  });
  return found;
}

/** The first candidate tag that exists. */
const byTag = (tags: Map<string, string>, version: string): string | undefined =>
  tagCandidates(version).map((t) => tags.get(t)).find((oid) => oid !== undefined);

/** Reads what each moved image ships. Never throws. */
export async function readShipped(client: GitHubClient, request: ProvenanceRequest): Promise<ProvenanceAnswer> {
  const moves = distinctMoves(request.changes);
  const { source, target } = request;
  const repository = `${source.owner}/${source.repo}`;
  const promoted = (image: string): string | undefined => request.promotedFrom?.get(image);
  const files = [...new Set([...moves.map((m) => m.files[0]!), ...moves.flatMap((m) => promoted(m.image) ?? [])])];
  const tagNames = [...new Set(moves.flatMap((m) => [...tagCandidates(m.from), ...(source.sha === undefined ? tagCandidates(m.to) : [])]))];
  const shared = request.sourceClient === client;
  // 1. The changed files' histories (and, with one token, the tags) in one query.
  const tags = shared ? tagSelection(tagNames) : tagSelection([]);
  const declarations = ['$owner: String!', '$name: String!', '$head: GitObjectID!', '$so: String!', '$sn: String!', ...files.map((_, i) => `$f${i}: String!`), ...tags.declarations];
  const histories = files.map((_, i) => `f${i}: history(path: $f${i}, first: ${HISTORY_DEPTH}) { nodes { oid message } }`).join(' ');
  const first = await query(
    client,
    `query ProvenanceOrigins(${declarations.join(', ')}) { target: repository(owner: $owner, name: $name) { isPrivate object(oid: $head) { ... on Commit { ${histories} } } } ` +
      `source: repository(owner: $so, name: $sn) { isPrivate ${tags.selection} } }`,
    { owner: target.owner, name: target.repo, head: target.head, so: source.owner, sn: source.repo, ...Object.fromEntries(files.map((f, i) => [`f${i}`, f])), ...tags.variables },
  );
  const notes: string[] = first.errors.map((e) => `reading the history and tags: ${e}`);
  let sourceRepository = get(first.data, 'source');
  let found = shared ? tagsFrom(sourceRepository, tagNames) : new Map<string, string>();
  const historyOf = (file: string): HistoryCommit[] => {
    const nodes = get(first.data, 'target', 'object', `f${files.indexOf(file)}`, 'nodes');
    return Array.isArray(nodes) ? nodes.map((n: { oid: string; message: string }) => ({ oid: n.oid, trailers: trailers(n.message) })) : [];
  };
  const fromHistory = moves.map((m) => originInHistory(historyOf(m.files[0]!), m.image, m.from, repository));
  const toHistory = moves.map((m) => {
    const file = promoted(m.image);
    return source.sha ?? (file === undefined ? undefined : originInHistory(historyOf(file), m.image, m.to, repository));
  });
  if (!shared && tagNames.length > 0 && (fromHistory.some((o) => o === undefined) || toHistory.some((o) => o === undefined))) {
    // A separate source token: the tags with it, only when a trailer did not already say.
    const own = tagSelection(tagNames);
    const answer = await query(
      request.sourceClient,
      `query ProvenanceTags($so: String!, $sn: String!${own.declarations.map((d) => `, ${d}`).join('')}) { source: repository(owner: $so, name: $sn) { isPrivate ${own.selection} } }`,
      { so: source.owner, sn: source.repo, ...own.variables },
    );
    notes.push(...answer.errors.map((e) => `reading the tags of ${repository}: ${e}`));
    sourceRepository = get(answer.data, 'source');
    found = tagsFrom(sourceRepository, tagNames);
  }
  const isPrivate = get(sourceRepository, 'isPrivate');
  const ends = moves.map((m, i) => ({ move: m, fromCommit: fromHistory[i] ?? byTag(found, m.from), toCommit: toHistory[i] ?? byTag(found, m.to) }));
  // 2. One compare per distinct range.
  const ranges = new Map<string, { commits: string[]; total: number } | string>();
  // A rollback's range runs from the new version's commit to the old one's: what it takes out.
  const rangeOf = (e: (typeof ends)[number]): string | undefined =>
    e.fromCommit === undefined || e.toCommit === undefined || e.fromCommit === e.toCommit
      ? undefined
      : movesBack(e.move.from, e.move.to) ? `${e.toCommit}...${e.fromCommit}` : `${e.fromCommit}...${e.toCommit}`;
  for (const end of ends) {
    const key = rangeOf(end);
    if (key === undefined) continue;
    if (ranges.has(key)) continue;
    try {
      const { data } = await request.sourceClient.rest.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
        owner: source.owner,
        repo: source.repo,
        basehead: key,
        request: { attempts: 1 },
      });
      ranges.set(key, { commits: data.commits.map((c) => c.sha), total: data.total_commits });
    } catch (error) {
      ranges.set(key, `comparing ${key.replace(/[0-9a-f]{33}\b/g, '')} in ${repository}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // 3. The pull requests of every listed commit, in one query.
  const oids = [...new Set([...ranges.values()].flatMap((r) => (typeof r === 'string' ? [] : r.commits)))];
  const pulls = new Map<string, (ShippedPull & { merged: boolean })[]>();
  if (oids.length > 0) {
    const selection = oids
      .map((_, i) => `c${i}: object(oid: $c${i}) { ... on Commit { associatedPullRequests(first: ${PULLS_PER_COMMIT}) { nodes { number title url merged author { login } } } } }`)
      .join(' ');
    const answer = await query(
      request.sourceClient,
      `query ProvenancePulls($so: String!, $sn: String!${oids.map((_, i) => `, $c${i}: GitObjectID!`).join('')}) { source: repository(owner: $so, name: $sn) { ${selection} } }`,
      { so: source.owner, sn: source.repo, ...Object.fromEntries(oids.map((oid, i) => [`c${i}`, oid])) },
    );
    notes.push(...answer.errors.map((e) => `reading the pull requests of ${repository}: ${e}`));
    oids.forEach((oid, i) => {
      const nodes = get(answer.data, 'source', `c${i}`, 'associatedPullRequests', 'nodes');
      if (!Array.isArray(nodes)) return;
      pulls.set(
        oid,
        nodes.map((n: { number: number; title: string; url: string; merged: boolean; author: { login: string } | null }) => ({
          number: n.number,
          title: n.title,
          url: n.url,
          merged: n.merged,
          author: n.author?.login ?? 'ghost',
        })),
      );
    });
  }
  const shipped = ends.map((end): Shipped => {
    const { move, fromCommit, toCommit } = end;
    const key = rangeOf(end);
    const own: string[] = [...notes];
    if (fromCommit === undefined) {
      own.push(`the source commit of ${move.from || '(none)'} was not found (no Source-Commit trailer in the last ${HISTORY_DEPTH} commits of ${move.files[0]}, no tag ${tagCandidates(move.from).join(' or ') || 'to try'} in ${repository})`);
    }
    if (toCommit === undefined) own.push(`the source commit of ${move.to} is not known (no source-sha or Source-Commit trailer, no tag ${tagCandidates(move.to).join(' or ') || 'to try'} in ${repository})`);
    const range = key === undefined ? undefined : ranges.get(key);
    if (typeof range === 'string') own.push(range);
    const listed = typeof range === 'object' ? range.commits : [];
    return {
      image: move.image,
      from: move.from,
      to: move.to,
      repository,
      ...(fromCommit === undefined ? {} : { fromCommit }),
      ...(toCommit === undefined ? {} : { toCommit }),
      ...(key === undefined ? {} : { compareUrl: `${source.serverUrl}/${repository}/compare/${key}` }),
      ...(movesBack(move.from, move.to) ? { rolledBack: true } : {}),
      ...(typeof range === 'object' ? { pullRequests: mergedPulls(listed.flatMap((oid) => pulls.get(oid) ?? [])), commits: range.total } : {}),
      ...(source.builtBy === undefined ? {} : { builtBy: source.builtBy }),
      ...(digestOf(move.to) === undefined ? {} : { digest: digestOf(move.to)! }),
      ...(own.length > 0 ? { notes: [...new Set(own)] } : {}),
    };
  });
  const targetPrivate = get(first.data, 'target', 'isPrivate');
  return {
    shipped,
    ...(typeof isPrivate === 'boolean' ? { sourcePrivate: isPrivate } : {}),
    ...(typeof targetPrivate === 'boolean' ? { targetPrivate } : {}),
  };
}
