// Text edits and the one overlap rule: two edits collide when they touch the same bytes differently. applyEdits
// refuses colliding edits; EditSet (a plan's accepted edits of one file) uses the same rule to refuse a site's
// edits before they are accepted.

/** Replace `text.slice(start, end)` by `text`. Offsets are JS string indices into the original text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Two edits touch the same bytes differently (two sites sharing one anchored scalar, asked for different versions). */
export class EditConflictError extends RangeError {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(`edits [${first.start}, ${first.end}) and [${second.start}, ${second.end}) overlap: two changes to the same bytes`);
    this.name = 'EditConflictError';
  }
}

/**
 * The overlap rule: true when `a` and `b` touch the same bytes differently. Identical edits (two sites sharing an
 * anchored scalar, moved to the same bytes) count once and never collide; otherwise two edits collide when their
 * ranges overlap, or when they start at one offset and one of them is an insertion (the order of the two texts
 * there would be a guess). An edit ending where another starts does not collide with it.
 */
export function collide(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start && a.end === b.end && a.text === b.text) return false;
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === b.start && (a.start === a.end || b.start === b.end);
}

/**
 * Applies edits that do not {@link collide} (identical duplicates count once).
 * Throws {@link EditConflictError} for two colliding edits, RangeError for an edit outside the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = dedupe(edits).sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const [i, edit] of sorted.entries()) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside the text or overlaps the previous edit`);
    }
    // Sorted by start then end, an edit that collides with any later one collides with the next.
    const next = sorted[i + 1];
    if (next !== undefined && collide(edit, next)) throw new EditConflictError(edit, next);
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

function dedupe(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Map<string, TextEdit>();
  for (const edit of edits) seen.set(`${edit.start}:${edit.end}:${edit.text}`, edit);
  return [...seen.values()];
}

/**
 * The accepted edits of one text, sorted by start. Checking new edits against them costs O(log n), so a file with
 * thousands of image references plans in linear time (applying every edit so far per site would be quadratic).
 */
export class EditSet {
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

  /** `text` with the accepted edits applied. */
  apply(text: string): string {
    return applyEdits(text, this.sorted);
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
