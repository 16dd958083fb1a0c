// Provenance on the delivery side: the trailers each commit this run sends carries (core/provenance.ts), appended
// to the message through the one trailer builder (github/mutation.ts), and the read of what the bump ships
// (github/provenance.ts), made once before the write so the commit, the PR body and the summary can say it.
import type { Io } from '../core/io.js';
import type { Plan } from '../core/types.js';
import { provenanceTrailers, type SourceProvenance } from '../core/provenance.js';
import { distinctMoves } from '../core/shipped.js';
import { createClient, type GitHubClient } from '../github/client.js';
import { withTrailers, type CommitMessage } from '../github/mutation.js';
import { readShipped } from '../github/provenance.js';
import type { PromotionReport, ShippedContext } from '../report/context.js';
import { shippedContext } from '../report/shipped.js';
import type { ProvenanceSettings, Settings } from '../settings/types.js';

/** What the settings say of the source, as the trailers record it. */
export function sourceOf(settings: ProvenanceSettings): SourceProvenance {
  const repository = settings.repository && `${settings.repository.owner}/${settings.repository.repo}`;
  return { repository, sha: settings.sha, builtBy: settings.builtBy };
}

/**
 * `message` with the plan's provenance trailers; unchanged when provenance is off (`source-repository: none`).
 * `shipped`: what the provenance read found (a promotion's new versions' source commits).
 */
export function withProvenance(message: CommitMessage, plan: Plan, settings: ProvenanceSettings | undefined, shipped?: ShippedContext): CommitMessage {
  if (settings === undefined) return message;
  const found = new Map((shipped?.report.shipped ?? []).flatMap((s) => (s.toCommit === undefined ? [] : [[s.image, s.toCommit] as const])));
  return withTrailers(message, ...provenanceTrailers(plan.changes, sourceOf(settings), found));
}

/** The provenance read of one run: done before the write (in the plan report), once per set of moves. */
export interface ProvenanceReader {
  /** Reads what `plan` ships (cached by its moves); never throws, logs its notes. */
  read(plan: Plan, snapshot: { readonly head: string }): Promise<void>;
  /** The context section for `plan`, if it was read. */
  context(plan: Plan): ShippedContext | undefined;
}

const movesKey = (plan: Plan): string => JSON.stringify(distinctMoves(plan.changes).map((m) => [m.image, m.from, m.to, m.files[0]]));

/**
 * The run's provenance reader, or undefined when there is nothing to read: `source-repository: none`, no source
 * repository known, or neither the new version's commit (GITHUB_SHA, `source-sha`) nor a named `source-repository`
 * (outside a runner, where a read could only guess). `env` is the runner's environment (endpoints) for a client
 * with `source-token`.
 */
export function provenanceReader(
  settings: Settings,
  io: Io,
  client: GitHubClient,
  env: NodeJS.ProcessEnv,
  promotion?: PromotionReport,
): ProvenanceReader | undefined {
  const p = settings.provenance;
  const target = settings.repository;
  if (p === undefined || p.repository === undefined || target === undefined || (p.sha === undefined && !p.named)) return undefined;
  const source = p.repository;
  const sourceClient = p.token === settings.token ? client : createClient({ token: p.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
  const same = (a: { owner: string; repo: string }, b: string | undefined): boolean => b !== undefined && `${a.owner}/${a.repo}`.toLowerCase() === b.trim().toLowerCase();
  const read = new Map<string, ShippedContext>();
  // A promotion within the target repository: the source environment's files hold the new versions' trailers.
  const promotedFrom = promotion !== undefined && settings.promotion?.repository === undefined
    ? new Map(promotion.found.map((f) => [f.repository, f.file]))
    : undefined;
  return {
    async read(plan, snapshot) {
      if (plan.changes.length === 0) return;
      const key = movesKey(plan);
      if (read.has(key)) return;
      const before = client.stats().requests + (sourceClient === client ? 0 : sourceClient.stats().requests);
      const answer = await readShipped(client, {
        target: { owner: target.owner, repo: target.repo, head: snapshot.head },
        source: { owner: source.owner, repo: source.repo, sha: p.sha, builtBy: p.builtBy, serverUrl: p.serverUrl },
        sourceClient,
        changes: plan.changes,
        ...(promotedFrom === undefined ? {} : { promotedFrom }),
      });
      const spent = client.stats().requests + (sourceClient === client ? 0 : sourceClient.stats().requests) - before;
      const shipped = shippedContext(answer, { target: same(source, `${target.owner}/${target.repo}`), workflow: same(source, env.GITHUB_REPOSITORY) });
      read.set(key, shipped);
      const ranges = answer.shipped.filter((s) => s.compareUrl !== undefined).length;
      io.info(`provenance: ${ranges} of ${answer.shipped.length} image range(s) read from ${source.owner}/${source.repo} (${spent} request(s)).`);
      for (const s of answer.shipped) for (const note of s.notes ?? []) io.info(`provenance note (${s.image}): ${note}; the bump goes on without it.`);
    },
    context: (plan) => read.get(movesKey(plan)),
  };
}

/** `report`, then the provenance read of the plan (before anything is written). */
export function withShippedRead<S extends { readonly head: string }>(
  remote: { readonly provenance: ProvenanceReader | undefined },
  report: (plan: Plan, snapshot: S, attempt: number) => Promise<void>,
): (plan: Plan, snapshot: S, attempt: number) => Promise<void> {
  return async (plan, snapshot, attempt) => {
    await report(plan, snapshot, attempt);
    await remote.provenance?.read(plan, snapshot);
  };
}

/** `context` with what `plan` ships, when it was read. */
export function shippedIn<C extends object>(remote: { readonly provenance: ProvenanceReader | undefined }, plan: Plan, context: C): C & { shipped?: ShippedContext } {
  const shipped = remote.provenance?.context(plan);
  return shipped === undefined ? context : { ...context, shipped };
}
