import type { Node } from '@vscode/tree-sitter-wasm';

/**
 * Spring's injected lists of beans: a field `@Autowired private List<CashierExecute> cashierExecutes;` holds every
 * bean of the application that is a `CashierExecute` (lilishop's PaymentServiceImpl: the order's, the trade's and the
 * recharge's cashier), and a `Map<String, CashierExecute>` every one by its bean's name. A loop over one runs once per
 * implementation class, a set the code fixes, not once per item of the request's data: not a query-in-loop. The file
 * says the loop runs over such a field (FileStructure: LoopContext.beans, the element type); the join keeps that
 * only when a class of the workspace annotated as a bean implements (or extends) that type.
 */

/** A Spring stereotype: the class is a bean, and its constructor's parameters are injected. */
const STEREOTYPE = /^(?:Service|Component|Repository|Controller|RestController|Configuration)$/;
/** What asks Spring to inject a field. */
const INJECTS = /^(?:Autowired|Resource|Inject)$/;
/** Lombok's constructors of final fields (or of all of them): Spring injects their parameters. */
const LOMBOK_CONSTRUCTOR = /^(?:RequiredArgsConstructor|AllArgsConstructor)$/;
/** `List<I>`, `Collection<I>`, `Set<I>` (group 1), `Map<String, I>` (group 2): a simple or qualified type, no generics. */
const BEAN_LIST = /^(?:java\.util\.)?(?:(?:List|Collection|Set)<((?:[a-z_]\w*\.)*[A-Z]\w*)>|Map<(?:java\.lang\.)?String,((?:[a-z_]\w*\.)*[A-Z]\w*)>)$/;

export interface InjectedList {
  /** The element type (its simple name). */
  type: string;
  /** A `Map<String, I>`: its beans are its `values()`. */
  map: boolean;
}

function annotationsOf(n: Node): string[] {
  const modifiers = n.namedChildren.find((c) => c?.type === 'modifiers');
  const out: string[] = [];
  for (const a of modifiers?.namedChildren ?? []) {
    if (a?.type === 'marker_annotation' || a?.type === 'annotation') out.push(a.childForFieldName('name')?.text.split('.').pop() ?? '');
  }
  return out;
}

const compact = (type: string) => type.replace(/\s+/g, '');

/**
 * The fields of a Java class that Spring fills with beans of a type: a list, set or map by name of them, with no
 * value of its own, injected by an annotation (`@Autowired`, `@Resource`, `@Inject`), or, in a class annotated as a
 * bean, through its constructor (a parameter of the same type, or Lombok's `@RequiredArgsConstructor` of a final field).
 */
export function injectedBeanLists(cls: Node): Map<string, InjectedList> {
  const out = new Map<string, InjectedList>();
  const body = cls.childForFieldName('body');
  if (!body) return out;
  const classAnnotations = annotationsOf(cls);
  const bean = classAnnotations.some((a) => STEREOTYPE.test(a));
  const lombok = bean && classAnnotations.some((a) => LOMBOK_CONSTRUCTOR.test(a));
  let constructorTypes: Set<string> | undefined;
  const members = body.namedChildren;
  for (const member of members) {
    if (member?.type !== 'field_declaration') continue;
    const typeNode = member.childForFieldName('type');
    if (!typeNode || typeNode.type !== 'generic_type') continue;
    const type = compact(typeNode.text);
    const m = BEAN_LIST.exec(type);
    if (!m) continue;
    const annotations = annotationsOf(member);
    let injected = annotations.some((a) => INJECTS.test(a));
    if (!injected && bean) {
      const final = member.namedChildren.find((c) => c?.type === 'modifiers')?.text.split(/\s+/).includes('final') ?? false;
      if (lombok && final) injected = true;
      else {
        constructorTypes ??= new Set(
          members
            .filter((c) => c?.type === 'constructor_declaration')
            .flatMap((c) => c!.childForFieldName('parameters')?.namedChildren ?? [])
            .map((p) => p?.childForFieldName('type')?.text)
            .filter((t): t is string => !!t)
            .map(compact),
        );
        injected = constructorTypes.has(type);
      }
    }
    if (!injected) continue;
    const element = (m[1] ?? m[2]).split('.').pop()!;
    for (const d of member.namedChildren) {
      if (d?.type !== 'variable_declarator' || d.childForFieldName('value')) continue;
      const name = d.childForFieldName('name')?.text;
      if (name) out.set(name, { type: element, map: m[2] !== undefined });
    }
  }
  return out;
}

/** What a for-each runs over that may be such a field: `beans`, `this.beans`, `beans.values()`, `this.beans.values()`. */
export const FIELD_ITERABLE = /^(this\.)?([A-Za-z_$][\w$]*)(\.values\(\))?$/;
