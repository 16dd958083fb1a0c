// What a plan says in the log: rollbacks, refusals (as annotations at file:line), images that matched nothing,
// notes and skipped files. Called inside the "Plan" group in every mode, before anything is written.
import type { Io } from '../core/io.js';
import type { Plan } from '../core/types.js';
import { isRollback, ROLLED_BACK } from './messages.js';
import { unmatchedNotes } from './unmatched.js';

/** Control characters (a newline in a file name) shown as escapes, so repository text cannot start a workflow command. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes the plan's rollbacks, refusals, misses, notes and skips to the log. */
export function reportPlan(io: Io, result: Plan, paths: readonly string[]): void {
  for (const c of result.changes) {
    if (isRollback(c)) io.info(oneLine(`${ROLLED_BACK} (policy: any): ${c.image} ${c.from} → ${c.to} at ${c.file}:${c.line}`));
  }
  for (const r of result.refusals) io.warning(`${r.image} ${r.from || '(none)'} → ${r.to} refused: ${r.reason}`, { file: r.file, line: r.line });
  for (const note of unmatchedNotes(result, paths)) io.warning(note);
  for (const note of result.notes) io.info(oneLine(`note: ${note}`));
  for (const s of result.skipped) io.info(oneLine(`skipped ${s.path}: ${s.reason}`));
}
