import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { NAMED_PART } from './routeCollector';

/**
 * A string expression of Java as far as it can be read without running it: literals, `+` between them, and the
 * constants it names (`Paths.API + "/users"`, `ApiConstants.PathConstants.FETCH`), left as named parts
 * (routeCollector's NAMED_PART) that the join reads where they are declared. Anything else (a method call, a
 * ternary) is undefined: a path Ops Lens cannot know.
 */
export function javaStringExpression(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string_literal':
      // A text block (`"""…"""`) is not a path anyone writes; an escape is a regex's (`"{id: \\d+}"`).
      return node.text.startsWith('"""') ? undefined : stringValue(node)?.replace(/\\(.)/g, '$1');
    case 'identifier':
    case 'field_access':
      // `Paths.API`, not `this.prefix` nor `getPrefix().x`.
      return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(node.text) && !node.text.startsWith('this.') ? `${NAMED_PART}${node.text}${NAMED_PART}` : undefined;
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? javaStringExpression(node.namedChildren[0]) : undefined;
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.text !== '+') return undefined;
      const left = javaStringExpression(node.childForFieldName('left'));
      const right = left === undefined ? undefined : javaStringExpression(node.childForFieldName('right'));
      return right === undefined ? undefined : left! + right;
    }
    default:
      return undefined;
  }
}

/**
 * The `String` constants a Java file declares (`static final` fields of its classes, an interface's fields, nested
 * classes' too), for route paths named rather than written: `@RequestMapping(Constants.API_PREFIX + "/read")`. Each
 * is kept under its name, under its class's name and under its nesting from the top-level class
 * (`NAME`, `Inner.NAME`, `Outer.Inner.NAME`); a value naming another constant keeps it as a named part.
 */
export function javaStringConstants(text: string, tree: Tree): Record<string, string> | undefined {
  if (!text.includes('String')) return undefined;
  let out: Record<string, string> | undefined;
  const set = (key: string, value: string) => {
    out ??= Object.create(null) as Record<string, string>;
    if (!(key in out)) out[key] = value;
  };
  const visit = (declaration: Node, outer: string[], depth: number) => {
    const name = declaration.childForFieldName('name')?.text;
    const body = declaration.childForFieldName('body');
    if (!name || !body || depth > 3) return;
    const classes = [...outer, name];
    const inInterface = declaration.type === 'interface_declaration';
    for (const member of body.namedChildren) {
      if (!member) continue;
      if (member.type === 'class_declaration' || member.type === 'interface_declaration') {
        visit(member, classes, depth + 1);
        continue;
      }
      if (member.type !== 'field_declaration' && member.type !== 'constant_declaration') continue;
      if (member.childForFieldName('type')?.text !== 'String') continue;
      // A class's field is a constant only when `static final`; an interface's always is.
      const modifiers = member.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '';
      if (!inInterface && !(/\bstatic\b/.test(modifiers) && /\bfinal\b/.test(modifiers))) continue;
      for (const declarator of member.childrenForFieldName('declarator')) {
        const field = declarator?.childForFieldName('name')?.text;
        const value = javaStringExpression(declarator?.childForFieldName('value'));
        if (!field || value === undefined) continue;
        for (let k = classes.length; k >= 0; k--) set([...classes.slice(classes.length - k), field].join('.'), value);
      }
    }
  };
  for (const top of tree.rootNode.namedChildren) {
    if (top?.type === 'class_declaration' || top?.type === 'interface_declaration') visit(top, [], 0);
  }
  return out;
}
