import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP, parseCli } from './cli-options.js';
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

/** Runs the CLI to its exit (for runs that must not start serving). */
function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run emulator', () => {
  it('--help prints the usage with every option on one line and exits 0', () => {
    const { status, stdout, stderr } = runCli(['--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trimEnd()).toBe(HELP);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^usage: npm run emulator -- --repo DIR --name owner\/name/);
    // Every option parseCli accepts has its own line in the help.
    for (const flag of ['--repo', '--name', '--port', '--host', '--latency-ms', '--write-latency-ms', '--writes-per-minute', '--fault-rate', '--post-apply-fault-rate', '--protect', '--ruleset', '--bare-copy', '--max-query-bytes', '--seed', '--auto-merge', '--log', '--help']) {
      expect(lines.filter((line) => line.trimStart().replace(/^-h, /, '').startsWith(`${flag} `))).toHaveLength(1);
    }
    expect(runCli(['-h', '--repo', 'x']).status).toBe(0);
  });

  it('a missing --repo is one line naming the option and the usage hint, exit 2, no stack trace', () => {
    const { status, stdout, stderr } = runCli(['--port', '0']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('emulator: missing --repo DIR: give at least one repository to serve (run with --help for usage)\n');
    const unknown = runCli(['--repo', 'x', '--name', 'o/x', '--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("emulator: Unknown option '--bogus' (run with --help for usage)\n");
    const missingDir = runCli(['--repo', join(tmpdir(), 'gh-emu-no-such-dir'), '--name', 'o/x']);
    expect(missingDir.status).toBe(1);
    expect(missingDir.stderr.trim().split('\n')).toHaveLength(1);
    expect(missingDir.stderr).toMatch(/^emulator: cannot start: .*gh-emu-no-such-dir/);
  });

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

  it('--log FILE appends one JSON line per request: method, path, operation, status, ms', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'gh-emu-plain-'));
    scratch.push(plain);
    writeFiles(plain, { 'a.yaml': 'a: 1\n' });
    const logDir = mkdtempSync(join(tmpdir(), 'gh-emu-log-'));
    scratch.push(logDir);
    const log = join(logDir, 'requests.jsonl');
    writeFileSync(log, '{"earlier":"line"}\n');
    const { child, lines, url } = await startCli(['--repo', plain, '--name', 'acme/logged', '--log', log]);
    scratch.push(/^repository acme\/logged: (.+)$/.exec(lines[0])?.[1] as string);
    const headers = { authorization: 'token t' };
    expect((await fetch(`${url}/repos/acme/logged/branches/main`, { headers })).status).toBe(200);
    expect((await fetch(`${url}/api/v3/repos/acme/logged/git/ref/heads/nope`, { headers })).status).toBe(404);
    expect((await fetch(`${url}/repos/acme/logged`)).status).toBe(401);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;

    const logged = readFileSync(log, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged[0]).toEqual({ earlier: 'line' });
    for (const entry of logged.slice(1)) expect(entry.ms).toBeTypeOf('number');
    expect(logged.slice(1).map(({ ms: _ms, ...rest }) => rest)).toEqual([
      { method: 'GET', path: '/repos/acme/logged/branches/main', operation: 'repos/get-branch', status: 200 },
      { method: 'GET', path: '/api/v3/repos/acme/logged/git/ref/heads/nope', operation: 'git/get-ref', status: 404 },
      { method: 'GET', path: '/repos/acme/logged', operation: 'repos/get', status: 401 },
    ]);
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
    expect(options.logFile).toBeUndefined();
    expect(parseCli(['--repo', 'a', '--name', 'o/a', '--log', 'requests.jsonl']).logFile).toBe('requests.jsonl');
    expect(() => parseCli(['--repo', 'a'])).toThrow(/each --repo needs a --name/);
    expect(() => parseCli([])).toThrow(/^missing --repo DIR: .* \(run with --help for usage\)$/);
    expect(() => parseCli(['--repo', 'a', '--name', 'o/a', '--fault-rate', '2'])).toThrow(/between 0 and 1/);
    expect(parseCli(['--repo', 'a', '--name', 'o/a', '--post-apply-fault-rate', '0.5']).postApplyFaultRate).toBe(0.5);
    expect(() => parseCli(['--repo', 'a', '--name', 'o/a', '--post-apply-fault-rate', '1.5'])).toThrow(/^--post-apply-fault-rate must be between 0 and 1/);
  });

  it('--ruleset, --bare-copy, --max-query-bytes; a served clone moves its checked-out branch only as git push would', () => {
    const options = parseCli(['--repo', 'a', '--name', 'o/a', '--ruleset', 'main', '--ruleset', 'release/*:restrict-deletions', '--bare-copy', '--max-query-bytes', '0']);
    expect(options.repos[0]).toMatchObject({
      rulesets: [{ pattern: 'main', rule: 'pull-request' }, { pattern: 'release/*', rule: 'restrict-deletions' }],
      bareCopy: true,
      checkedOut: 'push',
    });
    expect(options.maxQueryBytes).toBe(0);
    expect(parseCli(['--repo', 'a', '--name', 'o/a']).repos[0]).toMatchObject({ bareCopy: false, checkedOut: 'push' });
    expect(() => parseCli(['--repo', 'a', '--name', 'o/a', '--ruleset', 'main:merge-queue'])).toThrow(/^--ruleset: 'merge-queue' is not a rule .* \(run with --help for usage\)$/);
  });

  it('parses --write-latency-ms (fixed or a range) and --writes-per-minute, and refuses bad values naming the flag', () => {
    const base = ['--repo', 'a', '--name', 'o/a'];
    const options = parseCli([...base, '--latency-ms', '300', '--write-latency-ms', '900-1100', '--writes-per-minute', '80']);
    expect(options).toMatchObject({ latencyMs: 300, writeLatencyMs: { min: 900, max: 1100 }, writesPerMinute: 80 });
    expect(parseCli([...base, '--write-latency-ms', '1000', '--writes-per-minute', '0'])).toMatchObject({ writeLatencyMs: 1000, writesPerMinute: 0 });
    const defaults = parseCli(base);
    expect(defaults.writeLatencyMs).toBeUndefined();
    expect(defaults.writesPerMinute).toBeUndefined();
    expect(() => parseCli([...base, '--write-latency-ms', 'slow'])).toThrow(/^--write-latency-ms must be a non-negative number, got 'slow'/);
    expect(() => parseCli([...base, '--write-latency-ms', '20-5'])).toThrow(/^--write-latency-ms must be MIN-MAX with MIN <= MAX/);
    expect(() => parseCli([...base, '--writes-per-minute=-1'])).toThrow(/^--writes-per-minute must be a non-negative number/);
    expect(() => parseCli([...base, '--writes-per-minute', '2.5'])).toThrow(/^--writes-per-minute must be a whole number, got '2.5'/);
  });
});
