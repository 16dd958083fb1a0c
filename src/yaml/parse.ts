// Parsing a YAML stream once, keeping source positions, and reporting the first error as line:column.

import { Composer, Parser, type CST, type Document } from 'yaml';
import { LineIndex } from './text.js';

/** A file that should be YAML and does not parse. The message is `line:column: detail`. */
export class YamlSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly detail: string;

  constructor(line: number, column: number, detail: string) {
    super(`${line}:${column}: ${detail}`);
    this.name = 'YamlSyntaxError';
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

/** A comment in the source: its offset and its text from `#` to the line's end. */
export interface SourceComment {
  readonly offset: number;
  readonly text: string;
}

/** A parsed stream: one document per `---` (empty ones included), positions into the original text. */
export interface ParsedStream {
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly Document.Parsed[];
  /** Every comment, in source order, when asked for (`withComments`); else empty. */
  readonly comments: readonly SourceComment[];
}

/** Options shared by every parse: lenient about duplicate keys (as Helm and kubectl are). */
const COMPOSE_OPTIONS = { uniqueKeys: false, prettyErrors: false } as const;

/** Parses every document of `text`; throws {@link YamlSyntaxError} for the first error in the stream. */
export function parseStream(text: string, withComments = false): ParsedStream {
  const stream = parseLenient(text, withComments);
  const error = firstError(stream);
  if (error !== undefined) throw error;
  return stream;
}

/** Parses without throwing; errors stay on the documents. The CST is streamed, not kept. */
export function parseLenient(text: string, withComments = false): ParsedStream {
  const comments: SourceComment[] = [];
  const tokens = new Parser().parse(text);
  const source = withComments ? tapComments(tokens, comments) : tokens;
  const documents = Array.from(new Composer(COMPOSE_OPTIONS).compose(source, false, text.length));
  return { text, lines: new LineIndex(text), documents, comments };
}

function* tapComments(tokens: Iterable<CST.Token>, comments: SourceComment[]): Generator<CST.Token> {
  for (const token of tokens) {
    collectComments(token, comments);
    yield token;
  }
}

/** What a stack overflow inside the parser or the walk says, and what we say instead. */
export const TOO_DEEP = /call stack|too much recursion|RangeError/i;
export const NESTED_TOO_DEEPLY = 'the structure is nested too deeply to be read (thousands of levels): not a GitOps file we can edit safely';

/** The stream's first parse error, located, or undefined when the stream is well-formed. */
export function firstError(stream: ParsedStream): YamlSyntaxError | undefined {
  let first: { offset: number; message: string } | undefined;
  for (const doc of stream.documents) {
    for (const error of doc.errors) {
      const offset = error.pos[0];
      if (first === undefined || offset < first.offset) first = { offset, message: error.message };
    }
  }
  if (first === undefined) return undefined;
  const detail = TOO_DEEP.test(first.message)
    ? NESTED_TOO_DEEPLY
    : first.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
  return new YamlSyntaxError(stream.lines.line(first.offset), stream.lines.column(first.offset), detail);
}

/** A CST token as far as comments go: every place a comment can sit (`start`, `sep`, `end`, `props`, items). */
interface CommentHolder {
  readonly type?: string;
  readonly offset?: number;
  readonly source?: string;
  readonly start?: unknown;
  readonly sep?: unknown;
  readonly end?: unknown;
  readonly props?: unknown;
  readonly items?: unknown;
  readonly key?: unknown;
  readonly value?: unknown;
}

const LIST_FIELDS = ['start', 'sep', 'end', 'props', 'items'] as const;

/** Appends the comments of a CST token, in source order (`#` inside strings is not a comment token). */
function collectComments(value: unknown, comments: SourceComment[]): void {
  if (typeof value !== 'object' || value === null) return;
  const token = value as CommentHolder;
  if (token.type === 'comment') {
    if (typeof token.offset === 'number' && typeof token.source === 'string') comments.push({ offset: token.offset, text: token.source });
    return;
  }
  for (const field of LIST_FIELDS) {
    const list = token[field];
    if (Array.isArray(list)) for (const item of list) collectComments(item, comments);
  }
  if (token.key !== undefined) collectComments(token.key, comments);
  if (token.value !== undefined) collectComments(token.value, comments);
}
