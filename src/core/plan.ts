// plan(files, requests, policy) → Plan: pure. Finds every image reference the requests name, asks the
// policy whether it may move, and splices the new version into the text. No I/O, no clock, no randomness.
import { judge, type Policy } from '../image/policy.js';
import { versionOf } from '../image/reference.js';
import type { Change, FileEdit, ImageRequest, Miss, Plan, Refusal, Skip, SourceFile } from './types.js';
import { isChartTemplate, locate, YamlSyntaxError, type ImageSite } from '../yaml/locate.js';
import { applyEdits, rewrite, UnwritableError, versionAfter, type TextEdit, type Want } from '../yaml/splice.js';

export interface PlanOptions {
  readonly policy: Policy;
}

/** One matched file that should be YAML and is not. */
export interface FileSyntaxError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly detail: string;
}

/** Raised when any selected file fails to parse: the run writes nothing. */
export class PlanSyntaxError extends Error {
  constructor(readonly errors: readonly FileSyntaxError[]) {
    super(
      errors.length === 1
        ? `${where(errors[0]!)}: not valid YAML: ${errors[0]!.detail}. Nothing was written.`
        : `${errors.length} files are not valid YAML (${errors.map(where).join(', ')}). Nothing was written.`,
    );
    this.name = 'PlanSyntaxError';
  }
}

function where(e: FileSyntaxError): string {
  return `${e.file}:${e.line}:${e.column}`;
}

/** The last path component of a repository: every spelling of the image holds it, so a file without it cannot match. */
function needle(request: ImageRequest): string {
  const path = request.ref.path;
  return path.slice(path.lastIndexOf('/') + 1);
}

function wantOf(request: ImageRequest): Want {
  return { tag: request.ref.tag, digest: request.ref.digest };
}

interface FileOutcome {
  readonly edit?: FileEdit;
  readonly refusals: Refusal[];
  readonly notes: string[];
  readonly matched: Set<ImageRequest>;
  /** Repositories of sites no request names (normalised): the look-alikes of requests that match nothing. */
  readonly others: Set<string>;
}

/** True when two edits touch the same bytes differently (the rule {@link applyEdits} enforces). */
function collide(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start && a.end === b.end && a.text === b.text) return false;
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === b.start && (a.start === a.end || b.start === b.end);
}

/**
 * The accepted edits of one file, sorted by start. Checking a site's edits against them costs O(log n), so a file
 * with thousands of image references plans in linear time (applying every edit so far per site was quadratic).
 */
class FileEdits {
  private readonly sorted: TextEdit[] = [];

  get all(): readonly TextEdit[] {
    return this.sorted;
  }

  /** True when one of `edits` collides with an accepted edit or with another of `edits`. */
  conflicts(edits: readonly TextEdit[]): boolean {
    return edits.some((e, i) => this.near(e).some((other) => collide(e, other)) || edits.slice(0, i).some((other) => collide(e, other)));
  }

  add(edits: readonly TextEdit[]): void {
    for (const edit of edits) this.sorted.splice(this.firstAfter(edit.start), 0, edit);
  }

  /** Index of the first accepted edit starting after `offset`. */
  private firstAfter(offset: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The accepted edits that can collide with `edit`: those starting at or before its end and ending at or after its start. */
  private near(edit: TextEdit): TextEdit[] {
    const out: TextEdit[] = [];
    for (let i = this.firstAfter(edit.end) - 1; i >= 0 && this.sorted[i]!.end >= edit.start; i--) out.push(this.sorted[i]!);
    return out;
  }
}

function planFile(file: SourceFile, sites: readonly ImageSite[], requests: readonly ImageRequest[], options: PlanOptions): FileOutcome {
  const edits = new FileEdits();
  const changes: Change[] = [];
  const refusals: Refusal[] = [];
  const notes: string[] = [];
  const matched = new Set<ImageRequest>();
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
      line: site.line,
      image: request.ref.name,
      from: versionOf(site),
      // What the site will hold: a tag alone drops a stale digest, a digest alone drops a tag that no longer
      // names it (except in Helm maps), and a shape without a digest field keeps only the tag.
      to: versionOf(digestLost ? want : after),
    };
    if (entry.from === entry.to) continue;
    if (site.held) {
      refusals.push({ ...entry, reason: 'held by a `# gitops-bump: hold` comment on the line' });
      continue;
    }
    const verdict = judge(options.policy, { tag: site.tag, digest: site.digest }, want);
    if (!verdict.allowed) {
      refusals.push({ ...entry, reason: verdict.reason ?? 'refused by the policy' });
      continue;
    }
    if (verdict.note) notes.push(`${file.path}:${site.line}: ${verdict.note}`);
    let siteEdits: TextEdit[];
    try {
      siteEdits = rewrite(file.text, site, want);
    } catch (error) {
      if (!(error instanceof UnwritableError)) throw error;
      refusals.push({ ...entry, reason: error.message });
      continue;
    }
    if (siteEdits.length === 0) continue;
    // Two sites sharing an anchored scalar must agree on its new text.
    if (edits.conflicts(siteEdits)) {
      refusals.push({ ...entry, reason: 'shares an anchored value with another image asked for a different version' });
      continue;
    }
    edits.add(siteEdits);
    changes.push(entry);
  }
  if (edits.all.length === 0) return { refusals, notes, matched, others };
  const text = applyEdits(file.text, edits.all);
  return { edit: { path: file.path, before: file.text, after: text, changes }, refusals, notes, matched, others };
}

/** A byte-level pre-filter for sources: true when the file may hold one of the requested images. */
export function mayHoldAny(requests: readonly ImageRequest[]): (bytes: Buffer) => boolean {
  const needles = [...new Set(requests.map(needle))].map((n) => Buffer.from(n, 'utf8'));
  return (bytes) => needles.some((n) => bytes.includes(n));
}

/**
 * Plans a bump. Throws PlanSyntaxError (listing every broken file) when a selected file that should be YAML
 * and may hold a requested image does not parse: then nothing at all may be written.
 */
export function plan(files: readonly SourceFile[], requests: readonly ImageRequest[], options: PlanOptions): Plan {
  const needles = [...new Set(requests.map(needle))];
  const edits: FileEdit[] = [];
  const refusals: Refusal[] = [];
  const skipped: Skip[] = [];
  const notes: string[] = [];
  const errors: FileSyntaxError[] = [];
  const matched = new Set<ImageRequest>();
  // Repository → files holding it, for repositories no request names.
  const others = new Map<string, number>();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    if (!needles.some((n) => file.text.includes(n))) continue;
    if (isChartTemplate(file.path, file.text)) {
      skipped.push({ path: file.path, reason: 'Helm chart template (not YAML until rendered)' });
      continue;
    }
    let sites: readonly ImageSite[];
    try {
      sites = locate(file.text).sites;
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
      errors.push({ file: file.path, line: error.line, column: error.column, detail: error.detail });
      continue;
    }
    const outcome = planFile(file, sites, requests, options);
    if (outcome.edit) edits.push(outcome.edit);
    refusals.push(...outcome.refusals);
    notes.push(...outcome.notes);
    for (const r of outcome.matched) matched.add(r);
    for (const repository of outcome.others) others.set(repository, (others.get(repository) ?? 0) + 1);
  }
  if (errors.length > 0) throw new PlanSyntaxError(errors);
  const missed = requests.filter((r) => !matched.has(r));
  const misses = missed.map((r): Miss => ({ input: r.input, image: r.ref.name, similar: lookalikes(r, others) }));
  return { edits, changes: edits.flatMap((e) => e.changes), refusals, skipped, notes, unmatched: missed.map((r) => r.ref.name), misses };
}

/** Repositories found in the files whose last path component is the request's (a registry or owner typo), most files first. */
function lookalikes(request: ImageRequest, others: ReadonlyMap<string, number>): Miss['similar'] {
  const name = needle(request);
  return [...others]
    .filter(([repository]) => repository.slice(repository.lastIndexOf('/') + 1) === name)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, 3)
    .map(([repository, files]) => ({ repository, files }));
}
