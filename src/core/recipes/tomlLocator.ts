import type { SourceLocation } from '../model/location';

/**
 * smol-toml gives values without positions; fly.toml is simple enough to find each key's line by scanning:
 * the first `key =` under the table header (or inside an inline table on the header's key line).
 */
export class TomlLocator {
  private readonly lines: string[];

  constructor(
    private readonly file: string,
    text: string,
  ) {
    this.lines = text.split(/\r?\n/);
  }

  /** `table` is the dotted header (`http_service.concurrency`, `vm`, '' for the top); undefined when not found. */
  locate(table: string, key: string): SourceLocation | undefined {
    let current = '';
    const keyRe = new RegExp(`(^|[\\s{,])${escape(key)}\\s*=\\s*`);
    const parts = table.split('.');
    const parent = parts.slice(0, -1).join('.');
    const last = parts[parts.length - 1];
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i].replace(/(^|\s)#.*$/, '');
      const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/.exec(line);
      if (header) {
        current = header[1].replace(/\s*\.\s*/g, '.').replace(/["']/g, '');
        continue;
      }
      // `[table]` key, or an inline table `concurrency = { soft_limit = 20 }` under the parent table.
      const inTable = current === table || (table !== '' && current === parent && new RegExp(`^\\s*${escape(last)}\\s*=\\s*\\{`).test(line));
      if (!inTable) continue;
      const m = keyRe.exec(line);
      if (!m) continue;
      const start = m.index + m[0].length;
      const valueText = /^("[^"]*"|'[^']*'|[^\s,}]+)/.exec(line.slice(start))?.[0] ?? '';
      return { file: this.file, range: { start: { line: i, character: start }, end: { line: i, character: start + valueText.length } } };
    }
    return undefined;
  }

  header(table: string): SourceLocation | undefined {
    for (let i = 0; i < this.lines.length; i++) {
      const h = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/.exec(this.lines[i]);
      if (h && h[1].replace(/["']/g, '') === table) return { file: this.file, range: { start: { line: i, character: 0 }, end: { line: i, character: this.lines[i].length } } };
    }
    return undefined;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
