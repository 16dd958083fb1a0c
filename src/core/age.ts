// How long each version of the matrix has been in its environment, pure: from the histories of the files holding it
// (read like the promotion gates read them, github/gates.ts) to the commit that brought it and its age at `now`.
import { formatDuration, type FileCommit } from './gates.js';
import { recordedMoves } from './provenance.js';
import type { CellAge, Matrix, MatrixCell, MatrixRow } from './matrix.js';

export { ageText, type CellAge } from './matrix.js';

/** What one environment's ages are computed from: the histories of its files (newest first, at most `window`). */
export interface AgeSource {
  readonly histories: ReadonlyMap<string, readonly FileCommit[]>;
  /** How many commits each history was asked for: a history this long that holds the version throughout says only "older". */
  readonly window: number;
}

/**
 * When `version` of the row keyed `key` (versionsIn's key) arrived in one file: a commit whose Bumped-Image trailer
 * records the move to it, else the oldest commit of the newest run of commits whose text holds it (as gates.ts
 * `arrival`). When that run reaches the end of a full window, the version is older than the window.
 */
export function placeAge(history: readonly FileCommit[], key: string, trailerName: string, version: string, window: number, now: Date): CellAge {
  let found: FileCommit | undefined;
  for (const commit of history) {
    if (recordedMoves(commit.trailers).some((m) => m.image.toLowerCase() === trailerName.toLowerCase() && m.to === version)) return known(commit, now);
    if (commit.versions?.get(key) !== version) break;
    found = commit;
  }
  if (found === undefined) return { kind: 'unknown', why: 'the history read does not show it' };
  if (found === history[history.length - 1] && history.length >= window) return { kind: 'older', commits: window };
  return known(found, now);
}

function known(commit: FileCommit, now: Date): CellAge {
  return { kind: 'known', since: commit.committedDate, oid: commit.oid, ms: Math.max(0, now.getTime() - Date.parse(commit.committedDate)) };
}

/** The row's key in versionsIn (`ghcr.io/acme/api`, `chart redis`) and the name a Bumped-Image trailer gives it. */
function keys(row: MatrixRow): { key: string; trailerName: string } {
  if (row.kind === 'chart') return { key: row.key, trailerName: row.key.slice('chart '.length) };
  const repository = row.key.slice('image '.length);
  return { key: repository, trailerName: repository };
}

/**
 * A cell's age: the youngest of its places (the cell is as it is since its last place changed); unknown when one
 * place's is, older than the window when every place's is.
 */
export function cellAge(row: MatrixRow, cell: MatrixCell, source: AgeSource, now: Date): CellAge {
  const { key, trailerName } = keys(row);
  const ages = cell.places.map((p) => placeAge(source.histories.get(p.file) ?? [], key, trailerName, p.version, source.window, now));
  const unknown = ages.find((a) => a.kind === 'unknown');
  if (unknown !== undefined) return unknown;
  const knowns = ages.filter((a) => a.kind === 'known');
  if (knowns.length === 0) return { kind: 'older', commits: source.window };
  return knowns.reduce((young, a) => (a.ms < young.ms ? a : young));
}

/**
 * The matrix with every cell's age, per environment (in matrix order): a source, why its history could not be read
 * (`unknown`: every cell shows `?`), or undefined when it is not read at all (local folders: no age shown).
 */
export function withAges(matrix: Matrix, sources: readonly (AgeSource | { readonly unknown: string } | undefined)[], now: Date): Matrix {
  const rows = matrix.rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell, i): MatrixCell | null => {
      if (cell === null) return null;
      const source = sources[i];
      if (source === undefined) return cell;
      return { ...cell, age: 'unknown' in source ? { kind: 'unknown', why: source.unknown } : cellAge(row, cell, source, now) };
    }),
  }));
  return { ...matrix, rows };
}

/** The age as the `matrix` output gives it: `since` (ISO, or null), `age` (`1d2h`, `older than 30 commits`, `unknown`). */
export function ageFields(age: CellAge | undefined): { since: string | null; age: string; ageSeconds: number | null } {
  if (age?.kind === 'known') return { since: age.since, age: formatDuration(age.ms), ageSeconds: Math.floor(age.ms / 1000) };
  if (age?.kind === 'older') return { since: null, age: `older than ${age.commits} commits`, ageSeconds: null };
  return { since: null, age: 'unknown', ageSeconds: null };
}
