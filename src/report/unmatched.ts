// Requested images that matched nothing: why (the notes for the log and the summary), and the error
// `fail-on-unmatched: true` raises before anything is written.
import type { Miss, Plan } from '../core/types.js';

/** The plan's misses (from `unmatched` alone for a plan made without them). */
export function missesOf(plan: Plan): readonly Miss[] {
  return plan.misses ?? (plan.unmatched ?? []).map((image) => ({ input: image, image, similar: [] }));
}

/** `1 file`, `3 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `paths matched no files (apps/x/**)`, or undefined when files were selected (or the count is unknown). */
export function noFiles(plan: Plan, paths: readonly string[] | undefined): string | undefined {
  if (plan.selected !== 0) return undefined;
  const skipped = plan.skipped.length ? `; ${plural(plan.skipped.length, 'path')} skipped` : '';
  return `paths matched no files${paths?.length ? ` (${paths.join(', ')})` : ''}${skipped}`;
}

/** `the 12 files paths selects (apps/**)`, or `the selected files` when the count is unknown. */
export function selectedFiles(plan: Plan, paths: readonly string[] | undefined): string {
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
  return misses.map((m) => {
    const what = m.kind === 'chart' ? `chart ${m.image} matched no chart version` : `${m.image} matched no image reference`;
    return m.similar.length > 0
      ? `${what} in ${selectedFiles(plan, paths)}${didYouMean(m)}`
      : `${what} in ${selectedFiles(plan, paths)}. Check 'paths' and the ${m.kind === 'chart' ? "chart's repository and name" : "repository's"} spelling.`;
  });
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
