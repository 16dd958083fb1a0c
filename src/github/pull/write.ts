// The writes of the pull-request mode, one mutation document each: create (the branch, its commit, the PR),
// update (move the branch if rebuilt, commit, refresh the title and body, add what the PR lacks of its labels,
// reviewers, assignees and auto-merge), refresh (the same for a PR whose content is right), close (the PR, and its
// branch by compare-and-swap).
import { ZERO_OID, type OpenPull, type PullDecision } from '../../core/pull-decision.js';
import type { Plan } from '../../core/types.js';
import type { GitHubClient } from '../client.js';
import { isActionsForbidden, isRace, isUnresolvable, say, type GraphqlErrorEntry } from '../errors.js';
import { actionsForbidden, branchClash, closeFailed, pullWriteError } from '../failures.js';
import { ATTEMPT_TRAILER, commitField, committed, errorsOf, failure, mutate, refMove, withTrailers, type Answer, type Field } from '../mutation.js';
import type { Round } from '../race.js';
import { clashingBranch } from './clash.js';
import { createLabels, decorationFields, followUpWarning, missingOf, sendFollowUp, type ReviewerIds } from './follow-up.js';
import type { Observation, PullRequestSpec } from './spec.js';

/** What this run's writes left behind, across rounds: the PR it opened, the last commit it made. */
export interface Progress {
  created?: { id: string; number: number; url: string };
  commit?: { oid: string; url: string };
  /** The attempt tags of the documents sent that open the PR (a lost answer to one may hide a PR this run opened). */
  openers?: string[];
}

/** What the writes of one round work with. */
export interface Writer {
  readonly client: GitHubClient;
  readonly spec: PullRequestSpec;
  /** The round's read (with the fork point's files when the decision asked for them). */
  readonly observation: Observation;
  readonly progress: Progress;
  readonly round: Round;
  /** The reviewer and assignee ids, when this run looks them up. */
  readonly lookup: Promise<ReviewerIds> | undefined;
}

type WriteDecision = Extract<PullDecision, { kind: 'write' }>;

/**
 * One document: the branch to the base head (compare-and-swap: it must not exist, or still be the leftover
 * we read), one commit, the PR. Resolves undefined when done, else the race that was lost (read again).
 */
export async function create({ client, spec, observation, progress, round }: Writer, decision: WriteDecision): Promise<string | undefined> {
  const { snapshot } = observation;
  const message = withTrailers(spec.message(decision.write), [ATTEMPT_TRAILER, round.tag]);
  const fields: Field[] = [
    refMove(snapshot.repositoryId, spec.branch, decision.moveFrom ?? ZERO_OID, decision.parent),
    commitField(commitTarget(spec, observation, decision), decision.write.edits, message),
    {
      alias: 'pull',
      declaration: 'CreatePullRequestInput!',
      selection: 'createPullRequest(input: $pull) { pullRequest { id number url } }',
      value: {
        repositoryId: snapshot.repositoryId,
        baseRefName: snapshot.branch,
        headRefName: spec.branch,
        title: titleOf(spec, decision.describe),
        body: bodyOf(spec, decision.describe),
        draft: spec.draft === true,
      },
    },
  ];
  progress.openers = [...(progress.openers ?? []), round.tag];
  const answer = await round.write(decision.parent, () => mutate(client, 'OpenPullRequest', fields));
  const pull = (answer.data['pull'] as { pullRequest?: { id: string; number: number; url: string } | null } | null)?.pullRequest;
  const commit = committed(answer);
  if (pull) progress.created = pull;
  if (commit) progress.commit = commit;
  const refErrors = errorsOf(answer, 'ref');
  const commitErrors = errorsOf(answer, 'commit');
  const pullErrors = errorsOf(answer, 'pull');
  await clash(client, spec, decision, refErrors);
  fatal(client, spec, 'ref', refErrors);
  // With the ref move lost, the commit fails for want of the branch or of its head: that is the same race.
  if (!(refErrors.some(isRace) && commitErrors.length > 0)) fatal(client, spec, 'commit', commitErrors);
  if (pullErrors.some(isActionsForbidden)) throw actionsForbidden(spec.target, spec.branch, pullErrors, commit !== undefined);
  fatal(client, spec, 'pull', pullErrors);
  if (answer.errors.length === 0) {
    spec.log?.(`opened #${pull?.number ?? '?'} from '${spec.branch}' (commit ${commit?.oid ?? '?'} on ${decision.parent})`);
    return undefined;
  }
  // "No commits between" after a lost commit race, "already exists": somebody else got there first.
  return say(answer.errors);
}

/**
 * One document for an open PR: [move the branch to the base head] + one commit + [title/body/base refresh] + [what
 * it lacks of labels, reviewers, assignees, auto-merge]. Resolves undefined when done, else the race that was lost.
 */
export async function update(writer: Writer, decision: WriteDecision, pull: OpenPull): Promise<string | undefined> {
  const { client, spec, observation, progress, round } = writer;
  const { snapshot } = observation;
  const fields: Field[] = [];
  if (decision.moveFrom !== undefined) fields.push(refMove(snapshot.repositoryId, spec.branch, decision.moveFrom, decision.parent));
  const message = withTrailers(spec.message(decision.write), [ATTEMPT_TRAILER, round.tag]);
  fields.push(commitField(commitTarget(spec, observation, decision), decision.write.edits, message));
  const extra = await pullFields(writer, pull, decision.describe);
  fields.push(...extra.fields);
  const [answer] = await Promise.all([
    round.write(decision.parent, () => mutate(client, 'UpdatePullRequest', fields)),
    createLabels(client, spec, pull.number, extra.create),
  ]);
  const commit = committed(answer);
  if (commit) progress.commit = commit;
  const refErrors = errorsOf(answer, 'ref');
  const commitErrors = errorsOf(answer, 'commit');
  if (decision.moveFrom !== undefined && refErrors.length === 0 && commitErrors.length > 0) await restore(writer, decision.parent, decision.moveFrom);
  await clash(client, spec, decision, refErrors);
  fatal(client, spec, 'ref', refErrors);
  if (!(refErrors.some(isRace) && commitErrors.length > 0)) fatal(client, spec, 'commit', commitErrors);
  if (refErrors.length > 0 || commitErrors.length > 0) return say([...refErrors, ...commitErrors]);
  spec.log?.(`committed ${commit?.oid ?? '?'} on '${spec.branch}' (parent ${decision.parent}) for #${pull.number}`);
  await retryMetadata(client, spec, answer, extra.fields, pull);
  return undefined;
}

/**
 * A rebuild whose branch move landed but whose commit did not left the branch at the base head, without what it
 * proposed: put the branch back where it was (compare-and-swap), so that the next round reads it and loses nothing.
 */
async function restore({ client, spec, observation }: Writer, from: string, to: string): Promise<void> {
  if (to === ZERO_OID) return;
  try {
    const answer = await mutate(client, 'RestorePullRequestBranch', [refMove(observation.snapshot.repositoryId, spec.branch, from, to)]);
    if (answer.errors.length > 0) spec.log?.(`could not put '${spec.branch}' back at ${to}: ${say(answer.errors)}`);
  } catch (error) {
    spec.log?.(`could not put '${spec.branch}' back at ${to}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Refreshes the title/body of a PR whose content is already right, and adds what it lacks (labels, reviewers, assignees, auto-merge). */
export async function refresh(writer: Writer, pull: OpenPull, describe: Plan | undefined): Promise<void> {
  const { client, spec } = writer;
  const { fields, create } = await pullFields(writer, pull, describe);
  await Promise.all([fields.length > 0 ? sendFollowUp(client, spec, 'RefreshPullRequest', fields, pull) : Promise.resolve(), createLabels(client, spec, pull.number, create)]);
}

/** Closes the PR and deletes its branch (compare-and-swap on the head read: a branch that moved is kept). */
export async function close({ client, spec, observation }: Writer, pull: OpenPull): Promise<void> {
  const { snapshot, branch } = observation;
  const fields: Field[] = [
    { alias: 'close', declaration: 'ClosePullRequestInput!', selection: 'closePullRequest(input: $close) { pullRequest { number } }', value: { pullRequestId: pull.id } },
  ];
  if (branch !== undefined) fields.push(refMove(snapshot.repositoryId, spec.branch, branch.head, ZERO_OID));
  const answer = await mutate(client, 'ClosePullRequest', fields);
  const closeErrors = errorsOf(answer, 'close');
  if (closeErrors.length > 0) throw closeFailed(spec.target, pull.number, closeErrors);
  const refErrors = errorsOf(answer, 'ref');
  if (refErrors.length > 0) {
    spec.warn?.(`closed pull request #${pull.number}, but kept its branch '${spec.branch}' (${say(refErrors)}): delete it by hand if it is not needed`);
  }
  spec.log?.(`closed #${pull.number}: ${snapshot.branch} already holds everything it proposed`);
}

function commitTarget(spec: PullRequestSpec, observation: Observation, decision: WriteDecision) {
  return { repositoryNameWithOwner: observation.snapshot.nameWithOwner, branch: spec.branch, expectedHead: decision.parent };
}

/**
 * A branch this document was to create (from the zero oid) that could not be: when another branch's name is in the
 * way (`gitops-bump` beside `gitops-bump/prod/api`), throws the error naming both. GitHub's answer to such a create
 * does not say so ("Reference update failed", "Ref cannot be created"; an emulator may even call it a moved ref), so
 * one query asks, only on this failure path.
 */
async function clash(client: GitHubClient, spec: PullRequestSpec, decision: WriteDecision, refErrors: readonly GraphqlErrorEntry[]): Promise<void> {
  if (decision.moveFrom !== ZERO_OID || refErrors.length === 0) return;
  const existing = await clashingBranch(client, spec.target, spec.branch);
  if (existing !== undefined) throw branchClash(spec.target, spec.branch, existing);
}

/** Throws the error a person can act on for a field that failed for a reason other than a race. */
function fatal(client: GitHubClient, spec: PullRequestSpec, alias: 'ref' | 'commit' | 'pull', errors: readonly GraphqlErrorEntry[]): void {
  const error = pullWriteError(spec.target, spec.branch, alias, errors, client.workflowRepository);
  if (error !== undefined) throw error;
}

/** Re-sends the PR fields of a document (all but the ref and commit) that GitHub could not resolve yet; other failures warn. */
async function retryMetadata(client: GitHubClient, spec: PullRequestSpec, answer: Answer, fields: readonly Field[], pull: OpenPull): Promise<void> {
  const failed = fields.filter((f) => failure(answer, f.alias).length > 0);
  const again = failed.filter((f) => failure(answer, f.alias).every(isUnresolvable));
  for (const f of failed) if (!again.includes(f)) spec.warn?.(followUpWarning(spec, f.alias, pull.number, failure(answer, f.alias)));
  if (again.length > 0) await sendFollowUp(client, spec, 'RefreshPullRequest', again, pull, 2);
}

/**
 * The fields for an open PR besides its commit: updatePullRequest when the title, body (from `describe`; kept when
 * undefined) or base differ, and what it lacks of labels, reviewers, assignees and auto-merge; `create`: labels to
 * create by name.
 */
async function pullFields({ spec, observation, lookup }: Writer, pull: OpenPull, describe: Plan | undefined): Promise<{ fields: Field[]; create: string[] }> {
  const fields: Field[] = [];
  const base = observation.snapshot.branch;
  const changes: Record<string, string> = {};
  if (describe !== undefined) {
    const title = titleOf(spec, describe);
    const body = bodyOf(spec, describe);
    if (title !== pull.title) changes['title'] = title;
    if (normalise(body) !== normalise(pull.body)) changes['body'] = body;
  }
  if (base !== pull.baseRefName) changes['baseRefName'] = base;
  if (Object.keys(changes).length > 0) {
    fields.push({
      alias: 'meta',
      declaration: 'UpdatePullRequestInput!',
      selection: 'updatePullRequest(input: $meta) { pullRequest { number } }',
      value: { pullRequestId: pull.id, ...changes },
    });
  }
  const decorations = await decorationFields(spec, observation, pull, missingOf(spec, observation, pull), lookup);
  return { fields: [...fields, ...decorations.fields], create: decorations.create };
}

/** GitHub refuses titles over 256 characters and bodies over 65,536 (422 "… is too long"): cut, never fail. */
const MAX_TITLE = 256;
const MAX_BODY = 65_536;

function titleOf(spec: PullRequestSpec, plan: Plan): string {
  const title = spec.title(plan).replace(/\s+/g, ' ').trim();
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}

function bodyOf(spec: PullRequestSpec, plan: Plan): string {
  const body = spec.body(plan);
  const note = "\n\n… (cut at GitHub's limit of 65,536 characters)";
  return body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY - note.length)}${note}`;
}

function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd();
}
