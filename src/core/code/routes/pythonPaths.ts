import type { Node } from '@vscode/tree-sitter-wasm';
import { calleeChain, stringValue } from '../syntax';
import { envPart, pythonEnvRead } from './envParts';
import { NAMED_PART } from './routeCollector';

/**
 * A Python path (a router's prefix, a mount's, a route's) when it is not a plain literal, as a path with named parts
 * the join reads (routeCollector's NAMED_PART): an f-string of module constants and settings attributes
 * (`APIRouter(prefix=f"{base_prefix}/categories")`, `f"{settings.API_V1_STR}/users"`), `+` of such parts, and an
 * environment read with its default (`os.getenv("API_PREFIX", "/api")`). Every name is left to the join, which reads
 * it where it is defined, this file's constants included: a statement's result then stays right when only the
 * constant's line is edited. Undefined for anything else (a call, a format spec, `!r`): the prefix is left out.
 */
export function pythonPathValue(node: Node | null | undefined, depth = 0): string | undefined {
  if (!node || depth > 4) return undefined;
  const written = stringValue(node);
  if (written !== undefined) return written;
  switch (node.type) {
    case 'string':
      return fString(node);
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      const a = pythonPathValue(node.childForFieldName('left'), depth + 1);
      const b = a === undefined ? undefined : pythonPathValue(node.childForFieldName('right'), depth + 1);
      return b === undefined ? undefined : a! + b;
    }
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? pythonPathValue(node.namedChildren[0], depth + 1) : undefined;
    case 'identifier':
    case 'attribute':
      return named(node);
    case 'call':
    case 'subscript': {
      const read = pythonEnvRead(node.text);
      return read ? envPart(read.name, read.fallback) : undefined;
    }
    default:
      return undefined;
  }
}

/** `f"{base}/x{{y}}"`: its text with each replacement field a named part; undefined if one is more than a name. */
function fString(node: Node): string | undefined {
  if (!/^[rR]?[fF][rR]?['"]/.test(node.text)) return undefined;
  let out = '';
  for (const part of node.children) {
    if (!part) continue;
    switch (part.type) {
      case 'string_start':
      case 'string_end':
        break;
      case 'string_content':
        if (part.namedChildren.some((c) => c?.type === 'escape_sequence')) return undefined;
        out += part.text.replaceAll('{{', '{').replaceAll('}}', '}');
        break;
      case 'interpolation': {
        // `{x}` only: `{x!r}`, `{x:>3}` or `{f(x)}` are not a constant's text.
        const inner = part.namedChildren.filter((c): c is Node => !!c);
        const value = inner.length === 1 ? named(inner[0]) : undefined;
        if (value === undefined) return undefined;
        out += value;
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}

function named(node: Node): string | undefined {
  if (node.type !== 'identifier' && node.type !== 'attribute') return undefined;
  const chain = calleeChain(node.text);
  return chain ? `${NAMED_PART}${chain.join('.')}${NAMED_PART}` : undefined;
}
