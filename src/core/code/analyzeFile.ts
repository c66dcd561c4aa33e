import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../model/location';
import { containsPosition } from '../model/location';
import type { FileAnalysis, Hazard, RouteHandler, RouteKey } from './codeModel';
import type { CallCatalogue, LanguageFamily } from './hazards/callCatalogue';
import { findLoopHazards, type IndirectEffect } from './hazards/loopHazards';
import { findJavaScriptRoutes } from './routes/javascriptRoutes';
import { findPythonRoutes } from './routes/pythonRoutes';
import { descendants, memberChain, rangeOf } from './syntax';
import type { LanguageId } from './treeSitter';

const FAMILY: Record<LanguageId, LanguageFamily> = {
  typescript: 'js',
  tsx: 'js',
  javascript: 'js',
  python: 'python',
  go: 'go',
  java: 'java',
};

/** Tests exercise code paths on purpose: hazards there are not production load. */
export function isTestFile(file: string): boolean {
  return /(^|\/)(tests?|__tests__|spec|e2e)\//.test(file) || /(\.|_)(test|spec)\.[a-z]+$/.test(file) || /(^|\/)test_[^/]+\.py$/.test(file);
}

/** How many calls deep a hazard is followed from a handler into functions of the same file. */
const CALL_DEPTH = 2;

export function analyzeTree(file: string, language: LanguageId, tree: Tree, catalogue: CallCatalogue): FileAnalysis {
  const family = FAMILY[language];
  const root = tree.rootNode;
  const routes =
    family === 'js' ? findJavaScriptRoutes(file, tree) : family === 'python' ? findPythonRoutes(file, tree) : [];
  const functions = functionNodes(root, family);
  const hazards = isTestFile(file)
    ? []
    : findLoopHazards(file, root, family, catalogue, indirectEffects(functions, family, catalogue));
  attachRoutes(hazards, routes, root, functions, family);
  return { file, language, routes, hazards };
}

/**
 * A hazard is on a route's request path when it is inside the handler, or inside a function of the same file
 * that the handler calls (up to CALL_DEPTH calls deep).
 */
function attachRoutes(
  hazards: Hazard[],
  routes: RouteHandler[],
  root: Node,
  functions: Map<string, Node>,
  family: LanguageFamily,
): void {
  if (hazards.length === 0 || routes.length === 0) return;
  for (const route of routes) {
    const reach: Range[] = [route.handler];
    let frontier: Range[] = [route.handler];
    for (let depth = 0; depth < CALL_DEPTH && frontier.length; depth++) {
      const next: Range[] = [];
      for (const range of frontier) {
        for (const name of calledNames(root, range, family)) {
          const node = functions.get(name);
          const fn = node ? rangeOf(node) : undefined;
          if (fn && !reach.some((r) => sameRange(r, fn))) {
            reach.push(fn);
            next.push(fn);
          }
        }
      }
      frontier = next;
    }
    const key: RouteKey = { method: route.method, path: route.path };
    for (const h of hazards) {
      if (reach.some((r) => containsPosition(r, h.range.start))) h.routes.push(key);
    }
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line;
}

/**
 * Same-file functions that query or call out (directly, or through one more same-file function):
 * calling one inside a loop multiplies that query just as writing it there would.
 */
function indirectEffects(functions: Map<string, Node>, family: LanguageFamily, catalogue: CallCatalogue) {
  const direct = new Map<string, IndirectEffect>();
  const calls = new Map<string, Set<string>>();
  const callType = family === 'python' ? 'call' : 'call_expression';
  for (const [name, fn] of functions) {
    const called = new Set<string>();
    for (const node of descendants(fn)) {
      if (node.type !== callType) continue;
      const chain = memberChain(node);
      const match = catalogue.match(chain, family);
      if (match && !direct.has(name)) direct.set(name, { callee: chain.join('.'), match });
      if (chain.length === 1) called.add(chain[0]);
      else if (chain.length === 2 && (chain[0] === 'this' || chain[0] === 'self')) called.add(chain[1]);
    }
    calls.set(name, called);
  }
  const effects = new Map(direct);
  for (const [name, called] of calls) {
    if (effects.has(name)) continue;
    for (const c of called) {
      const e = direct.get(c);
      if (e && c !== name) {
        effects.set(name, { callee: `${c} → ${e.callee}`, match: e.match });
        break;
      }
    }
  }
  return effects;
}

function functionNodes(root: Node, family: LanguageFamily): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const node of descendants(root)) {
    if (family === 'python' && node.type === 'function_definition') {
      const name = node.childForFieldName('name')?.text;
      if (name) out.set(name, node);
    } else if (family === 'js') {
      if (node.type === 'function_declaration' || node.type === 'method_definition') {
        const name = node.childForFieldName('name')?.text;
        if (name) out.set(name, node);
      } else if (node.type === 'variable_declarator') {
        const value = node.childForFieldName('value');
        const name = node.childForFieldName('name')?.text;
        if (name && value && ['arrow_function', 'function_expression', 'function'].includes(value.type)) {
          out.set(name, value);
        }
      }
    }
  }
  return out;
}

function calledNames(root: Node, range: Range, family: LanguageFamily): Set<string> {
  const names = new Set<string>();
  const callType = family === 'python' ? 'call' : 'call_expression';
  const start = { row: range.start.line, column: range.start.character };
  const end = { row: range.end.line, column: range.end.character };
  const scope = root.descendantForPosition(start, end) ?? root;
  for (const node of descendants(scope)) {
    if (node.type !== callType) continue;
    const fn = node.childForFieldName('function');
    if (fn?.type === 'identifier') names.add(fn.text);
    // `this.helper()` and `self.helper()` call methods of the same class.
    const prop = fn?.childForFieldName('property') ?? fn?.childForFieldName('attribute');
    const obj = fn?.childForFieldName('object');
    if (prop && (obj?.type === 'this' || obj?.text === 'self')) names.add(prop.text);
  }
  return names;
}
