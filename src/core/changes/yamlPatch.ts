import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, visit, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Position } from '../model/location';
import { ChangeRefusal } from './changeTypes';
import type { LiteralType, RecipePatch } from './patchTypes';
import { applyEdit, TextPositions, type TextEdit } from './textPositions';

/** Aliases expand when a document is turned into plain JS for verification: bound them (alias bombs). */
const MAX_ALIAS_COUNT = 1000;
const PARSE_OPTIONS = { merge: true, uniqueKeys: false } as const;
/** Keys under which recipes keep environment variables (Kubernetes, Compose, Helm chart conventions). */
const ENV_KEYS = new Set(['env', 'environment', 'extraEnv', 'envVars', 'extraEnvVars']);
type Segment = string | number;

interface Located {
  doc: Document.Parsed;
  docIndex: number;
  node: Scalar;
  /** The collections and pairs from the document down to the node (as `visit` gives them). */
  ancestors: readonly unknown[];
  segments: Segment[];
}

/**
 * Sets the scalar that starts at `at` to `value`, editing only that scalar's characters: comments, order, quoting,
 * indentation and every other byte stay as they were. The scalar keeps its quoting style unless the new value needs
 * quotes to keep its type (an env value `20` stays the string "20"). The result is parsed again and must equal the old
 * document with only that value changed, else nothing is returned. Refuses values shared through anchors, values
 * written as templates or variables, and custom tags: those cannot be changed here without changing something else.
 */
export function patchYamlValue(file: string, text: string, at: Position, value: string, type: LiteralType): RecipePatch {
  const docs = parseOrRefuse(file, text);
  const positions = new TextPositions(text);
  const offset = positions.offsetAt(at);
  const found = findScalar(docs, offset);
  if (!found) {
    const block = findBlockLiteral(docs, offset);
    if (block) return patchInsideBlock(file, text, positions, block, at, value, type);
    throw new ChangeRefusal('not-patchable', `${file}:${at.line + 1} no longer holds a value at column ${at.character + 1}: the recipe changed. Re-run the request.`);
  }
  return setScalar(file, text, positions, docs, found, value, type);
}

/** The same value in another version of the file (the base commit of a branch), found by its path, not its line. */
export function patchYamlValueAtPath(file: string, text: string, docIndex: number, segments: Segment[], value: string, type: LiteralType): RecipePatch {
  const docs = parseOrRefuse(file, text);
  const doc = docs[docIndex];
  const node = doc?.getIn(segments, true) as Node | undefined;
  if (!doc || !isScalar(node) || !node.range) {
    throw new ChangeRefusal('not-patchable', `${file} has no value at ${pathText(docs.length, docIndex, segments)} in this version.`, true);
  }
  const found = findScalar(docs, node.range[0]);
  if (!found) throw new ChangeRefusal('not-patchable', `${file}: cannot locate ${pathText(docs.length, docIndex, segments)}.`, true);
  return setScalar(file, text, new TextPositions(text), docs, found, value, type);
}

/** Where the scalar at `at` is, by document and path: lets a branch patch the same value in another version. */
export function yamlPathAt(file: string, text: string, at: Position): { docIndex: number; segments: Segment[] } | undefined {
  const docs = parseOrRefuse(file, text);
  const found = findScalar(docs, new TextPositions(text).offsetAt(at));
  return found ? { docIndex: found.docIndex, segments: found.segments } : undefined;
}

/**
 * Adds an environment variable to the block that holds the located sibling variable (a Kubernetes `env:` list, a
 * Compose `environment:` list or map, a Helm `env:` map), written in the same style as the last entry. Only block
 * collections are edited; a flow collection (`env: []`) is refused rather than reformatted.
 */
export function addYamlEnv(file: string, text: string, sibling: Position, name: string, value: string): RecipePatch {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new ChangeRefusal('invalid-value', `"${name}" is not a valid environment variable name.`);
  const docs = parseOrRefuse(file, text);
  const positions = new TextPositions(text);
  const offset = positions.offsetAt(sibling);
  const hit = findAnyNode(docs, offset);
  if (!hit) throw new ChangeRefusal('not-patchable', `${file}:${sibling.line + 1}: no environment entry found there; the recipe changed.`);
  // Walk up from the sibling to the collection under an env key.
  const chain = [...hit.ancestors, hit.node];
  let block: YAMLSeq | YAMLMap | undefined;
  let blockSegments: Segment[] = [];
  for (let i = chain.length - 1; i > 0; i--) {
    const parent = chain[i - 1];
    const n = chain[i];
    if ((isSeq(n) || isMap(n)) && isPair(parent) && isScalar(parent.key) && ENV_KEYS.has(String(parent.key.value))) {
      block = n as YAMLSeq | YAMLMap;
      blockSegments = segmentsOf(chain.slice(0, i) as unknown[], n);
      break;
    }
  }
  if (!block) throw new ChangeRefusal('not-patchable', `${file}:${sibling.line + 1} is not inside an env block.`, true);
  if (block.flow) throw new ChangeRefusal('not-patchable', `The env block at ${file}:${positions.positionAt(block.range![0]).line + 1} is written inline (flow style): Ops Lens does not reformat it.`, true);
  const exists = isSeq(block)
    ? block.items.some((it) => (isMap(it) ? String((it as YAMLMap).get('name')) === name : isScalar(it) && String(it.value).split('=')[0] === name))
    : block.items.some((p) => isScalar(p.key) && String(p.key.value) === name);
  if (exists) throw new ChangeRefusal('invalid-value', `${name} is already set in this env block: choose it to change its value.`);

  const last = block.items[block.items.length - 1] as Node | { key: Node; value: Node } | undefined;
  if (!last) throw new ChangeRefusal('not-patchable', `The env block in ${file} is empty: Ops Lens adds variables next to an existing one.`, true);
  const eol = positions.eol;
  let insertion: string;
  let endOffset: number;
  if (isSeq(block)) {
    const item = last as Node;
    const start = positions.positionAt(item.range![0]);
    const prefix = positions.lineText(start.line).slice(0, start.character);
    if (!/^\s*-\s+$/.test(prefix)) throw new ChangeRefusal('not-patchable', `The env list in ${file} is laid out in a way Ops Lens does not edit.`, true);
    endOffset = item.range![1];
    if (isMap(item)) {
      const valueNode = (item as YAMLMap).get('value', true) as Scalar | undefined;
      insertion = `${prefix}name: ${name}${eol}${' '.repeat(start.character)}value: ${renderLike(valueNode?.type, value)}`;
    } else {
      insertion = `${prefix}${renderLike((item as Scalar).type, `${name}=${value}`)}`;
    }
  } else {
    const pair = last as { key: Node; value: Node };
    const keyStart = positions.positionAt(pair.key.range![0]);
    const prefix = positions.lineText(keyStart.line).slice(0, keyStart.character);
    if (!/^\s*$/.test(prefix)) throw new ChangeRefusal('not-patchable', `The env map in ${file} is laid out in a way Ops Lens does not edit.`, true);
    endOffset = (pair.value?.range ?? pair.key.range!)[1];
    insertion = `${prefix}${name}: ${renderLike(isScalar(pair.value) ? pair.value.type : undefined, value)}`;
  }
  // After the last entry's line (and any comment on it), never inside it.
  const endLine = positions.positionAt(Math.max(endOffset - 1, 0)).line;
  const at = positions.lineEnd(endLine);
  const edit: TextEdit = { start: at, end: at, newText: `${eol}${insertion}` };
  const after = applyEdit(text, edit);
  const check = parseAllDocuments(after, PARSE_OPTIONS) as Document.Parsed[];
  const addedNode = check[findDocIndex(docs, hit.doc)]?.getIn(blockSegments, true) as { toJSON?: () => unknown } | undefined;
  const added = addedNode && typeof addedNode.toJSON === 'function' ? addedNode.toJSON() : undefined;
  const ok =
    check.every((d) => d.errors.length === 0) &&
    check.length === docs.length &&
    envValueIn(added, name) === value;
  if (!ok) throw new ChangeRefusal('not-patchable', `Adding ${name} to ${file} would not read back as written: nothing was changed.`, true);
  return { file, before: text, after, edit, path: `${pathText(docs.length, findDocIndex(docs, hit.doc), blockSegments)}.${name}`, line: endLine + 1 };
}

function envValueIn(block: unknown, name: string): string | undefined {
  if (Array.isArray(block)) {
    for (const item of block) {
      if (item && typeof item === 'object' && (item as { name?: unknown }).name === name) return String((item as { value?: unknown }).value);
      if (typeof item === 'string' && item.startsWith(`${name}=`)) return item.slice(name.length + 1);
    }
    return undefined;
  }
  if (block && typeof block === 'object' && name in block) return String((block as Record<string, unknown>)[name]);
  return undefined;
}

function setScalar(file: string, text: string, positions: TextPositions, docs: Document.Parsed[], found: Located, value: string, type: LiteralType): RecipePatch {
  refuseUnsafe(file, positions, found);
  const node = found.node;
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    throw new ChangeRefusal('not-patchable', `${file}:${positions.positionAt(node.range![0]).line + 1} is a multi-line block: Ops Lens does not rewrite it.`, true);
  }
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const styles = unique<Scalar.Type>([node.type ?? Scalar.PLAIN, Scalar.QUOTE_DOUBLE]);
  for (const style of styles) {
    const rendered = render(style, value);
    const meaning = standalone(rendered);
    if (meaning === undefined || !means(meaning, value, type, quoted)) continue;
    const edit: TextEdit = { start: node.range![0], end: node.range![1], newText: rendered };
    const after = applyEdit(text, edit);
    if (!sameExceptAt(docs, found, meaning, after)) continue;
    const line = positions.positionAt(edit.start).line;
    return { file, before: text, after, edit, path: pathText(docs.length, found.docIndex, found.segments), line };
  }
  throw new ChangeRefusal('not-patchable', `${value} cannot be written at ${file}:${positions.positionAt(node.range![0]).line + 1} without changing something else: nothing was changed.`, true);
}

/** Anchored values are shared with every alias; templates and variables are resolved elsewhere; custom tags are someone's format. */
function refuseUnsafe(file: string, positions: TextPositions, found: Located): void {
  const where = `${file}:${positions.positionAt(found.node.range![0]).line + 1}`;
  const v = found.node.value;
  if (typeof v === 'string' && /\{\{|\{%|\$\{|\$\(|^\$[A-Za-z_]/.test(v)) {
    throw new ChangeRefusal(
      'not-patchable',
      `The value at ${where} is a template or variable reference (${JSON.stringify(v)}): its real value is set somewhere Ops Lens cannot patch safely. Ask for it as a free-text request.`,
      true,
    );
  }
  if (found.node.tag && !found.node.tag.startsWith('tag:yaml.org,2002:')) {
    throw new ChangeRefusal('not-patchable', `The value at ${where} has the custom tag ${found.node.tag}: it is resolved by another tool. Ask for it as a free-text request.`, true);
  }
  const holders = [...found.ancestors, found.node].filter((a): a is Node => !!a && typeof a === 'object' && 'anchor' in a && !!(a as Node).anchor);
  for (const holder of holders) {
    const uses: number[] = [];
    visit(found.doc, {
      Alias: (_k, alias) => {
        if (alias.source === holder.anchor && alias.range) uses.push(positions.positionAt(alias.range[0]).line + 1);
      },
    });
    if (uses.length > 0) {
      throw new ChangeRefusal(
        'shared-value',
        `The value at ${where} is inside the anchor &${holder.anchor}, which ${uses.length === 1 ? 'line' : 'lines'} ${uses.join(', ')} also use${uses.length === 1 ? 's' : ''}: changing it here would change those too. Ask for it as a free-text request, or give this service its own value first.`,
        true,
      );
    }
  }
}

function means(parsed: { value: unknown }, value: string, type: LiteralType, wasQuoted: boolean): boolean {
  const v = parsed.value;
  if (type === 'number') return (typeof v === 'number' && v === Number(value)) || (wasQuoted && v === value);
  if (type === 'string') return typeof v === 'string' && v === value;
  return String(v) === value;
}

/** The old documents with only `found` set to `meaning` must equal the new text's documents. */
function sameExceptAt(docs: Document.Parsed[], found: Located, meaning: { value: unknown }, after: string): boolean {
  const next = parseAllDocuments(after, PARSE_OPTIONS) as Document.Parsed[];
  if (!Array.isArray(next) || next.length !== docs.length || next.some((d) => d.errors.length > 0)) return false;
  const old = found.node.value;
  try {
    found.node.value = meaning.value;
    const want = docs.map((d) => d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    const got = next.map((d) => d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    return isDeepStrictEqual(want, got);
  } catch {
    return false;
  } finally {
    found.node.value = old;
  }
}

/** A Kustomize inline patch (`patch: |`): the value is inside a literal block; patch the inner YAML, line for line. */
function patchInsideBlock(file: string, text: string, positions: TextPositions, block: Located, at: Position, value: string, type: LiteralType): RecipePatch {
  refuseUnsafe(file, positions, block);
  const header = positions.positionAt(block.node.range![0]).line;
  const firstContent = header + 1;
  let indent = 0;
  for (let l = firstContent; l < positions.lineCount; l++) {
    const line = positions.lineText(l);
    if (line.trim() === '') continue;
    indent = /^ */.exec(line)![0].length;
    break;
  }
  const inner = String(block.node.value);
  const innerAt = { line: at.line - firstContent, character: at.character - indent };
  if (innerAt.line < 0 || innerAt.character < 0) throw new ChangeRefusal('not-patchable', `${file}:${at.line + 1} is not a value Ops Lens can find.`);
  const innerPatch = patchYamlValue(`${file} (inline patch)`, inner, innerAt, value, type);
  const ip = new TextPositions(inner);
  const s = ip.positionAt(innerPatch.edit.start);
  const e = ip.positionAt(innerPatch.edit.end);
  if (s.line !== e.line || innerPatch.edit.newText.includes('\n')) throw new ChangeRefusal('not-patchable', `The inline patch in ${file} cannot be edited in place.`, true);
  const start = positions.offsetAt({ line: s.line + firstContent, character: s.character + indent });
  const end = positions.offsetAt({ line: e.line + firstContent, character: e.character + indent });
  const edit: TextEdit = { start, end, newText: innerPatch.edit.newText };
  const after = applyEdit(text, edit);
  const next = parseAllDocuments(after, PARSE_OPTIONS) as Document.Parsed[];
  const again = next[block.docIndex]?.getIn(block.segments, true) as Node | undefined;
  if (next.some((d) => d.errors.length > 0) || !isScalar(again) || again.value !== innerPatch.after) {
    throw new ChangeRefusal('not-patchable', `The inline patch in ${file} would not read back as written: nothing was changed.`, true);
  }
  return { file, before: text, after, edit, path: `${pathText(next.length, block.docIndex, block.segments)} → ${innerPatch.path}`, line: s.line + firstContent };
}

function parseOrRefuse(file: string, text: string): Document.Parsed[] {
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  } catch (e) {
    throw new ChangeRefusal('not-patchable', `${file} cannot be parsed as YAML (${(e as Error).message.split('\n')[0]}): nothing was changed.`);
  }
  if (!Array.isArray(docs)) docs = [];
  const broken = docs.find((d) => d.errors.length > 0);
  if (broken) {
    const line = new TextPositions(text).positionAt(broken.errors[0].pos[0]).line + 1;
    throw new ChangeRefusal('not-patchable', `${file} has a YAML error at line ${line}: fix it before asking for a change (a Helm template is not YAML; patch its values file).`);
  }
  return docs;
}

function findScalar(docs: Document.Parsed[], offset: number): Located | undefined {
  let hit: Located | undefined;
  docs.forEach((doc, docIndex) => {
    if (hit) return;
    visit(doc, {
      Scalar: (key, node, path) => {
        if (key === 'key' || !node.range || node.range[0] !== offset) return undefined;
        hit = { doc, docIndex, node, ancestors: [...path], segments: segmentsOf([...path], node) };
        return visit.BREAK;
      },
    });
  });
  return hit;
}

function findBlockLiteral(docs: Document.Parsed[], offset: number): Located | undefined {
  let hit: Located | undefined;
  docs.forEach((doc, docIndex) => {
    if (hit) return;
    visit(doc, {
      Scalar: (key, node, path) => {
        if (key === 'key' || node.type !== Scalar.BLOCK_LITERAL || !node.range || offset <= node.range[0] || offset >= node.range[1]) return undefined;
        hit = { doc, docIndex, node, ancestors: [...path], segments: segmentsOf([...path], node) };
        return visit.BREAK;
      },
    });
  });
  return hit;
}

/** Any node (key or value) starting at `offset`, with its ancestors; a key stands for its pair. */
function findAnyNode(docs: Document.Parsed[], offset: number): { doc: Document.Parsed; node: Node; ancestors: unknown[] } | undefined {
  let hit: { doc: Document.Parsed; node: Node; ancestors: unknown[] } | undefined;
  for (const doc of docs) {
    visit(doc, {
      Node: (_key, node, path) => {
        const n = node as Node;
        if (!n.range || n.range[0] !== offset) return undefined;
        hit = { doc, node: n, ancestors: [...path] };
        return visit.BREAK;
      },
    });
    if (hit) break;
  }
  return hit;
}

function findDocIndex(docs: Document.Parsed[], doc: Document.Parsed): number {
  return docs.indexOf(doc);
}

function segmentsOf(ancestors: unknown[], node: unknown): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < ancestors.length; i++) {
    const a = ancestors[i];
    const child = ancestors[i + 1] ?? node;
    if (isSeq(a)) out.push(a.items.indexOf(child as never));
    else if (isPair(a) && child === a.value) out.push(isScalar(a.key) ? String(a.key.value) : String(a.key));
  }
  return out;
}

export function pathText(docCount: number, docIndex: number, segments: Segment[]): string {
  const path = segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[\w-]+$/.test(s) ? `${i ? '.' : ''}${s}` : `${i ? '.' : ''}"${s}"`)).join('');
  return docCount > 1 ? `(document ${docIndex + 1}) ${path}` : path;
}

function render(style: Scalar.Type, value: string): string {
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  return value;
}

/** A new value written like its neighbour: same quotes; plain only when plain reads back as the same string. */
function renderLike(style: Scalar.Type | undefined, value: string): string {
  if (style === Scalar.QUOTE_SINGLE || style === Scalar.QUOTE_DOUBLE) return render(style, value);
  const plain = standalone(value);
  return plain && typeof plain.value === 'string' && plain.value === value ? value : JSON.stringify(value);
}

/** What a rendered scalar means on its own, or undefined when it is not one valid scalar. */
function standalone(rendered: string): { value: unknown } | undefined {
  if (/[\r\n]/.test(rendered)) return undefined;
  const doc = parseDocument(`v: ${rendered}\n`);
  if (doc.errors.length > 0) return undefined;
  const node = doc.get('v', true);
  return isScalar(node) ? { value: node.value } : undefined;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
