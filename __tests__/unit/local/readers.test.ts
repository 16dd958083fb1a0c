// Reader threads that fail after claiming their share: the main thread reads every item they claimed, and the
// read is the one the main thread makes alone. The threads here are small scripts that follow the claim protocol
// (src/local/readers.ts) and then fail; the real reader script is exercised through the bundle
// (__tests__/e2e/local/readers.test.ts). Each case imports the modules afresh: the reader threads are per process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compilePaths } from '../../../src/core/paths.js';

let root: string;
let tree: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'readers-'));
  tree = join(root, 'tree');
  for (let s = 0; s < 40; s++) {
    for (const env of ['dev', 'prod']) {
      mkdirSync(join(tree, `apps/svc${s}/${env}`), { recursive: true });
      writeFileSync(join(tree, `apps/svc${s}/${env}/values.yaml`), `image: ghcr.io/acme/${s % 3 === 0 ? 'api' : `svc${s}`}:1.0.${s}\n`);
    }
  }
  writeFileSync(join(tree, 'apps/top.yaml'), 'image: ghcr.io/acme/api:0.1.0\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A thread script that claims every item of each job, then ends as `end` says. */
function failingScript(name: string, end: string): URL {
  const file = join(root, `${name}.mjs`);
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, claims, thread }) => {
  const owners = new Int32Array(claims);
  for (let i = 0; i < owners.length; i++) Atomics.compareExchange(owners, i, 0, thread);
  ${end}
});
`,
  );
  return pathToFileURL(file);
}

async function readWith(env: Record<string, string>, script?: URL) {
  vi.resetModules();
  const readers = await import('../../../src/local/readers.js');
  const disk = await import('../../../src/local/disk.js');
  if (script) readers.warmReaders(env, script);
  return disk.readLocal(tree, compilePaths(['apps/**/*.yaml']), { maxFileBytes: 10_000, keep: { components: ['api'], charts: [], appVersion: false } });
}

describe('reader threads that fail', () => {
  it('that cannot be created leave the read to the main thread, and the run goes on', async () => {
    const alone = await readWith({});
    // Node refuses a worker script that is not a file at once (new Worker throws): nothing is started.
    const none = await readWith({ GITOPS_BUMP_READERS: '2' }, new URL('https://example.invalid/read-worker.js'));
    expect(none.files).toEqual(alone.files);
    expect(none.shares).toEqual([none.shares[0]]);
  });

  it.each([
    ['answer with an error', "parentPort.postMessage({ id, error: 'disk on fire' });"],
    ['exit without answering', 'process.exit(3);'],
    ['throw', "throw new Error('boom');"],
  ])('that %s leave their items to the main thread', async (name, end) => {
    const alone = await readWith({});
    const api = Array.from({ length: 40 }, (_, s) => s).filter((s) => s % 3 === 0);
    const expected = [...api.flatMap((s) => [`apps/svc${s}/dev/values.yaml`, `apps/svc${s}/prod/values.yaml`]), 'apps/top.yaml'];
    expect(alone.files.map((f) => f.path)).toEqual(expected.sort());
    expect(alone.selected).toBe(81);
    // Both threads claim every item before failing (GITOPS_BUMP_READERS_ONLY: the main thread waits for them).
    const failed = await readWith({ GITOPS_BUMP_READERS: '2', GITOPS_BUMP_READERS_ONLY: '1' }, failingScript(name.replace(/ /g, '-'), end));
    expect(failed.files).toEqual(alone.files);
    expect(failed.skipped).toEqual(alone.skipped);
    expect(failed.selected).toBe(alone.selected);
    // Every shared item (the 80 environment folders, listed before sharing, and a batch of the one file met on
    // the way) was read by the main thread.
    expect(failed.shares).toEqual([81]);
  });
});
