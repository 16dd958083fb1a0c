// A promotion's gates between reading the source and planning: the facts read through the API (one query), every
// candidate judged, the decisions logged, and only what passed left to plan. What was held back is kept in the
// promotion report, so that the plan lists it in `refused` with its reason (core/gates.ts gateRefusals).
import { candidates, decide, gatesOn, passedRequests, type GateReport } from '../core/gates.js';
import type { Io } from '../core/io.js';
import type { Promotion } from '../core/promote.js';
import { InputError } from '../settings/errors.js';
import type { Repository, Settings } from '../settings/types.js';

/** Where the promotion source was read through the API: its repository and the head the files were read at. */
export interface GateSource {
  readonly repository: Repository;
  readonly head: string;
  readonly token: string;
}

/** The gates' outcome: the report (undefined without gates) and the requests left to plan. */
export async function applyGates(
  settings: Settings,
  found: Promotion,
  source: GateSource | undefined,
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<{ gates?: GateReport; images: Promotion['requests']; charts: Promotion['charts'] }> {
  const rules = settings.gates;
  if (!gatesOn(rules)) return { images: found.requests, charts: found.charts };
  if (source === undefined) {
    const input = rules.after !== undefined ? 'promote-after' : 'promote-require-status';
    throw new InputError(input, "reads the source branch's history and statuses through the GitHub API: promote from a repository (remove local-path, or set promote-from-repository).");
  }
  const items = candidates(found.found, found.foundCharts);
  const { readRemoteGates } = await import('../deliver/api.js');
  const facts = await readRemoteGates({ token: source.token, target: { ...source.repository, branch: undefined }, head: source.head }, [...new Set(items.map((i) => i.file))], rules, settings.now, io, env);
  const decisions = decide(rules, items, facts);
  for (const d of decisions) {
    const since = d.arrived ? ` (in the source since ${d.arrived.oid.slice(0, 7)}, ${d.arrived.at})` : '';
    const line = `gate ${d.candidate.display} ${d.candidate.version}: ${d.state}${since}`;
    if (d.passed) io.info(line);
    else io.warning(line);
  }
  const passed = passedRequests(decisions, found.requests, found.charts);
  return { gates: { decisions }, images: passed.images, charts: passed.charts };
}
