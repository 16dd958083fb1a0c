// What follows a new pull request: labels, reviewers, assignees and auto-merge, in one document (and one REST
// call creating missing labels). A PR just created may not resolve yet: those fields are sent again after a
// short backoff. Nothing here fails the run: a follow-up that cannot be done is a warning.
import { backoffMs, type GitHubClient } from '../client.js';
import { isNothingPending, isUnresolvable, say, slug, type GraphqlErrorEntry } from '../errors.js';
import { failure, mutate, send, type Answer, type Field } from '../mutation.js';
import { raceBudget } from '../race.js';
import type { RemoteSnapshot } from '../read.js';
import type { Observation, PullRequestSpec } from './spec.js';

const MERGE_METHODS = { merge: 'MERGE', squash: 'SQUASH', rebase: 'REBASE' } as const;

/** `addLabelsToLabelable` (alias `labels`) of label ids to the PR (or issue) `id`. */
export function labelsField(id: string, labelIds: readonly string[]): Field {
  return {
    alias: 'labels',
    declaration: 'AddLabelsToLabelableInput!',
    selection: 'addLabelsToLabelable(input: $labels) { clientMutationId }',
    value: { labelableId: id, labelIds },
  };
}

/** Node ids of the reviewer and assignee logins, and of the teams, that GitHub knows. */
export interface ReviewerIds {
  readonly users: ReadonlyMap<string, string>;
  readonly teams: ReadonlyMap<string, string>;
}

/** Whether the spec names reviewers, teams or assignees (their ids are looked up once, beside the create). */
export function needsIds(spec: PullRequestSpec): boolean {
  return (spec.reviewers?.length ?? 0) + (spec.teamReviewers?.length ?? 0) + (spec.assignees?.length ?? 0) > 0;
}

/** Team slug in the repository owner's organization, or undefined (with a warning) for another organization's. */
function teamSlug(spec: PullRequestSpec, team: string): string | undefined {
  const slash = team.indexOf('/');
  if (slash === -1) return team;
  const org = team.slice(0, slash);
  if (org.toLowerCase() === spec.target.owner.toLowerCase()) return team.slice(slash + 1);
  spec.warn?.(`team reviewer '${team}' is not in ${spec.target.owner}'s organization: only its teams can review pull requests in ${slug(spec.target)}`);
  return undefined;
}

/** One query: node ids of reviewer and assignee logins and teams (unknown ones are warnings), and the viewer. */
export async function lookupReviewers(client: GitHubClient, spec: PullRequestSpec, snapshot: RemoteSnapshot): Promise<ReviewerIds> {
  const logins = [...new Set([...(spec.reviewers ?? []), ...(spec.assignees ?? [])])];
  const teams = [...new Set((spec.teamReviewers ?? []).map((t) => teamSlug(spec, t)).filter((t): t is string => t !== undefined))];
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const selections = ['viewer { login }'];
  logins.forEach((login, i) => {
    variables[`u${i}`] = login;
    declarations.push(`$u${i}: String!`);
    selections.push(`u${i}: user(login: $u${i}) { id login }`);
  });
  if (teams.length > 0) {
    variables['org'] = snapshot.nameWithOwner.split('/')[0] ?? spec.target.owner;
    declarations.push('$org: String!');
    const slugs = teams.map((t, i) => {
      variables[`t${i}`] = t;
      declarations.push(`$t${i}: String!`);
      return `t${i}: team(slug: $t${i}) { id }`;
    });
    selections.push(`org: organization(login: $org) { ${slugs.join(' ')} }`);
  }
  const query = `query LookupReviewers${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} { ${selections.join(' ')} }`;
  let answer: Answer;
  try {
    answer = await send(client, query, variables, []);
  } catch (error) {
    spec.warn?.(`could not look up reviewers and assignees (${error instanceof Error ? error.message : String(error)}): none were requested`);
    return { users: new Map(), teams: new Map() };
  }
  const users = new Map<string, string>();
  logins.forEach((login, i) => {
    const user = answer.data[`u${i}`] as { id: string } | null | undefined;
    if (user) users.set(login, user.id);
    else spec.warn?.(`no GitHub user '${login}' (pr-reviewers / assignees): skipped`);
  });
  const viewer = (answer.data['viewer'] as { login?: string } | null | undefined)?.login;
  if (viewer !== undefined && (spec.reviewers ?? []).some((r) => r.toLowerCase() === viewer.toLowerCase())) {
    spec.warn?.(`'${viewer}' opens the pull request and cannot review it: not requested`);
    const own = [...users.keys()].find((login) => login.toLowerCase() === viewer.toLowerCase());
    if (own !== undefined && !(spec.assignees ?? []).includes(own)) users.delete(own);
  }
  const org = answer.data['org'] as Record<string, { id: string } | null> | null | undefined;
  const teamIds = new Map<string, string>();
  teams.forEach((team, i) => {
    const found = org?.[`t${i}`];
    if (found) teamIds.set(team, found.id);
    else spec.warn?.(`no team '${team}' in ${spec.target.owner} visible to the token (team reviewers need \`members: read\` on an App token): skipped`);
  });
  return { users, teams: teamIds };
}

/** Labels, reviewers, assignees and auto-merge of a new PR: one document (+ one REST call creating missing labels). */
export async function followUp(
  client: GitHubClient,
  spec: PullRequestSpec,
  observation: Observation,
  pull: { id: string; number: number },
  lookup: Promise<ReviewerIds> | undefined,
): Promise<void> {
  const labels = spec.labels ?? [];
  const missing = labels.filter((name) => !observation.labelIds.has(name));
  const fields: Field[] = [];
  const ids = [...observation.labelIds.values()];
  if (ids.length > 0) fields.push(labelsField(pull.id, ids));
  const found = lookup === undefined ? undefined : await lookup;
  if (found !== undefined) {
    const userIds = (spec.reviewers ?? []).flatMap((login) => found.users.get(login) ?? []);
    const teamIds = (spec.teamReviewers ?? []).flatMap((team) => {
      const s = team.includes('/') ? team.slice(team.indexOf('/') + 1) : team;
      return found.teams.get(s) ?? [];
    });
    if (userIds.length + teamIds.length > 0) {
      fields.push({
        alias: 'reviews',
        declaration: 'RequestReviewsInput!',
        selection: 'requestReviews(input: $reviews) { clientMutationId }',
        value: { pullRequestId: pull.id, userIds, teamIds, union: true },
      });
    }
    const assigneeIds = (spec.assignees ?? []).flatMap((login) => found.users.get(login) ?? []);
    if (assigneeIds.length > 0) {
      fields.push({
        alias: 'assignees',
        declaration: 'AddAssigneesToAssignableInput!',
        selection: 'addAssigneesToAssignable(input: $assignees) { clientMutationId }',
        value: { assignableId: pull.id, assigneeIds },
      });
    }
  }
  if (spec.autoMerge !== undefined) {
    if (observation.snapshot.autoMergeAllowed) {
      fields.push({
        alias: 'autoMerge',
        declaration: 'EnablePullRequestAutoMergeInput!',
        selection: 'enablePullRequestAutoMerge(input: $autoMerge) { clientMutationId }',
        value: { pullRequestId: pull.id, mergeMethod: MERGE_METHODS[spec.autoMerge] },
      });
    } else {
      spec.warn?.(
        `auto-merge is not allowed in ${slug(spec.target)}: pull request #${pull.number} was opened without it ` +
          `(enable Settings → General → Pull Requests → "Allow auto-merge")`,
      );
    }
  }
  await Promise.all([
    fields.length > 0 ? sendFollowUp(client, spec, 'DecoratePullRequest', fields, pull) : Promise.resolve(),
    missing.length > 0 ? addLabelsByName(client, spec, pull.number, missing) : Promise.resolve(),
  ]);
}

/** REST `issues/add-labels`: creates labels that do not exist yet. */
async function addLabelsByName(client: GitHubClient, spec: PullRequestSpec, number: number, labels: readonly string[]): Promise<void> {
  try {
    await client.rest.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
      owner: spec.target.owner,
      repo: spec.target.repo,
      issue_number: number,
      labels: [...labels],
    });
  } catch (error) {
    spec.warn?.(`could not add labels ${labels.map((l) => `'${l}'`).join(', ')} to #${number}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Sends follow-up fields; those GitHub cannot resolve yet ("Could not resolve to a node": a PR just created
 * is still replicating) are sent again after a short backoff; every other failure is a warning.
 */
export async function sendFollowUp(
  client: GitHubClient,
  spec: PullRequestSpec,
  name: string,
  fields: readonly Field[],
  pull: { number: number },
  firstTry = 1,
): Promise<void> {
  const attempts = spec.followUpAttempts ?? 5;
  const { baseMs, maxMs } = raceBudget(spec);
  let pending = [...fields];
  for (let attempt = firstTry; pending.length > 0; attempt += 1) {
    if (attempt > 1) await client.sleep(backoffMs(attempt - 1, baseMs, maxMs, client.random));
    let answer: Answer;
    try {
      answer = await mutate(client, name, pending);
    } catch (error) {
      for (const f of pending) spec.warn?.(followUpWarning(spec, f.alias, pull.number, [{ message: error instanceof Error ? error.message : String(error) }]));
      return;
    }
    const failed = pending.filter((f) => failure(answer, f.alias).length > 0);
    const again = failed.filter((f) => failure(answer, f.alias).every(isUnresolvable));
    for (const f of failed) {
      if (!again.includes(f) || attempt >= attempts) spec.warn?.(followUpWarning(spec, f.alias, pull.number, failure(answer, f.alias)));
    }
    if (again.length > 0 && attempt < attempts) spec.log?.(`#${pull.number} not resolvable yet (${again.map((f) => f.alias).join(', ')}): retrying`);
    pending = attempt < attempts ? again : [];
  }
}

const FOLLOW_UP_NAMES: Readonly<Record<string, string>> = {
  labels: 'add labels to',
  reviews: 'request reviewers on',
  assignees: 'assign',
  autoMerge: 'enable auto-merge on',
  meta: 'update the title and body of',
};

export function followUpWarning(spec: PullRequestSpec, alias: string, number: number, errors: readonly GraphqlErrorEntry[]): string {
  const hint =
    alias === 'autoMerge' && isNothingPending(errors)
      ? ' (GitHub enables auto-merge only while something is still pending: required checks or reviews in branch protection or a ruleset)'
      : '';
  return `could not ${FOLLOW_UP_NAMES[alias] ?? alias} pull request #${number} of ${slug(spec.target)}: ${say(errors)}${hint}`;
}
