// The runner's protocol, the part this action speaks: workflow commands on stdout, inputs from INPUT_* variables,
// outputs and the job summary in the files the runner names. @actions/core speaks it too, but importing it loads an
// HTTP client (undici, for the OIDC tokens this action never asks for): about 35 ms of every run's start-up, a
// sixth of a 10,000-file local bump. The encoding here is @actions/core's byte for byte, and a test
// (__tests__/unit/app/runner.test.ts) holds it to the package, so it follows GitHub's if that ever changes.
import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/** Annotation properties as the runner reads them (`::warning file=…,line=…,col=…::`). */
export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
}

/** A command's message: `%`, CR and LF escaped (the runner decodes them). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command property's value: as a message, and `:` and `,` too (they delimit properties). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,…::message`; properties without a value (undefined, '', 0) are left out, as @actions/core does. */
export function commandLine(name: string, properties: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const pairs = Object.entries(properties).flatMap(([key, value]) => (value ? [`${key}=${escapeProperty(String(value))}`] : []));
  return `::${name}${pairs.length > 0 ? ` ${pairs.join(',')}` : ''}::${escapeData(message)}`;
}

/** Writes a workflow command on stdout. */
export function issue(name: string, message = '', properties: Readonly<Record<string, string | number | undefined>> = {}): void {
  process.stdout.write(commandLine(name, properties, message) + EOL);
}

/** A plain log line. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** The runner's names for annotation properties (`startLine` is `line`, `startColumn` is `col`). */
function annotation(properties: AnnotationProperties): Record<string, string | number | undefined> {
  const { title, file, startLine, endLine, startColumn, endColumn } = properties;
  return { title, file, line: startLine, endLine, col: startColumn, endColumn };
}

/** An error, warning or notice annotation. */
export function annotate(kind: 'error' | 'warning' | 'notice', message: string, properties: AnnotationProperties = {}): void {
  issue(kind, message, annotation(properties));
}

/** `fn` inside a collapsible log group. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup');
  }
}

/** An input's value, trimmed ('' when not given): the runner passes `with: { some-name }` as INPUT_SOME-NAME. */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * Sets a step output: appended to the file GITHUB_OUTPUT names, between random heredoc delimiters (a value cannot
 * end it early); without that variable (an old runner), the `set-output` command.
 */
export function setOutput(env: NodeJS.ProcessEnv, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(EOL);
    issue('set-output', value, { name });
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** Appends to the job summary (the file GITHUB_STEP_SUMMARY names), one line break after it. */
export async function appendSummary(env: NodeJS.ProcessEnv, markdown: string): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) {
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  }
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(file, markdown + EOL, { encoding: 'utf8' });
}

/** Fails the step: an error annotation, exit code 1. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  annotate('error', message);
}
