import type { Position } from '../model/location';

/** Offsets ↔ zero-based line/character positions of one text (`\n` and `\r\n` alike). */
export class TextPositions {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  offsetAt(pos: Position): number {
    const start = this.starts[Math.min(pos.line, this.starts.length - 1)] ?? 0;
    return Math.min(start + pos.character, this.lineEnd(pos.line));
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  /** The offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line] ?? this.text.length, this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** The file's own line break, so inserted lines match it. */
  get eol(): string {
    return /\r\n/.test(this.text) ? '\r\n' : '\n';
  }
}

/** One replacement in a text, by offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}
