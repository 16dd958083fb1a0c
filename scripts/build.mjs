// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with @vercel/ncc.
// Each entry is bundled on its own, then moved into dist/ beside one package.json
// that marks the bundles as ES modules.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
const entries = [
  { src: 'src/index.ts', out: 'index.js' },
  { src: 'src/cli.ts', out: 'cli.js', shebang: true },
];

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
const work = mkdtempSync(join(tmpdir(), 'gitops-bump-build-'));
try {
  for (const entry of entries) {
    const outDir = join(work, entry.out);
    execFileSync(process.execPath, [ncc, 'build', entry.src, '-o', outDir, '--target', 'es2022', '-q'], {
      stdio: 'inherit',
    });
    let code = readFileSync(join(outDir, 'index.js'), 'utf8');
    if (entry.shebang && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
    writeFileSync(join('dist', entry.out), code);
    if (entry.shebang) chmodSync(join('dist', entry.out), 0o755);
  }
  writeFileSync('dist/package.json', '{\n  "type": "module"\n}\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
