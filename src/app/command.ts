// The CLI's logic: the same bump as the action, for a terminal. Every input is a --name flag.
import type { Io, Place } from '../core/io.js';
import { bump } from './bump.js';
import { outputs } from '../report/report.js';
import { INPUTS } from '../settings/settings.js';

const HELP = `gitops-bump: bump container image references in a GitOps repository, byte-exact.

Usage:
  gitops-bump --images ghcr.io/acme/api:1.4.2 --paths 'apps/prod/**' --local-path . [--mode dry-run]
  GITHUB_TOKEN=… gitops-bump --images … --repository acme/gitops [--branch main] [--mode commit]

Options (each is the action input of the same name; repeat a flag or use newlines/commas for lists):
${Object.entries(INPUTS)
  .map(([name, spec]) => `  --${name.padEnd(16)} ${spec.description}${spec.default && !spec.default.startsWith('$') ? ` (default: ${spec.default})` : ''}`)
  .join('\n')}
  --json             Print the outputs (changed, changes, refused, commit-sha) as one JSON object.
  --help             This text.

The token is read from GITHUB_TOKEN (or GH_TOKEN) in API mode. Exit status: 0 on success (also when
nothing changed or a change was refused by the policy), 1 on any error.
`;

interface Parsed {
  readonly inputs: Map<string, string>;
  readonly json: boolean;
  readonly help: boolean;
}

export function parseArgs(argv: readonly string[]): Parsed {
  const inputs = new Map<string, string>();
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--json') {
      json = true;
      continue;
    }
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new Error(`unexpected argument '${arg}' (see --help)`);
    const name = match[1]!;
    if (!(name in INPUTS)) throw new Error(`unknown option --${name} (see --help)`);
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
      i++;
    }
    const previous = inputs.get(name);
    inputs.set(name, previous === undefined ? value : `${previous}\n${value}`);
  }
  return { inputs, json, help };
}

function place(p?: Place): string {
  return p ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : '';
}

function terminalIo(): Io {
  const verbose = process.env.GITOPS_BUMP_DEBUG === '1';
  return {
    info: (m) => process.stderr.write(`${m}\n`),
    debug: (m) => {
      if (verbose) process.stderr.write(`debug: ${m}\n`);
    },
    warning: (m, p) => process.stderr.write(`warning: ${m.startsWith(place(p)) ? '' : place(p)}${m}\n`),
    error: () => undefined, // the one error line is printed by main()
    group: (_name, fn) => fn(),
    setOutput: () => undefined,
    summary: async () => undefined,
    setSecret: () => undefined,
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`gitops-bump: ${(error as Error).message}\n`);
    return 1;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const env = process.env;
  const read = (name: string): string => {
    const given = parsed.inputs.get(name);
    if (given !== undefined) return given;
    if (name === 'token') return env.GITHUB_TOKEN ?? env.GH_TOKEN ?? '';
    return '';
  };
  try {
    const result = await bump(read, terminalIo(), env);
    if (parsed.json) {
      process.stdout.write(`${JSON.stringify(outputs(result.plan, result.context))}\n`);
    } else if (result.context.mode === 'dry-run' && result.diff) {
      process.stdout.write(result.diff);
    }
    process.stderr.write(`${result.outcome}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gitops-bump: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
