/**
 * GraphQL: documents are parsed and validated against GitHub's real schema
 * (`@octokit/graphql-schema`), then executed with resolvers over the emulator's repositories.
 * Objects below are resolved by graphql-js's default resolver: a property is a value, a method is
 * called with (args, context).
 */
import { checkState, combinedState, statusesOf, type CheckRunRecord, type StatusRecord } from './statuses.js';
import { mergedWith, mergeOf } from './merge.js';
import { schema as githubSchema } from '@octokit/graphql-schema';
import {
  GraphQLError,
  buildSchema,
  execute,
  parse,
  validate,
  type DocumentNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { GitHubError, notAccessible } from './errors.js';
import { MAX_DEPTH, applyResourceLimit, depthError, logText, nodeLimitError, paginatingResolver, queryDepth, type QueryBudgets, type TextLog } from './limits.js';
import { ZERO_OID, type CommitObject, type TreeEntry as GitTreeEntry } from './git.js';
import { decodeNodeId, nodeId, refNotCreated, type Actor, type LabelRecord, type PullEvent, type PullRecord, type Repo } from './repo.js';
import { userDatabaseId, type Urls } from './shapes.js';

let cachedSchema: GraphQLSchema | null = null;

/** GitHub's schema, built once per process. */
export function githubGraphQLSchema(): GraphQLSchema {
  cachedSchema ??= buildSchema(githubSchema.idl, { assumeValidSDL: true });
  return cachedSchema;
}

/** What resolvers need from the emulator. */
export interface GraphQLWorld {
  /** A repository by 'owner/name' (case-insensitive) visible to the request's token, or null. */
  findRepo(nameWithOwner: string): Repo | null;
  /** Users that exist (all when undefined). */
  users: readonly string[] | undefined;
  /** Teams that exist as 'org/slug' (all when undefined). */
  teams: readonly string[] | undefined;
  rate: { limit: number; remaining: number; reset: number; used: number };
}

/** Per-request context. */
export interface GraphQLContext {
  world: GraphQLWorld;
  actor: Actor;
  urls: Urls;
  canWrite(repo: Repo): boolean;
  /** Byte budgets of a query's blob texts (limits.ts); none when undefined. */
  budgets?: QueryBudgets;
  /** The blob texts this request resolved (set by runGraphQL). */
  texts?: TextLog;
}

/** The outcome of one GraphQL request (HTTP status is 200 for all of these). */
export interface GraphQLAnswer {
  body: { data?: unknown; errors?: unknown[] };
  /** 'query' | 'mutation createCommitOnBranch,…' */
  operation: string;
  mutation: boolean;
  /** Set when the query's blob texts exceed `budgets.maxQueryBytes`: GitHub would have timed out (HTTP 502, limits.ts). */
  timedOut?: boolean;
}

/** Summary of a document for logging and fault matching, without executing it. */
export function describeDocument(
  query: string,
  operationName?: string,
): { operation: string; mutation: boolean; rootFields: string[]; responseKeys: string[] } {
  try {
    const doc = parseCached(query);
    const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    const op = ops.find((o) => !operationName || o.name?.value === operationName) ?? ops[0];
    if (!op) return { operation: 'query', mutation: false, rootFields: [], responseKeys: [] };
    const fields = op.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s] : []));
    const rootFields = fields.map((f) => f.name.value);
    // GitHub names a field in `data` and in an error's `path` by its response key: the alias when there is one.
    const responseKeys = fields.map((f) => f.alias?.value ?? f.name.value);
    if (op.operation === 'mutation') return { operation: `mutation ${rootFields.join(',')}`, mutation: true, rootFields, responseKeys };
    return { operation: op.operation, mutation: false, rootFields, responseKeys };
  } catch {
    return { operation: 'query', mutation: false, rootFields: [], responseKeys: [] };
  }
}

function formatError(error: GraphQLError): Record<string, unknown> {
  const original = error.originalError;
  const out: Record<string, unknown> = {};
  if (original instanceof GitHubError) out.type = original.type;
  if (error.path) out.path = error.path;
  if (error.locations) out.locations = error.locations;
  out.message = original instanceof GitHubError ? (original.graphqlMessage ?? original.message) : error.message;
  return out;
}

/** GitHub's wording for the most common validation failures (graphql-ruby's messages). */
function githubValidationError(error: GraphQLError): Record<string, unknown> {
  const field = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  if (field) {
    return {
      path: [],
      extensions: { code: 'undefinedField', typeName: field[2], fieldName: field[1] },
      locations: error.locations,
      message: `Field '${field[1]}' doesn't exist on type '${field[2]}'`,
    };
  }
  const arg = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./.exec(error.message);
  if (arg) {
    return {
      path: [],
      extensions: { code: 'argumentNotAccepted', name: arg[3], typeName: 'Field', argumentName: arg[1] },
      locations: error.locations,
      message: `Field '${arg[3]}' doesn't accept argument '${arg[1]}'`,
    };
  }
  return { locations: error.locations, message: error.message };
}

const parsedDocuments = new Map<string, DocumentNode | GraphQLError>();

/** graphql's parse, memoised by text (clients send the same documents over and over). */
function parseCached(query: string): DocumentNode {
  let parsed = parsedDocuments.get(query);
  if (!parsed) {
    try {
      parsed = parse(query);
    } catch (error) {
      parsed = error as GraphQLError;
    }
    if (parsedDocuments.size >= 1000) parsedDocuments.clear();
    parsedDocuments.set(query, parsed);
  }
  if (parsed instanceof GraphQLError) throw parsed;
  return parsed;
}

const checkedDocuments = new Map<string, { document: DocumentNode } | { errors: Record<string, unknown>[] }>();

/** Parses and validates a document against GitHub's schema (cached by text: clients repeat theirs). */
function checkDocument(query: string): { document: DocumentNode } | { errors: Record<string, unknown>[] } {
  const cached = checkedDocuments.get(query);
  if (cached) return cached;
  let result: { document: DocumentNode } | { errors: Record<string, unknown>[] };
  try {
    const document = parseCached(query);
    const errors = validate(githubGraphQLSchema(), document);
    result = errors.length > 0 ? { errors: errors.map(githubValidationError) } : { document };
  } catch (error) {
    const e = error as GraphQLError;
    result = { errors: [{ message: `Parse error: ${e.message}`, locations: e.locations }] };
  }
  if (checkedDocuments.size >= 1000) checkedDocuments.clear();
  checkedDocuments.set(query, result);
  return result;
}

/** Parses, validates (against GitHub's schema) and executes one document. */
export async function runGraphQL(
  request: { query?: unknown; variables?: unknown; operationName?: unknown },
  context: GraphQLContext,
): Promise<GraphQLAnswer> {
  if (typeof request.query !== 'string' || request.query.trim() === '') {
    return { body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] }, operation: 'query', mutation: false };
  }
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const described = describeDocument(request.query, operationName);
  const checked = checkDocument(request.query);
  if ('errors' in checked) return { body: { errors: checked.errors }, ...described };
  const { document } = checked;
  const schema = githubGraphQLSchema();
  const variables = typeof request.variables === 'object' && request.variables !== null ? (request.variables as Record<string, unknown>) : {};
  // GitHub's limits on the document: depth, then nodes (limits.ts); nothing runs past them.
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const op = ops.find((o) => operationName === undefined || o.name?.value === operationName);
  if (op) {
    const depth = queryDepth(document, op);
    if (depth > MAX_DEPTH) return { body: { errors: [depthError(depth)] }, ...described };
    const nodes = nodeLimitError(schema, document, op, variables);
    if (nodes) return { body: { errors: [nodes] }, ...described };
  }
  const texts: TextLog = [];
  const result = await execute({
    schema,
    document,
    rootValue: new Root(),
    contextValue: { ...context, texts },
    variableValues: variables,
    operationName,
    fieldResolver: paginatingResolver,
  });
  const body: GraphQLAnswer['body'] = {};
  if (result.data !== undefined) body.data = result.data;
  const errors = (result.errors ?? []).map(formatError);
  if (!described.mutation && result.data) {
    const { errors: cut, kept } = applyResourceLimit(result.data, texts, context.budgets?.resourceLimitBytes);
    errors.push(...cut);
    const max = context.budgets?.maxQueryBytes;
    if (max !== undefined && max > 0 && kept > max) return { body: {}, ...described, timedOut: true };
  }
  if (errors.length > 0) body.errors = errors;
  return { body, ...described };
}

// ---------------------------------------------------------------------------------------------
// Helpers

interface ConnectionArgs {
  first?: number;
  last?: number;
}

function connection<T>(items: readonly T[], args: ConnectionArgs): Record<string, unknown> {
  let slice = [...items];
  if (args.first !== undefined) slice = slice.slice(0, args.first);
  if (args.last !== undefined) slice = slice.slice(Math.max(0, slice.length - args.last));
  const start = items.indexOf(slice[0]);
  const cursor = (i: number) => Buffer.from(`cursor:${i}`).toString('base64');
  return {
    nodes: slice,
    edges: slice.map((node, i) => ({ node, cursor: cursor(start + i) })),
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + slice.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? cursor(start) : null,
      endCursor: slice.length > 0 ? cursor(start + slice.length - 1) : null,
    },
  };
}

function requireRepo(ctx: GraphQLContext, nameWithOwner: string): Repo {
  const repo = ctx.world.findRepo(nameWithOwner);
  if (!repo) throw new GitHubError(404, 'Not Found', 'NOT_FOUND', undefined, `Could not resolve to a Repository with the name '${nameWithOwner}'.`);
  return repo;
}

function unresolvable(id: string): GitHubError {
  return new GitHubError(404, 'Not Found', 'NOT_FOUND', undefined, `Could not resolve to a node with the global id of '${id}'.`);
}

function requireWrite(ctx: GraphQLContext, repo: Repo): void {
  if (!ctx.canWrite(repo)) throw notAccessible();
}

/** Resolves a node id made by the emulator to its repository and key parts. */
function lookup(ctx: GraphQLContext, id: string, prefix: string): { repo: Repo; rest: string } {
  const decoded = decodeNodeId(id);
  if (!decoded || decoded.prefix !== prefix) throw unresolvable(id);
  const [, nameWithOwner, ...rest] = decoded.key.split(':');
  const repo = nameWithOwner ? ctx.world.findRepo(nameWithOwner) : null;
  if (!repo) throw unresolvable(id);
  return { repo, rest: rest.join(':') };
}

function pullById(ctx: GraphQLContext, id: string): { repo: Repo; pull: PullRecord } {
  const { repo, rest } = lookup(ctx, id, 'PR');
  const pull = repo.pulls.find((p) => p.number === Number(rest));
  if (!pull || !repo.resolvesNode(pull.number)) throw unresolvable(id);
  return { repo, pull };
}

function isBinary(bytes: Buffer): boolean {
  if (bytes.subarray(0, 8000).includes(0)) return true;
  return !isUtf8(bytes);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const TEXT_LIMIT = 512_000;

// ---------------------------------------------------------------------------------------------
// Object types

class UserNode {
  readonly __typename: string;
  readonly id: string;
  readonly databaseId: number;
  readonly name: string | null = null;
  readonly url: string;
  readonly resourcePath: string;
  constructor(readonly login: string, urls: Urls) {
    const bot = login.endsWith('[bot]');
    this.__typename = bot ? 'Bot' : 'User';
    this.id = nodeId(bot ? 'BOT' : 'U', `User:${login}`);
    this.databaseId = userDatabaseId(login);
    this.url = `${urls.web}/${login}`;
    this.resourcePath = `/${login}`;
  }
  avatarUrl(): string {
    return `${this.url}.png`;
  }
}

/**
 * A team. One the token may not see (not in the emulator's `teams`) is still a node, as when a pull request's
 * review request names it, but its fields answer FORBIDDEN, as GitHub does for an App token without `members: read`.
 */
class TeamNode {
  readonly __typename = 'Team';
  readonly id: string;
  constructor(readonly org: string, private readonly teamSlug: string, private readonly visible = true) {
    this.id = nodeId('T', `Team:${org}/${teamSlug}`);
  }
  get slug(): string {
    return this.seen(this.teamSlug);
  }
  get name(): string {
    return this.seen(this.teamSlug);
  }
  get combinedSlug(): string {
    return this.seen(`${this.org}/${this.teamSlug}`);
  }
  private seen<T>(value: T): T {
    if (!this.visible) throw notAccessible();
    return value;
  }
}

/** The team `slug` of `org` as a review request shows it (visible to the token when the emulator's `teams` has it, or any). */
function requestedTeam(ctx: GraphQLContext, org: string, slug: string): TeamNode {
  const teams = ctx.world.teams;
  return new TeamNode(org, slug, teams === undefined || teams.some((t) => t.toLowerCase() === `${org}/${slug}`.toLowerCase()));
}

class OrganizationNode {
  readonly __typename = 'Organization';
  readonly id: string;
  readonly url: string;
  constructor(readonly login: string, urls: Urls) {
    this.id = nodeId('O', `Organization:${login}`);
    this.url = `${urls.web}/${login}`;
  }
  name(): string {
    return this.login;
  }
  team(args: { slug: string }, ctx: GraphQLContext): TeamNode | null {
    const teams = ctx.world.teams;
    if (teams && !teams.some((t) => t.toLowerCase() === `${this.login}/${args.slug}`.toLowerCase())) return null;
    return new TeamNode(this.login, args.slug);
  }
}

class LabelNode {
  readonly __typename = 'Label';
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly description: string | null;
  readonly isDefault = false;
  constructor(readonly repo: Repo, record: LabelRecord) {
    this.id = record.id;
    this.name = record.name;
    this.color = record.color;
    this.description = record.description;
  }
}

class BlobNode {
  readonly __typename = 'Blob';
  readonly id: string;
  readonly abbreviatedOid: string;
  constructor(readonly repo: RepositoryNode, readonly oid: string) {
    this.id = nodeId('B', `Blob:${repo.nameWithOwner}:${oid}`);
    this.abbreviatedOid = oid.slice(0, 7);
  }
  private bytes(): Promise<Buffer> {
    return this.repo.repo.git.readBlob(this.oid);
  }
  async byteSize(): Promise<number> {
    return (await this.bytes()).length;
  }
  async isBinary(): Promise<boolean> {
    return isBinary(await this.bytes());
  }
  async isTruncated(): Promise<boolean> {
    return (await this.bytes()).length > TEXT_LIMIT;
  }
  async text(_args: unknown, ctx?: GraphQLContext, info?: GraphQLResolveInfo): Promise<string | null> {
    const bytes = await this.bytes();
    if (isBinary(bytes)) return null;
    const text = bytes.subarray(0, TEXT_LIMIT);
    logText(ctx?.texts, info, text.length);
    return text.toString('utf8');
  }
  repository(): RepositoryNode {
    return this.repo;
  }
  commitUrl(): string {
    return `${this.repo.url}/blob/${this.oid}`;
  }
  commitResourcePath(): string {
    return `/${this.repo.nameWithOwner}/blob/${this.oid}`;
  }
}

class TreeEntryNode {
  readonly __typename = 'TreeEntry';
  readonly mode: number;
  readonly name: string;
  readonly oid: string;
  readonly type: string;
  readonly isGenerated = false;
  readonly language = null;
  readonly submodule = null;
  constructor(readonly repo: RepositoryNode, readonly entry: GitTreeEntry, readonly path: string) {
    this.mode = parseInt(entry.mode, 8);
    this.name = path.split('/').pop() ?? path;
    this.oid = entry.oid;
    this.type = entry.type;
  }
  async size(): Promise<number> {
    if (this.entry.size !== undefined || this.entry.type !== 'blob') return this.entry.size ?? 0;
    return (await this.repo.repo.git.blobSize(this.oid)) ?? 0;
  }
  get extension(): string | null {
    const dot = this.name.lastIndexOf('.');
    return dot > 0 ? this.name.slice(dot) : null;
  }
  get nameRaw(): string {
    return Buffer.from(this.name).toString('base64');
  }
  get pathRaw(): string {
    return Buffer.from(this.path).toString('base64');
  }
  async lineCount(): Promise<number | null> {
    if (this.entry.type !== 'blob') return null;
    const bytes = await this.repo.repo.git.readBlob(this.oid);
    if (isBinary(bytes)) return null;
    const text = bytes.toString('utf8');
    return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  }
  object(): BlobNode | TreeNode | null {
    if (this.entry.type === 'blob') return new BlobNode(this.repo, this.oid);
    if (this.entry.type === 'tree') return new TreeNode(this.repo, this.oid, this.path);
    return null;
  }
  repository(): RepositoryNode {
    return this.repo;
  }
}

class TreeNode {
  readonly __typename = 'Tree';
  readonly id: string;
  readonly abbreviatedOid: string;
  constructor(readonly repo: RepositoryNode, readonly oid: string, readonly prefix = '') {
    this.id = nodeId('TR', `Tree:${repo.nameWithOwner}:${oid}`);
    this.abbreviatedOid = oid.slice(0, 7);
  }
  async entries(): Promise<TreeEntryNode[]> {
    const entries = await this.repo.repo.git.listTree(this.oid, false, { sizes: false });
    return entries.map((e) => new TreeEntryNode(this.repo, e, this.prefix ? `${this.prefix}/${e.path}` : e.path));
  }
  repository(): RepositoryNode {
    return this.repo;
  }
  commitUrl(): string {
    return `${this.repo.url}/tree/${this.oid}`;
  }
  commitResourcePath(): string {
    return `/${this.repo.nameWithOwner}/tree/${this.oid}`;
  }
}

class GitActorNode {
  readonly name: string;
  readonly email: string;
  readonly date: string;
  constructor(person: CommitObject['author'], private readonly urls: Urls) {
    this.name = person.name;
    this.email = person.email;
    this.date = person.date;
  }
  user(): UserNode | null {
    const match = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(this.email);
    return match ? new UserNode(match[1], this.urls) : null;
  }
}

function statusContextNode(s: StatusRecord): Record<string, unknown> {
  return {
    __typename: 'StatusContext',
    id: nodeId('SC', `StatusContext:${s.id}`),
    context: s.context,
    state: s.state.toUpperCase(),
    description: s.description,
    targetUrl: s.targetUrl,
    createdAt: s.at,
  };
}

function checkRunNode(c: CheckRunRecord): Record<string, unknown> {
  return {
    __typename: 'CheckRun',
    id: nodeId('CR', `CheckRun:${c.id}`),
    databaseId: c.id,
    name: c.name,
    status: c.status.toUpperCase(),
    conclusion: c.conclusion === null ? null : c.conclusion.toUpperCase(),
    startedAt: c.at,
    completedAt: c.status === 'completed' ? c.at : null,
  };
}

class CommitNode {
  readonly __typename = 'Commit';
  readonly id: string;
  readonly oid: string;
  readonly abbreviatedOid: string;
  readonly message: string;
  readonly messageHeadline: string;
  readonly messageBody: string;
  readonly committedDate: string;
  readonly authoredDate: string;
  readonly url: string;
  readonly commitUrl: string;
  readonly resourcePath: string;
  readonly commitResourcePath: string;
  readonly committedViaWeb: boolean;
  constructor(readonly repo: RepositoryNode, readonly commit: CommitObject, private readonly urls: Urls) {
    this.id = nodeId('C', `Commit:${repo.nameWithOwner}:${commit.oid}`);
    this.oid = commit.oid;
    this.abbreviatedOid = commit.oid.slice(0, 7);
    this.message = commit.message.replace(/\n$/, '');
    const newline = this.message.indexOf('\n');
    this.messageHeadline = newline === -1 ? this.message : this.message.slice(0, newline);
    this.messageBody = newline === -1 ? '' : this.message.slice(newline + 1).replace(/^\n+/, '');
    this.committedDate = commit.committer.date;
    this.authoredDate = commit.author.date;
    this.url = `${repo.url}/commit/${commit.oid}`;
    this.commitUrl = this.url;
    this.resourcePath = `/${repo.nameWithOwner}/commit/${commit.oid}`;
    this.commitResourcePath = this.resourcePath;
    this.committedViaWeb = repo.repo.isVerified(commit.oid);
  }
  tree(): TreeNode {
    return new TreeNode(this.repo, this.commit.tree);
  }
  author(): GitActorNode {
    return new GitActorNode(this.commit.author, this.urls);
  }
  committer(): GitActorNode {
    return new GitActorNode(this.commit.committer, this.urls);
  }
  async parents(args: ConnectionArgs): Promise<Record<string, unknown>> {
    const parents: CommitNode[] = [];
    for (const oid of this.commit.parents) {
      const parent = await this.repo.repo.git.readCommit(oid);
      if (parent) parents.push(new CommitNode(this.repo, parent, this.urls));
    }
    return connection(parents, args);
  }
  /**
   * The commit and its ancestors, newest first (`git rev-list`'s order, as GitHub lists them); with `path`, only
   * the commits that changed it (git's default history simplification, as `git log -- <path>`).
   */
  async history(args: ConnectionArgs & { path?: string }): Promise<Record<string, unknown>> {
    if ((args.first ?? 0) > 100 || (args.last ?? 0) > 100) {
      const which = (args.first ?? 0) > 100 ? 'first' : 'last';
      throw new GitHubError(400, `Requesting ${args[which]} records on the \`history\` connection exceeds the \`${which}\` limit of 100 records.`, 'EXCESSIVE_PAGINATION');
    }
    const count = args.first ?? 100;
    const path = args.path?.replace(/^\/+|\/+$/g, '');
    const limit = path ? ['--', path] : [];
    // One more than asked tells whether there is a next page; totalCount is counted only when asked for.
    const oids = (await this.repo.repo.git.run(['rev-list', `--max-count=${count + 1}`, this.oid, ...limit])).stdout.toString('utf8').split('\n').filter((l) => l !== '');
    const commits: CommitNode[] = [];
    for (const oid of oids.slice(0, count)) {
      const commit = await this.repo.repo.git.readCommit(oid);
      if (commit) commits.push(new CommitNode(this.repo, commit, this.urls));
    }
    const page = connection(commits, { ...(args.last === undefined ? {} : { last: args.last }) });
    const pageInfo = page['pageInfo'] as Record<string, unknown>;
    return {
      ...page,
      totalCount: async () => Number((await this.repo.repo.git.run(['rev-list', '--count', this.oid, ...limit])).stdout.toString('utf8').trim()),
      pageInfo: { ...pageInfo, hasNextPage: args.last === undefined && oids.length > count },
    };
  }
  async file(args: { path: string }): Promise<TreeEntryNode | null> {
    const path = args.path.replace(/^\/+|\/+$/g, '');
    const entry = await this.repo.repo.git.entryAt(this.commit.tree, path, { sizes: false });
    return entry ? new TreeEntryNode(this.repo, entry, path) : null;
  }
  signature(): Record<string, unknown> | null {
    if (!this.repo.repo.isVerified(this.oid)) return null;
    return {
      __typename: 'GpgSignature',
      isValid: true,
      state: 'VALID',
      wasSignedByGitHub: true,
      payload: '',
      signature: '',
      signer: null,
      verifiedAt: this.committedDate,
      email: 'noreply@github.com',
      keyId: 'B5690EEEBB952194',
    };
  }
  repository(): RepositoryNode {
    return this.repo;
  }
  /** The commit's statuses (latest per context), or null when none was posted (as GitHub answers). */
  status(): Record<string, unknown> | null {
    const { statuses } = statusesOf(this.repo.repo, this.oid);
    if (statuses.length === 0) return null;
    const contexts = statuses.map((s) => statusContextNode(s));
    return { id: nodeId('S', `Status:${this.oid}`), state: combinedState(statuses.map((s) => s.state)).toUpperCase(), contexts, combinedContexts: (args: ConnectionArgs) => connection(contexts, args) };
  }
  /** Statuses and check runs together (`StatusCheckRollupContext`), or null when the commit has neither. */
  statusCheckRollup(): Record<string, unknown> | null {
    const { statuses, checks } = statusesOf(this.repo.repo, this.oid);
    if (statuses.length === 0 && checks.length === 0) return null;
    const contexts = [...statuses.map((s) => statusContextNode(s)), ...checks.map((c) => checkRunNode(c))];
    const state = combinedState([...statuses.map((s) => s.state), ...checks.map(checkState)]).toUpperCase();
    return { id: nodeId('SCR', `StatusCheckRollup:${this.oid}`), state, commit: this, contexts: (args: ConnectionArgs) => connection(contexts, args) };
  }
  associatedPullRequests(args: ConnectionArgs, ctx: GraphQLContext): Promise<Record<string, unknown>> {
    // GitHub associates a pull request with its head commit, and once merged with its merge commit and the commits
    // it brought in.
    return this.repo.pullsMatching(ctx, { first: args.first, last: args.last }, async (pull) =>
      mergedWith(pull, this.oid) || (await this.repo.repo.git.readRef(`refs/heads/${pull.head}`)) === this.oid);
  }
}

class RefNode {
  readonly __typename = 'Ref';
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  constructor(readonly repo: RepositoryNode, readonly qualifiedName: string, private readonly urls: Urls) {
    this.id = nodeId('REF', `Ref:${repo.nameWithOwner}:${qualifiedName}`);
    const parts = qualifiedName.split('/');
    this.prefix = parts.slice(0, 2).join('/') + '/';
    this.name = parts.slice(2).join('/');
  }
  async target(): Promise<CommitNode | TreeNode | BlobNode | null> {
    const oid = await this.repo.repo.git.readRef(this.qualifiedName);
    return oid ? this.repo.objectNode(oid, this.urls) : null;
  }
  repository(): RepositoryNode {
    return this.repo;
  }
  associatedPullRequests(
    args: ConnectionArgs & { states?: string[]; baseRefName?: string; labels?: string[] },
    ctx: GraphQLContext,
  ): Promise<Record<string, unknown>> {
    if (!this.qualifiedName.startsWith('refs/heads/')) return Promise.resolve(connection([], args));
    return this.repo.pullRequests({ ...args, headRefName: this.name }, ctx);
  }
}

class PullRequestNode {
  readonly __typename = 'PullRequest';
  constructor(readonly repo: RepositoryNode, readonly pull: PullRecord, private readonly urls: Urls) {}
  get id(): string {
    return this.pull.id;
  }
  get databaseId(): number {
    return this.pull.databaseId;
  }
  get fullDatabaseId(): string {
    return String(this.pull.databaseId);
  }
  get number(): number {
    return this.pull.number;
  }
  get title(): string {
    return this.pull.title;
  }
  get body(): string {
    return this.pull.body ?? '';
  }
  get state(): string {
    return this.pull.merged ? 'MERGED' : this.pull.state.toUpperCase();
  }
  get closed(): boolean {
    return this.pull.state === 'closed';
  }
  get merged(): boolean {
    return this.pull.merged;
  }
  get isDraft(): boolean {
    return this.pull.draft;
  }
  get headRefName(): string {
    return this.pull.head;
  }
  get baseRefName(): string {
    return this.pull.base;
  }
  get createdAt(): string {
    return this.pull.createdAt;
  }
  get updatedAt(): string {
    return this.pull.updatedAt;
  }
  get closedAt(): string | null {
    return this.pull.closedAt;
  }
  get mergedAt(): string | null {
    return mergeOf(this.pull)?.at ?? null;
  }
  async mergeCommit(): Promise<CommitNode | null> {
    const oid = mergeOf(this.pull)?.commit;
    const commit = oid === undefined ? undefined : await this.repo.repo.git.readCommit(oid);
    return commit ? new CommitNode(this.repo, commit, this.urls) : null;
  }
  get maintainerCanModify(): boolean {
    return this.pull.maintainerCanModify;
  }
  get url(): string {
    return `${this.repo.url}/pull/${this.pull.number}`;
  }
  get permalink(): string {
    return this.url;
  }
  get resourcePath(): string {
    return `/${this.repo.nameWithOwner}/pull/${this.pull.number}`;
  }
  get autoMergeRequest(): Record<string, unknown> | null {
    const auto = this.pull.autoMerge;
    if (!auto) return null;
    return { enabledAt: auto.enabledAt, mergeMethod: auto.mergeMethod, enabledBy: new UserNode(auto.enabledBy, this.urls), pullRequest: this, authorEmail: null, commitBody: null, commitHeadline: null };
  }
  author(): UserNode {
    return new UserNode(this.pull.author, this.urls);
  }
  async headRefOid(): Promise<string> {
    return (await this.repo.repo.git.readRef(`refs/heads/${this.pull.head}`)) ?? ZERO_OID;
  }
  async baseRefOid(): Promise<string> {
    return (await this.repo.repo.git.readRef(`refs/heads/${this.pull.base}`)) ?? ZERO_OID;
  }
  async headRef(): Promise<RefNode | null> {
    return (await this.repo.repo.git.readRef(`refs/heads/${this.pull.head}`)) ? new RefNode(this.repo, `refs/heads/${this.pull.head}`, this.urls) : null;
  }
  async baseRef(): Promise<RefNode | null> {
    return (await this.repo.repo.git.readRef(`refs/heads/${this.pull.base}`)) ? new RefNode(this.repo, `refs/heads/${this.pull.base}`, this.urls) : null;
  }
  labels(args: ConnectionArgs): Record<string, unknown> {
    return connection(this.pull.labels.map((name) => new LabelNode(this.repo.repo, this.repo.repo.ensureLabel(name))), args);
  }
  assignees(args: ConnectionArgs): Record<string, unknown> {
    return connection(this.pull.assignees.map((login) => new UserNode(login, this.urls)), args);
  }
  reviewRequests(args: ConnectionArgs, ctx: GraphQLContext): Record<string, unknown> {
    const requests = [
      ...this.pull.reviewers.map((login) => new UserNode(login, this.urls)),
      ...this.pull.teamReviewers.map((slug) => requestedTeam(ctx, this.repo.repo.owner, slug)),
    ].map((reviewer) => ({
      __typename: 'ReviewRequest',
      id: nodeId('RR', `ReviewRequest:${this.pull.id}:${reviewer.id}`),
      asCodeOwner: false,
      pullRequest: this,
      requestedReviewer: reviewer,
    }));
    return connection(requests, args);
  }
  /** The latest submitted review of each author. */
  latestReviews(args: ConnectionArgs): Record<string, unknown> {
    const latest = new Map<string, PullRecord['reviews'][number]>();
    for (const review of this.pull.reviews) latest.set(review.author.toLowerCase(), review);
    return connection([...latest.values()].map((review, i) => new ReviewNode(this, review, i, this.urls)), args);
  }
  reviews(args: ConnectionArgs & { author?: string; states?: string[] }): Record<string, unknown> {
    const kept = this.pull.reviews.filter(
      (r) => (args.author === undefined || r.author.toLowerCase() === args.author.toLowerCase()) && (args.states === undefined || args.states.includes(r.state)),
    );
    return connection(kept.map((review, i) => new ReviewNode(this, review, i, this.urls)), args);
  }
  /** Review requests and auto-merge events (what the emulator records of a PR's timeline), filtered by `itemTypes`. */
  timelineItems(args: ConnectionArgs & { itemTypes?: string[]; since?: string; skip?: number }, ctx: GraphQLContext): Record<string, unknown> {
    const types: Record<PullEvent['type'], string> = {
      'review-requested': 'REVIEW_REQUESTED_EVENT',
      'auto-merge-enabled': 'AUTO_MERGE_ENABLED_EVENT',
      'auto-merge-disabled': 'AUTO_MERGE_DISABLED_EVENT',
    };
    const events = this.pull.events
      .map((event, i) => ({ event, i }))
      .filter(({ event }) => args.itemTypes === undefined || args.itemTypes.includes(types[event.type]))
      .map(({ event, i }) => timelineNode(ctx, this, event, i, this.urls));
    return { ...connection(events, args), filteredCount: events.length, pageCount: events.length, updatedAt: this.pull.updatedAt };
  }
  repository(): RepositoryNode {
    return this.repo;
  }
  baseRepository(): RepositoryNode {
    return this.repo;
  }
  headRepository(): RepositoryNode {
    return this.repo;
  }
}

class ReviewNode {
  readonly __typename = 'PullRequestReview';
  readonly id: string;
  readonly state: string;
  readonly submittedAt: string;
  readonly createdAt: string;
  readonly body = '';
  private readonly authorLogin: string;
  constructor(readonly pullRequestNode: PullRequestNode, review: PullRecord['reviews'][number], index: number, private readonly urls: Urls) {
    this.id = nodeId('PRR', `PullRequestReview:${pullRequestNode.pull.id}:${index}`);
    this.state = review.state;
    this.submittedAt = review.submittedAt;
    this.createdAt = review.submittedAt;
    this.authorLogin = review.author;
  }
  author(): UserNode {
    return new UserNode(this.authorLogin, this.urls);
  }
  pullRequest(): PullRequestNode {
    return this.pullRequestNode;
  }
  onBehalfOf(args: ConnectionArgs): Record<string, unknown> {
    return connection([], args);
  }
}

/** A timeline event as GraphQL shows it (ReviewRequestedEvent, AutoMergeEnabledEvent, AutoMergeDisabledEvent). */
function timelineNode(ctx: GraphQLContext, pull: PullRequestNode, event: PullEvent, index: number, urls: Urls): Record<string, unknown> {
  const common = { id: nodeId('E', `Event:${pull.pull.id}:${index}`), createdAt: event.at, actor: new UserNode(event.actor, urls), pullRequest: pull };
  if (event.type === 'review-requested') {
    const reviewer = event.user !== undefined ? new UserNode(event.user, urls) : requestedTeam(ctx, pull.repo.repo.owner, event.team ?? '');
    return { __typename: 'ReviewRequestedEvent', ...common, requestedReviewer: reviewer };
  }
  if (event.type === 'auto-merge-enabled') return { __typename: 'AutoMergeEnabledEvent', ...common, enabler: new UserNode(event.actor, urls) };
  return { __typename: 'AutoMergeDisabledEvent', ...common, disabler: new UserNode(event.actor, urls), reason: null, reasonCode: null };
}

class RepositoryNode {
  readonly __typename = 'Repository';
  readonly id: string;
  readonly databaseId: number;
  readonly name: string;
  readonly nameWithOwner: string;
  readonly url: string;
  readonly resourcePath: string;
  readonly isArchived = false;
  readonly isDisabled = false;
  readonly isFork = false;
  get isPrivate(): boolean {
    return this.repo.options.isPrivate ?? true;
  }
  readonly isEmpty = false;
  get visibility(): string {
    return this.isPrivate ? 'PRIVATE' : 'PUBLIC';
  }
  readonly mergeCommitAllowed = true;
  readonly squashMergeAllowed = true;
  readonly rebaseMergeAllowed = true;
  readonly deleteBranchOnMerge = false;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly autoMergeAllowed: boolean;
  constructor(readonly repo: Repo, private readonly urls: Urls) {
    this.id = repo.id;
    this.databaseId = repo.databaseId;
    this.name = repo.repoName;
    this.nameWithOwner = repo.fullName;
    this.url = `${urls.web}/${repo.fullName}`;
    this.resourcePath = `/${repo.fullName}`;
    this.createdAt = repo.createdAt;
    this.updatedAt = repo.createdAt;
    this.autoMergeAllowed = repo.options.autoMergeAllowed ?? false;
  }
  owner(): OrganizationNode {
    return new OrganizationNode(this.repo.owner, this.urls);
  }
  viewerPermission(_args: unknown, ctx: GraphQLContext): string {
    return ctx.canWrite(this.repo) ? 'WRITE' : 'READ';
  }
  async objectNode(oid: string, urls: Urls): Promise<CommitNode | TreeNode | BlobNode | null> {
    const type = await this.repo.git.objectType(oid);
    if (type === 'commit') {
      const commit = await this.repo.git.readCommit(oid);
      return commit ? new CommitNode(this, commit, urls) : null;
    }
    if (type === 'tree') return new TreeNode(this, oid);
    if (type === 'blob') return new BlobNode(this, oid);
    return null;
  }
  async defaultBranchRef(): Promise<RefNode | null> {
    const ref = `refs/heads/${this.repo.defaultBranch}`;
    return (await this.repo.git.readRef(ref)) ? new RefNode(this, ref, this.urls) : null;
  }
  async ref(args: { qualifiedName: string }): Promise<RefNode | null> {
    const name = args.qualifiedName;
    const candidates = name.startsWith('refs/') ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`];
    for (const candidate of candidates) {
      if (await this.repo.git.readRef(candidate)) return new RefNode(this, candidate, this.urls);
    }
    return null;
  }
  async refs(args: ConnectionArgs & { refPrefix: string; query?: string }): Promise<Record<string, unknown>> {
    const refs = await this.repo.git.listRefs(args.refPrefix);
    const nodes = refs
      .filter((r) => !args.query || r.ref.slice(args.refPrefix.length).includes(args.query))
      .map((r) => new RefNode(this, r.ref, this.urls));
    return connection(nodes, args);
  }
  async object(args: { expression?: string; oid?: string }): Promise<CommitNode | TreeNode | BlobNode | null> {
    const spec = args.oid ?? args.expression;
    if (!spec) return null;
    const oid = await this.repo.git.resolve(spec);
    return oid ? this.objectNode(oid, this.urls) : null;
  }
  label(args: { name: string }): LabelNode | null {
    const record = [...this.repo.labels.values()].find((l) => l.name.toLowerCase() === args.name.toLowerCase());
    return record ? new LabelNode(this.repo, record) : null;
  }
  labels(args: ConnectionArgs & { query?: string }): Record<string, unknown> {
    const all = [...this.repo.labels.values()].filter((l) => !args.query || l.name.toLowerCase().includes(args.query.toLowerCase()));
    return connection(all.map((l) => new LabelNode(this.repo, l)), args);
  }
  pullRequest(args: { number: number }): PullRequestNode | null {
    const pull = this.repo.pulls.find((p) => p.number === args.number);
    return pull ? new PullRequestNode(this, pull, this.urls) : null;
  }
  pullRequests(
    args: ConnectionArgs & { states?: string[]; headRefName?: string; baseRefName?: string; labels?: string[] },
    ctx: GraphQLContext,
  ): Promise<Record<string, unknown>> {
    return this.pullsMatching(ctx, args, async (pull) => {
      const state = pull.merged ? 'MERGED' : pull.state.toUpperCase();
      if (args.states && args.states.length > 0 && !args.states.includes(state)) return false;
      if (args.headRefName !== undefined && pull.head !== args.headRefName) return false;
      if (args.baseRefName !== undefined && pull.base !== args.baseRefName) return false;
      if (args.labels && args.labels.length > 0 && !args.labels.some((l) => pull.labels.includes(l))) return false;
      return true;
    });
  }
  async pullsMatching(_ctx: GraphQLContext, args: ConnectionArgs, keep: (pull: PullRecord) => Promise<boolean>): Promise<Record<string, unknown>> {
    const kept: PullRequestNode[] = [];
    for (const pull of this.repo.pulls) if (await keep(pull)) kept.push(new PullRequestNode(this, pull, this.urls));
    return connection(kept, args);
  }
}

/**
 * Why an updateRefs transaction did not apply, as GitHub tells it: a ref that moved meanwhile is
 * STALE_DATA (read again); a create another branch's name is in the way of gets GitHub's answer to such
 * a create (UNPROCESSABLE "Ref cannot be created"); anything else "Reference update failed".
 */
async function refUpdateFailure(repo: Repo, updates: readonly { ref: string; old: string | null }[]): Promise<never> {
  const failures = await Promise.all(updates.map((u) => repo.casFailure(u.ref, u.old ?? ZERO_OID)));
  if (failures.some((f) => f.kind === 'stale')) {
    throw new GitHubError(409, 'A ref was updated concurrently: none of the updates were applied. Pull and try again.', 'STALE_DATA');
  }
  if (failures.some((f) => f.kind === 'clash')) throw refNotCreated();
  throw new GitHubError(422, 'Reference update failed', 'UNPROCESSABLE');
}

// ---------------------------------------------------------------------------------------------
// Root

interface CreateCommitOnBranchInput {
  clientMutationId?: string;
  branch: { repositoryNameWithOwner?: string; branchName?: string; id?: string };
  expectedHeadOid: string;
  message: { headline: string; body?: string | null };
  fileChanges?: { additions?: { path: string; contents: string }[] | null; deletions?: { path: string }[] | null } | null;
}

class Root {
  repository(args: { owner: string; name: string }, ctx: GraphQLContext): RepositoryNode {
    return new RepositoryNode(requireRepo(ctx, `${args.owner}/${args.name}`), ctx.urls);
  }

  user(args: { login: string }, ctx: GraphQLContext): UserNode {
    const users = ctx.world.users;
    if (users && !users.some((u) => u.toLowerCase() === args.login.toLowerCase())) {
      throw new GitHubError(404, 'Not Found', 'NOT_FOUND', undefined, `Could not resolve to a User with the login of '${args.login}'.`);
    }
    return new UserNode(args.login, ctx.urls);
  }

  organization(args: { login: string }, ctx: GraphQLContext): OrganizationNode {
    return new OrganizationNode(args.login, ctx.urls);
  }

  viewer(_args: unknown, ctx: GraphQLContext): UserNode {
    return new UserNode(ctx.actor.login, ctx.urls);
  }

  rateLimit(_args: unknown, ctx: GraphQLContext): Record<string, unknown> {
    const r = ctx.world.rate;
    return { limit: r.limit, remaining: r.remaining, used: r.used, cost: 1, nodeCount: 1, resetAt: new Date(r.reset * 1000).toISOString() };
  }

  async node(args: { id: string }, ctx: GraphQLContext): Promise<unknown> {
    const decoded = decodeNodeId(args.id);
    if (!decoded) throw unresolvable(args.id);
    switch (decoded.prefix) {
      case 'R': {
        const repo = ctx.world.findRepo(decoded.key.replace(/^Repository:/, ''));
        if (!repo) throw unresolvable(args.id);
        return new RepositoryNode(repo, ctx.urls);
      }
      case 'PR': {
        const { repo, pull } = pullById(ctx, args.id);
        return new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls);
      }
      case 'REF': {
        const { repo, rest } = lookup(ctx, args.id, 'REF');
        if (!(await repo.git.readRef(rest))) throw unresolvable(args.id);
        return new RefNode(new RepositoryNode(repo, ctx.urls), rest, ctx.urls);
      }
      case 'U':
      case 'BOT':
        return new UserNode(decoded.key.replace(/^User:/, ''), ctx.urls);
      default:
        throw unresolvable(args.id);
    }
  }

  async createCommitOnBranch(args: { input: CreateCommitOnBranchInput }, ctx: GraphQLContext): Promise<Record<string, unknown>> {
    const input = args.input;
    let repo: Repo;
    let branch: string;
    if (input.branch.id) {
      const found = lookup(ctx, input.branch.id, 'REF');
      if (!found.rest.startsWith('refs/heads/')) throw unresolvable(input.branch.id);
      repo = found.repo;
      branch = found.rest.slice('refs/heads/'.length);
    } else if (input.branch.repositoryNameWithOwner && input.branch.branchName) {
      repo = requireRepo(ctx, input.branch.repositoryNameWithOwner);
      branch = input.branch.branchName.replace(/^refs\/heads\//, '');
    } else {
      throw new GitHubError(422, 'Invalid branch', 'UNPROCESSABLE', undefined,
        'A branch must be identified by either its id or both repositoryNameWithOwner and branchName.');
    }
    requireWrite(ctx, repo);
    const body = input.message.body ?? '';
    const message = body === '' ? input.message.headline : `${input.message.headline}\n\n${body}`;
    const additions = (input.fileChanges?.additions ?? []).map((a) => ({ path: a.path, contents: Buffer.from(a.contents, 'base64') }));
    const deletions = (input.fileChanges?.deletions ?? []).map((d) => d.path);
    const oid = await repo.commitOnBranch({ branch, expectedHead: input.expectedHeadOid, additions, deletions, message, actor: ctx.actor });
    const node = new RepositoryNode(repo, ctx.urls);
    const commit = await repo.git.readCommit(oid);
    return {
      clientMutationId: input.clientMutationId ?? null,
      commit: commit ? new CommitNode(node, commit, ctx.urls) : null,
      ref: new RefNode(node, `refs/heads/${branch}`, ctx.urls),
    };
  }

  async createRef(args: { input: { clientMutationId?: string; repositoryId: string; name: string; oid: string } }, ctx: GraphQLContext): Promise<Record<string, unknown>> {
    const { input } = args;
    const repo = this.repoById(ctx, input.repositoryId);
    requireWrite(ctx, repo);
    await repo.createRef(input.name, input.oid);
    return { clientMutationId: input.clientMutationId ?? null, ref: new RefNode(new RepositoryNode(repo, ctx.urls), input.name, ctx.urls) };
  }

  async updateRefs(
    args: { input: { clientMutationId?: string; repositoryId: string; refUpdates: { name: string; afterOid: string; beforeOid?: string | null; force?: boolean | null }[] } },
    ctx: GraphQLContext,
  ): Promise<Record<string, unknown>> {
    const { input } = args;
    const repo = this.repoById(ctx, input.repositoryId);
    requireWrite(ctx, repo);
    const updates: { ref: string; next: string; old: string | null }[] = [];
    for (const update of input.refUpdates) {
      if (!update.name.startsWith('refs/')) throw new GitHubError(422, `Invalid ref name '${update.name}'`, 'UNPROCESSABLE');
      const exists = (await repo.git.readRef(update.name)) !== null;
      repo.assertWritable(update.name, !exists ? 'create' : update.afterOid === ZERO_OID ? 'delete' : 'update');
      if (update.name.startsWith('refs/heads/')) await repo.runPendingRace(update.name.slice('refs/heads/'.length));
      const current = await repo.git.readRef(update.name);
      if (update.beforeOid !== undefined && update.beforeOid !== null && update.beforeOid !== (current ?? ZERO_OID)) {
        throw new GitHubError(409, `Expected ${update.name} to point to "${update.beforeOid}" but it did not. Pull and try again.`, 'STALE_DATA');
      }
      if (update.afterOid !== ZERO_OID) {
        const type = await repo.git.objectType(update.afterOid);
        if (!type) throw new GitHubError(422, `Object ${update.afterOid} does not exist`, 'UNPROCESSABLE');
        if (!update.force && current && update.name.startsWith('refs/heads/') && !(await repo.git.isAncestor(current, update.afterOid))) {
          throw new GitHubError(422, `Update of ${update.name} is not a fast forward`, 'UNPROCESSABLE');
        }
      }
      updates.push({ ref: update.name, next: update.afterOid, old: current ?? ZERO_OID });
    }
    if (!(await repo.casMany(updates))) await refUpdateFailure(repo, updates);
    return { clientMutationId: input.clientMutationId ?? null };
  }

  async deleteRef(args: { input: { clientMutationId?: string; refId: string } }, ctx: GraphQLContext): Promise<Record<string, unknown>> {
    const { repo, rest } = lookup(ctx, args.input.refId, 'REF');
    requireWrite(ctx, repo);
    if (!(await repo.git.readRef(rest))) throw unresolvable(args.input.refId);
    await repo.deleteRef(rest);
    return { clientMutationId: args.input.clientMutationId ?? null };
  }

  async createPullRequest(
    args: { input: { clientMutationId?: string; repositoryId: string; baseRefName: string; headRefName: string; title: string; body?: string | null; draft?: boolean | null; maintainerCanModify?: boolean | null } },
    ctx: GraphQLContext,
  ): Promise<Record<string, unknown>> {
    const { input } = args;
    const repo = this.repoById(ctx, input.repositoryId);
    requireWrite(ctx, repo);
    const pull = await repo.createPull({
      head: input.headRefName.replace(/^refs\/heads\//, ''),
      base: input.baseRefName.replace(/^refs\/heads\//, ''),
      title: input.title,
      body: input.body ?? null,
      draft: input.draft ?? false,
      maintainerCanModify: input.maintainerCanModify ?? true,
      actor: ctx.actor,
    });
    return { clientMutationId: input.clientMutationId ?? null, pullRequest: new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls) };
  }

  async updatePullRequest(
    args: { input: { clientMutationId?: string; pullRequestId: string; title?: string | null; body?: string | null; state?: 'OPEN' | 'CLOSED' | null; baseRefName?: string | null; labelIds?: string[] | null } },
    ctx: GraphQLContext,
  ): Promise<Record<string, unknown>> {
    const { input } = args;
    const { repo, pull } = pullById(ctx, input.pullRequestId);
    requireWrite(ctx, repo);
    await repo.updatePull(pull, {
      title: input.title ?? undefined,
      body: input.body ?? undefined,
      state: input.state ? (input.state.toLowerCase() as 'open' | 'closed') : undefined,
      base: input.baseRefName ?? undefined,
    });
    if (input.labelIds) {
      pull.labels = [];
      repo.addLabels(pull, input.labelIds.map((id) => this.labelName(ctx, repo, id)));
    }
    return { clientMutationId: input.clientMutationId ?? null, pullRequest: new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls) };
  }

  async closePullRequest(args: { input: { clientMutationId?: string; pullRequestId: string } }, ctx: GraphQLContext): Promise<Record<string, unknown>> {
    const { repo, pull } = pullById(ctx, args.input.pullRequestId);
    requireWrite(ctx, repo);
    await repo.updatePull(pull, { state: 'closed' });
    return { clientMutationId: args.input.clientMutationId ?? null, pullRequest: new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls) };
  }

  addLabelsToLabelable(args: { input: { clientMutationId?: string; labelableId: string; labelIds: string[] } }, ctx: GraphQLContext): Record<string, unknown> {
    const { repo, pull } = pullById(ctx, args.input.labelableId);
    requireWrite(ctx, repo);
    repo.addLabels(pull, args.input.labelIds.map((id) => this.labelName(ctx, repo, id)));
    return { clientMutationId: args.input.clientMutationId ?? null, labelable: new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls) };
  }

  requestReviews(
    args: { input: { clientMutationId?: string; pullRequestId: string; userIds?: string[] | null; teamIds?: string[] | null; union?: boolean | null } },
    ctx: GraphQLContext,
  ): Record<string, unknown> {
    const { input } = args;
    const { repo, pull } = pullById(ctx, input.pullRequestId);
    requireWrite(ctx, repo);
    const users = (input.userIds ?? []).map((id) => {
      const decoded = decodeNodeId(id);
      if (!decoded || (decoded.prefix !== 'U' && decoded.prefix !== 'BOT')) throw unresolvable(id);
      return decoded.key.replace(/^User:/, '');
    });
    const teams = (input.teamIds ?? []).map((id) => {
      const decoded = decodeNodeId(id);
      if (!decoded || decoded.prefix !== 'T') throw unresolvable(id);
      return decoded.key.replace(/^Team:[^/]+\//, '');
    });
    if (!input.union) {
      pull.reviewers = [];
      pull.teamReviewers = [];
    }
    repo.requestReviewers(pull, users, teams, ctx.actor.login);
    return {
      clientMutationId: input.clientMutationId ?? null,
      pullRequest: new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls),
      actor: new UserNode(ctx.actor.login, ctx.urls),
    };
  }

  addAssigneesToAssignable(args: { input: { clientMutationId?: string; assignableId: string; assigneeIds: string[] } }, ctx: GraphQLContext): Record<string, unknown> {
    const { input } = args;
    const { repo, pull } = pullById(ctx, input.assignableId);
    requireWrite(ctx, repo);
    for (const id of input.assigneeIds) {
      const decoded = decodeNodeId(id);
      if (!decoded || (decoded.prefix !== 'U' && decoded.prefix !== 'BOT')) throw unresolvable(id);
      const login = decoded.key.replace(/^User:/, '');
      if (!pull.assignees.includes(login)) pull.assignees.push(login);
    }
    return { clientMutationId: input.clientMutationId ?? null, assignable: new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls) };
  }

  enablePullRequestAutoMerge(
    args: { input: { clientMutationId?: string; pullRequestId: string; mergeMethod?: 'MERGE' | 'SQUASH' | 'REBASE' | null } },
    ctx: GraphQLContext,
  ): Record<string, unknown> {
    const { input } = args;
    const { repo, pull } = pullById(ctx, input.pullRequestId);
    requireWrite(ctx, repo);
    repo.enableAutoMerge(pull, input.mergeMethod ?? 'MERGE', ctx.actor);
    return {
      clientMutationId: input.clientMutationId ?? null,
      pullRequest: new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls),
      actor: new UserNode(ctx.actor.login, ctx.urls),
    };
  }

  disablePullRequestAutoMerge(args: { input: { clientMutationId?: string; pullRequestId: string } }, ctx: GraphQLContext): Record<string, unknown> {
    const { repo, pull } = pullById(ctx, args.input.pullRequestId);
    requireWrite(ctx, repo);
    repo.disableAutoMerge(pull, ctx.actor);
    return {
      clientMutationId: args.input.clientMutationId ?? null,
      pullRequest: new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls),
      actor: new UserNode(ctx.actor.login, ctx.urls),
    };
  }

  /** A review by the token's user; with an `event` it is submitted at once (without one GitHub keeps it pending: not modelled). */
  addPullRequestReview(
    args: { input: { clientMutationId?: string; pullRequestId: string; event?: 'APPROVE' | 'COMMENT' | 'REQUEST_CHANGES' | 'DISMISS' | null; body?: string | null } },
    ctx: GraphQLContext,
  ): Record<string, unknown> {
    const { input } = args;
    const { repo, pull } = pullById(ctx, input.pullRequestId);
    const states = { APPROVE: 'APPROVED', COMMENT: 'COMMENTED', REQUEST_CHANGES: 'CHANGES_REQUESTED' } as const;
    if (!input.event || input.event === 'DISMISS') throw new GitHubError(422, 'Unprocessable', 'UNPROCESSABLE', undefined, 'the emulator submits reviews only (event APPROVE, COMMENT or REQUEST_CHANGES)');
    repo.submitReview(pull, ctx.actor.login, states[input.event]);
    const node = new PullRequestNode(new RepositoryNode(repo, ctx.urls), pull, ctx.urls);
    return { clientMutationId: input.clientMutationId ?? null, pullRequestReview: new ReviewNode(node, pull.reviews[pull.reviews.length - 1]!, pull.reviews.length - 1, ctx.urls) };
  }

  private repoById(ctx: GraphQLContext, id: string): Repo {
    const decoded = decodeNodeId(id);
    const repo = decoded?.prefix === 'R' ? ctx.world.findRepo(decoded.key.replace(/^Repository:/, '')) : null;
    if (!repo) throw unresolvable(id);
    return repo;
  }

  private labelName(_ctx: GraphQLContext, repo: Repo, id: string): string {
    const record = [...repo.labels.values()].find((l) => l.id === id);
    if (!record) throw unresolvable(id);
    return record.name;
  }
}
