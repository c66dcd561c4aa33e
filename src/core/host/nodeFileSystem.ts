import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FileSystem } from './fileSystem';

/** Folders that hold other people's code or build output: never ours to analyse. */
export const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  'build',
  'target',
  'vendor',
  'third_party',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.next',
  '.terraform',
  'coverage',
]);

/** Files above this size are not read at all: they are generated or data, and reading them would stall analysis. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export class NodeFileSystem implements FileSystem {
  constructor(private readonly root: string) {}

  async readText(relativePath: string): Promise<string> {
    return readFile(join(this.root, relativePath), 'utf8');
  }

  async listFiles(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folders are skipped, not fatal
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(full);
        } else if (entry.isFile()) {
          const info = await stat(full).catch(() => undefined);
          if (info && info.size <= MAX_FILE_BYTES) out.push(relative(this.root, full).split(sep).join('/'));
        }
      }
    };
    await walk(this.root);
    return out.sort();
  }
}
