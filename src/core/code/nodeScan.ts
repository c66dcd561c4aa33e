import { Node, type Language, type Tree } from '@vscode/tree-sitter-wasm';
import { runtimeModule } from './treeSitter';

/**
 * Finding the nodes of some types under a node, as `descendantsOfType` does, without making a JavaScript `Node` for
 * each: the binding's own walk (`ts_node_descendants_of_type_wasm`) is called directly and its results are read
 * from the WebAssembly memory, with one type and one end per node. A `Node` is made only for those the analysis
 * asks about (`nodeAt`; about half of them in the generated 2,000-file service, whose whole analysis this makes
 * about 7% faster: `npm run bench` reports it against the same analysis with a `Node` per found node).
 *
 * What it relies on is the runtime module Emscripten fills in (exports and memory views on the object given to
 * `Parser.init`) and the binding's transfer layout for a node (id, start index, start row, start column, alias:
 * five 32-bit words). Both are checked the first time a language is scanned, against `descendantsOfType` and the
 * `Node` API on that same tree; if anything differs, or an export is missing, every scan uses the public API.
 */

/** The runtime module's members used here (Emscripten's names: `_` + the C function). */
interface Runtime {
  HEAP32: Int32Array;
  _malloc(bytes: number): number;
  _free(address: number): void;
  _ts_init(): number;
  _ts_node_descendants_of_type_wasm(tree: number, symbols: number, count: number, startRow: number, startColumn: number, endRow: number, endColumn: number): void;
  _ts_node_symbol_wasm(tree: number): number;
  _ts_node_end_index_wasm(tree: number): number;
  /** Not needed for scans: namedChildrenOf uses it when it is there. */
  _ts_node_named_children_wasm?(tree: number): void;
}

/** Words per node in the transfer layout, and in a scan's `raw` column (the five, then type id and end). */
const NODE_WORDS = 5;
const RAW_WORDS = 7;

/** One scan: per found node, in document order, its seven words (see RAW_WORDS). */
export interface RawScan {
  count: number;
  raw: Int32Array;
  tree: Tree;
}

/** Internal handles of the binding's objects: the address of a tree, the alias word of a node. */
type Handle = { 0: number };

class DirectScanner {
  private readonly transfer: number;
  private readonly symbolLists = new WeakMap<Language, Map<string, { address: number; count: number }>>();

  constructor(private readonly rt: Runtime) {
    // ts_init only writes the two ABI version words into the transfer buffer, and says where it is.
    this.transfer = rt._ts_init() >> 2;
  }

  scan(root: Node, language: Language, types: readonly string[], key: string): RawScan {
    const symbols = this.symbolsOf(language, types, key);
    const treeAddress = this.marshal(root);
    this.rt._ts_node_descendants_of_type_wasm(treeAddress, symbols.address, symbols.count, 0, 0, 0, 0);
    return this.collect(root.tree, treeAddress);
  }

  /** The named children of `node` (undefined if this runtime lacks the export). */
  children(node: Node): RawScan | undefined {
    if (!this.rt._ts_node_named_children_wasm) return undefined;
    const treeAddress = this.marshal(node);
    this.rt._ts_node_named_children_wasm(treeAddress);
    return this.collect(node.tree, treeAddress);
  }

  /** Puts `node` in the transfer buffer, as the binding does before a call about it; returns its tree's address. */
  private marshal(node: Node): number {
    const heap = this.rt.HEAP32;
    const t = this.transfer;
    heap[t] = node.id;
    heap[t + 1] = node.startIndex;
    heap[t + 2] = node.startPosition.row;
    heap[t + 3] = node.startPosition.column;
    heap[t + 4] = (node as unknown as Handle)[0];
    return (node.tree as unknown as Handle)[0];
  }

  /** The nodes a call left in the transfer buffer (a count and a list it allocated), with their types and ends. */
  private collect(tree: Tree, treeAddress: number): RawScan {
    const { rt } = this;
    const t = this.transfer;
    const heap = rt.HEAP32; // read after the call: it may have grown the memory
    const count = heap[t];
    const found = heap[t + 1];
    const raw = new Int32Array(count * RAW_WORDS);
    for (let i = 0, from = found >> 2, to = 0; i < count; i++, from += NODE_WORDS, to += RAW_WORDS) {
      for (let w = 0; w < NODE_WORDS; w++) raw[to + w] = heap[t + w] = heap[from + w];
      raw[to + 5] = rt._ts_node_symbol_wasm(treeAddress);
      raw[to + 6] = rt._ts_node_end_index_wasm(treeAddress);
    }
    if (found) rt._free(found);
    return { count, raw, tree };
  }

  /** The grammar symbols of the wanted types, in WebAssembly memory, once per language and list. */
  private symbolsOf(language: Language, types: readonly string[], key: string): { address: number; count: number } {
    let lists = this.symbolLists.get(language);
    if (!lists) this.symbolLists.set(language, (lists = new Map()));
    let list = lists.get(key);
    if (!list) {
      const wanted = new Set(types);
      const symbols: number[] = [];
      // Named symbols only: the keyword `function` or `class` is named like a node type (`class` expressions).
      language.types.forEach((name, symbol) => {
        if (name !== undefined && wanted.has(name) && language.nodeTypeIsNamed(symbol)) symbols.push(symbol);
      });
      const address = this.rt._malloc(4 * Math.max(1, symbols.length));
      this.rt.HEAP32.set(symbols, address >> 2);
      lists.set(key, (list = { address, count: symbols.length }));
    }
    return list;
  }
}

/** The `Node` for found node i of a direct scan, made the way the binding makes one from its transfer words. */
export function nodeAt(scan: RawScan, i: number): Node {
  const at = i * RAW_WORDS;
  // The fields in the order the class declares them, so these nodes share the shape of the binding's own.
  const node = Object.create(Node.prototype) as { -readonly [K in keyof Node]: Node[K] } & Handle & { _children?: unknown; _namedChildren?: unknown };
  node[0] = scan.raw[at + 4];
  node._children = undefined;
  node._namedChildren = undefined;
  node.id = scan.raw[at];
  node.startIndex = scan.raw[at + 1];
  node.startPosition = { row: scan.raw[at + 2], column: scan.raw[at + 3] };
  node.tree = scan.tree;
  return node as unknown as Node;
}

export const typeIdAt = (scan: RawScan, i: number): number => scan.raw[i * RAW_WORDS + 5];
export const rowAt = (scan: RawScan, i: number): number => scan.raw[i * RAW_WORDS + 2];
export const columnAt = (scan: RawScan, i: number): number => scan.raw[i * RAW_WORDS + 3];
export const startAt = (scan: RawScan, i: number): number => scan.raw[i * RAW_WORDS + 1];
export const endAt = (scan: RawScan, i: number): number => scan.raw[i * RAW_WORDS + 6];

let scanner: DirectScanner | null | undefined;
const verified = new WeakMap<Language, boolean>();

/**
 * The direct scan of `root`, or undefined when it is not available for this language (the caller then uses
 * `descendantsOfType`). The first scan of each language is compared with the public API before it is trusted.
 */
export function directScan(root: Node, types: readonly string[], key: string): RawScan | undefined {
  if (!enabled) return undefined;
  if (scanner === undefined) scanner = makeScanner();
  if (!scanner) return undefined;
  const language = root.tree.language;
  const trusted = verified.get(language);
  if (trusted === false) return undefined;
  const scan = scanner.scan(root, language, types, key);
  if (trusted === undefined) {
    if (!agrees(scan, root, types)) {
      verified.set(language, false);
      return undefined;
    }
    // A scan that found nothing proves nothing: the next one is checked too.
    if (scan.count > 0) {
      verified.set(language, true);
    }
  }
  return scan;
}

/**
 * The named children of `node` as a scan: an edited document's top-level statements, most of which only need their
 * places (analyzeFile reuses their results), so a `Node` is made (`nodeAt`) only for those the edit changed. Checked
 * against `namedChildren` the first time per language, like `directScan`; made from it when not direct.
 */
export function namedChildrenOf(node: Node): RawScan {
  const language = node.tree.language;
  if (enabled && scanner === undefined) scanner = makeScanner();
  const trusted = childrenVerified.get(language);
  const scan = enabled && scanner && trusted !== false ? scanner.children(node) : undefined;
  if (scan && trusted === undefined) {
    const agreed = sameNodes(scan, node.namedChildren);
    if (!agreed) childrenVerified.set(language, false);
    else if (scan.count > 0) childrenVerified.set(language, true);
    if (!agreed) return scanOf(node.tree, node.namedChildren);
  }
  return scan ?? scanOf(node.tree, node.namedChildren);
}

const childrenVerified = new WeakMap<Language, boolean>();

/** Nodes of the public API in a scan's layout. */
function scanOf(tree: Tree, nodes: (Node | null)[]): RawScan {
  const present = nodes.filter((n): n is Node => n !== null);
  const raw = new Int32Array(present.length * RAW_WORDS);
  present.forEach((n, i) => raw.set([n.id, n.startIndex, n.startPosition.row, n.startPosition.column, (n as unknown as Handle)[0], n.typeId, n.endIndex], i * RAW_WORDS));
  return { count: present.length, raw, tree };
}

let enabled = true;

/** Tests and the benchmark compare both ways on the same files: false makes every scan use `descendantsOfType`. */
export function useDirectScan(on: boolean): void {
  enabled = on;
}

/** How this language's trees are scanned, for the benchmark and the tests: 'direct' once it was checked. */
export function scanMethod(language: Language): 'direct' | 'public' {
  return enabled && verified.get(language) === true ? 'direct' : 'public';
}

function makeScanner(): DirectScanner | null {
  const rt = runtimeModule() as Partial<Runtime> | undefined;
  const needed: (keyof Runtime)[] = ['_malloc', '_free', '_ts_init', '_ts_node_descendants_of_type_wasm', '_ts_node_symbol_wasm', '_ts_node_end_index_wasm'];
  if (!rt || !(rt.HEAP32 instanceof Int32Array) || needed.some((k) => typeof rt[k] !== 'function')) return null;
  return new DirectScanner(rt as Runtime);
}

/** `descendantsOfType`, without the keywords named like a wanted type (see DirectScanner.symbolsOf). */
export function namedDescendantsOfType(root: Node, types: readonly string[]): Node[] {
  return root.descendantsOfType([...types]).filter((n): n is Node => n !== null && n.isNamed);
}

/** The direct scan says what `descendantsOfType` and the `Node` API say, node for node. */
function agrees(scan: RawScan, root: Node, types: readonly string[]): boolean {
  try {
    return sameNodes(scan, namedDescendantsOfType(root, types));
  } catch {
    return false;
  }
}

/** A direct scan's nodes are these nodes of the `Node` API: places, types, and the nodes made from them. */
function sameNodes(scan: RawScan, expected: (Node | null)[]): boolean {
  try {
    if (expected.length !== scan.count) return false;
    for (let i = 0; i < scan.count; i++) {
      const want = expected[i];
      const made = nodeAt(scan, i);
      if (!want || typeIdAt(scan, i) !== want.typeId || startAt(scan, i) !== want.startIndex || endAt(scan, i) !== want.endIndex) return false;
      if (rowAt(scan, i) !== want.startPosition.row || columnAt(scan, i) !== want.startPosition.column) return false;
      if (!made.equals(want) || made.type !== want.type || made.endIndex !== want.endIndex || made.parent?.id !== want.parent?.id) return false;
      if (made.childCount !== want.childCount || made.firstNamedChild?.text !== want.firstNamedChild?.text) return false;
    }
    return true;
  } catch {
    return false;
  }
}
