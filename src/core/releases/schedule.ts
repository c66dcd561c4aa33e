import Ajv, { type ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import schema from '../../../schemas/releases.schema.json';
import type { Range, SourceLocation } from '../model/location';
import type { PlannedRelease } from './plannedRelease';
import type { ReleaseProblem } from './release';
import { versionOfText } from './versions';

export const SCHEDULE_FILE = '.ops-lens/releases.yaml';

export interface Schedule {
  entries: PlannedRelease[];
  problems: ReleaseProblem[];
}

interface RawEntry {
  version: string;
  title?: string;
  date?: string;
  freeze?: string | { from: string; to?: string };
  environments?: string[];
  owner?: string;
  notes?: string;
}

// One validator for the process, compiled from the same schema the YAML language server is given.
let validate: ReturnType<Ajv['compile']> | undefined;
function validator() {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate;
}

/**
 * Reads the schedule file: YAML errors and schema violations are problems at their line (the editor shows them
 * there); entries that are valid are kept even when others are not, so one typo never hides the whole schedule.
 */
export function parseSchedule(text: string, file = SCHEDULE_FILE): Schedule {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (start: number, end = start): SourceLocation => ({ file, range: rangeOf(lineCounter, start, end) });
  const problems: ReleaseProblem[] = [];
  for (const e of doc.errors) {
    problems.push({ severity: 'error', message: `${file}: ${e.message.split('\n')[0]}`, location: at(e.pos[0], e.pos[1]) });
  }
  if (doc.errors.length) return { entries: [], problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias bomb (a few aliases expanding to millions of nodes) is refused, not expanded.
    return { entries: [], problems: [{ severity: 'error', message: `${file}: ${(e as Error).message.split('\n')[0]}`, location: at(0) }] };
  }
  if (data === null || data === undefined) return { entries: [], problems };

  const check = validator();
  const invalid = new Set<number>();
  if (!check(data)) {
    for (const err of pickErrors(check.errors ?? [])) {
      const path = pointer(err.instancePath);
      if (path[0] === 'releases' && typeof path[1] === 'number') invalid.add(path[1]);
      const node = locate(doc, path, err);
      const where = node?.range ? at(node.range[0], node.range[1]) : at(0);
      problems.push({ severity: 'error', message: messageFor(err, path, data), location: where });
    }
  }
  const list = (data as { releases?: unknown }).releases;
  if (!Array.isArray(list)) return { entries: [], problems };

  const entries: PlannedRelease[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw: RawEntry, i) => {
    if (invalid.has(i) || !raw || typeof raw !== 'object') return;
    const node = doc.getIn(['releases', i], true) as YamlNode | undefined;
    const location = node?.range ? at(node.range[0], node.range[0]) : undefined;
    const fieldAt = (key: string) => {
      const n = doc.getIn(['releases', i, key], true) as YamlNode | undefined;
      return n?.range ? at(n.range[0], n.range[1]) : location;
    };
    const version = versionOfText(raw.version);
    if (!version) {
      problems.push({ severity: 'error', message: `"${raw.version}" is not a semantic version (e.g. 1.5.0)`, location: fieldAt('version') });
      return;
    }
    const date = raw.date;
    if (date !== undefined && !realDate(date)) {
      problems.push({ severity: 'error', message: `date ${date} does not exist`, location: fieldAt('date') });
      return;
    }
    const freeze = typeof raw.freeze === 'string' ? { from: raw.freeze } : raw.freeze;
    if (freeze) {
      const bad = [freeze.from, freeze.to].find((d) => d !== undefined && !realDate(d));
      if (bad) {
        problems.push({ severity: 'error', message: `freeze date ${bad} does not exist`, location: fieldAt('freeze') });
        return;
      }
      if (date && dayOf(freeze.from) > dayOf(date)) {
        problems.push({ severity: 'warning', message: `the freeze starts (${freeze.from}) after the release date (${date})`, location: fieldAt('freeze') });
      }
      if (freeze.to && dayOf(freeze.to) < dayOf(freeze.from)) {
        problems.push({ severity: 'error', message: `the freeze ends (${freeze.to}) before it starts (${freeze.from})`, location: fieldAt('freeze') });
        return;
      }
    }
    const before = seen.get(version);
    if (before !== undefined) {
      problems.push({ severity: 'error', message: `version ${version} is already scheduled at line ${before}; the later entry is ignored`, location: fieldAt('version') });
      return;
    }
    seen.set(version, (location?.range.start.line ?? 0) + 1);
    entries.push({
      version,
      title: raw.title,
      source: 'schedule',
      date,
      freeze,
      environments: raw.environments ?? [],
      owner: raw.owner,
      notes: raw.notes,
      location,
    });
  });
  return { entries, problems };
}

/** `2026-02-30` matches the pattern but is no day: Date.UTC would silently roll it into March. */
function realDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && !Number.isNaN(Date.parse(text));
}

function dayOf(text: string): string {
  return text.slice(0, 10);
}

function pointer(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * One problem per place: `anyOf` reports each branch's failure, which says the same thing three times; the
 * most specific error at the deepest path is the one a person can act on.
 */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    const key = e.instancePath + (e.keyword === 'additionalProperties' ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : '');
    const prior = byPath.get(key);
    // anyOf's summary is the least helpful; keep a concrete error when there is one.
    if (!prior || prior.keyword === 'anyOf') byPath.set(key, e);
  }
  const paths = [...byPath.keys()];
  // Drop an error whose place holds a deeper one (e.g. `freeze` failing because `freeze.to` is wrong).
  return [...byPath.entries()].filter(([p]) => !paths.some((q) => q !== p && q.startsWith(p + '/'))).map(([, e]) => e);
}

const FIELD_HINTS: Record<string, string> = {
  version: 'version must be a string such as "1.5.0" (quote it: unquoted 1.5 is read as a number)',
  date: 'must be a date (YYYY-MM-DD) or a date-time with its zone (2026-06-02T14:00:00Z)',
  from: 'must be a date (YYYY-MM-DD) or a date-time with its zone',
  to: 'must be a date (YYYY-MM-DD) or a date-time with its zone',
  freeze: 'freeze must be a start date (YYYY-MM-DD) or { from: YYYY-MM-DD, to: YYYY-MM-DD }',
  environments: 'environments must be a list of names, each once (e.g. [staging, production])',
};

function messageFor(e: ErrorObject, path: (string | number)[], data: unknown): string {
  const last = path[path.length - 1];
  const field = typeof last === 'string' ? last : typeof path[path.length - 2] === 'string' ? String(path[path.length - 2]) : '';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = path.length === 0 ? ['releases'] : path[path.length - 1] === 'freeze' ? ['from', 'to'] : ['version', 'title', 'date', 'freeze', 'environments', 'owner', 'notes'];
      return `unknown field "${key}" (known: ${known.join(', ')})`;
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      if (missing === 'releases') return 'the schedule needs a "releases:" list';
      return `a release needs "${missing}"`;
    }
    case 'type':
      if (path.length === 0) return 'the schedule must be a mapping with a "releases:" list';
      if (path.length === 1) return '"releases" must be a list of releases';
      if (field === 'version') return `${FIELD_HINTS.version}; got ${JSON.stringify(valueAt(data, path))}`;
      if (typeof last === 'number' && path.length === 2) return 'each release must be a mapping (version:, date:, …)';
      return `${field} ${e.message}`;
    default:
      if (field === 'date' || field === 'from' || field === 'to') return `${field} ${FIELD_HINTS[field]}; got ${JSON.stringify(valueAt(data, path))}`;
      if (FIELD_HINTS[field]) return FIELD_HINTS[field];
      return `${field || 'schedule'} ${e.message ?? 'is invalid'}`;
  }
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v = data;
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
  return v;
}

function locate(doc: Document, path: (string | number)[], e: ErrorObject): YamlNode | undefined {
  const node = (path.length ? doc.getIn(path, true) : doc.contents) as YamlNode | undefined;
  if (e.keyword === 'additionalProperties' && isMap(node)) {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) return pair.key as YamlNode;
  }
  if (isMap(node) || isSeq(node) || isScalar(node)) return node as YamlNode;
  return (doc.contents as YamlNode | null) ?? undefined;
}

function rangeOf(lc: LineCounter, start: number, end: number): Range {
  const s = lc.linePos(start);
  const e = lc.linePos(Math.max(start, end));
  return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
}
