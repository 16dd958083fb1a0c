/**
 * The emulator's HTTP front: routing (`/`, `/api/v3`, `/graphql`, `/api/graphql`), auth, rate-limit
 * headers, latency, faults, the request log, and contract checks of REST requests and responses.
 */
import { appendFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Contract } from './contract.js';
import { GitHubError, notAccessible } from './errors.js';
import { describeDocument, githubGraphQLSchema, runGraphQL, type GraphQLContext } from './graphql.js';
import { DEFAULT_MAX_QUERY_BYTES, timeoutBody } from './limits.js';
import { seededRandom } from './mutex.js';
import { UNPINNED_OPERATIONS } from './operations.js';
import { Repo, type Actor, type RepoOptions } from './repo.js';
import { ROUTES, type RestAnswer, type Route } from './rest.js';
import { actorFor, type Urls } from './shapes.js';

/** Options of one emulator instance. */
export interface EmulatorOptions {
  repos: RepoOptions[];
  /** 0 or undefined: a free port. */
  port?: number;
  /**
   * Latency of every request: fixed, or uniformly random in [min, max], drawn per request. Half of it passes
   * before the request is handled and half after, before the answer is sent: a read sees the state in the middle
   * of its latency and a write applies in the middle of its own, so another client's write can land between a read
   * and the write that follows it, as on GitHub.
   */
  latencyMs?: number | { min: number; max: number };
  /** Latency of content-creating requests (REST writes, GraphQL mutations), split the same way. Default: `latencyMs`. */
  writeLatencyMs?: number | { min: number; max: number };
  /** How a share of latency passes (test seam; default: a timer). Called twice per request with latency: before, after. */
  delay?: (ms: number, phase: 'before' | 'after') => Promise<void>;
  /** Probability (0..1) of answering a request 502/503 before handling it. */
  faultRate?: number;
  /**
   * Probability (0..1) that a content-creating request (REST write, GraphQL mutation) is handled (its change
   * made) and its answer then lost: 502, 504 or a dropped connection in equal shares, as when GitHub applies
   * a write and times out answering it.
   */
  postApplyFaultRate?: number;
  /** Seed of the PRNG behind random latency and the fault rate (default 1). */
  seed?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The login each token acts as (default 'github-actions[bot]'). */
  tokenLogins?: Record<string, string>;
  /** Tokens GitHub no longer accepts (expired, revoked, mistyped): answered 401 "Bad credentials". */
  revokedTokens?: string[];
  /** Logins `user(login:)` resolves (default: any). */
  users?: string[];
  /** Teams `organization{team(slug:)}` resolves, as 'org/slug' (default: any). */
  teams?: string[];
  /**
   * Keep the fresh repositories made for plain (non-git) directories after stop() (default false:
   * they are temp dirs and are removed; the CLI keeps them and prints where they are).
   */
  keepImported?: boolean;
  /** Requests per hour reported in x-ratelimit-* headers (default 5000). */
  rateLimit?: number;
  /**
   * Secondary rate limit on content-creating requests (REST writes, GraphQL mutations) per token over the last
   * 60 s: beyond it, 403 "You have exceeded a secondary rate limit and have been temporarily blocked from content
   * creation. …" with `retry-after: 60`, as GitHub answers; a refused request creates nothing and does not count.
   * Default 80, GitHub's ("no more than 80 content-generating requests per minute"); 0 turns it off.
   */
  writesPerMinute?: number;
  /**
   * Append one JSON line per answered request to this file: `{"method","path","operation","status","ms"}`
   * (plus `"fault"` when a fault answered; status 0 for a dropped connection). Written synchronously
   * as each answer is recorded, so the file is complete whenever the process ends.
   */
  logFile?: string;
  /**
   * Blob text (bytes) one GraphQL query may return: beyond it the query answers 502 with GitHub's timeout
   * answer, a deterministic stand-in for GitHub's 10 s limit (limits.ts; default 10 MiB; 0: none).
   */
  maxQueryBytes?: number;
  /**
   * Blob text (bytes) one GraphQL query returns before the texts after it come back null with GitHub's
   * RESOURCE_LIMITS_EXCEEDED errors (HTTP 200, partial data; limits.ts). Default: none.
   */
  resourceLimitBytes?: number;
  /**
   * Serve GHES 3.12's schema preview: on the GHES endpoint (`/api/graphql`), `updateRefs` exists only for
   * requests that ask for it with `Accept: application/vnd.github.update-refs-preview+json`.
   */
  updateRefsPreview?: boolean;
}

/** One answered request. */
export interface RequestRecord {
  method: string;
  path: string;
  kind: 'rest' | 'graphql';
  /** REST operationId like 'git/get-tree', or GraphQL 'query' | 'mutation createCommitOnBranch' (root fields, comma-separated). */
  operation: string;
  mutation: boolean;
  status: number;
  /** Time to answer, injected latency included. */
  ms: number;
  /** `performance.now()` in the emulator's process when the request arrived (benches add up busy time from it). */
  startedAt: number;
  /** Set when a fault rule or the fault rate answered instead of the handler (`applied-<kind>`: after it ran). */
  fault?: string;
}

/** A scripted fault. */
export interface FaultRule {
  /** REST operationId or GraphQL operation ('mutation createCommitOnBranch', or just 'createCommitOnBranch'); RegExp tests the operation string. */
  operation?: string | RegExp;
  method?: string;
  /** Fault only the Nth (1-based) matching request. */
  nth?: number;
  /** How many times the rule fires (default 1; Infinity for always). */
  times?: number;
  kind: 502 | 503 | 504 | 'network' | 'secondary-rate-limit' | 'content-creation-limit' | 'primary-rate-limit' | 'not-resolvable';
  /**
   * Fault after handling: the request runs (a write is made) and its answer is replaced by the fault, as when
   * GitHub applies a write and then times out or drops the connection. Only 502, 503, 504 and 'network'.
   */
  after?: boolean;
  /** Seconds in `retry-after` / until `x-ratelimit-reset` for rate-limit faults (default 1). */
  retryAfter?: number;
  /**
   * Another of GitHub's shapes of a rate-limit fault: 'RATE_LIMIT' makes a GraphQL primary limit
   * `{"type":"RATE_LIMIT","code":"graphql_rate_limit"}` (default RATE_LIMITED); 429 answers a secondary limit
   * 429 (default 403); 200 answers a GraphQL secondary limit HTTP 200 with its message as an error.
   */
  variant?: 'RATE_LIMIT' | 429 | 200;
}

/** The kinds a post-apply fault can take. */
const POST_APPLY_KINDS: readonly FaultRule['kind'][] = [502, 503, 504, 'network'];

/** The kinds `postApplyFaultRate` picks from, in equal shares: what GitHub does when a write outlasts its time limit. */
const RANDOM_POST_APPLY = [502, 504, 'network'] as const;

/** A request, parsed and classified. */
interface Incoming {
  method: string;
  url: URL;
  kind: 'rest' | 'graphql';
  urls: Urls;
  token: string | null;
  body: unknown;
  bodyIsJson: boolean;
  operation: string;
  mutation: boolean;
  rootFields: string[];
  /** The root fields' response keys (alias, else name), as GitHub names them in `data` and error paths. */
  responseKeys: string[];
  route: Route | undefined;
  match: RegExpExecArray | null;
}

/** Sends a JSON answer with the rate-limit headers and logs it. */
type Answer = (status: number, body: unknown, headers?: Record<string, string>, fault?: string) => void;

interface ActiveRule {
  rule: FaultRule;
  seen: number;
  fired: number;
}

const DOCS = 'https://docs.github.com/rest';

/** GitHub's content-creation limit: "no more than 80 content-generating requests per minute" (docs.github.com, secondary rate limits). */
export const GITHUB_WRITES_PER_MINUTE = 80;

/** Reads the body of a request. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tokenOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

/** The running emulator: state, log, faults and the HTTP server. */
export class EmulatorCore {
  readonly repos = new Map<string, Repo>();
  readonly requests: RequestRecord[] = [];
  /** Responses of our own that broke GitHub's schema: tests must assert this stays empty. */
  readonly contractViolations: string[] = [];
  private faults: ActiveRule[] = [];
  /** Tokens answered 401 "Bad credentials". */
  readonly revoked: Set<string>;
  private readonly random: () => number;
  private readonly contract = Contract.shared();
  private readonly used = new Map<string, number>();
  private resetAt = Math.floor(Date.now() / 1000) + 3600;
  private server: Server | null = null;
  url = '';

  constructor(readonly options: EmulatorOptions) {
    this.random = seededRandom(options.seed ?? 1);
    this.revoked = new Set(options.revokedTokens ?? []);
  }

  /** Opens every repository and starts listening. */
  async start(): Promise<void> {
    // An unwritable log file fails the start, not the first request.
    if (this.options.logFile !== undefined) appendFileSync(this.options.logFile, '');
    for (const options of this.options.repos) await this.addRepo(options);
    githubGraphQLSchema();
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.send(res, 500, { message: `emulator error: ${(error as Error).message}` });
        else res.destroy();
      });
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.url = `http://${host}:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    // Each repository's cat-file process ends with the emulator.
    await Promise.all([...this.repos.values()].map((repo) => repo.git.close()));
    if (!this.options.keepImported) {
      for (const repo of this.repos.values()) {
        if (repo.importedFrom !== null) await rm(repo.gitDir, { recursive: true, force: true });
      }
    }
  }

  async addRepo(options: RepoOptions): Promise<Repo> {
    const key = options.name.toLowerCase();
    if (this.repos.has(key)) throw new Error(`repository ${options.name} is served twice`);
    const repo = await Repo.open(options);
    this.repos.set(key, repo);
    return repo;
  }

  repo(name: string): Repo {
    const repo = this.repos.get(name.toLowerCase());
    if (!repo) throw new Error(`no repository ${name} in this emulator (have: ${[...this.repos.values()].map((r) => r.fullName).join(', ')})`);
    return repo;
  }

  addFault(rule: FaultRule): void {
    if (rule.after === true && !POST_APPLY_KINDS.includes(rule.kind)) {
      throw new Error(`a post-apply fault (after: true) is 502, 503, 504 or 'network', not ${String(rule.kind)}`);
    }
    this.faults.push({ rule, seen: 0, fired: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private readonly writes = new Map<string, number[]>();

  /** Records a content-creating request; true when the token is over `writesPerMinute`. */
  private overWriteBudget(token: string): boolean {
    const limit = this.options.writesPerMinute ?? GITHUB_WRITES_PER_MINUTE;
    if (limit <= 0) return false;
    const now = Date.now();
    const recent = (this.writes.get(token) ?? []).filter((t) => now - t < 60_000);
    const over = recent.length >= limit;
    if (!over) recent.push(now);
    this.writes.set(token, recent);
    return over;
  }

  private rateFor(token: string) {
    const now = Math.floor(Date.now() / 1000);
    if (now >= this.resetAt) {
      this.used.clear();
      this.resetAt = now + 3600;
    }
    const limit = this.options.rateLimit ?? 5000;
    const used = this.used.get(token) ?? 0;
    return { limit, used, remaining: Math.max(0, limit - used), reset: this.resetAt };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `EMU:${this.requests.length + 1}`,
      ...headers,
    });
    res.end(text);
  }

  private rateHeaders(token: string, resource: string): Record<string, string> {
    const rate = this.rateFor(token);
    return {
      'x-ratelimit-limit': String(rate.limit),
      'x-ratelimit-remaining': String(rate.remaining),
      'x-ratelimit-reset': String(rate.reset),
      'x-ratelimit-used': String(rate.used),
      'x-ratelimit-resource': resource,
    };
  }

  /** The latency of one request (drawn once), of a write or of a read. */
  private latency(write: boolean): number {
    const setting = (write ? this.options.writeLatencyMs : undefined) ?? this.options.latencyMs;
    if (setting === undefined) return 0;
    return typeof setting === 'number' ? setting : setting.min + this.random() * (setting.max - setting.min);
  }

  private matchFault(method: string, operation: string, rootFields: readonly string[]): FaultRule | null {
    let chosen: FaultRule | null = null;
    for (const active of this.faults) {
      const { rule } = active;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.operation !== undefined && !operationMatches(rule.operation, operation, rootFields)) continue;
      active.seen++;
      if (chosen) continue;
      if (rule.nth !== undefined && active.seen !== rule.nth) continue;
      if (active.fired >= (rule.times ?? 1)) continue;
      active.fired++;
      chosen = rule;
    }
    return chosen;
  }

  /** Parses and classifies a request (for the log and fault rules) before anything else happens. */
  private async classify(req: IncomingMessage): Promise<Incoming> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    let path = url.pathname;
    const ghes = path === '/api/v3' || path.startsWith('/api/v3/') || path === '/api/graphql';
    if (path.startsWith('/api/v3')) path = path.slice('/api/v3'.length) || '/';
    const kind: 'rest' | 'graphql' = path === '/graphql' || path === '/api/graphql' ? 'graphql' : 'rest';
    let body: unknown = undefined;
    let bodyIsJson = true;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        bodyIsJson = false;
      }
    }
    const incoming: Incoming = {
      method,
      url,
      kind,
      urls: { api: ghes ? `${this.url}/api/v3` : this.url, web: this.url },
      token: tokenOf(req),
      body,
      bodyIsJson,
      operation: `${method} ${path}`,
      mutation: method !== 'GET' && method !== 'HEAD',
      rootFields: [],
      responseKeys: [],
      route: undefined,
      match: null,
    };
    if (kind === 'graphql') {
      const request = (body ?? {}) as { query?: unknown; operationName?: unknown };
      const described = describeDocument(
        typeof request.query === 'string' ? request.query : '',
        typeof request.operationName === 'string' ? request.operationName : undefined,
      );
      Object.assign(incoming, described);
      return incoming;
    }
    for (const candidate of ROUTES) {
      if (candidate.method !== method) continue;
      const match = candidate.pattern.exec(path);
      if (match) {
        incoming.route = candidate;
        incoming.match = match;
        incoming.operation = candidate.operation;
        break;
      }
    }
    return incoming;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const incoming = await this.classify(req);
    const { method, url, kind, token } = incoming;
    const resource = kind === 'graphql' ? 'graphql' : 'core';
    const record = (status: number, fault?: string): void => {
      const { operation, mutation } = incoming;
      const ms = Math.round(performance.now() - started);
      this.requests.push({ method, path: url.pathname, kind, operation, mutation, status, ms, startedAt: started, ...(fault ? { fault } : {}) });
      if (this.options.logFile !== undefined) {
        // JSON.stringify escapes whatever the client put in the path.
        appendFileSync(this.options.logFile, `${JSON.stringify({ method, path: url.pathname, operation, status, ms, ...(fault ? { fault } : {}) })}\n`);
      }
    };
    // Half the latency before handling, half after (see `latencyMs`); headers are taken when the answer is ready.
    const latency = this.latency(incoming.mutation);
    const delay = this.options.delay ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const later = (then: () => void): void => {
      if (latency / 2 > 0) void delay(latency / 2, 'after').then(then);
      else then();
    };
    const reply: Answer = (status, body, headers = {}, fault) => {
      const all = { ...this.rateHeaders(token ?? '', resource), ...headers };
      later(() => {
        this.send(res, status, body, all);
        record(status, fault);
      });
    };
    const drop = (fault: string) => () =>
      later(() => {
        record(0, fault);
        req.socket.destroy();
      });

    if (latency / 2 > 0) await delay(latency / 2, 'before');
    // Scripted faults, then the random fault rate: nothing below runs, so no state changes. A post-apply fault
    // (`after`, or the post-apply fault rate on a write) lets the request run, then answers in place of it.
    const rule = this.matchFault(method, incoming.operation, incoming.rootFields);
    if (rule && rule.after !== true) {
      this.applyFault(rule, incoming, reply, drop('network'));
      return;
    }
    if (rule === null && this.options.faultRate && this.random() < this.options.faultRate) {
      const status = this.random() < 0.5 ? 502 : 503;
      reply(status, { message: status === 502 ? 'Server Error' : 'Service Unavailable' }, {}, String(status));
      return;
    }
    let fault = rule ?? undefined;
    if (fault === undefined && incoming.mutation && this.options.postApplyFaultRate && this.random() < this.options.postApplyFaultRate) {
      fault = { kind: RANDOM_POST_APPLY[Math.floor(this.random() * RANDOM_POST_APPLY.length)]!, after: true };
    }
    // Whatever the handler answers (a write made, a refusal), the client gets the fault instead.
    const label = `applied-${String(fault?.kind)}`;
    const post = fault;
    const answer: Answer = post === undefined ? reply : () => this.applyFault(post, incoming, (status, body, headers) => reply(status, body, headers, label), drop(label));
    if (!token) {
      answer(401, { message: 'Requires authentication', documentation_url: `${DOCS}/overview/authenticating-to-the-rest-api` });
      return;
    }
    if (this.revoked.has(token)) {
      answer(401, { message: 'Bad credentials', documentation_url: DOCS });
      return;
    }
    if (this.rateFor(token).remaining === 0) {
      // The budget is spent: GitHub's primary rate limit answer until the window resets.
      const retryAfter = Math.max(1, this.resetAt - Math.floor(Date.now() / 1000));
      this.applyFault({ kind: 'primary-rate-limit', retryAfter }, incoming, answer, () => undefined);
      return;
    }
    if (incoming.mutation && this.overWriteBudget(token)) {
      this.applyFault({ kind: 'content-creation-limit', retryAfter: 60 }, incoming, answer, () => undefined);
      return;
    }
    this.used.set(token, (this.used.get(token) ?? 0) + 1);
    if (!incoming.bodyIsJson) {
      answer(400, { message: 'Problems parsing JSON', documentation_url: DOCS });
      return;
    }
    const actor = actorFor(this.options.tokenLogins?.[token] ?? 'github-actions[bot]');
    if (kind === 'graphql') await this.dispatchGraphQL(incoming, token, actor, answer, req.headers.accept ?? '');
    else await this.dispatchRest(incoming, req.headers.accept ?? '', token, actor, answer, post === undefined ? res : null, record, later);
  }

  private async dispatchGraphQL(incoming: Incoming, token: string, actor: Actor, answer: Answer, accept: string): Promise<void> {
    if (incoming.method !== 'POST') {
      answer(404, { message: 'Not Found', documentation_url: DOCS });
      return;
    }
    if (this.options.updateRefsPreview && incoming.urls.api.endsWith('/api/v3') && incoming.rootFields.includes('updateRefs') && !accept.includes('update-refs-preview')) {
      // GHES 3.12 hides a preview's fields from requests that do not ask for the preview.
      answer(200, { errors: [{ path: ['mutation', 'updateRefs'], extensions: { code: 'undefinedField', typeName: 'Mutation', fieldName: 'updateRefs' }, message: "Field 'updateRefs' doesn't exist on type 'Mutation'" }] });
      return;
    }
    const context: GraphQLContext = {
      world: {
        findRepo: (name) => {
          const repo = this.repos.get(name.toLowerCase());
          return repo && repo.access(token) !== 'none' ? repo : null;
        },
        users: this.options.users,
        teams: this.options.teams,
        rate: this.rateFor(token),
      },
      actor,
      urls: incoming.urls,
      canWrite: (repo) => repo.access(token) === 'write',
      budgets: { maxQueryBytes: this.options.maxQueryBytes ?? DEFAULT_MAX_QUERY_BYTES, resourceLimitBytes: this.options.resourceLimitBytes },
    };
    const result = await runGraphQL((incoming.body ?? {}) as Record<string, unknown>, context);
    // The request id GitHub's timeout answer names is the one `send` puts in x-github-request-id.
    if (result.timedOut) answer(502, timeoutBody(`EMU:${this.requests.length + 1}`), {}, 'timeout');
    else answer(200, result.body);
  }

  private async dispatchRest(
    incoming: Incoming,
    accept: string,
    token: string,
    actor: Actor,
    answer: Answer,
    /** null: the answer is lost (a post-apply fault), raw bytes too. */
    res: ServerResponse | null,
    record: (status: number) => void,
    later: (then: () => void) => void,
  ): Promise<void> {
    const { route, match } = incoming;
    if (!route || !match) {
      answer(404, { message: 'Not Found', documentation_url: DOCS });
      return;
    }
    const params: Record<string, string> = { ...route.defaults };
    try {
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
    } catch {
      answer(404, { message: 'Not Found', documentation_url: DOCS });
      return;
    }
    const query: Record<string, unknown> = Object.fromEntries(incoming.url.searchParams.entries());
    let result: RestAnswer;
    try {
      result = await this.runRest(route, { params, query, body: incoming.body, token, actor, urls: incoming.urls, accept });
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      result = { status: error.status, body: { message: error.message, documentation_url: DOCS, ...error.restBody, status: String(error.status) } };
    }
    if (result.raw && res === null) {
      answer(result.status, undefined);
      return;
    }
    if (result.raw && res !== null) {
      const raw = result.raw;
      const headers = { 'content-type': 'application/vnd.github.raw; charset=utf-8', ...this.rateHeaders(token, 'core') };
      later(() => {
        res.writeHead(result.status, headers);
        res.end(raw);
        record(result.status);
      });
      return;
    }
    const violation = result.status < 300 || result.status === 422 || result.status === 404 ? this.checkResponse(route, result) : null;
    if (violation) {
      this.contractViolations.push(violation);
      answer(500, { message: `emulator contract violation: ${violation}` });
      return;
    }
    answer(result.status, result.body, result.headers);
  }

  private checkResponse(route: Route, result: RestAnswer): string | null {
    if (UNPINNED_OPERATIONS.includes(route.operation)) return null;
    const op = this.contract.operation(route.operation);
    if (result.status >= 300 && !(String(result.status) in op.responses)) return null;
    return this.contract.checkResponse(route.operation, result.status, result.body);
  }

  private async runRest(
    route: Route,
    request: { params: Record<string, string>; query: Record<string, unknown>; body: unknown; token: string; actor: Actor; urls: Urls; accept: string },
  ): Promise<RestAnswer> {
    const { params, query, body, token, actor, urls, accept } = request;
    let repo: Repo | null = null;
    if (route.repo) {
      const found = this.repos.get(`${params.owner}/${params.repo}`.toLowerCase());
      if (!found || found.access(token) === 'none') return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
      repo = found;
      if (route.write && found.access(token) !== 'write') throw notAccessible();
    }
    const violation = UNPINNED_OPERATIONS.includes(route.operation) ? null : this.contract.checkRequest(route.operation, params, query, body);
    if (violation) return { status: 422, body: { message: violation.message, documentation_url: DOCS, status: '422' } };
    return route.handle({ repo, params, query, body, actor, urls, rate: this.rateFor(token), accept });
  }

  private applyFault(rule: FaultRule, incoming: Incoming, answer: Answer, destroy: () => void): void {
    const { kind, responseKeys, body } = incoming;
    const retryAfter = rule.retryAfter ?? 1;
    const label = String(rule.kind);
    switch (rule.kind) {
      case 'network':
        destroy();
        return;
      case 502:
        answer(502, { message: 'Server Error' }, {}, label);
        return;
      case 503:
        answer(503, { message: 'Service Unavailable' }, {}, label);
        return;
      case 504:
        // GitHub's words when a request outlasts its time limit (a write may have been made all the same).
        answer(504, { message: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists." }, {}, label);
        return;
      case 'content-creation-limit':
        // GitHub's words for this limit (peter-evans/create-pull-request#2062, hisxo/gitGraber#43); REST and GraphQL alike.
        answer(403, {
          message: 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        }, { 'retry-after': String(retryAfter) }, label);
        return;
      case 'secondary-rate-limit': {
        const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID EMU.';
        if (rule.variant === 200 && kind === 'graphql') {
          // "you will receive a 200 or 403 response and an error message" (GitHub's docs on secondary limits).
          answer(200, { data: null, errors: [{ message }] }, { 'retry-after': String(retryAfter) }, label);
          return;
        }
        answer(rule.variant === 429 ? 429 : 403, {
          message,
          documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        }, { 'retry-after': String(retryAfter) }, label);
        return;
      }
      case 'primary-rate-limit': {
        const headers = {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter),
        };
        if (kind === 'graphql' && rule.variant === 'RATE_LIMIT') {
          // api.github.com's other wording (yanyongyu/githubkit#271).
          answer(200, { errors: [{ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' }] }, headers, label);
        } else if (kind === 'graphql') {
          answer(200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for installation ID 1.' }] }, headers, label);
        } else {
          answer(403, { message: 'API rate limit exceeded for installation ID 1.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` }, headers, label);
        }
        return;
      }
      case 'not-resolvable': {
        if (kind === 'rest') {
          answer(404, { message: 'Not Found', documentation_url: DOCS, status: '404' }, {}, label);
          return;
        }
        const id = firstId(body) ?? 'unknown';
        const data = Object.fromEntries(responseKeys.map((f) => [f, null]));
        answer(200, { data, errors: [{ type: 'NOT_FOUND', path: [responseKeys[0] ?? 'node'], locations: [{ line: 2, column: 3 }], message: `Could not resolve to a node with the global id of '${id}'.` }] }, {}, label);
        return;
      }
    }
  }
}

/** Does a fault rule's operation match this request? */
function operationMatches(pattern: string | RegExp, operation: string, rootFields: readonly string[]): boolean {
  if (pattern instanceof RegExp) return pattern.test(operation);
  if (pattern === operation) return true;
  const field = pattern.replace(/^(mutation|query)\s+/, '');
  const kind = /^(mutation|query)\s/.exec(pattern)?.[1];
  if (kind && !operation.startsWith(kind)) return false;
  return rootFields.includes(field);
}

/** The first node id-looking value in GraphQL variables or inline arguments. */
function firstId(body: unknown): string | null {
  const request = body as { variables?: Record<string, unknown>; query?: string } | undefined;
  const search = (value: unknown, key = ''): string | null => {
    if (typeof value === 'string' && /id$/i.test(key)) return value;
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = search(item, key);
        if (found) return found;
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        const found = search(v, k);
        if (found) return found;
      }
    }
    return null;
  };
  const fromVariables = search(request?.variables);
  if (fromVariables) return fromVariables;
  const inline = /\w*[iI]d\s*:\s*"([^"]+)"/.exec(request?.query ?? '');
  return inline ? inline[1] : null;
}
