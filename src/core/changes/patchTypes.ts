import type { Position } from '../model/location';
import type { TextEdit } from './textPositions';

/** What a value is in the recipe's own terms: decides quoting (a Kubernetes env value is always a string). */
export type LiteralType = 'number' | 'string' | 'quantity';

/** A patched recipe: the whole new text and the one edit that made it, with where the value lives. */
export interface RecipePatch {
  file: string;
  before: string;
  after: string;
  edit: TextEdit;
  /** Where the value is, independent of line numbers: a YAML path, a TOML `table.key`, an HCL attribute address. */
  path: string;
  /** Line of the edited value in `after`, zero-based. */
  line: number;
  /** Set when the patch went to another file than the one asked (a `var.x` resolved to its `.tfvars`). */
  note?: string;
}

/** Asks for a value change at a position, or an environment variable to add next to a located sibling. */
export type PatchOperation =
  | { op: 'set'; at: Position; value: string; type: LiteralType; expectedRaw?: string }
  | { op: 'addEnv'; at: Position; name: string; value: string };
