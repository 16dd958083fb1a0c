// The promotion gates' inputs (`promote-after`, `promote-require-status`), `fail-on-refused`, and the clock the
// soak time is measured with.
import type { GateRules } from '../core/gates.js';
import { InputError } from './errors.js';
import { printable } from './parse.js';
import type { InputReader } from './types.js';

const UNIT_MS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** `24h`, `90m`, `2d`, `1d12h`: whole numbers with s/m/h/d units, largest first; undefined when empty. */
export function parseDuration(value: string, input: string): { ms: number; text: string } | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!match || match.slice(1).every((part) => part === undefined)) {
    throw new InputError(input, `'${printable(text)}' is not a duration: a number with s, m, h or d (24h, 90m, 2d, 1d12h).`);
  }
  const ms = ['d', 'h', 'm', 's'].reduce((sum, unit, i) => sum + Number(match[i + 1] ?? 0) * UNIT_MS[unit]!, 0);
  return { ms, text };
}

/** `promote-require-status`: context globs, one per line (a comma is part of no context name, so it separates too). */
export function parseContextGlobs(value: string, input: string): string[] {
  const globs = value
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  for (const glob of globs) {
    if (/\s/.test(glob)) throw new InputError(input, `'${printable(glob)}': a context glob has no spaces (kustomization/apps-staging/*, argocd/api-staging); one per line.`);
  }
  return globs;
}

/** The gate rules, or undefined when none is set; a gate without promote-from is an input error naming it. */
export function readGates(read: InputReader, promoting: boolean): GateRules | undefined {
  const after = parseDuration(read('promote-after'), 'promote-after');
  const requireStatus = parseContextGlobs(read('promote-require-status'), 'promote-require-status');
  if (after === undefined && requireStatus.length === 0) return undefined;
  if (!promoting) {
    throw new InputError(after !== undefined ? 'promote-after' : 'promote-require-status', 'gates a promotion: give promote-from (the source environment whose history and statuses it reads).');
  }
  return { ...(after !== undefined && { after }), requireStatus };
}

/**
 * The time the soak is measured at: now, or GITOPS_BUMP_NOW (an ISO 8601 instant) for a reproducible run (a
 * preview of tomorrow's promotion, the tests).
 */
export function readNow(env: NodeJS.ProcessEnv): Date {
  const given = env.GITOPS_BUMP_NOW?.trim();
  if (!given) return new Date();
  const at = new Date(given);
  if (Number.isNaN(at.getTime())) throw new InputError('GITOPS_BUMP_NOW', `'${printable(given)}' is not an ISO 8601 instant (2026-12-01T12:00:00Z).`);
  return at;
}
