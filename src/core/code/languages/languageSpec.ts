import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFamily } from '../hazards/callCatalogue';

export interface LoopShape {
  kind: string;
  /** The part evaluated once before iterating (the iterable, the initializer): calls there are not multiplied. */
  once?: (loop: Node) => Node | null;
  /** The iterable, when it can be a literal: a loop over two constants is not a load multiplier. */
  iterable?: (loop: Node) => Node | null;
}

/** What the one-pass analysis needs to know about a grammar: node types by role, and the idioms of loops. */
export interface LanguageSpec {
  family: LanguageFamily;
  callTypes: string[];
  /** Argument lists: a call's own list is the one that ends where the call ends. */
  argumentTypes: string[];
  functionTypes: string[];
  classTypes: string[];
  loops: Record<string, LoopShape>;
  /** Node types kept for routes and hazards of this language (decorators, annotations, `go` statements). */
  extraTypes: string[];
  /** Methods whose function argument runs once per element (`items.map(fn)`, `stream().forEach(fn)`). */
  callbackMethods: Set<string>;
  /** When set, a callback method only loops if the chain also matches (Java: only on streams and collections). */
  callbackReceiver?: RegExp;
  /** Calls that run what they are given concurrently: a loop inside them is a parallel fan-out. */
  parallelWrappers: RegExp;
  /** Chains that make a callback loop parallel by themselves (`parallelStream()`). */
  parallelChains?: RegExp;
  /** Chains whose callbacks run one after another even when each returns a promise (Bluebird's `Promise.each`). */
  sequentialChains?: RegExp;
  /** Node types whose body runs concurrently with the loop around them (Go's `go` statement). */
  parallelScopes: Set<string>;
  /** Calls that run the function given to them on another thread or task (`CompletableFuture.runAsync(() -> …)`). */
  asyncSubmit?: RegExp;
  /** Array/list literal types, and what makes one not a constant (spread). */
  literalTypes: Set<string>;
  spreadTypes: Set<string>;
  /** The function's own name, when it has one (`function f`, `def f`, `const f = () =>`). */
  functionName(fn: Node, type: string, text: string): string | undefined;
  /** The class or receiver type a method belongs to, when not given by an enclosing class node (Go receivers). */
  receiverType?(fn: Node, type: string): string | undefined;
  /** Go: the name a method gives its receiver (`s` in `func (s *Server) …`). */
  receiverName?(fn: Node, type: string): string | undefined;
  /** Whether the function is async, from the first characters of its text (its modifiers included). */
  isAsync(fnText: string): boolean;
  /** Comments and strings: a position inside one is not code. */
  nonCodeTypes: Set<string>;
}

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}
