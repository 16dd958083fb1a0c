// Every input the action reads, with the default action.yml declares and its description: the CLI's --help and
// flags come from here, and a test keeps action.yml (and through `npm run docs` the README) in step with it.

export interface InputSpec {
  /** The default action.yml declares (the CLI shows it unless it is a `${{ … }}` expression). */
  readonly default?: string;
  readonly description: string;
}

export const DEFAULT_PATHS = '**/*.{yaml,yml}';

/** What to write, where, and how. */
const RUN: Readonly<Record<string, InputSpec>> = {
  images: { description: 'Image references to write, one per line or comma-separated (ghcr.io/acme/api:1.4.2, …@sha256:…). Images, charts or both.' },
  charts: {
    description:
      'Helm chart versions to write, one per line or comma-separated: oci://ghcr.io/acme/charts/api:1.4.2, https://charts.acme.io/api:1.4.2, or api:1.4.2 (any repository). Images, charts or both.',
  },
  'chart-app-version': { default: 'false', description: "A Chart.yaml beside or above a values file whose image moves gets its appVersion moved too (when it equals the old tag); the chart's own version is never touched." },
  paths: { default: DEFAULT_PATHS, description: "Globs of the files to edit, one per line or comma-separated, '!' to exclude, relative to the repository root; a folder selects the files under it." },
  repository: { default: '${{ github.repository }}', description: 'owner/name of the GitOps repository.' },
  branch: { description: "Branch to read and write; default: the repository's default branch." },
  token: { default: '${{ github.token }}', description: 'Token for the GitHub API (GITHUB_TOKEN, a GitHub App token or a PAT).' },
  mode: { default: 'commit', description: 'commit, pull-request, dry-run, or report (what runs where across environments; writes nothing).' },
  'local-path': { description: 'Edit a checkout on disk instead of going through the API.' },
  policy: { default: 'newer', description: 'newer (never move a version tag backwards), any, or a semver range such as ~1.4.' },
  environment: { description: 'Names the environment in messages, summaries and the PR branch; default: the last folder the paths name, else paths-<hash>. With environments and promote-from-environment: the target environment, whose line gives paths (and repository).' },
  'commit-message': { description: 'Commit message template: {summary}, {environment}, {changes}, {repository}, {branch}, {count}.' },
  'max-file-size': { default: '1MiB', description: 'Files larger than this are skipped with a note.' },
  'race-timeout': {
    default: '15m',
    description: 'How long a run keeps trying when other runs keep moving the branch (it reads, decides and writes again, waiting longer the busier the branch): seconds (90, 90s), minutes (10m) or both (1m30s).',
  },
  'fail-on-unmatched': { default: 'false', description: 'Fail (writing nothing) when a requested image matches no reference in the selected files.' },
  'fail-on-refused': { default: 'false', description: 'Fail (writing nothing) when any change is refused: by the policy, a hold marker or a promotion gate.' },
  'summary-diff': {
    default: 'auto',
    description: "The job summary's diff: full (with context lines), changes (changed lines only), none; auto: full for the workflow's own repository (or a local-path checkout unless repository names another), changes for another.",
  },
};

/** Pull-request mode. */
const PULL_REQUEST: Readonly<Record<string, InputSpec>> = {
  'pr-branch': { description: 'Pull-request head branch template ({environment}, {images}, {from}); default gitops-bump/<environment>/<images>.' },
  'pr-title': { description: 'Pull-request title template (placeholders as commit-message).' },
  'pr-body': { description: 'Pull-request body template (placeholders as commit-message); default: a table of the changes.' },
  'pr-labels': { description: 'Labels for the pull request, comma- or newline-separated.' },
  'pr-reviewers': { description: 'Reviewers (GitHub logins).' },
  'pr-team-reviewers': { description: 'Team reviewers (team slugs).' },
  'pr-assignees': { description: 'Assignees (GitHub logins).' },
  'pr-draft': { default: 'false', description: 'Open the pull request as a draft.' },
  'auto-merge': { description: 'Enable auto-merge with this method: merge, squash or rebase (where the repository allows it).' },
};

/** Every input, in the order --help lists them. */
export const INPUTS: Readonly<Record<string, InputSpec>> = {
  ...RUN,
  ...PULL_REQUEST,
  // Promotion: the versions come from another environment.
  'promote-from': { description: 'Globs of the source environment\'s files: every image version found there is written into paths.' },
  'promote-from-repository': { description: 'owner/name of the source repository (repository per environment); default: the target.' },
  'promote-from-branch': { description: 'Branch of the source; default: the target branch, or the source repository\'s default branch.' },
  'promote-from-token': { description: 'Token to read the source repository when it needs another credential; default: token.' },
  'promote-from-environment': {
    description: 'Names the source environment in the summary; default: the last folder promote-from names. With environments: the source environment, whose line gives promote-from (and its repository).',
  },
  // What runs where, and promotion by environment name.
  environments: {
    description:
      "The environments in promotion order, one per line: 'name: globs' (a folder per environment, globs comma-separated) or 'name: owner/repo[@branch][:globs]' (a repository per environment). Read by mode report; with promote-from-environment and environment, a promotion takes its globs and repositories from it.",
  },
  // Promotion gates: what the source environment must show before a version moves on.
  'promote-after': { description: 'Soak time (24h, 90m, 2d): a version is promoted only once it has been in the source files this long, from the commit that brought it there.' },
  'promote-require-status': {
    description:
      'Commit status / check run context globs, one per line (kustomization/apps-staging/*, argocd/api-staging): each must show success on the newest source-branch commit carrying it since the version arrived.',
  },
  // Provenance: where each version came from, recorded in trailers and read back by the next bump.
  'source-repository': {
    description: "owner/name of the repository the images are built from, recorded in each commit's Source-Commit trailer; default: the workflow's repository; none turns provenance off.",
  },
  'source-sha': { description: "The 40-hex commit the images were built from; default: GITHUB_SHA when source-repository is the workflow's repository." },
  'source-token': { description: 'Token to read the source repository when it needs another credential; default: token.' },
};
