// A unified diff (git's format) of two texts, for the job summary and the CLI's dry-run.
// Myers' O((N+M)·D) algorithm: a bump changes a few lines, so D is small even in a large file; when thousands
// of lines change, a line-by-line script keeps the cost linear.

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string; readonly a: number; readonly b: number };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Above this many differing lines a diff is built line by line (see {@link alignedScript}) instead of by Myers:
 * Myers costs O((N+M)·D) time, and a file where thousands of lines change would take minutes.
 */
const MAX_MYERS_D = 2000;

/** An edit script from a to b: Myers' shortest one when the difference is small, else an aligned one. */
function script(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length === b.length) {
    let differing = 0;
    for (let i = 0; i < a.length && differing <= MAX_MYERS_D / 2; i++) if (a[i] !== b[i]) differing++;
    if (differing > MAX_MYERS_D / 2) return alignedScript(a, b);
  }
  return myers(a, b) ?? replaceScript(a, b);
}

/**
 * The shortest edit script (Myers). The trace keeps, per step d, only the diagonals -d-1…d+1 it can reach, so
 * memory is O(D²), not O(D·(N+M)). Undefined when D would exceed {@link MAX_MYERS_D}.
 */
function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_MYERS_D);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const vd = trace[d]!;
    // vd[i] is v[k] for k = i - d - 1.
    const at = (k: number) => vd[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x]!, a: x, b: y });
    }
    if (d > 0) {
      if (x === prevX) {
        y--;
        ops.push({ kind: '+', line: b[y]!, a: x, b: y });
      } else {
        x--;
        ops.push({ kind: '-', line: a[x]!, a: x, b: y });
      }
    }
  }
  return ops.reverse();
}

/** Line i of a against line i of b (equal lengths): each run of differing lines as its '-' lines, then its '+' lines. */
function alignedScript(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  while (i < a.length) {
    if (a[i] === b[i]) {
      ops.push({ kind: ' ', line: a[i]!, a: i, b: i });
      i++;
      continue;
    }
    let end = i;
    while (end < a.length && a[end] !== b[end]) end++;
    for (let j = i; j < end; j++) ops.push({ kind: '-', line: a[j]!, a: j, b: i });
    for (let j = i; j < end; j++) ops.push({ kind: '+', line: b[j]!, a: end, b: j });
    i = end;
  }
  return ops;
}

/** The common prefix and suffix kept, everything between removed and added (a valid, if long, script). */
function replaceScript(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', line: a[i]!, a: i, b: i });
  for (let i = head; i < a.length - tail; i++) ops.push({ kind: '-', line: a[i]!, a: i, b: head });
  for (let j = head; j < b.length - tail; j++) ops.push({ kind: '+', line: b[j]!, a: a.length - tail, b: j });
  for (let t = tail; t > 0; t--) ops.push({ kind: ' ', line: a[a.length - t]!, a: a.length - t, b: b.length - t });
  return ops;
}

function range(start: number, count: number): string {
  const first = count === 0 ? start : start + 1;
  return count === 1 ? `${first}` : `${first},${count}`;
}

/** `git diff`-style unified diff of one file; '' when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = script(a, b);
  const out = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`];
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  let h = 0;
  while (h < changed.length) {
    let start = Math.max(0, changed[h]! - context);
    let end = Math.min(ops.length, changed[h]! + context + 1);
    h++;
    while (h < changed.length && changed[h]! - context <= end) {
      end = Math.min(ops.length, changed[h]! + context + 1);
      h++;
    }
    start = Math.max(0, start);
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((op) => op.kind !== '+').length;
    const bCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(hunk[0]!.a, aCount)} +${range(hunk[0]!.b, bCount)} @@`);
    for (const op of hunk) {
      out.push(`${op.kind}${op.line.replace(/\r$/, '')}`);
      const lastOfA = op.kind !== '+' && op.a === a.length - 1 && !before.endsWith('\n');
      const lastOfB = op.kind !== '-' && op.b === b.length - 1 && !after.endsWith('\n');
      if ((op.kind === '-' && lastOfA) || (op.kind === '+' && lastOfB) || (op.kind === ' ' && (lastOfA || lastOfB))) {
        out.push('\\ No newline at end of file');
      }
    }
  }
  return `${out.join('\n')}\n`;
}
