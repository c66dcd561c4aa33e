/** Zero-based, like the LSP and VS Code; the CLI adds one when it prints. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** `file` is relative to the analysed folder, with `/` separators on every platform. */
export interface SourceLocation {
  file: string;
  range: Range;
}

/** A value read from a file, with where it was read, so every number can be traced to its line. */
export interface Located<T> {
  value: T;
  location: SourceLocation;
}

export function pointRange(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

export function containsPosition(range: Range, pos: Position): boolean {
  const afterStart =
    pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}
