// Repository text that tries to become a workflow command, through the built bundle: file names holding a newline
// and a command, a name that is a command, the legacy `##[…]` form anywhere in a line, a carriage return; files
// bumped, refused, skipped and promoted, locally and through the API (the emulator serves a real git repository,
// so such names can be committed). The runner would process no command the action did not mean (foreignCommands
// reads the output as the runner does), and every file is still reported, its name escaped.
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.js';
import { cliEntry, node24, spawnCollect } from '../support/action.js';
import { git, gitRepo } from '../support/repo.js';
import { bump, cleanUp, foreignCommands, pod, runnerCommands, scratch } from '../support/bundle.js';

afterAll(cleanUp);

/** Bumped: a newline, a mask of the word the outcome line prints, and a fake warning. */
const NEWLINE = 'x\n::add-mask::Bumped\n::warning title=FAKE::y.yaml';
/** Bumped: a name that is a command. */
const COMMAND = '::error::z.yaml';
/** Bumped: the legacy form, which the runner reads anywhere in a line. */
const LEGACY = 'a##[add-mask]Bumped.yaml';
/** Skipped (binary): a carriage return, a fake warning and a legacy mask. */
const SKIPPED = 'b\r::warning title=FAKE::##[add-mask]Skipped.yaml';
/** Refused (2.0.0 is newer than the requested 1.1.0): a newline and an error. */
const REFUSED = 'r\n::error::refused.yaml';

const tree = {
  [NEWLINE]: pod('ghcr.io/acme/api:1.0.0'),
  [COMMAND]: pod('ghcr.io/acme/api:1.0.0'),
  [LEGACY]: pod('ghcr.io/acme/api:1.0.0'),
  [SKIPPED]: Buffer.concat([Buffer.from('image: ghcr.io/acme/api:1.0.0\n'), Buffer.from([0, 1, 2, 0])]),
  [REFUSED]: pod('ghcr.io/acme/api:2.0.0'),
};

// Raw control characters other than the line ends between lines.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** The lines of what the action printed. */
function lines(stdout: string): string[] {
  return stdout.split('\n');
}

/** `text` is printed between a `::stop-commands::T` line and a `::T::` line with a fresh 32-hex-digit T. */
function expectFenced(stdout: string, text: string): void {
  const all = lines(stdout);
  const at = all.indexOf(text);
  expect(at, `'${text}' printed`).toBeGreaterThan(0);
  const token = /^::stop-commands::([0-9a-f]{32})$/.exec(all[at - 1]!)?.[1];
  expect(token, `a fence before '${text}'`).toBeDefined();
  expect(all[at + 1]).toBe(`::${token}::`);
}

/** No command holds the words the hostile names carry (a mask of "Bumped", a title, an injected error). */
function expectNoInjected(stdout: string): void {
  for (const c of runnerCommands(stdout)) {
    expect(c.command === 'add-mask' && /Bumped|Promoted|Skipped/.test(c.data), c.line).toBe(false);
    expect(c.properties['title'], c.line).toBeUndefined();
    expect(c.command === 'error' && /^z\.yaml|^refused\.yaml/.test(c.data), c.line).toBe(false);
  }
}

describe('file names that hold workflow commands', () => {
  it('locally (writes enabled): every name is written or reported escaped, and no command is injected', async () => {
    const dir = scratch(tree);
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', 'local-path': dir }, { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(foreignCommands(run)).toEqual([]);
    expectNoInjected(run.stdout);
    expect(RAW_CONTROL.test(run.stdout + run.stderr), 'a raw control character reached the log').toBe(false);
    const changed = (JSON.parse(run.outputs.changes!) as { file: string }[]).map((c) => c.file).sort();
    expect(changed).toEqual([COMMAND, LEGACY, NEWLINE].sort());
    const out = lines(run.stdout);
    expect(out).toContain(String.raw`wrote x\u000a::add-mask::Bumped\u000a::warning title=FAKE::y.yaml`);
    expect(out).toContain('wrote ::error::z.yaml');
    expectFenced(run.stdout, 'wrote a##[add-mask]Bumped.yaml');
    expectFenced(run.stdout, String.raw`skipped b\u000d::warning title=FAKE::##[add-mask]Skipped.yaml: binary file`);
    // The refusal is an annotation at the file: its name is a property, encoded by @actions/core.
    expect(run.annotations).toContainEqual(expect.stringMatching(/^::warning file=r%0A%3A%3Aerror%3A%3Arefused\.yaml,line=8::ghcr\.io\/acme\/api 2\.0\.0 → 1\.1\.0 refused: /));
    expect(out).toContain('Bumped 3 image references in 3 files (api 1.0.0 → 1.1.0); 1 refused.');
  });

  it('a promotion source whose file name holds a command: the promote line names it escaped', async () => {
    const dir = scratch({ 'src/p\n::add-mask::Promoted.yaml': pod('ghcr.io/acme/api:1.1.0'), 'dst/pod.yaml': pod('ghcr.io/acme/api:1.0.0') });
    const run = await bump({ 'promote-from': 'src/**', paths: 'dst/**', 'local-path': dir }, { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(foreignCommands(run)).toEqual([]);
    expectNoInjected(run.stdout);
    expect(lines(run.stdout)).toContain(String.raw`promote ghcr.io/acme/api 1.1.0 (from src/p\u000a::add-mask::Promoted.yaml:8)`);
  });

  it('through the API (commit mode): the skipped name is reported escaped, the refusal annotated, no command injected', async () => {
    const emu = await startEmulator({ repos: [] });
    try {
      const dir = gitRepo({ files: { 'README.md': 'hostile names\n' } });
      const files = scratch(tree);
      git(dir, '--work-tree', files, 'add', '--all');
      git(dir, '--work-tree', files, 'commit', '--quiet', '-m', 'hostile names');
      const name = 'acme/commands';
      await emu.addRepo({ name, dir });
      const before = git(dir, 'rev-parse', 'main');
      const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', repository: name }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(foreignCommands(run)).toEqual([]);
      expectNoInjected(run.stdout);
      expect(RAW_CONTROL.test(run.stdout + run.stderr), 'a raw control character reached the log').toBe(false);
      expect(git(dir, 'diff', '--name-only', '-z', before, 'main').split('\0').filter(Boolean).sort()).toEqual([COMMAND, LEGACY, NEWLINE].sort());
      expectFenced(run.stdout, String.raw`skipped b\u000d::warning title=FAKE::##[add-mask]Skipped.yaml: binary file`);
      expect(run.annotations).toContainEqual(expect.stringMatching(/^::warning file=r%0A%3A%3Aerror%3A%3Arefused\.yaml,line=8::/));
      expect(run.outputs['commit-sha']).toBe(git(dir, 'rev-parse', 'main'));
      expect(emu.contractViolations).toEqual([]);
    } finally {
      await emu.stop();
    }
  });

  it('the CLI inside a GitHub Actions step: its diff, its JSON and its log lines are fenced where they hold a command', async () => {
    // A YAML line that is a command once the runner trims its indentation, next to the bumped image: a diff context line.
    const args = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: c\n      args:\n        - |\n          ::add-mask::Context\n      image: ghcr.io/acme/api:1.0.0\n';
    const dir = scratch({ ...tree, 'c.yaml': args });
    const cli = (extra: string[]) =>
      spawnCollect(node24, [cliEntry, '--images', 'ghcr.io/acme/api:1.1.0', '--local-path', dir, '--mode', 'dry-run', ...extra], { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true' }, dir);
    for (const run of [await cli([]), await cli(['--json'])]) {
      expect(run.code, run.stderr).toBe(0);
      expect(foreignCommands({ ...run, outputs: {}, summary: '', annotations: [] })).toEqual([]);
      for (const c of runnerCommands(run.stdout + run.stderr)) expect(c.command === 'add-mask' && /Context/.test(c.data), c.line).toBe(false);
      expectNoInjected(run.stdout);
      expectNoInjected(run.stderr);
      expect(RAW_CONTROL.test(run.stderr), 'a raw control character reached the log').toBe(false);
      expectFenced(run.stderr, String.raw`skipped b\u000d::warning title=FAKE::##[add-mask]Skipped.yaml: binary file`);
    }
    // The diff is printed as it is (it must still apply), between one pair of fences.
    const diff = (await cli([])).stdout;
    expect(diff).toMatch(/^::stop-commands::([0-9a-f]{32})\n[^]*\n::\1::\n$/);
    expect(diff).toContain('\n           ::add-mask::Context\n');
    expect(diff).toContain('\ndiff --git a/a##[add-mask]Bumped.yaml b/a##[add-mask]Bumped.yaml\n');
  });
});
