// Helm chart templates look like YAML but are Go templates: they are skipped, not edited.

import { isMap, isSeq, type Node } from 'yaml';
import { firstError, parseLenient, type ParsedStream } from './parse.js';

const ACTION = /\{\{[\s\S]*?\}\}/g;

/**
 * True for a Helm chart template: a file holding `{{ … }}` actions that sits under a `templates/` folder,
 * or that uses them as YAML structure (it parses only once the actions are removed, or an action is read
 * as a `{{ … }}` flow mapping). A file with `{{` only inside strings or comments (GitHub workflows,
 * ApplicationSets) is YAML.
 */
export function isChartTemplate(path: string, text: string): boolean {
  if (!text.includes('{{')) return false;
  if (/(^|\/)templates\//.test(path.replace(/\\/g, '/'))) return true;
  const stream = parseLenient(text);
  if (firstError(stream) === undefined) return stream.documents.some((doc) => doc.contents !== null && hasActionMapping(doc.contents, stream));
  const blanked = text.replace(ACTION, (action) => action.replace(/[^\r\n]/g, ' '));
  return firstError(parseLenient(blanked)) === undefined;
}

/** True when a flow mapping starts with `{{`: a template action parsed as YAML. */
function hasActionMapping(node: Node, stream: ParsedStream): boolean {
  if (isMap(node)) {
    const start = node.range?.[0] ?? -1;
    if (node.flow === true && stream.text.startsWith('{{', start)) return true;
    return node.items.some((pair) => [pair.key, pair.value].some((child) => isNodeLike(child) && hasActionMapping(child, stream)));
  }
  if (isSeq(node)) return node.items.some((item) => isNodeLike(item) && hasActionMapping(item, stream));
  return false;
}

function isNodeLike(value: unknown): value is Node {
  return isMap(value) || isSeq(value);
}
