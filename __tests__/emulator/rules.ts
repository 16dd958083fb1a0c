/**
 * Repository rulesets (the successor of classic branch protection): which branches a rule targets
 * and the answer a refused write gets. GitHub names a ruleset refusal only in the text, and the same
 * text over REST and GraphQL:
 * - REST ref writes: 422 `Repository rule violations found\n\nChanges must be made through a pull request.\n\n`
 *   (git/update-ref, satisfactory-factories/application#67; the trailing blank line as GitHub sends it).
 * - GraphQL (createCommitOnBranch, updateRefs, createRef): `type: "UNPROCESSABLE"` with that message: rulesets
 *   do not answer classic protection's `BRANCH_PROTECTION_RULE_VIOLATION` (Thinkmill/keystatic#1559, #1598).
 * Each rule's line is git's push wording for it (`remote: - Changes must be made through a pull request.`).
 */
import { minimatch } from 'minimatch';
import { GitHubError } from './errors.js';

/** The rules the emulator enforces, by the ruleset rule they stand for. */
export const RULE_MESSAGES = {
  /** `pull_request`: updates only through a pull request. */
  'pull-request': 'Changes must be made through a pull request.',
  /** `creation`: only bypass actors create matching branches. */
  'restrict-creations': 'Cannot create ref due to creations being restricted.',
  /** `update`: only bypass actors update matching branches. */
  'restrict-updates': 'Cannot update this protected ref.',
  /** `deletion`: only bypass actors delete matching branches. */
  'restrict-deletions': 'Cannot delete this protected ref.',
} as const;

/** A rule kind (see RULE_MESSAGES). */
export type RuleKind = keyof typeof RULE_MESSAGES;

/** One ruleset rule on the branches `pattern` matches. */
export interface BranchRule {
  /**
   * fnmatch pattern over branch names as rulesets take them (`main`, `release/*`, `releases/**`), or
   * `~DEFAULT_BRANCH` / `~ALL`. `*` stays within one path segment; `**` crosses them.
   */
  pattern: string;
  rule: RuleKind;
}

/** What a write does to a branch. */
export type RefOperation = 'create' | 'update' | 'delete';

const APPLIES: Record<RuleKind, RefOperation> = {
  'pull-request': 'update',
  'restrict-creations': 'create',
  'restrict-updates': 'update',
  'restrict-deletions': 'delete',
};

/** Parses `PATTERN[:RULE]` (the CLI's `--ruleset`; RULE defaults to `pull-request`). */
export function parseRule(text: string): BranchRule {
  const colon = text.lastIndexOf(':');
  const pattern = colon === -1 ? text : text.slice(0, colon);
  const rule = colon === -1 ? 'pull-request' : text.slice(colon + 1);
  if (pattern === '') throw new Error(`'${text}' names no branch pattern`);
  if (!(rule in RULE_MESSAGES)) throw new Error(`'${rule}' is not a rule (one of ${Object.keys(RULE_MESSAGES).join(', ')})`);
  return { pattern, rule: rule as RuleKind };
}

function targets(pattern: string, branch: string, defaultBranch: string): boolean {
  if (pattern === '~ALL') return true;
  if (pattern === '~DEFAULT_BRANCH') return branch === defaultBranch;
  return minimatch(branch, pattern.replace(/^refs\/heads\//, ''), { dot: true, nocomment: true, nonegate: true });
}

/** The lines of the rules that refuse `operation` on `ref` (none for tags and other refs). */
export function violations(rules: readonly BranchRule[], ref: string, operation: RefOperation, defaultBranch: string): string[] {
  if (!ref.startsWith('refs/heads/')) return [];
  const branch = ref.slice('refs/heads/'.length);
  const lines = rules.filter((r) => APPLIES[r.rule] === operation && targets(r.pattern, branch, defaultBranch)).map((r) => RULE_MESSAGES[r.rule]);
  return [...new Set(lines)];
}

/** Refuses the write when a rule forbids it, with GitHub's ruleset answer (REST 422, GraphQL UNPROCESSABLE). */
export function assertRules(rules: readonly BranchRule[] | undefined, ref: string, operation: RefOperation, defaultBranch: string): void {
  const lines = violations(rules ?? [], ref, operation, defaultBranch);
  if (lines.length === 0) return;
  throw new GitHubError(422, `Repository rule violations found\n\n${lines.join('\n\n')}\n\n`, 'UNPROCESSABLE');
}
