import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { BlockingRule, CallKind, CallRule, CatalogueData, LanguageFamily } from '../code/hazards/callCatalogue';
import type { FileSystem } from '../host/fileSystem';

export const OPS_LENS_YAML = '.ops-lens.yaml';

export interface ConfigProblem {
  /** 0-based line of the key the problem is about. */
  line: number;
  message: string;
}

/**
 * The whole of `.ops-lens.yaml`, read once: each top-level section as plain data (for the parts of Ops Lens that
 * own it: `services:`, `signals:`, `links:`, …), unknown keys kept and ignored, plus the sections typed here.
 * A bad entry is a problem at its line; the rest of the file still applies.
 */
export interface OpsLensConfig {
  sections: Record<string, unknown>;
  /** `calls:`: the project's own clients, added in front of the built-in catalogue. */
  calls: Partial<CatalogueData>;
  problems: ConfigProblem[];
}

const LANGUAGES: Record<string, LanguageFamily> = {
  js: 'js', javascript: 'js', ts: 'js', typescript: 'js', tsx: 'js', jsx: 'js',
  python: 'python', py: 'python', go: 'go', golang: 'go', java: 'java',
};
const KINDS = new Set(['query', 'call', 'blocking']);

export function parseOpsLensConfig(text: string): OpsLensConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line - 1 : 0);
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { sections: {}, calls: {}, problems: [{ line: e.linePos?.[0].line ? e.linePos[0].line - 1 : 0, message: `${OPS_LENS_YAML}: ${e.message.split('\n')[0]}` }] };
  }
  const problems: ConfigProblem[] = [];
  let sections: Record<string, unknown> = {};
  try {
    const js = doc.toJS({ maxAliasCount: 100 });
    if (js !== null && js !== undefined && (typeof js !== 'object' || Array.isArray(js))) {
      problems.push({ line: 0, message: `${OPS_LENS_YAML} should be a map of sections (services:, signals:, calls:, …)` });
    } else sections = (js ?? {}) as Record<string, unknown>;
  } catch (e) {
    return { sections: {}, calls: {}, problems: [{ line: 0, message: `${OPS_LENS_YAML}: ${(e as Error).message}` }] };
  }
  const calls: CallRule[] = [];
  const blocking: BlockingRule[] = [];
  const node = isMap(doc.contents) ? doc.contents.get('calls', true) : undefined;
  if (node !== undefined && node !== null) {
    if (!isSeq(node)) problems.push({ line: lineOf(node as YamlNode), message: `calls: in ${OPS_LENS_YAML} should be a list of rules (kind, languages, root, method, label)` });
    else {
      node.items.forEach((item, i) => {
        const where = `calls[${i}]`;
        const line = lineOf(item as YamlNode);
        const raw = (item as YamlNode & { toJSON(): unknown }).toJSON?.() as Record<string, unknown> | undefined;
        const rule = callRule(raw, where, (message) => problems.push({ line, message }));
        if (!rule) return;
        if (rule.kind === 'blocking') blocking.push({ languages: rule.languages, root: rule.root, method: rule.method, through: rule.through, context: 'request', label: rule.label });
        else calls.push({ ...rule, kind: rule.kind });
      });
    }
  }
  return { sections, calls: { calls, blocking }, problems };
}

function callRule(raw: Record<string, unknown> | undefined, where: string, problem: (m: string) => void): (Omit<CallRule, 'kind'> & { kind: CallKind | 'blocking' }) | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problem(`${where} should be a map with kind, languages, root, method, label`);
    return undefined;
  }
  const kind = raw.kind ?? 'query';
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    problem(`${where}.kind should be query, call or blocking, got ${JSON.stringify(kind)}`);
    return undefined;
  }
  const langs = raw.languages ?? raw.language;
  const list = (Array.isArray(langs) ? langs : langs === undefined ? Object.keys(LANGUAGES) : [langs]).map((l) => LANGUAGES[String(l).toLowerCase()]);
  if (list.some((l) => l === undefined)) {
    problem(`${where}.languages should name js, typescript, python, go or java, got ${JSON.stringify(langs)}`);
    return undefined;
  }
  const patterns: Record<string, string | undefined> = {};
  for (const key of ['root', 'method', 'through'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v === '') {
      problem(`${where}.${key} should be a regular expression (text), got ${JSON.stringify(v)}`);
      return undefined;
    }
    try {
      new RegExp(v);
    } catch (e) {
      problem(`${where}.${key}: ${(e as Error).message}`);
      return undefined;
    }
    patterns[key] = v;
  }
  if (!patterns.root) {
    problem(`${where} needs root: the first name of the call (\`orderStore\` in orderStore.load(…))`);
    return undefined;
  }
  const label = typeof raw.label === 'string' && raw.label ? raw.label : `${patterns.root}${patterns.method ? '.' + patterns.method : ''} (${OPS_LENS_YAML})`;
  const fix = typeof raw.fix === 'string' && raw.fix.trim() ? { fix: raw.fix.trim() } : {};
  return { kind: kind as CallKind | 'blocking', languages: [...new Set(list as LanguageFamily[])], root: patterns.root, method: patterns.method, through: patterns.through, label, ...fix };
}

/** The file, when the folder has one; a file that cannot be read is the same as none. */
export async function readOpsLensConfig(fs: FileSystem): Promise<{ text: string; config: OpsLensConfig } | undefined> {
  let text: string;
  try {
    text = await fs.readText(OPS_LENS_YAML);
  } catch {
    return undefined;
  }
  return { text, config: parseOpsLensConfig(text) };
}
