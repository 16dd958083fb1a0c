import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from './cli-options.js';
import { startEmulator } from './index.js';
import { cleanup, gitIn, writeFiles } from './fixture.js';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const children: ChildProcess[] = [];
const scratch: string[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  cleanup(...scratch);
});

/** Starts the CLI and resolves with everything it printed up to the base URL line. */
function startCli(args: string[]): Promise<{ child: ChildProcess; lines: string[]; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^emulator: (http:\/\/\S+)$/m.exec(out);
      if (match) resolve({ child, lines: out.trim().split('\n'), url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`emulator CLI exited ${code}: ${err}`)));
  });
}

describe('npm run emulator', () => {
  it('imports a plain directory as the first commit of a fresh repository, prints where, and serves it', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'gh-emu-plain-'));
    scratch.push(plain);
    writeFiles(plain, { 'apps/web.yaml': 'image: nginx:1.27\n' });
    const { child, lines, url } = await startCli(['--repo', plain, '--name', 'acme/plain', '--port', '0', '--protect', 'main']);
    const imported = /^repository acme\/plain: (.+)$/.exec(lines[0])?.[1];
    expect(imported).toBeDefined();
    scratch.push(imported as string);
    expect(gitIn(imported as string, 'log', '--format=%s', 'main')).toBe(`Import ${plain}`);
    expect(gitIn(imported as string, 'show', 'main:apps/web.yaml')).toBe('image: nginx:1.27');

    const headers = { authorization: 'token t', 'content-type': 'application/json' };
    const branch = await fetch(`${url}/api/v3/repos/acme/plain/branches/main`, { headers });
    expect(branch.status).toBe(200);
    expect(((await branch.json()) as { commit: { sha: string }; protected: boolean })).toMatchObject({
      commit: { sha: gitIn(imported as string, 'rev-parse', 'main') },
      protected: true,
    });
    const write = await fetch(`${url}/repos/acme/plain/git/refs/heads/main`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ sha: gitIn(imported as string, 'rev-parse', 'main'), force: true }),
    });
    expect(write.status).toBe(422);
    expect(((await fetch(`${url}/repos/acme/other`, { headers })).status)).toBe(404);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it('imports a plain directory programmatically and removes the temp repository on stop', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'gh-emu-plain-'));
    scratch.push(plain);
    writeFiles(plain, { 'values.yaml': 'tag: 1\n' });
    const emu = await startEmulator({ repos: [{ name: 'acme/imported', dir: plain }, { name: 'acme/second', dir: plain, defaultBranch: 'trunk' }] });
    const served = emu.repoDir('acme/imported');
    expect(served).not.toBe(plain);
    expect(gitIn(served, 'show', 'main:values.yaml')).toBe('tag: 1');
    expect(gitIn(emu.repoDir('acme/second'), 'show', 'trunk:values.yaml')).toBe('tag: 1');
    await emu.stop();
    expect(existsSync(served)).toBe(false);
    expect(existsSync(join(plain, 'values.yaml'))).toBe(true);
  });

  it('parses repeated --repo/--name pairs, latency ranges and refuses bad input', () => {
    const options = parseCli(['--repo', 'a', '--name', 'o/a', '--repo', 'b', '--name', 'o/b', '--latency-ms', '5-20', '--fault-rate', '0.1']);
    expect(options.repos.map((r) => r.name)).toEqual(['o/a', 'o/b']);
    expect(options.latencyMs).toEqual({ min: 5, max: 20 });
    expect(options.faultRate).toBe(0.1);
    expect(() => parseCli(['--repo', 'a'])).toThrow(/each --repo needs a --name/);
    expect(() => parseCli(['--repo', 'a', '--name', 'o/a', '--fault-rate', '2'])).toThrow(/between 0 and 1/);
  });
});
