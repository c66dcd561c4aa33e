import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../../model/location';
import type { FunctionFact } from '../codeModel';
import { positionAt } from '../syntax';
import type { RelationLoopFact } from './lazyRelations';
import { innermostAt } from './moduleClients';

/**
 * JPA associations loaded on first access (`for (Order o : orders) o.getItems().size()` runs a query per order):
 * `@OneToMany`, `@ManyToMany` and `@ElementCollection` unless `fetch = FetchType.EAGER`, `@ManyToOne` and `@OneToOne`
 * when `fetch = FetchType.LAZY`. Not one Hibernate loads in batches (`@BatchSize`, `@Fetch(…)`). See lazyRelations.
 */

const ASSOCIATION = /@(OneToMany|ManyToMany|ElementCollection|ManyToOne|OneToOne)\b(\s*\((?:[^()]|\([^()]*\))*\))?/g;
/** The annotations and modifiers between an association's annotation and its field's name. */
const FIELD_AFTER = /^(?:\s*@\w+(?:\.\w+)*(?:\s*\((?:[^()]|\([^()]*\))*\))?)*\s*(?:(?:private|protected|public|final|transient)\s+)*[\w.]+(?:\s*<[^;=(){}]*>)?\s+(\w+)\s*[;=]/;

/** Lazy associations by entity class (`{ Order: ['items', 'customer'] }`), from an `@Entity` class of the file. */
export function jpaLazyAssociationsOf(text: string): Record<string, string[]> | undefined {
  if (!text.includes('@Entity')) return undefined;
  const entity = /@Entity\b[\s\S]*?\bclass\s+(\w+)/.exec(text)?.[1];
  if (!entity) return undefined;
  const fields: string[] = [];
  for (const m of text.matchAll(ASSOCIATION)) {
    const kind = m[1];
    const options = m[2] ?? '';
    const lazy = kind === 'ManyToOne' || kind === 'OneToOne' ? /FetchType\.LAZY\b/.test(options) : !/FetchType\.EAGER\b/.test(options);
    if (!lazy) continue;
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 600);
    const field = FIELD_AFTER.exec(after);
    if (!field || /@(BatchSize|Fetch)\b/.test(after.slice(0, field.index + field[0].length))) continue;
    fields.push(field[1]);
  }
  return fields.length ? { [entity]: fields } : undefined;
}

/** Associations a query loads with its rows: `JOIN FETCH o.items`, `@EntityGraph(attributePaths = {"items"})`. */
export function jpaFetchedRelationsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bjoin\s+fetch\s+\w+\.(\w+)/gi)) out.push(m[1]);
  for (const m of text.matchAll(/attributePaths\s*=\s*(\{[^}]*\}|"[^"]*")/g)) for (const p of m[1].matchAll(/"(\w+)/g)) out.push(p[1]);
  if (/\bHibernate\.initialize\s*\(/.test(text)) for (const m of text.matchAll(/Hibernate\.initialize\s*\(\s*\w+\.get(\w+)\s*\(/g)) out.push(decapitalize(m[1]));
  return [...new Set(out)];
}

const CALLBACKS = /\.(forEach|map|flatMap|filter|peek|anyMatch|allMatch|noneMatch|mapToInt|mapToLong|mapToDouble)\s*\(\s*$/;

/**
 * Loops over entities whose class the code names: `for (Order o : orders)`, and a lambda over a collection the method
 * declares with its element type (`List<Order> orders` … `orders.forEach(o -> …)`, `orders.stream().map(o -> …)`),
 * with the getters they call on each entity.
 */
export function jpaLoopsOf(text: string, tree: Tree, functions: FunctionFact[], lineStarts: number[], isCode: (at: number) => boolean): RelationLoopFact[] {
  if (!/\.get[A-Z]\w*\s*\(\s*\)/.test(text)) return [];
  const out: RelationLoopFact[] = [];
  const range = (a: number, b: number): Range => ({ start: positionAt(lineStarts, a), end: positionAt(lineStarts, b) });
  const add = (loop: Node, model: string, variable: string, body: Node, kind: string) => {
    const attributes: RelationLoopFact['attributes'] = [];
    const seen = new Set<string>();
    const reads = new RegExp(`(?<![\\w.])${variable}\\.get([A-Z]\\w*)\\s*\\(\\s*\\)`, 'g');
    for (const m of text.slice(body.startIndex, body.endIndex).matchAll(reads)) {
      const at = body.startIndex + m.index!;
      const name = decapitalize(m[1]);
      if (seen.has(name) || !isCode(at)) continue;
      seen.add(name);
      attributes.push({ name, range: range(at, at + m[0].length), written: m[0] });
    }
    if (!attributes.length) return;
    const start = positionAt(lineStarts, loop.startIndex);
    out.push({ orm: 'jpa', model, variable, attributes, loaded: [], loop: { kind, mode: 'sequential', range: range(loop.startIndex, loop.endIndex) }, owner: innermostAt(functions, start.line, start.character) });
  };
  for (const loop of tree.rootNode.descendantsOfType(['enhanced_for_statement', 'lambda_expression'])) {
    if (!loop) continue;
    if (loop.type === 'enhanced_for_statement') {
      const type = loop.childForFieldName('type')?.text;
      const name = loop.childForFieldName('name')?.text;
      const body = loop.childForFieldName('body');
      if (type && name && body && /^[A-Z]\w*$/.test(type)) add(loop, type, name, body, 'for-each');
      continue;
    }
    // `orders.forEach(o -> …)`, `orders.stream().map(o -> …)`: one parameter, the element of a declared collection.
    const params = loop.childForFieldName('parameters');
    const body = loop.childForFieldName('body');
    const name = params?.type === 'identifier' ? params.text : undefined;
    if (!name || !body || !CALLBACKS.test(text.slice(Math.max(0, loop.startIndex - 40), loop.startIndex))) continue;
    const receiver = /(\w+)(?:\s*\.\s*stream\s*\(\s*\)(?:\s*\.\s*\w+\s*\((?:[^()]|\([^()]*\))*\))*)?\s*\.\s*\w+\s*\(\s*$/.exec(text.slice(Math.max(0, loop.startIndex - 300), loop.startIndex))?.[1];
    const fn = receiver ? innermostAt(functions, positionAt(lineStarts, loop.startIndex).line, positionAt(lineStarts, loop.startIndex).character) : -1;
    if (!receiver || fn < 0) continue;
    const fnStart = lineStarts[functions[fn].range.start.line] + functions[fn].range.start.character;
    const element = new RegExp(`\\b(?:List|Set|Collection|Iterable|Page|Slice|Stream)<\\s*(\\w+)\\s*>\\s+${receiver}\\b`).exec(text.slice(fnStart, loop.startIndex))?.[1];
    if (element) add(loop, element, name, body, `.${CALLBACKS.exec(text.slice(Math.max(0, loop.startIndex - 40), loop.startIndex))![1]}()`);
  }
  return out;
}

function decapitalize(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
