// The texts a person reads: the outcome line, the commit message, the pull request's title and body, the
// rollback label they all share, and the Markdown escaping of repository text in them.
import { compareVersionTags } from '../image/policy.js';
import { noFiles, plural, selectedFiles } from './unmatched.js';
import type { RunContext } from './context.js';
import type { Change, Plan } from '../core/types.js';

/** The last path component of a repository (`ghcr.io/acme/api` → `api`). */
export function shortName(image: string): string {
  return image.slice(image.lastIndexOf('/') + 1);
}

/** What a change moved, as the log, the commit message and the tables name it: the image, `chart <chart>`, `<chart> appVersion`. */
export function subject(change: Pick<Change, 'kind' | 'image' | 'field'>): string {
  if (change.kind !== 'chart') return change.image;
  return change.field === 'appVersion' ? `${change.image} appVersion` : `chart ${change.image}`;
}

/** The short form of {@link subject} for one-line summaries: `api`, `api chart`, `api appVersion`. */
function shortSubject(change: Pick<Change, 'kind' | 'image' | 'field'>): string {
  if (change.kind !== 'chart') return shortName(change.image);
  return change.field === 'appVersion' ? `${change.image} appVersion` : `${shortName(change.image)} chart`;
}

/** `2 image references and 1 chart version`: what a plan's changes move, counted by kind. */
export function countOf(changes: readonly Pick<Change, 'kind'>[]): string {
  const charts = changes.filter((c) => c.kind === 'chart').length;
  const images = changes.length - charts;
  const parts = [images > 0 || charts === 0 ? `${images} image reference${images === 1 ? '' : 's'}` : '', charts > 0 ? `${charts} chart version${charts === 1 ? '' : 's'}` : ''];
  return parts.filter((part) => part !== '').join(' and ');
}

/** True when any change moves a chart (the tables then say "Image / chart"). */
export function hasCharts(changes: readonly Pick<Change, 'kind'>[]): boolean {
  return changes.some((c) => c.kind === 'chart');
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
export function rollbackMark(change: Pick<Change, 'from' | 'to'>): string {
  return isRollback(change) ? ` (${ROLLED_BACK})` : '';
}

function distinctMoves(changes: readonly Change[]): string[] {
  const seen = new Set<string>();
  for (const c of changes) seen.add(`${shortSubject(c)} ${c.from || '(none)'} → ${c.to}${rollbackMark(c)}`);
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
    .map((c) => `- ${subject(c)}: ${c.from || '(none)'} → ${c.to} (${c.file}:${c.line}${isRollback(c) ? `, ${ROLLED_BACK}` : ''})`)
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
    const shipped = context.shipped?.text ? `\n\n${context.shipped.text}` : '';
    return { headline: clip(headline), body: changesList + shipped };
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
  else lines.push(`Moves these ${hasCharts(plan.changes) ? 'image references and chart versions' : 'image references'}${env} (policy: ${cell(context.policy)}).`, '');
  lines.push(`| ${hasCharts(plan.changes) ? 'Image / chart' : 'Image'} | File | From | To |`, '| --- | --- | --- | --- |');
  for (const c of plan.changes) {
    lines.push(`| ${cell(subject(c))} | ${fileLink(context, headBranch, c.file, c.line)} | ${code(c.from || '(none)')} | ${code(c.to)}${rollbackMark(c)} |`);
  }
  if (plan.refusals.length > 0) {
    lines.push('', '**Refused**', '');
    for (const r of plan.refusals) lines.push(`- ${cell(subject(r))} ${code(r.to)} at ${code(`${r.file}:${r.line}`)}: ${cell(r.reason)}`);
  }
  if (context.shipped && context.shipped.markdown.length > 0) lines.push('', ...context.shipped.markdown);
  lines.push('', '<sub>Opened by gitops-bump; later runs for this service and environment update this pull request in place.</sub>');
  return lines.join('\n');
}

/** Why a run changed nothing: refusals, images found nowhere (say which, and how many files were skipped), or all current. */
function nothingToChange(plan: Plan, context: RunContext, refused: string): string {
  if (refused) return `Nothing to change${refused}.`;
  const missing = plan.unmatched ?? [];
  if (missing.length === 0) return 'Nothing to change: every requested version is already there.';
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
  const things = `${countOf(plan.changes)} in ${plan.edits.length} file${plan.edits.length === 1 ? '' : 's'}`;
  if (context.mode === 'dry-run') return `Dry run: would bump ${things} (${summaryLine(plan.changes)})${refused}.`;
  if (pr?.number !== undefined) return `Pull request #${pr.number} ${pr.operation}: ${things} (${summaryLine(plan.changes)})${refused}.`;
  if (context.commit) return `Bumped ${things} in commit ${context.commit.oid.slice(0, 7)} (${summaryLine(plan.changes)})${refused}.`;
  return `Bumped ${things} (${summaryLine(plan.changes)})${refused}.`;
}

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

/** Inline code: backticks and line breaks inside it made harmless. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
}
