/**
 * `npm run emulator -- --repo DIR --name owner/name [--port N] [--latency-ms N] [--fault-rate F] [--protect BRANCH]`
 *
 * Prints the served git directory of each repository, then `emulator: <base URL>`, and serves
 * until SIGINT/SIGTERM. Options: `--help`, or see cli-options.ts. A command-line mistake is one
 * line on stderr and exit 2; a failure to start (a missing directory, a port in use) is one line
 * and exit 1.
 */
import { CliError, HELP, parseCli, wantsHelp } from './cli-options.js';
import { startEmulator, type EmulatorOptions } from './index.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(HELP);
    return;
  }
  let options: EmulatorOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`emulator: ${error.message}`);
    process.exit(2);
  }
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    console.error(`emulator: cannot start: ${(error as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
  for (const repo of options.repos) {
    console.log(`repository ${repo.name}: ${emulator.repoDir(repo.name)}`);
  }
  console.log(`emulator: ${emulator.url}`);
  const shutdown = (): void => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main();
