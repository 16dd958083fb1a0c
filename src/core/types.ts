// Data shapes shared by the pure core (plan) and the adapters (local disk, GitHub).
import type { ChartReference } from '../image/chart.js';
import type { ImageReference } from '../image/reference.js';

/** How a run delivers its plan (the `mode` input). */
export type Mode = 'commit' | 'pull-request' | 'dry-run';

/**
 * How much of the diff the job summary shows (the `summary-diff` input, `auto` resolved): `full` with three lines
 * of context, `changes` the changed lines only, `none` no diff.
 */
export type SummaryDiff = 'full' | 'changes' | 'none';

/** One entry of the `images` input: the repository to look for and the version to write. */
export interface ImageRequest {
  /** The entry as the user wrote it. */
  readonly input: string;
  readonly ref: ImageReference;
}

/** One entry of the `charts` input: the chart to look for (repository and name, or a name alone) and the version to write. */
export interface ChartRequest {
  /** The entry as the user wrote it. */
  readonly input: string;
  /** The reference; its `version` is set (a promotion's requests carry the source's version). */
  readonly ref: ChartReference & { readonly version: string };
}

/** What a pull-request run did to its pull request (the `pull-request-operation` output); `none`: nothing to change and no PR open. */
export type PullOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'none';

/** One file of the repository, as text (UTF-8, BOM and line endings exactly as stored). */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** A file that matched the globs but was not read or not edited, and why. */
export interface Skip {
  readonly path: string;
  readonly reason: string;
}

/** A consistent read of the repository: the files the globs match, all at one commit. */
export interface Snapshot {
  /** The commit the files were read at (API mode); undefined for a local directory. */
  readonly head?: string;
  readonly files: readonly SourceFile[];
  /** Matched paths that were not read: binary, oversized, symlinks, submodules. */
  readonly skipped: readonly Skip[];
  /** Regular files the globs selected, before any byte pre-filter or skip (for "paths matched no files"). */
  readonly selected?: number;
}

/** The files and skips of one commit, decoded as a snapshot's (the pull-request mode reads its branch's). */
export type CommitFiles = Pick<Snapshot, 'files' | 'skipped'>;

/** One image reference (or chart version) moved from one version to another (the `changes` output). */
export interface Change {
  /** What moved: an image (the default when absent) or a Helm chart (the `changes` output says `kind` always). */
  readonly kind?: 'image' | 'chart';
  readonly file: string;
  readonly line: number;
  /**
   * The requested repository, normalised (`docker.io/library/nginx`); for a chart, the chart as the `charts` input
   * names it (`oci://ghcr.io/acme/charts/api`, or `api`). The output calls it `chart` then.
   */
  readonly image: string;
  /** A chart's field other than its version that moved: `appVersion` (a Chart.yaml following its image). */
  readonly field?: 'appVersion';
  /** The version before: `1.4.1`, `sha256:…`, `1.4.1@sha256:…`, or `` when none was set. */
  readonly from: string;
  readonly to: string;
}

/** A change the policy (or a hold) refused (the `refused` output). */
export interface Refusal extends Change {
  readonly reason: string;
  /** A promotion held back by `promote-after`: seconds until the version has soaked (the `refused` output shows it). */
  readonly leftSeconds?: number;
}

/** A file whose text the plan changes. */
export interface FileEdit {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly changes: readonly Change[];
}

/** What one run would do: a pure function of the files read and the requests. */
export interface Plan {
  readonly edits: readonly FileEdit[];
  readonly changes: readonly Change[];
  readonly refusals: readonly Refusal[];
  /** Files not edited on purpose (chart templates, binary files…), listed for the summary. */
  readonly skipped: readonly Skip[];
  /** Informational notes (a non-semver tag written without an ordering check, a request that matched nothing…). */
  readonly notes: readonly string[];
  /** Requested images (as named in the request) that matched no image reference in the files read. */
  readonly unmatched?: readonly string[];
  /** The requests behind `unmatched`, as the user wrote them, with look-alike repositories found in the files. */
  readonly misses?: readonly Miss[];
  /** Files the globs selected (before any pre-filter or skip); set by the source, undefined when unknown. */
  readonly selected?: number;
}

/** A requested image (or chart) that matched no reference in the files read. */
export interface Miss {
  /** A chart request (`charts`) rather than an image; absent for an image. */
  readonly kind?: 'chart';
  /** The request as the user wrote it (`ghrc.io/acme/api:1.5.0`): the `unmatched` output. */
  readonly input: string;
  /** The requested repository as named in the request (`ghrc.io/acme/api`). */
  readonly image: string;
  /**
   * Repositories found in the files with the same last path component (`ghcr.io/acme/api`), with the number of
   * files holding each, most files first: likely what was meant.
   */
  readonly similar: readonly { readonly repository: string; readonly files: number }[];
}
