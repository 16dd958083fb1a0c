// What runs where: every image and chart version found in each environment's files, as one matrix (rows: images
// and charts, columns: environments in promotion order). Pure: the files come in, the matrix goes out.
import { chartDisplay } from '../image/chart.js';
import { versionOf } from '../image/reference.js';
import { ChartContext } from './charts.js';
import { formatDuration } from './gates.js';
import { scan, type ScannedFile } from './scan.js';
import type { Skip, SourceFile } from './types.js';

/** One place an image or chart version is written in an environment's files. */
export interface MatrixPlace {
  readonly file: string;
  readonly line: number;
  readonly version: string;
  /** A `# gitops-bump: hold` comment freezes it. */
  readonly held: boolean;
  /** The text after `hold`, when there is some. */
  readonly holdReason?: string;
}

/** One environment's versions, keyed by row (`image <normalised repository>` or `chart <display>`). */
export interface EnvironmentScan {
  readonly name: string;
  /** Where it was read, as a person reads it (`envs/dev/**`, `acme/prod@main: **\/*.yaml`). */
  readonly where: string;
  readonly files: number;
  readonly rows: ReadonlyMap<string, { readonly kind: 'image' | 'chart'; readonly name: string; readonly places: readonly MatrixPlace[] }>;
  readonly skipped: readonly Skip[];
}

/** A cell's age: since a known commit, older than the history read, or unknown (with why). */
export type CellAge =
  | { readonly kind: 'known'; readonly since: string; readonly oid: string; readonly ms: number }
  | { readonly kind: 'older'; readonly commits: number }
  | { readonly kind: 'unknown'; readonly why: string };

export interface MatrixCell {
  /** The distinct versions, in file order (two or more: the environment is not of one mind). */
  readonly versions: readonly string[];
  /** Some place of it is held by a hold marker. */
  readonly held: boolean;
  /** Differs from the previous environment (in promotion order) that has this row; false in the first one. */
  readonly drift: boolean;
  readonly places: readonly MatrixPlace[];
  /** How long it has been there (core/age.ts); undefined until ages are read. */
  readonly age?: CellAge;
}

export interface MatrixRow {
  /** `image <normalised repository>` or `chart <display>`: the environment scans' key. */
  readonly key: string;
  readonly kind: 'image' | 'chart';
  /** The image repository (as the first environment holding it spells it) or the chart. */
  readonly name: string;
  /** One cell per environment, in the order of `Matrix.environments`; null where the environment does not hold it. */
  readonly cells: readonly (MatrixCell | null)[];
}

export interface Matrix {
  readonly environments: readonly { readonly name: string; readonly where: string; readonly files: number }[];
  /** Images first, then charts, each sorted by name. */
  readonly rows: readonly MatrixRow[];
}

/**
 * The versions in one environment's files: every located image reference with a tag or digest, every pinned chart
 * version (ranges and patches whose base is not among the files are left out). Throws PlanSyntaxError for a file
 * that does not parse.
 */
export function scanEnvironment(name: string, where: string, files: readonly SourceFile[]): EnvironmentScan {
  const rows = new Map<string, { kind: 'image' | 'chart'; name: string; places: MatrixPlace[] }>();
  const add = (key: string, kind: 'image' | 'chart', display: string, place: MatrixPlace): void => {
    const row = rows.get(key) ?? { kind, name: display, places: [] };
    row.places.push(place);
    rows.set(key, row);
  };
  const scanned: ScannedFile[] = [];
  const skipped = scan(
    files,
    (file) => {
      scanned.push(file);
      for (const site of file.sites) {
        if (site.repository === undefined || (site.tag === undefined && site.digest === undefined)) continue;
        add(`image ${site.repository}`, 'image', site.name, { file: file.path, line: site.line, version: versionOf(site), ...holdOf(site) });
      }
    },
    undefined,
    { charts: true },
  );
  const context = new ChartContext(scanned);
  for (const file of scanned) {
    for (const site of file.charts?.sites ?? []) {
      if (site.version === undefined || site.range) continue;
      const resolved = context.resolve(file.path, site);
      if (resolved === undefined) continue;
      const display = chartDisplay(resolved.repository, resolved.chart);
      add(`chart ${display}`, 'chart', display, { file: file.path, line: site.line, version: site.version, ...holdOf(site) });
    }
  }
  return { name, where, files: files.length, rows, skipped };
}

function holdOf(site: { held: boolean; hold?: { reason?: string } }): { held: boolean; holdReason?: string } {
  return { held: site.held, ...(site.hold?.reason !== undefined && { holdReason: site.hold.reason }) };
}

/** The matrix of environment scans given in promotion order. */
export function buildMatrix(scans: readonly EnvironmentScan[]): Matrix {
  const keys = new Map<string, { kind: 'image' | 'chart'; name: string }>();
  for (const s of scans) for (const [key, row] of s.rows) if (!keys.has(key)) keys.set(key, { kind: row.kind, name: row.name });
  const order = [...keys].sort(([, a], [, b]) => (a.kind === b.kind ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind === 'image' ? -1 : 1));
  const rows = order.map(([key, { kind, name }]): MatrixRow => {
    let previous: MatrixCell | null = null;
    const cells = scans.map((s): MatrixCell | null => {
      const found = s.rows.get(key);
      if (!found) return null;
      const versions = [...new Set(found.places.map((p) => p.version))];
      // Compared as sets: two environments holding the same two versions in other files do not differ.
      const drift = previous !== null && [...previous.versions].sort().join('\n') !== [...versions].sort().join('\n');
      const cell = { versions, held: found.places.some((p) => p.held), drift, places: found.places };
      previous = cell;
      return cell;
    });
    return { key, kind, name, cells };
  });
  return { environments: scans.map((s) => ({ name: s.name, where: s.where, files: s.files })), rows };
}

/** The age as the tables show it: `1d2h`, `>30 commits`, `?`. */
export function ageText(age: CellAge): string {
  return age.kind === 'known' ? formatDuration(age.ms) : age.kind === 'older' ? `>${age.commits} commits` : '?';
}

/**
 * One cell as a person reads it: `1.5.0`, `1.5.0 (1d2h)` (its age, when read), `1.5.0 ≠` (differs from the previous
 * environment), `held`, `—` (absent).
 */
export function cellText(cell: MatrixCell | null): string {
  if (cell === null) return '—';
  const marks = [cell.age ? `(${ageText(cell.age)})` : '', cell.drift ? '≠' : '', cell.held ? '(held)' : ''].filter((m) => m !== '');
  return [cell.versions.join(' / '), ...marks].join(' ');
}
