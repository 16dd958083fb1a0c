// promote: the versions running in one environment become the requests for the next. Pure.
import { chartDisplay, sameChart, type ChartReference } from '../image/chart.js';
import { formatReference, parseReference, versionOf, type ImageReference } from '../image/reference.js';
import { baselessPatch, ChartContext } from './charts.js';
import { scan, type ScannedFile } from './scan.js';
import type { ChartRequest, ImageRequest, Skip, SourceFile } from './types.js';

/** One image version found in the source environment. */
export interface FoundVersion {
  readonly file: string;
  readonly line: number;
  /** Normalised repository (the match key). */
  readonly repository: string;
  /** The repository as the source file spells it. */
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** One chart version found in the source environment (a range is not one: it is never promoted). */
export interface FoundChart {
  readonly file: string;
  readonly line: number;
  /** The chart as a request names it: `oci://ghcr.io/acme/charts/api`, or `api` when the source names no repository. */
  readonly chart: string;
  readonly version: string;
}

export interface Promotion {
  /** One request per promoted image: the source's version. */
  readonly requests: readonly ImageRequest[];
  /** Where each promoted version was found. */
  readonly found: readonly FoundVersion[];
  /** One request per promoted chart: the source's version. */
  readonly charts: readonly ChartRequest[];
  /** Where each promoted chart version was found. */
  readonly foundCharts: readonly FoundChart[];
  readonly skipped: readonly Skip[];
  /** What the source holds but the promotion cannot carry, said rather than skipped (a patch without its base). */
  readonly notes: readonly string[];
}

/**
 * The promotion source's files that were not read (binary, oversized, UTF-16…) or not located (chart templates), as
 * the plan lists them: marked as the source's (`promotion source: <reason>`, or `promotion source owner/name: …` for
 * another repository), so that the summary names them and never mistakes them for the target's.
 */
export function sourceSkips(skipped: readonly Skip[], repository?: string): Skip[] {
  const mark = repository === undefined ? 'promotion source' : `promotion source ${repository}`;
  return skipped.map((skip) => ({ path: skip.path, reason: `${mark}: ${skip.reason}` }));
}

/** The source holds two or more versions of one image (or chart): promoting would be a guess. */
export class PromotionConflictError extends Error {
  constructor(
    readonly conflicts: ReadonlyMap<string, readonly FoundVersion[]>,
    readonly chartConflicts: ReadonlyMap<string, readonly FoundChart[]> = new Map(),
  ) {
    const lines = [
      ...[...conflicts].map(([image, places]) => `${image}: ${places.map((p) => `${versionOf(p)} (${p.file}:${p.line})`).join(', ')}`),
      ...[...chartConflicts].map(([chart, places]) => `chart ${chart}: ${places.map((p) => `${p.version} (${p.file}:${p.line})`).join(', ')}`),
    ];
    const images = conflicts.size === 0 ? '' : conflicts.size === 1 ? 'an image' : `${conflicts.size} images`;
    const charts = chartConflicts.size === 0 ? '' : chartConflicts.size === 1 ? 'a chart' : `${chartConflicts.size} charts`;
    const list = conflicts.size > 0 && chartConflicts.size > 0 ? "'images' and 'charts'" : conflicts.size > 0 ? "'images'" : "'charts'";
    super(
      `The promotion source holds different versions of ${[images, charts].filter((what) => what !== '').join(' and ')}: ` +
        `${lines.join('; ')}. Narrow 'promote-from', or list what to promote in ${list}.`,
    );
    this.name = 'PromotionConflictError';
  }
}

/** Which of the source's versions a promotion carries (the `images` and `charts` inputs without versions). */
export interface PromotionFilter {
  /** Bare repositories from `images`. */
  readonly images?: readonly ImageReference[];
  /** Charts without a version from `charts`. */
  readonly charts?: readonly ChartReference[];
}

/**
 * Collects every image and chart version in the source files (every shape the edit engine knows) and turns each
 * into a request. A filter (`only` bare repositories, `filter.charts`) narrows the promotion to what it lists; with
 * none, every image and every chart found is promoted. A chart version range is never promoted.
 * Throws PlanSyntaxError for a source file that does not parse, PromotionConflictError for two versions of one
 * image or chart (naming both places).
 */
export function promotionRequests(files: readonly SourceFile[], only?: readonly ImageReference[], filter: PromotionFilter = {}): Promotion {
  const onlyImages = only ?? filter.images ?? [];
  const onlyCharts = filter.charts ?? [];
  const narrowed = onlyImages.length > 0 || onlyCharts.length > 0;
  const wanted = narrowed ? new Set(onlyImages.map((r) => r.repository)) : undefined;
  const found: FoundVersion[] = [];
  const scanned: ScannedFile[] = [];
  const skipped: Skip[] = scan(
    files,
    (file) => {
      scanned.push(file);
      for (const site of file.sites) {
        if (site.repository === undefined || (site.tag === undefined && site.digest === undefined)) continue;
        if (wanted && !wanted.has(site.repository)) continue;
        found.push({ file: file.path, line: site.line, repository: site.repository, name: site.name, tag: site.tag, digest: site.digest });
      }
    },
    undefined,
    { charts: !narrowed || onlyCharts.length > 0 },
  );
  const { versions: foundCharts, notes } = chartVersions(scanned, narrowed ? onlyCharts : undefined);

  const byImage = new Map<string, FoundVersion[]>();
  for (const f of found) byImage.set(f.repository, [...(byImage.get(f.repository) ?? []), f]);
  const conflicts = new Map<string, FoundVersion[]>();
  const requests: ImageRequest[] = [];
  for (const [repository, places] of byImage) {
    const versions = new Set(places.map(versionOf));
    if (versions.size > 1) {
      conflicts.set(places[0]!.name, places);
      continue;
    }
    const first = places[0]!;
    const input = formatReference(first.name, first.tag, first.digest);
    const ref = parseReference(input);
    if (ref.repository !== repository) throw new Error(`internal: ${input} does not normalise to ${repository}`);
    requests.push({ input, ref });
  }
  const chartConflicts = new Map<string, FoundChart[]>();
  const charts: ChartRequest[] = [];
  for (const [chart, group] of groupBy(foundCharts, (f) => f.found.chart)) {
    const places = group.map((f) => f.found);
    if (new Set(places.map((p) => p.version)).size > 1) chartConflicts.set(chart, places);
    else charts.push(group[0]!.request);
  }
  if (conflicts.size > 0 || chartConflicts.size > 0) throw new PromotionConflictError(conflicts, chartConflicts);
  return { requests, found, charts, foundCharts: foundCharts.map((f) => f.found), skipped, notes };
}

/**
 * Every pinned chart version of the scanned files (ranges and charts whose name cannot be told are left out), and a
 * note for each HelmRelease patch left out because its base (which names the chart) is not among the files.
 */
function chartVersions(scanned: readonly ScannedFile[], only: readonly ChartReference[] | undefined): { versions: { found: FoundChart; request: ChartRequest }[]; notes: string[] } {
  const context = new ChartContext(scanned);
  const out: { found: FoundChart; request: ChartRequest }[] = [];
  const notes: string[] = [];
  for (const file of scanned) {
    for (const site of file.charts?.sites ?? []) {
      if (site.version === undefined || site.range) continue;
      const resolved = context.resolve(file.path, site);
      const orphan = resolved === undefined ? baselessPatch(site, "the promotion source's files", "not promoted (add the base's folder to promote-from)") : undefined;
      if (orphan !== undefined) notes.push(`promotion source ${file.path}:${site.line}: ${orphan}`);
      if (resolved === undefined || (only !== undefined && !only.some((ref) => sameChart(ref, resolved.chart, resolved.repository)))) continue;
      const url = resolved.repository;
      const display = chartDisplay(url, resolved.chart);
      const request: ChartRequest = {
        input: `${display}:${site.version}`,
        ref: { name: resolved.chart, display, version: site.version, ...(url !== undefined && { url, repository: url }) },
      };
      out.push({ found: { file: file.path, line: site.line, chart: display, version: site.version }, request });
    }
  }
  return { versions: out, notes };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
