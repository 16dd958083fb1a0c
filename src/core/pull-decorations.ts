// What an open pull request lacks of the labels, reviewers, assignees and auto-merge a run asks for, pure. Every
// run converges the PR towards its inputs: it adds what is missing and removes nothing a person added, so a run
// killed after opening the PR (or whose follow-up failed) is finished by the next one.
//
// Labels and assignees are added whenever they are missing. A review is requested once: a user or team that was
// ever asked (the PR's timeline), or a user who already reviewed, is not asked again: a review request is consumed
// by the review, replaced by the members a team's code-review assignment picks, or removed by a person on purpose,
// and asking again would undo each of those. Auto-merge is enabled only on a PR where it never was: once enabled, a
// PR without it had it turned off by a person (or by GitHub, e.g. after a push by someone without write access),
// and merging it anyway is not ours to decide; a kill before it was ever enabled leaves no such trace.
import type { OpenPull } from './pull-decision.js';

/** Labels, reviewers, assignees and auto-merge: asked for by a run, or missing from a PR. */
export interface Decorations {
  readonly labels: readonly string[];
  /** User logins. */
  readonly reviewers: readonly string[];
  /** Team slugs, without the organization. */
  readonly teams: readonly string[];
  /** User logins. */
  readonly assignees: readonly string[];
  readonly autoMerge: boolean;
}

/** What `pull` lacks of `wanted` (all of it for a PR not opened yet). Names compare as GitHub does: ignoring case. */
export function missingDecorations(pull: OpenPull | undefined, wanted: Decorations): Decorations {
  if (pull === undefined) return wanted;
  const lacking = (want: readonly string[], have: readonly string[]): string[] => {
    const held = new Set(have.map((name) => name.toLowerCase()));
    return want.filter((name) => !held.has(name.toLowerCase()));
  };
  // GitHub refuses a review request to the PR's author (the token that opened it).
  const author = pull.author === undefined ? [] : [pull.author];
  return {
    labels: lacking(wanted.labels, pull.labels),
    reviewers: lacking(wanted.reviewers, [...pull.reviewers.users, ...author]),
    teams: lacking(wanted.teams, pull.reviewers.teams),
    assignees: lacking(wanted.assignees, pull.assignees),
    autoMerge: wanted.autoMerge && pull.autoMerge === 'never',
  };
}

/** True when nothing is missing. */
export function complete(missing: Decorations): boolean {
  return missing.labels.length + missing.reviewers.length + missing.teams.length + missing.assignees.length === 0 && !missing.autoMerge;
}

/** True when node ids must be looked up to add what is missing (reviewers, teams, assignees). */
export function needsIds(missing: Decorations): boolean {
  return missing.reviewers.length + missing.teams.length + missing.assignees.length > 0;
}
