// What text may become in a log a runner reads: repository text (file names, YAML values, notes, GitHub's
// messages) is shown as one line, its control characters escaped, and a line the runner could read as a
// workflow command is fenced off. The two Ios apply this to every line they write (src/app/io.ts, command.ts).
import { randomBytes } from 'node:crypto';

/**
 * Shown as `\uXXXX`: C0 and C1 control characters and DEL (a newline or carriage return would start a line of
 * its own, an escape sequence would restyle a terminal), the Unicode line and paragraph separators, and the
 * bidirectional overrides that display text in another order than it is read.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text as one line: every control character (a newline in a file name, an ANSI escape) shown as `\uXXXX`. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * The text of an annotation: line breaks kept (the runner protocol carries them encoded, `%0A`, inside the one
 * command line, so they cannot start a line of their own), every other control character shown as `\uXXXX`.
 */
export function annotationText(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escape);
}

/**
 * Whether GitHub's runner could read the line as a workflow command: it trims leading white space and reads
 * `::name …::data`, and it reads the legacy `##[name …]data` anywhere in a line (actions/runner,
 * src/Runner.Common/ActionCommand.cs: TryParseV2, TryParse). Invisible format characters before the colons
 * count as white space here: .NET compares `::` by culture, which may skip them.
 */
export function mayBeCommand(line: string): boolean {
  return /^[\s\p{C}]*:/u.test(line) || line.includes('##[');
}

/** Whether the runner could read any line of `text` as a workflow command (it breaks lines at CR, LF and CRLF). */
export function holdsCommand(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some(mayBeCommand);
}

/**
 * `text` between `::stop-commands::<token>` and `::<token>::` lines: the runner shows it and processes no command
 * in it (GitHub's documented way to print text that may hold commands). `token` must be fresh and unguessable.
 */
export function fenced(text: string, token: string): string {
  return `::stop-commands::${token}\n${text.replace(/\n$/, '')}\n::${token}::`;
}

/** A fresh, unguessable stop-commands token: 128 random bits as 32 hex digits. */
export function stopToken(): string {
  return randomBytes(16).toString('hex');
}
