import { Language, Parser, type Node as TsNode } from '@vscode/tree-sitter-wasm';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initTreeSitter } from '../code/treeSitter';
import type { RecipeProblem } from '../model/environment';
import type { SourceLocation } from '../model/location';

/** An HCL expression, kept as a tree so `var.*`, `local.*` and resource references can be resolved later. */
export type HclExpr = { location: SourceLocation } & (
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'template'; parts: (string | HclExpr)[] }
  | { kind: 'ref'; path: string[] }
  | { kind: 'tuple'; items: HclExpr[] }
  | { kind: 'object'; entries: [string, HclExpr][] }
  | { kind: 'call'; name: string; args: HclExpr[] }
  | { kind: 'unknown' }
);

export interface HclBlock {
  type: string;
  labels: string[];
  location: SourceLocation;
  attributes: Record<string, HclExpr>;
  blocks: HclBlock[];
}

export interface HclFile {
  blocks: HclBlock[];
  /** Top-level attributes (what a `.tfvars` file holds). */
  attributes: Record<string, HclExpr>;
  problems: RecipeProblem[];
}

const MAX_DEPTH = 64;

/**
 * Terraform's HCL, parsed with the tree-sitter grammar from @tree-sitter-grammars/tree-sitter-hcl on the runtime the
 * code grammars use (ABI 14 loads there). tree-sitter recovers from errors, so a broken block is one problem at its
 * line and the rest of the file is still read.
 */
export class HclParser {
  private static shared: Promise<HclParser | undefined> | undefined;

  private constructor(private readonly parser: Parser) {}

  /** The parser, loaded once; undefined (never a throw) when the grammar cannot be loaded. */
  static load(): Promise<HclParser | undefined> {
    HclParser.shared ??= (async () => {
      try {
        const { runtimeDir, grammar } = wasmLocations();
        await initTreeSitter(runtimeDir);
        const language = await Language.load(grammar);
        const parser = new Parser();
        parser.setLanguage(language);
        return new HclParser(parser);
      } catch {
        HclParser.shared = undefined;
        return undefined;
      }
    })();
    return HclParser.shared;
  }

  parse(file: string, text: string): HclFile {
    const tree = this.parser.parse(text);
    const out: HclFile = { blocks: [], attributes: {}, problems: [] };
    if (!tree) return out;
    try {
      const body = tree.rootNode.namedChildren.find((c) => c?.type === 'body');
      if (body) readBody(file, body, out.attributes, out.blocks, 0);
      if (tree.rootNode.hasError) {
        const bad = firstError(tree.rootNode);
        const loc = bad ? at(file, bad) : { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
        out.problems.push({ location: loc, message: `Invalid HCL${bad?.isMissing ? `: missing ${bad.type}` : ''}: this block could not be read` });
      }
    } finally {
      tree.delete();
    }
    return out;
  }
}

function wasmLocations(): { runtimeDir: string; grammar: string } {
  // Bundled (extension, CLI): dist/wasm beside the bundle. From source (tests): the packages' own folders.
  const beside = join(__dirname, 'wasm');
  if (existsSync(join(beside, 'tree-sitter-terraform.wasm')) && existsSync(join(beside, 'tree-sitter.wasm'))) {
    return { runtimeDir: beside, grammar: join(beside, 'tree-sitter-terraform.wasm') };
  }
  return {
    runtimeDir: join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm'),
    grammar: join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm'),
  };
}

function readBody(file: string, body: TsNode, attributes: Record<string, HclExpr>, blocks: HclBlock[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const child of body.namedChildren) {
    if (!child || child.hasError) continue;
    if (child.type === 'attribute') {
      const name = child.namedChildren[0];
      const expr = child.namedChildren[1];
      if (name && expr) attributes[name.text] = expression(file, expr, depth + 1);
    } else if (child.type === 'block') {
      const kids = child.namedChildren.filter((k): k is TsNode => !!k);
      const type = kids[0]?.text ?? '';
      const labels = kids.filter((k) => k.type === 'string_lit' || (k.type === 'identifier' && k !== kids[0])).map((k) => stringText(k));
      const block: HclBlock = { type, labels, location: at(file, kids[0] ?? child), attributes: {}, blocks: [] };
      const inner = kids.find((k) => k.type === 'body');
      if (inner) readBody(file, inner, block.attributes, block.blocks, depth + 1);
      blocks.push(block);
    }
  }
}

function expression(file: string, node: TsNode, depth: number): HclExpr {
  const location = at(file, node);
  if (depth > MAX_DEPTH) return { kind: 'unknown', location };
  const kids = node.namedChildren.filter((k): k is TsNode => !!k);
  switch (node.type) {
    case 'expression': {
      // `var.x.y`: a variable_expr followed by get_attr siblings.
      if (kids[0]?.type === 'variable_expr') {
        const path = [kids[0].text];
        for (const k of kids.slice(1)) {
          if (k.type === 'get_attr') path.push(k.namedChildren[0]?.text ?? '');
          else if (k.type === 'index') path.push('[]');
          else return { kind: 'unknown', location };
        }
        return { kind: 'ref', path, location };
      }
      return kids.length === 1 ? expression(file, kids[0], depth + 1) : { kind: 'unknown', location };
    }
    case 'literal_value':
      return kids[0] ? expression(file, kids[0], depth + 1) : { kind: 'unknown', location };
    case 'numeric_lit':
      return { kind: 'literal', value: Number(node.text), location };
    case 'bool_lit':
      return { kind: 'literal', value: node.text === 'true', location };
    case 'null_lit':
      return { kind: 'literal', value: null, location };
    case 'string_lit':
      return { kind: 'literal', value: stringText(node), location };
    case 'template_expr':
      return kids[0] ? expression(file, kids[0], depth + 1) : { kind: 'unknown', location };
    case 'quoted_template':
    case 'heredoc_template': {
      const parts: (string | HclExpr)[] = [];
      for (const k of kids) {
        if (k.type === 'template_literal') parts.push(unescape(k.text));
        else if (k.type === 'template_interpolation') {
          const e = k.namedChildren.find((c) => c?.type === 'expression');
          parts.push(e ? expression(file, e, depth + 1) : { kind: 'unknown', location: at(file, k) });
        } else if (k.type === 'template_directive') return { kind: 'unknown', location };
      }
      if (node.type === 'heredoc_template' && parts.every((p) => typeof p === 'string')) return { kind: 'literal', value: (parts as string[]).join(''), location };
      return { kind: 'template', parts, location };
    }
    case 'collection_value':
      return kids[0] ? expression(file, kids[0], depth + 1) : { kind: 'unknown', location };
    case 'tuple':
      return { kind: 'tuple', items: kids.filter((k) => k.type === 'expression').map((k) => expression(file, k, depth + 1)), location };
    case 'object': {
      const entries: [string, HclExpr][] = [];
      for (const el of kids) {
        if (el.type !== 'object_elem') continue;
        const key = el.childForFieldName('key');
        const val = el.childForFieldName('val');
        if (!key || !val) continue;
        const k = expression(file, key, depth + 1);
        const name = k.kind === 'literal' ? String(k.value) : k.kind === 'ref' && k.path.length === 1 ? k.path[0] : undefined;
        if (name !== undefined) entries.push([name, expression(file, val, depth + 1)]);
      }
      return { kind: 'object', entries, location };
    }
    case 'function_call': {
      const name = kids[0]?.text ?? '';
      const args = kids.find((k) => k.type === 'function_arguments')?.namedChildren.filter((k): k is TsNode => k?.type === 'expression') ?? [];
      return { kind: 'call', name, args: args.map((a) => expression(file, a, depth + 1)), location };
    }
    case 'operation': {
      // A negative number is the only operation worth evaluating here.
      const u = kids[0];
      if (u?.type === 'unary_operation' && u.text.trim().startsWith('-')) {
        const inner = u.namedChildren.find((c) => !!c);
        const e = inner ? expression(file, inner, depth + 1) : undefined;
        if (e?.kind === 'literal' && typeof e.value === 'number') return { kind: 'literal', value: -e.value, location };
      }
      return { kind: 'unknown', location };
    }
    default:
      return { kind: 'unknown', location };
  }
}

function stringText(node: TsNode): string {
  if (node.type !== 'string_lit') return node.text;
  return unescape(
    node.namedChildren
      .filter((k) => k?.type === 'template_literal')
      .map((k) => k!.text)
      .join(''),
  );
}

function unescape(s: string): string {
  return s.replace(/\\(["\\nrt])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c as 'n'] ?? c);
}

function firstError(node: TsNode): TsNode | undefined {
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const c of node.children) {
    if (c && (c.hasError || c.isMissing || c.type === 'ERROR')) {
      const found = firstError(c);
      if (found) return found;
    }
  }
  return undefined;
}

function at(file: string, node: TsNode): SourceLocation {
  return {
    file,
    range: {
      start: { line: node.startPosition.row, character: node.startPosition.column },
      end: { line: node.endPosition.row, character: node.endPosition.column },
    },
  };
}
