// Promotion gates, pure: from what the source branch's history says (when each version arrived, which statuses its
// commits carry) to a pass or a refusal with its reason. The facts are read by github/gates.ts in one query.
import { minimatch } from 'minimatch';
import { plan, type PlanOptions } from './plan.js';
import type { FoundChart, FoundVersion } from './promote.js';
import { recordedMoves, type TrailerPair } from './provenance.js';
import type { ChartRequest, ImageRequest, Plan, Refusal, SourceFile } from './types.js';
import { promotionRequests } from './promote.js';
import { versionOf } from '../image/reference.js';

/** The gate inputs, parsed (settings). */
export interface GateRules {
  /** `promote-after` in milliseconds, and as the input spelled it (for reasons). */
  readonly after?: { readonly ms: number; readonly text: string };
  /** `promote-require-status` globs. */
  readonly requireStatus: readonly string[];
}

export const gatesOn = (rules: GateRules | undefined): rules is GateRules => rules !== undefined && (rules.after !== undefined || rules.requireStatus.length > 0);

/** One thing a promotion carries, as the gates judge it. */
export interface Candidate {
  /** `ghcr.io/acme/api` (normalised repository) or `chart <display>`: the key of `versionsIn`. */
  readonly key: string;
  /** What a Bumped-Image trailer names (the repository, or the chart's display). */
  readonly trailerName: string;
  /** What the summary and reasons call it. */
  readonly display: string;
  readonly version: string;
  /** The source file it was found in. */
  readonly file: string;
}

export function candidates(found: readonly FoundVersion[], foundCharts: readonly FoundChart[] = []): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const f of found) {
    if (seen.has(f.repository)) continue;
    seen.add(f.repository);
    out.push({ key: f.repository, trailerName: f.repository, display: f.name, version: versionOf(f), file: f.file });
  }
  for (const c of foundCharts) {
    const key = `chart ${c.chart}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, trailerName: c.chart, display: key, version: c.version, file: c.file });
  }
  return out;
}

/** The versions one file's text holds, by candidate key; undefined when it does not parse or holds two of one. */
export function versionsIn(file: SourceFile): ReadonlyMap<string, string> | undefined {
  try {
    const found = promotionRequests([file]);
    return new Map([...found.found.map((f): [string, string] => [f.repository, versionOf(f)]), ...found.foundCharts.map((c): [string, string] => [`chart ${c.chart}`, c.version])]);
  } catch {
    return undefined;
  }
}

/** One commit of a source file's history (newest first), as github/gates.ts reads it. */
export interface FileCommit {
  readonly oid: string;
  /** ISO 8601 committer date. */
  readonly committedDate: string;
  readonly trailers: readonly TrailerPair[];
  /** The file's versions at this commit (versionsIn); undefined when its text was not read or does not parse. */
  readonly versions: ReadonlyMap<string, string> | undefined;
}

export type ContextState = 'success' | 'pending' | 'failure' | 'error';

/** One commit of the source branch (newest first) with its statuses and check runs; `contexts` empty: none. */
export interface BranchCommit {
  readonly oid: string;
  readonly contexts: readonly { readonly name: string; readonly state: ContextState }[];
}

/** What the gates read for one promotion. */
export interface GateFacts {
  /** Per source file, its history on the source branch, newest first (bounded). */
  readonly histories: ReadonlyMap<string, readonly FileCommit[]>;
  /** The source branch's commits, newest first (bounded); empty when no status gate is set. */
  readonly branch: readonly BranchCommit[];
  readonly now: Date;
}

export interface GateDecision {
  readonly candidate: Candidate;
  readonly passed: boolean;
  /** The summary's gate cell: `passed`, `soaking 3h12m of 24h`, `failing argocd/api-staging on abc1234`. */
  readonly state: string;
  /** Why it is refused (the `refused` reason). */
  readonly reason?: string;
  /** The commit that brought the version into the source file, when the history says. */
  readonly arrived?: { readonly oid: string; readonly at: string };
  /** How long the version still has to soak, in milliseconds (refused for soak time only). */
  readonly leftMs?: number;
}

const UNITS: readonly [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/** `3h12m`, `1d2h`, `45m`, `30s`: the two largest units, never more precise than a second. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1000)) * 1000;
  const counts = UNITS.map(([unit, size]): [string, number] => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    return [unit, n];
  });
  const first = counts.findIndex(([, n]) => n > 0);
  if (first === -1) return '0s';
  return counts
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => `${n}${unit}`)
    .join('');
}

/**
 * The commit that brought `candidate`'s version into its file: walking the history newest first, a commit whose
 * Bumped-Image trailer records the move to this version is it; else the oldest commit of the run of commits whose
 * text still holds it (a commit changing other lines keeps the run going). Undefined when the newest commit of the
 * history does not hold the version (the branch moved since the read) or nothing was read.
 */
export function arrival(history: readonly FileCommit[], candidate: Candidate): FileCommit | undefined {
  let found: FileCommit | undefined;
  for (const commit of history) {
    if (recordedMoves(commit.trailers).some((m) => m.image.toLowerCase() === candidate.trailerName.toLowerCase() && m.to === candidate.version)) return commit;
    if (commit.versions?.get(candidate.key) !== candidate.version) break;
    found = commit;
  }
  return found;
}

const short = (oid: string): string => oid.slice(0, 7);

/**
 * The status gate for one candidate: for each glob, the newest commit since the version arrived (`window`, newest
 * first) that carries a context matching it must show success for all of them. The first problem found, or none.
 */
function statusProblem(globs: readonly string[], window: readonly BranchCommit[], arrivedAt: string | undefined): string | undefined {
  for (const glob of globs) {
    const match = (name: string): boolean => minimatch(name, glob, { dot: true });
    const commit = window.find((c) => c.contexts.some((ctx) => match(ctx.name)));
    if (commit === undefined) return `no status matching \`${glob}\` since it arrived${arrivedAt === undefined ? '' : ` (${short(arrivedAt)})`}`;
    const bad = commit.contexts.find((ctx) => match(ctx.name) && ctx.state !== 'success');
    if (bad !== undefined) return `${bad.state === 'pending' ? 'pending' : 'failing'} \`${bad.name}\` on ${short(commit.oid)}`;
  }
  return undefined;
}

/** Judges every candidate against the rules. */
export function decide(rules: GateRules, items: readonly Candidate[], facts: GateFacts): GateDecision[] {
  return items.map((candidate): GateDecision => {
    const came = arrival(facts.histories.get(candidate.file) ?? [], candidate);
    const arrived = came && { oid: came.oid, at: came.committedDate };
    if (rules.after !== undefined) {
      if (came === undefined) {
        const reason = `soaking: when ${candidate.version} arrived in ${candidate.file} is unknown (the history read does not show it)`;
        return { candidate, passed: false, state: 'soaking: arrival unknown', reason };
      }
      const age = facts.now.getTime() - Date.parse(came.committedDate);
      if (age < rules.after.ms) {
        const state = `soaking ${formatDuration(age)} of ${rules.after.text}`;
        const leftMs = rules.after.ms - age;
        return { candidate, passed: false, state, reason: `soaking: ${formatDuration(age)} of ${rules.after.text} (${formatDuration(leftMs)} left)`, arrived, leftMs };
      }
    }
    if (rules.requireStatus.length > 0) {
      const at = came === undefined ? -1 : facts.branch.findIndex((c) => c.oid === came.oid);
      const window = at === -1 ? facts.branch : facts.branch.slice(0, at + 1);
      const problem = statusProblem(rules.requireStatus, window, came?.oid);
      if (problem !== undefined) return { candidate, passed: false, state: problem, reason: problem, ...(arrived && { arrived }) };
    }
    return { candidate, passed: true, state: 'passed', ...(arrived && { arrived }) };
  });
}

/** A promotion's gate outcome (PromotionReport.gates): every decision, for the summary and the log. */
export interface GateReport {
  readonly decisions: readonly GateDecision[];
}

/** The requests whose candidates passed (images by repository, charts by display). */
export function passedRequests(
  decisions: readonly GateDecision[],
  requests: readonly ImageRequest[],
  charts: readonly ChartRequest[],
): { images: ImageRequest[]; charts: ChartRequest[]; refusedImages: ImageRequest[]; refusedCharts: ChartRequest[] } {
  const refused = new Set(decisions.filter((d) => !d.passed).map((d) => d.candidate.key));
  return {
    images: requests.filter((r) => !refused.has(r.ref.repository)),
    charts: charts.filter((c) => !refused.has(`chart ${c.ref.display}`)),
    refusedImages: requests.filter((r) => refused.has(r.ref.repository)),
    refusedCharts: charts.filter((c) => refused.has(`chart ${c.ref.display}`)),
  };
}

/**
 * The target-side refusals of what the gates held back: the moves a plan of only the refused requests would make,
 * each with its gate's reason (a refused version the target already holds is no refusal: nothing would move).
 * Added to the plan's own refusals so that `refused`, the log and the summary list them like the policy's.
 */
export function gateRefusals(files: readonly SourceFile[], report: GateReport, requests: readonly ImageRequest[], charts: readonly ChartRequest[], options: PlanOptions): Refusal[] {
  const held = passedRequests(report.decisions, requests, charts);
  if (held.refusedImages.length === 0 && held.refusedCharts.length === 0) return [];
  const p: Plan = plan(files, held.refusedImages, { ...options, charts: held.refusedCharts });
  const decisionOf = (image: string, kind: 'image' | 'chart' | undefined): GateDecision | undefined =>
    report.decisions.find((d) => !d.passed && (kind === 'chart' ? d.candidate.key === `chart ${image}` : d.candidate.key === image));
  const out: Refusal[] = [];
  for (const change of [...p.changes, ...p.refusals]) {
    if (change.field === 'appVersion') continue;
    const decision = decisionOf(change.image, change.kind);
    if (decision?.reason === undefined) continue;
    const left = decision.leftMs === undefined ? {} : { leftSeconds: Math.ceil(decision.leftMs / 1000) };
    out.push({ kind: change.kind, file: change.file, line: change.line, image: change.image, from: change.from, to: change.to, reason: decision.reason, ...left });
  }
  return out;
}

/** `fail-on-refused`: any refusal (policy, hold, gate) fails the run before anything is written. */
export class RefusedError extends Error {
  constructor(readonly refusals: readonly Refusal[]) {
    const listed = refusals.slice(0, 5).map((r) => `${r.image} ${r.from || '(none)'} → ${r.to} in ${r.file}:${r.line}: ${r.reason}`);
    const more = refusals.length > 5 ? `; and ${refusals.length - 5} more` : '';
    super(`fail-on-refused: ${refusals.length} change(s) refused, nothing written: ${listed.join('; ')}${more}.`);
    this.name = 'RefusedError';
  }
}

export function checkRefused(p: Plan, fail: boolean): void {
  if (fail && p.refusals.length > 0) throw new RefusedError(p.refusals);
}

/** The plan with what the gates held back added to its refusals (nothing changes without gates). */
export function withGateRefusals(
  p: Plan,
  files: readonly SourceFile[],
  promotion: { readonly gates?: GateReport; readonly requests: readonly ImageRequest[]; readonly charts?: readonly ChartRequest[] } | undefined,
  options: PlanOptions,
): Plan {
  if (promotion?.gates === undefined) return p;
  const held = gateRefusals(files, promotion.gates, promotion.requests, promotion.charts ?? [], options);
  return held.length === 0 ? p : { ...p, refusals: [...p.refusals, ...held] };
}
