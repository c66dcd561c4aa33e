import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileStructure } from '../fileStructure';
import { rowHelpers, type RelationLoopFact } from './lazyRelations';
import { DeclaredCollections } from '../assignments';

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

/** `o.getItems()`: a getter called on a name (the loop's variable, checked by the caller). */
const GETTER = /(?<![\w.])([A-Za-z_$][\w$]*)\.get([A-Z]\w*)\s*\(\s*\)/g;

const CALLBACKS = /\.(forEach|map|flatMap|filter|peek|anyMatch|allMatch|noneMatch|mapToInt|mapToLong|mapToDouble)\s*\(\s*$/;

/**
 * Loops over entities whose class the code names: `for (Order o : orders)`, and a lambda over a collection the method
 * declares with its element type (`List<Order> orders` … `orders.forEach(o -> …)`, `orders.stream().map(o -> …)`),
 * with the getters they call on each entity. Read from the statement's scanned nodes (loops and lambdas are among
 * them), so an edit reads again only the statements it changed.
 */
export function jpaLoopsOf(s: FileStructure, ownerAt: (scanIndex: number) => number): RelationLoopFact[] {
  const text = s.text;
  // Loops written as a for-each or a lambda: no other statement is looked at.
  if (!/\bfor\s*\(|->/.test(text.slice(s.span.start, s.span.end))) return [];
  const out: RelationLoopFact[] = [];
  const add = (i: number, model: string, variable: string, body: Node, kind: string) => {
    const bodyText = text.slice(body.startIndex, body.endIndex);
    if (!bodyText.includes(variable)) return;
    const attributes: RelationLoopFact['attributes'] = [];
    const seen = new Set<string>();
    for (const m of bodyText.matchAll(GETTER)) {
      if (m[1] !== variable) continue;
      const at = body.startIndex + m.index!;
      const name = decapitalize(m[2]);
      if (seen.has(name) || !s.isCodeAt(at)) continue;
      seen.add(name);
      attributes.push({ name, range: s.rangeOfSpan(at, at + m[0].length), written: m[0] });
    }
    const helpers = rowHelpers(s, i, body.startIndex, body.endIndex, variable);
    if (attributes.length || helpers.length) {
      out.push({ orm: 'jpa', model, variable, attributes, ...(helpers.length ? { helpers } : {}), loaded: [], loop: { kind, mode: 'sequential', range: s.rangeOf(i) }, owner: ownerAt(i) });
    }
  };
  for (let i = 0; i < s.nodes.length; i++) {
    const n = s.nodes[i];
    if (n.type !== 'enhanced_for_statement' && n.type !== 'lambda_expression') continue;
    const loop = n.node;
    if (n.type === 'enhanced_for_statement') {
      const type = loop.childForFieldName('type')?.text;
      const name = loop.childForFieldName('name')?.text;
      const body = loop.childForFieldName('body');
      if (type && name && body && /^[A-Z]\w*$/.test(type)) add(i, type, name, body, 'for-each');
      continue;
    }
    // `orders.forEach(o -> …)`, `orders.stream().map(o -> …)`: one parameter, the element of a declared collection.
    const before = text.slice(Math.max(0, n.start - 300), n.start);
    const callback = CALLBACKS.exec(before)?.[1];
    if (!callback) continue;
    const params = loop.childForFieldName('parameters');
    const body = loop.childForFieldName('body');
    const name = params?.type === 'identifier' ? params.text : undefined;
    const receiver = /(\w+)(?:\s*\.\s*stream\s*\(\s*\)(?:\s*\.\s*\w+\s*\((?:[^()]|\([^()]*\))*\))*)?\s*\.\s*\w+\s*\(\s*$/.exec(before)?.[1];
    // The method the lambda is written in (the lambda is a function of its own).
    const own = s.functionOf[i];
    const f = own >= 0 ? s.functions[own].outer : -1;
    if (!name || !body || !receiver || f < 0) continue;
    const span = s.spanOfFunction(f);
    const element = s.memo(`jpa.collections:${span.start}:${span.end}`, () => DeclaredCollections.of(text, span.start, span.end)).elementOf(receiver, n.start);
    if (element) add(i, element, name, body, `.${callback}()`);
  }
  return out;
}

/** The relations a Java method reads on each parameter through getters (`o.getCustomer()` → `customer`): see FunctionFact.paramReads. */
export function javaParamReads(fn: Node, text: string, isCodeAt: (offset: number) => boolean): Record<number, string[]> | undefined {
  const body = fn.childForFieldName('body');
  const params = fn.childForFieldName('parameters');
  if (!body || !params) return undefined;
  const bodyText = text.slice(body.startIndex, body.endIndex);
  if (!bodyText.includes('.get')) return undefined;
  let out: Record<number, string[]> | undefined;
  params.namedChildren
    .filter((p): p is Node => p?.type === 'formal_parameter')
    .forEach((p, k) => {
      const name = p.childForFieldName('name')?.text;
      if (!name || !bodyText.includes(`${name}.get`)) return;
      const reads = new Set<string>();
      for (const m of bodyText.matchAll(GETTER)) if (m[1] === name && isCodeAt(body.startIndex + m.index!)) reads.add(decapitalize(m[2]));
      if (reads.size) (out ??= {})[k] = [...reads];
    });
  return out;
}

function decapitalize(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
