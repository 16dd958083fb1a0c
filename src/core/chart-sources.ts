// Flux sources outside `paths` (issue 14): a HelmRelease in the selected files may name a HelmRepository defined
// elsewhere in the repository (`infrastructure/sources/`, `clusters/…/flux-system/`). The adapters look for it only
// when a requested chart needs it (missingChartSources), keep the few files that may define it (sourceFileFilter,
// on bytes), and hand their texts to the plan as read-only context (sourceContext). Pure.
import { isChartTemplate, locate, YamlSyntaxError, type ChartSource, type SourceRef } from '../yaml/locate.js';
import { ChartContext, type SourceContext } from './charts.js';
import { scanForCharts } from './chart-scan.js';
import { PlanSyntaxError } from './scan.js';
import type { ChartRequest, SourceFile } from './types.js';

const RELEASE_WORD = 'HelmRelease';
const SOURCE_WORD = 'HelmRepository';

/**
 * The HelmRepository objects that HelmReleases of `files` name for a requested chart (by name) and that no file of
 * `files` defines: what a request naming a repository cannot be matched against. Empty when no request names a
 * repository (a bare chart name matches by name anyway), when no file holds a HelmRelease, or when a selected file
 * does not parse (the plan reports that, and writes nothing).
 */
export function missingChartSources(files: readonly SourceFile[], charts: readonly ChartRequest[]): SourceRef[] {
  const named = charts.filter((request) => request.ref.repository !== undefined);
  if (named.length === 0 || !files.some((file) => file.text.includes(RELEASE_WORD) && file.text.includes(SOURCE_WORD))) return [];
  let scanned;
  try {
    scanned = scanForCharts(files, () => false, named, false).scanned;
  } catch (error) {
    if (error instanceof PlanSyntaxError) return [];
    throw error;
  }
  const context = new ChartContext(scanned);
  const missing = new Map<string, SourceRef>();
  for (const file of scanned) {
    for (const site of file.charts?.sites ?? []) {
      const chart = site.chart?.toLowerCase();
      if (chart === undefined || !named.some((request) => request.ref.name.toLowerCase() === chart)) continue;
      const ref = context.missingSource(site);
      if (ref !== undefined) missing.set(`${ref.namespace ?? ''}/${ref.name}`, ref);
    }
  }
  return [...missing.values()];
}

/**
 * The byte-level filter of the files that may define one of `refs`: they hold `HelmRepository` and the object's
 * name. Cheap enough to run over every file of a repository.
 */
export function sourceFileFilter(refs: readonly SourceRef[]): (bytes: Buffer) => boolean {
  const kind = Buffer.from(SOURCE_WORD, 'utf8');
  const names = [...new Set(refs.map((ref) => ref.name))].map((name) => Buffer.from(name, 'utf8'));
  return (bytes) => bytes.indexOf(kind) >= 0 && names.some((name) => bytes.indexOf(name) >= 0);
}

/**
 * The Flux sources the context files define, and where they were looked for. A context file is never edited and
 * never fails the run: one that is not YAML (or is a chart template) only defines nothing.
 */
export function sourceContext(files: readonly SourceFile[], searched: string): SourceContext {
  const sources: { file: string; source: ChartSource }[] = [];
  for (const file of files) {
    if (isChartTemplate(file.path, file.text)) continue;
    try {
      for (const source of locate(file.text, { charts: true }).charts?.sources ?? []) sources.push({ file: file.path, source });
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
    }
  }
  return { sources, searched };
}

/** A folder or file name that says "Flux sources here": `sources/`, `repositories/`, `helmrepository.yaml`, `repos.yaml`… */
const SOURCE_PLACE = /^(?:sources?|repositories|repos?|helm-?repos?|helm-?repositor(?:y|ies)|flux-system)$/i;
const YAML_FILE = /\.ya?ml$/i;

/**
 * Which files of a repository listing to read for `refs` when only names are known (the API reads no bytes it does
 * not ask for): YAML files not read yet whose name is a source's name (`bitnami.yaml`, `podinfo-repo.yaml`), then
 * those in a folder or named like a place for sources (`infrastructure/sources/`, `helmrepositories.yaml`,
 * `clusters/prod/flux-system/`); at most `limit`, in that order, then by path.
 */
export function sourceCandidates(paths: readonly string[], refs: readonly SourceRef[], read: ReadonlySet<string>, limit: number): string[] {
  const names = [...new Set(refs.map((ref) => ref.name.toLowerCase()))];
  const scored: { path: string; score: number }[] = [];
  for (const path of paths) {
    if (!YAML_FILE.test(path) || read.has(path)) continue;
    const parts = path.split('/');
    const base = parts.pop()!.replace(YAML_FILE, '').toLowerCase();
    const score = names.some((name) => base === name || base.startsWith(`${name}-`) || base.endsWith(`-${name}`)) ? 2 : [...parts, base].some((part) => SOURCE_PLACE.test(part)) ? 1 : 0;
    if (score > 0) scored.push({ path, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, limit)
    .map((c) => c.path);
}

/** {@link sourceFileFilter} on decoded text. */
export function mayDefineSource(refs: readonly SourceRef[]): (text: string) => boolean {
  const names = [...new Set(refs.map((ref) => ref.name))];
  return (text) => text.includes(SOURCE_WORD) && names.some((name) => text.includes(name));
}
