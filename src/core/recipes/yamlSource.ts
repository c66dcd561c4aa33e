import { Document, isCollection, isDocument, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { Located, Range, SourceLocation } from '../model/location';
import type { RecipeProblem } from '../model/environment';

/** Aliases may expand to millions of nodes (alias bombs): refuse beyond this. */
const MAX_ALIAS_COUNT = 100;

/**
 * One YAML file, every document of it, with exact source positions for every node.
 * Reading never throws: what cannot be read becomes a RecipeProblem at its line.
 */
export class YamlSource {
  readonly documents: Document.Parsed[] = [];
  readonly problems: RecipeProblem[] = [];
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    let docs: Document.Parsed[];
    try {
      // Compose merge keys (`<<: *anchor`) only merge with `merge: true`.
      docs = parseAllDocuments(text, { lineCounter: this.lines, merge: true, uniqueKeys: false }) as Document.Parsed[];
    } catch (e) {
      this.problems.push({ location: this.at(0), message: `Cannot parse YAML: ${(e as Error).message}` });
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
  }

  /** Plain JS of a document, with aliases bounded; undefined (and a problem) if it is an alias bomb. */
  toJS(doc: Document.Parsed): unknown {
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      this.problems.push({ location: this.locate(doc.contents) ?? this.at(0), message: `Cannot read YAML: ${(e as Error).message}` });
      return undefined;
    }
  }

  node(doc: Document.Parsed | Node, path: (string | number)[]): Node | undefined {
    if (path.length === 0) return isDocument(doc) ? ((doc.contents as Node | null) ?? undefined) : doc;
    if (!isDocument(doc) && !isCollection(doc)) return undefined;
    const found = doc.getIn(path, true);
    return found && typeof found === 'object' ? (found as Node) : undefined;
  }

  /** The scalar at `path`, with its location; undefined if absent or not a scalar. */
  scalar(doc: Document.Parsed | Node, path: (string | number)[]): Located<unknown> | undefined {
    const n = this.node(doc, path);
    if (!n || !isScalar(n)) return undefined;
    const location = this.locate(n);
    return location ? { value: n.value, location } : undefined;
  }

  items(doc: Document.Parsed | Node, path: (string | number)[]): Node[] {
    const n = path.length ? this.node(doc, path) : (doc as Node);
    return n && isSeq(n) ? (n.items.filter((i) => i && typeof i === 'object') as Node[]) : [];
  }

  entries(doc: Document.Parsed | Node, path: (string | number)[]): [string, Node][] {
    const n = path.length ? this.node(doc, path) : (doc as Node);
    if (!n || !isMap(n)) return [];
    const out: [string, Node][] = [];
    for (const pair of n.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && key !== '<<' && pair.value && typeof pair.value === 'object') out.push([key, pair.value as Node]);
    }
    return out;
  }

  locate(node: Node | null | undefined): SourceLocation | undefined {
    if (!node?.range) return undefined;
    return this.at(node.range[0], node.range[1]);
  }

  at(start: number, end: number = start): SourceLocation {
    return { file: this.file, range: this.range(start, end) };
  }

  private range(start: number, end: number): Range {
    const s = this.lines.linePos(Math.min(start, this.text.length));
    const e = this.lines.linePos(Math.min(end, this.text.length));
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  }
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
  if (!v || v.value === null || v.value === undefined) return undefined;
  return { value: String(v.value), location: v.location };
}
