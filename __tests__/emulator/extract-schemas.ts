/**
 * Extracts the REST operations the emulator implements from GitHub's OpenAPI description
 * (`@octokit/openapi`, 385 MB, installed outside the project) into the pinned file
 * `__tests__/emulator/schemas/rest-operations.json`.
 *
 * Usage:
 *   npm install --prefix /tmp/openapi @octokit/openapi
 *   npm run emulator:schemas -- /tmp/openapi/node_modules/@octokit/openapi/generated/api.github.com.json
 *
 * Parameters and responses given by `$ref` are inlined; every schema component they reach
 * (transitively) is copied under `components.schemas`, so the output is self-contained.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPLEMENTED_OPERATIONS } from './operations.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface OpenApiDocument {
  openapi: string;
  info: { version: string; title: string };
  paths: Record<string, Record<string, JsonObject>>;
  components: Record<string, Record<string, JsonObject>>;
}

/** The extracted, self-contained description of one operation. */
export interface ExtractedOperation {
  method: string;
  path: string;
  parameters: JsonObject[];
  requestBody: JsonObject | null;
  responses: Record<string, JsonObject | null>;
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveRef(doc: OpenApiDocument, ref: string): JsonObject {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: Json = doc as unknown as Json;
  for (const part of parts) {
    if (!isObject(node)) throw new Error(`cannot resolve ${ref}`);
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!isObject(node)) throw new Error(`cannot resolve ${ref}`);
  return node;
}

/** Follows a `$ref` chain on a non-schema object (parameter, response). */
function deref(doc: OpenApiDocument, value: JsonObject): JsonObject {
  let current = value;
  while (typeof current.$ref === 'string') current = resolveRef(doc, current.$ref);
  return current;
}

/** Collects every `#/components/schemas/X` reached from `value` into `into`. */
function collectSchemas(doc: OpenApiDocument, value: Json, into: Record<string, JsonObject>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSchemas(doc, item, into);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      const match = /^#\/components\/schemas\/(.+)$/.exec(child);
      if (!match) throw new Error(`unexpected $ref ${child} inside a schema`);
      const name = match[1];
      if (!(name in into)) {
        const schema = doc.components.schemas[name];
        if (!schema) throw new Error(`missing component schema ${name}`);
        into[name] = schema;
        collectSchemas(doc, schema, into);
      }
    } else if (key !== 'examples' && key !== 'example') {
      collectSchemas(doc, child, into);
    }
  }
}

function jsonSchemaOf(content: Json | undefined): JsonObject | null {
  if (!isObject(content)) return null;
  const media = content['application/json'] ?? Object.values(content)[0];
  if (!isObject(media) || !isObject(media.schema)) return null;
  return media.schema;
}

/** Extracts `operationIds` from an OpenAPI document. Throws naming any operation not found. */
export function extract(doc: OpenApiDocument, operationIds: readonly string[]): {
  operations: Record<string, ExtractedOperation>;
  components: { schemas: Record<string, JsonObject> };
} {
  const operations: Record<string, ExtractedOperation> = {};
  const schemas: Record<string, JsonObject> = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const id = op.operationId;
      if (typeof id !== 'string' || !operationIds.includes(id)) continue;
      const parameters = (Array.isArray(op.parameters) ? op.parameters : [])
        .filter(isObject)
        .map((p) => deref(doc, p))
        .map(({ name, in: where, required, schema }) => ({ name, in: where, required: required ?? false, schema }) as JsonObject);
      const body = isObject(op.requestBody) ? deref(doc, op.requestBody) : null;
      const requestBody = body ? jsonSchemaOf(body.content) : null;
      const responses: Record<string, JsonObject | null> = {};
      for (const [status, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
        if (!isObject(response)) continue;
        responses[status] = jsonSchemaOf(deref(doc, response).content);
      }
      operations[id] = { method: method.toUpperCase(), path, parameters, requestBody, responses };
      collectSchemas(doc, parameters as Json, schemas);
      collectSchemas(doc, requestBody, schemas);
      collectSchemas(doc, responses as Json, schemas);
    }
  }
  const missing = operationIds.filter((id) => !(id in operations));
  if (missing.length > 0) throw new Error(`operations not found in the description: ${missing.join(', ')}`);
  const sortedSchemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return { operations, components: { schemas: sortedSchemas } };
}

function main(): void {
  const input = process.argv[2];
  if (!input) {
    console.error(
      'usage: npm run emulator:schemas -- <path to api.github.com.json from @octokit/openapi>\n' +
        '  (install it outside the project: npm install --prefix /tmp/openapi @octokit/openapi)',
    );
    process.exit(2);
  }
  const doc = JSON.parse(readFileSync(input, 'utf8')) as OpenApiDocument;
  let version = doc.info.version;
  try {
    const pkg = JSON.parse(readFileSync(resolve(dirname(input), '..', 'package.json'), 'utf8')) as { version: string };
    version = pkg.version;
  } catch {
    // not inside the npm package: keep the description's own version
  }
  const { operations, components } = extract(doc, IMPLEMENTED_OPERATIONS);
  const out = fileURLToPath(new URL('./schemas/rest-operations.json', import.meta.url));
  mkdirSync(dirname(out), { recursive: true });
  const pinned = {
    source: { package: '@octokit/openapi', version, file: input.split('/').pop(), openapi: doc.openapi },
    operations,
    components,
  };
  writeFileSync(out, JSON.stringify(pinned, null, 1) + '\n');
  console.log(`wrote ${Object.keys(operations).length} operations, ${Object.keys(components.schemas).length} schemas to ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
