// The job summary (GitHub-flavoured Markdown): the outcome, the target, a promotion's table and diagram, the
// changes, refusals, skipped files, notes and the diff, within GitHub's size limit.
import { planDiff } from './diff.js';
import { cell, code, hasCharts, isRollback, outcomeLine, rollbackMark, ROLLED_BACK, shortName, subject } from './messages.js';
import { shippedMarkdown } from './shipped.js';
import { unmatchedNotes } from './unmatched.js';
import { versionOf } from '../image/reference.js';
import type { PromotionReport, RunContext } from './context.js';
import type { Change, Plan } from '../core/types.js';

interface PromotionRow {
  readonly image: string;
  readonly source: string;
  readonly sourceWhere: string;
  readonly before: string;
  readonly result: string;
  readonly moved: boolean;
  /** The promotion gate's state (`passed`, `soaking 3h of 24h`, `failing … on abc1234`); absent without gates. */
  readonly gate?: string;
  readonly held?: boolean;
}

/** One row per promoted image and chart: source version, target version before, and what happened. */
export function promotionRows(plan: Plan, promotion: PromotionReport): PromotionRow[] {
  const images = promotion.requests.map((request) => {
    const at = promotion.found.find((f) => f.repository === request.ref.repository);
    const moved = (c: Change) => c.kind !== 'chart' && c.image === request.ref.name;
    return withGate(promotionRow(plan, request.ref.name, versionOf(request.ref), at, moved, request.ref.name), promotion, request.ref.repository);
  });
  const charts = (promotion.charts ?? []).map((request) => {
    const at = promotion.foundCharts?.find((f) => f.chart === request.ref.display);
    const moved = (c: Change) => c.kind === 'chart' && c.field === undefined && c.image === request.ref.display;
    return withGate(promotionRow(plan, `chart ${request.ref.display}`, request.ref.version, at, moved, request.ref.display), promotion, `chart ${request.ref.display}`);
  });
  return [...images, ...charts];
}

/** The row with its gate's state, when the promotion is gated. */
function withGate(row: PromotionRow, promotion: PromotionReport, key: string): PromotionRow {
  const decision = promotion.gates?.decisions.find((d) => d.candidate.key === key);
  return decision === undefined ? row : { ...row, gate: decision.state, held: !decision.passed };
}

function promotionRow(plan: Plan, image: string, source: string, at: { file: string; line: number } | undefined, moved: (c: Change) => boolean, missName: string): PromotionRow {
  const sourceWhere = at ? `${at.file}:${at.line}` : '';
  const changes = plan.changes.filter(moved);
  const refusals = plan.refusals.filter(moved);
  if (changes.length > 0) {
    const before = [...new Set(changes.map((c) => c.from || '(none)'))].join(', ');
    const back = changes.some(isRollback);
    return { image, source, sourceWhere, before, moved: true, result: back ? `${ROLLED_BACK} (policy: any)` : 'promoted' };
  }
  if (refusals.length > 0) {
    const before = [...new Set(refusals.map((r) => r.from || '(none)'))].join(', ');
    return { image, source, sourceWhere, before, moved: false, result: `refused: ${refusals[0]!.reason}` };
  }
  if (plan.unmatched?.includes(missName)) return { image, source, sourceWhere, before: '—', moved: false, result: 'not in the target files' };
  return { image, source, sourceWhere, before: source, moved: false, result: 'already there' };
}

function mermaidLabel(text: string): string {
  return text.replace(/["<>`]/g, '');
}

/** The promotion's part of the job summary: a table and a Mermaid diagram of the environments. */
export function promotionSection(plan: Plan, context: RunContext): string[] {
  const promotion = context.promotion;
  if (!promotion) return [];
  const target = context.environment || 'target';
  const rows = promotionRows(plan, promotion);
  const gated = promotion.gates !== undefined;
  const lines = [
    `**Promotion** ${cell(promotion.from)} → ${cell(target)} (source: ${code(promotion.where)})`,
    '',
    `| ${(promotion.charts ?? []).length > 0 ? 'Image / chart' : 'Image'} | ${cell(promotion.from)} | ${cell(target)} before | Result |${gated ? ' Gate |' : ''}`,
    `| --- | --- | --- | --- |${gated ? ' --- |' : ''}`,
  ];
  for (const r of rows) {
    const source = r.sourceWhere ? `${code(r.source)} <sub>${cell(r.sourceWhere)}</sub>` : code(r.source);
    lines.push(`| ${cell(r.image)} | ${source} | ${code(r.before)} | ${cell(r.result)} |${gated ? ` ${cell(r.gate ?? '')} |` : ''}`);
  }
  const moved = rows.filter((r) => r.moved).map((r) => mermaidLabel(`${shortName(r.image)}${r.image.startsWith('chart ') ? ' chart' : ''} ${r.before} → ${r.source}`));
  const edge = moved.length > 0 ? moved.join('<br/>') : 'nothing moved';
  const held = rows.filter((r) => r.held === true).map((r) => mermaidLabel(`${shortName(r.image)}${r.image.startsWith('chart ') ? ' chart' : ''} ${r.source} (${r.gate ?? ''})`));
  lines.push(
    '',
    '```mermaid',
    'flowchart LR',
    `  src["${mermaidLabel(promotion.from)}"] -- "${edge}" --> dst["${mermaidLabel(target)}"]`,
    ...(held.length > 0 ? [`  src -. "held back: ${held.join('<br/>')}" .-> dst`] : []),
    '```',
    '',
  );
  return lines;
}

/** GitHub refuses a step summary over 1 MiB ("supports content up to a size of 1024k"): stay under it. */
export const SUMMARY_MAX_BYTES = 1_000_000;
/** Rows per table when the whole summary would not fit. */
const CAPPED_ROWS = 200;

interface SummaryShape {
  /** The diff to show (and a line saying what it leaves out), or a line saying why it is left out. */
  readonly diff: { readonly text: string; readonly note?: string } | { readonly omitted: string };
  /** Most rows per table (changes, refusals, skipped files, notes). */
  readonly rows: number;
}

/** What `summary-diff: changes` says above its diff. */
export const CHANGES_ONLY = 'Changed lines only, without the lines around them (`summary-diff: changes`, the default for a repository other than the one running the workflow).';

/**
 * The job summary (GitHub-flavoured Markdown), at most {@link SUMMARY_MAX_BYTES}: when the whole of it would
 * not fit, the diff is left out, then every table is cut to its first rows (the outputs keep the full lists).
 * The diff shows three lines of context around each change (`summaryDiff: full`, the default), the changed lines
 * only (`changes`: nothing else of the files reaches a summary others may read), or nothing (`none`).
 */
export function jobSummary(plan: Plan, context: RunContext): string {
  const shown = context.summaryDiff ?? 'full';
  const diff = shown === 'none' ? '' : planDiff(plan, shown === 'changes' ? 0 : 3);
  const note = shown === 'changes' ? CHANGES_ONLY : undefined;
  const fits = (text: string) => Buffer.byteLength(text, 'utf8') <= SUMMARY_MAX_BYTES;
  const whole = renderSummary(plan, context, { diff: { text: diff, note }, rows: Infinity });
  if (fits(whole)) return whole;
  if (diff === '') return renderSummary(plan, context, { diff: { text: '' }, rows: CAPPED_ROWS });
  const omitted = `The diff (${diff.split('\n').length} lines) is too long for the job summary: run the CLI with \`--mode dry-run\` to see it.`;
  const noDiff = renderSummary(plan, context, { diff: { omitted }, rows: Infinity });
  if (fits(noDiff)) return noDiff;
  return renderSummary(plan, context, { diff: { omitted }, rows: CAPPED_ROWS });
}

/** `items` rendered one line each, at most `max` of them, then one line saying how many were left out. */
function capped<T>(items: readonly T[], max: number, render: (item: T) => string, more: (rest: number) => string): string[] {
  const shown = items.slice(0, max).map(render);
  return items.length > max ? [...shown, more(items.length - max)] : shown;
}

function renderSummary(plan: Plan, context: RunContext, shape: SummaryShape): string {
  const lines: string[] = [];
  const env = context.environment ? ` · ${cell(context.environment)}` : '';
  lines.push(`### gitops-bump${env}`, '');
  lines.push(outcomeLine(plan, context), '');
  const where = context.branch ? `${code(context.target)} on ${code(context.branch)}` : code(context.target);
  let meta = `Target: ${where} · mode: ${context.mode} · policy: ${cell(context.policy)}`;
  if (context.commit) {
    const sha = code(context.commit.oid.slice(0, 7));
    meta += ` · commit: ${context.commit.url ? `[${sha}](${context.commit.url})` : sha}`;
  }
  const pr = context.pullRequest;
  if (pr) {
    const name = pr.number === undefined ? 'no pull request' : pr.url ? `[#${pr.number}](${pr.url})` : `#${pr.number}`;
    meta += ` · pull request: ${name} (${pr.operation}, branch ${code(pr.branch)})`;
  }
  lines.push(meta, '');
  lines.push(...promotionSection(plan, context));
  if (plan.changes.length > 0) {
    lines.push(`| File | ${hasCharts(plan.changes) ? 'Image / chart' : 'Image'} | From | To |`, '| --- | --- | --- | --- |');
    lines.push(
      ...capped(
        plan.changes,
        shape.rows,
        (c) => `| ${code(`${c.file}:${c.line}`)} | ${cell(subject(c))} | ${code(c.from || '(none)')} | ${code(c.to)}${rollbackMark(c)} |`,
        (rest) => `| … and ${rest} more (the \`changes\` output lists them all) | | | |`,
      ),
    );
    lines.push('');
  }
  if (context.shipped) lines.push(...shippedMarkdown(context.shipped.report, context.shipped.titles.summary));
  if (plan.refusals.length > 0) {
    lines.push('**Refused**', '', `| File | ${hasCharts(plan.refusals) ? 'Image / chart' : 'Image'} | Current | Wanted | Why |`, '| --- | --- | --- | --- | --- |');
    lines.push(
      ...capped(
        plan.refusals,
        shape.rows,
        (r) => `| ${code(`${r.file}:${r.line}`)} | ${cell(subject(r))} | ${code(r.from || '(none)')} | ${code(r.to)} | ${cell(r.reason)} |`,
        (rest) => `| … and ${rest} more (the \`refused\` output lists them all) | | | | |`,
      ),
    );
    lines.push('');
  }
  if (plan.skipped.length > 0) {
    lines.push('<details><summary>Skipped files</summary>', '');
    lines.push(...capped(plan.skipped, shape.rows, (s) => `- ${code(s.path)}: ${cell(s.reason)}`, (rest) => `- … and ${rest} more (listed in the log)`));
    lines.push('', '</details>', '');
  }
  const notes = [...unmatchedNotes(plan, context.paths), ...plan.notes];
  if (notes.length > 0) {
    lines.push('**Notes**', '');
    lines.push(...capped(notes, shape.rows, (note) => `- ${cell(note)}`, (rest) => `- … and ${rest} more (listed in the log)`));
    lines.push('');
  }
  if ('omitted' in shape.diff) {
    lines.push(shape.diff.omitted, '');
  } else if (shape.diff.text !== '') {
    const diff = shape.diff.text;
    const fence = diff.includes('```') ? '~~~~' : '```';
    const note = shape.diff.note === undefined ? [] : [shape.diff.note, ''];
    lines.push('<details><summary>Diff</summary>', '', ...note, `${fence}diff`, diff.trimEnd(), fence, '', '</details>', '');
  }
  return lines.join('\n');
}
