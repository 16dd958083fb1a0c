// The byte-level prefilter: may a file hold a requested repository? It runs on every selected file before any
// decoding or parsing, so it must be cheap (indexOf, and a few byte checks per occurrence) and must never drop a
// file the full scan would find the repository in.
//
// The rule: a file is kept when it holds the last path component of a requested repository (`api` for
// `ghcr.io/acme/api`, `nginx` for `docker.io/library/nginx`) as a whole name component, i.e. with
// - before it: the start of the file, or a byte that cannot be part of a name (`/`, a blank, a quote, `:`, `=`,
//   `[`, `{`, `,` …), or the end of a double-quoted escape (`\t`, `\x2f`, `\u002F`, `\U0000002f`);
// - after it: the end of the file, or a byte that ends a name (`:` tag, `@` digest, a quote, a blank, a line end,
//   `,`, `]`, `}`, `#`, `=`, a `\` escape …), never a name byte (`[A-Za-z0-9._-]`) nor `/`, nor a `:` followed by
//   a blank or a line end (`api:` there is a mapping key, never a value: a tag follows its colon directly).
// Every shape the engine reads writes that component literally in such a place: a whole reference
// (`image: api`, `image: "ghcr.io/acme/api:1.0"`, `docker.io/library/nginx@sha256:…`), a kustomize `name:` /
// `newName:`, an Argo CD `alias=ghcr.io/acme/api:1.0` string, a Helm `repository: acme/api` (the last component is
// always there: `registry:` holds the host, or the host and owner), a `helm.parameters` value, a `# gitops-bump: ghcr.io/acme/api:tag`
// comment; and every spelling of a repository (`nginx`, `library/nginx`, `index.docker.io/library/nginx`) ends
// with it. `apiVersion:`, `api-gateway`, `my-api`, `/api/v1`, the key `api:` and `svc70` are not the component `api`
// or `svc7`.
// A component spelled with escapes inside its own letters (`"\x61pi"`) is not recognised (it never was).

import type { ImageRequest } from './types.js';

/** The last path component of a repository: every spelling of the image holds it. */
export function lastComponent(request: ImageRequest): string {
  const path = request.ref.path;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Bytes that may continue a host name or a path component: `[A-Za-z0-9._-]`. */
const NAME = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-') NAME[c.charCodeAt(0)] = 1;
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

function isName(code: number): boolean {
  return code < 128 && NAME[code] === 1;
}

/** Space, tab, line feed, carriage return. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** A file's bytes, or its decoded text: every character the rule looks at is ASCII, so both give the same answer. */
type Source = Buffer | string;

function codeAt(source: Source, i: number): number {
  return typeof source === 'string' ? source.charCodeAt(i) : source[i]!;
}

/** The hex escapes of a double-quoted scalar: `\x` + 2, `\u` + 4, `\U` + 8 hex digits. */
const HEX_ESCAPES = [[0x78, 2], [0x75, 4], [0x55, 8]] as const;

/**
 * True when a YAML double-quoted escape ends just before `end`: `\t` (a tab, which a reference's blanks trim
 * allows), or `\xHH`, `\uHHHH`, `\UHHHHHHHH` (any character: `\x2f` is `/`). Kept conservative: any such escape.
 */
function escapeEndsAt(source: Source, end: number): boolean {
  if (end >= 2 && codeAt(source, end - 2) === BACKSLASH && codeAt(source, end - 1) === 0x74 /* t */) return true;
  for (const [letter, digits] of HEX_ESCAPES) {
    const start = end - digits - 2;
    if (start < 0 || codeAt(source, start) !== BACKSLASH || codeAt(source, start + 1) !== letter) continue;
    let hex = true;
    for (let i = start + 2; i < end && hex; i++) hex = isHex(codeAt(source, i));
    if (hex) return true;
  }
  return false;
}

/** No character: before the start or past the end of the source. */
const NONE = -1;

/**
 * True when a component at [start, end) of `source` stands alone as a name component (see the rule above), given
 * the codes of the character before it, and of the two after it ({@link NONE} past either end).
 */
function standsAlone(source: Source, start: number, before: number, after: number, next: number): boolean {
  if (after !== NONE) {
    if (isName(after) || after === SLASH) return false;
    // `api:` then a blank or a line end is a mapping key (`api:` in Helm values, `app: web` labels): a tag follows
    // its colon directly (`api:1.0`), and no plain scalar holds `: `.
    if (after === COLON && (next === NONE || isBlank(next))) return false;
  }
  return before === NONE || !isName(before) || escapeEndsAt(source, start);
}

/** True when `bytes` hold `needle` (a component, UTF-8) standing alone somewhere. */
function bytesHold(bytes: Buffer, needle: Buffer): boolean {
  const length = bytes.length;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const before = at > 0 ? bytes[at - 1]! : NONE;
    const after = end < length ? bytes[end]! : NONE;
    const next = end + 1 < length ? bytes[end + 1]! : NONE;
    if (standsAlone(bytes, at, before, after, next)) return true;
  }
  return false;
}

/** The same test on decoded text. */
function textHolds(text: string, component: string): boolean {
  const length = text.length;
  for (let at = text.indexOf(component); at >= 0; at = text.indexOf(component, at + 1)) {
    const end = at + component.length;
    const before = at > 0 ? text.charCodeAt(at - 1) : NONE;
    const after = end < length ? text.charCodeAt(end) : NONE;
    const next = end + 1 < length ? text.charCodeAt(end + 1) : NONE;
    if (standsAlone(text, at, before, after, next)) return true;
  }
  return false;
}

function components(requests: readonly ImageRequest[]): string[] {
  return [...new Set(requests.map(lastComponent))];
}

/** A byte-level pre-filter for sources: true when the file may hold one of the requested repositories. */
export function mayHoldAny(requests: readonly ImageRequest[]): (bytes: Buffer) => boolean {
  return holdsAnyOf(components(requests));
}

/** True when the bytes hold one of `names` (last components) standing alone. */
function holdsAnyOf(names: readonly string[]): (bytes: Buffer) => boolean {
  const needles = names.map((c) => Buffer.from(c, 'utf8'));
  return (bytes) => needles.some((n) => bytesHold(bytes, n));
}

/** {@link mayHoldAny} on decoded text: the same answer for the same file. */
export function textMayHoldAny(requests: readonly ImageRequest[]): (text: string) => boolean {
  const names = components(requests);
  return (text) => names.some((n) => textHolds(text, n));
}

// ---- charts ----------------------------------------------------------------------------------------------

/** A kustomization (a HelmRelease patch's base is found through it). */
export const KUSTOMIZATION_FILE = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;
export const CHART_YAML_FILE = /(?:^|\/)Chart\.ya?ml$/;
/** Flux kinds a chart run may need without the chart's name in them: a patch of a HelmRelease, a HelmRepository. */
const FLUX_KINDS = ['HelmRelease', 'HelmRepository'] as const;

/** True when `text` holds `component` standing alone as a name (the rule above). */
export function holdsComponent(text: string, component: string): boolean {
  return textHolds(text, component);
}

/**
 * The byte-level filter of a local read when the run asks for charts (or `chart-app-version`): the files the plan
 * may need besides the images' candidates (see core/chart-scan.ts, which narrows them before parsing): a file
 * holding a requested chart's name as a component, a HelmRelease (a patch names no chart) or HelmRepository, a
 * kustomization; with `appVersion`, every Chart.yaml. False when the run asks for no chart and not for appVersion.
 */
export function chartReadFilter(names: readonly string[], appVersion: boolean): (path: string, bytes: Buffer) => boolean {
  const needles = [...new Set(names)].map((name) => Buffer.from(name, 'utf8'));
  if (needles.length === 0 && !appVersion) return () => false;
  return (path, bytes) => {
    if (appVersion && CHART_YAML_FILE.test(path)) return true;
    if (needles.length === 0) return false;
    if (KUSTOMIZATION_FILE.test(path)) return true;
    return needles.some((needle) => bytesHold(bytes, needle)) || FLUX_KINDS.some((kind) => bytes.indexOf(kind) >= 0);
  };
}

// ---- the local read's filter, as data ---------------------------------------------------------------------

/**
 * What a local read keeps, as plain data (a reader thread builds the same test from it, local/readers.ts): the
 * images' last components ({@link lastComponent}), the requested charts' names and whether `chart-app-version`
 * is asked for.
 */
export interface ReadFilter {
  readonly components: readonly string[];
  readonly charts: readonly string[];
  readonly appVersion: boolean;
}

/** The {@link ReadFilter} of a run asking for `images` and the charts named `charts`. */
export function readFilterOf(images: readonly ImageRequest[], charts: readonly string[], appVersion: boolean): ReadFilter {
  return { components: components(images), charts: [...new Set(charts)], appVersion };
}

/** The byte-level test a {@link ReadFilter} describes: {@link mayHoldAny} for its images, or {@link chartReadFilter}. */
export function readFilterTest(filter: ReadFilter): (bytes: Buffer, path: string) => boolean {
  const images = holdsAnyOf(filter.components);
  const charts = chartReadFilter(filter.charts, filter.appVersion);
  return (bytes, path) => images(bytes) || charts(path, bytes);
}
