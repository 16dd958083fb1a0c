// Shared by the e2e tests of hostile input: every run goes through the built bundle (dist/index.js, spawned as the runner
// does) with a distinctive token, and every test checks that the token never appears in anything the action
// printed or wrote, and that nothing was written where nothing should be.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { actionEntry, runAction, type ActionRun } from './action.js';

/** A token value no other string in a run can contain by accident. */
export const TOKEN = 'ghs_H4RD3N1NG_t0ken_do_not_print_7f3a9c';
/** A second credential (promote-from-token). */
export const SOURCE_TOKEN = 'github_pat_S0URC3_hardening_secret_41b2';

/**
 * The bundle under test: dist/index.js, or `GITOPS_BUMP_ACTION_ENTRY` to test a bundle built elsewhere
 * (e.g. `ncc build src/index.ts -o /tmp/bundle`) without rebuilding the shared dist/.
 */
export const entry = process.env.GITOPS_BUMP_ACTION_ENTRY || actionEntry;

/** Heap limit for runs fed hostile files: a run that needs more memory crashes instead of passing. */
export const BOUNDED_MEMORY = { NODE_OPTIONS: '--max-old-space-size=256' };

export interface BumpOptions {
  readonly env?: Record<string, string>;
  readonly cwd?: string;
}

/** Runs the built action with `token` set (as the runner always does) and checks the token stayed secret. */
export async function bump(inputs: Record<string, string>, options: BumpOptions = {}): Promise<ActionRun> {
  const run = await runAction({ token: TOKEN, ...inputs }, { entry, ...options });
  expectTokenSafe(run, inputs.token ?? TOKEN);
  if (inputs['promote-from-token']) expectTokenSafe(run, inputs['promote-from-token']);
  return run;
}

/** Everything the action printed or wrote, less the runner's own masking command (which is how a secret gets masked). */
export function printed(run: ActionRun): string {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, run.stderr, run.summary, JSON.stringify(run.outputs), run.annotations.join('\n')].join('\n');
}

/** The token was registered as a secret and appears nowhere else, whole or in a recognisable part. */
export function expectTokenSafe(run: ActionRun, token: string): void {
  if (token.trim() === '') return;
  expect(run.stdout.split('\n'), 'the token is masked with ::add-mask::').toContain(`::add-mask::${token.trim()}`);
  const all = printed(run);
  expect(all.includes(token.trim()), 'the token was printed').toBe(false);
  const middle = token.trim().slice(4, -4);
  expect(all.includes(middle), 'a part of the token was printed').toBe(false);
  expect(all.includes(Buffer.from(token.trim()).toString('base64')), 'the token was printed in base64').toBe(false);
}

/** The message the run failed with (`::error::…` lines, unescaped enough to match on). */
export function failure(run: ActionRun): string {
  return run.annotations
    .filter((line) => line.startsWith('::error'))
    .map((line) => line.replace(/^::error[^:]*::/, '').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'))
    .join('\n');
}

/** The commands GitHub's runner registers (actions/runner, src/Runner.Worker/ActionCommandManager.cs). */
const RUNNER_COMMANDS = [
  'stop-commands', 'set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher', 'remove-matcher',
  'debug', 'warning', 'error', 'notice', 'group', 'endgroup', 'echo',
];

/** One workflow command as the runner reads it: `::name props::data`, or the legacy `##[name props]data`. */
export interface RunnerCommand {
  readonly line: string;
  /** Lower-cased (the runner compares names case-insensitively). */
  readonly command: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly data: string;
  readonly form: 'v2' | 'legacy';
}

/** .NET's String.TrimStart(): every Unicode white space, U+0085 included. */
const LEADING_SPACE = /^[\s\u0085]+/;

function parseV2(line: string, registered: ReadonlySet<string>): RunnerCommand | undefined {
  const message = line.replace(LEADING_SPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).trim().split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return { line, command, properties, data: message.slice(end + 2), form: 'v2' };
}

function parseLegacy(line: string, registered: ReadonlySet<string>): RunnerCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = line.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = line.slice(prefix + 3, close);
  const space = info.indexOf(' ');
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return { line, command, properties, data: line.slice(close + 1), form: 'legacy' };
}

/**
 * The workflow commands GitHub's runner would process in `output`, read as its ActionCommandManager reads
 * them (actions/runner: src/Runner.Worker/ActionCommandManager.cs, src/Runner.Common/ActionCommand.cs): line
 * by line, `::name props::data` once leading white space is trimmed, else the legacy `##[name props]data`
 * anywhere in the line, for registered names only; after `::stop-commands::T` nothing is processed until `::T::`.
 */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(RUNNER_COMMANDS);
  let stopToken: string | undefined;
  const processed: RunnerCommand[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parseV2(line, registered) ?? parseLegacy(line, registered);
    if (command === undefined) continue;
    if (stopToken !== undefined) {
      if (stopToken !== '' && command.command === stopToken) {
        registered.delete(stopToken);
        stopToken = undefined;
        processed.push(command);
      }
      continue;
    }
    if (command.command === 'stop-commands') {
      stopToken = command.data.toLowerCase();
      registered.add(stopToken);
    }
    processed.push(command);
  }
  return processed;
}

/** The annotation properties @actions/core writes for the action's own warnings and errors. */
const OWN_ANNOTATION_PROPERTIES = new Set(['file', 'line', 'col', 'endLine', 'endColumn']);
/** The fence the action's Io puts around a line the runner could read as a command: 32 random hex digits. */
const OWN_STOP_TOKEN = /^[0-9a-f]{32}$/;

/**
 * Commands the runner would process in what the action printed (stdout and stderr: the runner reads both) that
 * the action did not mean: any kind it never issues, any legacy or indented command, an annotation with a
 * property it never sets (`title`), a mask of anything but `secrets`, a stop-commands token not of its shape.
 */
export function foreignCommands(run: ActionRun, secrets: readonly string[] = [TOKEN, SOURCE_TOKEN]): string[] {
  const masks = new Set(secrets.map((s) => s.trim()));
  const tokens = new Set<string>();
  const own = (c: RunnerCommand): boolean => {
    if (c.form !== 'v2' || !c.line.startsWith('::')) return false;
    switch (c.command) {
      case 'debug':
      case 'group':
      case 'endgroup':
        return true;
      case 'error':
      case 'warning':
      case 'notice':
        return Object.keys(c.properties).every((p) => OWN_ANNOTATION_PROPERTIES.has(p));
      case 'add-mask':
        return masks.has(c.data.trim());
      case 'stop-commands':
        if (!OWN_STOP_TOKEN.test(c.data)) return false;
        tokens.add(c.data);
        return true;
      default:
        return tokens.has(c.command) && c.line === `::${c.command}::`;
    }
  };
  return [...runnerCommands(run.stdout), ...runnerCommands(run.stderr)].filter((c) => !own(c)).map((c) => c.line);
}

/** Files to create: text, bytes, or `{ link }` for a symbolic link to that target. */
export type TreeSpec = Record<string, string | Buffer | { readonly link: string }>;

const made: string[] = [];

/** A scratch folder holding `spec` (removed by {@link cleanUp}). */
export function scratch(spec: TreeSpec = {}, prefix = 'gitops-bump-hardening-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  write(dir, spec);
  return dir;
}

/** Writes `spec` under `dir`. */
export function write(dir: string, spec: TreeSpec): void {
  for (const [path, content] of Object.entries(spec)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) symlinkSync(content.link, target);
    else writeFileSync(target, content);
  }
}

/** Removes every scratch folder made so far. */
export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A fingerprint of everything under `dir`, links not followed: path → sha256 of a file's bytes,
 * `link → target` for a symbolic link, `dir` for a folder. Equal fingerprints: nothing was written.
 */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const info = lstatSync(join(dir, path));
      if (info.isSymbolicLink()) out[path] = `link → ${readlinkSync(join(dir, path))}`;
      else if (info.isDirectory()) {
        out[path] = 'dir';
        visit(path);
      } else out[path] = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
    }
  };
  visit('');
  return out;
}

/** The paths whose fingerprint differs between two snapshots (added, removed or changed). */
export function changedPaths(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}

/** A Kubernetes Pod manifest running `image`. */
export const pod = (image: string, name = 'app'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: ${name}\n      image: ${image}\n`;
