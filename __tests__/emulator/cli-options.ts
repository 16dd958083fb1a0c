/**
 * Command-line options of `npm run emulator` (`--help` prints them, one line each):
 * `npm run emulator -- --repo DIR --name owner/name [--repo DIR2 --name owner/name2 …] [--port N]
 *   [--host HOST] [--latency-ms N | MIN-MAX] [--write-latency-ms N | MIN-MAX] [--writes-per-minute N]
 *   [--fault-rate F] [--post-apply-fault-rate F] [--protect BRANCH] [--seed N]
 *   [--auto-merge] [--log FILE] [--ruleset PATTERN[:RULE]] [--bare-copy] [--max-query-bytes N]`
 *
 * `--repo` and `--name` pair up in order; `--protect` and `--ruleset` apply to every repository.
 */
import { parseArgs } from 'node:util';
import type { EmulatorOptions, RepoOptions } from './index.js';
import { parseRule, type BranchRule } from './rules.js';

/** What `--help` prints: the synopsis, then every option on one line. */
export const HELP = [
  'usage: npm run emulator -- --repo DIR --name owner/name [--repo DIR --name owner/name …] [options]',
  '',
  '  --repo DIR              git directory to serve in place, or a plain directory to import (repeatable)',
  '  --name OWNER/NAME       name of the --repo at the same position (repeatable, one per --repo)',
  '  --port N                port to listen on (default 0: a free port)',
  '  --host HOST             address to listen on (default 127.0.0.1)',
  '  --latency-ms N|MIN-MAX  latency of each request, fixed or uniformly random in MIN-MAX (half before handling it, half after)',
  '  --write-latency-ms N|MIN-MAX  latency of content-creating requests (writes, mutations); default: --latency-ms',
  '  --writes-per-minute N   content-creating requests per token per minute before GitHub\'s secondary rate limit (default 80; 0: none)',
  '  --fault-rate F          probability (0 to 1) of answering a request 502/503 before handling it',
  '  --post-apply-fault-rate F  probability (0 to 1) of making a write, then answering 502/504 or dropping the connection',
  '  --protect BRANCH        protect BRANCH in every repository (repeatable)',
  '  --ruleset PATTERN[:RULE] a ruleset rule on matching branches of every repository (repeatable); RULE: pull-request (default), restrict-creations, restrict-updates or restrict-deletions',
  "  --bare-copy             serve a bare copy (in a temp dir) of each non-bare --repo; without it, a non-bare --repo's checked-out branch moves only as `git push` into it would (its receive.denyCurrentBranch: refuse by default)",
  '  --max-query-bytes N     blob text one GraphQL query may return before it times out, 502 (default 10485760; 0: none)',
  '  --seed N                seed of the random latency and faults (default 1)',
  '  --auto-merge            allow auto-merge in every repository',
  '  --log FILE              append one JSON line per request (method, path, operation, status, ms) to FILE',
  '  -h, --help              print this help and exit',
].join('\n');

/** A command-line mistake: one line naming the option, then where the usage is. */
export class CliError extends Error {
  constructor(message: string) {
    super(`${message} (run with --help for usage)`);
    this.name = 'CliError';
  }
}

/** Did the command line ask for `--help` / `-h`? (Checked before anything else is required.) */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** Parses the command line into emulator options; throws a one-line CliError on bad input. */
export function parseCli(argv: readonly string[]): EmulatorOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        repo: { type: 'string', multiple: true },
        name: { type: 'string', multiple: true },
        port: { type: 'string' },
        'latency-ms': { type: 'string' },
        'write-latency-ms': { type: 'string' },
        'writes-per-minute': { type: 'string' },
        'fault-rate': { type: 'string' },
        'post-apply-fault-rate': { type: 'string' },
        protect: { type: 'string', multiple: true },
        ruleset: { type: 'string', multiple: true },
        'bare-copy': { type: 'boolean' },
        'max-query-bytes': { type: 'string' },
        seed: { type: 'string' },
        'auto-merge': { type: 'boolean' },
        host: { type: 'string' },
        log: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    // node:util's messages are one sentence plus advice about '--'; keep the sentence.
    throw new CliError((error as Error).message.split('. ')[0].replace(/\.$/, ''));
  }
  const dirs = values.repo ?? [];
  const names = values.name ?? [];
  if (dirs.length === 0) throw new CliError('missing --repo DIR: give at least one repository to serve');
  if (dirs.length !== names.length) {
    throw new CliError(`each --repo needs a --name (got ${dirs.length} --repo, ${names.length} --name)`);
  }
  const number = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new CliError(`--${flag} must be a non-negative number, got '${text}'`);
    return value;
  };
  const latency = (flag: string, text: string | undefined): EmulatorOptions['latencyMs'] => {
    if (text === undefined || !/^\d+(\.\d+)?-\d+(\.\d+)?$/.test(text)) return number(flag, text);
    const [min, max] = text.split('-').map(Number);
    if (min > max) throw new CliError(`--${flag} must be MIN-MAX with MIN <= MAX, got '${text}'`);
    return { min, max };
  };
  const latencyMs = latency('latency-ms', values['latency-ms']);
  const writeLatencyMs = latency('write-latency-ms', values['write-latency-ms']);
  const writesPerMinute = number('writes-per-minute', values['writes-per-minute']);
  if (writesPerMinute !== undefined && !Number.isInteger(writesPerMinute)) {
    throw new CliError(`--writes-per-minute must be a whole number, got '${values['writes-per-minute']}'`);
  }
  const rate = (flag: string): number | undefined => {
    const value = number(flag, values[flag as 'fault-rate' | 'post-apply-fault-rate']);
    if (value !== undefined && value > 1) throw new CliError(`--${flag} must be between 0 and 1, got ${value}`);
    return value;
  };
  const faultRate = rate('fault-rate');
  const postApplyFaultRate = rate('post-apply-fault-rate');
  let rulesets: BranchRule[] | undefined;
  try {
    rulesets = values.ruleset?.map(parseRule);
  } catch (error) {
    throw new CliError(`--ruleset: ${(error as Error).message}`);
  }
  const repos: RepoOptions[] = dirs.map((dir, i) => ({
    name: names[i],
    dir,
    protectedBranches: values.protect,
    rulesets,
    // A person's clone: its checked-out branch moves only as `git push` into it would move it.
    checkedOut: 'push',
    bareCopy: values['bare-copy'] ?? false,
    autoMergeAllowed: values['auto-merge'] ?? false,
  }));
  return {
    repos,
    port: number('port', values.port) ?? 0,
    latencyMs,
    writeLatencyMs,
    writesPerMinute,
    faultRate,
    postApplyFaultRate,
    seed: number('seed', values.seed),
    host: values.host,
    keepImported: true,
    maxQueryBytes: number('max-query-bytes', values['max-query-bytes']),
    logFile: values.log,
  };
}
