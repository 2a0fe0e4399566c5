// Offsets to 1-based line/column positions (columns in UTF-16 code units, as JavaScript strings index).

export class LineIndex {
  private computed?: number[];

  constructor(private readonly text: string) {}

  /** Line start offsets, computed on first use: most files have no finding and never need them. */
  private get starts(): number[] {
    if (!this.computed) {
      const starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10) starts.push(i + 1);
        else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
      this.computed = starts;
    }
    return this.computed;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    const starts = this.starts;
    return starts[Math.min(Math.max(line - 1, 0), starts.length - 1)];
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
