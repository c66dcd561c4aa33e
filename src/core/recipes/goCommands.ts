import { posix } from 'node:path';
import type { Service } from '../model/environment';
import { builtOnlyForTests } from '../code/analyzeFile';

/** The main packages of the workspace's Go modules, and the modules' folders ('.' for the workspace root). */
export interface GoCommands {
  mains: ReadonlySet<string>;
  modules: ReadonlySet<string>;
}

/** At most this many Go files are read for their package clause (one per candidate folder). */
const MAX_GO_FILES_READ = 400;
const READ_AT_ONCE = 16;

/**
 * The folders of the workspace that are Go commands (`package main`): those holding a `main.go`, and, read from their
 * first file, a module's root and the folders of a `cmd/` folder (photoprism's `cmd/photoprism/photoprism.go`). Only
 * one file per folder is read; a `main.go` of another package (dtm's `dtmsvr/entry`) or one built only for tooling
 * (`//go:build ignore`) is none. Undefined when the workspace has no go.mod.
 */
export async function readGoCommands(files: readonly string[], read: (file: string) => Promise<string | undefined>): Promise<GoCommands | undefined> {
  const modules = new Set(files.filter((f) => posix.basename(f) === 'go.mod').map((f) => posix.dirname(f)));
  if (!modules.size) return undefined;
  const firstFile = new Map<string, string>();
  for (const f of files) {
    if (!f.endsWith('.go') || f.endsWith('_test.go')) continue;
    const dir = posix.dirname(f);
    if (posix.basename(f) === 'main.go') firstFile.set(dir, f);
    else if (!firstFile.has(dir) && (modules.has(dir) || posix.basename(posix.dirname(dir)) === 'cmd')) firstFile.set(dir, f);
  }
  const mains = new Set<string>();
  // (Only in a module with two candidates or more: one command is all its service can run, and the model is built
  // again on every save of a recipe, reading these each time.)
  const perModule = new Map<string | undefined, number>();
  const moduleOfDir = (dir: string) => moduleOf({ mains, modules }, dir);
  for (const dir of firstFile.keys()) perModule.set(moduleOfDir(dir), (perModule.get(moduleOfDir(dir)) ?? 0) + 1);
  const candidates = [...firstFile].filter(([dir]) => (perModule.get(moduleOfDir(dir)) ?? 0) >= 2).sort((a, b) => a[0].split('/').length - b[0].split('/').length || a[0].localeCompare(b[0])).slice(0, MAX_GO_FILES_READ);
  for (let i = 0; i < candidates.length; i += READ_AT_ONCE) {
    await Promise.all(
      candidates.slice(i, i + READ_AT_ONCE).map(async ([dir, file]) => {
        const text = await read(file);
        if (text !== undefined && /^package\s+main\b/m.test(text) && !builtOnlyForTests(text)) mains.add(dir);
      }),
    );
  }
  return { mains, modules };
}

/**
 * Go: a service linked to a module that holds several commands runs the one its image builds, and the packages that
 * one imports; the module's other `package main` folders (and what is kept in them) are not its code. dtm's image runs
 * the root's `main.go`, not `helper/bench` (a load-test server, with routes of its own) nor `qs`; authelia's runs
 * `cmd/authelia`, not `cmd/authelia-scripts` (its CI helper, which reads BUILDKITE_BRANCH). The command is the one the
 * Dockerfile's `go build` names (`link.goBuilds`), else the one named like the service or its image (the workspace's
 * name for the root). When neither says, every command stays the service's.
 */
/** Folders of tests, examples, mocks and tools: what a command there runs is not a service. */
const NOT_A_COMMAND = /(^|\/)(tests?|__tests__|e2e|testdata|fixtures?|docs?|examples?|samples?|scripts|tools|hack|mocks?|fakes?|stubs?)(\/|$)/;

export function limitToBuiltCommands(service: Service, go: GoCommands, names: readonly string[], rootName?: string): void {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (const link of service.codeRoots) {
    // (A link a person wrote in .ops-lens.yaml says the folder whole.)
    if (link.file || /\.ops-lens\.ya?ml$/.test(link.evidence?.file ?? '')) continue;
    const root = link.root.replace(/\/$/, '');
    const under = [...go.mains].filter((m) => root === '.' || m === root || m.startsWith(`${root}/`));
    if (under.length < 2) continue;
    const built = (link.goBuilds ?? []).filter((p) => under.includes(p));
    // (By name, not a test's, example's or tool's command: an e2e suite's fake `e2e/api` is not the service `api`.)
    const targets = built.length ? built : under.filter((m) => !NOT_A_COMMAND.test(m) && wanted.has((m === '.' ? (rootName ?? '') : posix.basename(m)).toLowerCase()));
    if (!targets.length) continue;
    const modules = new Set(targets.map((t) => moduleOf(go, t)));
    // (Not a command around the one built: the folders of that one are below it.)
    const others = under.filter((m) => !targets.includes(m) && modules.has(moduleOf(go, m)) && !targets.some((t) => m === '.' || t.startsWith(`${m}/`))).sort();
    if (!others.length) continue;
    link.excludes = others;
    const shown = others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ');
    link.reason += `; of its Go module's commands it runs ${targets.map((t) => (t === '.' ? 'the one at the workspace root' : t)).join(', ')} (${built.length ? 'built by its Dockerfile' : 'named like it'}), not ${shown}`;
  }
}

/** The nearest folder at or above `dir` with a go.mod. */
function moduleOf(go: GoCommands, dir: string): string | undefined {
  for (let d = dir; ; d = posix.dirname(d)) {
    if (go.modules.has(d)) return d;
    if (d === '.' || d === '/' || d === '') return undefined;
  }
}
