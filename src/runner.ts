// The GitHub Actions runner protocol, the part this action uses: inputs from INPUT_* variables, outputs and the
// job summary through the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and workflow commands on stdout
// (`::error file=…,line=…::message`, `::group::`, `::add-mask::`). It follows @actions/core's encoding exactly;
// @actions/core itself is not bundled because it loads an HTTP client (for OIDC) that costs every run ~130 ms
// of start-up, as much as reading a 10,000-file repository.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly startColumn?: number;
}

type Env = NodeJS.ProcessEnv;
type Write = (text: string) => void;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,…::message`, encoded as the runner decodes it. */
export function command(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** The value of input `name` (INPUT_<NAME>, spaces as `_`, upper case), trimmed; '' when unset. */
export function getInput(name: string, env: Env = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The runner's surroundings for one process; `write` and `env` are injectable for tests. */
export class Runner {
  constructor(
    private readonly env: Env = process.env,
    private readonly write: Write = (text) => process.stdout.write(text),
  ) {}

  private issue(name: string, properties: Record<string, string | number | undefined>, message: string): void {
    this.write(`${command(name, properties, message)}${EOL}`);
  }

  info(message: string): void {
    this.write(`${message}${EOL}`);
  }

  debug(message: string): void {
    this.issue('debug', {}, message);
  }

  annotate(kind: 'error' | 'warning' | 'notice', message: string, at: AnnotationProperties = {}): void {
    this.issue(kind, { title: at.title, file: at.file, line: at.startLine, col: at.startColumn }, message);
  }

  setSecret(secret: string): void {
    this.issue('add-mask', {}, secret);
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.issue('group', {}, name);
    try {
      return await fn();
    } finally {
      this.issue('endgroup', {}, '');
    }
  }

  /** Appends `name<<delimiter … delimiter` to GITHUB_OUTPUT (or the legacy command outside a runner). */
  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      this.write(EOL);
      this.issue('set-output', { name }, value);
      return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name}: its value holds the delimiter`);
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  }

  /** Appends Markdown to the job summary; nothing outside a runner. */
  summary(markdown: string): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (file) appendFileSync(file, `${markdown}${EOL}`, 'utf8');
  }

  setFailed(message: string): void {
    process.exitCode = 1;
    this.annotate('error', message);
  }
}
