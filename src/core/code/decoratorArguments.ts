import type { Node } from '@vscode/tree-sitter-wasm';
import type { HandedArgument } from './codeModel';

/**
 * Python: a decorator factory handed functions by name, privacyIDEA's `@prepolicy(check_token_action, request,
 * action="enable")` on 284 Flask views: the wrapper the factory makes calls the function it was given, so that function
 * runs on the view's routes. These are the arguments of the decorator's call that are bare names (by position, or a
 * keyword's name); the join keeps only those that name functions and that the factory's wrapper calls (calledParams).
 */
export function handedNames(decorator: Node): HandedArgument[] | undefined {
  const call = decorator.namedChildren.find((c) => c?.type === 'call');
  const args = call?.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  let out: HandedArgument[] | undefined;
  let position = 0;
  for (const a of args.namedChildren) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (name && value?.type === 'identifier') (out ??= []).push({ at: name, name: value.text });
      continue;
    }
    // (After `*args` the positions are not known.)
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') break;
    if (a.type === 'identifier') (out ??= []).push({ at: position, name: a.text });
    position++;
  }
  return out;
}

/** A Python function's positional parameters by name (after a method's `self`), as callers pass them. */
function parameterNames(fn: Node, isMethod: boolean): string[] {
  const names: string[] = [];
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern' || p.type === 'keyword_separator') break;
    const name = p.type === 'identifier' ? p.text : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier'))?.text;
    names.push(name ?? '');
  }
  if (isMethod && (names[0] === 'self' || names[0] === 'cls')) names.shift();
  return names;
}

/** The functions written inside `node` (at any depth), not `node` itself. */
function nestedFunctions(node: Node, out: Node[] = []): Node[] {
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'function_definition') out.push(c);
    nestedFunctions(c, out);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The parameters (position and name) of a decorator factory that a wrapper written inside it calls: the function form,
 * `def prepolicy_fn(function, action=None): def decorator(view): def wrapper(*a, **kw): function(…)`, or the class
 * form's `__init__(self, function, request, action=None)` with `self.function = function` and a wrapper written in a
 * method of the class (privacyIDEA's `__call__`'s `policy_wrapper`) calling `self.function(…)`. A call made by the
 * factory's own body runs once, at import, and does not count.
 */
export function calledParams(fn: Node, text: string, isCodeAt: (offset: number) => boolean): { at: number; name: string }[] | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const init = fn.childForFieldName('name')?.text === '__init__';
  const names = parameterNames(fn, init);
  if (!names.some(Boolean)) return undefined;
  const bodyText = text.slice(body.startIndex, body.endIndex);
  let cls: Node | null = null;
  if (init) {
    cls = fn.parent;
    while (cls && cls.type !== 'class_definition') cls = cls.parent;
    if (!cls) return undefined;
  } else if (!/\bdef\s/.test(bodyText)) return undefined;
  // A call found in a wrapper: a function written inside the factory, or inside a method of the class.
  // (Walked only once a call of that name is seen in the text: most functions are no factory.)
  const scope = init ? cls! : body;
  let wrappers: Node[] | undefined;
  const calledIn = (pattern: RegExp) =>
    new RegExp(pattern.source).test(text.slice(scope.startIndex, scope.endIndex)) &&
    (wrappers ??= init ? nestedFunctions(scope).filter((w) => nestedFunctionParent(w) !== cls) : nestedFunctions(scope)).some((w) => {
      for (const m of text.slice(w.startIndex, w.endIndex).matchAll(pattern)) if (isCodeAt(w.startIndex + m.index!)) return true;
      return false;
    });
  let out: { at: number; name: string }[] | undefined;
  names.forEach((name, at) => {
    if (!name) return;
    if (init) {
      // `self.function = function`: the attribute a wrapper calls it by.
      const stored = [...bodyText.matchAll(new RegExp(`\\bself\\.(\\w+)\\s*=\\s*${escape(name)}[ \\t]*(?:#.*)?$`, 'gm'))].map((m) => m[1]);
      if (!stored.some((attr) => calledIn(new RegExp(`\\bself\\.${escape(attr)}\\s*\\(`, 'g')))) return;
    } else if (!calledIn(new RegExp(`(?<![\\w.])${escape(name)}\\s*\\(`, 'g'))) return;
    (out ??= []).push({ at, name });
  });
  return out;
}

/** The nearest function or class a function is written in. */
function nestedFunctionParent(fn: Node): Node | null {
  let p = fn.parent;
  while (p && p.type !== 'function_definition' && p.type !== 'class_definition') p = p.parent;
  return p;
}
