// What runs where, for people and scripts: the job summary table, the CLI's aligned text table, the log lines and
// the `matrix` output. Repository text (image names, versions, file names, hold reasons) is escaped for Markdown
// here and for the log by the Io (src/report/line.ts).
import { ageFields, ageText } from '../core/age.js';
import { cellText, type Matrix, type MatrixCell } from '../core/matrix.js';
import type { SummaryDiff } from '../core/types.js';
import { cell, code } from './messages.js';

/** Rows beyond this are counted, not shown, in the job summary (GitHub caps a step's summary at 1 MiB). */
const SUMMARY_ROWS = 400;
const DRIFT = '≠';

function label(row: Matrix['rows'][number]): string {
  return row.kind === 'chart' ? `chart ${row.name}` : row.name;
}

/**
 * The `matrix` output: `environments` in promotion order (`name`, `where`, `files`), and one entry per image and
 * chart in `rows`: `kind`, `name`, and `cells` keyed by environment name, null where the environment holds no
 * version of it, else `versions` (distinct, file order), `held`, `drift` (differs from the previous environment
 * holding it), `places` (`file`, `line`, `version`, `held`, `holdReason` when the hold comment gives one), and its
 * age: `since` (the arrival commit's ISO date, or null), `age` (`1d2h`, `older than 30 commits`, `unknown`) and
 * `ageSeconds` (or null).
 */
export function matrixOutput(matrix: Matrix): string {
  return JSON.stringify({
    environments: matrix.environments,
    rows: matrix.rows.map((row) => ({
      kind: row.kind,
      name: row.name,
      cells: Object.fromEntries(
        matrix.environments.map((e, i) => {
          const c = row.cells[i] ?? null;
          if (c === null) return [e.name, null];
          const { age, ...rest } = c;
          return [e.name, { ...rest, ...ageFields(age) }];
        }),
      ),
    })),
  });
}

/** The matrix as an aligned text table (the CLI's stdout), with a legend when a mark is used. */
export function matrixTable(matrix: Matrix): string {
  if (matrix.rows.length === 0) return `No image or chart version found in ${matrix.environments.map((e) => e.name).join(', ')}.\n`;
  const header = ['IMAGE / CHART', ...matrix.environments.map((e) => e.name)];
  const body = matrix.rows.map((row) => [label(row), ...row.cells.map(cellText)]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => [...r[i]!].length)));
  const line = (r: readonly string[]): string => r.map((text, i) => (i === r.length - 1 ? text : text + ' '.repeat(widths[i]! - [...text].length))).join('  ');
  const legend = legendText(matrix);
  return [line(header), ...body.map(line), ...(legend ? ['', legend] : [])].join('\n') + '\n';
}

function legendText(matrix: Matrix): string {
  const cells = matrix.rows.flatMap((r) => r.cells).filter((c): c is MatrixCell => c !== null);
  const marks = [
    ...(cells.some((c) => c.drift) ? [`${DRIFT} differs from the previous environment`] : []),
    ...(cells.some((c) => c.held) ? ['(held) frozen by a # gitops-bump: hold comment'] : []),
    ...(matrix.rows.some((r) => r.cells.includes(null)) ? ['— not in that environment'] : []),
    ...(cells.some((c) => c.age?.kind === 'known') ? ['(1d2h) there since the commit that brought it'] : []),
    ...(cells.some((c) => c.age?.kind === 'older') ? ['(>N commits) older than the file histories read'] : []),
    ...(cells.some((c) => c.age?.kind === 'unknown') ? ['(?) age unknown'] : []),
    ...(cells.some((c) => c.age === undefined) && cells.some((c) => c.age !== undefined) ? ['no age: read from a local folder'] : []),
  ];
  return marks.join(' · ');
}

/** One line per environment for the log: where it was read and how many rows differ from the previous one. */
export function matrixLog(matrix: Matrix): string[] {
  return matrix.environments.map((e, i) => {
    const drift = matrix.rows.filter((r) => r.cells[i]?.drift).length;
    const held = matrix.rows.filter((r) => r.cells[i]?.held).length;
    return `${e.name}: ${matrix.rows.filter((r) => r.cells[i] !== null).length} image(s)/chart(s), ${drift} differ from the previous environment, ${held} held`;
  });
}

function summaryCell(c: MatrixCell | null, reasons: boolean): string {
  if (c === null) return '—';
  const versions = c.versions.map(code).join(' / ');
  const held = c.places.filter((p) => p.held);
  const why = reasons ? [...new Set(held.map((p) => p.holdReason).filter((r): r is string => r !== undefined))] : [];
  const hold = c.held ? ` 🔒 held${why.length > 0 ? `: ${cell(why.join('; '))}` : ''}` : '';
  const age = c.age ? ` (${ageText(c.age)})` : '';
  return `${c.drift ? `**${versions}**${age} ${DRIFT}` : `${versions}${age}`}${hold}`;
}

/**
 * The job summary: one table, images and charts × environments. Hold reasons are comment text from the files: shown
 * only when the summary may show the files' lines (`summary-diff` full: the workflow's own repository).
 */
export function matrixSummary(matrix: Matrix, summaryDiff: SummaryDiff): string {
  const lines = ['### gitops-bump · what runs where', ''];
  const drifting = matrix.rows.filter((r) => r.cells.some((c) => c?.drift)).length;
  lines.push(
    `${matrix.rows.length} image(s) and chart(s) across ${matrix.environments.length} environment(s); ${drifting} of them differ between environments.`,
    '',
  );
  if (matrix.rows.length > 0) {
    lines.push(`| Image / chart | ${matrix.environments.map((e) => cell(e.name)).join(' | ')} |`, `| --- |${' --- |'.repeat(matrix.environments.length)}`);
    for (const row of matrix.rows.slice(0, SUMMARY_ROWS)) {
      lines.push(`| ${cell(label(row))} | ${row.cells.map((c) => summaryCell(c, summaryDiff === 'full')).join(' | ')} |`);
    }
    if (matrix.rows.length > SUMMARY_ROWS) lines.push('', `… and ${matrix.rows.length - SUMMARY_ROWS} more: see the \`matrix\` output.`);
    const legend = legendText(matrix).replace('(held)', '🔒 held');
    if (legend) lines.push('', legend);
  }
  lines.push('', ...matrix.environments.map((e) => `- ${cell(e.name)}: ${code(e.where)}, ${e.files} file(s) read`));
  return `${lines.join('\n')}\n`;
}
