import type { Node, Tree } from '@vscode/tree-sitter-wasm';

/**
 * Java overloads of one arity told apart by the types of the arguments: jshERP's `UserService` has `getUser(long id)`
 * and `getUser(HttpServletRequest request)`, and `getUser(userId)` with `Long userId` runs the first only (the second's
 * unbounded `selectByExample` is not on the 76 routes that look a user up by id). Only what a call plainly says is
 * typed: a literal, `new X(…)`, a cast, or a name the enclosing method, its blocks or its class declare with a type;
 * anything else ('') fits every parameter.
 */

/** A declared type as compared: no package, no type arguments (`java.util.List<String>` → `List`); '' when unknown. */
export function javaTypeName(text: string | undefined): string {
  if (!text) return '';
  const bare = text.replace(/<[^]*>/g, '').replace(/\s+/g, '').replace(/\.\.\.$/, '[]');
  const name = bare.slice(bare.lastIndexOf('.') + 1);
  // `var` says nothing; `T`, `ID`: a type parameter, anything.
  return name === 'var' || /^[A-Z][A-Z0-9]?$/.test(name) || !/^[A-Za-z_$][\w$]*(\[\])*$/.test(name) ? '' : name;
}

/** The declared types of a method's parameters, in order ('' unknown), or undefined when none is known. */
export function javaParameterTypes(method: Node): string[] | undefined {
  const params = method.childForFieldName('parameters')?.namedChildren.filter((p): p is Node => p?.type === 'formal_parameter') ?? [];
  const types = params.map((p) => javaTypeName(p.childForFieldName('type')?.text) + (p.childForFieldName('dimensions')?.text.replace(/\s+/g, '') ?? ''));
  return types.some((t) => t) ? types : undefined;
}

/** The types of a call's arguments, in order ('' unknown), or undefined when none is known. */
export function javaArgumentTypes(args: Node[]): string[] | undefined {
  const types = args.map(argumentType);
  return types.some((t) => t) ? types : undefined;
}

function argumentType(arg: Node): string {
  switch (arg.type) {
    case 'decimal_integer_literal':
    case 'hex_integer_literal':
    case 'octal_integer_literal':
    case 'binary_integer_literal':
      return /[lL]$/.test(arg.text) ? 'long' : 'int';
    case 'decimal_floating_point_literal':
    case 'hex_floating_point_literal':
      return /[fF]$/.test(arg.text) ? 'float' : 'double';
    case 'string_literal':
    case 'text_block':
      return 'String';
    case 'character_literal':
      return 'char';
    case 'true':
    case 'false':
      return 'boolean';
    case 'object_creation_expression':
    case 'cast_expression':
      return javaTypeName(arg.childForFieldName('type')?.text);
    case 'parenthesized_expression':
      return arg.namedChildren[0] ? argumentType(arg.namedChildren[0]) : '';
    case 'identifier':
      return declaredTypeOf(arg, arg.text);
    default:
      return '';
  }
}

/**
 * The type the nearest declaration of `name` in scope at `at` gives it: a local declared before it in an enclosing
 * block, a parameter of an enclosing method or lambda, an enhanced for's variable, a field of an enclosing class. ''
 * when the declaration found says no type (`var`, a lambda's bare parameter, a catch's) or there is none.
 */
function declaredTypeOf(at: Node, name: string): string {
  for (let child = at, node = at.parent; node; child = node, node = node.parent) {
    switch (node.type) {
      case 'block':
      case 'constructor_body':
      case 'switch_block_statement_group':
        {
          const found = declaredIn(node, 'local_variable_declaration', name, child.startIndex);
          if (found !== undefined) return found;
        }
        break;
      case 'for_statement': {
        const init = node.childForFieldName('init');
        const found = init?.type === 'local_variable_declaration' ? declaratorType(init, name) : undefined;
        if (found !== undefined) return found;
        break;
      }
      case 'enhanced_for_statement':
        if (node.childForFieldName('name')?.text === name) return javaTypeName(node.childForFieldName('type')?.text);
        break;
      case 'catch_clause':
        if (node.namedChildren.some((c) => c?.type === 'catch_formal_parameter' && c.childForFieldName('name')?.text === name)) return '';
        break;
      case 'try_with_resources_statement':
        for (const r of node.childForFieldName('resources')?.namedChildren ?? []) if (r?.childForFieldName('name')?.text === name) return javaTypeName(r.childForFieldName('type')?.text);
        break;
      case 'lambda_expression': {
        const params = node.childForFieldName('parameters');
        if (params?.type === 'identifier') {
          if (params.text === name) return '';
        } else {
          for (const p of params?.namedChildren ?? []) {
            if (p?.type === 'identifier' && p.text === name) return '';
            if (p?.type === 'formal_parameter' && p.childForFieldName('name')?.text === name) return javaTypeName(p.childForFieldName('type')?.text);
          }
        }
        break;
      }
      case 'method_declaration':
      case 'constructor_declaration':
        for (const p of node.childForFieldName('parameters')?.namedChildren ?? []) {
          if (p?.childForFieldName('name')?.text !== name) continue;
          return p.type === 'formal_parameter' ? javaTypeName(p.childForFieldName('type')?.text) + (p.childForFieldName('dimensions')?.text.replace(/\s+/g, '') ?? '') : '';
        }
        break;
      case 'class_body':
      case 'enum_body':
        {
          const found = declaredIn(node, 'field_declaration', name, Infinity);
          if (found !== undefined) return found;
        }
        break;
    }
  }
  return '';
}

/**
 * The type the first declaration of `name` among a block's (or a class body's) statements before `before` gives it.
 * Each block's declarations are read once per tree: every call's arguments ask of the blocks around them, and reading
 * the statements again for each made a 2,000-line method take seconds.
 */
function declaredIn(block: Node, kind: string, name: string, before: number): string | undefined {
  let perTree = DECLARATIONS.get(block.tree);
  if (!perTree) DECLARATIONS.set(block.tree, (perTree = new Map()));
  let names = perTree.get(block.id);
  if (!names) {
    names = new Map();
    for (const statement of block.namedChildren) {
      if (statement?.type !== kind) continue;
      for (const d of statement.childrenForFieldName('declarator')) {
        const declared = d?.childForFieldName('name')?.text;
        if (declared && !names.has(declared)) names.set(declared, { at: statement.startIndex, type: declaratorType(statement, declared)! });
      }
    }
    perTree.set(block.id, names);
  }
  const found = names.get(name);
  return found && found.at < before ? found.type : undefined;
}

const DECLARATIONS = new WeakMap<Tree, Map<number, Map<string, { at: number; type: string }>>>();

/** The type a declaration (`Long a = …, b;`) gives `name`, if it declares it (an array declarator's `int a[]` too). */
function declaratorType(declaration: Node, name: string): string | undefined {
  for (const d of declaration.childrenForFieldName('declarator')) {
    if (d?.childForFieldName('name')?.text !== name) continue;
    const type = javaTypeName(declaration.childForFieldName('type')?.text);
    return type && type + (d.childForFieldName('dimensions')?.text.replace(/\s+/g, '') ?? '');
  }
  return undefined;
}

const BOXED: Record<string, string> = { Byte: 'byte', Short: 'short', Character: 'char', Integer: 'int', Long: 'long', Float: 'float', Double: 'double', Boolean: 'boolean' };
const PRIMITIVE = new Set(Object.values(BOXED));
/** What a primitive widens to (JLS 5.1.2). */
const WIDENS: Record<string, string[]> = {
  byte: ['short', 'int', 'long', 'float', 'double'],
  short: ['int', 'long', 'float', 'double'],
  char: ['int', 'long', 'float', 'double'],
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  double: [],
  boolean: [],
};
/** The types a boxed value or a String also is. */
const VALUE_SUPERTYPES = new Set(['Object', 'Number', 'Serializable', 'Comparable', 'CharSequence', 'Constable']);

/** A primitive, its box or a String: final types, so an argument of another class cannot be one. */
function isValueType(type: string): boolean {
  return PRIMITIVE.has(type) || type in BOXED || type === 'String';
}

/**
 * Whether an argument of type `arg` can be given to a parameter declared `param`. Only where one of them is a value
 * type (a primitive, its box, a String) is the answer no: of two other classes, which extends which is not known here.
 */
export function javaArgumentFits(arg: string, param: string): boolean {
  if (!arg || !param || arg === param) return true;
  const argValue = isValueType(arg);
  const paramValue = isValueType(param);
  if (!argValue && !paramValue) return true;
  if (!argValue || !paramValue) return VALUE_SUPERTYPES.has(argValue ? param : arg);
  if (arg === 'String' || param === 'String') return false;
  const from = BOXED[arg] ?? arg;
  // A box takes only its own primitive (`Long id` is given no `int`); a primitive takes what widens to it, unboxed first.
  if (param in BOXED) return from === BOXED[param];
  return from === param || WIDENS[from].includes(param);
}

/** Whether a call with these argument types can run a method with those parameter types (either unknown: yes). */
export function javaArgumentsFit(args: string[] | undefined, params: string[] | undefined): boolean {
  if (!args || !params || args.length !== params.length) return true;
  return args.every((a, k) => javaArgumentFits(a, params[k]));
}
