// The small parsers of input values: lists, globs, images, mode, repository, branch, sizes, booleans, names.
// Each takes the raw value and the input's name, and throws an InputError naming it for a bad value.
import { parseChartReference, type ChartReference } from '../image/chart.js';
import { parseReference, type ImageReference } from '../image/reference.js';
import type { ChartRequest, ImageRequest, Mode, SummaryDiff } from '../core/types.js';
import { asInput, InputError } from './errors.js';
import type { AutoMerge, Repository } from './types.js';

const MODES: readonly Mode[] = ['commit', 'pull-request', 'dry-run'];

/** Splits a list input: one item per line or comma-separated, blank items and `#` comment lines dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Splits a glob list: one per line or comma-separated, blank items and `#` comment lines dropped. A comma inside
 * braces or brackets belongs to the glob (`**\/*.{yaml,yml}` is one glob).
 */
export function splitGlobs(value: string): string[] {
  const globs: string[] = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue;
    let braces = 0;
    let bracket = false;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '[' && !bracket) bracket = true;
      else if (c === ']' && bracket) bracket = false;
      else if (!bracket && c === '{') braces++;
      else if (!bracket && c === '}' && braces > 0) braces--;
      else if (c === ',' && braces === 0 && !bracket) {
        globs.push(line.slice(start, i));
        start = i + 1;
      }
    }
    globs.push(line.slice(start));
  }
  return globs.map((glob) => glob.trim()).filter((glob) => glob !== '');
}

export function parseImages(value: string, input = 'images'): ImageRequest[] {
  const requests: ImageRequest[] = [];
  for (const item of splitList(value)) {
    const ref = asInput(input, () => parseReference(item), (reason) => `'${printable(item)}' is not a valid image reference: ${reason}.`);
    if (ref.tag === undefined && ref.digest === undefined) {
      throw new InputError(
        input,
        `'${item}' has no tag or digest: write the version to deploy, e.g. '${ref.name}:1.4.2' or '${ref.name}@sha256:<64 hex>'.`,
      );
    }
    const same = requests.find((r) => r.ref.repository === ref.repository);
    if (same) {
      if (same.ref.tag === ref.tag && same.ref.digest === ref.digest) continue;
      throw new InputError(input, `'${same.input}' and '${item}' ask for two versions of one image.`);
    }
    requests.push({ input: item, ref });
  }
  return requests;
}

/**
 * The `charts` input: `oci://ghcr.io/acme/charts/api:1.4.2`, `https://charts.acme.io/api:1.4.2` or a bare `api:1.4.2`,
 * one per line or comma-separated. Two versions of one chart (same repository and name) are an error.
 */
export function parseCharts(value: string, input = 'charts'): ChartRequest[] {
  const requests: ChartRequest[] = [];
  for (const item of splitList(value)) {
    const ref = asInput(input, () => parseChartReference(item), (reason) => `'${printable(item)}' is not a valid chart reference: ${reason}.`);
    if (ref.version === undefined) {
      throw new InputError(input, `'${printable(item)}' has no version: write the chart version to deploy, e.g. '${ref.display}:1.4.2'.`);
    }
    // A bare name matches the chart in every repository: with another entry for that name, both name one chart.
    const overlaps = (r: ChartRequest) =>
      r.ref.name.toLowerCase() === ref.name.toLowerCase() && (r.ref.repository === ref.repository || r.ref.repository === undefined || ref.repository === undefined);
    const other = requests.filter(overlaps).find((r) => r.ref.version !== ref.version);
    if (other) throw new InputError(input, `'${other.input}' and '${printable(item)}' ask for two versions of one chart.`);
    if (requests.some((r) => overlaps(r) && r.ref.repository === ref.repository)) continue;
    requests.push({ input: item, ref: { ...ref, version: ref.version } });
  }
  return requests;
}

/** `charts` under a promotion: chart references without a version that narrow which charts are promoted. */
export function parseChartsOnly(value: string): ChartReference[] {
  return splitList(value).map((item) => {
    const ref = asInput('charts', () => parseChartReference(item), (reason) => `'${printable(item)}' is not a valid chart reference: ${reason}.`);
    if (ref.version !== undefined) {
      throw new InputError('charts', `'${printable(item)}': with promote-from, charts lists the charts to promote without a version (e.g. '${ref.display}'); the versions come from the source.`);
    }
    return ref;
  });
}

/** `images` under a promotion: bare repositories that narrow what is promoted. */
export function parseOnly(value: string): ImageReference[] {
  return splitList(value).map((item) => {
    const ref = asInput('images', () => parseReference(item), (reason) => `'${printable(item)}' is not a valid image repository: ${reason}.`);
    if (ref.tag !== undefined || ref.digest !== undefined) {
      throw new InputError(
        'images',
        `'${item}': with promote-from, images lists bare repositories to promote (e.g. '${ref.name}'); the versions come from the source.`,
      );
    }
    return ref;
  });
}

/** Shows control characters in an echoed value instead of letting them reach the log. */
/** The value with control characters shown as `\\uXXXX` (an error message stays one readable line). */
export function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function parseMode(value: string): Mode {
  const mode = (value.trim() || 'commit') as Mode;
  if (!MODES.includes(mode)) throw new InputError('mode', `'${value}' is not one of ${MODES.join(', ')}.`);
  return mode;
}

export function parseRepository(value: string, input = 'repository'): Repository | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text);
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new InputError(input, `'${printable(text)}' is not of the form owner/name.`);
  }
  return { owner: match[1]!, repo: match[2]! };
}

export function parseBranch(value: string, input = 'branch'): string | undefined {
  const branch = value.trim().replace(/^refs\/heads\//, '');
  if (branch === '') return undefined;
  // git check-ref-format rules, as far as a branch name needs them.
  const bad =
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$|^\.|\/\.|\.lock$|\.lock\/|^@$/.test(branch);
  if (bad) throw new InputError(input, `'${printable(branch)}' is not a valid branch name.`);
  return branch;
}

export function parseSize(value: string, input: string, fallback: number): number {
  const text = value.trim();
  if (text === '') return fallback;
  const match = /^(\d+)\s*(k|ki|kib|kb|m|mi|mib|mb)?$/i.exec(text);
  if (!match) throw new InputError(input, `'${text}' is not a size (bytes, or a number followed by KiB or MiB).`);
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Number(match[1]) * factor;
}

/** Longest `race-timeout`: a GitHub-hosted job may run 6 hours. */
const MAX_DURATION_MS = 6 * 60 * 60 * 1000;

/** A duration in milliseconds: seconds (`90`, `90s`), minutes (`10m`), or both (`1m30s`); '' is `fallback`. */
export function parseDuration(value: string, input: string, fallback: number): number {
  const text = value.trim().toLowerCase();
  if (text === '') return fallback;
  const bad = (why: string): InputError => new InputError(input, `'${printable(value.trim())}' ${why}`);
  const match = /^(?:(\d+(?:\.\d+)?)\s*(?:m|min))?\s*(?:(\d+(?:\.\d+)?)\s*(?:s|sec)?)?$/.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    throw bad('is not a duration: seconds (90 or 90s), minutes (10m) or both (1m30s).');
  }
  const ms = Number(match[1] ?? 0) * 60_000 + Number(match[2] ?? 0) * 1000;
  if (ms <= 0) throw bad('is no time at all: give a positive duration such as 10m.');
  if (ms > MAX_DURATION_MS) throw bad('is longer than a job may run (6 hours).');
  return Math.round(ms);
}

export function parseBoolean(value: string, input: string): boolean {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw new InputError(input, `'${printable(value)}' is not true or false.`);
}

const SUMMARY_DIFFS: readonly (SummaryDiff | 'auto')[] = ['auto', 'full', 'changes', 'none'];

export function parseSummaryDiff(value: string): SummaryDiff | 'auto' {
  const text = (value.trim().toLowerCase() || 'auto') as SummaryDiff | 'auto';
  if (!SUMMARY_DIFFS.includes(text)) throw new InputError('summary-diff', `'${printable(value)}' is not one of ${SUMMARY_DIFFS.join(', ')}.`);
  return text;
}

export function parseAutoMerge(value: string): AutoMerge | undefined {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false' || text === 'off') return undefined;
  if (text === 'merge' || text === 'squash' || text === 'rebase') return text;
  throw new InputError('auto-merge', `'${printable(value)}' is not one of merge, squash, rebase (or empty for none).`);
}

/** What an item of a name list must look like, and how the error names it. */
const NAMES = {
  login: { pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, what: 'a GitHub login' },
  team: { pattern: /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9._-]{1,100}$/, what: "a team slug ('team' or 'org/team')" },
  // eslint-disable-next-line no-control-regex
  label: { pattern: /^[^\u0000-\u001f\u007f,]{1,50}$/, what: 'a label name (at most 50 characters)' },
} as const;

/** A list of GitHub logins, team slugs or label names: no blanks or control characters inside an item; `@` dropped. */
export function parseNames(value: string, input: string, kind: keyof typeof NAMES): string[] {
  const { pattern, what } = NAMES[kind];
  const items = splitList(value).map((item) => item.replace(/^@/, ''));
  for (const item of items) {
    if (!pattern.test(item)) throw new InputError(input, `'${printable(item)}' is not ${what}.`);
  }
  return [...new Set(items)];
}
