import { isScalar, parseAllDocuments, type Node } from 'yaml';
import type { Position, SourceLocation } from '../model/location';
import { newRecord, recordFile, recordId, renderRecord } from './changeRecord';
import { ChangeRefusal, type ChangeRecord, type ChangeRequest, type ChangeTarget } from './changeTypes';
import type { RecipePatch } from './patchTypes';
import { patchForRequest, type RecipeTexts } from './recipePatcher';
import { TextPositions } from './textPositions';
import { yamlPathAt } from './yamlPatch';

/** A request made concrete: the recipe patch, the record, and the exact texts both were computed from. */
export interface ChangePlan {
  request: ChangeRequest;
  patch?: RecipePatch;
  record: ChangeRecord;
  recordPath: string;
  /** Each file read for the patch, as it was: a submission refuses when any of them changed since the preview. */
  readTexts: Map<string, string>;
  environmentFile?: string;
}

export interface PlanOptions {
  now: Date;
  /** Ids of the records that exist, so a new one never overwrites another. */
  takenIds?: ReadonlySet<string>;
  requestedBy?: string;
  /** The file or folder that defines the chosen environment (its `.tfvars`, for `var.*` values). */
  environmentFile?: string;
}

export async function planChange(request: ChangeRequest, texts: RecipeTexts, options: PlanOptions): Promise<ChangePlan> {
  const readTexts = new Map<string, string>();
  const recording: RecipeTexts = {
    files: texts.files,
    readText: async (file) => {
      const t = await texts.readText(file);
      readTexts.set(file, t);
      return t;
    },
  };
  const patch = await patchForRequest(request, recording);
  const id = recordId(options.now, request, options.takenIds);
  const record = newRecord(request, patch, id, options.now, options.requestedBy);
  return { request, patch, record, recordPath: recordFile(id), readTexts, environmentFile: options.environmentFile };
}

/** The files whose text differs now from what the preview was computed from. */
export async function changedSincePreview(plan: ChangePlan, readText: (file: string) => Promise<string | undefined>): Promise<string[]> {
  const changed: string[] = [];
  for (const [file, text] of plan.readTexts) if ((await readText(file)) !== text) changed.push(file);
  return changed;
}

export function recordText(plan: ChangePlan, overrides: Partial<ChangeRecord> = {}): string {
  return renderRecord({ ...plan.record, ...overrides });
}

/**
 * The same patch against another version of the recipes (the commit a branch starts from): identical texts reuse the
 * preview's patch; otherwise the value is found again (by its YAML path, else by its unchanged line) and patched there.
 * A value that cannot be found again is refused: the branch would not hold what the preview showed.
 */
export async function patchForBase(plan: ChangePlan, base: RecipeTexts): Promise<RecipePatch | undefined> {
  if (!plan.patch) return undefined;
  let same = true;
  for (const [file, text] of plan.readTexts) {
    const b = await base.readText(file).catch(() => undefined);
    if (b !== text) same = false;
  }
  if (same) return plan.patch;
  const target = plan.request.target;
  const loc = target.current?.location ?? target.anchor;
  if (!loc) return undefined;
  const before = plan.readTexts.get(loc.file);
  const baseText = await base.readText(loc.file).catch(() => undefined);
  if (before === undefined || baseText === undefined) {
    throw new ChangeRefusal('changed-since-preview', `${loc.file} is not committed on the branch you are on: commit it first, or submit in place.`);
  }
  const moved = relocate(loc, before, baseText);
  if (!moved) {
    throw new ChangeRefusal(
      'changed-since-preview',
      `${loc.file} has uncommitted changes around ${target.label.toLowerCase()}: the branch starts from your last commit, where that value cannot be found as previewed. Commit the recipe first, or submit in place.`,
    );
  }
  const relocated: ChangeTarget = target.current ? { ...target, current: { ...target.current, location: moved } } : { ...target, anchor: moved };
  const patch = await patchForRequest({ ...plan.request, target: relocated }, base);
  return patch;
}

/** Where a located value of `before` is in `after`: by YAML path, else by the same line (unique) text. */
export function relocate(loc: SourceLocation, before: string, after: string): SourceLocation | undefined {
  if (/\.ya?ml$/i.test(loc.file)) {
    try {
      const path = yamlPathAt(loc.file, before, loc.range.start);
      if (path) {
        const docs = parseAllDocuments(after, { merge: true, uniqueKeys: false });
        const node = Array.isArray(docs) ? (docs[path.docIndex]?.getIn(path.segments, true) as Node | undefined) : undefined;
        if (node && isScalar(node) && node.range) {
          const p = new TextPositions(after);
          const start = p.positionAt(node.range[0]);
          const end = p.positionAt(node.range[1]);
          return { file: loc.file, range: { start, end } };
        }
        return undefined;
      }
    } catch {
      // fall through to the line match
    }
  }
  const bp = new TextPositions(before);
  const ap = new TextPositions(after);
  const line = bp.lineText(loc.range.start.line);
  const candidates: number[] = [];
  for (let l = 0; l < ap.lineCount; l++) if (ap.lineText(l) === line) candidates.push(l);
  if (candidates.length !== 1) return undefined;
  const shift = (p: Position): Position => ({ line: p.line - loc.range.start.line + candidates[0], character: p.character });
  return { file: loc.file, range: { start: shift(loc.range.start), end: shift(loc.range.end) } };
}
