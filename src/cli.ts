// The CLI entry point (dist/cli/index.js, `bin: gitops-bump`): runs main() and nothing else.
import { main } from './command.js';

process.exitCode = await main(process.argv.slice(2));
