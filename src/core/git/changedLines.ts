import { runGit } from '../host/git';
import type { Warning } from '../insights/warning';

/** Per file (relative to the analysed folder): the 0-based lines changed, or 'all' for a new file. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/**
 * What changed since the merge base of `base` and HEAD, including uncommitted and untracked files:
 * the code that has not shipped yet, compared with the branch it will merge into.
 */
export async function changedLines(dir: string, base: string): Promise<ChangedLines> {
  let mergeBase: string;
  try {
    mergeBase = (await runGit(dir, ['merge-base', base, 'HEAD'])).trim();
  } catch (e) {
    throw new Error(`cannot compare with ${base}: ${(e as Error).message}`);
  }
  const diff = await runGit(dir, ['-c', 'core.quotePath=false', 'diff', '--relative', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', mergeBase, '--', '.']);
  const changed = parseUnifiedDiff(diff);
  const untracked = await runGit(dir, ['ls-files', '-z', '--others', '--exclude-standard', '--', '.']);
  for (const f of untracked.split('\0').filter(Boolean)) changed.set(f, 'all');
  return changed;
}

export function parseUnifiedDiff(diff: string): ChangedLines {
  const out: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      if (path === '/dev/null') {
        current = undefined;
        continue;
      }
      // Git ends the name with a tab when it holds a space; quotePath=false keeps non-ASCII names unquoted.
      const file = unquoteGitPath(path.replace(/\t$/, '')).replace(/^b\//, '');
      current = new Set();
      out.set(file, current);
    } else if (line.startsWith('@@') && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let i = 0; i < count; i++) current.add(start - 1 + i);
    }
  }
  return out;
}

/** A warning is about changed code when any line of its range changed. */
export function keepChanged(warnings: Warning[], changed: ChangedLines): Warning[] {
  return warnings.filter((w) => {
    const lines = changed.get(w.file);
    if (!lines) return false;
    if (lines === 'all') return true;
    for (let l = w.range.start.line; l <= w.range.end.line; l++) if (lines.has(l)) return true;
    return false;
  });
}

/** Git C-quotes unusual names (`"b/caf\\303\\251.ts"`): octal escapes are UTF-8 bytes. */
export function unquoteGitPath(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
