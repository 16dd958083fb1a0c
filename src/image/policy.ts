// May a version replace another? The `policy` input: `newer` (default), `any`, or a semver range.
// Pure: no I/O.
import semver from 'semver';

/** `newer`: never move a version backwards; `any`: anything goes; `range`: stay inside a semver range, never backwards. */
export type Policy = { readonly kind: 'newer' } | { readonly kind: 'any' } | { readonly kind: 'range'; readonly range: string };

/** The outcome of {@link judge}: `reason` when refused, `note` for an allowed write worth mentioning. */
export interface Verdict {
  readonly allowed: boolean;
  readonly reason?: string;
  readonly note?: string;
}

/** The part of a reference a policy looks at. */
export interface Version {
  tag?: string;
  digest?: string;
}

const ACCEPTED = "use 'newer' (the default: never move a version backwards), 'any' (allow rollbacks) or a semver range such as '~1.4', '^2', '>=1.2 <2' or '1.x'";

// MAJOR.MINOR[.PATCH][-prerelease][+build] with an optional leading v/V; a bare integer is not a version.
const VERSION = /^[vV]?(\d+)\.(\d+)(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/**
 * Parses the `policy` input: '' → newer; `newer`, `any`, or a semver range (`~1.4`, `^2`, `>=1.2 <2`, `1.x`).
 * Throws an Error naming `input` and the accepted forms.
 */
export function parsePolicy(text: string, input = 'policy'): Policy {
  const value = text.trim();
  const word = value.toLowerCase();
  if (word === '' || word === 'newer') return { kind: 'newer' };
  if (word === 'any') return { kind: 'any' };
  if (isRange(value)) return { kind: 'range', range: value };
  throw new Error(`${input}: '${value}' is not a policy; ${ACCEPTED}`);
}

/** For summaries: `newer`, `any`, `range ~1.4`. */
export function describePolicy(p: Policy): string {
  return p.kind === 'range' ? `range ${p.range}` : p.kind;
}

/**
 * May `wanted` replace `current` under `policy`? `current` is what the file holds now, `wanted` what the request asks for.
 * A tag-plus-digest is judged by its tag; a digest-only `wanted` is always allowed.
 */
export function judge(policy: Policy, current: Version, wanted: Version): Verdict {
  if (policy.kind === 'any') return { allowed: true };
  const wantedTag = nonEmpty(wanted.tag);
  if (wantedTag === undefined) return { allowed: true };
  if (policy.kind === 'range') {
    const outside = rangeRefusal(policy.range, wantedTag);
    if (outside !== undefined) return { allowed: false, reason: outside };
  }
  return noDowngrade(policy, nonEmpty(current.tag), wantedTag);
}

/** The tag as a strict semver string (`v1.4` → `1.4.0`), or undefined when it is not a version. */
export function versionOfTag(tag: string): string | undefined {
  const match = VERSION.exec(tag);
  if (match === null) return undefined;
  const [, major, minor, patch, rest] = match;
  return semver.valid(`${major}.${minor}.${patch ?? '0'}${rest ?? ''}`) ?? undefined;
}

/** True for a tag that is a version in the sense of the policy (`1.10`, `v2.0.1-rc.1`; not `6801028` or `latest`). */
export function isVersionTag(tag: string): boolean {
  return versionOfTag(tag) !== undefined;
}

/** Compares two version tags (negative, 0, positive), or undefined when either is not a version. */
export function compareVersionTags(a: string, b: string): number | undefined {
  const left = versionOfTag(a);
  const right = versionOfTag(b);
  return left === undefined || right === undefined ? undefined : semver.compare(left, right);
}

// ---------------------------------------------------------------------------------------------------------

function isRange(text: string): boolean {
  // A range must mention a version number or a wildcard; semver accepts some words (e.g. 'x') as '*'.
  return /[0-9*xX]/.test(text) && semver.validRange(text) !== null;
}

function rangeRefusal(range: string, tag: string): string | undefined {
  const version = versionOfTag(tag);
  if (version === undefined) return `'${tag}' is not a semantic version, so it cannot be checked against the range ${range}`;
  if (!semver.satisfies(version, range)) return `${tag} is outside the range ${range}`;
  return undefined;
}

function noDowngrade(policy: Policy, currentTag: string | undefined, wantedTag: string): Verdict {
  const unchecked = 'written without an ordering check';
  if (!isVersionTag(wantedTag)) return { allowed: true, note: `'${wantedTag}' is not a semantic version: ${unchecked}` };
  if (currentTag === undefined) return { allowed: true, note: `the current reference has no tag: ${unchecked}` };
  const order = compareVersionTags(wantedTag, currentTag);
  if (order === undefined) return { allowed: true, note: `the current tag '${currentTag}' is not a semantic version: ${unchecked}` };
  if (order >= 0) return { allowed: true };
  return {
    allowed: false,
    reason: `${wantedTag} is older than ${currentTag} already there (policy: ${describePolicy(policy)}; use policy: any to roll back)`,
  };
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
