import { withoutComments } from './syntax';

/** A Next.js config file, `next.config.js` / `.mjs` / `.ts`, in any folder. */
export function isNextConfig(file: string): boolean {
  return /(^|\/)next\.config\.[cm]?[jt]s$/.test(file);
}

/**
 * The keys of the `env: { … }` object of a Next.js config (`env: { cloudUrl, currentVersion: pkg.version }`): Next
 * replaces `process.env.<key>` with its value at build time. Read from the text: the object's own keys, at its first
 * level, written as `key:` or shorthand `key,`.
 */
export function nextConfigEnvKeys(text: string): string[] {
  const m = /\benv\s*:\s*\{/.exec(text);
  if (!m) return [];
  const keys: string[] = [];
  let depth = 1;
  let token = '';
  for (let i = m.index + m[0].length; i < text.length && depth > 0; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') depth--;
    if (depth !== 1 && !(depth === 0 && ch === '}')) continue;
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) break;
      token += text.slice(i + 1, end);
      i = end;
    } else if (ch === ':' || ch === ',' || ch === '}') {
      const key = token.trim();
      // `key: value` and shorthand `key,`; a value's own words follow a ':' and end at the next ','.
      if (/^[A-Za-z_$][\w$]*$/.test(key)) keys.push(key);
      token = ch === ':' ? '\u0000' : '';
    } else if (!token.startsWith('\u0000')) token += ch;
  }
  return keys;
}

/**
 * The `pageExtensions` of a Next.js config (dittofeed's `pageExtensions: ["page.tsx", "page.ts"]`): only files with
 * one of them are pages, at their path without it (`pages/users/index.page.tsx` is `/users`). Undefined when the
 * config sets none, or a list the text does not spell out (a spread, a variable).
 */
export function nextConfigPageExtensions(text: string): string[] | undefined {
  // (Read with the comments blanked: a setting commented out, `// pageExtensions: ['page.tsx'],`, is none.)
  const m = /\bpageExtensions\s*:\s*\[([^\]]*)\]/.exec(withoutComments(text));
  if (!m) return undefined;
  const items = m[1].split(',').map((x) => x.trim()).filter((x) => x);
  const out = items.map((x) => /^(['"`])([\w.-]+)\1$/.exec(x)?.[2]);
  return out.length && out.every((x) => x !== undefined) ? (out as string[]) : undefined;
}
