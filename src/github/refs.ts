// Branch refs for the pull-request mode: create, and move by compare-and-swap (GraphQL createRef / updateRefs).
import type { GitHubClient } from './client.js';
import { GraphqlResponseError } from './errors.js';

const CREATE_REF = 'mutation CreateRef($input: CreateRefInput!) { createRef(input: $input) { ref { name } } }';
const UPDATE_REFS = 'mutation UpdateRefs($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }';

/** `main` or `refs/heads/main` → `refs/heads/main`. */
export function qualifiedBranch(branch: string): string {
  return branch.startsWith('refs/heads/') ? branch : `refs/heads/${branch}`;
}

/**
 * Creates branch `branch` at commit `oid`. Resolves 'exists' when the branch is already there (GitHub's
 * "Reference already exists"), so a re-run is idempotent; other errors are thrown as GitHub answered them.
 */
export async function createBranch(
  client: GitHubClient,
  repositoryId: string,
  branch: string,
  oid: string,
): Promise<'created' | 'exists'> {
  try {
    await client.graphql(CREATE_REF, { input: { repositoryId, name: qualifiedBranch(branch), oid } });
    return 'created';
  } catch (error) {
    if (error instanceof GraphqlResponseError && error.errors.some((e) => /already exists/i.test(e.message))) return 'exists';
    throw error;
  }
}

/** A compare-and-swap of one branch: from `beforeOid` to `afterOid`. */
export interface RefUpdate {
  readonly branch: string;
  /** The commit the branch must point at now; the update is refused (STALE_DATA) otherwise. */
  readonly beforeOid: string;
  readonly afterOid: string;
  /**
   * Allow a move that is not a fast-forward (resetting a bot-owned pull-request branch onto a new base).
   * Still a compare-and-swap against `beforeOid`, so nobody's newer commit is ever lost.
   */
  readonly force?: boolean;
}

/**
 * Moves branches atomically, each only if it still points at its `beforeOid`. Resolves 'updated', or
 * 'stale' when a branch had moved (nothing was changed: read again and decide again). A non-fast-forward
 * without `force`, or a protected branch, is thrown as GitHub answered it (GraphqlResponseError).
 */
export async function updateBranches(
  client: GitHubClient,
  repositoryId: string,
  updates: readonly RefUpdate[],
): Promise<'updated' | 'stale'> {
  const refUpdates = updates.map((u) => ({
    name: qualifiedBranch(u.branch),
    beforeOid: u.beforeOid,
    afterOid: u.afterOid,
    force: u.force === true,
  }));
  try {
    await client.graphql(UPDATE_REFS, { input: { repositoryId, refUpdates } });
    return 'updated';
  } catch (error) {
    if (error instanceof GraphqlResponseError && error.type === 'STALE_DATA') return 'stale';
    throw error;
  }
}
