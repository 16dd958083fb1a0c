/**
 * GitHub's GraphQL resource limits, each answered as GitHub answers it:
 * - depth: a document nested deeper than 25 fields is refused before it runs, `{"errors":[{"message":"Query has
 *   depth of 54, which exceeds max depth of 25"}]}` (graphql-ruby's max_depth wording, as GitHub sends it).
 * - nodes: at most 500,000 per query, counted as docs.github.com ("Rate limits and query limits for the GraphQL
 *   API", node limit) counts them: each connection's `first`/`last` times those of the connections above it,
 *   summed; refused before it runs with `MAX_NODE_LIMIT_EXCEEDED` ("This query requests up to 603,360 possible
 *   nodes which exceeds the maximum limit of 500,000.", rkclark/pullp#108; "By the time this query traverses to
 *   the checkRuns connection, it is requesting up to 1,000,000 possible nodes …", flutter/cocoon#644).
 * - pagination: a connection listing `nodes`/`edges` needs `first` or `last`, at most 100, checked as its
 *   field runs (a field error with a path; data holds the rest): `MISSING_PAGINATION_BOUNDARIES` "You must provide
 *   a `first` or `last` value to properly paginate the `refs` connection." and `EXCESSIVE_PAGINATION` "Requesting
 *   101 records on the `issues` connection exceeds the `first` limit of 100 records." (the field's name, not its
 *   alias, in the message).
 * - time: GitHub ends a request after 10 s with HTTP 502 and `{"data":null,"errors":[{"message":"Something went
 *   wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please
 *   include `…` when reporting this issue."}]}` (apache/devlake#4349, sorenlouv/backport#479). Modelled without
 *   a clock: a query whose blob texts add up to more than `maxQueryBytes` times out.
 * - per-query resources: over them GitHub answers HTTP 200 with partial data, the costly fields null and
 *   `RESOURCE_LIMITS_EXCEEDED` "Resource limits for this query exceeded." errors naming them
 *   (yoshi389111/github-profile-3d-contrib#163). Modelled on blob texts: past `resourceLimitBytes` in one query,
 *   in document order, texts are null with that error.
 */
import {
  defaultFieldResolver,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  responsePathAsArray,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { GitHubError } from './errors.js';

/** GitHub's documented maximum query depth. */
export const MAX_DEPTH = 25;
/** GitHub's documented maximum of nodes one query may request. */
export const MAX_NODES = 500_000;
/** GitHub's documented maximum of `first` / `last`. */
export const MAX_PAGE = 100;
/** Default `maxQueryBytes`: blob text one query may return before it "times out" (see the README). */
export const DEFAULT_MAX_QUERY_BYTES = 10 * 1024 * 1024;

/** The byte budgets of one emulator (EmulatorOptions). */
export interface QueryBudgets {
  /** Blob text (bytes) one query may return; beyond: HTTP 502, GitHub's timeout answer. 0 or undefined: no limit. */
  maxQueryBytes?: number;
  /** Blob text (bytes) one query returns before the rest come back null with RESOURCE_LIMITS_EXCEEDED. */
  resourceLimitBytes?: number;
}

/** Blob texts a query resolved, for the budgets above. */
export type TextLog = { path: (string | number)[]; bytes: number }[];

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
}

/** The fields of a selection set with fragments expanded (inline and spread), each with its type condition. */
function fieldsOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, condition?: string): { field: FieldNode; on?: string }[] {
  return set.selections.flatMap((s) => {
    if (s.kind === 'Field') return [{ field: s, on: condition }];
    const fragment = s.kind === 'InlineFragment' ? s : fragments.get(s.name.value);
    if (!fragment) return [];
    return fieldsOf(fragment.selectionSet, fragments, fragment.typeCondition?.name.value ?? condition);
  });
}

/** The depth of an operation: nested fields (fragments add none; a root field is 1). */
export function queryDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = fragmentsOf(document);
  const depth = (set: SelectionSetNode | undefined): number =>
    set === undefined ? 0 : Math.max(0, ...fieldsOf(set, fragments).map(({ field }) => 1 + depth(field.selectionSet)));
  return depth(operation.selectionSet);
}

/** GitHub's answer to a document nested too deep. */
export function depthError(depth: number): Record<string, unknown> {
  return { message: `Query has depth of ${depth}, which exceeds max depth of ${MAX_DEPTH}` };
}

const isConnection = (typeName: string, args: readonly { name: string }[]): boolean =>
  typeName.endsWith('Connection') && args.some((a) => a.name === 'first');

const selectsItems = (field: FieldNode, fragments: Map<string, FragmentDefinitionNode>): boolean =>
  field.selectionSet !== undefined && fieldsOf(field.selectionSet, fragments).some(({ field: f }) => f.name.value === 'nodes' || f.name.value === 'edges');

/**
 * The nodes an operation may request, as GitHub counts them, or GitHub's error when over MAX_NODES.
 * A connection without `first`/`last` counts 100 when it lists items (it is refused as it runs anyway), else 1.
 */
export function nodeLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> | null {
  const fragments = fragmentsOf(document);
  let total = 0;
  let traversal: { name: string; count: number } | null = null;
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number): void => {
    for (const { field, on } of fieldsOf(set, fragments)) {
      const owner = on !== undefined ? schema.getType(on) : parent;
      if (!owner || !(isObjectType(owner) || isInterfaceType(owner))) continue;
      const definition = owner.getFields()[field.name.value];
      if (!definition) continue;
      const named = getNamedType(definition.type);
      let next = multiplier;
      if (isConnection(named.name, definition.args)) {
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(definition, field, variables);
        } catch {
          // Bad variables are the executor's to report.
        }
        const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : selectsItems(field, fragments) ? MAX_PAGE : 1;
        next = multiplier * size;
        total += next;
        if (next > MAX_NODES && traversal === null) traversal = { name: field.name.value, count: next };
      }
      if (field.selectionSet && isCompositeType(named)) walk(field.selectionSet, named, next);
    }
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (root) walk(operation.selectionSet, root, 1);
  const found = traversal as { name: string; count: number } | null;
  const count = (n: number): string => n.toLocaleString('en-US');
  if (found !== null) {
    return {
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      message: `By the time this query traverses to the ${found.name} connection, it is requesting up to ${count(found.count)} possible nodes which exceeds the maximum limit of ${count(MAX_NODES)}.`,
    };
  }
  if (total > MAX_NODES) {
    return { type: 'MAX_NODE_LIMIT_EXCEEDED', message: `This query requests up to ${count(total)} possible nodes which exceeds the maximum limit of ${count(MAX_NODES)}.` };
  }
  return null;
}

/**
 * The executor's field resolver: graphql-js's default, after GitHub's pagination checks on connection
 * fields (a thrown GitHubError becomes a field error with `type`, `path` and `locations`).
 */
export const paginatingResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  const named = getNamedType(info.returnType);
  const definition = info.parentType.getFields()[info.fieldName];
  if (definition && isConnection(named.name, definition.args)) checkPage(args as { first?: unknown; last?: unknown }, info);
  return defaultFieldResolver(source, args, context, info);
};

function checkPage(args: { first?: unknown; last?: unknown }, info: GraphQLResolveInfo): void {
  const name = info.fieldName;
  for (const bound of ['first', 'last'] as const) {
    const value = args[bound];
    if (typeof value === 'number' && value > MAX_PAGE) {
      throw new GitHubError(422, `Requesting ${value} records on the \`${name}\` connection exceeds the \`${bound}\` limit of ${MAX_PAGE} records.`, 'EXCESSIVE_PAGINATION');
    }
  }
  if (args.first == null && args.last == null && info.fieldNodes.some((f) => selectsItems(f, new Map(Object.entries(info.fragments))))) {
    throw new GitHubError(422, `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`, 'MISSING_PAGINATION_BOUNDARIES');
  }
}

/** Records the bytes of a blob text a resolver returned (see `TextLog`). */
export function logText(log: TextLog | undefined, info: GraphQLResolveInfo | undefined, bytes: number): void {
  if (log && info) log.push({ path: responsePathAsArray(info.path), bytes });
}

/** Compares two response paths by where they appear in `data` (key order is document order). */
function documentOrder(data: unknown): (a: (string | number)[], b: (string | number)[]) => number {
  return (a, b) => {
    let node = data as Record<string, unknown> | unknown[] | null;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) {
        if (typeof a[i] === 'number' && typeof b[i] === 'number') return (a[i] as number) - (b[i] as number);
        const keys = node && typeof node === 'object' ? Object.keys(node) : [];
        return keys.indexOf(String(a[i])) - keys.indexOf(String(b[i]));
      }
      node = node && typeof node === 'object' ? ((node as Record<string, unknown>)[String(a[i])] as typeof node) : null;
    }
    return a.length - b.length;
  };
}

/**
 * Applies `resourceLimitBytes` to an executed query's data: texts past the budget (document order) become
 * null, each with GitHub's RESOURCE_LIMITS_EXCEEDED error. Returns those errors and the text bytes kept.
 */
export function applyResourceLimit(data: unknown, log: TextLog, budget: number | undefined): { errors: Record<string, unknown>[]; kept: number } {
  const ordered = [...log].sort((x, y) => documentOrder(data)(x.path, y.path));
  const errors: Record<string, unknown>[] = [];
  let kept = 0;
  for (const text of ordered) {
    if (budget === undefined || budget <= 0 || (errors.length === 0 && kept + text.bytes <= budget)) {
      kept += text.bytes;
      continue;
    }
    let parent = data as Record<string, unknown>;
    for (const key of text.path.slice(0, -1)) parent = (parent?.[String(key)] ?? null) as Record<string, unknown>;
    if (parent && typeof parent === 'object') parent[String(text.path[text.path.length - 1])] = null;
    errors.push({ type: 'RESOURCE_LIMITS_EXCEEDED', path: text.path, message: 'Resource limits for this query exceeded.' });
  }
  return { errors, kept };
}

/** GitHub's answer to a request it ended after 10 s (HTTP 502), naming the request id as GitHub does. */
export function timeoutBody(requestId: string): { data: null; errors: { message: string }[] } {
  return {
    data: null,
    errors: [{ message: `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${requestId}\` when reporting this issue.` }],
  };
}
