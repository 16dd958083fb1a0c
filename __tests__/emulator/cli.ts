/**
 * `npm run emulator -- --repo DIR --name owner/name [--port N] [--latency-ms N] [--fault-rate F] [--protect BRANCH]`
 *
 * Prints the served git directory of each repository, then `emulator: <base URL>`, and serves
 * until SIGINT/SIGTERM. Options: see cli-options.ts.
 */
import { parseCli } from './cli-options.js';
import { startEmulator, type EmulatorOptions } from './index.js';

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const emulator = await startEmulator(options);
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
