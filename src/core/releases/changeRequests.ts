import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ChangeRequestRef, Release } from './release';
import { versionOfText } from './versions';

export const CHANGES_DIR = '.ops-lens/changes';

/** A change-request record as far as releases care: which release it rides with. */
export interface ChangeRecord extends ChangeRequestRef {
  /** The `release` field as written (`1.5.0`, `v1.5`, `next`). */
  release?: string;
}

/**
 * Reads `.ops-lens/changes/*.md` front matter tolerantly: the records are written by the change-request feature
 * (and by hand), so any field may be missing or shaped differently; a record that cannot be read is skipped,
 * never fatal. Fields used (docs/change-records.md): title (or the first `#` heading), service, environment,
 * release, status, and a summary from `summary`, or `change` (or `field`) with `from`/`to`.
 */
export async function readChangeRecords(dir: string): Promise<{ records: ChangeRecord[]; problems: string[] }> {
  const folder = join(dir, CHANGES_DIR);
  const names = await readdir(folder).catch(() => [] as string[]);
  const records: ChangeRecord[] = [];
  const problems: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.md')).sort()) {
    const file = `${CHANGES_DIR}/${name}`;
    const text = await readFile(join(folder, name), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const record = parseChangeRecord(file, text);
    if (typeof record === 'string') problems.push(record);
    else records.push(record);
  }
  return { records, problems };
}

export function parseChangeRecord(file: string, text: string): ChangeRecord | string {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  let front: Record<string, unknown> = {};
  if (m) {
    try {
      const data = parse(m[1], { maxAliasCount: 50 }) as unknown;
      if (data && typeof data === 'object' && !Array.isArray(data)) front = data as Record<string, unknown>;
    } catch (e) {
      return `${file}: front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`;
    }
  }
  const body = m ? text.slice(m[0].length) : text;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const title = str(front.title) ?? heading ?? file.replace(/^.*\//, '').replace(/\.md$/, '');
  const field = str(front.field) ?? str(front.setting) ?? str(front.change);
  const from = str(front.from) ?? str(front.current);
  const to = str(front.to) ?? str(front.proposed) ?? str(front.value);
  // A free-text request (docs/change-records.md) has its request in words in `to`.
  const summary = str(front.summary) ?? (field === 'freeText' ? to : field ? `${field}${from !== undefined ? ` ${from}` : ''}${to !== undefined ? ` → ${to}` : ''}` : undefined);
  return { file, title, service: str(front.service), environment: str(front.environment), status: str(front.status), release: str(front.release), summary };
}

/** Whether a record's `release` field names this release (`1.5`, `v1.5.0` and `1.5.0` alike; `next` for the next). */
export function ridesWith(record: ChangeRecord, release: Pick<Release, 'version' | 'title' | 'sources'>): boolean {
  // A rejected or withdrawn request will not ship with anything.
  if (!record.release || record.status === 'rejected' || record.status === 'withdrawn') return false;
  const r = record.release.trim();
  if (r.toLowerCase() === 'next') return release.sources.includes('next');
  if (r === release.title) return true;
  const v = versionOfText(r);
  return !!v && v === release.version;
}
