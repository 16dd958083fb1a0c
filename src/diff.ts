// A unified diff (git's format) of two texts, for the job summary and the CLI's dry-run.
// Myers' O((N+M)·D) algorithm: a bump changes a few lines, so D is small even in a large file.

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string; readonly a: number; readonly b: number };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The shortest edit script from a to b (Myers, with a trace for the backtrack). */
function script(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
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
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
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
