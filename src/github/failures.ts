// The errors a person can act on, built from what GitHub answered: each names the repository, the branch or the
// input, and the remedy. The shapes and matchers they are built from are in errors.ts.
import { GitHubError, GraphqlResponseError, slug, isRace, isProtection, isBranchMissing, statusOf, messageOf, say, type GraphqlErrorEntry, type Target } from './errors.js';

// ---------------------------------------------------------------------------------------------------------
// Reads.

/**
 * The remedy for a token that cannot reach or write `repository`, depending on who runs the workflow:
 * `workflowRepository` is GITHUB_REPOSITORY as the entry point read it (undefined outside a runner).
 */
export function accessAdvice(repository: string, workflowRepository: string | undefined): string {
  const app =
    `use a GitHub App token (actions/create-github-app-token) or a fine-grained PAT with \`contents: write\` ` +
    `on ${repository}, passed as the \`token\` input`;
  if (workflowRepository !== undefined && workflowRepository.toLowerCase() === repository.toLowerCase()) {
    return `give the job \`permissions: contents: write\`, or ${app}`;
  }
  return `GITHUB_TOKEN can only write to the repository running the workflow: ${app}`;
}

/** The message for a 401. */
export function unauthorized(status = 401, cause?: unknown): GitHubError {
  return new GitHubError('unauthorized', `the token was rejected (${status}): check the \`token\` input (expired or revoked?)`, {
    status,
    cause,
  });
}

/** The token cannot read or write `target`. */
export function forbidden(target: Target, action: 'read' | 'write', detail: string, workflowRepository: string | undefined, cause?: unknown): GitHubError {
  return new GitHubError(
    'forbidden',
    `the token may not ${action} ${slug(target)} (403 ${oneLine(detail)}): ${accessAdvice(slug(target), workflowRepository)}`,
    { status: 403, cause },
  );
}

export function repositoryNotFound(target: Target, workflowRepository: string | undefined, cause?: unknown): GitHubError {
  return new GitHubError(
    'repository-not-found',
    `repository ${slug(target)} was not found, or the token cannot see it: check the \`repository\` input; ` +
      accessAdvice(slug(target), workflowRepository),
    { status: 404, cause },
  );
}

/** The branch does not exist. */
export function branchNotFound(target: Target, branch: string, cause?: unknown): GitHubError {
  return new GitHubError(
    'branch-not-found',
    `branch '${branch.replace(/^refs\/heads\//, '')}' not found in ${slug(target)}: check the \`branch\` input (commit mode does not create branches)`,
    { cause },
  );
}

/** The default branch was asked for and there is none. */
export function noDefaultBranch(target: Target): GitHubError {
  return new GitHubError('branch-not-found', `${slug(target)} has no default branch (an empty repository?): push a first commit, or set the \`branch\` input`);
}

/** The branch points to a tag or a tree, not a commit. */
export function notACommit(target: Target, branch: string, typename: string): GitHubError {
  return new GitHubError('api', `branch '${branch}' of ${slug(target)} does not point to a commit (${typename})`);
}

/** GitHub truncated a recursive tree listing that cannot be split further. */
export function treeTooLarge(target: Target, path: string): GitHubError {
  return new GitHubError(
    'api',
    `the tree of ${slug(target)} under '${path || '/'}' is too large to list in one request: narrow the \`paths\` input to a folder`,
  );
}

/** Maps a failed read to a `GitHubError` a person can act on. */
export function toReadError(error: unknown, target: Target, workflowRepository: string | undefined): unknown {
  if (error instanceof GitHubError) return error;
  if (error instanceof GraphqlResponseError) {
    if (error.type === 'NOT_FOUND') return repositoryNotFound(target, workflowRepository, error);
    if (error.type === 'FORBIDDEN') return forbidden(target, 'read', error.errors[0]?.message ?? 'forbidden', workflowRepository, error);
    return new GitHubError('api', `reading ${slug(target)} failed: ${error.message}`, { type: error.type, cause: error });
  }
  const status = statusOf(error);
  if (status === 404) return repositoryNotFound(target, workflowRepository, error);
  if (status === 403) return forbidden(target, 'read', messageOf(error), workflowRepository, error);
  return error;
}

// ---------------------------------------------------------------------------------------------------------
// Writes.

/** Maps a failed `createCommitOnBranch` to a `GitHubError` a person can act on. */
export function toWriteError(error: unknown, target: Target, branch: string, workflowRepository: string | undefined): unknown {
  if (error instanceof GitHubError) return error;
  if (error instanceof GraphqlResponseError) {
    const detail = error.errors[0]?.message ?? error.message;
    if (isProtection(detail, error.type)) return protectedBranch(target, branch, detail, error);
    if (error.type === 'FORBIDDEN') return forbidden(target, 'write', detail, workflowRepository, error);
    if (isBranchMissing({ type: error.type, message: detail })) return branchNotFound(target, branch, error);
    if (error.type === 'NOT_FOUND') return toReadError(error, target, workflowRepository);
    return new GitHubError('api', `committing to '${branch}' of ${slug(target)} failed: ${error.message}`, { type: error.type, cause: error });
  }
  const status = statusOf(error);
  if (status === 403 || status === 422) {
    const detail = error instanceof Error ? error.message : String(error);
    if (isProtection(detail)) return protectedBranch(target, branch, detail, error);
    if (status === 403) return forbidden(target, 'write', detail, workflowRepository, error);
  }
  return toReadError(error, target, workflowRepository);
}

function protectedBranch(target: Target, branch: string, detail: string, cause: unknown): GitHubError {
  return new GitHubError(
    'protected-branch',
    `branch '${branch}' of ${slug(target)} is protected and refused the commit (${oneLine(detail)}): use \`mode: pull-request\`, ` +
      `or allow the token's actor to bypass the protection`,
    { cause },
  );
}

/** `createCommitOnBranch` answered without errors and without a commit. */
export function noCommit(): GitHubError {
  return new GitHubError('api', 'createCommitOnBranch answered without a commit');
}

/** The branch moved under every commit attempt the time budget (`race-timeout`) allowed. */
export function commitRaceExhausted(target: Target, branch: string, attempts: number, elapsedMs: number, cause: unknown): GitHubError {
  return new GitHubError(
    'race-exhausted',
    `branch '${branch}' of ${slug(target)} kept moving: ${attempts} commit attempt(s) in ${Math.ceil(elapsedMs / 1000)} s, ` +
      `the time budget (\`race-timeout\`), all lost the race to other writers: nothing was committed; re-run the job, ` +
      `raise \`race-timeout\`, or let one job write at a time (a workflow \`concurrency:\` group)`,
    { type: 'STALE_DATA', cause },
  );
}

/** The pull-request branch (or the PR) kept changing under every round the race budget allowed. */
export function pullRaceExhausted(target: Target, branch: string, attempts: number, elapsedMs: number, last: string): GitHubError {
  return new GitHubError(
    'race-exhausted',
    `the pull-request branch '${branch}' of ${slug(target)} kept moving under ${attempts} attempt(s) in ` +
      `${Math.ceil(elapsedMs / 1000)} s, the time budget (\`race-timeout\`) (last: ${last}): re-run the job, or raise \`race-timeout\``,
    { type: 'STALE_DATA' },
  );
}

/**
 * The error a person can act on for a field of a pull-request document (`ref` moves the branch, `commit`
 * commits on it, `pull` opens the PR) that failed for a reason other than a lost race; undefined when every
 * error is a race (read again and decide again).
 */
export function pullWriteError(
  target: Target,
  branch: string,
  alias: 'ref' | 'commit' | 'pull',
  errors: readonly GraphqlErrorEntry[],
  workflowRepository: string | undefined,
): unknown {
  const real = errors.filter((e) => !isRace(e));
  if (real.length === 0) return undefined;
  const cause = new GraphqlResponseError(real, null);
  const error = toWriteError(cause, target, branch, workflowRepository);
  if (!(error instanceof GitHubError)) return error;
  if (error.code === 'protected-branch') {
    return new GitHubError(
      'protected-branch',
      `the pull-request branch '${branch}' of ${slug(target)} is protected (${say(real)}): exclude it from the ` +
        `branch protection or ruleset that matches it, or choose another name with \`pr-branch\``,
      { cause },
    );
  }
  if (error.code === 'forbidden') {
    return new GitHubError(
      'forbidden',
      `the token may not ${alias === 'pull' ? 'open pull requests' : 'push branches'} in ${slug(target)} (${say(real)}): ` +
        `give the job \`permissions: contents: write\` and \`pull-requests: write\`, or pass a GitHub App token ` +
        `(actions/create-github-app-token) or a fine-grained PAT with both as the \`token\` input`,
      { status: 403, type: real[0]?.type, cause },
    );
  }
  if (alias === 'commit' || error.code !== 'api') return error;
  const what = alias === 'ref' ? `moving the branch '${branch}'` : `opening the pull request from '${branch}'`;
  return new GitHubError('api', `${what} in ${slug(target)} failed: ${say(real)}`, { type: real[0]?.type, cause });
}

/**
 * The branches that would keep `branch` from being created: git stores refs as paths, so a branch cannot also be a
 * folder of other branch names. For `gitops-bump/prod/api`: `gitops-bump` and `gitops-bump/prod` (a branch named
 * like one of its folders), and any branch under `gitops-bump/prod/api/`.
 */
export function clashingBranches(branch: string): { readonly above: readonly string[]; readonly below: string } {
  const parts = branch.split('/');
  return { above: parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/')), below: `${branch}/` };
}

/**
 * `branch` cannot be created because `existing` is in the way (see `clashingBranches`). GitHub answers such a create
 * with REST 422 "Reference update failed" or GraphQL UNPROCESSABLE "Ref cannot be created"
 * (microsoft/vscode-remote-repositories-github#122); the message names both branches and the way out.
 */
export function branchClash(target: Target, branch: string, existing: string): GitHubError {
  return new GitHubError(
    'api',
    `the pull-request branch '${branch}' cannot be created in ${slug(target)} because the branch '${existing}' exists: ` +
      `git cannot hold two branches when one's name is a folder of the other's ('${existing}', '${branch}'): ` +
      `delete or rename '${existing}' if nothing needs it, or choose another name with \`pr-branch\``,
  );
}

/** GitHub Actions may not open pull requests in the repository (`isActionsForbidden`). */
export function actionsForbidden(target: Target, branch: string, errors: readonly GraphqlErrorEntry[], committed: boolean): GitHubError {
  return new GitHubError(
    'forbidden',
    `GitHub refused to open the pull request in ${slug(target)} (${say(errors)}): allow it in the repository's ` +
      `Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" ` +
      `(in an organization, its own Actions settings must allow it too), or pass a GitHub App token ` +
      `(actions/create-github-app-token) or a PAT as the \`token\` input` +
      (committed ? `; the branch '${branch}' already holds the commit and is reused by the next run` : ''),
    { status: 403, type: 'FORBIDDEN' },
  );
}

/** `closePullRequest` failed. */
export function closeFailed(target: Target, number: number, errors: readonly GraphqlErrorEntry[]): GitHubError {
  return new GitHubError('api', `closing pull request #${number} of ${slug(target)} failed: ${say(errors)}`, {
    type: errors[0]?.type,
    cause: new GraphqlResponseError(errors, null),
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
