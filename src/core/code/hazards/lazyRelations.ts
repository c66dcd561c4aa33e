import type { Range } from '../../model/location';
import type { LoopMode } from '../codeModel';

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
  /** What the query loads with its rows (Django's `select_related`/`prefetch_related`), or '*' for all. */
  loaded: string[] | '*';
  loop: { kind: string; mode: LoopMode; range: Range };
  /** Index into the file's functions of the function the loop is in, or -1 at top level. */
  owner: number;
}

/** The message of a lazy load in a loop. */
export function lazyLoadExplanation(fact: RelationLoopFact, attribute: { name: string; written: string }): string {
  const how =
    fact.orm === 'django'
      ? `the queryset does not \`select_related('${attribute.name}')\``
      : fact.orm === 'sqlalchemy'
        ? `a lazy relationship: the query has no \`joinedload\` or \`selectinload\` option for it`
        : `a lazy association: no \`JOIN FETCH\` or \`@EntityGraph\` in the workspace loads it`;
  return `Database query: \`${attribute.written}\` loads ${fact.model}.${attribute.name} with a query per row of the ${fact.loop.kind} loop (${how}), sequentially: each iteration waits for the previous one.`;
}
