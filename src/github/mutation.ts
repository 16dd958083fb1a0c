// Mutation documents: fields, each under its own alias, sent as one request. GitHub runs root fields in order
// and a failed one does not stop the next, so errors come back beside the partial data and each field is
// judged by its alias.
import type { FileEdit } from '../core/types.js';
import type { GitHubClient } from './client.js';
import { GraphqlResponseError, type GraphqlErrorEntry } from './errors.js';

/** One root field of a document: `alias: selection` with its input passed as the variable `$alias`. */
export interface Field {
  readonly alias: string;
  /** The input's GraphQL type (`CreateCommitOnBranchInput!`). */
  readonly declaration: string;
  readonly selection: string;
  readonly value: unknown;
}

/** What GitHub answered to a document: the (partial) data, the errors, and the document's root aliases. */
export interface Answer {
  readonly data: Readonly<Record<string, unknown>>;
  readonly errors: readonly GraphqlErrorEntry[];
  readonly aliases: readonly string[];
}

/** A git trailer: a `Name: value` line of the message's last paragraph (git interpret-trailers). */
export type Trailer = readonly [name: string, value: string];

/** A commit message: the headline and body `createCommitOnBranch` takes, and the trailers sent after the body. */
export interface CommitMessage {
  readonly headline: string;
  readonly body?: string;
  /** Appended by `messageBody` as git's trailer block; every producer adds its own, they compose. */
  readonly trailers?: readonly Trailer[];
}

/**
 * The trailer every commit this action sends carries: `Gitops-Bump-Attempt: <run>/<nonce>.<round>` names the run
 * and the round that sent it, so that a run whose answer was lost finds its own commit on the branch.
 */
export const ATTEMPT_TRAILER = 'Gitops-Bump-Attempt';

/** `message` with `trailers` after the ones it carries. */
export function withTrailers(message: CommitMessage, ...trailers: readonly Trailer[]): CommitMessage {
  return { ...message, trailers: [...(message.trailers ?? []), ...trailers] };
}

/** A trailer line's shape: a token without spaces, a colon, a value (continuation lines start with a space). */
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*):\s*(.*)$/;

function isTrailerBlock(paragraph: string): boolean {
  const lines = paragraph.split('\n');
  return TRAILER_LINE.test(lines[0] ?? '') && lines.every((line) => TRAILER_LINE.test(line) || /^\s+\S/.test(line));
}

/**
 * The body as sent: the body, then the trailers as git's trailer block. Git reads trailers from the last
 * paragraph only, so they follow a blank line, or join the body's own last paragraph when that already is a
 * trailer block (a template ending in `Signed-off-by:` keeps its trailers). Values are one line each.
 */
export function messageBody(message: CommitMessage): string {
  const body = (message.body ?? '').replace(/\s+$/, '');
  const trailers = (message.trailers ?? []).map(([name, value]) => `${name}: ${value.replace(/\s+/g, ' ').trim()}`);
  if (trailers.length === 0) return body;
  if (body === '') return trailers.join('\n');
  const last = body.slice(body.lastIndexOf('\n\n') + 1).replace(/^\n/, '');
  return `${body}${isTrailerBlock(last) ? '\n' : '\n\n'}${trailers.join('\n')}`;
}

/** Every trailer of a full commit message's trailer block, in order. */
export function trailers(message: string): Trailer[] {
  const paragraphs = message.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/);
  // The subject line is never a trailer block.
  if (paragraphs.length < 2) return [];
  const last = paragraphs[paragraphs.length - 1]!;
  if (!isTrailerBlock(last)) return [];
  return last.split('\n').flatMap((line): Trailer[] => {
    const match = TRAILER_LINE.exec(line);
    return match ? [[match[1]!, match[2]!.trim()]] : [];
  });
}

/** The values of the `name` trailers (git compares names case-insensitively) in a full commit message. */
export function trailerValues(message: string, name: string): string[] {
  return trailers(message).flatMap(([key, value]) => (key.toLowerCase() === name.toLowerCase() ? [value] : []));
}

/** Where a commit goes: a branch of a repository and the head it must still point at (else STALE_DATA). */
export interface CommitTarget {
  /** `owner/name`. */
  readonly repositoryNameWithOwner: string;
  readonly branch: string;
  readonly expectedHead: string;
}

/** Sends a document; GraphQL errors come back beside the partial data instead of being thrown. */
export async function send(client: GitHubClient, query: string, variables: Record<string, unknown>, aliases: readonly string[]): Promise<Answer> {
  try {
    return { data: await client.graphql<Record<string, unknown>>(query, variables), errors: [], aliases };
  } catch (error) {
    if (!(error instanceof GraphqlResponseError)) throw error;
    const data = typeof error.data === 'object' && error.data !== null ? (error.data as Record<string, unknown>) : {};
    return { data, errors: error.errors, aliases };
  }
}

/** Sends one mutation document made of `fields`, each under its alias. */
export function mutate(client: GitHubClient, name: string, fields: readonly Field[]): Promise<Answer> {
  const declarations = fields.map((f) => `$${f.alias}: ${f.declaration}`).join(', ');
  const query = `mutation ${name}(${declarations}) { ${fields.map((f) => `${f.alias}: ${f.selection}`).join(' ')} }`;
  const variables = Object.fromEntries(fields.map((f) => [f.alias, f.value]));
  return send(client, query, variables, fields.map((f) => f.alias));
}

/**
 * The errors of one root field, by its alias. An error without a path, or whose path names none of the
 * document's aliases (a proxy or an emulator naming the field instead of its alias), belongs to every field.
 */
export function errorsOf(answer: Answer, alias: string): GraphqlErrorEntry[] {
  return answer.errors.filter((e) => {
    const key = e.path?.[0];
    return key === alias || typeof key !== 'string' || !answer.aliases.includes(key);
  });
}

/**
 * Why a field failed, or [] when it succeeded. A mutation that ran answers a payload object, so a null
 * payload failed too, even when only another field's error names the cause (then those errors are its).
 */
export function failure(answer: Answer, alias: string): readonly GraphqlErrorEntry[] {
  const own = errorsOf(answer, alias);
  if (own.length > 0) return own;
  const payload = answer.data[alias];
  if (payload !== null && payload !== undefined) return [];
  return answer.errors.length > 0 ? answer.errors : [{ message: 'GitHub answered without a result' }];
}

/** The commit a `commitField` created, if it did. */
export function committed(answer: Answer): { oid: string; url: string } | undefined {
  return (answer.data['commit'] as { commit?: { oid: string; url: string } | null } | null | undefined)?.commit ?? undefined;
}

/**
 * `createCommitOnBranch` (alias `commit`): every edited file's full new text (base64 of its UTF-8 bytes) on
 * top of `where.expectedHead`, no author (GitHub signs it: Verified).
 */
export function commitField(where: CommitTarget, edits: readonly FileEdit[], message: CommitMessage): Field {
  return {
    alias: 'commit',
    declaration: 'CreateCommitOnBranchInput!',
    selection: 'createCommitOnBranch(input: $commit) { commit { oid url } }',
    value: {
      branch: { repositoryNameWithOwner: where.repositoryNameWithOwner, branchName: where.branch },
      expectedHeadOid: where.expectedHead,
      message: sentMessage(message),
      fileChanges: { additions: edits.map((e) => ({ path: e.path, contents: encodeContents(e.after) })) },
    },
  };
}

/**
 * `updateRefs` (alias `ref`): moves `branch` from `beforeOid` (the zero oid: it must not exist) to `afterOid`.
 * `force`: the move need not be a fast-forward (a rebuild), yet it is a compare-and-swap on `beforeOid`.
 */
export function refMove(repositoryId: string, branch: string, beforeOid: string, afterOid: string): Field {
  return {
    alias: 'ref',
    declaration: 'UpdateRefsInput!',
    selection: 'updateRefs(input: $ref) { clientMutationId }',
    value: { repositoryId, refUpdates: [{ name: qualifiedBranch(branch), beforeOid, afterOid, force: true }] },
  };
}

/** The message as `createCommitOnBranch` takes it: the headline, and the body with the trailer block. */
function sentMessage(message: CommitMessage): { headline: string; body?: string } {
  const body = messageBody(message);
  return body === '' ? { headline: message.headline } : { headline: message.headline, body };
}

/** The message as git stores it: the headline, a blank line, the body and its trailers. */
export function fullMessage(message: CommitMessage): string {
  const body = messageBody(message);
  return body ? `${message.headline}\n\n${body}` : message.headline;
}

/** Base64 of the text's UTF-8 bytes, exactly (a BOM and CRLF line ends survive the round trip). */
export function encodeContents(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** `main` or `refs/heads/main` → `refs/heads/main`. */
export function qualifiedBranch(branch: string): string {
  return branch.startsWith('refs/heads/') ? branch : `refs/heads/${branch}`;
}
