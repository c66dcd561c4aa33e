import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallInfo, FileStructure } from '../fileStructure';

/**
 * Spring's application events, published and heard in one process: `publisher.publishEvent(new OrderPlaced(o))`
 * calls each listener of that event's type in the publishing thread before it returns (`@EventListener void
 * on(OrderPlaced e)`; `@TransactionalEventListener`, after the commit, still in that thread; an
 * `ApplicationListener<OrderPlaced>`'s `onApplicationEvent`). So what a listener does is on the path of the request
 * that published the event. One that is also `@Async` runs in the task executor instead (queuedTasks).
 */
export function mayUseSpringEvents(mentions: (word: string) => boolean): boolean {
  return mentions('publishEvent') || mentions('EventListener') || mentions('ApplicationListener');
}

/** The event type a listener method hears, by its simple name; undefined for any other method. */
export function eventListenedTo(method: Node): string | undefined {
  if (method.type !== 'method_declaration') return undefined;
  const modifiers = method.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '';
  const annotation = /@(?:\w+\.)*(?:Transactional)?EventListener\b\s*(\([^)]*\))?/.exec(modifiers);
  if (annotation) {
    // `@EventListener(OrderPlaced.class)`, `classes = {OrderPlaced.class}`: the first class named.
    const named = annotation[1] ? /(\w+)\s*\.\s*class\b/.exec(annotation[1])?.[1] : undefined;
    return named ?? onlyParameterType(method);
  }
  if (method.childForFieldName('name')?.text !== 'onApplicationEvent') return undefined;
  // `class Audit implements ApplicationListener<OrderPlaced>`: its onApplicationEvent.
  const cls = method.parent?.parent;
  const listened = cls?.type === 'class_declaration' ? /\bApplicationListener\s*<\s*(?:[\w.]+\.)?(\w+)/.exec(cls.childForFieldName('interfaces')?.text ?? '')?.[1] : undefined;
  return listened ?? undefined;
}

function onlyParameterType(method: Node): string | undefined {
  const params = method.childForFieldName('parameters')?.namedChildren.filter((p) => p?.type === 'formal_parameter') ?? [];
  if (params.length !== 1) return undefined;
  const type = params[0]!.childForFieldName('type')?.text ?? '';
  return /^(?:[\w.]+\.)?(\w+)\s*(?:<.*>)?$/s.exec(type)?.[1];
}

/**
 * The event type a `publishEvent(…)` call publishes: made in place (`publishEvent(new OrderPlaced(o))`), or kept in a
 * variable of the function first (`OrderPlaced event = new OrderPlaced(o); publisher.publishEvent(event)`).
 */
export function eventPublished(s: FileStructure, i: number, call: CallInfo): string | undefined {
  if (call.chain[call.chain.length - 1] !== 'publishEvent' || call.argsStart < 0) return undefined;
  const args = s.argumentsOf(call);
  if (args.length !== 1) return undefined;
  const arg = args[0];
  if (arg.type === 'object_creation_expression') return simpleType(arg.childForFieldName('type')?.text);
  if (arg.type !== 'identifier') return undefined;
  const f = s.functionOf[i];
  if (f < 0) return undefined;
  const span = s.spanOfFunction(f);
  const before = s.text.slice(span.start, s.nodes[i].start);
  const name = arg.text;
  // The last value given it before the call.
  const made = [...before.matchAll(new RegExp(`\\b${name}\\s*=\\s*new\\s+([\\w.]+)`, 'g'))].pop();
  return made ? simpleType(made[1]) : undefined;
}

function simpleType(written: string | undefined): string | undefined {
  return written ? /^(?:[\w.]+\.)?(\w+)/.exec(written.replace(/<.*$/s, ''))?.[1] : undefined;
}
