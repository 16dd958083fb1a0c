// What a plan says in the log: rollbacks, refusals (as annotations at file:line), images that matched nothing,
// notes and skipped files. Called inside the "Plan" group in every mode, before anything is written. The Io
// escapes (or fences) repository text in every line it writes: no line here needs to.
import type { Io } from '../core/io.js';
import type { Plan } from '../core/types.js';
import { isRollback, ROLLED_BACK, subject } from './messages.js';
import { unmatchedNotes } from './unmatched.js';

/** Writes the plan's rollbacks, refusals, misses, notes and skips to the log. */
export function reportPlan(io: Io, result: Plan, paths: readonly string[]): void {
  for (const c of result.changes) {
    if (isRollback(c)) io.info(`${ROLLED_BACK} (policy: any): ${subject(c)} ${c.from} → ${c.to} at ${c.file}:${c.line}`);
  }
  for (const r of result.refusals) io.warning(`${subject(r)} ${r.from || '(none)'} → ${r.to} refused: ${r.reason}`, { file: r.file, line: r.line });
  for (const note of unmatchedNotes(result, paths)) io.warning(note);
  for (const note of result.notes) io.info(`note: ${note}`);
  for (const s of result.skipped) io.info(`skipped ${s.path}: ${s.reason}`);
}
