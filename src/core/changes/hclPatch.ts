import { posix } from 'node:path';
import type { Position } from '../model/location';
import { HclParser, type HclFile } from '../recipes/hcl';
import { ChangeRefusal } from './changeTypes';
import type { LiteralType, RecipePatch } from './patchTypes';
import { dottedPath, leafDiffs } from './structuralDiff';
import { applyEdit, TextPositions, type TextEdit } from './textPositions';

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const STRING = /^"(?:[^"\\\n]|\\.)*"/;
const VAR = /^var\.([A-Za-z_][\w-]*)(?![\w.[])/;

export interface HclPatchContext {
  readText(file: string): Promise<string>;
  /**
   * The `.tfvars` files that set variables for the chosen environment, most specific first (`env/prod.tfvars`, then
   * `terraform.tfvars`): a value given as `var.x` is changed where that environment sets it.
   */
  tfvars: string[];
  /** The environment's own `.tfvars` (`env/staging.tfvars`), where a variable it does not set yet is added. */
  ownTfvars?: string;
}

/**
 * Sets a Terraform literal at `at`, replacing only its characters (quotes kept). A `var.x` is followed to the `.tfvars`
 * file that sets it for the environment (or added to that environment's own file); anything computed (locals,
 * functions, templates) is refused with the reason. Both versions are parsed: exactly the one value may differ.
 */
export async function patchHclValue(file: string, text: string, at: Position, value: string, type: LiteralType, ctx: HclPatchContext): Promise<RecipePatch> {
  const parser = await HclParser.load();
  if (!parser) throw new ChangeRefusal('not-patchable', 'The Terraform grammar could not be loaded, so Terraform recipes cannot be patched safely here. Ask for it as a free-text request.', true);
  const positions = new TextPositions(text);
  const rest = positions.lineText(at.line).slice(at.character);
  const variable = VAR.exec(rest) ?? /^"\$\{var\.([A-Za-z_][\w-]*)\}"/.exec(rest);
  if (variable) return patchVariable(file, at, variable[1], value, type, ctx, parser);
  const token = NUMBER.exec(rest)?.[0] ?? STRING.exec(rest)?.[0];
  const where = `${file}:${at.line + 1}`;
  // The model follows `var.x` and `local.x` to the literal: a variable's default or a local is shared, not this
  // environment's own value.
  const enclosing = enclosingBlock(positions, at);
  if (enclosing?.type === 'variable' && enclosing.label && /^\s*default\s*=/.test(positions.lineText(at.line))) {
    return patchVariable(file, at, enclosing.label, value, type, ctx, parser, true);
  }
  if (enclosing?.type === 'locals') {
    const name = /^\s*([\w-]+)\s*=/.exec(positions.lineText(at.line))?.[1] ?? 'a local';
    throw new ChangeRefusal('not-patchable', `The value at ${where} is local.${name}, which the whole module shares: Ops Lens cannot change it for one environment. Ask for it as a free-text request.`, true);
  }
  if (!token || (token.startsWith('"') && /\$\{|%\{/.test(token))) {
    const what = /^local\./.test(rest) ? `a local value (${/^local\.[\w-]+/.exec(rest)?.[0]}) that other resources may share` : 'an expression, not a literal';
    throw new ChangeRefusal('not-patchable', `The value at ${where} is ${what}: Ops Lens cannot patch it without changing what else depends on it. Ask for it as a free-text request.`, true);
  }
  const rendered = renderHcl(token, value, type);
  const start = positions.offsetAt(at);
  const edit: TextEdit = { start, end: start + token.length, newText: rendered };
  const after = applyEdit(text, edit);
  const tree = plain(parser.parse(file, text));
  const diffs = leafDiffs(tree, plain(parser.parse(file, after)));
  const expected = rendered.startsWith('"') ? value : Number(value);
  const only = diffs.length === 1 ? diffs[0] : undefined;
  if (!only || only.after !== expected || parser.parse(file, after).problems.length > parser.parse(file, text).problems.length) {
    throw new ChangeRefusal('not-patchable', `Writing ${value} at ${where} would change more than that value: nothing was changed.`, true);
  }
  return { file, before: text, after, edit, path: hclPath(tree, only.path), line: at.line };
}

async function patchVariable(file: string, at: Position, name: string, value: string, type: LiteralType, ctx: HclPatchContext, parser: HclParser, atDefault = false): Promise<RecipePatch> {
  for (const tfvars of ctx.tfvars) {
    let text: string;
    try {
      text = await ctx.readText(tfvars);
    } catch {
      continue;
    }
    const attr = parser.parse(tfvars, text).attributes[name];
    if (!attr) continue;
    const patch = await patchHclValue(tfvars, text, attr.location.range.start, value, type, { readText: ctx.readText, tfvars: [] });
    return { ...patch, note: `${file}:${at.line + 1} reads var.${name}; this environment sets it in ${tfvars}.` };
  }
  const own = ctx.ownTfvars;
  if (own) {
    let text: string | undefined;
    try {
      text = await ctx.readText(own);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      // The environment's own variables file does not set it yet (it used the default): add it there only.
      const positions = new TextPositions(text);
      const ending = text.length === 0 || text.endsWith('\n') ? '' : positions.eol;
      const literal = type !== 'string' && NUMBER.exec(value)?.[0] === value ? value : JSON.stringify(value);
      const edit: TextEdit = { start: text.length, end: text.length, newText: `${ending}${name} = ${literal}${positions.eol}` };
      const after = applyEdit(text, edit);
      const parsed = parser.parse(own, after);
      const added = parsed.attributes[name];
      if (parsed.problems.length === 0 && added?.kind === 'literal' && String(added.value) === value) {
        return { file: own, before: text, after, edit, path: name, line: positions.lineCount - (ending ? 0 : 1), note: `${file}:${at.line + 1} reads var.${name}, which ${own} did not set (the default applied): it is added there.` };
      }
    }
  }
  throw new ChangeRefusal(
    'not-patchable',
    atDefault
      ? `The value at ${file}:${at.line + 1} is the default of var.${name}, and this environment has no .tfvars file of its own to set it in: changing the default would change every environment that does not set it. Ask for it as a free-text request, or choose the environment whose .tfvars sets it.`
      : `The value at ${file}:${at.line + 1} comes from var.${name}, and no .tfvars file of this environment sets it: changing its default would change every environment. Ask for it as a free-text request, or choose the environment whose .tfvars sets it.`,
    true,
  );
}

function renderHcl(token: string, value: string, type: LiteralType): string {
  if (token.startsWith('"')) return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  if (NUMBER.test(value) && NUMBER.exec(value)![0] === value) return value;
  if (type === 'number') throw new ChangeRefusal('invalid-value', `${value} is not a number.`);
  return JSON.stringify(value);
}

/** The parsed file without positions, so two versions compare by content. */
function plain(file: HclFile): unknown {
  return strip({ attributes: file.attributes, blocks: file.blocks });
}

function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'location') out[k] = strip(x);
    return out;
  }
  return v;
}

/** `blocks[2].blocks[0].attributes.cpu.value` → `resource.aws_ecs_task_definition.api.cpu`, as people name it. */
function hclPath(tree: unknown, path: (string | number)[]): string {
  const names: string[] = [];
  let node = tree as { blocks?: { type: string; labels: string[] }[] } | undefined;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === 'blocks' && typeof path[i + 1] === 'number') {
      const block = node?.blocks?.[path[i + 1] as number];
      if (block) names.push([block.type, ...block.labels].join('.'));
      node = block as typeof node;
      i++;
    } else if (path[i] === 'attributes' && typeof path[i + 1] === 'string') {
      names.push(String(path[i + 1]));
      break;
    }
  }
  return names.length ? names.join('.') : dottedPath(path);
}

/**
 * The variables files of a Terraform folder for an environment, most specific first: `<env>.tfvars` in the folder or
 * its `env/`, `envs/`, `environments/`, `vars/`, `tfvars/` subfolder, then `terraform.tfvars` and `*.auto.tfvars`.
 * The first is the environment's own only when its name matches (the default environment has none of its own).
 */
export function tfvarsFor(files: readonly string[], tfDir: string, environment?: string): { own?: string; all: string[] } {
  const dir = tfDir === '.' ? '' : `${tfDir}/`;
  const always = files.filter((f) => f.startsWith(dir) && /^(terraform\.tfvars|[^/]+\.auto\.tfvars)$/.test(f.slice(dir.length)));
  const own = environment
    ? files.find((f) => f.startsWith(dir) && new RegExp(`^((envs?|environments|vars|tfvars)/)?${escape(environment)}\\.tfvars$`).test(f.slice(dir.length)))
    : undefined;
  return { own, all: [...(own ? [own] : []), ...always] };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The block around a position (`variable "api_cpu" {`, `locals {`), by counting braces outside strings and comments. */
function enclosingBlock(positions: TextPositions, at: Position): { type: string; label?: string } | undefined {
  const stack: { type: string; label?: string }[] = [];
  for (let l = 0; l <= at.line && l < positions.lineCount; l++) {
    let line = positions.lineText(l);
    if (l === at.line) line = line.slice(0, at.character);
    const code = line.replace(/"(?:[^"\\]|\\.)*"/g, (m) => (/^"[\w-]+"$/.test(m) ? m : '""')).replace(/(#|\/\/).*$/, '');
    for (let i = 0; i < code.length; i++) {
      if (code[i] === '{') {
        const head = /^\s*([\w-]+)(?:\s+"([^"]*)")?/.exec(code.slice(0, i));
        stack.push({ type: head?.[1] ?? '', label: head?.[2] });
      } else if (code[i] === '}') {
        stack.pop();
      }
    }
  }
  return stack[0];
}
