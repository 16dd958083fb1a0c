// A pull-request branch that cannot be created because of another branch's name: git stores refs as paths, so
// `gitops-bump` and `gitops-bump/prod/api` cannot both exist. Asked only after a create failed, in one query.
import type { GitHubClient } from '../client.js';
import { type Target } from '../errors.js';
import { clashingBranches } from '../failures.js';

/** The existing branch that keeps `branch` from being created, if any (see `clashingBranches`). */
export async function clashingBranch(client: GitHubClient, target: Target, branch: string): Promise<string | undefined> {
  const { above, below } = clashingBranches(branch);
  const declarations = above.map((_, i) => `, $a${i}: String!`).join('');
  const fields = above.map((_, i) => `a${i}: ref(qualifiedName: $a${i}) { name }`).join(' ');
  const query =
    `query BranchClash($owner: String!, $name: String!, $below: String!${declarations}) { repository(owner: $owner, name: $name) { ` +
    `${fields} below: refs(refPrefix: $below, first: 1) { nodes { prefix name } } } }`;
  const variables: Record<string, string> = { owner: target.owner, name: target.repo, below: `refs/heads/${below}` };
  above.forEach((name, i) => (variables[`a${i}`] = `refs/heads/${name}`));
  type Answer = { repository: (Record<string, { name: string } | null> & { below?: { nodes: { prefix: string; name: string }[] } | null }) | null };
  const repository = (await client.graphql<Answer>(query, variables)).repository;
  if (repository === null) return undefined;
  const found = above.find((_, i) => repository[`a${i}`] != null);
  if (found !== undefined) return found;
  // `prefix` + `name` is the qualified name, however the server splits it.
  const child = repository.below?.nodes[0];
  return child === undefined ? undefined : `${child.prefix}${child.name}`.replace(/^refs\/heads\//, '');
}
