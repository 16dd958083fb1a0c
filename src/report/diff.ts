// A unified diff (git's format) of two texts, for the job summary and the CLI's dry-run, over jsdiff (`diff`).
// jsdiff's Myers costs O((N+M)·D): a bump changes a few lines, so D is small even in a large file. When a
// file changes in thousands of places, jsdiff stops at MAX_EDIT_LENGTH and a linear fallback shows the diff.
import { formatPatch, structuredPatch, type StructuredPatch, type StructuredPatchHunk } from 'diff';
import type { Plan } from '../core/types.js';

/** Above this many differing lines, jsdiff stops and {@link fallbackHunks} shows the diff. */
const MAX_EDIT_LENGTH = 2000;

type Hunk = StructuredPatchHunk;

/** The unified diff of a plan's edits, with `context` lines around each change (0: the changed lines only). */
export function planDiff(plan: Plan, context = 3): string {
  return plan.edits.map((e) => unifiedDiff(e.path, e.before, e.after, context)).join('');
}

/** `git diff`-style unified diff of one file; '' when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const options = { context, maxEditLength: MAX_EDIT_LENGTH, stripTrailingCr: true } as const;
  const whole = structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, options);
  const hunks = whole?.hunks ?? fallbackHunks(linesOf(before), linesOf(after), context);
  const patch: StructuredPatch & { isGit: true } = {
    oldFileName: `a/${path}`,
    newFileName: `b/${path}`,
    oldHeader: undefined,
    newHeader: undefined,
    hunks,
    isGit: true,
  };
  return `${formatPatch(patch).replace(/\n+$/, '')}\n`;
}

/** Splits a text into lines that each keep their `\n` (the last one may have none). */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const NO_NEWLINE = '\\ No newline at end of file';

/** A line as a patch shows it, after its one-character prefix: without its line ending. */
function shown(prefix: ' ' | '-' | '+', line: string): string[] {
  const text = `${prefix}${line.replace(/\r?\n$/, '')}`;
  return line.endsWith('\n') ? [text] : [text, NO_NEWLINE];
}

/**
 * Hunks of a diff too large for jsdiff's bound. When both texts have the same number of lines (an in-place bump,
 * the usual case), line i of one stands against line i of the other: no search is needed, each run of differing
 * lines shows its removed lines, then its added lines, and runs closer than two contexts share a hunk, as git's
 * do. Otherwise everything after the common head is shown replaced (valid, if long).
 */
function fallbackHunks(a: readonly string[], b: readonly string[], context: number): Hunk[] {
  if (a.length !== b.length) {
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head++;
    const from = Math.max(0, head - context);
    const lines = [...a.slice(from, head).flatMap((l) => shown(' ', l)), ...a.slice(head).flatMap((l) => shown('-', l)), ...b.slice(head).flatMap((l) => shown('+', l))];
    return [{ oldStart: from + 1, oldLines: a.length - from, newStart: from + 1, newLines: b.length - from, lines }];
  }
  const hunks: Hunk[] = [];
  let i = 0;
  while (i < a.length) {
    if (a[i] === b[i]) {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change that is
    // no more than two contexts after the one before it.
    const first = Math.max(0, i - context);
    let end = i;
    for (let gap = 0; end < a.length && gap <= 2 * context; end++) gap = a[end] === b[end] ? gap + 1 : 0;
    end = Math.min(a.length, end);
    while (end > i && a[end - 1] === b[end - 1]) end--;
    const stop = Math.min(a.length, end + context);
    const lines: string[] = [];
    for (let j = first; j < stop; ) {
      if (a[j] === b[j]) {
        lines.push(...shown(' ', a[j]!));
        j++;
        continue;
      }
      let runEnd = j;
      while (runEnd < stop && a[runEnd] !== b[runEnd]) runEnd++;
      for (let k = j; k < runEnd; k++) lines.push(...shown('-', a[k]!));
      for (let k = j; k < runEnd; k++) lines.push(...shown('+', b[k]!));
      j = runEnd;
    }
    hunks.push({ oldStart: first + 1, oldLines: stop - first, newStart: first + 1, newLines: stop - first, lines });
    i = stop;
  }
  return hunks;
}
