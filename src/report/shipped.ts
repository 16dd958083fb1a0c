// What a bump ships, as people read it: a section per moved image in the commit body (plain text), the pull
// request's body and the job summary (Markdown), and the `shipped` output. Pull request titles and authors are
// the source repository's text: escaped everywhere, and a private source's titles are left out of places its
// readers may not see (see `titlesShown`).
import type { Shipped } from '../core/shipped.js';
import type { ShippedContext, ShippedReport } from './context.js';
import { cell, shortName } from './messages.js';

/**
 * May a place show the source's pull request titles and authors? Yes when the source is public, when the place
 * is the source repository itself, or (`place: 'target'`, the commit and the PR body) when the GitOps repository is
 * private. Not knowing (the source unread) counts as private. The job summary (`place: 'summary'`) belongs to the
 * workflow's repository: titles only when that is the source.
 */
export function titlesShown(report: ShippedReport, place: 'target' | 'summary', same: { readonly target: boolean; readonly workflow: boolean }): boolean {
  if (report.sourcePrivate === false) return true;
  if (place === 'target') return same.target || report.targetPrivate === true;
  return same.workflow;
}

const short = (sha: string | undefined): string => (sha === undefined ? '?' : sha.slice(0, 7));

/** One line of plain text: control characters and line breaks become spaces. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** The images whose range was read (a compare link at least): the others have nothing to say yet. */
const known = (report: ShippedReport): Shipped[] => report.shipped.filter((s) => s.compareUrl !== undefined);

/** The commit body's section (plain text), '' when no range is known. */
export function shippedText(report: ShippedReport, titles: boolean): string {
  const blocks = known(report).map((s) => {
    const lines = [
      s.rolledBack
        ? `${shortName(s.image)} ${s.from || '(none)'} -> ${s.to} rolls back ${s.repository ?? ''} ${short(s.toCommit)}..${short(s.fromCommit)}: ${s.compareUrl}`
        : `${shortName(s.image)} ${s.from || '(none)'} -> ${s.to} ships ${s.repository ?? ''} ${short(s.fromCommit)}..${short(s.toCommit)}: ${s.compareUrl}`,
    ];
    for (const p of s.pullRequests ?? []) lines.push(titles ? `- #${p.number} ${plain(p.title)} (@${plain(p.author)})` : `- #${p.number}`);
    if (s.commits !== undefined && s.commits > 250) lines.push(`- (${s.commits} commits: the pull requests of the newest 250 are listed)`);
    if (s.digest) lines.push(`Digest ${s.digest}`);
    if (s.builtBy) lines.push(`Built by ${s.builtBy}`);
    return lines.join('\n');
  });
  return blocks.length === 0 ? '' : `What ships:\n\n${blocks.join('\n\n')}`;
}

/** The Markdown section (PR body, job summary): a heading, and per image its range, pull requests, digest and run. */
export function shippedMarkdown(report: ShippedReport, titles: boolean): string[] {
  const shown = known(report);
  if (shown.length === 0) return [];
  const lines = ['**What ships**', ''];
  for (const s of shown) {
    const range = s.rolledBack ? `rolls back [${short(s.toCommit)}…${short(s.fromCommit)}](${s.compareUrl})` : `[${short(s.fromCommit)}…${short(s.toCommit)}](${s.compareUrl})`;
    lines.push(`- ${cell(s.image)} \`${cell(s.from || '(none)')}\` → \`${cell(s.to)}\`: ${range}${s.commits === undefined ? '' : ` (${s.commits} commit${s.commits === 1 ? '' : 's'})`}`);
    const pulls = s.pullRequests ?? [];
    if (s.pullRequests !== undefined && pulls.length === 0) lines.push('  - no merged pull request in this range');
    if (s.rolledBack && pulls.length > 0) lines.push('  - taken out by the rollback:');
    for (const p of pulls) lines.push(titles ? `  - [#${p.number}](${p.url}) ${cell(p.title)} (@${cell(p.author)})` : `  - [#${p.number}](${p.url})`);
    if (s.digest) lines.push(`  - digest \`${s.digest}\``);
    if (s.builtBy) lines.push(`  - built by [${cell(s.builtBy.replace(/^https?:\/\//, ''))}](${s.builtBy})`);
  }
  if (!titles && shown.some((s) => (s.pullRequests ?? []).length > 0)) lines.push('', '<sub>Titles are left out: the source repository is private.</sub>');
  lines.push('');
  return lines;
}

/** The `shipped` output: image, from, to, the compare URL and the merged pull requests (titles as the summary shows them). */
export function shippedOutput(report: ShippedReport | undefined, titles: boolean): string {
  const entries = (report?.shipped ?? []).map((s) => ({
    image: s.image,
    from: s.from,
    to: s.to,
    ...(s.repository === undefined ? {} : { repository: s.repository }),
    compare: s.compareUrl ?? null,
    pullRequests: (s.pullRequests ?? []).map((p) => (titles ? { number: p.number, title: p.title, author: p.author, url: p.url } : { number: p.number, url: p.url })),
    ...(s.rolledBack ? { rolledBack: true } : {}),
    ...(s.digest === undefined ? {} : { digest: s.digest }),
    ...(s.builtBy === undefined ? {} : { builtBy: s.builtBy }),
  }));
  return JSON.stringify(entries);
}

export function shippedContext(report: ShippedReport, same: { readonly target: boolean; readonly workflow: boolean }): ShippedContext {
  const titles = { target: titlesShown(report, 'target', same), summary: titlesShown(report, 'summary', same) };
  return { report, titles, text: shippedText(report, titles.target), markdown: shippedMarkdown(report, titles.target) };
}
