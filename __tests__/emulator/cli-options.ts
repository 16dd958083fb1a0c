/**
 * Command-line options of `npm run emulator`:
 * `npm run emulator -- --repo DIR --name owner/name [--repo DIR2 --name owner/name2 …] [--port N]
 *   [--latency-ms N | MIN-MAX] [--fault-rate F] [--protect BRANCH] [--seed N] [--auto-merge]`
 *
 * `--repo` and `--name` pair up in order; `--protect` applies to every repository.
 */
import { parseArgs } from 'node:util';
import type { EmulatorOptions, RepoOptions } from './index.js';

const USAGE =
  'usage: npm run emulator -- --repo DIR --name owner/name [--repo DIR --name owner/name …] ' +
  '[--port N] [--latency-ms N|MIN-MAX] [--fault-rate F] [--protect BRANCH] [--seed N] [--auto-merge]';

/** Parses the command line into emulator options; throws with a usage message on bad input. */
export function parseCli(argv: readonly string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repo: { type: 'string', multiple: true },
      name: { type: 'string', multiple: true },
      port: { type: 'string' },
      'latency-ms': { type: 'string' },
      'fault-rate': { type: 'string' },
      protect: { type: 'string', multiple: true },
      seed: { type: 'string' },
      'auto-merge': { type: 'boolean' },
      host: { type: 'string' },
    },
    strict: true,
  });
  const dirs = values.repo ?? [];
  const names = values.name ?? [];
  if (dirs.length === 0 || dirs.length !== names.length) {
    throw new Error(`each --repo needs a --name (got ${dirs.length} --repo, ${names.length} --name)\n${USAGE}`);
  }
  const number = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${flag} must be a non-negative number, got '${text}'\n${USAGE}`);
    return value;
  };
  const latencyText = values['latency-ms'];
  let latencyMs: EmulatorOptions['latencyMs'];
  if (latencyText !== undefined && /^\d+(\.\d+)?-\d+(\.\d+)?$/.test(latencyText)) {
    const [min, max] = latencyText.split('-').map(Number);
    latencyMs = { min, max };
  } else {
    latencyMs = number('latency-ms', latencyText);
  }
  const faultRate = number('fault-rate', values['fault-rate']);
  if (faultRate !== undefined && faultRate > 1) throw new Error(`--fault-rate must be between 0 and 1, got ${faultRate}`);
  const repos: RepoOptions[] = dirs.map((dir, i) => ({
    name: names[i],
    dir,
    protectedBranches: values.protect,
    autoMergeAllowed: values['auto-merge'] ?? false,
  }));
  return {
    repos,
    port: number('port', values.port) ?? 0,
    latencyMs,
    faultRate,
    seed: number('seed', values.seed),
    host: values.host,
    keepImported: true,
  };
}
