// The CLI's logic: the same bump as the action, for a terminal. Every input is a --name flag.
import type { Io, Place } from '../core/io.js';
import { bump } from './bump.js';
import { outputs } from '../report/outputs.js';
import { matrixOutput, matrixTable } from '../report/matrix.js';
import { isReport } from '../settings/read.js';
import { report } from './report.js';
import { fenced, holdsCommand, oneLine, stopToken } from '../report/line.js';
import { InputError } from '../settings/errors.js';
import { INPUTS } from '../settings/inputs.js';

/** Help text width: descriptions wrap here, under their column. */
const HELP_WIDTH = 100;

/** `  --name  description`, every description starting in one column, long ones wrapped under it. */
function optionLines(options: readonly (readonly [string, string])[]): string {
  const column = 2 + Math.max(...options.map(([flag]) => flag.length)) + 2;
  return options
    .map(([flag, text]) => {
      const lines: string[] = [];
      let line = `  ${flag}`.padEnd(column);
      let empty = true;
      for (const word of text.split(/\s+/)) {
        if (!empty && line.length + 1 + word.length > HELP_WIDTH) {
          lines.push(line);
          line = ' '.repeat(column);
          empty = true;
        }
        line += empty ? word : ` ${word}`;
        empty = false;
      }
      return [...lines, line].join('\n');
    })
    .join('\n');
}

/** The CLI's own defaults where the action's come from the workflow (`${{ github.token }}`). */
const CLI_DEFAULTS: Readonly<Record<string, string>> = {
  token: 'env GITHUB_TOKEN, else GH_TOKEN',
  repository: 'env GITHUB_REPOSITORY',
};

const HELP = `gitops-bump: bump container image references in a GitOps repository, byte-exact.

Usage:
  gitops-bump --images ghcr.io/acme/api:1.4.2 --paths 'apps/prod/**' --local-path . [--mode dry-run]
  GITHUB_TOKEN=… gitops-bump --images … --repository acme/gitops [--branch main] [--mode commit]
  gitops-bump report --environments 'dev: envs/dev/' --environments 'prod: envs/prod/' --local-path .
                     (what runs where: a table of every image and chart version per environment; writes nothing)

Options (each is the action input of the same name; repeat a flag or use newlines/commas for lists):
${optionLines([
  ...Object.entries(INPUTS).map(([name, spec]): [string, string] => {
    const fallback = CLI_DEFAULTS[name] ?? (spec.default && !spec.default.startsWith('$') ? spec.default : undefined);
    return [`--${name}`, `${spec.description}${fallback ? ` (default: ${fallback})` : ''}`];
  }),
  [
    '--json',
    'Print the outputs on stdout as one line of JSON instead of the diff: "changed" a boolean, "changes" and "refused" ' +
      'arrays, "pull-request-number" a number, other outputs strings, null when empty. Messages stay on stderr.',
  ],
  ['--help', 'Print this text (also -h).'],
])}

In API mode (no --local-path) a token is needed: set GITHUB_TOKEN or pass --token. Exit status: 0 on success
(also when nothing changed or a change was refused by the policy), 1 with one line on stderr on any error.
`;

/**
 * The outputs as JSON values for scripts: `changed` a boolean, `pull-request-number` a number, JSON outputs
 * (`changes`, `refused`, any value that is a JSON array or object) parsed, other values strings, '' → null.
 */
function jsonOutputs(values: Readonly<Record<string, string>>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) typed[name] = jsonValue(name, value);
  return typed;
}

const BOOLEAN_OUTPUTS = new Set(['changed']);
const NUMBER_OUTPUTS = new Set(['pull-request-number']);

function jsonValue(name: string, value: string): unknown {
  if (value === '') return null;
  if (BOOLEAN_OUTPUTS.has(name) && (value === 'true' || value === 'false')) return value === 'true';
  if (NUMBER_OUTPUTS.has(name) && /^\d+$/.test(value)) return Number(value);
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

interface Parsed {
  readonly inputs: Map<string, string>;
  readonly json: boolean;
  readonly help: boolean;
}

export function parseArgs(argv: readonly string[]): Parsed {
  const inputs = new Map<string, string>();
  let json = false;
  let help = false;
  // `gitops-bump report …` is `--mode report`.
  const command = argv[0] === 'report' ? 'report' : undefined;
  for (let i = command ? 1 : 0; i < argv.length; i++) {
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
  if (command) {
    const mode = inputs.get('mode');
    if (mode !== undefined && mode.trim() !== 'report') throw new Error(`'report' and --mode ${mode} contradict each other`);
    inputs.set('mode', 'report');
  }
  return { inputs, json, help };
}

function place(p?: Place): string {
  return p ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : '';
}

/**
 * Inside a GitHub Actions step (`GITHUB_ACTIONS=true`: the runner reads workflow commands on stdout and stderr),
 * text holding a line the runner could read as a command is printed between `::stop-commands::` fences;
 * elsewhere it is printed as it is.
 */
function commandGuard(env: NodeJS.ProcessEnv): (text: string) => string {
  const runner = env.GITHUB_ACTIONS === 'true';
  return (text) => (runner && holdsCommand(text) ? `${fenced(text, stopToken())}\n` : text);
}

/** Writes one line on stderr, its control characters escaped (an escape sequence in a file name cannot restyle the terminal). */
function lineWriter(env: NodeJS.ProcessEnv): (text: string) => void {
  const guard = commandGuard(env);
  return (text) => void process.stderr.write(guard(`${oneLine(text)}\n`));
}

function terminalIo(env: NodeJS.ProcessEnv): Io {
  const verbose = env.GITOPS_BUMP_DEBUG === '1';
  const write = lineWriter(env);
  return {
    info: (m) => write(m),
    debug: (m) => {
      if (verbose) write(`debug: ${m}`);
    },
    warning: (m, p) => write(`warning: ${m.startsWith(place(p)) ? '' : place(p)}${m}`),
    error: () => undefined, // the one error line is printed by main()
    group: (_name, fn) => fn(),
    setOutput: () => undefined,
    summary: async () => undefined,
    setSecret: () => undefined,
  };
}

/** The CLI's run: `argv` and the process environment (read once, by the entry point: app/entry.ts). */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const write = lineWriter(env);
  const guard = commandGuard(env);
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    write(`gitops-bump: ${(error as Error).message}`);
    return 1;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const read = (name: string): string => {
    const given = parsed.inputs.get(name);
    if (given !== undefined) return given;
    if (name === 'token') return env.GITHUB_TOKEN || env.GH_TOKEN || '';
    return '';
  };
  try {
    if (isReport(read)) {
      // Writes nothing: the table (or the `matrix` output as JSON) on stdout, fenced inside a GitHub Actions step.
      const result = await report(read, terminalIo(env), env);
      const text = parsed.json ? `${JSON.stringify({ matrix: JSON.parse(matrixOutput(result.matrix)) as unknown })}\n` : matrixTable(result.matrix);
      process.stdout.write(guard(text));
      write(`Read ${result.matrix.environments.length} environment(s): ${result.matrix.rows.length} image(s) and chart(s). Nothing was written.`);
      return 0;
    }
    const result = await bump(read, terminalIo(env), env);
    // Both carry repository text as it is (file names, YAML lines): fenced inside a GitHub Actions step.
    if (parsed.json) {
      process.stdout.write(guard(`${JSON.stringify(jsonOutputs(outputs(result.plan, result.context)))}\n`));
    } else if (result.context.mode === 'dry-run' && result.diff) {
      process.stdout.write(guard(result.diff));
    }
    write(result.outcome);
    return 0;
  } catch (error) {
    const noToken = error instanceof InputError && error.input === 'token' && read('token').trim() === '';
    const message = noToken ? NO_TOKEN : error instanceof Error ? error.message : String(error);
    write(`gitops-bump: ${message.split('\n')[0]}`);
    return 1;
  }
}

/** The action asks for its `token` input; a terminal user sets the environment or passes the flag. */
const NO_TOKEN = 'no token: set GITHUB_TOKEN or pass --token (or give --local-path to edit a checkout on disk)';
