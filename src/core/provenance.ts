// Provenance, pure: the git trailers a bump's commit carries to say where each version came from, and the
// reading of those trailers back from a commit message's trailer block. The names are a contract (README
// "Provenance"): later runs, other tools and people parse them.
import type { Change } from './types.js';

/** `Bumped-Image: <repository> <from> -> <to>`: one per distinct move; opens the set of trailers that follow it. */
export const BUMPED_IMAGE = 'Bumped-Image';
/** `Source-Commit: <owner/name>@<40-hex sha>`: the source commit the new version was built from. */
export const SOURCE_COMMIT = 'Source-Commit';
/** `Built-By: <server>/<owner/name>/actions/runs/<id>`: the workflow run that made the bump. */
export const BUILT_BY = 'Built-By';

/** A git trailer, `Name: value` (the same tuple as github/mutation.ts `Trailer`). */
export type TrailerPair = readonly [name: string, value: string];

/** What a run knows of where its versions come from (settings: `source-repository`, `source-sha`, the runner). */
export interface SourceProvenance {
  /** `owner/name` of the source repository, when known. */
  readonly repository?: string;
  /** The 40-hex commit the versions were built from, when known. */
  readonly sha?: string;
  /** The workflow run's URL (`<server>/<owner/name>/actions/runs/<id>`), when known. */
  readonly builtBy?: string;
}

/** One image's move as a commit records it, with what it says of the new version's origin. */
export interface RecordedMove {
  readonly image: string;
  /** `(none)` when the reference had no version. */
  readonly from: string;
  readonly to: string;
  /** `owner/name` and sha of the `Source-Commit` trailer of this set, if any. */
  readonly source?: { readonly repository: string; readonly sha: string };
  readonly builtBy?: string;
}

const NONE = '(none)';
const SHA = /^[0-9a-f]{40}$/;
const SOURCE = /^([A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100})@([0-9a-fA-F]{40})$/;
const MOVE = /^(\S+) (\S+) -> (\S+)$/;

/** The trailer value of a version: no spaces (a value is one token), `(none)` for an unset one. */
function version(value: string): string {
  const v = value.replace(/\s+/g, '');
  return v === '' ? NONE : v;
}

/** `owner/name@sha` when both are known and well formed. */
function sourceCommit(provenance: SourceProvenance): string | undefined {
  const { repository, sha } = provenance;
  return repository !== undefined && sha !== undefined && SHA.test(sha) ? `${repository}@${sha}` : undefined;
}

/**
 * The trailers of a plan's changes: per distinct move (image, from, to, in the plan's order), `Bumped-Image`,
 * then `Source-Commit` and `Built-By` when known. A set starts at its `Bumped-Image`, so a reader pairs each
 * source with its image (`recordedMoves`). No changes, no trailers. Without a sha of its own (a promotion), an
 * image's source commit is the one the provenance read found for its new version (`found`, by image).
 */
export function provenanceTrailers(changes: readonly Change[], provenance: SourceProvenance, found?: ReadonlyMap<string, string>): TrailerPair[] {
  const seen = new Set<string>();
  const own = sourceCommit(provenance);
  const trailers: TrailerPair[] = [];
  for (const c of changes) {
    const move = `${c.image} ${version(c.from)} -> ${version(c.to)}`;
    if (seen.has(move)) continue;
    seen.add(move);
    trailers.push([BUMPED_IMAGE, move]);
    const source = own ?? sourceCommit({ ...provenance, sha: found?.get(c.image) });
    if (source !== undefined) trailers.push([SOURCE_COMMIT, source]);
    if (provenance.builtBy !== undefined) trailers.push([BUILT_BY, provenance.builtBy]);
  }
  return trailers;
}

/**
 * The moves a commit records, from its trailers in order (github/mutation.ts `trailers`): each `Bumped-Image`
 * opens a set, and the `Source-Commit`/`Built-By` after it (before the next) belong to it. Malformed values
 * are skipped, never guessed at: these are read from any commit on a branch.
 */
export function recordedMoves(trailers: readonly TrailerPair[]): RecordedMove[] {
  const moves: RecordedMove[] = [];
  let current: { -readonly [K in keyof RecordedMove]: RecordedMove[K] } | undefined;
  for (const [name, value] of trailers) {
    const key = name.toLowerCase();
    if (key === BUMPED_IMAGE.toLowerCase()) {
      const m = MOVE.exec(value.trim());
      current = m ? { image: m[1]!, from: m[2]!, to: m[3]! } : undefined;
      if (current) moves.push(current);
    } else if (current && key === SOURCE_COMMIT.toLowerCase() && current.source === undefined) {
      const m = SOURCE.exec(value.trim());
      if (m) current.source = { repository: m[1]!, sha: m[2]!.toLowerCase() };
    } else if (current && key === BUILT_BY.toLowerCase() && current.builtBy === undefined) {
      current.builtBy = value.trim();
    }
  }
  return moves;
}
