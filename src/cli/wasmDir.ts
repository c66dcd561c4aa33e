import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** dist/wasm beside the bundle; from source (tests), the package's own folder. */
export function wasmDir(): string {
  const beside = join(__dirname, 'wasm');
  if (existsSync(join(beside, 'tree-sitter.wasm'))) return beside;
  return join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}
