// The typed settings one run works from: every input read once and checked (see read.ts).
import type { GateRules } from '../core/gates.js';
import type { ChartReference } from '../image/chart.js';
import type { ImageReference } from '../image/reference.js';
import type { Policy } from '../image/policy.js';
import type { PathMatcher } from '../core/paths.js';
import type { ChartRequest, ImageRequest, Mode, SummaryDiff } from '../core/types.js';

/** Reads one input by its action.yml name (`local-path`), '' when unset. */
export type InputReader = (name: string) => string;

/** `owner/name` of a GitHub repository. */
export interface Repository {
  readonly owner: string;
  readonly repo: string;
}

/** Where a promotion reads the versions to promote (the `promote-from*` inputs). */
export interface PromotionSettings {
  readonly patterns: readonly string[];
  readonly paths: PathMatcher;
  /** Another repository (repository per environment); undefined: the target repository (or local-path). */
  readonly repository: Repository | undefined;
  /** Branch of the source; undefined: the target branch (same repository) or the source's default branch. */
  readonly branch: string | undefined;
  /** Token for the source: `promote-from-token`, else `token`. */
  readonly token: string;
  /** Bare repositories from `images` that narrow what is promoted; empty: every image found (unless `onlyCharts` is set). */
  readonly only: readonly ImageReference[];
  /** Charts without a version from `charts` that narrow which charts are promoted; empty: every chart found (unless `only` is set). */
  readonly onlyCharts: readonly ChartReference[];
  /** Names the source environment in the summary and the promotion branch. */
  readonly environment: string;
  /** Why `environment` is a `paths-<hash>` stand-in (for the log); undefined when it is a name. */
  readonly environmentNote: string | undefined;
}

export type AutoMerge = 'merge' | 'squash' | 'rebase';

/** Pull-request mode details (the `pr-*` and `auto-merge` inputs). */
export interface PullRequestSettings {
  /** Head branch template ({environment}, {images}, {from}); '' for the default, one branch per service and environment. */
  readonly branch: string;
  /** Title and body templates ('' for the defaults); the same placeholders as commit-message. */
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly reviewers: readonly string[];
  readonly teamReviewers: readonly string[];
  readonly assignees: readonly string[];
  readonly draft: boolean;
  readonly autoMerge: AutoMerge | undefined;
}

/** Provenance (the `source-*` inputs and the runner): what a bump records of where its versions come from. */
export interface ProvenanceSettings {
  /** The source repository (`source-repository`, else the workflow's); undefined when neither is known. */
  readonly repository: Repository | undefined;
  /** The 40-hex commit built (`source-sha`, else GITHUB_SHA for the workflow's own repository). */
  readonly sha: string | undefined;
  /** `<server>/<owner/name>/actions/runs/<id>` of the workflow run, when the runner says. */
  readonly builtBy: string | undefined;
  /** Web root for links (GITHUB_SERVER_URL, GHES included). */
  readonly serverUrl: string;
  /** Token for the source repository: `source-token`, else `token`. */
  readonly token: string;
  /** `source-repository` was given (not the runner's default): its tags are read even without a sha. */
  readonly named: boolean;
}

export interface Settings {
  /** The versions to write; empty until a promotion's source has been read. */
  readonly images: readonly ImageRequest[];
  /** The chart versions to write (the `charts` input); empty until a promotion's source has been read. */
  readonly charts: readonly ChartRequest[];
  /**
   * `chart-app-version`: a Chart.yaml beside or above a values file whose image this run moves follows the image
   * (its `appVersion`, when it equals the old tag).
   */
  readonly chartAppVersion: boolean;
  /** Set when the run promotes versions from another environment instead of taking them from `images`. */
  readonly promotion: PromotionSettings | undefined;
  readonly pathPatterns: readonly string[];
  readonly paths: PathMatcher;
  /** `owner/name` of the GitOps repository (API mode). */
  readonly repository: Repository | undefined;
  /** Branch to read and write; undefined: the repository's default branch. */
  readonly branch: string | undefined;
  readonly token: string;
  readonly mode: Mode;
  /** A checkout on disk to edit instead of the API. */
  readonly localPath: string | undefined;
  readonly policy: Policy;
  /**
   * Names the environment in commit messages, summaries and the pull-request branch: the input, else the folder
   * the paths name, else `paths-<hash>` of the paths (never '', so two selections never share a branch).
   */
  readonly environment: string;
  /** Why `environment` is a `paths-<hash>` stand-in (for the log); undefined when it is a name. */
  readonly environmentNote: string | undefined;
  /** Fail (writing nothing) when a requested image matches no reference in the selected files. */
  readonly failOnUnmatched: boolean;
  /** `fail-on-refused`: any refusal (policy, hold, promotion gate) fails the run before anything is written. */
  readonly failOnRefused: boolean;
  /** Promotion gates (`promote-after`, `promote-require-status`); undefined when none is set. */
  readonly gates: GateRules | undefined;
  /** The time soak is measured at (settings/gates.ts readNow). */
  readonly now: Date;
  /** Commit message template; '' for the default. */
  readonly commitMessage: string;
  /** Files larger than this are skipped with a note. */
  readonly maxFileBytes: number;
  /** Time budget of the read-decide-write loop when other runs keep moving the branch (`race-timeout`). */
  readonly raceTimeoutMs: number;
  /** How much of the diff the job summary shows (`summary-diff`, `auto` resolved against the workflow's repository). */
  readonly summaryDiff: SummaryDiff;
  readonly pullRequest: PullRequestSettings;
  /** Undefined with `source-repository: none`: the commits and requests are those of a run without provenance. */
  readonly provenance: ProvenanceSettings | undefined;
}

/** One environment, as one line of `environments` declares it (settings/environments.ts). */
export interface Environment {
  readonly name: string;
  /** 1-based line of `environments` that declares it (for errors). */
  readonly line: number;
  /** Globs of its files: the folder's (folder per environment), or inside its repository (default: every YAML file). */
  readonly patterns: readonly string[];
  readonly paths: PathMatcher;
  /** Its own repository (repository per environment); undefined: a folder of the target repository (or local-path). */
  readonly repository: Repository | undefined;
  /** Its repository's branch (`owner/name@branch`); undefined: the default branch. */
  readonly branch: string | undefined;
}

/** `mode: report`: what runs where, read from every environment once; nothing is written. */
export interface ReportSettings {
  /** In promotion order. */
  readonly environments: readonly Environment[];
  /** Folder environments are read from this checkout; undefined: through the API from `repository`. */
  readonly localPath: string | undefined;
  /** The repository holding the folder environments (API mode). */
  readonly repository: Repository | undefined;
  readonly branch: string | undefined;
  readonly token: string;
  readonly maxFileBytes: number;
  /** `none` or `changes` keep hold reasons (comment text of the files) out of the job summary. */
  readonly summaryDiff: SummaryDiff;
  /** The clock the ages are measured at (GITOPS_BUMP_NOW in tests, as for promote-after). */
  readonly now: Date;
}
