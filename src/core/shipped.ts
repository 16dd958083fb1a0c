// What a bump ships, pure: for each moved image, the two source commits (the old version's, found in the file's
// history or a tag; the new one's, from the run or a tag), the compare between them and the pull requests merged in
// that range. The I/O that finds them is github/provenance.ts; the texts are report/shipped.ts.
import { compareVersionTags } from '../image/policy.js';
import { recordedMoves, type TrailerPair } from './provenance.js';
import type { Change } from './types.js';

/** One commit of a file's history, newest first, as the history read gives it: its oid and trailers. */
export interface HistoryCommit {
  readonly oid: string;
  readonly trailers: readonly TrailerPair[];
}

/** A merged pull request of the range (untrusted text: the title and the author's login). */
export interface ShippedPull {
  readonly number: number;
  readonly title: string;
  readonly author: string;
  readonly url: string;
}

/** The `shipped` output's entry for one moved image. */
export interface Shipped {
  readonly image: string;
  readonly from: string;
  readonly to: string;
  /** `owner/name` of the source repository. */
  readonly repository?: string;
  readonly fromCommit?: string;
  readonly toCommit?: string;
  /** The source repository's compare page between the two commits. */
  readonly compareUrl?: string;
  /** Merged pull requests of the range, by number; only when the range was read. */
  readonly pullRequests?: readonly ShippedPull[];
  /** Commits in the range (compare's total, even past the 250 listed). */
  readonly commits?: number;
  readonly builtBy?: string;
  /** A rollback: the range runs from the new version's commit to the old one's, and its pull requests are taken out. */
  readonly rolledBack?: boolean;
  /** `sha256:…` when the new version names one. */
  readonly digest?: string;
  /** Why something is missing (no access, no tag, a rate limit): the bump went on without it. */
  readonly notes?: readonly string[];
}

/** The distinct moves of a plan (image, from, to), in plan order, with the files they are in. */
export function distinctMoves(changes: readonly Change[]): { image: string; from: string; to: string; files: string[] }[] {
  const moves = new Map<string, { image: string; from: string; to: string; files: string[] }>();
  for (const c of changes) {
    const key = `${c.image} ${c.from} ${c.to}`;
    const move = moves.get(key) ?? { image: c.image, from: c.from, to: c.to, files: [] };
    if (!move.files.includes(c.file)) move.files.push(c.file);
    moves.set(key, move);
  }
  return [...moves.values()];
}

/** The version tag of a `from`/`to` value (`1.4.1@sha256:…` → `1.4.1`); '' for a digest alone or none. */
export function versionTag(version: string): string {
  return version === '' || version.startsWith('sha256:') ? '' : version.split('@')[0]!;
}

/** True when the move takes a version tag backwards (the range is then read the other way round). */
export function movesBack(from: string, to: string): boolean {
  const a = versionTag(from);
  const b = versionTag(to);
  return a !== '' && b !== '' && (compareVersionTags(b, a) ?? 0) < 0;
}

/** The digest of a version (`1.4.1@sha256:…` or `sha256:…`), if it names one. */
export function digestOf(version: string): string | undefined {
  const at = version.indexOf('sha256:');
  return at === -1 ? undefined : version.slice(at);
}

/** The git tags that may mark a version's source commit, in the order tried: `v<version>`, `<version>`. */
export function tagCandidates(version: string): string[] {
  const tag = versionTag(version);
  if (tag === '' || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tag)) return [];
  return tag.startsWith('v') ? [tag] : [`v${tag}`, tag];
}

/**
 * The source commit that introduced `from` of `image`: the newest commit of the file's history (newest first)
 * whose trailers record a move of `image` to `from` with a `Source-Commit` in `repository` (case-insensitive).
 * A newer commit that moved the image elsewhere ends the search: the version there did not come from further back.
 */
export function originInHistory(history: readonly HistoryCommit[], image: string, from: string, repository: string): string | undefined {
  for (const commit of history) {
    for (const move of recordedMoves(commit.trailers)) {
      if (move.image !== image) continue;
      if (move.to !== from) return undefined;
      return move.source && move.source.repository.toLowerCase() === repository.toLowerCase() ? move.source.sha : undefined;
    }
  }
  return undefined;
}

/** Merged pull requests, each once, by number (ascending). */
export function mergedPulls(pulls: readonly (ShippedPull & { readonly merged: boolean })[]): ShippedPull[] {
  const byNumber = new Map<number, ShippedPull>();
  for (const p of pulls) if (p.merged && !byNumber.has(p.number)) byNumber.set(p.number, { number: p.number, title: p.title, author: p.author, url: p.url });
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
