// What the report builders know about a run besides its plan: where it ran, how, and what it delivered.
import type { GateReport } from '../core/gates.js';
import type { FoundChart, FoundVersion } from '../core/promote.js';
import type { Shipped } from '../core/shipped.js';
import type { ChartRequest, ImageRequest, Mode, PullOperation, Skip, SummaryDiff } from '../core/types.js';

/** A promotion's source, for the summary. */
export interface PromotionReport {
  /** The source environment's name (`staging`). */
  readonly from: string;
  /** Where the source was read: `owner/name@branch: globs` or the folder globs. */
  readonly where: string;
  readonly requests: readonly ImageRequest[];
  readonly found: readonly FoundVersion[];
  /** The promoted charts and where their versions were found (absent: none). */
  readonly charts?: readonly ChartRequest[];
  readonly foundCharts?: readonly FoundChart[];
  /** The source's files not read or not located, marked as the source's: listed first in the plan's `skipped`. */
  readonly skipped: readonly Skip[];
  /** What the source holds but the promotion does not carry (core/promote.ts): listed first in the plan's notes. */
  readonly notes?: readonly string[];
  /** The promotion gates' decisions (absent: no gate set); what they held back is in the plan's refusals. */
  readonly gates?: GateReport;
}

/** Where and how a run went, for its messages, summary and outputs. */
export interface RunContext {
  readonly mode: Mode;
  readonly environment: string;
  /** `owner/name` (API mode) or the local folder. */
  readonly target: string;
  readonly branch?: string;
  readonly commit?: { readonly oid: string; readonly url?: string };
  readonly policy: string;
  readonly promotion?: PromotionReport;
  /** Pull-request mode: what happened to the pull request. */
  readonly pullRequest?: {
    readonly operation: PullOperation;
    readonly number?: number;
    readonly url?: string;
    readonly branch: string;
  };
  /** Web root for links (GITHUB_SERVER_URL); links are left out without it. */
  readonly serverUrl?: string;
  /** The `paths` globs, named when they select no file. */
  readonly paths?: readonly string[];
  /** How much of the diff the job summary shows; default `full`. */
  readonly summaryDiff?: SummaryDiff;
  /** What the bump ships (provenance), when it was read. */
  readonly shipped?: ShippedContext;
}

/** What the provenance read found, as the report builders take it (github/provenance.ts ProvenanceAnswer). */
export interface ShippedReport {
  readonly shipped: readonly Shipped[];
  readonly sourcePrivate?: boolean;
  readonly targetPrivate?: boolean;
}

/** What the messages and the summary take from a provenance read (RunContext.shipped). */
export interface ShippedContext {
  readonly report: ShippedReport;
  /** Titles shown in the commit and the PR body (`target`), and in the job summary and the output (`summary`). */
  readonly titles: { readonly target: boolean; readonly summary: boolean };
  /** The commit body's section ('' when no range is known). */
  readonly text: string;
  /** The PR body's section (no lines when no range is known). */
  readonly markdown: readonly string[];
}
