import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { objectProps } from './javascriptRoutes';
import { NAMED_PART, type RouteCollector } from './routeCollector';

/** A Feathers service's REST routes, by the service method that answers each (Feathers' REST transport). */
const REST: [method: string, verb: string, id: boolean][] = [
  ['find', 'GET', false],
  ['get', 'GET', true],
  ['create', 'POST', false],
  ['update', 'PUT', true],
  ['patch', 'PATCH', true],
  ['remove', 'DELETE', true],
];

/** Modules of Feathers itself or of its database adapters (`@feathersjs/knex`, `feathers-mongoose`, `feathers-sequelize`). */
const FEATHERS = /['"](?:@feathersjs\/|feathers-)[\w-]+['"]/;

/**
 * Feathers services: `app.use('messages', new MessageService(options), { methods: [...] })`, also with the path a
 * constant of another module (`app.use(messagePath, …)`, as the v5 generator writes it) or an adapter's service
 * (`app.use('/users', createService({ Model }))` where the factory comes from `feathers-sequelize`…). Each standard
 * method is a REST route: `find` GET /messages, `get` GET /messages/:__feathersId (the id parameter as Feathers names
 * it for Express and Koa), `create` POST, `update` PUT, `patch` PATCH, `remove` DELETE; those the `methods` option
 * lists when it is a literal, else those a class of the module defines, else all six (an adapter's service has
 * them), or those a list named there has (`methods: messageMethods`, read where it is declared). A class of the workspace answers with its method of that name, followed by the join.
 */
export function findFeathersRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('.use(') || !s.memo('js.feathers', () => FEATHERS.test(s.text))) return;
  const factories = s.memo('js.feathersFactories', () => adapterFactories(s.text));
  for (const [i, call] of s.calls) {
    if (call.chain.length !== 2 || call.chain[1] !== 'use') continue;
    const args = s.argumentsOf(call);
    if (args.length < 2) continue;
    const service = args[1];
    const cls = service.type === 'new_expression' ? service.childForFieldName('constructor')?.text : undefined;
    const factory = service.type === 'call_expression' && factories.has(service.childForFieldName('function')?.text ?? '');
    if ((!cls || /Router$/.test(cls)) && !factory) continue;
    const path = pathOf(args[0]);
    if (path === undefined) continue;
    const listed = args[2]?.type === 'object' ? objectProps(args[2]).get('methods') : undefined;
    const methods = listed?.type === 'array' ? new Set(listed.namedChildren.flatMap((n) => (n ? (stringValue(n) ?? []) : []))) : cls ? definedMethods(s.text, cls) : undefined;
    // `methods: messageMethods`, a list declared in another module (the v5 generator's `*.shared.ts`): read in the join.
    const listedBy = listed?.type === 'identifier' || listed?.type === 'member_expression' ? listed.text : undefined;
    for (const [name, verb, id] of REST) {
      if (methods && !methods.has(name)) continue;
      c.add({
        method: verb,
        path: id ? `${path}/:__feathersId` : path,
        framework: 'feathers',
        declaration: s.rangeOf(i),
        ...(cls ? { handlerChain: [cls, name] } : {}),
        feathers: listedBy ? { method: name, listedBy } : { method: name },
        receiver: call.chain[0],
        at: i,
      });
    }
  }
}

/** `'messages'`, `'/users'` → `/messages`, `/users`; a name (`messagePath`) is read in the join. */
function pathOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = stringValue(node);
  if (value !== undefined) return '/' + value.replace(/^\/+|\/+$/g, '');
  if (node.type === 'identifier' || node.type === 'member_expression') return `/${NAMED_PART}${node.text}${NAMED_PART}`;
  return undefined;
}

/** Names a module gives a database adapter's service factory: `const createService = require('feathers-mongoose')`, `import { service } from 'feathers-knex'`. */
function adapterFactories(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*['"](?:feathers-[\w-]+|@feathersjs\/(?:knex|mongodb|memory))['"]\s*\)/g)) out.add(m[1]);
  for (const m of text.matchAll(/\bimport\s+(?:([\w$]+)|\{([^}]*)\})\s+from\s+['"](?:feathers-[\w-]+|@feathersjs\/(?:knex|mongodb|memory))['"]/g)) {
    if (m[1]) out.add(m[1]);
    for (const part of (m[2] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name && /^[a-z]/.test(name)) out.add(name);
    }
  }
  return out;
}

/** The standard methods a class of this module defines (`class Messages { async find(params) {…} }`); undefined when it is not here. */
function definedMethods(text: string, cls: string): Set<string> | undefined {
  const at = new RegExp(`\\bclass\\s+${cls.replace(/\$/g, '\\$')}\\b[^{]*\\{`).exec(text);
  if (!at) return undefined;
  const out = new Set<string>();
  const end = text.slice(at.index + at[0].length).search(/^(?:export\s+)?(?:default\s+)?class\s/m);
  const body = text.slice(at.index, end < 0 ? undefined : at.index + at[0].length + end);
  for (const m of body.matchAll(/^\s*(?:async\s+)?(find|get|create|update|patch|remove)\s*\(/gm)) out.add(m[1]);
  return out;
}
