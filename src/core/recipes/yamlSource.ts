import { Document, isAlias, isDocument, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Node } from 'yaml';
import type { Located, Range, SourceLocation } from '../model/location';
import type { RecipeProblem } from '../model/environment';

/** Aliases may expand to millions of nodes (alias bombs): refuse beyond this when converting to plain JS. */
const MAX_ALIAS_COUNT = 100;
/** Flow collections nested deeper than this are refused before parsing (the parser slows down badly beyond). */
const MAX_FLOW_DEPTH = 64;
/** Merge keys can chain (`<<: *a` inside `a`): follow at most this many levels. */
const MAX_MERGE_DEPTH = 8;

export interface YamlPair {
  key: string;
  keyNode: Node;
  value: Node;
}

/**
 * One YAML file, every document of it, with exact source positions for every node.
 * Lookups follow aliases (`*anchor`) and Compose merge keys (`<<: *defaults`) without expanding anything,
 * so a value given through an anchor is found at the anchor's line and alias bombs cost nothing.
 * Reading never throws: what cannot be read becomes a RecipeProblem at its line.
 */
export class YamlSource {
  readonly documents: Document.Parsed[] = [];
  readonly problems: RecipeProblem[] = [];
  private readonly lines = new LineCounter();
  /** Each alias node → the node its anchor names (the nearest anchor before it, as YAML says). */
  private readonly aliases = new Map<Node, Node>();

  /**
   * @param origin where `text` starts in `file` when it is embedded in another file (a kustomize inline patch):
   *   a literal block's lines map one to one, shifted by the block's indentation; anything else maps to its start.
   */
  constructor(
    readonly file: string,
    readonly text: string,
    private readonly origin?: { line: number; character: number; flatten?: boolean },
  ) {
    const depth = flowDepth(text);
    if (depth.max > MAX_FLOW_DEPTH) {
      // Hundreds of nested `[`/`{` take seconds to parse; no recipe nests like that.
      // Not parsed, so the line counter is empty: count lines here.
      const line = text.slice(0, depth.at).split('\n').length - 1;
      const character = depth.at - (text.lastIndexOf('\n', depth.at - 1) + 1);
      const position = { line: line + (origin?.line ?? 0), character: character + (origin?.character ?? 0) };
      this.problems.push({ location: { file, range: { start: position, end: position } }, message: `Not read: brackets nested more than ${MAX_FLOW_DEPTH} levels deep` });
      return;
    }
    let docs: Document.Parsed[];
    try {
      docs = parseAllDocuments(text, { lineCounter: this.lines, merge: true, uniqueKeys: false }) as Document.Parsed[];
    } catch (e) {
      this.problems.push({ location: this.at(0), message: `Cannot parse YAML: ${firstLine((e as Error).message)}` });
      return;
    }
    if (!Array.isArray(docs)) return; // an empty stream
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        const err = doc.errors[0];
        this.problems.push({ location: this.at(err.pos[0], err.pos[1]), message: `Invalid YAML: ${firstLine(err.message)}` });
        continue; // a document with errors yields junk from toJS(): never read it
      }
      this.documents.push(doc);
    }
    // Only documents that use anchors need the alias table (most recipes have none).
    if (text.includes('&')) for (const doc of this.documents) this.indexAliases(doc);
  }

  /** Plain JS of a document, with aliases bounded; undefined (and a problem) if it is an alias bomb. */
  toJS(doc: Document.Parsed): unknown {
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      this.problems.push({ location: this.locate(doc.contents) ?? this.at(0), message: `Cannot read YAML: ${firstLine((e as Error).message)}` });
      return undefined;
    }
  }

  /** The node at `path` (map keys and sequence indexes), following aliases and merge keys. */
  node(doc: Document.Parsed | Node, path: readonly (string | number)[]): Node | undefined {
    let n: Node | undefined = isDocument(doc) ? ((doc.contents as Node | null) ?? undefined) : this.deref(doc);
    for (const key of path) {
      if (!n) return undefined;
      n = this.child(n, key, 0);
    }
    return n;
  }

  /** The scalar at `path`, with its location; undefined if absent or not a scalar. */
  scalar(doc: Document.Parsed | Node, path: readonly (string | number)[]): Located<unknown> | undefined {
    const n = this.node(doc, path);
    if (!n || !isScalar(n)) return undefined;
    const location = this.locate(n);
    return location ? { value: n.value, location } : undefined;
  }

  items(doc: Document.Parsed | Node, path: readonly (string | number)[]): Node[] {
    const n = this.node(doc, path);
    if (!n || !isSeq(n)) return [];
    const out: Node[] = [];
    for (const item of n.items) {
      const resolved = this.deref(item as Node);
      if (resolved && typeof resolved === 'object') out.push(resolved);
    }
    return out;
  }

  entries(doc: Document.Parsed | Node, path: readonly (string | number)[]): [string, Node][] {
    return this.pairs(doc, path).map((p) => [p.key, p.value]);
  }

  /** The key/value pairs of the map at `path`: own keys first, then merged ones they do not shadow. */
  pairs(doc: Document.Parsed | Node, path: readonly (string | number)[]): YamlPair[] {
    const n = this.node(doc, path);
    const out: YamlPair[] = [];
    if (n) this.collectPairs(n, out, new Set(), 0);
    return out;
  }

  locate(node: Node | null | undefined): SourceLocation | undefined {
    if (!node?.range) return undefined;
    return this.at(node.range[0], node.range[1]);
  }

  at(start: number, end: number = start): SourceLocation {
    return { file: this.file, range: this.range(start, end) };
  }

  private collectPairs(node: Node, out: YamlPair[], seen: Set<string>, depth: number): void {
    const map = this.deref(node);
    if (!map || !isMap(map) || depth > MAX_MERGE_DEPTH) return;
    const merges: Node[] = [];
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null;
      if (isMergeKey(keyNode)) {
        merges.push(pair.value as Node);
        continue;
      }
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') continue;
      const key = String(keyNode.value);
      const value = this.deref(pair.value as Node | null);
      if (seen.has(key) || !value || typeof value !== 'object') continue;
      seen.add(key);
      out.push({ key, keyNode, value });
    }
    for (const m of merges) {
      const target = this.deref(m);
      const sources = target && isSeq(target) ? target.items.map((i) => i as Node) : [m];
      for (const s of sources) this.collectPairs(s, out, seen, depth + 1);
    }
  }

  private child(node: Node, key: string | number, depth: number): Node | undefined {
    const n = this.deref(node);
    if (!n || depth > MAX_MERGE_DEPTH) return undefined;
    if (isSeq(n)) return typeof key === 'number' ? this.deref(n.items[key] as Node | undefined) : undefined;
    if (!isMap(n)) return undefined;
    const merges: Node[] = [];
    for (const pair of n.items) {
      const k = pair.key as Node | null;
      if (isMergeKey(k)) merges.push(pair.value as Node);
      else if (isScalar(k) && k.value !== null && String(k.value) === String(key)) return this.deref(pair.value as Node | null);
    }
    // Keys written in the map win over merged ones; among merged maps the first listed wins (YAML merge rules).
    for (const m of merges) {
      const target = this.deref(m);
      const sources = target && isSeq(target) ? target.items.map((i) => i as Node) : [m];
      for (const s of sources) {
        const found = this.child(s, key, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  private deref(node: Node | null | undefined): Node | undefined {
    if (!node) return undefined;
    if (isAlias(node)) return this.aliases.get(node);
    return node;
  }

  private indexAliases(doc: Document.Parsed): void {
    const anchors = new Map<string, Node>();
    visit(doc, {
      Node: (_key, n) => {
        const node = n as Node;
        if (isAlias(node)) {
          const target = anchors.get(node.source);
          if (target) this.aliases.set(node, target);
        } else if (node.anchor) {
          anchors.set(node.anchor, node);
        }
      },
    });
  }

  private range(start: number, end: number): Range {
    const o = this.origin;
    if (o?.flatten) return { start: { line: o.line, character: o.character }, end: { line: o.line, character: o.character } };
    const s = this.lines.linePos(Math.min(start, this.text.length));
    const e = this.lines.linePos(Math.min(end, this.text.length));
    const dl = o?.line ?? 0;
    const dc = o?.character ?? 0;
    return { start: { line: s.line - 1 + dl, character: s.col - 1 + dc }, end: { line: e.line - 1 + dl, character: e.col - 1 + dc } };
  }
}

/** The deepest nesting of flow brackets outside quotes and comments, and where it first goes past the limit. */
function flowDepth(text: string): { max: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (text[i] === quote && text[i - 1] !== '\\') quote = '';
      continue;
    }
    if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        if (max === MAX_FLOW_DEPTH + 1) at = i;
      }
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 35 && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      comment = true;
    } else if ((c === 34 || c === 39) && depth > 0) {
      quote = text[i];
    }
  }
  return { max, at };
}

function isMergeKey(key: Node | null | undefined): boolean {
  return isScalar(key) && (key.value === '<<' || typeof key.value === 'symbol');
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

export function asNumber(v: Located<unknown> | undefined): Located<number> | undefined {
  if (!v) return undefined;
  const n = typeof v.value === 'number' ? v.value : typeof v.value === 'string' && v.value.trim() !== '' ? Number(v.value) : NaN;
  return Number.isFinite(n) ? { value: n, location: v.location } : undefined;
}

export function asString(v: Located<unknown> | undefined): Located<string> | undefined {
  if (!v || v.value === null || v.value === undefined || typeof v.value === 'object' || typeof v.value === 'symbol') return undefined;
  return { value: String(v.value), location: v.location };
}

export function asBoolean(v: Located<unknown> | undefined): Located<boolean> | undefined {
  if (!v) return undefined;
  if (typeof v.value === 'boolean') return { value: v.value, location: v.location };
  if (typeof v.value === 'string' && /^(true|false)$/i.test(v.value)) return { value: /^true$/i.test(v.value), location: v.location };
  return undefined;
}
