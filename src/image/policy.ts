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

/** A `policy` value that is no policy: `reason` says why and what is accepted, `input` names the input. */
export class PolicyError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = 'PolicyError';
  }
}

const ACCEPTED = "use 'newer' (the default: never move a version backwards), 'any' (allow rollbacks) or a semver range such as '~1.4', '^2', '>=1.2 <2' or '1.x'";

// MAJOR.MINOR[.PATCH][-prerelease][+build] with an optional leading v/V: read by semver (`v1.4` → 1.4.0).
const SEMVER_SHAPED = /^[vV]?(\d+)\.(\d+)(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
// Two or more dot-separated numbers with an optional leading v/V and nothing else: `24.04`, `2024.11.02`,
// `1.2.3.10`. Zero padding is allowed here (it is not in semver). A bare integer (`6801028`, `20241102`) is not.
const DOTTED = /^[vV]?(\d+(?:\.\d+)+)$/;

/** A tag read for ordering: its numbers (leading zeros removed), and its semver form when semver reads it. */
interface VersionTag {
  readonly numbers: readonly string[];
  readonly semver?: string;
  readonly prerelease: boolean;
}

/**
 * Parses the `policy` input: '' → newer; `newer`, `any`, or a semver range (`~1.4`, `^2`, `>=1.2 <2`, `1.x`).
 * Throws a PolicyError naming `input` and the accepted forms.
 */
export function parsePolicy(text: string, input = 'policy'): Policy {
  const value = text.trim();
  const word = value.toLowerCase();
  if (word === '' || word === 'newer') return { kind: 'newer' };
  if (word === 'any') return { kind: 'any' };
  if (isRange(value)) return { kind: 'range', range: value };
  throw new PolicyError(input, `'${value}' is not a policy; ${ACCEPTED}`);
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

/**
 * The tag as a strict semver string (`v1.4` → `1.4.0`), or undefined when semver cannot read it (`latest`,
 * `6801028`, and also the dotted versions semver refuses: `24.04`, `2024.11.02`, `1.2.3.10`). The `range` policy
 * judges only these.
 */
export function semverOfTag(tag: string): string | undefined {
  const match = SEMVER_SHAPED.exec(tag);
  if (match === null) return undefined;
  const [, major, minor, patch, rest] = match;
  return semver.valid(`${major}.${minor}.${patch ?? '0'}${rest ?? ''}`) ?? undefined;
}

/**
 * True for a tag the `newer` policy orders: a semver tag (`1.10`, `v2.0.1-rc.1`) or two or more dotted numbers
 * (`24.04`, `2024.11.02`, `1.2.3.10`, with or without `v`). Not `6801028`, `latest`, `sha-1a2b3c`, `2024-11-02`.
 */
export function isVersionTag(tag: string): boolean {
  return readVersionTag(tag) !== undefined;
}

/**
 * Compares two version tags (negative, 0, positive), or undefined when either is not a version.
 * Two semver tags compare by semver precedence (pre-releases included). Otherwise the numbers compare part by
 * part, numerically (`02` is 2), a missing part counting as 0 (`1.4` = `1.4.0`, `1.2.3` < `1.2.3.1`); when all
 * numbers are equal, a semver pre-release is older than the tag without one (`1.2.3-rc.1` < `1.2.3.0`).
 */
export function compareVersionTags(a: string, b: string): number | undefined {
  const left = readVersionTag(a);
  const right = readVersionTag(b);
  if (left === undefined || right === undefined) return undefined;
  if (left.semver !== undefined && right.semver !== undefined) return semver.compare(left.semver, right.semver);
  const length = Math.max(left.numbers.length, right.numbers.length);
  for (let i = 0; i < length; i++) {
    const order = compareNumbers(left.numbers[i] ?? '0', right.numbers[i] ?? '0');
    if (order !== 0) return order;
  }
  return Number(right.prerelease) - Number(left.prerelease);
}

// ---------------------------------------------------------------------------------------------------------

function isRange(text: string): boolean {
  // A range must mention a version number or a wildcard; semver accepts some words (e.g. 'x') as '*'.
  return /[0-9*xX]/.test(text) && semver.validRange(text) !== null;
}

function readVersionTag(tag: string): VersionTag | undefined {
  const strict = semverOfTag(tag);
  if (strict !== undefined) {
    const parsed = new semver.SemVer(strict);
    return { numbers: [parsed.major, parsed.minor, parsed.patch].map(String), semver: strict, prerelease: parsed.prerelease.length > 0 };
  }
  const dotted = DOTTED.exec(tag);
  if (dotted === null) return undefined;
  return { numbers: dotted[1]!.split('.').map((n) => n.replace(/^0+(?=\d)/, '')), prerelease: false };
}

/** Compares two decimal numbers without leading zeros, of any length (no precision limit). */
function compareNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function rangeRefusal(range: string, tag: string): string | undefined {
  const version = semverOfTag(tag);
  if (version === undefined) return `'${tag}' is not a semantic version, so it cannot be checked against the range ${range}`;
  if (!semver.satisfies(version, range)) return `${tag} is outside the range ${range}`;
  return undefined;
}

function noDowngrade(policy: Policy, currentTag: string | undefined, wantedTag: string): Verdict {
  const unchecked = 'written without an ordering check';
  if (!isVersionTag(wantedTag)) return { allowed: true, note: `'${wantedTag}' is not a version tag: ${unchecked}` };
  if (currentTag === undefined) return { allowed: true, note: `the current reference has no tag: ${unchecked}` };
  const order = compareVersionTags(wantedTag, currentTag);
  if (order === undefined) return { allowed: true, note: `the current tag '${currentTag}' is not a version tag: ${unchecked}` };
  if (order >= 0) return { allowed: true };
  return {
    allowed: false,
    reason: `${wantedTag} is older than ${currentTag} already there (policy: ${describePolicy(policy)}; use policy: any to roll back)`,
  };
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
