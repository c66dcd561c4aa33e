import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../../model/location';
import type { FunctionFact } from '../codeModel';
import type { RelationLoopFact } from './lazyRelations';
import { positionAt } from '../syntax';
import { innermostAt } from './moduleClients';

/**
 * Django's forward relations, loaded on first access (`for book in Book.objects.filter(…): book.author.name` runs a
 * query per book unless the queryset did `select_related('author')`): see lazyRelations.
 */

/** `author = models.ForeignKey(Author, …)`, `profile = OneToOneField(…)` in a model class body. */
const FORWARD_RELATION = /^[ \t]+(\w+)\s*(?::[^=\n]*)?=\s*(?:models\.)?(?:ForeignKey|OneToOneField)\s*\(/;
const CLASS = /^class\s+(\w+)\s*\(([^)]*)\)\s*:/;

/** Forward relations by model, from the model classes of a module (`{ Book: ['author', 'publisher'] }`). */
export function djangoForeignKeysOf(text: string): Record<string, string[]> | undefined {
  if (!text.includes('ForeignKey') && !text.includes('OneToOneField')) return undefined;
  let out: Record<string, string[]> | undefined;
  let model: string | undefined;
  for (const line of text.split('\n')) {
    const cls = CLASS.exec(line);
    if (cls) {
      model = cls[1];
      continue;
    }
    // A line at the module's level ends the class body.
    if (/^\S/.test(line)) {
      model = undefined;
      continue;
    }
    const rel = model ? FORWARD_RELATION.exec(line) : null;
    if (model && rel) ((out ??= {})[model] ??= []).push(rel[1]);
  }
  return out;
}

const LOOP_TYPES = ['for_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression'];

/** The loops of a Django module over a model's queryset, written in place or kept in a variable of the function. */
export function djangoLoopsOf(text: string, tree: Tree, functions: FunctionFact[], lineStarts: number[], isCode: (at: number) => boolean): RelationLoopFact[] {
  if (!text.includes('.objects')) return [];
  const out: RelationLoopFact[] = [];
  const range = (a: number, b: number): Range => ({ start: positionAt(lineStarts, a), end: positionAt(lineStarts, b) });
  for (const loop of tree.rootNode.descendantsOfType(LOOP_TYPES)) {
    if (!loop) continue;
    const clause = loop.type === 'for_statement' ? loop : loop.namedChildren.find((c) => c?.type === 'for_in_clause');
    const variable = clause?.childForFieldName('left');
    const iterable = clause?.childForFieldName('right');
    if (!clause || variable?.type !== 'identifier' || !iterable) continue;
    const queryset = querysetOf(text, iterable, loop.startIndex, functions, lineStarts);
    if (!queryset) continue;
    // The body: a for statement's block; a comprehension's element (all of it but its `for … in …` clauses).
    const body = loop.type === 'for_statement' ? loop.childForFieldName('body') : loop;
    if (!body) continue;
    const attributes: RelationLoopFact['attributes'] = [];
    const seen = new Set<string>();
    const reads = new RegExp(`(?<![\\w.])${variable.text}\\.([A-Za-z_]\\w*)\\b(?!\\s*\\()`, 'g');
    const from = body.startIndex;
    for (const m of text.slice(from, body.endIndex).matchAll(reads)) {
      const at = from + m.index!;
      if (seen.has(m[1]) || !isCode(at)) continue;
      seen.add(m[1]);
      attributes.push({ name: m[1], range: range(at, at + m[0].length), written: m[0] });
    }
    if (!attributes.length) continue;
    const start = positionAt(lineStarts, loop.startIndex);
    out.push({
      orm: 'django',
      model: queryset.model,
      variable: variable.text,
      attributes,
      loaded: queryset.loaded,
      loop: { kind: loop.type === 'for_statement' ? 'for' : 'comprehension', mode: 'sequential', range: range(loop.startIndex, loop.endIndex) },
      owner: innermostAt(functions, start.line, start.character),
    });
  }
  return out;
}

/**
 * `Book.objects.filter(…)` as the iterable, or a variable the function set to one before the loop (`books =
 * Book.objects.select_related('author')`, later `books = books.filter(…)`): its model and what it loads. Not a
 * queryset of `values()`/`values_list()`, whose rows are not model instances.
 */
function querysetOf(text: string, iterable: Node, loopStart: number, functions: FunctionFact[], lineStarts: number[]): { model: string; loaded: string[] | '*' } | undefined {
  let model = /^(\w+)\.objects\b/.exec(iterable.text)?.[1];
  let chain = iterable.text;
  if (!model && iterable.type === 'identifier') {
    const at = positionAt(lineStarts, loopStart);
    const fn = innermostAt(functions, at.line, at.character);
    const fnStart = fn >= 0 ? lineStarts[functions[fn].range.start.line] + functions[fn].range.start.character : 0;
    const before = text.slice(fnStart, loopStart);
    const assigned = [...before.matchAll(new RegExp(`(?:^|\\n)[ \\t]*${iterable.text}\\s*=\\s*\\(?\\s*(\\w+)\\.objects\\b`, 'g'))].pop();
    if (!assigned) return undefined;
    model = assigned[1];
    chain = before.slice(assigned.index!);
  }
  if (!model || /\.(values|values_list)\s*\(/.test(chain)) return undefined;
  const loaded: string[] = [];
  for (const m of chain.matchAll(/\.(select_related|prefetch_related)\s*\(([^)]*)\)/g)) {
    const names = [...m[2].matchAll(/['"](\w+)/g)].map((n) => n[1]);
    if (m[1] === 'select_related' && names.length === 0) return { model, loaded: '*' };
    loaded.push(...names);
  }
  return { model, loaded };
}
