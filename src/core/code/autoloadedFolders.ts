import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { AutoloadedFolder } from './codeModel';
import { autoloadFolder } from './routes/javascriptRoutes';
import { stringValue } from './syntax';

/**
 * The folders this file loads whole with the `auto-load` package, each file of the folder a member named after it:
 * Wiki.js's server/core/db.js `const models = autoload(path.join(WIKI.SERVERPATH, 'models'))`, handed on as
 * `WIKI.models`, so that `WIKI.models.users.updateUser(…)` is the static method of models/users.js's class. A folder
 * below `__dirname` is known exactly (`rooted`); one below a base the file does not say (`WIKI.SERVERPATH`) only by
 * the literal path it ends with.
 */
export function autoloadedFoldersOf(text: string, tree: Tree): AutoloadedFolder[] | undefined {
  let out: AutoloadedFolder[] | undefined;
  for (const m of text.matchAll(AUTO_LOAD_IMPORT)) {
    const local = m[1] ?? m[2];
    for (const c of text.matchAll(new RegExp(`(?<![\\w$.])${local.replace(/\$/g, '\\$')}\\s*\\(`, 'g'))) {
      const call = tree.rootNode.descendantForIndex(c.index)?.parent;
      if (call?.type !== 'call_expression' || call.childForFieldName('function')?.text !== local) continue;
      const arg = call.childForFieldName('arguments')?.namedChildren[0];
      if (!arg) continue;
      const rooted = autoloadFolder(arg);
      const folder = rooted ?? literalTail(arg);
      if (folder) (out ??= []).push({ folder: folder.replace(/^\.\/|\/+$/g, ''), rooted: rooted !== undefined });
    }
  }
  return out;
}

/** `const autoload = require('auto-load')`, `import autoload from 'auto-load'`. */
const AUTO_LOAD_IMPORT = /(?:\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]auto-load['"]\s*\)|\bimport\s+([A-Za-z_$][\w$]*)\s+from\s+['"]auto-load['"])/g;

/** `path.join(WIKI.SERVERPATH, 'models')`: the literal parts after a base that is not, `models`. */
function literalTail(arg: Node): string | undefined {
  if (arg.type !== 'call_expression' || !/^(?:path\.)?(?:join|resolve)$/.test(arg.childForFieldName('function')?.text ?? '')) return undefined;
  const args = arg.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null) ?? [];
  const parts = args.slice(1).map((a) => stringValue(a));
  return args.length > 1 && stringValue(args[0]) === undefined && parts.every((p) => p !== undefined) ? parts.join('/') : undefined;
}
