// Provenance on the delivery side: the trailers each commit this run sends carries (core/provenance.ts), appended
// to the message through the one trailer builder (github/mutation.ts).
import type { Plan } from '../core/types.js';
import { provenanceTrailers, type SourceProvenance } from '../core/provenance.js';
import { withTrailers, type CommitMessage } from '../github/mutation.js';
import type { ProvenanceSettings } from '../settings/types.js';

/** What the settings say of the source, as the trailers record it. */
export function sourceOf(settings: ProvenanceSettings): SourceProvenance {
  const repository = settings.repository && `${settings.repository.owner}/${settings.repository.repo}`;
  return { repository, sha: settings.sha, builtBy: settings.builtBy };
}

/** `message` with the plan's provenance trailers; unchanged when provenance is off (`source-repository: none`). */
export function withProvenance(message: CommitMessage, plan: Plan, settings: ProvenanceSettings | undefined): CommitMessage {
  if (settings === undefined) return message;
  return withTrailers(message, ...provenanceTrailers(plan.changes, sourceOf(settings)));
}
