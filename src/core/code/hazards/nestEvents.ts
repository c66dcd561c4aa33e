import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallInfo, FileStructure } from '../fileStructure';

/**
 * NestJS's event emitter (@nestjs/event-emitter, on EventEmitter2): `emit(Events.USER_RENAME, user)` and
 * `emitAsync(…)` call each `@OnEvent(Events.USER_RENAME)` method of the process, so what a listener does runs for
 * the request that emitted the event (teable's listeners). Events are matched by the key as written: a string's
 * value, or a constant's name (`Events.USER_RENAME`), which both sides write the same way.
 */
export function mayUseNestEvents(mentions: (word: string) => boolean): boolean {
  return mentions('OnEvent') || mentions('emit') || mentions('emitAsync');
}

/** The events an `@OnEvent(…)`-decorated method listens to (several decorators, several events). */
export function nestEventsListened(method: Node): string[] | undefined {
  if (method.type !== 'method_definition') return undefined;
  let out: string[] | undefined;
  for (let d = method.previousNamedSibling; d?.type === 'decorator' || d?.type === 'comment'; d = d.previousNamedSibling) {
    const call = d.namedChildren[0];
    if (call?.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'OnEvent') continue;
    const key = eventKey(call.childForFieldName('arguments')?.namedChildren[0] ?? null);
    if (key) (out ??= []).push(key);
  }
  return out;
}

/** The event an `emit(…)`/`emitAsync(…)` call emits, by its key (undefined for any other call). */
export function nestEventEmitted(s: FileStructure, call: CallInfo): string | undefined {
  const method = call.chain[call.chain.length - 1];
  if ((method !== 'emit' && method !== 'emitAsync') || call.chain.length < 2 || call.argsStart < 0) return undefined;
  return eventKey(s.argumentsOf(call)[0] ?? null);
}

function eventKey(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return `nest:${node.text.slice(1, -1)}`;
  // `Events.USER_RENAME`, `USER_RENAME`: a constant's name.
  if ((node.type === 'member_expression' || node.type === 'identifier') && /^[\w$.]+$/.test(node.text) && /[A-Z]/.test(node.text)) return `nest:${node.text}`;
  return undefined;
}
