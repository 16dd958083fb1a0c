// The promotion gates' facts in one GraphQL query against the source branch's head: each source file's history
// (newest HISTORY first, with the file's text at each commit, its date and trailers) and, with a status gate, the
// branch's newest BRANCH commits with their statuses and check runs (`statusCheckRollup`). Unlike provenance, a
// failed read is not skipped: the gates cannot be judged without it, and the run fails writing nothing.
import { versionsIn, type BranchCommit, type ContextState, type FileCommit, type GateFacts, type GateRules } from '../core/gates.js';
import type { GitHubClient } from './client.js';
import { trailers } from './mutation.js';

/** Commits of each source file's history read (the soak clock starts at the oldest one that still holds the version). */
export const HISTORY = 30;
/** Commits of the source branch whose statuses are read (the newest carrying each context counts). */
export const BRANCH = 50;
/** Contexts read per commit. */
const CONTEXTS = 50;

interface HistoryNode {
  oid: string;
  committedDate: string;
  message: string;
  file: { object: { text?: string | null } | null } | null;
}

interface ContextNode {
  __typename: string;
  context?: string;
  state?: string;
  name?: string;
  status?: string;
  conclusion?: string | null;
}

interface BranchNode {
  oid: string;
  statusCheckRollup: { contexts: { nodes: ContextNode[] } } | null;
}

/** A status context's or check run's state as the gate reads it. */
export function contextState(node: ContextNode): { name: string; state: ContextState } | undefined {
  if (node.__typename === 'StatusContext' && node.context !== undefined) {
    const state = (node.state ?? '').toLowerCase();
    return { name: node.context, state: state === 'success' || state === 'failure' || state === 'error' ? state : 'pending' };
  }
  if (node.__typename === 'CheckRun' && node.name !== undefined) {
    if (node.status !== 'COMPLETED') return { name: node.name, state: 'pending' };
    return { name: node.name, state: ['SUCCESS', 'NEUTRAL', 'SKIPPED'].includes(node.conclusion ?? '') ? 'success' : 'failure' };
  }
  return undefined;
}

/** Reads the facts the gates need for `files` of `owner/repo` at `head`: one request. */
export async function readGateFacts(
  client: GitHubClient,
  source: { readonly owner: string; readonly repo: string; readonly head: string },
  files: readonly string[],
  rules: GateRules,
  now: Date,
): Promise<GateFacts> {
  const histories = files
    .map((_, i) => `f${i}: history(path: $f${i}, first: ${HISTORY}) { nodes { oid committedDate message file(path: $f${i}) { object { ... on Blob { text } } } } }`)
    .join(' ');
  const contexts = `contexts(first: ${CONTEXTS}) { nodes { __typename ... on StatusContext { context state } ... on CheckRun { name status conclusion } } }`;
  const branch = rules.requireStatus.length > 0 ? `branch: history(first: ${BRANCH}) { nodes { oid statusCheckRollup { ${contexts} } } }` : '';
  const declarations = ['$owner: String!', '$name: String!', '$head: GitObjectID!', ...files.map((_, i) => `$f${i}: String!`)];
  const data = await client.graphql<{ repository: { object: Record<string, { nodes: unknown[] }> | null } | null }>(
    `query PromotionGates(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { object(oid: $head) { ... on Commit { ${histories} ${branch} } } } }`,
    { owner: source.owner, name: source.repo, head: source.head, ...Object.fromEntries(files.map((f, i) => [`f${i}`, f])) },
  );
  const commit = data.repository?.object ?? {};
  const read = new Map<string, FileCommit[]>();
  files.forEach((path, i) => {
    const nodes = (commit[`f${i}`]?.nodes ?? []) as HistoryNode[];
    read.set(
      path,
      nodes.map((n) => {
        const text = n.file?.object?.text;
        return { oid: n.oid, committedDate: n.committedDate, trailers: trailers(n.message), versions: typeof text === 'string' ? versionsIn({ path, text }) : undefined };
      }),
    );
  });
  const commits: BranchCommit[] = ((commit.branch?.nodes ?? []) as BranchNode[]).map((n) => ({
    oid: n.oid,
    contexts: (n.statusCheckRollup?.contexts.nodes ?? []).flatMap((c) => contextState(c) ?? []),
  }));
  return { histories: read, branch: commits, now };
}
