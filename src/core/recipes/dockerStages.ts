import { posix } from 'node:path';

/**
 * The folders of a build context whose code ends up in one stage of a multi-stage Dockerfile. A monorepo built from
 * its root (`context: .`) says, through the stage it targets, which package a service runs: hoppscotch's
 * prod.Dockerfile copies the whole repository in `base_builder` (`WORKDIR /usr/src/app`, `COPY . .`), builds the
 * backend in `backend_builder` (`WORKDIR /usr/src/app/packages/hoppscotch-backend`), and its `backend` stage takes
 * `COPY --from=backend_builder /dist/backend …`: that service's code is packages/hoppscotch-backend.
 */

interface Copy {
  /** The stage copied from (`--from=`); none for the build context. */
  from?: string;
  sources: string[];
  /** Where it lands, absolute. */
  dest: string;
}

interface Stage {
  name?: string;
  /** The stage it starts from, when it starts from one of this file's. */
  base?: string;
  /** WORKDIRs set in this stage itself, absolute, in order. */
  workdirs: string[];
  copies: Copy[];
  /** Its `RUN` commands, each with the working directory it runs in. */
  runs: { command: string; workdir: string }[];
}

/** Instructions, with line continuations joined and comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  const out: { op: string; args: string }[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    const m = /^([A-Za-z]+)\s+([\s\S]*)$/.exec(whole);
    if (m) out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
  }
  return out;
}

function stagesOf(text: string, buildArgs?: Readonly<Record<string, string>>): Stage[] {
  const stages: Stage[] = [];
  // `ARG`s with the values the build gives them (Compose `build.args`), else their defaults: a Dockerfile that picks
  // its app by one (typebot's `COPY --from=builder /app/apps/${SCOPE}/.next/standalone ./`, built once per app).
  const values = new Map<string, string>();
  const expand = (s: string) =>
    values.size && s.includes('$') ? s.replace(/\$\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|\$([A-Za-z_]\w*)/g, (m, braced, dflt, bare) => values.get(braced ?? bare) ?? dflt ?? m) : s;
  for (const { op, args: raw } of instructions(text)) {
    if (op === 'ARG') {
      const m = /^([A-Za-z_]\w*)(?:=(\S*))?/.exec(raw);
      const value = m ? (buildArgs?.[m[1]] ?? (m[2] !== undefined ? m[2].replace(/^["']|["']$/g, '') : undefined)) : undefined;
      if (m && value !== undefined) values.set(m[1], value);
      continue;
    }
    const args = op === 'COPY' || op === 'ADD' || op === 'WORKDIR' || op === 'RUN' ? expand(raw) : raw;
    if (op === 'FROM') {
      const m = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(args);
      const image = m?.[1] ?? '';
      const base = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === image.toLowerCase());
      // (Stage names lower-cased, as Docker reads them: `FROM node AS Builder` is `--from=builder`'s.)
      stages.push({ name: m?.[2]?.toLowerCase(), base: base?.name, workdirs: [], copies: [], runs: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) continue;
    if (op === 'WORKDIR') stage.workdirs.push(posix.resolve(workdirOf(stages, stage), args.replace(/^["']|["']$/g, '')));
    if (op === 'RUN') stage.runs.push({ command: args, workdir: workdirOf(stages, stage) });
    if (op !== 'COPY' && op !== 'ADD') continue;
    let from: string | undefined;
    const words: string[] = [];
    const json = /^((?:--\S+\s+)*)\[([\s\S]*)\]$/.exec(args);
    const flags = json ? json[1].trim().split(/\s+/) : args.split(/\s+/);
    for (const w of flags) {
      if (w.startsWith('--from=')) from = w.slice('--from='.length).toLowerCase();
      else if (!w.startsWith('--') && !json) words.push(w);
    }
    if (json) for (const m of json[2].matchAll(/"([^"]*)"/g)) words.push(m[1]);
    if (words.length < 2) continue;
    const dest = posix.resolve(workdirOf(stages, stage), words[words.length - 1]);
    stage.copies.push({ from, sources: words.slice(0, -1), dest });
  }
  return stages;
}

/** The stage's working directory now: its own last WORKDIR, else its base stage's, else `/`. */
function workdirOf(stages: Stage[], stage: Stage): string {
  for (const s of lineage(stages, stage)) if (s.workdirs.length) return s.workdirs[s.workdirs.length - 1];
  return '/';
}

/** The stage and those it starts from, nearest first. */
function lineage(stages: Stage[], stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !out.includes(s); s = s.base === undefined ? undefined : stages.find((x) => x.name === s!.base)) out.push(s);
  return out;
}

/** Where in the build context an absolute path of a stage's file system came from, through its context copies. */
function contextPath(stages: Stage[], stage: Stage, path: string): string | undefined {
  for (const s of lineage(stages, stage)) {
    for (const c of [...s.copies].reverse()) {
      if (c.from !== undefined || c.sources.length !== 1) continue;
      const dest = c.dest.replace(/\/$/, '');
      if (path !== dest && !path.startsWith(`${dest}/`)) continue;
      const source = posix.normalize(c.sources[0]).replace(/^\.\/?/, '').replace(/\/$/, '');
      // Only a folder copied whole (`COPY . .`, `COPY packages/api ./packages/api`): a file (`COPY pnpm-lock.yaml .`,
      // named with an extension) or a pattern says nothing of what lies under its destination.
      if (/[*?]/.test(source) || /.\.[^/.]+$/.test(posix.basename(source))) continue;
      const rest = path.slice(dest.length).replace(/^\//, '');
      return posix.normalize([source, rest].filter(Boolean).join('/') || '.');
    }
  }
  return undefined;
}

/**
 * What a build installs from manifests alone: node_modules, Go's or PHP's vendor folder. (Not a Python virtualenv or
 * site-packages: `pip install .` puts the project's own code there.)
 */
const INSTALLED = /^(?:node_modules|vendor)$/;

/** The context sources a stage (or those it starts from) copied to, or under, one of these absolute paths. */
function contextCopiesUnder(stages: Stage[], stage: Stage, paths: string[]): string[] {
  const out: string[] = [];
  for (const s of lineage(stages, stage)) {
    for (const c of s.copies) {
      if (c.from !== undefined) continue;
      const dest = c.dest.replace(/\/$/, '') || '/';
      if (!paths.some((p) => dest === p || dest.startsWith(p === '/' ? '/' : `${p}/`))) continue;
      for (const src of c.sources) out.push(posix.normalize(src).replace(/^\.\/?/, '').replace(/\/$/, '') || '.');
    }
  }
  return out;
}

/**
 * The working directory the `target` stage (the last one when none is named) runs in, when the file sets one: where
 * a bind mount of the code must go to be what the container runs (polar's dev image, `WORKDIR /app/server` with
 * `../../server:/app/server` mounted).
 */
export function stageWorkdir(text: string, target?: string): string | undefined {
  const stages = stagesOf(text);
  const stage = target === undefined ? stages[stages.length - 1] : stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  if (!stage) return undefined;
  const dir = workdirOf(stages, stage);
  return dir === '/' ? undefined : dir;
}

/**
 * The context paths (relative to the context) whose files the `target` stage (the last one when none is named)
 * takes: what it copies from the context itself, and, for what it copies from another stage, where in the context
 * that came from, or else the folders that stage worked in (its build ran there). Undefined when the file says
 * nothing narrower than the whole context, or names no such stage.
 */
export function stageSources(text: string, target?: string, buildArgs?: Readonly<Record<string, string>>): string[] | undefined {
  const stages = stagesOf(text, buildArgs);
  const stage = target === undefined ? stages[stages.length - 1] : stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  if (!stage) return undefined;
  const found = new Set<string>();
  let untraced = false;
  for (const part of lineage(stages, stage)) {
    for (const c of part.copies) {
      if (c.from === undefined) {
        for (const src of c.sources) found.add(posix.normalize(src).replace(/^\.\/?/, '').replace(/\/$/, '') || '.');
        continue;
      }
      const other = stages.find((x) => x.name === c.from) ?? (/^\d+$/.test(c.from) ? stages[Number(c.from)] : undefined);
      if (!other) continue; // an image's files (`--from=caddy:2`), not this build's
      for (const src of c.sources) {
        // A name made by the build (casdoor's `server_${BUILDX_ARCH}`, `target/*.jar`): the folder it was made in.
        let path = posix.resolve(workdirOf(stages, other), src);
        while (/[*?$]/.test(path)) path = posix.dirname(path);
        const from = contextPath(stages, other, path);
        if (from !== undefined) {
          found.add(from);
          continue;
        }
        // Built output (`/dist/backend`): from the folders the stage itself worked in.
        let traced = false;
        for (const dir of other.workdirs) {
          const at = contextPath(stages, other, dir);
          if (at !== undefined) {
            found.add(at);
            traced = true;
          }
        }
        if (traced) continue;
        // Dependencies installed from manifests (maxun's `COPY --from=builder /app/node_modules …`): no code of the context.
        // Nor a manifest taken on its own (openpanel's `COPY --from=build /app/package.json ./`): not the code of every
        // folder that stage copied in, which the runtime stage takes one by one.
        if (INSTALLED.test(posix.basename(path)) || MANIFEST.test(posix.basename(path))) continue;
        // …or from what it copied from the context into them, or under the path taken: privacyidea's python-builder
        // (`WORKDIR /build`, `COPY ./privacyidea/ ./privacyidea`, `pip install .` into the venv at /opt/privacyidea),
        // whose venv the runtime stage takes (`COPY --from=python-builder /opt/privacyidea/ …`).
        const within = contextCopiesUnder(stages, other, [path, ...other.workdirs]);
        for (const from of within) found.add(from);
        // (A stage that took only manifests from the context installed dependencies, a venv from requirements.txt:
        // nothing of the code is in what it made.)
        if (!within.length && !copiesOnlyManifests(stages, other)) untraced = true;
      }
    }
  }
  // A stage's output traced to nothing of the context, beside single files of the stage's own (a health check, a
  // cron script): its code is somewhere in the context, not in those files.
  if (untraced && [...found].every((f) => /.\.[^/.]+$/.test(posix.basename(f)))) return undefined;
  // Not a pattern, a variable's value, or a path outside the context (`COPY /etc/x …` names none).
  const folders = [...found].filter((f) => !/[*?$]/.test(f) && !f.startsWith('/') && !f.startsWith('..'));
  if (!folders.length || folders.includes('.')) return undefined;
  return folders.sort();
}

/**
 * The context paths the `target` stage (the last one when none is named) takes from what another stage built from the
 * whole context: a `COPY --from=<stage>` of a path under the folder that stage copied the context into (`COPY . .`)
 * and ran a command in (new-api's website: `COPY --from=builder /app/.next/standalone ./` after `COPY . .` and `RUN bun
 * run build`). Not a path the stage copies from the context itself (`COPY certs /etc/nginx/certs`).
 */
export function builtFromWholeContext(text: string, target?: string, buildArgs?: Readonly<Record<string, string>>): string[] {
  const stages = stagesOf(text, buildArgs);
  const stage = target === undefined ? stages[stages.length - 1] : stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  if (!stage) return [];
  const out: string[] = [];
  for (const part of lineage(stages, stage)) {
    for (const c of part.copies) {
      if (c.from === undefined) continue;
      const other = stages.find((x) => x.name === c.from) ?? (/^\d+$/.test(c.from) ? stages[Number(c.from)] : undefined);
      if (!other) continue;
      const built = lineage(stages, other);
      const whole = built.some((s) => s.copies.some((k) => k.from === undefined && k.sources.length === 1 && (posix.normalize(k.sources[0]).replace(/\/$/, '') || '.') === '.'));
      if (!whole || !built.some((s) => s.runs.length)) continue;
      for (const src of c.sources) {
        let path = posix.resolve(workdirOf(stages, other), src);
        while (/[*?$]/.test(path)) path = posix.dirname(path);
        const from = contextPath(stages, other, path);
        if (from !== undefined && from !== '.') out.push(from);
      }
    }
  }
  return out;
}

/**
 * The Go packages the `target` stage's image is built from (the last stage when none is named): what `go build` or
 * `go install` compiles in it or in the stages it takes files from (`RUN go build -o /server ./cmd/server` after
 * `COPY . .`), as context paths, `cmd/server`. Undefined when none is built so, or one is not known: a path through a
 * variable, an import path, or every package at once (`./...`).
 */
export function goBuildPaths(text: string, target?: string, buildArgs?: Readonly<Record<string, string>>): string[] | undefined {
  const stages = stagesOf(text, buildArgs);
  const last = target === undefined ? stages[stages.length - 1] : stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  if (!last) return undefined;
  const found = new Set<string>();
  for (const stage of reached(stages, last)) {
    for (const run of stage.runs) {
      const built = goBuiltDirs(run.command, run.workdir);
      if (built === undefined) return undefined;
      for (const dir of built) {
        const from = contextPath(stages, stage, dir);
        if (from === undefined) return undefined;
        found.add(from);
      }
    }
  }
  return found.size ? [...found].sort() : undefined;
}

/** The stage, those it starts from, and those it copies from (`COPY --from=`), theirs too, in the file's order: what building it builds. */
function reached(stages: Stage[], last: Stage): Stage[] {
  const used: Stage[] = [];
  for (const todo = [last]; todo.length; ) {
    for (const s of lineage(stages, todo.pop()!)) {
      if (used.includes(s)) continue;
      used.push(s);
      for (const c of s.copies) {
        const other = c.from === undefined ? undefined : (stages.find((x) => x.name === c.from) ?? (/^\d+$/.test(c.from) ? stages[Number(c.from)] : undefined));
        if (other) todo.push(other);
      }
    }
  }
  return stages.filter((s) => used.includes(s));
}

/**
 * The `RUN` commands of the stages building the `target` stage (the last one when none is named) runs, with the
 * build's arguments in them, one a line: not those of the file's other stages, built for other images (hoppscotch's
 * prod.Dockerfile deploys its backend package in `backend_builder`, which its `app` and `sh_admin` stages never take
 * from). Undefined when the file names no such stage.
 */
export function stageCommands(text: string, target?: string, buildArgs?: Readonly<Record<string, string>>): string | undefined {
  const stages = stagesOf(text, buildArgs);
  const last = target === undefined ? stages[stages.length - 1] : stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  if (!last) return undefined;
  return reached(stages, last)
    .flatMap((s) => s.runs.map((r) => r.command))
    .join('\n');
}

/** `go build`'s and `go install`'s flags that take a value (`-o /server`, `-ldflags "-s -w"`, `-C dir`): not a package. */
const GO_VALUE_FLAG = /^--?(?:o|C|ldflags|gcflags|asmflags|gccgoflags|tags|mod|modfile|p|pkgdir|buildmode|compiler|installsuffix|overlay|pgo|toolexec|exec|coverpkg|covermode)$/;

/**
 * The absolute folders a `RUN` command's `go build`s and `go install`s compile, run in `workdir` (with its `cd`s and
 * `-C`s): `.` when none is named. Undefined when one is not a path (`./...`, `$APP`, `github.com/x/y/cmd/app`);
 * a tool fetched at a version (`go install github.com/x/tool@latest`) is no package of the context.
 */
function goBuiltDirs(command: string, workdir: string): string[] | undefined {
  if (!/\bgo\s+(?:build|install)\b/.test(command)) return [];
  const out: string[] = [];
  let cwd = workdir;
  for (const part of command.split(/&&|\|\||[;|\n]/)) {
    const words = (part.match(/(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'])+/g) ?? []).map((w) => w.replace(/^\(+|\)+$/g, '').replace(/^(["'])([\s\S]*)\1$/, '$2'));
    if (words[0] === 'cd' && words[1] !== undefined) {
      cwd = posix.resolve(cwd, words[1]);
      continue;
    }
    const at = words.findIndex((w, i) => /(?:^|\/)go$/.test(w) && /^(?:build|install)$/.test(words[i + 1] ?? ''));
    if (at < 0) continue;
    let dir = cwd;
    const packages: string[] = [];
    for (let i = at + 2; i < words.length; i++) {
      const w = words[i];
      if (w.startsWith('-')) {
        if (w.includes('=') || !GO_VALUE_FLAG.test(w)) continue;
        if (/^--?C$/.test(w) && words[i + 1] !== undefined) dir = posix.resolve(dir, words[i + 1]);
        i++;
      } else if (!w.includes('@')) packages.push(w);
    }
    // (A tool fetched at a version only: nothing of the context is built.)
    if (!packages.length && words.slice(at + 2).some((w) => !w.startsWith('-') && w.includes('@'))) continue;
    for (const p of packages.length ? packages : ['.']) {
      if (p.includes('$') || p.includes('...') || !/^(?:\.{1,2}(?:\/|$)|\/)/.test(p)) return undefined;
      const path = posix.resolve(dir, p);
      out.push(path.endsWith('.go') ? posix.dirname(path) : path);
    }
  }
  return out;
}

/**
 * Everything a Dockerfile copies from its build context, in any stage, as written (relative to the context), with
 * where it goes: not what it copies from a stage or an image (`--from=`). A file that only extends an upstream image
 * copies little or nothing (dittofeed's temporal image, `FROM temporalio/auto-setup:1.22` with one `COPY
 * …/dynamicconfig.yaml`), or a folder of configuration into the server's (`COPY . /etc/nginx/conf.d/`).
 */
export function contextCopies(text: string): { sources: string[]; dest: string }[] {
  return stagesOf(text).flatMap((s) => s.copies.filter((c) => c.from === undefined).map((c) => ({ sources: c.sources, dest: c.dest })));
}

/** The image the last stage starts from (`FROM nginx:1.20`, without `--platform` or `AS`): what the image runs. */
export function finalBaseImage(text: string): string | undefined {
  let image: string | undefined;
  for (const { op, args } of instructions(text)) if (op === 'FROM') image = args.split(/\s+/).find((a) => !a.startsWith('--'));
  return image;
}

/**
 * Whether a Dockerfile runs a build tool over what it copied (`RUN go build ./cmd/api`, `mvn package`, `gradle build`,
 * `npm run build`, `pip install -r requirements.txt`, `poetry install`): it packages a build of its context, it does
 * not only extend an upstream image with files kept as they are. (Not `go install github.com/skibish/ddns@latest`, a
 * tool fetched from upstream: photoprism's docker/ddns.)
 */
export function runsBuildTool(text: string): boolean {
  return instructions(text).some(({ op, args }) => op === 'RUN' && BUILD_TOOL_RUN.test(args));
}

const BUILD_TOOL_RUN =
  /(?:^|[\s;&|(])(?:go\s+build\b|go\s+install\s+(?:-\S+\s+)*\.|(?:npm|yarn|pnpm)\s+(?:run\s+)?build\b|pip3?\s+install\s+(?:[^;&|]*\s)?\.(?:\s|$)|poetry\s+install\b|cargo\s+build\b|dotnet\s+(?:build|publish)\b)|(?:^|[;&|(]|\b(?:then|do))\s*(?:\.\/)?(?:mvnw?|gradlew?)\s+\S/;

/**
 * The variables a Dockerfile sets for what it builds and runs: `ENV A=1 B=2`, `ENV A 1`, and its `ARG`s (a build
 * argument given to `ENV X=$X`, or read by the build itself: Next.js inlines `NEXT_PUBLIC_*` then).
 */
export function dockerfileEnvNames(text: string): string[] {
  const names = new Set<string>();
  for (const { op, args } of instructions(text)) {
    if (op === 'ARG') {
      const name = /^([A-Za-z_]\w*)/.exec(args)?.[1];
      if (name) names.add(name);
    } else if (op === 'ENV') {
      // The legacy form, one variable and the rest of the line as its value; otherwise pairs.
      if (!/^[A-Za-z_]\w*=/.test(args)) {
        const name = /^([A-Za-z_]\w*)\s/.exec(args)?.[1];
        if (name) names.add(name);
      } else for (const m of args.matchAll(/(?:^|\s)([A-Za-z_]\w*)=/g)) names.add(m[1]);
    }
  }
  return [...names];
}

/** Dependency manifests and lock files: what a stage that installs dependencies copies from the context. */
const MANIFEST = /^(?:requirements[\w.-]*\.(?:txt|in)|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(?:\.lock)?|setup\.cfg|constraints[\w.-]*\.txt|package(?:-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|go\.(?:mod|sum)|Gemfile(?:\.lock)?|pom\.xml|build\.gradle(?:\.kts)?|Cargo\.(?:toml|lock))$/;

/** Whether everything `stage` (and the stages it builds on) copies from the context is a manifest (none: false). */
function copiesOnlyManifests(stages: Stage[], stage: Stage): boolean {
  let any = false;
  for (const part of lineage(stages, stage)) {
    for (const c of part.copies) {
      if (c.from !== undefined) continue;
      for (const src of c.sources) {
        any = true;
        if (!MANIFEST.test(posix.basename(src))) return false;
      }
    }
  }
  return any;
}
