// Scalars as written in the source, and how to write a new string into one without changing its style
// unless YAML would otherwise read the new text as something other than a string.

/** How a scalar is written. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

/** One scalar's place in the source text. */
export interface ScalarSlot {
  /** Offset of the scalar's first character (an opening quote included; anchor and tag excluded). */
  readonly start: number;
  /** Offset just past the scalar (a closing quote included). `start === end` for an empty plain scalar. */
  readonly end: number;
  readonly style: ScalarStyle;
  /** The string YAML reads (quotes removed), or undefined for a null (empty, `~`, `null`). */
  readonly text: string | undefined;
  /** True when the scalar sits in a flow collection (`{…}` / `[…]`), where `,[]{}` are indicators. */
  readonly inFlow: boolean;
  readonly line: number;
  readonly column: number;
}

// Plain scalars that some YAML reader in use resolves to something other than a string: YAML 1.2 core
// (Go yaml.v3, eemeli/yaml), YAML 1.1 (PyYAML, Go yaml.v2 as used by Helm and kustomize).
const NON_STRING_PLAIN: readonly RegExp[] = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  // integers: 1.2 decimal/octal/hex, 1.1 binary, octal, underscores, sexagesimal
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^[-+]?0b[01_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  // floats: 1.2 (exponent without dot), 1.1 (dot required, underscores), infinities and NaN
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, // eemeli/yaml 1.1 reads even `E0` as a float
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  // YAML 1.1 timestamps, merge and value keys
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/,
  /^(?:<<|=)$/,
];

/** True when a YAML 1.1 or 1.2 reader would resolve `text`, written plain, as a non-string (`1.10`, `true`, `1e3`, `on`). */
export function resolvesAsNonString(text: string): boolean {
  return NON_STRING_PLAIN.some((pattern) => pattern.test(text));
}

/** True when `text` may be written as a plain scalar and still read back as this very string. */
export function isSafePlain(text: string, inFlow: boolean): boolean {
  if (text === '' || resolvesAsNonString(text)) return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^[-?:][^\s,[\]{}]/.test(text)) return false;
  if (/\s$/.test(text) || /[\n\r\t]/.test(text)) return false;
  if (/: |:$| #/.test(text)) return false;
  if (inFlow && /[,[\]{}]/.test(text)) return false;
  return true;
}

/** `text` as a double-quoted YAML scalar. */
export function doubleQuoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}

/** `text` as a single-quoted YAML scalar. */
export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The source text for `text` in the style of `slot`: single stays single, double stays double, plain stays
 * plain when that reads back as the same string, else double quotes. Returns undefined for a block scalar.
 */
export function renderLike(slot: Pick<ScalarSlot, 'style' | 'inFlow'>, text: string): string | undefined {
  switch (slot.style) {
    case 'single':
      return singleQuoted(text);
    case 'double':
      return doubleQuoted(text);
    case 'plain':
      return isSafePlain(text, slot.inFlow) ? text : doubleQuoted(text);
    case 'block':
      return undefined;
  }
}

/** The source text for a new scalar (no existing style): plain when safe, else double-quoted. */
export function renderNew(text: string, inFlow: boolean): string {
  return isSafePlain(text, inFlow) ? text : doubleQuoted(text);
}

/**
 * The source text for `text` written over `source`, a scalar as it stands in the file: a double-quoted scalar
 * keeps its own escapes (`\/`, `\u002F`) outside the characters that change; every other scalar is rendered
 * by {@link renderLike}. Returns undefined for a block scalar.
 */
export function renderOver(slot: Pick<ScalarSlot, 'style' | 'inFlow'>, source: string, text: string): string | undefined {
  return (slot.style === 'double' ? respliceDoubleQuoted(source, text) : undefined) ?? renderLike(slot, text);
}

/** One character or escape sequence of a double-quoted scalar's source, and the text it stands for. */
interface QuotedUnit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * The units of a one-line double-quoted scalar (`"…"`, quotes included in `source`), or undefined when it spans
 * lines (folding) or is not well-formed.
 */
function quotedUnits(source: string): QuotedUnit[] | undefined {
  if (source.length < 2 || !source.startsWith('"') || !source.endsWith('"') || /[\r\n]/.test(source)) return undefined;
  const units: QuotedUnit[] = [];
  const end = source.length - 1;
  for (let at = 1; at < end; ) {
    if (source[at] !== '\\') {
      units.push({ start: at, end: at + 1, text: source[at] ?? '' });
      at += 1;
      continue;
    }
    const kind = source[at + 1] ?? '';
    const simple = SIMPLE_ESCAPES[kind];
    const digits = HEX_ESCAPES[kind];
    if (simple !== undefined) {
      units.push({ start: at, end: at + 2, text: simple });
      at += 2;
    } else if (digits !== undefined) {
      const hex = source.slice(at + 2, at + 2 + digits);
      if (hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      units.push({ start: at, end: at + 2 + digits, text: String.fromCodePoint(code) });
      at += 2 + digits;
    } else {
      return undefined;
    }
  }
  return units;
}

/**
 * `source` (a one-line double-quoted scalar) rewritten to hold `text`: only the units between the longest common
 * prefix and suffix of the old and new strings are re-encoded. Undefined when that cannot be done (folding,
 * an unknown escape) or does not read back as `text`.
 */
function respliceDoubleQuoted(source: string, text: string): string | undefined {
  const units = quotedUnits(source);
  if (units === undefined) return undefined;
  const old = units.map((unit) => unit.text).join('');
  let prefix = 0;
  while (prefix < old.length && prefix < text.length && old[prefix] === text[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < text.length - prefix && old[old.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
  // Whole units only: an escape is kept or re-encoded as a whole.
  let head = 0;
  let headText = 0;
  while (head < units.length && headText + (units[head]?.text.length ?? 0) <= prefix) headText += units[head++]?.text.length ?? 0;
  let tail = units.length;
  let tailText = 0;
  while (tail > head && tailText + (units[tail - 1]?.text.length ?? 0) <= suffix) tailText += units[--tail]?.text.length ?? 0;
  const from = units[head]?.start ?? source.length - 1;
  const to = units[tail]?.start ?? source.length - 1;
  const middle = doubleQuoted(text.slice(headText, text.length - tailText)).slice(1, -1);
  const result = `${source.slice(0, from)}${middle}${source.slice(to)}`;
  const check = quotedUnits(result);
  return check !== undefined && check.map((unit) => unit.text).join('') === text ? result : undefined;
}
