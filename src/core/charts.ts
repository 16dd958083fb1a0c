// Chart versions in the plan (issue 14): which chart each site holds (its repository found through a Flux
// source, its base for an environment's HelmRelease patch), whether a request names it, and the edit. Pure.
import { sameChart } from '../image/chart.js';
import { judge, type Policy } from '../image/policy.js';
import type { ChartSite, ChartSource, SourceRef } from '../yaml/locate.js';
import type { EditSet } from '../yaml/edits.js';
import type { ScalarSlot } from '../yaml/scalar.js';
import { scalarEdit, UnwritableError, whyHeld } from '../yaml/splice.js';
import type { ScannedFile } from './scan.js';
import type { Change, ChartRequest, Refusal } from './types.js';

/** What a site's chart is, once its source or base is found: the name, the repository key (undefined: unknown). */
interface Resolved {
  readonly chart: string;
  readonly repository: string | undefined;
  /** Why the repository is unknown (said in a note when a request with a repository matches by name alone). */
  readonly unknown?: string;
  /** Only a request naming the repository matches. */
  readonly needsRepository?: boolean;
}

/** A chart site with the file it is in. */
interface Placed {
  readonly file: string;
  readonly site: ChartSite;
}

/** What every file's chart planning needs from the others: Flux sources, base HelmReleases, kustomizations. */
export class ChartContext {
  private readonly sources: { readonly file: string; readonly source: ChartSource }[] = [];
  private readonly bases: Placed[] = [];
  /** Names of the HelmReleases some environment's patch sets the version of. */
  private readonly patched = new Set<string>();
  /** The OCIRepository objects HelmReleases read their chart from: those hold a chart, whatever their layer selector. */
  private readonly chartRefs: SourceRef[] = [];
  private readonly kustomizations = new Map<string, readonly string[]>();
  /** Where else a missing source was looked for (the repository outside `paths`), for the note; undefined: nowhere. */
  private readonly searched: string | undefined;

  /** `outside`: Flux sources read from files `paths` does not select (read-only context), and where they were looked for. */
  constructor(files: readonly ScannedFile[], outside?: SourceContext) {
    this.searched = outside?.searched;
    for (const { file, source } of outside?.sources ?? []) this.sources.push({ file, source });
    for (const file of files) {
      const facts = file.charts;
      if (facts === undefined) continue;
      for (const source of facts.sources) this.sources.push({ file: file.path, source });
      this.chartRefs.push(...facts.chartRefs);
      for (const site of facts.sites) {
        if (site.form !== 'helm-release') continue;
        if (site.chart !== undefined) this.bases.push({ file: file.path, site });
        else if (site.release !== undefined) this.patched.add(site.release.name);
      }
      if (facts.kustomization !== undefined) this.kustomizations.set(dirname(file.path), facts.kustomization.resources);
    }
  }

  /** True for a base HelmRelease whose version an environment's patch sets (the base need not pin one). */
  isPatched(site: ChartSite): boolean {
    return site.form === 'helm-release' && site.chart !== undefined && site.release !== undefined && this.patched.has(site.release.name);
  }

  /** The chart a site holds; undefined when it cannot be told (a patch without a base, a Git source's chart). */
  resolve(file: string, site: ChartSite): Resolved | undefined {
    if (site.chart === undefined) return this.baseOf(file, site);
    const origin = site.origin;
    const needs = site.needsRepository === true && !this.isChartRef(site) ? { needsRepository: true } : {};
    if (origin.kind === 'none') return { chart: site.chart, repository: undefined, ...needs };
    if (origin.kind === 'url') {
      return origin.repository !== undefined
        ? { chart: site.chart, repository: origin.repository, ...needs }
        : { chart: site.chart, repository: undefined, unknown: `its repository '${origin.url}' names no URL`, ...needs };
    }
    return this.throughSource(site.chart, origin.source, site.release?.namespace);
  }

  /** True for an OCIRepository a HelmRelease's chartRef names (by name, and namespace where both say one). */
  private isChartRef(site: ChartSite): boolean {
    const object = site.release;
    if (site.form !== 'oci-repository' || object === undefined) return false;
    return this.chartRefs.some((ref) => ref.name === object.name && (ref.namespace === undefined || object.namespace === undefined || ref.namespace === object.namespace));
  }

  /**
   * The HelmRepository a HelmRelease base names when no file read defines it (its namespace filled in from the
   * HelmRelease's): the source to look for outside the selected files. Undefined for every other site.
   */
  missingSource(site: ChartSite): SourceRef | undefined {
    if (site.form !== 'helm-release' || site.chart === undefined || site.origin.kind !== 'source' || site.origin.source.kind !== 'HelmRepository') return undefined;
    const ref = site.origin.source;
    const namespace = ref.namespace ?? site.release?.namespace;
    if (this.sourcesOf(ref, namespace).length > 0) return undefined;
    return { kind: ref.kind, name: ref.name, ...(namespace !== undefined && { namespace }) };
  }

  private sourcesOf(ref: SourceRef, wanted: string | undefined): { readonly file: string; readonly source: ChartSource }[] {
    return this.sources.filter(
      ({ source }) => source.kind === ref.kind && source.name === ref.name && (wanted === undefined || source.namespace === undefined || source.namespace === wanted),
    );
  }

  /** A HelmRelease's chart through its sourceRef: the HelmRepository's URL (a GitRepository or Bucket holds no chart version). */
  private throughSource(chart: string, ref: SourceRef, namespace: string | undefined): Resolved | undefined {
    if (ref.kind !== 'HelmRepository') return undefined;
    const wanted = ref.namespace ?? namespace;
    const found = this.sourcesOf(ref, wanted);
    const keys = new Set(found.map(({ source }) => source.repository));
    const named = `${ref.kind} ${wanted === undefined ? '' : `${wanted}/`}${ref.name}`;
    if (found.length === 0) {
      const where = this.searched === undefined ? 'the files read' : `the files read nor ${this.searched}`;
      return { chart, repository: undefined, unknown: `its source ${named} is not in ${where}` };
    }
    const [only] = keys;
    if (keys.size > 1 || only === undefined) return { chart, repository: undefined, unknown: `its source ${named} is defined ${found.length} times with different URLs (${found.map((f) => f.file).join(', ')})` };
    return { chart, repository: only };
  }

  /**
   * The base of an environment's HelmRelease patch (version alone): the HelmRelease with the same name (and
   * namespace, where both say one) that names the chart; when several do, the one a kustomization in the patch's
   * folder takes in through its resources.
   */
  private baseOf(file: string, patch: ChartSite): Resolved | undefined {
    const release = patch.release;
    if (release === undefined) return undefined;
    let bases = this.bases.filter(
      ({ file: at, site }) => at !== file && site.release?.name === release.name && (release.namespace === undefined || site.release.namespace === undefined || site.release.namespace === release.namespace),
    );
    if (bases.length > 1) bases = this.throughKustomization(dirname(file), bases);
    const resolved = new Map(bases.flatMap(({ file: at, site }) => {
      const base = this.resolve(at, site);
      return base === undefined ? [] : [[`${base.chart}\u0000${base.repository ?? ''}`, base] as const];
    }));
    return resolved.size === 1 ? [...resolved.values()][0] : undefined;
  }

  private throughKustomization(folder: string, bases: readonly Placed[]): Placed[] {
    const resources = this.kustomizations.get(folder) ?? [];
    const roots = resources.map((resource) => joinPath(folder, resource));
    return bases.filter(({ file }) => roots.some((root) => file === root || file.startsWith(`${root}/`)));
  }
}

/** Flux sources defined outside the selected files, and where they were looked for (said in a note when none is found). */
export interface SourceContext {
  readonly sources: readonly { readonly file: string; readonly source: ChartSource }[];
  /** E.g. `anywhere under local-path`; completes "its source … is not in the files read nor …". */
  readonly searched: string;
}

/** What chart planning of one file adds to the plan. */
export interface ChartOutcome {
  readonly changes: Change[];
  readonly refusals: Refusal[];
  readonly notes: string[];
  readonly matched: Set<ChartRequest>;
}

/**
 * Plans the chart sites of one file into `edits` (the file's accepted edits, images first): a matched site moves
 * to the requested version unless a hold or the policy refuses; a range is reported, never pinned.
 */
export function planCharts(file: ScannedFile, requests: readonly ChartRequest[], context: ChartContext, policy: Policy, edits: EditSet): ChartOutcome {
  const outcome: ChartOutcome = { changes: [], refusals: [], notes: [], matched: new Set() };
  for (const site of file.charts?.sites ?? []) {
    const resolved = context.resolve(file.path, site);
    if (resolved === undefined) {
      const orphan = requests.length === 0 ? undefined : baselessPatch(site, 'the files read', "not matched (add the base's folder to paths)");
      if (orphan !== undefined) outcome.notes.push(`${file.path}:${site.line}: ${orphan}`);
      continue;
    }
    const request = requests.find((r) => (resolved.needsRepository !== true || r.ref.repository !== undefined) && sameChart(r.ref, resolved.chart, resolved.repository));
    if (request === undefined) continue;
    outcome.matched.add(request);
    const at = `${file.path}:${site.line}`;
    const name = request.ref.display;
    if (request.ref.repository !== undefined && resolved.repository === undefined) {
      outcome.notes.push(`${at}: chart ${resolved.chart} matched ${name} by its name alone: ${resolved.unknown ?? 'the file names no repository'}`);
    }
    if (site.range) {
      outcome.notes.push(`${at}: chart ${name} stays at the version range '${site.version ?? ''}' (a range is resolved by the cluster or Helm; it is never replaced by a pinned version)`);
      continue;
    }
    const entry: Change = { kind: 'chart', file: file.path, line: site.line, image: name, from: site.version ?? '', to: request.ref.version };
    if (entry.from === entry.to) continue;
    if (site.unwritable !== undefined) {
      outcome.refusals.push({ ...entry, reason: site.unwritable });
      continue;
    }
    if (site.slot === undefined) {
      if (context.isPatched(site)) continue;
      outcome.notes.push(`${at}: chart ${name} has no version field (the latest chart is deployed); add one to let it be pinned`);
      continue;
    }
    const held = whyHeld(site);
    if (held !== undefined) {
      outcome.refusals.push({ ...entry, reason: held });
      continue;
    }
    const verdict = judge(policy, { tag: site.version }, { tag: request.ref.version });
    if (verdict.note !== undefined) outcome.notes.push(`${at}: ${verdict.note}`);
    if (!verdict.allowed) {
      outcome.refusals.push({ ...entry, reason: verdict.reason ?? 'refused by the policy' });
      continue;
    }
    const refused = writeScalar(file.text, site.slot, request.ref.version, `line ${site.line} (${site.path})`, edits, 'the version');
    if (refused !== undefined) outcome.refusals.push({ ...entry, reason: refused });
    else outcome.changes.push(entry);
  }
  return outcome;
}

/**
 * Writes `value` over `slot` into the file's `edits` (a chart version, an appVersion: one scalar each): undefined once
 * written, else why not (the shape cannot take it, or another change of this run writes the same bytes: `what` is
 * also written by it).
 */
export function writeScalar(text: string, slot: ScalarSlot, value: string, place: string, edits: EditSet, what: string): string | undefined {
  let edit;
  try {
    edit = scalarEdit(text, slot, value, place);
  } catch (error) {
    if (!(error instanceof UnwritableError)) throw error;
    return error.message;
  }
  if (edits.conflicts([edit])) return `${what} is also written by another change of this run`;
  edits.add([edit]);
  return undefined;
}

/**
 * What to say of a HelmRelease patch whose base (the HelmRelease naming the chart) is not among `where`: its chart
 * cannot be told, so it is `outcome`. Undefined for any other site (a Git source's chart, a range, no version).
 */
export function baselessPatch(site: ChartSite, where: string, outcome: string): string | undefined {
  if (site.form !== 'helm-release' || site.chart !== undefined || site.release === undefined || site.version === undefined || site.range) return undefined;
  const release = `${site.release.namespace === undefined ? '' : `${site.release.namespace}/`}${site.release.name}`;
  return `the HelmRelease patch of ${release} sets chart version ${site.version}, but no single base HelmRelease ${release} naming its chart is in ${where}: ${outcome}`;
}

/** The folder of a repository path ('' at the root). */
export function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/** `folder` joined with a relative `path` (`..` and `.` resolved), as a repository path. */
function joinPath(folder: string, path: string): string {
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
