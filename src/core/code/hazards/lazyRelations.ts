import type { Range } from '../../model/location';
import type { LoopMode } from '../codeModel';
import type { FileStructure } from '../fileStructure';

/**
 * Relations an ORM loads on first access, one query per row when read in a loop over rows: a Django `ForeignKey`
 * (`book.author`, unless the queryset did `select_related('author')`), a SQLAlchemy `relationship()` loaded the
 * default way (unless the query's options `joinedload` it), a JPA association that is lazy
 * (`order.getItems()`, unless a `JOIN FETCH` or an `@EntityGraph` loads it). Each file says which models have which
 * lazy relations and which loops read what on their rows; the workspace join puts the two together, since models are
 * usually declared in another file than the code that loops over them.
 */
export interface RelationLoopFact {
  orm: 'django' | 'sqlalchemy' | 'jpa';
  /** The model (Django) or entity class (JPA) of the loop's rows. */
  model: string;
  variable: string;
  /** Each relation-like attribute read on the loop variable (`book.author`, `order.getItems()` as `items`), once. */
  attributes: { name: string; range: Range; written: string }[];
  /**
   * Calls in the loop's body given the row itself (`price_of(book)`, `self.describe(order, lang)`: `arg` is its
   * position): a function that reads a lazy relation of that parameter (FunctionFact.paramReads) loads it per row too.
   */
  helpers?: { chain: string[]; arg: number; range: Range; written: string }[];
  /**
   * Django: the loop is a DRF serializer given the rows with `many=True` (`PageSerializer(pages, many=True)`), which
   * renders each row with its fields: those that read a relation (drfSerializerReads) load it per row. Its class is
   * found by the join, as it is usually written in another module.
   */
  serializer?: { chain: string[]; range: Range; written: string };
  /** What the query loads with its rows (Django's `select_related`/`prefetch_related`), or '*' for all. */
  loaded: string[] | '*';
  loop: { kind: string; mode: LoopMode; range: Range };
  /** Index into the file's functions of the function the loop is in, or -1 at top level. */
  owner: number;
  /** Written in a route handler's branch for one HTTP method (CallFact.method): on that method's route only. */
  method?: string;
}

/** The message of a lazy load in a function the loop calls with its row (`price_of(book)` reads `book.author`). */
export function helperLazyLoadExplanation(fact: RelationLoopFact, call: string, fn: string, names: string[]): string {
  const reads = names.map((n) => `\`.${n}\``).join(', ');
  return `Database query: \`${call}\` runs ${fn}, which reads ${reads} of the row it is given: ${names.map((n) => `${fact.model}.${n}`).join(', ')} loaded with a query per row of the ${fact.loop.kind} loop (${howNotLoaded(fact, names[0])}), sequentially.`;
}

function howNotLoaded(fact: RelationLoopFact, name: string): string {
  return fact.orm === 'django'
    ? `the queryset does not \`select_related('${name}')\``
    : fact.orm === 'sqlalchemy'
      ? `a lazy relationship: the query has no \`joinedload\` or \`selectinload\` option for it`
      : `a lazy association: no \`JOIN FETCH\` or \`@EntityGraph\` in the workspace loads it`;
}

/** The message of a lazy load in a loop. */
export function lazyLoadExplanation(fact: RelationLoopFact, attribute: { name: string; written: string }): string {
  const how = howNotLoaded(fact, attribute.name);
  return `Database query: \`${attribute.written}\` loads ${fact.model}.${attribute.name} with a query per row of the ${fact.loop.kind} loop (${how}), sequentially: each iteration waits for the previous one.`;
}

/** Calls in a loop's body (scan indexes after the loop's) that are given the row itself as a positional argument. */
export function rowHelpers(s: FileStructure, loop: number, start: number, end: number, variable: string): NonNullable<RelationLoopFact['helpers']> {
  const out: NonNullable<RelationLoopFact['helpers']> = [];
  for (let j = loop + 1; j < s.nodes.length && s.nodes[j].start < end; j++) {
    const call = s.calls.get(j);
    if (!call || s.nodes[j].start < start || call.chain.length === 0 || call.chain.length > 3) continue;
    const arg = s.argumentsOf(call).findIndex((a) => a.type === 'identifier' && a.text === variable);
    if (arg < 0) continue;
    out.push({ chain: call.chain, arg, range: s.rangeOf(j), written: `${call.chain.join('.')}(${variable})` });
  }
  return out;
}
