import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFamily } from './callCatalogue';

/**
 * GraphQL field resolvers of a type that is not a root type: the executor runs one once per object of the list that
 * holds the field, concurrently (graphql-js resolves a list's items with Promise.all, gqlgen in goroutines), so a
 * query written in one is a query per item of that list, the N+1 DataLoader and `@BatchMapping` exist for. Not a
 * root type's (`@Query()`, `Query: { users }`, `queryResolver`), which a request runs once.
 */
export const FIELD_RESOLVER = 'GraphQL field resolver';

/** A root type, or a namespace under one (Wiki.js's `Query: { users: () => ({}) }` then `UserQuery: { list() {…} }`): one object a request resolves once. */
const ROOT = /(?:Query|Mutation|Subscription)$/;
/** What a file with field resolvers says somewhere: without any of these, none of its functions is one. */
const MARKERS: Record<LanguageFamily, RegExp | undefined> = {
  js: /@ResolveField\b|@FieldResolver\b|\b(?:Query|Mutation)['"]?\s*:\s*\{/,
  java: /@SchemaMapping\b|@DgsData\b/,
  go: /Resolver\)\s+\w+\(ctx context\.Context, obj \*/,
  python: undefined,
};

export function mayHaveFieldResolvers(text: string, family: LanguageFamily, mentions?: (word: string) => boolean): boolean {
  if (mentions && !MARKER_WORDS[family].some(mentions)) return false;
  return MARKERS[family]?.test(text) ?? false;
}

/**
 * The function node is a field resolver of a non-root type (see FIELD_RESOLVER): its type, and whether the file shows
 * that type listed, a query or field returning a list of it (NestJS's `@Query(() => [Team])`, SDL's `[User!]`, Java's
 * `List<Book>`, gqlgen's `[]*model.User`). A type that no file of the service lists (hoppscotch's `Infra`, an admin
 * namespace) is only ever resolved one at a time, and runs its fields once a request: the join asks the others.
 */
export function fieldResolverOf(fn: Node, family: LanguageFamily, text: string): { type: string; listed: boolean } | undefined {
  const type = parentType(fn, family, text);
  return type ? { type, listed: listed(text, type, family) } : undefined;
}

/** Where a file may list a GraphQL type: what declares a query's or a field's type, or resolves one. */
const LISTS: Record<LanguageFamily, RegExp | undefined> = {
  js: /@(?:ResolveField|FieldResolver|Query|Field|Mutation)\s*\(|\b(?:Query|Mutation)['"]?\s*:\s*\{/,
  java: /@(?:SchemaMapping|QueryMapping|MutationMapping|DgsData|DgsQuery)\b/,
  go: /Resolver\)\s+\w+\(ctx context\.Context\b/,
  python: undefined,
};

/** The words MARKERS and LISTS need (searched first, as an edit searches only what it changed): most files have none. */
const MARKER_WORDS: Record<LanguageFamily, string[]> = { js: ['@ResolveField', '@FieldResolver', 'Query', 'Mutation'], java: ['@SchemaMapping', '@DgsData'], go: ['Resolver)'], python: [] };
const LIST_WORDS: Record<LanguageFamily, string[]> = { js: ['@ResolveField', '@FieldResolver', 'Query', '@Field', 'Mutation'], java: ['@SchemaMapping', '@QueryMapping', '@MutationMapping', '@DgsData', '@DgsQuery'], go: ['Resolver)'], python: [] };

/** The types a file of GraphQL resolvers or types lists (for the join: see Hazard.loop's `of`). */
export function listedTypesIn(text: string, family: LanguageFamily, mentions?: (word: string) => boolean): string[] | undefined {
  if (mentions && !LIST_WORDS[family].some(mentions)) return undefined;
  if (!LISTS[family]?.test(text)) return undefined;
  const pattern =
    family === 'js' ? /=>\s*\[\s*([A-Z]\w*)\s*\]|\[\s*([A-Z]\w*)!?\s*\]!?/g : family === 'java' ? /\b(?:List|Collection|Set|Iterable|Flux|Page)<\s*([A-Z]\w*)\s*>/g : /\[\]\*?(?:\w+\.)?([A-Z]\w*)/g;
  const out = new Set<string>();
  for (const m of text.matchAll(pattern)) out.add(m[1] ?? m[2]);
  return out.size ? [...out].sort() : undefined;
}

function parentType(fn: Node, family: LanguageFamily, text: string): string | undefined {
  switch (family) {
    case 'js': {
      if (fn.type === 'method_definition' && decoratedAsField(fn)) {
        // `@Parent() team: Team`, type-graphql's `@Root() user: User`; else the class's `@Resolver(() => Team)`.
        const own = /@(?:Parent|Root)\(\s*\)\s*\w+\s*:\s*(\w+)/.exec(fn.childForFieldName('parameters')?.text ?? '')?.[1];
        if (own) return own;
        const before = text.slice(0, fn.startIndex);
        return [...before.matchAll(/@Resolver\(\s*(?:\(\s*\)|\w+)\s*=>\s*(\w+)\s*\)/g)].pop()?.[1];
      }
      return fn.type === 'method_definition' || fn.type === 'arrow_function' || fn.type === 'function_expression' ? typeOfResolverMap(fn) : undefined;
    }
    case 'java': {
      if (fn.type !== 'method_declaration') return undefined;
      const modifiers = fn.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '';
      // `@SchemaMapping(typeName = "Show", field = "reviews")`, `@SchemaMapping` on a type's controller; DGS's
      // `@DgsData(parentType = "Show", field = "reviews")`. Not one on Query, nor `@BatchMapping` (the fix).
      const mapping = /@(SchemaMapping|DgsData)\b(?:\s*\(([^)]*)\))?/.exec(modifiers);
      if (!mapping) return undefined;
      const named = /\b(?:typeName|parentType)\s*=\s*"(\w+)"/.exec(mapping[2] ?? '')?.[1];
      if (named) return ROOT.test(named) ? undefined : named;
      // Spring's source object is the method's first parameter (`reviews(Book book)`).
      return mapping[1] === 'SchemaMapping' ? /^\(\s*(?:final\s+)?([A-Z]\w*)\s+\w+/.exec(fn.childForFieldName('parameters')?.text ?? '')?.[1] : undefined;
    }
    case 'go': {
      // gqlgen: `func (r *userResolver) Posts(ctx context.Context, obj *model.User) ([]*model.Post, error)`.
      if (fn.type !== 'method_declaration') return undefined;
      const receiver = /^\(\s*\w+\s+\*?(\w+)Resolver\s*\)$/.exec(fn.childForFieldName('receiver')?.text ?? '')?.[1];
      if (!receiver || /(?:query|mutation|subscription)$/i.test(receiver)) return undefined;
      return /^\(\s*\w+\s+context\.Context\s*,\s*obj\s+\*(?:\w+\.)?(\w+)/.exec(fn.childForFieldName('parameters')?.text ?? '')?.[1];
    }
    default:
      return undefined;
  }
}

/** The file shows a list of the type: what a query or a field returns. */
function listed(text: string, type: string, family: LanguageFamily): boolean {
  switch (family) {
    case 'js':
      return new RegExp(`=>\\s*\\[\\s*${type}\\s*\\]|\\[\\s*${type}!?\\s*\\]|\\b${type}\\[\\]`).test(text);
    case 'java':
      return new RegExp(`\\b(?:List|Collection|Set|Iterable|Flux|Page)<\\s*${type}\\s*>`).test(text);
    case 'go':
      return new RegExp(`\\[\\]\\*?(?:\\w+\\.)?${type}\\b`).test(text);
    default:
      return false;
  }
}

/** NestJS's `@ResolveField()`, type-graphql's `@FieldResolver()`: decorators written before the method. */
function decoratedAsField(method: Node): boolean {
  for (let d = method.previousNamedSibling; d?.type === 'decorator'; d = d.previousNamedSibling) {
    if (/^@(?:ResolveField|FieldResolver)\b/.test(d.text)) return true;
  }
  return false;
}

/** The type of a resolver map a function resolves a field of, when not a root type: `{ Query: {…}, User: { posts(user) {…} } }`. */
function typeOfResolverMap(fn: Node): string | undefined {
  const typeObject = fn.type === 'method_definition' ? fn.parent : fn.parent?.type === 'pair' ? fn.parent.parent : null;
  if (typeObject?.type !== 'object') return undefined;
  const typePair = typeObject.parent;
  if (typePair?.type !== 'pair' || ROOT.test(keyOf(typePair))) return undefined;
  const map = typePair.parent;
  const hasRoot = map?.type === 'object' && map.namedChildren.some((p) => p?.type === 'pair' && /^(?:Query|Mutation|Subscription)$/.test(keyOf(p)) && p.childForFieldName('value')?.type === 'object');
  return hasRoot ? keyOf(typePair) : undefined;
}

function keyOf(pair: Node): string {
  const key = pair.childForFieldName('key');
  return key?.type === 'string' ? key.text.slice(1, -1) : (key?.text ?? '');
}
