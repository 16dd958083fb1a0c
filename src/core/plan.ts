// plan(files, requests, policy) → Plan: pure. Finds every image reference the requests name, asks the
// policy whether it may move, and splices the new version into the text. No I/O, no clock, no randomness.
import { judge, type Policy } from '../image/policy.js';
import { versionOf } from '../image/reference.js';
import type { Change, ChartRequest, FileEdit, ImageRequest, Miss, Plan, Refusal, Skip, SourceFile } from './types.js';
import { writtenScalars, type ImageSite } from '../yaml/locate.js';
import { EditSet, type TextEdit } from '../yaml/edits.js';
import { comparePaths } from './paths.js';
import { planAppVersions } from './app-version.js';
import { ChartContext, planCharts, type SourceContext } from './charts.js';
import { scanForCharts } from './chart-scan.js';
import { lastComponent, textMayHoldAny } from './prefilter.js';
import { scan, type ScannedFile } from './scan.js';
import { rewrite, UnwritableError, versionAfter, whyHeld, type Want } from '../yaml/splice.js';

export interface PlanOptions {
  readonly policy: Policy;
  /** Chart versions to write (the `charts` input), in the same plan as the images. */
  readonly charts?: readonly ChartRequest[];
  /** `chart-app-version`: a Chart.yaml's appVersion follows an image moved beside or below it. */
  readonly chartAppVersion?: boolean;
  /** Flux sources from files outside `paths` (read-only context: never edited), see chart-sources.ts. */
  readonly chartSources?: SourceContext;
}

function wantOf(request: ImageRequest): Want {
  return { tag: request.ref.tag, digest: request.ref.digest };
}

interface FileOutcome {
  /** The file's accepted edits: images first, then charts, then appVersion (one overlap rule for all). */
  readonly edits: EditSet;
  readonly changes: Change[];
  readonly refusals: Refusal[];
  readonly notes: string[];
  readonly matched: Set<ImageRequest | ChartRequest>;
  /** Repositories of sites no request names (normalised): the look-alikes of requests that match nothing. */
  readonly others: Set<string>;
}

/** Writing a site, before any shared-value check: its edits, or why not (a hold, the policy, the shape). */
type Attempt = { readonly edits: TextEdit[]; readonly note?: string } | { readonly refused: 'hold' | 'policy' | 'shape'; readonly reason?: string; readonly note?: string };

/**
 * Asks, in this order, whether a hold covers `site` (the hold rule is splice's {@link whyHeld}), whether the policy
 * lets it move, and what the rewrite is. The policy's note comes with the answer either way.
 */
function attempt(file: ScannedFile, site: ImageSite, want: Want, policy: Policy): Attempt {
  const held = whyHeld(site);
  if (held !== undefined) return { refused: 'hold', reason: held };
  const verdict = judge(policy, { tag: site.tag, digest: site.digest }, want);
  if (!verdict.allowed) return { refused: 'policy', ...(verdict.reason !== undefined && { reason: verdict.reason }) };
  const note = verdict.note ? { note: verdict.note } : {};
  try {
    return { edits: rewrite(file.text, site, want, file.lines), ...note };
  } catch (error) {
    if (!(error instanceof UnwritableError)) throw error;
    return { refused: 'shape', reason: error.message, ...note };
  }
}

function planFile(file: ScannedFile, requests: readonly ImageRequest[], options: PlanOptions): FileOutcome {
  const sites = file.sites;
  const edits = new EditSet();
  const changes: Change[] = [];
  const refusals: Refusal[] = [];
  const notes: string[] = [];
  const matched = new Set<ImageRequest | ChartRequest>();
  const others = new Set<string>();
  for (const site of sites) {
    if (site.repository === undefined) continue;
    const request = requests.find((r) => r.ref.repository === site.repository);
    if (!request) {
      others.add(site.repository);
      continue;
    }
    matched.add(request);
    const want = wantOf(request);
    const after = versionAfter(site, want);
    // A digest alone that the shape has no room for (a values map without a digest field) is refused by
    // rewrite below, never skipped as if the site already held it.
    const digestLost = want.tag === undefined && want.digest !== undefined && after.digest !== want.digest;
    const entry = {
      file: file.path,
      line: reportLine(site),
      image: request.ref.name,
      from: versionOf(site),
      // What the site will hold: a tag alone drops a stale digest, a digest alone drops a tag that no longer
      // names it (except in Helm maps), and a shape without a digest field keeps only the tag.
      to: versionOf(digestLost ? want : after),
    };
    if (entry.from === entry.to) continue;
    const tried = attempt(file, site, want, options.policy);
    if (tried.note) notes.push(`${file.path}:${entry.line}: ${tried.note}`);
    if ('refused' in tried) {
      refusals.push({ ...entry, reason: tried.reason ?? 'refused by the policy' });
      continue;
    }
    const siteEdits = tried.edits;
    if (siteEdits.length === 0) continue;
    const shared = site.shared === undefined ? undefined : new SharedValue(file, site, siteEdits, entry.to);
    const blocked = shared?.blocked(sites, requests, options);
    if (blocked !== undefined) {
      refusals.push({ ...entry, reason: blocked });
      continue;
    }
    // Two sites sharing an anchored scalar must agree on its new text.
    if (edits.conflicts(siteEdits)) {
      refusals.push({ ...entry, reason: 'shares an anchored value with another image asked for a different version' });
      continue;
    }
    edits.add(siteEdits);
    changes.push(entry, ...(shared?.copies(entry.line).map((line) => ({ ...entry, line })) ?? []));
  }
  return { edits, changes, refusals, notes, matched, others };
}

/** The file's edit once every change is planned; undefined when nothing changes. */
function fileEdit(file: ScannedFile, outcome: FileOutcome): FileEdit | undefined {
  if (outcome.edits.all.length === 0) return undefined;
  // Sites come in line order; a change reported at its alias (or a copy's), a chart's or an appVersion may not.
  const changes = [...outcome.changes].sort((a, b) => a.line - b.line);
  return { path: file.path, before: file.text, after: outcome.edits.apply(file.text), changes };
}

/** True when `edit` replaces (or removes) the scalar starting at `scalar`. */
function touches(edit: TextEdit, scalar: number): boolean {
  return edit.start === scalar || (edit.start < scalar && scalar < edit.end);
}

/**
 * True for a map that only defines the shared value: a tag with no image name at all (`defaults: &d {tag: 1.4}`
 * merged into images) holding the value itself, not reading it through an alias. It names no image of its own.
 */
function isDefinition(site: ImageSite, shared: readonly { start: number }[]): boolean {
  if (site.repository !== undefined || site.name !== '') return false;
  return !(site.shared ?? []).some((use) => use.kind === 'own' && shared.some((scalar) => scalar.start === use.scalar));
}

/** The line a site's change is reported at: the alias it reads its value through (`tag: *release`), else its own. */
function reportLine(site: ImageSite): number {
  return site.shared?.find((use) => use.kind === 'own')?.line ?? site.line;
}

/**
 * A site's edit of anchored values (YAML aliases are never edited: the anchored scalar is, and every alias of it
 * moves). The edit is allowed only when every other place that reads a changed value is an image site moved in
 * this run to the same bytes, or a copy of this very image; never when such a place is held, or is not an image.
 */
class SharedValue {
  /** Offsets of the anchored scalars this edit changes. */
  private readonly changed: Set<number>;

  constructor(
    private readonly file: ScannedFile,
    private readonly site: ImageSite,
    private readonly edits: readonly TextEdit[],
    private readonly to: string,
  ) {
    this.changed = new Set((site.shared ?? []).map((use) => use.scalar).filter((scalar) => edits.some((edit) => touches(edit, scalar))));
  }

  private get uses(): NonNullable<ImageSite['shared']> {
    return (this.site.shared ?? []).filter((use) => this.changed.has(use.scalar));
  }

  /** Why the edit may not be made, or undefined when it may. */
  blocked(sites: readonly ImageSite[], requests: readonly ImageRequest[], options: PlanOptions): string | undefined {
    if (this.changed.size === 0) return undefined;
    for (const other of sites) {
      if (other === this.site || other.doc !== this.site.doc) continue;
      const shared = writtenScalars(other).filter((scalar) => this.changed.has(scalar.start));
      if (shared.length === 0 || isDefinition(other, shared)) continue;
      const why = this.otherBlocks(other, shared, requests, options);
      if (why === undefined) continue;
      const anchor = this.uses.find((use) => shared.some((scalar) => scalar.start === use.scalar))?.anchor ?? '';
      const name = other.name === '' ? 'an image named elsewhere' : other.name;
      return `anchored value &${anchor} is also used by ${name} at ${this.file.path}:${reportLine(other)} (${why})`;
    }
    for (const use of this.uses) {
      if (use.kind === 'own') continue;
      const place = `anchored value &${use.anchor} is also used at ${this.file.path}:${use.line}`;
      const held = whyHeld(use);
      if (held !== undefined) return `${place}, ${held}`;
      if (use.kind === 'other') return `${place}, which is not an image reference (give it its own value, or move both by hand)`;
    }
    return undefined;
  }

  /** Why `other`, reading `shared` values of this edit, keeps it from being made; undefined when it moves along to the same bytes. */
  private otherBlocks(other: ImageSite, shared: readonly { start: number; end: number }[], requests: readonly ImageRequest[], options: PlanOptions): string | undefined {
    const request = other.repository === undefined ? undefined : requests.find((r) => r.ref.repository === other.repository);
    if (request === undefined) return `not requested at ${this.to}`;
    const want = wantOf(request);
    const tried = attempt(this.file, other, want, options.policy);
    if ('refused' in tried) return tried.refused === 'policy' ? `refused for it: ${tried.reason ?? 'by the policy'}` : tried.reason;
    const edits = tried.edits;
    const same = shared.every((scalar) => {
      const mine = this.edits.find((edit) => touches(edit, scalar.start));
      return mine !== undefined && edits.some((edit) => edit.start === mine.start && edit.end === mine.end && edit.text === mine.text);
    });
    return same ? undefined : `requested at ${versionOf(versionAfter(other, want))}, not ${this.to}`;
  }

  /** The lines of the aliases that repeat this very image (each moved with it), other than `line`. */
  copies(line: number): number[] {
    const lines = this.uses.filter((use) => use.kind === 'copy').map((use) => use.line);
    return [...new Set(lines)].filter((copy) => copy !== line).sort((a, b) => a - b);
  }
}

/**
 * Plans a bump: images, and chart versions (`options.charts`, `options.chartAppVersion`) in the same files and the
 * same edits. Throws PlanSyntaxError (listing every broken file) when a selected file that should be YAML and may
 * hold a requested image or chart does not parse: then nothing at all may be written.
 */
export function plan(files: readonly SourceFile[], requests: readonly ImageRequest[], options: PlanOptions): Plan {
  const charts = options.charts ?? [];
  const appVersion = options.chartAppVersion === true;
  const mayHold = textMayHoldAny(requests);
  const edits: FileEdit[] = [];
  const refusals: Refusal[] = [];
  const notes: string[] = [];
  const matched = new Set<ImageRequest | ChartRequest>();
  // Repository → files holding it, for repositories no request names.
  const others = new Map<string, number>();
  const add = (file: ScannedFile, outcome: FileOutcome): void => {
    const edit = fileEdit(file, outcome);
    if (edit) edits.push(edit);
    refusals.push(...outcome.refusals);
    notes.push(...outcome.notes);
    for (const r of outcome.matched) matched.add(r);
    for (const repository of outcome.others) others.set(repository, (others.get(repository) ?? 0) + 1);
  };
  let skipped: Skip[];
  if (charts.length === 0 && !appVersion) {
    // Images alone: one file at a time, nothing kept once it is planned.
    skipped = scan(files, (file) => add(file, planFile(file, requests, options)), (file) => mayHold(file.text));
  } else {
    // Charts need every file's sources and bases first (a HelmRelease's repository is in another file), and
    // appVersion every file's image changes: scan all, then plan.
    const found = scanForCharts(files, mayHold, charts, appVersion);
    const scanned = found.scanned;
    skipped = found.skipped;
    const context = new ChartContext(scanned, options.chartSources);
    const planned = scanned.map((file) => {
      const outcome = planFile(file, requests, options);
      const chart = planCharts(file, charts, context, options.policy, outcome.edits);
      for (const r of chart.matched) outcome.matched.add(r);
      return { file, outcome: { ...outcome, changes: [...outcome.changes, ...chart.changes], refusals: [...outcome.refusals, ...chart.refusals], notes: [...outcome.notes, ...chart.notes] } };
    });
    if (appVersion) planAppVersions(planned);
    for (const { file, outcome } of planned) add(file, outcome);
  }
  const misses: Miss[] = [
    ...requests.filter((r) => !matched.has(r)).map((r): Miss => ({ input: r.input, image: r.ref.name, similar: lookalikes(r, others) })),
    ...charts.filter((r) => !matched.has(r)).map((r): Miss => ({ input: r.input, image: r.ref.display, similar: [], kind: 'chart' })),
  ];
  return { edits, changes: edits.flatMap((e) => e.changes), refusals, skipped, notes, unmatched: misses.map((m) => m.image), misses };
}

/** Repositories found in the files whose last path component is the request's (a registry or owner typo), most files first. */
function lookalikes(request: ImageRequest, others: ReadonlyMap<string, number>): Miss['similar'] {
  const name = lastComponent(request);
  return [...others]
    .filter(([repository]) => repository.slice(repository.lastIndexOf('/') + 1) === name)
    .sort(([a, m], [b, n]) => n - m || comparePaths(a, b))
    .slice(0, 3)
    .map(([repository, files]) => ({ repository, files }));
}
