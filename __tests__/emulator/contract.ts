/**
 * Contract checks against GitHub's OpenAPI description: every implemented REST operation has its
 * request (path, query, body) and its own response validated against the pinned extract
 * `schemas/rest-operations.json` (see extract-schemas.ts).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OperationId } from './operations.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface PinnedParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonObject;
}

interface PinnedOperation {
  method: string;
  path: string;
  parameters: PinnedParameter[];
  requestBody: JsonObject | null;
  responses: Record<string, JsonObject | null>;
}

interface PinnedFile {
  source: Record<string, string>;
  operations: Record<string, PinnedOperation>;
  components: { schemas: Record<string, JsonObject> };
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * OpenAPI 3.0 → JSON Schema for ajv: `nullable: true` becomes a `null` alternative, and local
 * component refs point into the registered document `gh`.
 */
export function toJsonSchema(value: Json): Json {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'example' || key === 'examples' || key === 'description' || key === 'nullable') continue;
    if (key === '$ref' && typeof child === 'string') out.$ref = child.replace(/^#\/components\//, 'gh#/components/');
    else out[key] = key === 'properties' && isObject(child)
      ? Object.fromEntries(Object.entries(child).map(([name, schema]) => [name, toJsonSchema(schema)]))
      : toJsonSchema(child);
  }
  if (value.nullable === true) return { anyOf: [{ type: 'null' }, out] };
  return out;
}

/** A request that does not satisfy the operation's schema: answered 422 like GitHub. */
export interface RequestViolation {
  message: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Validators for the pinned operations. */
export class Contract {
  private readonly pinned: PinnedFile;
  private readonly ajv: Ajv;
  private readonly coercing: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  private static instance: Contract | null = null;

  /** One instance per process: compiled validators are reused by every emulator. */
  static shared(): Contract {
    Contract.instance ??= new Contract();
    return Contract.instance;
  }

  constructor(file = new URL('./schemas/rest-operations.json', import.meta.url)) {
    this.pinned = JSON.parse(readFileSync(file, 'utf8')) as PinnedFile;
    const components = toJsonSchema({ components: { schemas: this.pinned.components.schemas } } as unknown as Json) as JsonObject;
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: false, inlineRefs: false }));
    this.coercing = addFormats(new Ajv({ strict: false, coerceTypes: true, inlineRefs: false }));
    for (const ajv of [this.ajv, this.coercing]) {
      // GitHub's own formats beyond ajv-formats: 'owner/name', and int64 (any integer here).
      ajv.addFormat('repo.nwo', /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
      ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
      ajv.addSchema({ $id: 'gh', ...components });
    }
  }

  /** The pinned description of an operation. */
  operation(id: OperationId): PinnedOperation {
    const op = this.pinned.operations[id];
    if (!op) throw new Error(`operation ${id} is not in schemas/rest-operations.json: run npm run emulator:schemas`);
    return op;
  }

  private validator(key: string, schema: JsonObject, coerce: boolean): ValidateFunction {
    let fn = this.cache.get(key);
    if (!fn) {
      fn = (coerce ? this.coercing : this.ajv).compile(toJsonSchema(schema) as JsonObject);
      this.cache.set(key, fn);
    }
    return fn;
  }

  /**
   * Validates path and query parameters (coercing query strings to their types, in place) and the
   * body. Returns GitHub's 422 message for the first problem, or null.
   */
  checkRequest(id: OperationId, params: Record<string, string>, query: Record<string, unknown>, body: unknown): RequestViolation | null {
    const op = this.operation(id);
    for (const param of op.parameters) {
      if (param.in === 'header') continue;
      const source = param.in === 'path' ? params : query;
      const value = source[param.name];
      if (value === undefined) {
        if (param.required) return { message: `Invalid request.\n\n"${param.name}" wasn't supplied.` };
        continue;
      }
      const holder = { value };
      const fn = this.validator(`${id}:param:${param.name}`, { type: 'object', properties: { value: param.schema } }, true);
      if (!fn(holder)) return { message: `Invalid request.\n\n${describe(fn.errors ?? [], param.name, value)}` };
      if (param.in === 'query') query[param.name] = holder.value;
    }
    if (op.requestBody) {
      const fn = this.validator(`${id}:body`, op.requestBody, false);
      if (!fn(body ?? null)) return { message: `Invalid request.\n\n${describe(fn.errors ?? [], null, body)}` };
    }
    return null;
  }

  /** Validates one of our own responses; returns a description of the violation, or null. */
  checkResponse(id: OperationId, status: number, body: unknown): string | null {
    const op = this.operation(id);
    if (!(String(status) in op.responses)) {
      return `${id}: status ${status} is not a documented response (documented: ${Object.keys(op.responses).join(', ')})`;
    }
    const schema = op.responses[String(status)];
    if (!schema) {
      // Error answers documented without a schema may carry GitHub's usual {message, documentation_url}.
      if (status >= 400 || body === undefined || body === null || body === '') return null;
      return `${id} ${status}: documented without a body`;
    }
    const fn = this.validator(`${id}:response:${status}`, schema, false);
    if (fn(body)) return null;
    const errors = (fn.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    return `${id} ${status} response does not match GitHub's schema: ${errors.join('; ')}`;
  }
}

/** GitHub-like wording of the first schema error. */
function describe(errors: readonly ErrorObject[], name: string | null, input: unknown): string {
  const error = errors[0];
  if (!error) return 'The request is invalid.';
  if (error.keyword === 'required') {
    return `"${String((error.params as { missingProperty: string }).missingProperty)}" wasn't supplied.`;
  }
  const pointer = error.instancePath.replace(/^\/value/, '');
  const where = name !== null ? name + pointer.replace(/\//g, '.') : `properties${pointer}`;
  const value = valueAt(input, name !== null ? pointer : error.instancePath);
  if (error.keyword === 'type') {
    return `For '${where}', ${JSON.stringify(value)} is not ${article(String((error.params as { type: string }).type))}.`;
  }
  if (error.keyword === 'enum') {
    return `For '${where}', ${JSON.stringify(value)} is not a member of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}.`;
  }
  return `For '${where}', ${JSON.stringify(value)} ${error.message ?? 'is invalid'}.`;
}

function article(type: string): string {
  const first = type.split(',')[0];
  return /^[aeiou]/.test(first) ? `an ${first}` : `a ${first}`;
}

function valueAt(input: unknown, pointer: string): unknown {
  let node = input;
  for (const part of pointer.split('/').filter((p) => p.length > 0)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
