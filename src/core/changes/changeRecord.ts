import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { CHANGE_STATUSES, SUBMIT_MODES, type ChangeKind, type ChangeRecord, type ChangeRequest, type ChangeStatus, type Evidence, type SubmitMode } from './changeTypes';
import type { RecipePatch } from './patchTypes';
import { unifiedDiff } from './unifiedDiff';

/** Where change records live, relative to the repository root (a product contract: docs/change-records.md). */
export const CHANGES_DIR = '.ops-lens/changes';

const KINDS: readonly ChangeKind[] = ['replicas', 'minReplicas', 'maxReplicas', 'targetCpuUtilization', 'cpuRequest', 'cpuLimit', 'memoryRequest', 'memoryLimit', 'env', 'setting', 'freeText'];

/** `2026-05-01-orders-prod-max-replicas`: sortable by date, readable, safe as a file and branch name. */
export function recordId(now: Date, request: ChangeRequest, taken: ReadonlySet<string> = new Set()): string {
  const what = request.target.kind === 'env' ? `env-${request.target.envName ?? 'var'}` : request.target.kind === 'setting' ? request.target.setting?.name ?? 'setting' : request.target.kind;
  const base = [now.toISOString().slice(0, 10), request.service, request.environment === 'default' ? '' : request.environment, slug(what)].filter(Boolean).map(slug).join('-');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function recordFile(id: string): string {
  return `${CHANGES_DIR}/${id}.md`;
}

/** `orders (prod): Autoscaling max 10 → 14` */
export function titleFor(request: ChangeRequest): string {
  const env = request.environment === 'default' ? '' : ` (${request.environment})`;
  const t = request.target;
  if (t.kind === 'freeText') return `${request.service}${env}: ${firstLine(request.to, 80)}`;
  if (t.kind === 'env' && !t.current) return `${request.service}${env}: add ${t.envName}=${request.to}`;
  const from = t.current ? unquoteDisplay(t.current.raw) : 'unset';
  return `${request.service}${env}: ${t.label} ${from} → ${request.to}`;
}

/** The record for a request, before it is submitted anywhere. */
export function newRecord(request: ChangeRequest, patch: RecipePatch | undefined, id: string, now: Date, requestedBy?: string): ChangeRecord {
  const t = request.target;
  const recipeLoc = patch ? { file: patch.file, line: patch.line + 1, path: patch.path } : t.current ? { file: t.current.location.file, line: t.current.location.range.start.line + 1 } : undefined;
  return {
    id,
    title: titleFor(request),
    service: request.service,
    environment: request.environment,
    change: t.kind,
    recipe: recipeLoc,
    from: t.current ? unquoteDisplay(t.current.raw) : undefined,
    to: request.to,
    reason: request.reason,
    evidence: request.evidence,
    status: 'proposed',
    release: request.release || undefined,
    requestedBy,
    createdAt: now.toISOString(),
    body: bodyFor(request, patch),
  };
}

/** The Markdown under the front matter: the change in words, its note, the diff. */
export function bodyFor(request: ChangeRequest, patch: RecipePatch | undefined): string {
  const lines = [`## ${titleFor(request)}`, '', request.reason.trim() || '(no reason given)', ''];
  if (request.target.sharedNote) lines.push(`> ${request.target.sharedNote}`, '');
  if (patch?.note) lines.push(`> ${patch.note}`, '');
  if (patch) lines.push('```diff', unifiedDiff(patch).trimEnd(), '```', '');
  else lines.push('No recipe value is patched by this request: operations decide how to carry it out.', '');
  return lines.join('\n');
}

/** Front matter (YAML between `---` lines) then the body. Key order is fixed so records diff well in review. */
export function renderRecord(r: ChangeRecord): string {
  const front: Record<string, unknown> = {
    id: r.id,
    title: r.title,
    service: r.service,
    environment: r.environment,
    change: r.change,
    recipe: r.recipe,
    from: r.from,
    to: r.to,
    reason: r.reason,
    release: r.release,
    status: r.status,
    submittedAs: r.submittedAs,
    branch: r.branch,
    link: r.link,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt,
    evidence: { source: r.evidence.source, evaluatedAt: r.evidence.evaluatedAt, items: r.evidence.items },
  };
  const clean = JSON.parse(JSON.stringify(front)) as Record<string, unknown>;
  const ev = clean.evidence as Record<string, unknown>;
  if (!ev.items || (ev.items as unknown[]).length === 0) delete ev.items;
  if (Object.keys(ev).length === 0) delete clean.evidence;
  return `---\n${stringifyYaml(clean, { lineWidth: 0 })}---\n\n${r.body.trimEnd()}\n`;
}

export type ParsedRecord = { record: ChangeRecord; problem?: undefined } | { record?: undefined; problem: string };

/** Reads a record back; a file that is not one gets a one-line reason, never a throw. */
export function parseRecord(text: string): ParsedRecord {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { problem: 'no front matter (a change record starts with a line `---`)' };
  let front: unknown;
  try {
    front = parseYaml(m[1], { maxAliasCount: 10 });
  } catch (e) {
    return { problem: `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  if (!front || typeof front !== 'object') return { problem: 'front matter is empty' };
  const f = front as Record<string, unknown>;
  const str = (k: string) => (typeof f[k] === 'string' || typeof f[k] === 'number' ? String(f[k]) : undefined);
  for (const k of ['id', 'service', 'to']) if (str(k) === undefined) return { problem: `front matter has no "${k}"` };
  const change = KINDS.includes(f.change as ChangeKind) ? (f.change as ChangeKind) : 'freeText';
  const status = CHANGE_STATUSES.includes(f.status as ChangeStatus) ? (f.status as ChangeStatus) : 'proposed';
  const submittedAs = SUBMIT_MODES.includes(f.submittedAs as SubmitMode) ? (f.submittedAs as SubmitMode) : undefined;
  const recipe = f.recipe && typeof f.recipe === 'object' ? (f.recipe as Record<string, unknown>) : undefined;
  const ev = f.evidence && typeof f.evidence === 'object' ? (f.evidence as Record<string, unknown>) : {};
  const evidence: Evidence = {
    source: typeof ev.source === 'string' ? ev.source : undefined,
    evaluatedAt: typeof ev.evaluatedAt === 'string' ? ev.evaluatedAt : undefined,
    items: Array.isArray(ev.items) ? ev.items.filter((i): i is { summary: string } => !!i && typeof i === 'object' && typeof (i as { summary?: unknown }).summary === 'string') : [],
  };
  return {
    record: {
      id: str('id')!,
      title: str('title') ?? `${str('service')}: ${str('to')}`,
      service: str('service')!,
      environment: str('environment') ?? 'default',
      change,
      recipe: recipe && typeof recipe.file === 'string' ? { file: recipe.file, line: Number(recipe.line) || 1, path: typeof recipe.path === 'string' ? recipe.path : undefined } : undefined,
      from: str('from'),
      to: str('to')!,
      reason: str('reason') ?? '',
      evidence,
      status,
      submittedAs,
      release: str('release'),
      branch: str('branch'),
      link: str('link'),
      requestedBy: str('requestedBy'),
      createdAt: str('createdAt') ?? '',
      body: m[2].trim(),
    },
  };
}

/** Records by the release they ride with (`undefined` for none), for the Change Requests and Releases views. */
export function recordsByRelease<T extends { record: ChangeRecord }>(items: T[]): Map<string | undefined, T[]> {
  const out = new Map<string | undefined, T[]>();
  for (const i of items) out.set(i.record.release, [...(out.get(i.record.release) ?? []), i]);
  return out;
}

function slug(s: string): string {
  return s
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function firstLine(s: string, max: number): string {
  const l = s.trim().split('\n')[0];
  return l.length > max ? `${l.slice(0, max - 1)}…` : l;
}

function unquoteDisplay(raw: string): string {
  const t = raw.trim();
  return t.length >= 2 && /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}
