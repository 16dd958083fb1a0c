// The reader threads (src/local/readers.ts) through the built bundle: a local read shared between the main thread
// and worker threads gives exactly what the main thread reads alone, whoever reads what, and a reader thread that
// cannot start leaves the whole read to the main thread. GITOPS_BUMP_READERS sets the number of threads (0: the
// main thread alone); GITOPS_BUMP_READERS_ONLY=1 leaves every shared folder to the reader threads, so their reading
// is certain to be exercised whatever the machine's load. Nothing here measures time.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, node24, repoRoot, runAction, spawnCollect, type ActionRun } from '../../support/action.js';

let root: string;
let tree: string;

/** A monorepo of `services` × 3 environments, with the files a walk must note rather than read. */
function generate(dir: string, services: number): void {
  const write = (path: string, content: string | Buffer): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  for (let s = 0; s < services; s++) {
    const name = s % 25 === 0 ? 'api' : `svc${s}`;
    const folder = s % 25 === 0 ? `api-${s}` : name;
    for (const env of ['dev', 'staging', 'prod']) {
      write(`apps/${folder}/${env}/kustomization.yaml`, `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: ghcr.io/acme/${name}\n    newTag: "1.${s % 7}.0"\n`);
      write(`apps/${folder}/${env}/values.yaml`, `image:\n  repository: acme/${name}\n  tag: "1.${s % 7}.0" # pinned\n`);
    }
  }
  // Files at the top levels (read before the walk is shared) and notes from deep folders.
  write('apps/README.yaml', 'image: ghcr.io/acme/svc7:1.0.0\n');
  write('clusters/prod/api.yaml', 'spec:\n  containers:\n    - image: ghcr.io/acme/api:1.0.0\n');
  write('apps/svc7/prod/binary.yaml', Buffer.from('image: ghcr.io/acme/svc7:1.0.0\n\0\0', 'latin1'));
  write('apps/svc8/prod/big.yaml', `image: ghcr.io/acme/svc8:1.0.0\n${'#'.repeat(3000)}\n`);
  write('apps/svc9/prod/utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('image: ghcr.io/acme/svc9:1.0.0\n', 'utf16le')]));
  write('apps/svc11/prod/latin1.yaml', Buffer.from('image: ghcr.io/acme/svc11:1.0.0 # caf\xe9\n', 'latin1'));
  write('apps/svc12/vendored/.git', 'gitdir: ../../../.git/modules/vendored\n');
  write('apps/svc12/vendored/deploy.yaml', 'image: ghcr.io/acme/svc12:1.0.0\n');
  symlinkSync(join(dir, 'apps/svc7/prod/values.yaml'), join(dir, 'apps/svc13/prod/link.yaml'));
}

const IMAGES = 'ghcr.io/acme/api:2.0.0\nghcr.io/acme/svc7:2.0.0\nghcr.io/acme/svc8:2.0.0\nghcr.io/acme/svc9:2.0.0\nghcr.io/acme/svc11:2.0.0\nghcr.io/acme/svc12:2.0.0';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'e2e-readers-'));
  tree = join(root, 'repo');
  generate(tree, 200);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function dryRun(env: Record<string, string>, entry?: string): Promise<ActionRun> {
  const run = await runAction({ images: IMAGES, 'local-path': tree, mode: 'dry-run', 'max-file-size': '2000' }, { env, ...(entry ? { entry } : {}) });
  expect(run.code, run.stdout.slice(-3000) + run.stderr).toBe(0);
  return run;
}

/** What a run reports, less the debug line that says how the reading was shared. */
function reported(run: ActionRun): unknown {
  const log = run.stdout.split('\n').filter((line) => !line.startsWith('::debug::Read on '));
  return { outputs: run.outputs, summary: run.summary, log };
}

function shares(run: ActionRun): number[] | undefined {
  const line = run.stdout.split('\n').find((l) => l.startsWith('::debug::Read on '));
  return line ? /threads: ([\d +]+) folders/.exec(line)![1]!.split(' + ').map(Number) : undefined;
}

describe('reader threads', () => {
  it('read exactly what the main thread reads alone, however the folders are shared', async () => {
    const alone = await dryRun({ GITOPS_BUMP_READERS: '0' });
    expect(shares(alone)).toBeUndefined();
    const changes = JSON.parse(alone.outputs.changes!) as { file: string }[];
    // The kustomizations of 8 api folders and of svc7, 8, 9, 11, 12 × 3 environments, and the two top-level files
    // (the values files name docker.io/acme/…); the files that cannot be read are named.
    expect(changes).toHaveLength(13 * 3 + 2);
    for (const [path, reason] of [
      ['apps/svc7/prod/binary.yaml', 'binary file'],
      ['apps/svc8/prod/big.yaml', 'larger than max-file-size'],
      ['apps/svc9/prod/utf16.yaml', 'UTF-16 LE'],
      ['apps/svc11/prod/latin1.yaml', 'not valid UTF-8'],
      ['apps/svc12/vendored', 'submodule'],
      ['apps/svc13/prod/link.yaml', 'symbolic link'],
    ]) {
      expect(alone.stdout).toMatch(new RegExp(`${path.replace(/[./]/g, '\\$&')}.*${reason}`));
    }

    const shared = await dryRun({ GITOPS_BUMP_READERS: '2' });
    expect(reported(shared)).toEqual(reported(alone));

    // The reader threads read every shared folder: the main thread only what it listed before sharing.
    const readersOnly = await dryRun({ GITOPS_BUMP_READERS: '2', GITOPS_BUMP_READERS_ONLY: '1' });
    expect(reported(readersOnly)).toEqual(reported(alone));
    const [main, ...readers] = shares(readersOnly)!;
    expect(main).toBe(0);
    expect(readers).toHaveLength(2);
    expect(readers.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(64);
  });

  it('give the same report and the same bump under globs with excludes, whatever the threads read', async () => {
    const report = (env: Record<string, string>) =>
      runAction({ mode: 'report', environments: 'all: apps/**/*.yaml\nprod: apps/*/prod/\nnot-dev: apps/**, !apps/*/dev/**', 'local-path': tree }, { env });
    const alone = await report({ GITOPS_BUMP_READERS: '0' });
    const shared = await report({ GITOPS_BUMP_READERS: '2', GITOPS_BUMP_READERS_ONLY: '1' });
    expect(alone.code, alone.stdout.slice(-2000)).toBe(0);
    expect(shared.outputs.matrix).toBe(alone.outputs.matrix);
    expect(shared.summary).toBe(alone.summary);
    const matrix = JSON.parse(alone.outputs.matrix!) as { environments: { name: string; files: number }[] };
    expect(matrix.environments.map((e) => e.name)).toEqual(['all', 'prod', 'not-dev']);

    const bump = (env: Record<string, string>) =>
      runAction({ images: IMAGES, paths: 'apps/**/*.yaml\n!apps/api-*/dev/**\n!**/values.yaml', 'local-path': tree, mode: 'dry-run' }, { env });
    const one = await bump({ GITOPS_BUMP_READERS: '0' });
    const two = await bump({ GITOPS_BUMP_READERS: '2', GITOPS_BUMP_READERS_ONLY: '1' });
    expect(one.code, one.stdout.slice(-2000)).toBe(0);
    expect(reported(two)).toEqual(reported(one));
    expect(shares(two)![0]).toBe(0);
    const files = (JSON.parse(one.outputs.changes!) as { file: string }[]).map((c) => c.file);
    expect(files.some((f) => /^apps\/api-\d+\/dev\//.test(f) || f.endsWith('values.yaml'))).toBe(false);
    // 13 kustomizations × 3 less the 8 api dev ones, apps/README.yaml and (under the default max-file-size) big.yaml.
    expect(files).toHaveLength(13 * 3 - 8 + 2);
  });

  it('a reader thread that cannot start leaves the read to the main thread, with the same result', async () => {
    const alone = await dryRun({ GITOPS_BUMP_READERS: '0' });
    const copy = join(root, 'dist-without-reader');
    cpSync(join(repoRoot, 'dist'), copy, { recursive: true });
    rmSync(join(copy, 'lib/read-worker.js'));
    const broken = await dryRun({ GITOPS_BUMP_READERS: '2', GITOPS_BUMP_READERS_ONLY: '1' }, join(copy, 'index.js'));
    expect(shares(broken)).toBeUndefined();
    expect(reported(broken)).toEqual(reported(alone));
  });

  it('the CLI shares its read too, with the same answer', async () => {
    const cli = (env: Record<string, string>) =>
      spawnCollect(node24, [cliEntry, '--images', IMAGES, '--local-path', tree, '--mode', 'dry-run', '--max-file-size', '2000', '--json'], { PATH: process.env.PATH ?? '', ...env }, root);
    const alone = await cli({ GITOPS_BUMP_READERS: '0' });
    const shared = await cli({ GITOPS_BUMP_READERS: '2', GITOPS_BUMP_READERS_ONLY: '1', GITOPS_BUMP_DEBUG: '1' });
    expect(alone.code, alone.stderr).toBe(0);
    expect(shared.code, shared.stderr).toBe(0);
    expect(shared.stdout).toBe(alone.stdout);
    expect(JSON.parse(alone.stdout).changes).toHaveLength(13 * 3 + 2);
    expect(shared.stderr).toMatch(/Read on 3 threads: 0 \+ \d+ \+ \d+ folders/);
  });
});
