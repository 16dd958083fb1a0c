// Helm chart references: a repository URL, the chart's name, a version. Pure.
//
//   oci://ghcr.io/acme/charts/api:1.4.2    an OCI registry (Argo CD and helmfile write it without `oci://`)
//   https://charts.acme.io/api:1.4.2       a classic chart repository (index.yaml)
//   api:1.4.2                              a bare name: matches a chart of that name in any repository
//
// Two spellings of one repository share a key (see normaliseChartRepository): the scheme `oci://` or none,
// `http://` or `https://`, the host's case and trailing slashes do not matter; the path does, exactly.

/** A parsed chart reference; `repository` and `name` are what two references are matched by. */
export interface ChartReference {
  /** The chart's name (the last path part), as written. */
  readonly name: string;
  /** The repository URL as written (`oci://ghcr.io/acme/charts`); undefined for a bare name. */
  readonly url?: string;
  /** The repository's match key (see {@link normaliseChartRepository}); undefined for a bare name. */
  readonly repository?: string;
  readonly version?: string;
  /** The reference without its version, as written: `oci://ghcr.io/acme/charts/api`, or `api`. */
  readonly display: string;
}

/** Thrown for text that is not a chart reference; `reason` says why, in words a person can act on. */
export class InvalidChartError extends Error {
  constructor(
    readonly value: string,
    readonly reason: string,
  ) {
    super(`'${value}' is not a valid chart reference: ${reason}`);
    this.name = 'InvalidChartError';
  }
}

/** Helm's chart names: lowercase letters, digits, `-`, `_`, `.` (upper case tolerated: some repositories use it). */
const CHART_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;
/** A chart version as a file pins it: SemVer 2 (build metadata, which OCI tags write with `_`, included) or any tag-like word. */
const VERSION = /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}$/;
const HOST = /^[A-Za-z0-9.-]+(?::[0-9]+)?$/;

/**
 * Parses `[repository/]name[:version]`. The repository is `oci://…`, `https://…`, `http://…`, or a scheme-less
 * `host/path` (as Argo CD writes OCI repositories); a name alone matches by name.
 * Throws {@link InvalidChartError}.
 */
export function parseChartReference(text: string): ChartReference {
  const raw = text.trim();
  if (raw === '') throw new InvalidChartError(text, 'it is empty');
  // The version follows the last ':' after the last '/' (a port sits before a '/').
  const slash = raw.lastIndexOf('/');
  const colon = raw.lastIndexOf(':');
  const versioned = colon > slash && !raw.slice(colon).startsWith('://');
  const version = versioned ? raw.slice(colon + 1) : undefined;
  const path = versioned ? raw.slice(0, colon) : raw;
  if (version !== undefined && !VERSION.test(version)) {
    throw new InvalidChartError(raw, `the version '${version}' is not a chart version (such as 1.4.2)`);
  }
  const cut = path.lastIndexOf('/');
  const name = path.slice(cut + 1);
  if (!CHART_NAME.test(name)) throw new InvalidChartError(raw, `'${name}' is not a chart name (letters, digits, '-', '_', '.')`);
  if (cut < 0) return { name, display: name, ...(version !== undefined && { version }) };
  const url = path.slice(0, cut);
  const repository = normaliseChartRepository(url);
  if (repository === undefined) {
    throw new InvalidChartError(raw, `'${url}' is not a chart repository URL (write oci://registry/path/name or https://host/path/name)`);
  }
  return { name, url, repository, display: `${url}/${name}`, ...(version !== undefined && { version }) };
}

/**
 * The match key of a chart repository URL, or undefined when it names no repository one can compare (`@alias`,
 * `alias:name`, `file://…`, a template). `oci://ghcr.io/acme/charts`, `ghcr.io/acme/charts` and
 * `OCI://GHCR.io/acme/charts/` are one key (`oci://ghcr.io/acme/charts`); `http://` and `https://` are one
 * (`https://charts.acme.io`).
 */
export function normaliseChartRepository(url: string): string | undefined {
  const text = url.trim().replace(/\/+$/, '');
  if (text === '' || /\$\{|\{\{/.test(text)) return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  const kind = scheme === null ? 'oci' : scheme[1]!.toLowerCase();
  if (kind !== 'oci' && kind !== 'https' && kind !== 'http') return undefined;
  const rest = scheme === null ? text : text.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  if (!HOST.test(host) || /\s/.test(path)) return undefined;
  // A scheme-less URL is a registry (Argo CD's and helmfile's OCI spelling): its host has a dot, a port or is localhost.
  if (scheme === null && !(host.includes('.') || host.includes(':') || host === 'localhost')) return undefined;
  return `${kind === 'http' ? 'https' : kind}://${host.toLowerCase()}${path}`;
}

/** The chart reference a file's repository URL and chart name make, for messages: `oci://ghcr.io/acme/charts/api`. */
export function chartDisplay(url: string | undefined, name: string): string {
  return url === undefined ? name : `${url.trim().replace(/\/+$/, '')}/${name}`;
}

/**
 * True for a version constraint rather than one version: `>=1.0.0`, `^1.2`, `~1.4`, `1.x`, `1.2.*`, `*`,
 * `1.0 - 2.0`, `>=1 <2`, `1.2 || 1.3`. A range in a file is the cluster's (or the chart author's) policy: it is
 * reported, never replaced by a pinned version.
 */
export function isVersionRange(version: string): boolean {
  const text = version.trim();
  return /[\^~<>=*|,]/.test(text) || /(?:^|\.)[xX](?:\.|$)/.test(text) || /\s/.test(text);
}

/** True when `request` (a reference from the `charts` input) names the chart a file holds at `repository`/`name`. */
export function sameChart(request: ChartReference, name: string, repository: string | undefined): boolean {
  if (request.name.toLowerCase() !== name.toLowerCase()) return false;
  return request.repository === undefined || repository === undefined || request.repository === repository;
}
