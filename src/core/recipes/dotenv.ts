import type { Located } from '../model/location';
import type { DotenvRecipe } from './recipeTypes';

/** A `.env` file (Compose reads the one beside the Compose file for `${VAR}` and `env_file` lists more). */
export function readDotenv(file: string, text: string): DotenvRecipe {
  const values: Record<string, Located<string>> = {};
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) return;
    let value = m[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '');
    const start = line.indexOf(m[2]);
    values[m[1]] = {
      value,
      location: { file, range: { start: { line: i, character: start }, end: { line: i, character: start + m[2].length } } },
    };
  });
  return { file, values };
}
