// The one rule for edits that change no bytes, shared by every delivery that writes through the API.
import type { Plan } from './types.js';

/**
 * The plan as far as it changes bytes: an edit whose text after is its text before is no edit, so it is
 * dropped, and so are the changes of the files it leaves without an edit (nothing is written for them).
 * A run whose edits are all such no-ops converges (nothing to commit, nothing reported as changed) instead
 * of committing nothing or reporting a change it did not make. Refusals, notes and skips are kept.
 */
export function effective(plan: Plan): Plan {
  if (plan.edits.every((e) => e.after !== e.before)) return plan;
  const edits = plan.edits.filter((e) => e.after !== e.before);
  const paths = new Set(edits.map((e) => e.path));
  return { ...plan, edits, changes: plan.changes.filter((c) => paths.has(c.file)) };
}
