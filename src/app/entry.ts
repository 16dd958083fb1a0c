// The one bundle (dist/lib/index.js): both entry points, exported. Importing it runs nothing; the two files
// GitHub and npm start, dist/index.js (the action) and dist/cli/index.js (the CLI), each call one of them. Each
// reads the process environment once, here, and hands it on.
//
// This module stays small: a run that will read a folder (`local-path`) first starts the reader threads
// (local/readers.ts), which boot on the other cores while the rest of the bundle loads.
import { warmReaders } from '../local/readers.js';

/** The action (inputs from the runner's environment; `INPUT_LOCAL-PATH` here only decides whether to start readers). */
export async function run(): Promise<void> {
  const env = process.env;
  if (env['INPUT_LOCAL-PATH']?.trim()) warmReaders(env);
  const action = await import('./action.js');
  await action.run(env);
}

/** The CLI: `argv` without node and the script. */
export async function main(argv: readonly string[]): Promise<number> {
  const env = process.env;
  if (argv.some((arg) => arg === '--local-path' || arg.startsWith('--local-path='))) warmReaders(env);
  const command = await import('./command.js');
  return command.main(argv, env);
}
