// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with @vercel/ncc. Each entry gets its own
// folder because ncc splits lazily imported modules (the GitHub adapters, loaded only in API mode) into chunk
// files beside the entry; dist/package.json marks every bundle as an ES module.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
const entries = [
  { src: 'src/index.ts', out: 'dist' },
  { src: 'src/cli.ts', out: 'dist/cli', shebang: true },
];

rmSync('dist', { recursive: true, force: true });
const work = mkdtempSync(join(tmpdir(), 'gitops-bump-build-'));
try {
  for (const entry of entries) {
    const outDir = join(work, entry.out.replace(/\//g, '_'));
    execFileSync(process.execPath, [ncc, 'build', entry.src, '-o', outDir, '--target', 'es2022', '-q'], { stdio: 'inherit' });
    mkdirSync(entry.out, { recursive: true });
    for (const file of readdirSync(outDir)) {
      if (file === 'package.json') continue;
      cpSync(join(outDir, file), join(entry.out, file), { recursive: true });
    }
    if (entry.shebang) {
      const main = join(entry.out, 'index.js');
      const code = readFileSync(main, 'utf8');
      if (!code.startsWith('#!')) writeFileSync(main, `#!/usr/bin/env node\n${code}`);
      chmodSync(main, 0o755);
    }
  }
  writeFileSync('dist/package.json', '{\n  "type": "module"\n}\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
