// Offsets, lines and line endings of a YAML text. Offsets are JS string indices (UTF-16 code units), the
// same units the `yaml` parser reports; a leading BOM occupies offset 0.

/** Maps offsets to 1-based lines and columns in one pass over the text; lookups are O(log lines). */
export class LineIndex {
  private readonly starts: number[];
  private readonly bom: boolean;

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
    this.bom = text.startsWith('\uFEFF');
  }

  /** 1-based line of `offset`. */
  line(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** 1-based column of `offset` (a BOM on the first line is not counted). */
  column(offset: number): number {
    const line = this.line(offset);
    const start = this.lineStart(line) + (line === 1 && this.bom ? 1 : 0);
    return offset - start + 1;
  }

  /** Offset of the first character of 1-based `line`. */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Offset of the end of the line holding `offset`, before its `\r\n` or `\n` (or the text's end). */
  lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline < 0) return this.text.length;
    return newline > 0 && this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  /** The line ending used by the line holding `offset`, or the text's usual one when that line has none. */
  eolAt(offset: number): string {
    const newline = this.text.indexOf('\n', offset);
    if (newline < 0) return this.dominantEol();
    return newline > 0 && this.text[newline - 1] === '\r' ? '\r\n' : '\n';
  }

  /** `\r\n` when most lines end that way, else `\n`. */
  dominantEol(): string {
    const lines = this.starts.length - 1;
    if (lines === 0) return '\n';
    const crlf = this.text.split('\r\n').length - 1;
    return crlf * 2 > lines ? '\r\n' : '\n';
  }

  /** Offset just past the line ending of the line holding `offset` (the text's end on the last line). */
  nextLineStart(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline < 0 ? this.text.length : newline + 1;
  }
}
