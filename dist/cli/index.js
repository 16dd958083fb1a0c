#!/usr/bin/env node
// The CLI's entry point (package.json `bin: gitops-bump`): runs the command line and nothing else.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../lib/index.js');
process.exitCode = await main(process.argv.slice(2));
