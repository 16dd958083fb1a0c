// What a run tells its user: outputs, the job summary (tables + diff), the commit message. Pure text builders.
import { unifiedDiff } from './diff.js';
import { compareVersionTags } from '../image/policy.js';
import { versionOf } from '../image/reference.js';
import type { FoundVersion } from '../core/promote.js';
import type { Change, ImageRequest, Miss, Mode, Plan, PullOperation } from '../core/types.js';

/** A promotion's source, for the summary. */
export interface PromotionReport {
  /** The source environment's name (`staging`). */
  readonly from: string;
  /** Where the source was read: `owner/name@branch: globs` or the folder globs. */
  readonly where: string;
  readonly requests: readonly ImageRequest[];
  readonly found: readonly FoundVersion[];
}

export interface RunContext {
  readonly mode: Mode;
  readonly environment: string;
  /** `owner/name` (API mode) or the local folder. */
  readonly target: string;
  readonly branch?: string;
  readonly commit?: { readonly oid: string; readonly url?: string };
  readonly policy: string;
  readonly promotion?: PromotionReport;
  /** Pull-request mode: what happened to the pull request. */
  readonly pullRequest?: {
    readonly operation: PullOperation;
    readonly number?: number;
    readonly url?: string;
    readonly branch: string;
  };
  /** Web root for links (GITHUB_SERVER_URL); links are left out without it. */
  readonly serverUrl?: string;
  /** The `paths` globs, named when they select no file. */
  readonly paths?: readonly string[];
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
export function outputs(plan: Plan, context?: Pick<RunContext, 'commit' | 'pullRequest'>): Record<string, string> {
  const pr = context?.pullRequest;
  const wrote = pr ? pr.operation === 'created' || pr.operation === 'updated' : plan.edits.length > 0;
  const edited = new Set(plan.edits.map((e) => e.path));
  const written = wrote ? plan.changes.filter((c) => edited.has(c.file)) : [];
  return {
    changed: String(written.length > 0),
    changes: JSON.stringify(written),
    refused: JSON.stringify(plan.refusals),
    'commit-sha': context?.commit?.oid ?? '',
    'pull-request-number': pr?.number === undefined ? '' : String(pr.number),
    'pull-request-url': pr?.url ?? '',
    'pull-request-operation': pr?.operation ?? '',
    'pull-request-branch': pr?.branch ?? '',
    unmatched: JSON.stringify(missesOf(plan).map((m) => m.input)),
  };
}

function shortName(image: string): string {
  return image.slice(image.lastIndexOf('/') + 1);
}

/** The version tag of a `from`/`to` value (`1.4.1@sha256:…` → `1.4.1`); '' for a digest alone. */
function tagOf(version: string): string {
  return version.startsWith('sha256:') ? '' : version.split('@')[0]!;
}

/** True when a written change moves a version backwards (only `policy: any` writes one), by the policy's ordering. */
export function isRollback(change: Pick<Change, 'from' | 'to'>): boolean {
  const from = tagOf(change.from);
  const to = tagOf(change.to);
  return from !== '' && to !== '' && (compareVersionTags(to, from) ?? 0) < 0;
}

/** The label a rollback carries in the log, the summary, the commit message and the PR body. */
export const ROLLED_BACK = 'rolled back';

/** ` (rolled back)` for a rollback, else ''. */
function rollbackMark(change: Pick<Change, 'from' | 'to'>): string {
  return isRollback(change) ? ` (${ROLLED_BACK})` : '';
}

function distinctMoves(changes: readonly Change[]): string[] {
  const seen = new Set<string>();
  for (const c of changes) seen.add(`${shortName(c.image)} ${c.from || '(none)'} → ${c.to}${rollbackMark(c)}`);
  return [...seen];
}

/** `api 1.4.1 → 1.4.2, web 2.0 → 2.1` (one entry per distinct move). */
export function summaryLine(changes: readonly Change[]): string {
  return distinctMoves(changes).join(', ');
}

const PLACEHOLDER = /\{(summary|environment|changes|repository|branch|count)\}/g;

/**
 * The commit message. The template (input `commit-message`) may use {summary}, {environment}, {changes},
 * {repository}, {branch} and {count}; its first line is the headline. The default names the environment
 * and each image's from → to, with one line per changed file and line in the body.
 */
export function commitMessage(template: string, plan: Plan, context: RunContext): { headline: string; body: string } {
  const changesList = plan.changes
    .map((c) => `- ${c.image}: ${c.from || '(none)'} → ${c.to} (${c.file}:${c.line}${isRollback(c) ? `, ${ROLLED_BACK}` : ''})`)
    .join('\n');
  const values: Record<string, string> = {
    summary: summaryLine(plan.changes),
    environment: context.environment,
    changes: changesList,
    repository: context.target,
    branch: context.branch ?? '',
    count: String(plan.changes.length),
  };
  if (template.trim() === '') {
    const where = context.environment ? ` in ${context.environment}` : '';
    if (plan.changes.length === 0) return { headline: clip(`Bump images${where}`), body: '' };
    const headline = context.promotion
      ? `Promote ${context.promotion.from} → ${context.environment || 'target'}: ${values.summary}`
      : `Bump ${values.summary}${where}`;
    return { headline: clip(headline), body: changesList };
  }
  const text = template.replace(PLACEHOLDER, (_, key: string) => values[key] ?? '');
  const [first = '', ...rest] = text.split(/\r?\n/);
  return { headline: clip(first.trim() || `Bump ${values.summary}`), body: rest.join('\n').trim() };
}

function clip(line: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = line.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** A link to a file and line on a branch, when the server is known. */
function fileLink(context: RunContext, branch: string, file: string, line: number): string {
  const label = code(`${file}:${line}`);
  if (!context.serverUrl || !/^[\w.-]+\/[\w.-]+$/.test(context.target)) return label;
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `[${label}](${context.serverUrl}/${context.target}/blob/${branch.split('/').map(encodeURIComponent).join('/')}/${path}#L${line})`;
}

/** The pull request's title: the `pr-title` template, else the commit headline. */
export function pullRequestTitle(template: string, plan: Plan, context: RunContext): string {
  return commitMessage(template, plan, context).headline;
}

/** The pull request's body: the `pr-body` template, else a table of image, file, from → to, with links. */
export function pullRequestBody(template: string, plan: Plan, context: RunContext, headBranch: string): string {
  if (template.trim() !== '') {
    const { headline, body } = commitMessage(template, plan, context);
    return body ? `${headline}\n${body}` : headline;
  }
  const lines: string[] = [];
  const env = context.environment ? ` in **${cell(context.environment)}**` : '';
  if (context.promotion) lines.push(`Promotes the versions running in **${cell(context.promotion.from)}**${env} (source: ${code(context.promotion.where)}).`, '');
  else lines.push(`Moves these image references${env} (policy: ${cell(context.policy)}).`, '');
  lines.push('| Image | File | From | To |', '| --- | --- | --- | --- |');
  for (const c of plan.changes) {
    lines.push(`| ${cell(c.image)} | ${fileLink(context, headBranch, c.file, c.line)} | ${code(c.from || '(none)')} | ${code(c.to)}${rollbackMark(c)} |`);
  }
  if (plan.refusals.length > 0) {
    lines.push('', '**Refused**', '');
    for (const r of plan.refusals) lines.push(`- ${cell(r.image)} ${code(r.to)} at ${code(`${r.file}:${r.line}`)}: ${cell(r.reason)}`);
  }
  lines.push('', '<sub>Opened by gitops-bump; later runs for this service and environment update this pull request in place.</sub>');
  return lines.join('\n');
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
}

/** The whole unified diff of a plan's edits. */
export function planDiff(plan: Plan): string {
  return plan.edits.map((e) => unifiedDiff(e.path, e.before, e.after)).join('');
}

/** The plan's misses (from `unmatched` alone for a plan made without them). */
function missesOf(plan: Plan): readonly Miss[] {
  return plan.misses ?? (plan.unmatched ?? []).map((image) => ({ input: image, image, similar: [] }));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `paths matched no files (apps/x/**)`, or undefined when files were selected (or the count is unknown). */
function noFiles(plan: Plan, paths: readonly string[] | undefined): string | undefined {
  if (plan.selected !== 0) return undefined;
  const skipped = plan.skipped.length ? `; ${plural(plan.skipped.length, 'path')} skipped` : '';
  return `paths matched no files${paths?.length ? ` (${paths.join(', ')})` : ''}${skipped}`;
}

/** `the 12 files paths selects (apps/**)`, or `the selected files` when the count is unknown. */
function selectedFiles(plan: Plan, paths: readonly string[] | undefined): string {
  if (plan.selected === undefined) return 'the selected files';
  const files = plan.selected === 1 ? 'the 1 file' : `the ${plan.selected} files`;
  return `${files} paths selects${paths?.length ? ` (${paths.join(', ')})` : ''}`;
}

/** `found ghcr.io/acme/api in 9 files: did you mean it?` for a miss with look-alikes, else ''. */
function didYouMean(miss: Miss): string {
  if (miss.similar.length === 0) return '';
  const found = miss.similar.map((s) => `${s.repository} in ${plural(s.files, 'file')}`).join(', ');
  return `; found ${found}: did you mean ${miss.similar.length === 1 ? 'it' : 'one of them'}?`;
}

/**
 * Why requested images matched nothing (the log shows each as a warning, the summary as a note): one line when
 * the globs selected no file at all, else one per image with the number of files searched and any look-alike.
 */
export function unmatchedNotes(plan: Plan, paths?: readonly string[]): string[] {
  const misses = missesOf(plan);
  if (misses.length === 0) return [];
  const none = noFiles(plan, paths);
  if (none !== undefined) {
    const images = misses.map((m) => m.image).join(', ');
    return [`${none}: nothing to search for ${images}. Check 'paths' (relative to the repository root; a folder selects the files under it).`];
  }
  return misses.map((m) =>
    m.similar.length > 0
      ? `${m.image} matched no image reference in ${selectedFiles(plan, paths)}${didYouMean(m)}`
      : `${m.image} matched no image reference in ${selectedFiles(plan, paths)}. Check 'paths' and the repository's spelling.`,
  );
}

/** The error `fail-on-unmatched: true` raises, before anything is written. */
export class UnmatchedError extends Error {
  constructor(readonly misses: readonly Miss[], notes: readonly string[]) {
    super(`fail-on-unmatched: ${notes.join(' ')} Nothing was written.`);
    this.name = 'UnmatchedError';
  }
}

/** Throws UnmatchedError when `fail` is set and a requested image matched nothing. */
export function checkUnmatched(plan: Plan, fail: boolean, paths: readonly string[]): void {
  const misses = missesOf(plan);
  if (fail && misses.length > 0) throw new UnmatchedError(misses, unmatchedNotes(plan, paths));
}

/** Why a run changed nothing: refusals, images found nowhere (say which, and how many files were skipped), or all current. */
function nothingToChange(plan: Plan, context: RunContext, refused: string): string {
  if (refused) return `Nothing to change${refused}.`;
  const missing = plan.unmatched ?? [];
  if (missing.length === 0) return 'Nothing to change: every image is already at the requested version.';
  const none = noFiles(plan, context.paths);
  if (none !== undefined) return `Nothing to change: ${none}.`;
  const skipped = plan.skipped.length ? ` (${plural(plan.skipped.length, 'file')} skipped)` : '';
  return `Nothing to change: ${missing.join(', ')} matched no image reference in ${selectedFiles(plan, context.paths)}${skipped}.`;
}

/** One line a person reads first: what happened. */
export function outcomeLine(plan: Plan, context: RunContext): string {
  const n = plan.changes.length;
  const refused = plan.refusals.length ? `; ${plan.refusals.length} refused` : '';
  const pr = context.pullRequest;
  if (pr?.operation === 'closed') return `Pull request #${pr.number} closed: the base branch already holds every version it proposed${refused}.`;
  if (pr?.operation === 'unchanged') return `Pull request #${pr.number} unchanged: it already proposes these versions (${summaryLine(plan.changes)})${refused}.`;
  if (n === 0) return nothingToChange(plan, context, refused);
  const things = `${n} image reference${n === 1 ? '' : 's'} in ${plan.edits.length} file${plan.edits.length === 1 ? '' : 's'}`;
  if (context.mode === 'dry-run') return `Dry run: would bump ${things} (${summaryLine(plan.changes)})${refused}.`;
  if (pr?.number !== undefined) return `Pull request #${pr.number} ${pr.operation}: ${things} (${summaryLine(plan.changes)})${refused}.`;
  if (context.commit) return `Bumped ${things} in commit ${context.commit.oid.slice(0, 7)} (${summaryLine(plan.changes)})${refused}.`;
  return `Bumped ${things} (${summaryLine(plan.changes)})${refused}.`;
}

interface PromotionRow {
  readonly image: string;
  readonly source: string;
  readonly sourceWhere: string;
  readonly before: string;
  readonly result: string;
  readonly moved: boolean;
}

/** One row per promoted image: source version, target version before, and what happened. */
export function promotionRows(plan: Plan, promotion: PromotionReport): PromotionRow[] {
  return promotion.requests.map((request) => {
    const image = request.ref.name;
    const source = versionOf(request.ref);
    const at = promotion.found.find((f) => f.repository === request.ref.repository);
    const sourceWhere = at ? `${at.file}:${at.line}` : '';
    const changes = plan.changes.filter((c) => c.image === image);
    const refusals = plan.refusals.filter((r) => r.image === image);
    if (changes.length > 0) {
      const before = [...new Set(changes.map((c) => c.from || '(none)'))].join(', ');
      const back = changes.some(isRollback);
      return { image, source, sourceWhere, before, moved: true, result: back ? `${ROLLED_BACK} (policy: any)` : 'promoted' };
    }
    if (refusals.length > 0) {
      const before = [...new Set(refusals.map((r) => r.from || '(none)'))].join(', ');
      return { image, source, sourceWhere, before, moved: false, result: `refused: ${refusals[0]!.reason}` };
    }
    if (plan.unmatched?.includes(image)) return { image, source, sourceWhere, before: '—', moved: false, result: 'not in the target files' };
    return { image, source, sourceWhere, before: source, moved: false, result: 'already there' };
  });
}

function mermaidLabel(text: string): string {
  return text.replace(/["<>]/g, '');
}

/** The promotion's part of the job summary: a table and a Mermaid diagram of the environments. */
export function promotionSection(plan: Plan, context: RunContext): string[] {
  const promotion = context.promotion;
  if (!promotion) return [];
  const target = context.environment || 'target';
  const rows = promotionRows(plan, promotion);
  const lines = [
    `**Promotion** ${cell(promotion.from)} → ${cell(target)} (source: ${code(promotion.where)})`,
    '',
    `| Image | ${cell(promotion.from)} | ${cell(target)} before | Result |`,
    '| --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const source = r.sourceWhere ? `${code(r.source)} <sub>${cell(r.sourceWhere)}</sub>` : code(r.source);
    lines.push(`| ${cell(r.image)} | ${source} | ${code(r.before)} | ${cell(r.result)} |`);
  }
  const moved = rows.filter((r) => r.moved).map((r) => mermaidLabel(`${shortName(r.image)} ${r.before} → ${r.source}`));
  const edge = moved.length > 0 ? moved.join('<br/>') : 'nothing moved';
  lines.push(
    '',
    '```mermaid',
    'flowchart LR',
    `  src["${mermaidLabel(promotion.from)}"] -- "${edge}" --> dst["${mermaidLabel(target)}"]`,
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
  /** The diff to show, or a line saying why it is left out. */
  readonly diff: { readonly text: string } | { readonly omitted: string };
  /** Most rows per table (changes, refusals, skipped files, notes). */
  readonly rows: number;
}

/**
 * The job summary (GitHub-flavoured Markdown), at most {@link SUMMARY_MAX_BYTES}: when the whole of it would
 * not fit, the diff is left out, then every table is cut to its first rows (the outputs keep the full lists).
 */
export function jobSummary(plan: Plan, context: RunContext): string {
  const diff = planDiff(plan);
  const fits = (text: string) => Buffer.byteLength(text, 'utf8') <= SUMMARY_MAX_BYTES;
  const whole = renderSummary(plan, context, { diff: { text: diff }, rows: Infinity });
  if (fits(whole)) return whole;
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
    lines.push('| File | Image | From | To |', '| --- | --- | --- | --- |');
    lines.push(
      ...capped(
        plan.changes,
        shape.rows,
        (c) => `| ${code(`${c.file}:${c.line}`)} | ${cell(c.image)} | ${code(c.from || '(none)')} | ${code(c.to)}${rollbackMark(c)} |`,
        (rest) => `| … and ${rest} more (the \`changes\` output lists them all) | | | |`,
      ),
    );
    lines.push('');
  }
  if (plan.refusals.length > 0) {
    lines.push('**Refused**', '', '| File | Image | Current | Wanted | Why |', '| --- | --- | --- | --- | --- |');
    lines.push(
      ...capped(
        plan.refusals,
        shape.rows,
        (r) => `| ${code(`${r.file}:${r.line}`)} | ${cell(r.image)} | ${code(r.from || '(none)')} | ${code(r.to)} | ${cell(r.reason)} |`,
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
    lines.push('<details><summary>Diff</summary>', '', `${fence}diff`, diff.trimEnd(), fence, '', '</details>', '');
  }
  return lines.join('\n');
}
