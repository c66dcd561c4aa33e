import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { PluginHookFact } from '../codeModel';
import { calleeChain } from '../syntax';
import { hookType, objectProps } from './javascriptRoutes';

/**
 * Routers handed to the project's own plugin registry, and mounted where the registry's hooks of that type are read:
 * outline's plugins register `PluginManager.add([{ ...config, type: Hook.API, value: api }])` (or `value: { router,
 * id: config.id }`), and server/routes/api/index.ts mounts them with `PluginManager.getHooks(Hook.API).forEach((hook)
 * => router.use("/", hook.value.routes()))` (MountFact.hook). Each registration is one of an object `add` is given,
 * alone or in a list, with a `type` and a `value` that names something (or an object of such members, each kept with
 * its key): whether it is a router is for the join to find, where the hook is mounted. A registry is known by the
 * name it is called on (`PluginManager`) and the type by its text (`Hook.API`).
 */
export function pluginHooksOf(text: string, tree: Tree): PluginHookFact[] | undefined {
  let out: PluginHookFact[] | undefined;
  for (const m of text.matchAll(REGISTRY_ADD)) {
    const call = tree.rootNode.descendantForIndex(m.index + m[0].length - 1)?.parent?.parent;
    if (call?.type !== 'call_expression' || call.childForFieldName('function')?.text.replace(/\s+/g, '') !== `${m[1]}.add`) continue;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const items = arg?.type === 'array' ? arg.namedChildren : [arg];
      for (const item of items) {
        if (item?.type !== 'object') continue;
        const props = objectProps(item);
        const type = hookType(props.get('type'));
        const value = props.get('value');
        if (!type || !value) continue;
        const named = valueChain(value);
        if (named) (out ??= []).push({ registry: m[1], type, value: named });
        else if (value.type === 'object') {
          for (const [member, v] of objectProps(value)) {
            const chain = valueChain(v);
            if (chain) (out ??= []).push({ registry: m[1], type, member, value: chain });
          }
        }
      }
    }
  }
  return out;
}

/** `PluginManager.add(`: a registry is a class or module named so, not a local set (`seen.add(x)`). */
const REGISTRY_ADD = /\b([A-Z][\w$]*)\s*\.\s*add\s*\(/g;

/** A name or a chain of names (`router`, `routes.api`, a shorthand member): what the join resolves. */
function valueChain(node: Node): string[] | undefined {
  if (node.type === 'identifier' || node.type === 'shorthand_property_identifier') return [node.text];
  return node.type === 'member_expression' ? calleeChain(node.text) : undefined;
}

/**
 * A class's static getters and methods that only return a registry's hooks of a type (outline's AuthenticationHelper:
 * `public static get providers() { return PluginManager.getHooks(Hook.AuthProvider); }`), by `Class.member`.
 */
export function pluginHookListsOf(text: string): Record<string, { registry: string; type: string }> | undefined {
  let out: Record<string, { registry: string; type: string }> | undefined;
  const classes = [...text.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)/g)];
  for (const m of text.matchAll(HOOK_LIST)) {
    // The class declared last before it.
    let owner: string | undefined;
    for (const c of classes) if (c.index < m.index) owner = c[1];
    if (owner) (out ??= Object.create(null) as Record<string, { registry: string; type: string }>)[`${owner}.${m[1]}`] = { registry: m[2], type: m[3].replace(/\s+/g, '') };
  }
  return out;
}

/** `static get providers() { return PluginManager.getHooks(Hook.AuthProvider); }`, a static method of no parameters too. */
const HOOK_LIST = /\bstatic\s+(?:get\s+)?([A-Za-z_$][\w$]*)\s*\(\s*\)\s*(?::[^{]+)?\{\s*return\s+([A-Z][\w$]*)\s*\.\s*getHooks\s*\(\s*([\w$]+(?:\s*\.\s*[\w$]+)*|'[^'\n]*'|"[^"\n]*")\s*\)\s*;?\s*\}/g;
