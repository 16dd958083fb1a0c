// What a local run loads: nothing of an HTTP stack. @actions/core's OIDC client (and with it @actions/http-client
// and undici, a third of the bundle) loads only when getIDToken is called — patches/@actions+core+*.patch, applied
// by `npm ci` (postinstall: patch-package), until https://github.com/actions/toolkit/issues/1697 is fixed upstream.
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../../support/action.js';

const scratch = mkdtempSync(join(tmpdir(), 'e2e-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a local run', () => {
  it('loads no HTTP client: no http, https, http2, tls or zlib module', async () => {
    const list = join(scratch, 'modules');
    const preload = pathToFileURL(join(repoRoot, '__tests__/support/module-list.mjs')).href;
    const run = await runAction(
      { images: 'ghcr.io/acme/api:1.5.0', 'local-path': join(repoRoot, 'examples/gitops-repo'), mode: 'dry-run' },
      { env: { NODE_OPTIONS: `--import=${preload}`, MODULE_LIST_FILE: list } },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.changed).toBe('true');
    const loaded = readFileSync(list, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule worker_threads'); // the list is the real one: the reader threads' module
    expect(loaded.filter((m) => /^NativeModule (http|https|http2|tls|zlib)$/.test(m))).toEqual([]);
  });

  it('@actions/core still gets an OIDC token on demand (the client loads when asked for)', async () => {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    await expect(core.getIDToken()).rejects.toThrow(/ACTIONS_ID_TOKEN_REQUEST_URL/);
  });
});
