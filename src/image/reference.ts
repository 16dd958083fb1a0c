// OCI / Docker image references, following the grammar of github.com/distribution/reference:
//
//   reference  := name [ ":" tag ] [ "@" digest ]
//   name       := [ domain "/" ] path-component { "/" path-component }      (at most 255 characters)
//   domain     := host [ ":" port ]        host := domain-name | "[" ipv6 "]"
//   path-comp  := [a-z0-9]+ ( ( [._] | "__" | "-"+ ) [a-z0-9]+ )*
//   tag        := [A-Za-z0-9_][A-Za-z0-9._-]{0,127}
//   digest     := "sha256:" 64 lowercase hex | "sha512:" 128 lowercase hex   (the algorithms registries use)
//
// The first component of a name is a registry host only when it contains '.' or ':' or is 'localhost';
// otherwise the image lives on Docker Hub, and a one-component Docker Hub path lives under 'library/'.

/** A parsed image reference. `repository` is the key two references are matched by. */
export interface ImageReference {
  /** The text as given, without surrounding spaces and tabs. */
  readonly raw: string;
  /** The name as written, without tag or digest: `nginx`, `ghcr.io/acme/api`, `localhost:5000/x/y`. */
  readonly name: string;
  /** The registry, lowercased: `host[:port]`; `docker.io` when omitted or spelled `index.docker.io`. */
  readonly registry: string;
  /** The repository path: `library/nginx` for an official Docker Hub image. */
  readonly path: string;
  /** `${registry}/${path}`: `docker.io/library/nginx`. */
  readonly repository: string;
  readonly tag?: string;
  /** `sha256:<64 hex>` or `sha512:<128 hex>`, lowercase hex. */
  readonly digest?: string;
}

/** Thrown for text that is not an image reference; `reason` says why, in words a person can act on. */
export class InvalidReferenceError extends Error {
  readonly value: string;
  readonly reason: string;

  constructor(value: string, reason: string) {
    super(`${show(value)} is not a valid image reference: ${reason}`);
    this.name = 'InvalidReferenceError';
    this.value = value;
    this.reason = reason;
  }
}

/** The registry an image gets when its name has none. */
export const DEFAULT_REGISTRY = 'docker.io';
/** Longest name (registry and path, as written) the grammar allows. */
export const NAME_MAX_LENGTH = 255;
/** Longest tag the grammar allows. */
export const TAG_MAX_LENGTH = 128;

const DOCKER_HUB_ALIASES: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV6_HOST = /^\[[A-Fa-f0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const TAG_CHARACTER = /^[A-Za-z0-9._-]$/;
const DIGEST_HEX: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/u;

/** Parses an image reference. Throws {@link InvalidReferenceError} with a precise reason. */
export function parseReference(text: string): ImageReference {
  const raw = trimBlanks(text);
  const problem = textProblem(raw);
  if (problem !== undefined) throw new InvalidReferenceError(raw, problem);
  const { name, tag, digest } = splitReference(raw);
  const { registry, path } = parseName(raw, name);
  const reference: ImageReference = { raw, name, registry, path, repository: `${registry}/${path}` };
  return { ...reference, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** Like {@link parseReference}, but returns undefined instead of throwing. */
export function tryParseReference(text: string): ImageReference | undefined {
  try {
    return parseReference(text);
  } catch (error) {
    if (error instanceof InvalidReferenceError) return undefined;
    throw error;
  }
}

/**
 * The normalised repository of a name: `nginx` → `docker.io/library/nginx`, `GHCR.IO/acme/api` →
 * `ghcr.io/acme/api`. A tag or digest, if present, is ignored. Throws {@link InvalidReferenceError}.
 */
export function normaliseRepository(name: string): string {
  return parseReference(name).repository;
}

/**
 * True when two names denote the same repository after normalisation. Never a prefix match:
 * `ghcr.io/acme/api` is not `ghcr.io/acme/api-gateway` nor `ghcr.io/acme/api/sub`. False when either is invalid.
 */
export function sameRepository(a: string, b: string): boolean {
  const left = tryParseReference(a);
  const right = tryParseReference(b);
  return left !== undefined && right !== undefined && left.repository === right.repository;
}

/**
 * Builds `name[:tag][@digest]`, keeping the spelling of `name` (no normalisation).
 * Throws {@link InvalidReferenceError} when the name, tag or digest is invalid, or when `name` carries a tag or digest itself.
 */
export function formatReference(name: string, tag?: string, digest?: string): string {
  const text = `${name}${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
  const nameOnly = parseReference(name);
  if (nameOnly.raw !== name || nameOnly.tag !== undefined || nameOnly.digest !== undefined) {
    throw new InvalidReferenceError(text, `the name ${show(name)} must be a bare repository name without tag, digest or surrounding blanks`);
  }
  const tagError = tag === undefined ? undefined : tagProblem(tag);
  if (tagError !== undefined) throw new InvalidReferenceError(text, tagError);
  const digestError = digest === undefined ? undefined : digestProblem(digest);
  if (digestError !== undefined) throw new InvalidReferenceError(text, digestError);
  return text;
}

/** True for a tag of the grammar: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`. */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** True for `sha256:` + 64 or `sha512:` + 128 lowercase hex characters. */
export function isValidDigest(digest: string): boolean {
  return digestProblem(digest) === undefined;
}

/** Why `tag` is not a valid tag, or undefined when it is. */
export function tagProblem(tag: string): string | undefined {
  if (tag === '') return 'the tag is empty';
  if (tag.length > TAG_MAX_LENGTH) return `tag ${show(abbreviate(tag))} is ${tag.length} characters long; at most ${TAG_MAX_LENGTH} are allowed`;
  const bad = [...tag].find((c) => !TAG_CHARACTER.test(c));
  if (bad !== undefined) return `tag ${show(tag)} has a character outside [A-Za-z0-9._-]: ${show(bad)}`;
  if (!TAG.test(tag)) return `tag ${show(tag)} must start with a letter, a digit or '_'`;
  return undefined;
}

/** Why `digest` is not a valid digest, or undefined when it is. */
export function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = colon < 0 ? '' : digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const length = DIGEST_HEX[algorithm];
  if (length === undefined) {
    const found = colon < 0 ? `${show(abbreviate(digest))} has no algorithm` : `algorithm ${show(algorithm)} is not supported`;
    return `digest must be sha256: followed by 64 lowercase hex characters (or sha512: followed by 128); ${found}`;
  }
  if (hex.length === length && /^[0-9a-f]+$/.test(hex)) return undefined;
  const found = /^[0-9a-fA-F]*$/.test(hex)
    ? hex.length === length
      ? 'it has uppercase hex'
      : `it has ${hex.length}`
    : 'it has characters that are not hex';
  return `digest must be ${algorithm}: followed by ${length} lowercase hex characters; ${found}`;
}

/** Joins Helm-style split parts: registry `ghcr.io` + repository `acme/api` → `ghcr.io/acme/api`; registry undefined/'' → repository. */
export function joinRepository(registry: string | undefined, repository: string): string {
  const host = (registry ?? '').trim().replace(/\/+$/, '');
  if (host === '') return repository;
  return `${host}/${repository.replace(/^\/+/, '')}`;
}

/** The version part as the summary shows it: `1.4.2`, `sha256:…`, `1.4.2@sha256:…`, `` when neither. */
export function versionOf(ref: { tag?: string; digest?: string }): string {
  const tag = ref.tag ?? '';
  const digest = ref.digest ?? '';
  if (tag !== '' && digest !== '') return `${tag}@${digest}`;
  return tag !== '' ? tag : digest;
}

// ---------------------------------------------------------------------------------------------------------

/** Removes leading and trailing spaces and tabs only: a newline or other control character is an error. */
function trimBlanks(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Problems visible in the whole text, before any splitting. */
function textProblem(raw: string): string | undefined {
  if (raw === '') return 'it is empty';
  if (/\$\{|\{\{|\}\}|\{%/.test(raw)) {
    return 'it contains a template placeholder (${…} or {{ … }}); render the template first or put a literal reference there';
  }
  if (/^oci:\/\//i.test(raw)) {
    return 'it is an OCI artifact URL (oci://, e.g. a Helm chart), not a container image';
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw)) {
    return 'it is a URL; an image reference has no scheme (write registry/path:tag)';
  }
  const match = CONTROL_OR_SPACE.exec(raw);
  if (match !== null) {
    return `it contains ${describeCharacter(match[0])} at position ${match.index + 1}; image references cannot contain whitespace or control characters`;
  }
  return undefined;
}

/** Splits `name[:tag][@digest]`, validating the tag and digest. */
function splitReference(raw: string): { name: string; tag?: string; digest?: string } {
  const at = raw.indexOf('@');
  if (at >= 0 && raw.indexOf('@', at + 1) >= 0) throw new InvalidReferenceError(raw, "it has more than one '@'");
  let rest = raw;
  let digest: string | undefined;
  if (at >= 0) {
    digest = raw.slice(at + 1);
    rest = raw.slice(0, at);
    if (digest === '') throw new InvalidReferenceError(raw, "it ends with '@' but no digest follows");
    const problem = digestProblem(digest);
    if (problem !== undefined) throw new InvalidReferenceError(raw, problem);
    if (rest === '') throw new InvalidReferenceError(raw, "there is no image name before '@'");
  }
  const colon = rest.lastIndexOf(':');
  if (colon <= rest.lastIndexOf('/')) return { name: rest, ...(digest !== undefined && { digest }) };
  const tag = rest.slice(colon + 1);
  const name = rest.slice(0, colon);
  if (tag === '') throw new InvalidReferenceError(raw, "it ends with ':' but no tag follows");
  if (name === '') throw new InvalidReferenceError(raw, "there is no image name before ':'");
  const problem = tagProblem(tag);
  if (problem !== undefined) throw new InvalidReferenceError(raw, problem);
  return { name, tag, ...(digest !== undefined && { digest }) };
}

/** Splits a name into its normalised registry and path, validating every component. */
function parseName(raw: string, name: string): { registry: string; path: string } {
  if (name.length > NAME_MAX_LENGTH) {
    throw new InvalidReferenceError(raw, `the name is ${name.length} characters long; at most ${NAME_MAX_LENGTH} are allowed`);
  }
  const components = name.split('/');
  const first = components[0] ?? '';
  const hasHost = components.length > 1 && isHostLike(first);
  const pathComponents = hasHost ? components.slice(1) : components;
  if (hasHost) {
    const problem = hostProblem(first);
    if (problem !== undefined) throw new InvalidReferenceError(raw, problem);
  }
  for (const component of pathComponents) {
    const problem = pathComponentProblem(component, name);
    if (problem !== undefined) throw new InvalidReferenceError(raw, problem);
  }
  const written = hasHost ? first.toLowerCase() : DEFAULT_REGISTRY;
  const registry = DOCKER_HUB_ALIASES.has(written) ? DEFAULT_REGISTRY : written;
  const path = registry === DEFAULT_REGISTRY && pathComponents.length === 1 ? `library/${pathComponents.join('/')}` : pathComponents.join('/');
  return { registry, path };
}

/** The distribution rule: a first component is a host when it has '.' or ':' or is 'localhost'. */
function isHostLike(component: string): boolean {
  return component.includes('.') || component.includes(':') || component.toLowerCase() === 'localhost';
}

function hostProblem(domain: string): string | undefined {
  if (domain.startsWith('[') && !domain.includes(']')) {
    return `registry ${show(domain)} opens an IPv6 address with '[' but never closes it with ']'`;
  }
  const portAt = domain.startsWith('[') ? domain.indexOf(':', domain.indexOf(']')) : domain.indexOf(':');
  const host = portAt < 0 ? domain : domain.slice(0, portAt);
  const port = portAt < 0 ? undefined : domain.slice(portAt + 1);
  if (port !== undefined && !PORT.test(port)) {
    return `registry ${show(domain)} has port ${show(port)}; a port must be digits only`;
  }
  if (DOMAIN_NAME.test(host) || IPV6_HOST.test(host)) return undefined;
  return `registry host ${show(host)} is not a valid host name (letters, digits, '-' and '.'; IPv6 in brackets: [::1])`;
}

function pathComponentProblem(component: string, name: string): string | undefined {
  if (component === '') return `the name ${show(name)} has an empty path component (a leading, trailing or doubled '/')`;
  if (PATH_COMPONENT.test(component)) return undefined;
  if (component === '..' || component === '.' || component.includes('..')) {
    return `path component ${show(component)} contains '..' or is '.'; relative paths are not image names`;
  }
  if (/[A-Z]/.test(component)) {
    return `path component ${show(component)} has uppercase letters; repository paths must be lowercase`;
  }
  return `path component ${show(component)} must be lowercase letters and digits separated by '.', '_', '__' or '-' (not at either end)`;
}

function describeCharacter(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '\t') return 'a tab';
  if (c === '\n') return 'a newline';
  if (c === '\r') return 'a carriage return';
  return `the character U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Quotes a value for a message, escaping control characters so a message stays on one line. */
function show(value: string): string {
  return CONTROL_OR_SPACE.test(value.replace(/ /g, '')) ? JSON.stringify(value) : `'${value}'`;
}
