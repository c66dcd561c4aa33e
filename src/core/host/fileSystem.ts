/**
 * The files the core reads, by paths relative to the analysed folder (`/` separators).
 * The editor can serve open documents' unsaved text through it; the CLI reads the disk.
 */
export interface FileSystem {
  readText(relativePath: string): Promise<string>;
  /** Every file below the root worth analysing, relative paths, already filtered of vendored trees. */
  listFiles(): Promise<string[]>;
  /** The analysed folder's own name: a service that a Dockerfile at its root builds is named after it. */
  readonly rootName?: string;
}
