// Labels, reviewers, assignees and auto-merge as mutation fields: what an open PR lacks of them (decided in
// core/pull-decorations.ts from the head query's read of the PR) rides on the document the round sends anyway
// (update, refresh); a PR this run just opened gets all of them in one follow-up document. Missing labels are created
// by one REST call, reviewer and assignee ids come from one query, both only when needed. A PR just created may not
// resolve yet: those fields are sent again after a short backoff. Nothing here fails the run: what cannot be done is
// a warning, and the next run tries again what is still missing.
import { missingDecorations, needsIds as lacksIds, type Decorations } from '../../core/pull-decorations.js';
import type { OpenPull } from '../../core/pull-decision.js';
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

/**
 * Whether reviewer and assignee ids must be looked up (one query per run): for a PR being opened, when the spec names
 * any; for an open one, when it lacks some.
 */
export function needsIds(spec: PullRequestSpec, missing?: Decorations): boolean {
  if (missing !== undefined) return lacksIds(missing);
  return (spec.reviewers?.length ?? 0) + (spec.teamReviewers?.length ?? 0) + (spec.assignees?.length ?? 0) > 0;
}

/** Team slug in the repository owner's organization, or undefined for another organization's (`warn`: say so). */
function teamSlug(spec: PullRequestSpec, team: string, warn = false): string | undefined {
  const slash = team.indexOf('/');
  if (slash === -1) return team;
  const org = team.slice(0, slash);
  if (org.toLowerCase() === spec.target.owner.toLowerCase()) return team.slice(slash + 1);
  if (warn) spec.warn?.(`team reviewer '${team}' is not in ${spec.target.owner}'s organization: only its teams can review pull requests in ${slug(spec.target)}`);
  return undefined;
}

/** What the spec asks of a PR (auto-merge only where the repository allows it). */
function wanted(spec: PullRequestSpec, snapshot: RemoteSnapshot): Decorations {
  return {
    labels: spec.labels ?? [],
    reviewers: spec.reviewers ?? [],
    teams: (spec.teamReviewers ?? []).flatMap((t) => teamSlug(spec, t) ?? []),
    assignees: spec.assignees ?? [],
    autoMerge: spec.autoMerge !== undefined && snapshot.autoMergeAllowed,
  };
}

/** What `pull` lacks of what the spec asks (everything, for a PR this run is opening). */
export function missingOf(spec: PullRequestSpec, observation: Observation, pull: OpenPull | undefined): Decorations {
  return missingDecorations(pull, wanted(spec, observation.snapshot));
}

/** One query: node ids of reviewer and assignee logins and teams (unknown ones are warnings), and the viewer. */
export async function lookupReviewers(client: GitHubClient, spec: PullRequestSpec, snapshot: RemoteSnapshot): Promise<ReviewerIds> {
  const logins = [...new Set([...(spec.reviewers ?? []), ...(spec.assignees ?? [])])];
  const teams = [...new Set((spec.teamReviewers ?? []).map((t) => teamSlug(spec, t, true)).filter((t): t is string => t !== undefined))];
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

/**
 * The fields that add `missing` to the PR `pull`: labels that exist by id (the others are returned in `create`, for
 * `createLabels`), reviewers, teams and assignees by the ids `lookup` found, auto-merge.
 */
export async function decorationFields(
  spec: PullRequestSpec,
  observation: Observation,
  pull: { id: string },
  missing: Decorations,
  lookup: Promise<ReviewerIds> | undefined,
): Promise<{ fields: Field[]; create: string[] }> {
  const fields: Field[] = [];
  const ids = missing.labels.flatMap((name) => observation.labelIds.get(name) ?? []);
  if (ids.length > 0) fields.push(labelsField(pull.id, ids));
  const create = missing.labels.filter((name) => !observation.labelIds.has(name));
  const found = lacksIds(missing) && lookup !== undefined ? await lookup : undefined;
  if (found !== undefined) {
    const userIds = missing.reviewers.flatMap((login) => found.users.get(login) ?? []);
    const teamIds = missing.teams.flatMap((team) => found.teams.get(team) ?? []);
    if (userIds.length + teamIds.length > 0) {
      fields.push({
        alias: 'reviews',
        declaration: 'RequestReviewsInput!',
        selection: 'requestReviews(input: $reviews) { clientMutationId }',
        value: { pullRequestId: pull.id, userIds, teamIds, union: true },
      });
    }
    const assigneeIds = missing.assignees.flatMap((login) => found.users.get(login) ?? []);
    if (assigneeIds.length > 0) {
      fields.push({
        alias: 'assignees',
        declaration: 'AddAssigneesToAssignableInput!',
        selection: 'addAssigneesToAssignable(input: $assignees) { clientMutationId }',
        value: { assignableId: pull.id, assigneeIds },
      });
    }
  }
  if (missing.autoMerge && spec.autoMerge !== undefined) {
    fields.push({
      alias: 'autoMerge',
      declaration: 'EnablePullRequestAutoMergeInput!',
      selection: 'enablePullRequestAutoMerge(input: $autoMerge) { clientMutationId }',
      value: { pullRequestId: pull.id, mergeMethod: MERGE_METHODS[spec.autoMerge] },
    });
  }
  return { fields, create };
}

/** Labels, reviewers, assignees and auto-merge of a PR this run opened: one document (+ one REST call creating missing labels). */
export async function followUp(
  client: GitHubClient,
  spec: PullRequestSpec,
  observation: Observation,
  pull: { id: string; number: number },
  lookup: Promise<ReviewerIds> | undefined,
): Promise<void> {
  if (spec.autoMerge !== undefined && !observation.snapshot.autoMergeAllowed) {
    spec.warn?.(
      `auto-merge is not allowed in ${slug(spec.target)}: pull request #${pull.number} was opened without it ` +
        `(enable Settings → General → Pull Requests → "Allow auto-merge")`,
    );
  }
  const { fields, create } = await decorationFields(spec, observation, pull, missingOf(spec, observation, undefined), lookup);
  await Promise.all([
    fields.length > 0 ? sendFollowUp(client, spec, 'DecoratePullRequest', fields, pull) : Promise.resolve(),
    createLabels(client, spec, pull.number, create),
  ]);
}

/** REST `issues/add-labels` (nothing when `labels` is empty): adds labels that do not exist yet, creating them. */
export async function createLabels(client: GitHubClient, spec: PullRequestSpec, number: number, labels: readonly string[]): Promise<void> {
  if (labels.length === 0) return;
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
