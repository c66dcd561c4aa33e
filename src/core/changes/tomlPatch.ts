import { parse as parseToml } from 'smol-toml';
import type { Position } from '../model/location';
import { ChangeRefusal } from './changeTypes';
import type { LiteralType, RecipePatch } from './patchTypes';
import { dottedPath, leafDiffs } from './structuralDiff';
import { applyEdit, TextPositions, type TextEdit } from './textPositions';

/** One TOML value token on a line: basic or literal string, or a bare number/bool/date. */
const TOKEN = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s,}\]#]+)/;
const TOML_NUMBER = /^[+-]?(\d[\d_]*)(\.\d[\d_]*)?([eE][+-]?\d+)?$/;

/**
 * Sets the TOML value that starts at `at` (fly.toml), replacing only its characters and keeping its quoting.
 * Multi-line strings, arrays and inline tables as a whole are refused. The file is parsed before and after: exactly
 * that one value may differ.
 */
export function patchTomlValue(file: string, text: string, at: Position, value: string, type: LiteralType): RecipePatch {
  const before = parseOrRefuse(file, text);
  const positions = new TextPositions(text);
  const line = positions.lineText(at.line);
  const rest = line.slice(at.character);
  if (rest.startsWith('"""') || rest.startsWith("'''") || rest.startsWith('[') || rest.startsWith('{')) {
    throw new ChangeRefusal('not-patchable', `${file}:${at.line + 1} holds a multi-line string, an array or a table: Ops Lens does not rewrite it. Ask for it as a free-text request.`, true);
  }
  const token = TOKEN.exec(rest)?.[0];
  if (!token) throw new ChangeRefusal('not-patchable', `${file}:${at.line + 1} no longer holds a value at column ${at.character + 1}: the recipe changed.`);
  const rendered = renderToml(token, value, type);
  const start = positions.offsetAt(at);
  const edit: TextEdit = { start, end: start + token.length, newText: rendered };
  const after = applyEdit(text, edit);
  const diffs = leafDiffs(before, parseOrRefuse(file, after));
  const bare = !rendered.startsWith('"') && !rendered.startsWith("'");
  const readsBack = diffs.length === 1 && (bare ? String(diffs[0].after) === String(type === 'number' ? Number(value) : value) : diffs[0].after === value);
  if (!readsBack) {
    throw new ChangeRefusal('not-patchable', `Writing ${value} at ${file}:${at.line + 1} would change more than that value: nothing was changed.`, true);
  }
  return { file, before: text, after, edit, path: dottedPath(diffs[0].path), line: at.line };
}

/** Adds `NAME = "value"` to the `[env]` table (creating the table at the end when there is none). */
export function addTomlEnv(file: string, text: string, name: string, value: string): RecipePatch {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ChangeRefusal('invalid-value', `"${name}" is not a valid environment variable name.`);
  const before = parseOrRefuse(file, text);
  const env = (before as { env?: unknown }).env;
  if (env && typeof env === 'object' && name in env) throw new ChangeRefusal('invalid-value', `${name} is already set in [env]: choose it to change its value.`);
  const positions = new TextPositions(text);
  const eol = positions.eol;
  const entry = `${name} = ${JSON.stringify(value)}`;
  let header = -1;
  for (let l = 0; l < positions.lineCount; l++) if (/^\s*\[\s*env\s*\]\s*(#.*)?$/.test(positions.lineText(l))) header = l;
  let edit: TextEdit;
  let line: number;
  if (header >= 0) {
    // After the table's last key line, with that line's indentation.
    let lastKey = header;
    for (let l = header + 1; l < positions.lineCount; l++) {
      const t = positions.lineText(l);
      if (/^\s*\[/.test(t)) break;
      if (/^\s*[A-Za-z0-9_"'-]+\s*=/.test(t)) lastKey = l;
    }
    const indent = lastKey === header ? '  ' : /^\s*/.exec(positions.lineText(lastKey))![0];
    const at = positions.lineEnd(lastKey);
    edit = { start: at, end: at, newText: `${eol}${indent}${entry}` };
    line = lastKey + 1;
  } else {
    const ending = text.length === 0 || text.endsWith('\n') ? '' : eol;
    edit = { start: text.length, end: text.length, newText: `${ending}${eol}[env]${eol}  ${entry}${eol}` };
    line = positions.lineCount + (ending ? 2 : 1);
  }
  const after = applyEdit(text, edit);
  const diffs = leafDiffs(before, parseOrRefuse(file, after));
  const ok = diffs.length >= 1 && diffs.every((d) => d.path[0] === 'env') && ((parseToml(after) as { env?: Record<string, unknown> }).env?.[name] === value);
  if (!ok) throw new ChangeRefusal('not-patchable', `Adding ${name} to ${file} would not read back as written: nothing was changed.`, true);
  return { file, before: text, after, edit, path: `env.${name}`, line };
}

function renderToml(token: string, value: string, type: LiteralType): string {
  if (token.startsWith("'") && !value.includes("'")) return `'${value}'`;
  if (token.startsWith('"') || token.startsWith("'")) return JSON.stringify(value);
  if (type === 'number') {
    if (!TOML_NUMBER.test(value)) throw new ChangeRefusal('invalid-value', `${value} is not a number.`);
    return value;
  }
  return TOML_NUMBER.test(value) || /^(true|false)$/.test(value) ? value : JSON.stringify(value);
}

function parseOrRefuse(file: string, text: string): unknown {
  try {
    return parseToml(text);
  } catch (e) {
    throw new ChangeRefusal('not-patchable', `${file} is not valid TOML (${(e as Error).message.split('\n')[0]}): nothing was changed.`);
  }
}
