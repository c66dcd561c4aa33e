import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../model/location';
import type { LoopMode, Span } from './codeModel';
import type { LanguageSpec } from './languages/languageSpec';
import { calleeChain, lineStartsOf, positionAt } from './syntax';

const RETRY_HEADER = /\b(retr(y|ies|ied)\w*|attempts?\w*|tries|tried|max_?[rR]etries|maxAttempts)\b|[a-z](Retr(y|ies)|Attempts?)\b/i;

/** One node of interest, with what the analysis reads of it paid for once. */
export interface Scanned {
  node: Node;
  type: string;
  start: number;
  end: number;
  /** Index of the nearest scanned ancestor, or -1. */
  parent: number;
}

export interface CallInfo {
  index: number;
  /** Member chain of the callee (`['db','query']`); empty when it is not a name (`(await f())()`). */
  chain: string[];
  /** Scan index of the call's own argument list, or -1. */
  args: number;
}

export interface LoopContext {
  index: number;
  kind: string;
  mode: LoopMode;
  range: Range;
}

export interface FunctionInfo {
  index: number;
  name?: string;
  /** Enclosing class, or the Go receiver type. */
  owner?: string;
  async: boolean;
  /** Nearest enclosing function's index in `functions`, or -1 (top level). */
  outer: number;
}

/**
 * The file seen once: every node the analysis cares about, found with a single `descendantsOfType` call
 * (the tree walk stays inside WebAssembly), then related by offsets in plain JavaScript: which function and
 * which loop iteration each node runs in, and each call's callee chain read from the source text.
 * Route and hazard finders read this instead of walking the tree again.
 */
export class FileStructure {
  readonly nodes: Scanned[] = [];
  readonly calls = new Map<number, CallInfo>();
  /** Per scanned node: index into `functions` of the innermost enclosing function (itself for a function), or -1. */
  readonly functionOf: Int32Array;
  /** Per scanned node: index into `loops` of the innermost loop it runs once per iteration of, or -1. */
  readonly loopOf: Int32Array;
  readonly loops: LoopContext[] = [];
  readonly functions: FunctionInfo[] = [];
  private readonly functionIndex = new Map<number, number>();
  private readonly byId = new Map<number, number>();
  private readonly lineStarts: number[];
  private readonly roles: { call: Set<string>; args: Set<string>; fn: Set<string>; cls: Set<string> };

  constructor(
    readonly text: string,
    readonly tree: Tree,
    readonly spec: LanguageSpec,
  ) {
    this.lineStarts = lineStartsOf(text);
    this.roles = {
      call: new Set(spec.callTypes),
      args: new Set(spec.argumentTypes),
      fn: new Set(spec.functionTypes),
      cls: new Set(spec.classTypes),
    };
    const types = [
      ...new Set([...spec.callTypes, ...spec.argumentTypes, ...spec.functionTypes, ...spec.classTypes, ...Object.keys(spec.loops), ...spec.extraTypes, ...spec.parallelScopes]),
    ];
    this.scan(tree.rootNode, types);
    this.functionOf = new Int32Array(this.nodes.length).fill(-1);
    this.loopOf = new Int32Array(this.nodes.length).fill(-1);
    this.relate();
  }

  private scan(root: Node, types: string[]): void {
    const language = root.tree.language;
    const typeOf = new Map<number, string>();
    const stack: number[] = [];
    for (const node of root.descendantsOfType(types)) {
      if (!node) continue;
      const typeId = node.typeId;
      let type = typeOf.get(typeId);
      if (type === undefined) {
        type = language.types[typeId] ?? 'ERROR';
        typeOf.set(typeId, type);
      }
      const start = node.startIndex;
      const end = node.endIndex;
      while (stack.length) {
        const top = this.nodes[stack[stack.length - 1]];
        if (start >= top.start && end <= top.end && !(top.end === start && top.start !== start)) break;
        stack.pop();
      }
      this.byId.set(node.id, this.nodes.length);
      this.nodes.push({ node, type, start, end, parent: stack.length ? stack[stack.length - 1] : -1 });
      stack.push(this.nodes.length - 1);
    }
  }

  private relate(): void {
    const { nodes, spec, roles } = this;
    const classNames = new Map<number, string | undefined>();
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const p = n.parent;
      if (roles.call.has(n.type)) this.calls.set(i, this.callInfo(i));
      if (roles.cls.has(n.type)) classNames.set(i, n.node.childForFieldName('name')?.text);

      // Function membership.
      if (roles.fn.has(n.type)) {
        let owner: string | undefined = spec.receiverType?.(n.node, n.type);
        for (let a = p; a >= 0 && owner === undefined; a = nodes[a].parent) {
          if (roles.fn.has(nodes[a].type)) break;
          if (classNames.has(a)) owner = classNames.get(a);
        }
        const outer = p >= 0 ? this.functionOf[p] : -1;
        this.functionIndex.set(i, this.functions.length);
        this.functions.push({
          index: i,
          name: spec.functionName(n.node, n.type),
          owner,
          async: spec.isAsync(this.text.slice(n.start, n.start + 6)),
          outer,
        });
        this.functionOf[i] = this.functions.length - 1;
      } else {
        this.functionOf[i] = p >= 0 ? this.functionOf[p] : -1;
      }

      // Loop membership: inherit from the parent, unless the parent is a loop whose per-iteration part holds us.
      let loop = p >= 0 ? this.loopOf[p] : -1;
      if (p >= 0) {
        const ctx = this.loopContextOf(p);
        if (ctx && ctx.loop >= 0 && !(ctx.once && n.start >= ctx.once.start && n.end <= ctx.once.end)) loop = ctx.loop;
        if (spec.parallelScopes.has(nodes[p].type) && loop >= 0) loop = this.parallelCopy(loop);
      }
      this.loopOf[i] = loop;
      // A loop node's own context is set up lazily on its first child (loopContextOf), so a loop is never
      // "inside itself": its iterable belongs to the enclosing iteration.
      if (roles.fn.has(n.type)) {
        const cb = this.callbackLoop(i);
        if (cb) this.pendingCallback.set(i, cb);
      }
    }
  }

  private readonly loopContexts = new Map<number, { loop: number; once?: Span } | null>();
  private readonly pendingCallback = new Map<number, { kind: string; mode: LoopMode; range: Range }>();
  private readonly parallelCopies = new Map<number, number>();

  /** The loop context a node opens for its children, or null when it is not a loop (or loops over constants). */
  private loopContextOf(i: number): { loop: number; once?: Span } | null {
    const cached = this.loopContexts.get(i);
    if (cached !== undefined) return cached;
    const n = this.nodes[i];
    let result: { loop: number; once?: Span } | null = null;
    const shape = this.spec.loops[n.type];
    const callback = this.pendingCallback.get(i);
    if (shape) {
      const iterable = shape.iterable?.(n.node);
      if (!(iterable && this.isSmallLiteral(iterable)) && !this.isRetryLoop(i)) {
        const once = shape.once?.(n.node);
        let mode: LoopMode = 'sequential';
        if (n.type !== 'for_statement' && n.type !== 'while_statement' && this.insideParallelWrapper(i)) mode = 'parallel';
        this.loops.push({ index: i, kind: shape.kind, mode, range: this.rangeOf(i) });
        result = { loop: this.loops.length - 1, once: once ? { start: once.startIndex, end: once.endIndex } : undefined };
      }
    } else if (callback) {
      this.loops.push({ index: i, ...callback });
      result = { loop: this.loops.length - 1 };
    }
    this.loopContexts.set(i, result);
    return result;
  }

  private parallelCopy(loop: number): number {
    const ctx = this.loops[loop];
    if (ctx.mode === 'parallel') return loop;
    let copy = this.parallelCopies.get(loop);
    if (copy === undefined) {
      this.loops.push({ ...ctx, mode: 'parallel' });
      copy = this.loops.length - 1;
      this.parallelCopies.set(loop, copy);
    }
    return copy;
  }

  /** `items.map(async (i) => …)`: the function argument of a per-element method is a loop body. */
  private callbackLoop(fnIndex: number): { kind: string; mode: LoopMode; range: Range } | undefined {
    const argsIndex = this.nodes[fnIndex].parent;
    if (argsIndex < 0 || !this.roles.args.has(this.nodes[argsIndex].type)) return undefined;
    const callIndex = this.nodes[argsIndex].parent;
    const call = this.calls.get(callIndex);
    if (!call || call.args !== argsIndex) return undefined;
    const method = call.chain[call.chain.length - 1];
    const joined = call.chain.join('.');
    if (this.spec.parallelWrappers.test(joined) && this.spec.family === 'go') {
      // errgroup's g.Go(func() error {…}) inside a loop: the body runs concurrently.
      const outer = this.loopOf[callIndex];
      return outer >= 0 ? { ...this.loops[outer], mode: 'parallel' } : undefined;
    }
    if (!method || !this.spec.callbackMethods.has(method)) return undefined;
    if (this.spec.callbackReceiver && !this.spec.callbackReceiver.test(joined)) return undefined;
    const receiver = this.receiverLiteral(callIndex);
    if (receiver && this.isSmallLiteral(receiver)) return undefined;
    const fnInfo = this.functions[this.functionIndex.get(fnIndex)!];
    const parallel =
      (fnInfo?.async ?? false) || this.insideParallelWrapper(callIndex) || (this.spec.parallelChains?.test(joined) ?? false);
    return { kind: `.${method}()`, mode: parallel ? 'parallel' : 'sequential', range: this.rangeOf(callIndex) };
  }

  /** Loops that retry (`for attempt in range(3)`) are bounded by attempts, not by data: see retryHazards. */
  readonly retryLoops = new Set<number>();

  private isRetryLoop(i: number): boolean {
    const n = this.nodes[i];
    if (n.type.includes('comprehension') || n.type === 'generator_expression') return false;
    const header = this.text.slice(n.start, Math.min(n.end, n.start + 160)).split(/[{:\n]/, 1)[0];
    if (!RETRY_HEADER.test(header)) return false;
    this.retryLoops.add(i);
    return true;
  }

  /** `[a, b].forEach(…)`: the receiver when it is written as a literal. */
  private receiverLiteral(callIndex: number): Node | null {
    const text = this.text.slice(this.nodes[callIndex].start, this.nodes[callIndex].start + 1);
    if (text !== '[' && text !== '(') return null;
    const fn = this.nodes[callIndex].node.childForFieldName('function');
    return fn?.childForFieldName('object') ?? null;
  }

  /** The node is (inside) an argument of Promise.all / asyncio.gather / CompletableFuture.allOf. */
  private insideParallelWrapper(i: number): boolean {
    let a = this.nodes[i].parent;
    // Through one argument list (and a Python generator passed as the only argument).
    if (a >= 0 && this.roles.args.has(this.nodes[a].type)) a = this.nodes[a].parent;
    else if (a >= 0 && !this.roles.call.has(this.nodes[a].type)) return false;
    const call = a >= 0 ? this.calls.get(a) : undefined;
    return !!call && this.spec.parallelWrappers.test(call.chain.join('.'));
  }

  isSmallLiteral(node: Node): boolean {
    const type = node.type;
    if (type === 'composite_literal') {
      const body = node.childForFieldName('body');
      return !!body && body.namedChildCount <= 3;
    }
    if (type === 'method_invocation') {
      // Java: List.of("a", "b"), Arrays.asList(…), Set.of(…)
      const chain = (calleeChain(node.text.slice(0, Math.max(0, node.text.indexOf('(')))) ?? []).join('.');
      if (!/^(List|Set|Arrays|Stream)\.(of|asList)$/.test(chain)) return false;
      const args = node.childForFieldName('arguments');
      return !!args && args.namedChildCount <= 3;
    }
    if (!this.spec.literalTypes.has(type)) return false;
    const items = node.namedChildren;
    return items.length <= 3 && !items.some((c) => c && this.spec.spreadTypes.has(c.type));
  }

  private callInfo(i: number): CallInfo {
    const n = this.nodes[i];
    // The call's own argument list is the first argument-list node after it that ends where the call ends.
    let args = -1;
    for (let j = i + 1; j < this.nodes.length && this.nodes[j].start < n.end; j++) {
      const m = this.nodes[j];
      if (m.end === n.end && this.roles.args.has(m.type)) {
        args = j;
        break;
      }
    }
    const calleeEnd = args >= 0 ? this.nodes[args].start : n.end;
    let calleeText = this.text.slice(n.start, calleeEnd);
    if (n.type === 'new_expression') calleeText = calleeText.replace(/^new\s+/, '');
    else if (n.type === 'object_creation_expression') calleeText = calleeText.replace(/^new\s+/, '');
    const chain = calleeChain(calleeText) ?? [];
    return { index: i, chain, args };
  }

  // ---- helpers for finders ----

  rangeOf(i: number): Range {
    const n = this.nodes[i];
    return { start: { line: n.node.startPosition.row, character: n.node.startPosition.column }, end: positionAt(this.lineStarts, n.end) };
  }

  rangeOfSpan(start: number, end: number): Range {
    return { start: positionAt(this.lineStarts, start), end: positionAt(this.lineStarts, end) };
  }

  rangeOfNode(node: Node): Range {
    return { start: { line: node.startPosition.row, character: node.startPosition.column }, end: positionAt(this.lineStarts, node.endIndex) };
  }

  textOf(i: number): string {
    return this.text.slice(this.nodes[i].start, this.nodes[i].end);
  }

  /** Argument nodes of a call (named children of its own argument list). */
  argumentsOf(call: CallInfo): Node[] {
    if (call.args < 0) return [];
    const list = this.nodes[call.args].node;
    if (this.nodes[call.args].type === 'generator_expression') return [list];
    return list.namedChildren.filter((c): c is Node => c !== null);
  }

  /** The scan index of a node obtained another way (a field of a scanned node), if it was scanned. */
  indexOfNode(node: Node): number | undefined {
    return this.byId.get(node.id);
  }

  /** Index in `functions` of the function node at scan index i, if it is one. */
  functionIndexAt(i: number): number | undefined {
    return this.functionIndex.get(i);
  }

  functionAt(i: number): FunctionInfo | undefined {
    const f = this.functionOf[i];
    return f >= 0 ? this.functions[f] : undefined;
  }

  loopAt(i: number): LoopContext | undefined {
    const l = this.loopOf[i];
    return l >= 0 ? this.loops[l] : undefined;
  }

  /** Spans of every function, by index in `functions`. */
  spanOfFunction(f: number): Span {
    const n = this.nodes[this.functions[f].index];
    return { start: n.start, end: n.end };
  }

  /** The named function a node belongs to, skipping anonymous callbacks (`items.map(x => …)` inside `list`). */
  namedFunctionAt(i: number): number {
    let f = this.functionOf[i];
    while (f >= 0 && !this.functions[f].name) f = this.functions[f].outer;
    return f;
  }
}
