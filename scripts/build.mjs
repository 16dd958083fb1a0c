// Bundles src/ with @vercel/ncc into dist/lib/: the bundle (a small index.js, and the chunks ncc splits off for
// lazily imported modules: the action and the CLI, loaded after the reader threads start; the GitHub adapters,
// loaded only in API mode), and the reader threads' script read-worker.js (local/readers.ts; a second build, since
// ncc does not bundle worker scripts: it holds only the walk, the globs and the byte filter). Then writes the two
// entry files: dist/index.js (the action, action.yml `runs.main`) and dist/cli/index.js (the CLI, package.json
// `bin`). dist/package.json marks the files as ES modules.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';

rmSync('dist', { recursive: true, force: true });
const work = mkdtempSync(join(tmpdir(), 'gitops-bump-build-'));
try {
  execFileSync(process.execPath, [ncc, 'build', 'src/app/entry.ts', '-o', work, '--target', 'es2022', '-q'], { stdio: 'inherit' });
  mkdirSync('dist/lib', { recursive: true });
  for (const file of readdirSync(work)) {
    if (file !== 'package.json') cpSync(join(work, file), join('dist/lib', file), { recursive: true });
  }
  const worker = join(work, 'read-worker');
  execFileSync(process.execPath, [ncc, 'build', 'src/local/read-worker.ts', '-o', worker, '--target', 'es2022', '-q'], { stdio: 'inherit' });
  const extra = readdirSync(worker).filter((file) => file !== 'index.js' && file !== 'package.json');
  if (extra.length > 0) throw new Error(`read-worker: one file expected, ncc also wrote ${extra.join(', ')}`);
  cpSync(join(worker, 'index.js'), 'dist/lib/read-worker.js');
} finally {
  rmSync(work, { recursive: true, force: true });
}

// V8's compile cache (Node >= 22.1: module.enableCompileCache, in os.tmpdir()) keeps the bundle's compiled code for
// the next run on the same machine: a second bump in a job starts ~15 ms sooner. Enabled before the bundle is
// imported (hence the dynamic import); on older Node the call does not exist and the bundle loads as before.
const COMPILE_CACHE = "import module from 'node:module';\n\nmodule.enableCompileCache?.();\n";
writeFileSync(
  'dist/index.js',
  "// The action's entry point (action.yml `runs.main`): runs the action and nothing else.\n" +
    COMPILE_CACHE +
    "const { run } = await import('./lib/index.js');\nawait run();\n",
);
mkdirSync('dist/cli', { recursive: true });
writeFileSync(
  'dist/cli/index.js',
  "#!/usr/bin/env node\n// The CLI's entry point (package.json `bin: gitops-bump`): runs the command line and nothing else.\n" +
    COMPILE_CACHE +
    "const { main } = await import('../lib/index.js');\nprocess.exitCode = await main(process.argv.slice(2));\n",
);
chmodSync('dist/cli/index.js', 0o755);
writeFileSync('dist/package.json', '{\n  "type": "module"\n}\n');
