// Smoke check of the built bundles under the machine's own Node (not only Node 24): the CLI answers --help
// and a dry-run over examples/gitops-repo prints the expected diff line without writing anything.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const before = readFileSync('examples/gitops-repo/apps/api/overlays/prod/kustomization.yaml', 'utf8');
const help = execFileSync(process.execPath, ['dist/cli/index.js', '--help'], { encoding: 'utf8' });
if (!help.includes('--images')) throw new Error('dist/cli/index.js --help does not list --images');
const diff = execFileSync(
  process.execPath,
  ['dist/cli/index.js', '--images', 'ghcr.io/acme/api:1.5.0', '--paths', 'apps/api/overlays/prod/**', '--local-path', 'examples/gitops-repo', '--mode', 'dry-run'],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
);
if (!diff.includes('+    newTag: "1.5.0"')) throw new Error(`unexpected dry-run diff under Node ${process.version}:\n${diff}`);
if (readFileSync('examples/gitops-repo/apps/api/overlays/prod/kustomization.yaml', 'utf8') !== before) {
  throw new Error('a dry-run wrote to examples/gitops-repo');
}
console.log(`smoke: dist/cli/index.js works under Node ${process.version}`);
