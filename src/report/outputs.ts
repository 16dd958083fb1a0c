// The action's outputs (the CLI's --json), and the result one run hands to them: the plan, the context, the
// outcome line and the diff.
import { planDiff } from './diff.js';
import { outcomeLine } from './messages.js';
import { shippedOutput } from './shipped.js';
import { missesOf } from './unmatched.js';
import type { RunContext } from './context.js';
import type { Change, Plan } from '../core/types.js';

/**
 * One `changes` (or `refused`) entry as the outputs show it: `kind` first; an image's `image`, a chart's `chart`
 * (with `field: appVersion` for a Chart.yaml following its image).
 */
export function outputEntry<T extends Change>(change: T): Record<string, unknown> {
  const { kind, file, line, image, field, from, to, ...rest } = change;
  if (kind !== 'chart') return { kind: 'image', file, line, image, from, to, ...rest };
  return { kind: 'chart', file, line, chart: image, ...(field !== undefined && { field }), from, to, ...rest };
}

/** What one run did: the plan it carried out, where, and the two texts a person reads first. */
export interface BumpResult {
  readonly plan: Plan;
  readonly context: RunContext;
  /** One line: what happened. */
  readonly outcome: string;
  /** The unified diff of every edit. */
  readonly diff: string;
}

export function bumpResult(plan: Plan, context: RunContext): BumpResult {
  return { plan, context, outcome: outcomeLine(plan, context), diff: planDiff(plan) };
}

/**
 * The action's outputs, as strings. `changed` and `changes` always agree: `changes` lists what this run wrote (or,
 * in dry-run, would write), `changed` is true exactly when that list is not empty. In pull-request mode the plan is
 * what the PR proposes against its base; a run that leaves the PR branch as it was (`unchanged`, `closed`, `none`)
 * wrote nothing, so `changed` is false and `changes` empty (the summary still shows what the PR proposes).
 */
export function outputs(plan: Plan, context?: Pick<RunContext, 'commit' | 'pullRequest' | 'shipped'>): Record<string, string> {
  const pr = context?.pullRequest;
  const wrote = pr ? pr.operation === 'created' || pr.operation === 'updated' : plan.edits.length > 0;
  const edited = new Set(plan.edits.map((e) => e.path));
  const written = wrote ? plan.changes.filter((c) => edited.has(c.file)) : [];
  return {
    changed: String(written.length > 0),
    changes: JSON.stringify(written.map(outputEntry)),
    refused: JSON.stringify(plan.refusals.map(outputEntry)),
    'commit-sha': context?.commit?.oid ?? '',
    'pull-request-number': pr?.number === undefined ? '' : String(pr.number),
    'pull-request-url': pr?.url ?? '',
    'pull-request-operation': pr?.operation ?? '',
    'pull-request-branch': pr?.branch ?? '',
    unmatched: JSON.stringify(missesOf(plan).map((m) => m.input)),
    shipped: shippedOutput(context?.shipped?.report, context?.shipped?.titles.summary ?? false),
  };
}
