import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { realpathSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { RECIPE_NAME } from '../recipes/discovery';
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
  'bower_components',
  'Pods',
]);

/**
 * A source tree of the JVM languages (`src/main/java`): every folder in it is a package, whatever its name (Jpom's
 * `org.dromara.jpom.controller.build` held 33 routes), not build output.
 */
const JVM_SOURCES = /(?:^|\/)src\/(?:main|test)\/(?:java|kotlin|scala|groovy)(?:\/|$)/;

/** Whether the folder `name` inside `parent` (a workspace-relative path, '' at the root) is skipped (SKIPPED_DIRECTORIES). */
export function isSkippedDirectory(name: string, parent: string): boolean {
  return SKIPPED_DIRECTORIES.has(name) && !JVM_SOURCES.test(`${parent}/`);
}

/** Whether a workspace-relative path lies in a skipped folder (isSkippedDirectory). */
export function inSkippedDirectory(path: string): boolean {
  const parts = path.split('/');
  return parts.some((d, i) => isSkippedDirectory(d, parts.slice(0, i).join('/')));
}

/** Files above this size are not read at all: they are generated or data, and reading them would stall analysis. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface NodeFileSystemOptions {
  /**
   * Glob patterns of paths to leave out (VS Code's `files.exclude` keys whose value is true), asked on every
   * listing so a settings change applies to the next one.
   */
  exclude?: () => string[];
  /** Respect `.gitignore` files (and `.git/info/exclude`); on by default. */
  gitignore?: boolean;
}

interface IgnoreScope {
  /** Folder of the `.gitignore`, relative to the root, '' for the root. */
  base: string;
  rules: Ignore;
}

export class NodeFileSystem implements FileSystem {
  readonly rootName: string;

  constructor(
    private readonly root: string,
    private readonly options: NodeFileSystemOptions = {},
  ) {
    this.rootName = basename(resolve(root));
  }

  async readText(relativePath: string): Promise<string> {
    return readFile(join(this.root, relativePath), 'utf8');
  }

  /**
   * Every file below the root, sorted, relative with `/`: without vendored and build folders, `.gitignore`d paths or
   * `files.exclude` matches. Large files are left out, except recipes, so their refusal can be reported at the file.
   */
  /**
   * A symbolic link to a file of this workspace (Netflix/dispatch's root `Dockerfile -> docker/Dockerfile`) is listed
   * under its own name; one that leads outside, or to a folder (which could loop), is not.
   */
  private linksToFileInside(path: string): boolean {
    try {
      const target = realpathSync(path);
      const root = realpathSync(this.root);
      return (target.startsWith(root + sep) || target === root) && statSync(target).isFile();
    } catch {
      return false; // a dangling link
    }
  }

  async listFiles(): Promise<string[]> {
    const out: string[] = [];
    const patterns = this.options.exclude?.() ?? [];
    const excluded = patterns.length ? picomatch(patterns, { dot: true }) : undefined;
    const useGitignore = this.options.gitignore !== false;
    const rootScopes: IgnoreScope[] = [];
    if (useGitignore) {
      const info = await readFile(join(this.root, '.git', 'info', 'exclude'), 'utf8').catch(() => undefined);
      if (info) rootScopes.push({ base: '', rules: ignore().add(info) });
    }

    const walk = async (dir: string, rel: string, scopes: IgnoreScope[]): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folders are skipped, not fatal
      }
      let active = scopes;
      if (useGitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
        const text = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => '');
        active = [...scopes, { base: rel, rules: ignore().add(text) }];
      }
      const isIgnored = (path: string, isDir: boolean): boolean => {
        if (excluded && excluded(path)) return true;
        for (const s of active) {
          const inner = s.base ? path.slice(s.base.length + 1) : path;
          if (inner && s.rules.ignores(isDir ? `${inner}/` : inner)) return true;
        }
        return false;
      };
      const subdirs: Promise<void>[] = [];
      for (const entry of entries) {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!isSkippedDirectory(entry.name, rel) && !isIgnored(path, true)) subdirs.push(walk(join(dir, entry.name), path, active));
        } else if ((entry.isFile() || (entry.isSymbolicLink() && this.linksToFileInside(join(dir, entry.name)))) && !isIgnored(path, false)) {
          // One folder's sizes synchronously: a stat of a listed file costs microseconds, while 10,000 promises
          // through libuv's four threads cost more than the walk itself. The loop still yields at every folder.
          const info = statSync(join(dir, entry.name), { throwIfNoEntry: false });
          if (info && (info.size <= MAX_FILE_BYTES || RECIPE_NAME.test(path))) out.push(path);
        }
      }
      await Promise.all(subdirs);
    };
    await walk(this.root, '', rootScopes);
    return out.sort();
  }
}
