import { posix } from 'node:path';
import { builtWorkspacePackage, packageClosure, type WorkspacePackage } from './workspacePackages';
import { isDevRecipe, type CodeLink, type ProcessRole, type Service } from '../model/environment';
import type { Located, SourceLocation } from '../model/location';
import { imageShortName } from './kubernetesEnvironments';
import { languageOfFile } from '../code/treeSitter';
import { isDockerfile } from './discovery';
import { processRole } from './processRole';
import { builtFromWholeContext, contextCopies, dockerfileEnvNames, goBuildPaths, runsBuildTool, stageCommands, stageSources, stageWorkdir } from './dockerStages';
import { isTestCompose, mountedFolder, normalise } from './compose';
import type { ComposeServiceRecipe, ConfiguredLink, SkaffoldArtifactRecipe } from './recipeTypes';

export interface LinkInputs {
  files: string[];
  /** Folder name → folders of that name that hold a Dockerfile. */
  dockerfileDirs: Map<string, string[]>;
  /** Folder name → folders of that name that hold a build file (`pom.xml`, `go.mod`, `package.json`…). */
  buildFileDirs: Map<string, string[]>;
  skaffold: SkaffoldArtifactRecipe[];
  links: ConfiguredLink[];
  /** The text of the Dockerfiles Compose services build with, by path (read for their stages: dockerStages.ts). */
  dockerfiles?: ReadonlyMap<string, string>;
  /** The workspace folder's name: a repository of one app is often named like its image (`spring-petclinic`). */
  rootName?: string;
  /** A JavaScript workspace's packages, read when a Dockerfile builds one of them (workspacePackages.ts). */
  packages?: readonly WorkspacePackage[];
  /** Jar name → the Maven module folder that builds it, read when a Dockerfile copies a jar (buildModules.builtJarNames). */
  jarModules?: ReadonlyMap<string, string>;
  /** Filled by linkCode: the folders the root Dockerfile's image takes, of a service linked by an image named like the workspace. */
  deployedRoots?: Map<Service, DeployedRoots>;
}

interface LinkSource {
  images: Located<string>[];
  compose?: ComposeServiceRecipe;
  codeRoot?: { root: string; reason: string; evidence?: SourceLocation; role?: ProcessRole; byItsDockerfile?: boolean };
}

/**
 * A build of one package of a JavaScript workspace (`turbo prune --scope=@documenso/remix`): the folders it takes.
 * Named in a stage the target's image is built from (dockerStages.stageCommands), not in another service's stage of
 * the same file: hoppscotch's prod.Dockerfile deploys `--filter=hoppscotch-backend` in the stage its `backend` and
 * `aio` targets take from, not its `app` or `sh_admin`.
 */
function workspaceBuild(inputs: LinkInputs, built: { context: string; dockerfile: string }, target: string | undefined, buildArgs?: Readonly<Record<string, string>>): { name: string; command: string; roots: string[] } | undefined {
  const text = inputs.packages && inputs.dockerfiles?.get(built.dockerfile);
  // (A target the file names no stage of: the whole file, as before.)
  const commands = text ? (stageCommands(text, target, buildArgs) ?? text) : undefined;
  const named = commands ? builtWorkspacePackage(commands) : undefined;
  if (!named) return undefined;
  const inContext = (dir: string) => built.context === '.' || dir === built.context || dir.startsWith(`${built.context}/`);
  const roots = (packageClosure(inputs.packages!, named.name) ?? []).filter(inContext);
  return roots.length ? { ...named, roots } : undefined;
}

/** Folders that hold container files for the repository, not a service's own code. */
const GENERIC_DOCKER_DIR = /(^|\/)(\.?docker|dockerfiles?|\.?devcontainer|deploy(ments?)?|containers?|infra|ops|ci|build)$/;

/** Folders of test suites and examples: what is kept there runs beside or on the product, it is not the product. */
const TEST_OR_EXAMPLE_DIR = /(^|\/)(tests?|__tests__|e2e|testdata|fixtures?|suites?|examples?|samples?)(\/|$)/;

export const BUILD_MARKERS = /(^|\/)(Dockerfile|Containerfile|package\.json|pyproject\.toml|requirements\.txt|go\.mod|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|Gemfile|composer\.json|[^/]+\.csproj)$/;

/**
 * Links a service to the folders of code it runs, strongest evidence first, and says why for each link:
 * `.ops-lens.yaml` (written by a person) > Compose `build` > a recipe that deploys its own folder (Procfile,
 * fly.toml, App Engine) > a Skaffold artifact building the image the service runs > a Dockerfile folder named
 * like that image > a folder named like the service. When nothing links, `unlinkedReason` says why.
 */
export function linkCode(service: Service, recipes: LinkSource[], inputs: LinkInputs): void {
  // A Compose file for a test run (onyx's docker-compose.mcp-api-key-test.yml mounts the whole repository to run a
  // test server from backend/tests/) runs test code or a fake in the service's place: it links no code, so it takes
  // no route or warning from the services that run it.
  const sources = recipes.filter((s) => !s.compose || !isTestCompose(s.compose.location.file));
  const compose = sources.find((s) => s.compose)?.compose;
  const role = processRole(service.name, compose?.processLine);
  const add = (link: CodeLink) => {
    if (service.codeRoots.some((l) => l.root === link.root)) return;
    const withRole = link.role ?? role;
    service.codeRoots.push(withRole ? { ...link, role: withRole } : link);
  };
  const configured = inputs.links.filter((l) => l.service === service.name);
  for (const c of configured) {
    for (const r of c.roots) {
      add({ root: r.value, reason: `${c.replace ? 'set' : 'added'} in .ops-lens.yaml (${where(r.location)})`, confidence: 'high', evidence: r.location });
    }
  }
  if (configured.some((c) => c.replace)) return;
  if (recipes.length && !sources.length) {
    if (!service.codeRoots.length) service.unlinkedReason = `defined only in ${[...new Set(recipes.map((s) => s.compose!.location.file))].join(', ')}, a Compose file for a test run: the code it runs is not linked`;
    return;
  }

  for (const s of sources) {
    const c = s.compose;
    if (!c) continue;
    const composeFile = c.buildContext?.location.file;
    const moved = c.buildContext ? movedCompose(inputs.files, posix.dirname(composeFile!), c.buildContext.value, c.dockerfile?.value) : undefined;
    // A Compose file moved without its paths reads its bind mounts from where its build context is read, too:
    // authelia's internal/suites/example/compose/authelia/compose.backend.dev.yml, run from internal/suites, mounts
    // `../..` (the repository, not internal/suites/example) on its working directory.
    const readFrom = moved?.readFrom !== undefined && moved.context !== c.buildContext!.value ? moved.readFrom : undefined;
    const rebase = (folder: string, file: string): string => {
      if (readFrom === undefined || file !== composeFile) return folder;
      const from = normalise(posix.join(readFrom, posix.relative(posix.dirname(file), folder)));
      return !from.startsWith('..') && hasFolder(inputs.files, from) ? from : folder;
    };
    const mountedCode = c.mountedCode && { ...c.mountedCode, value: rebase(c.mountedCode.value, c.mountedCode.location.file) };
    const codeMounts = c.codeMounts?.map((m) => ({ ...m, host: rebase(m.host, m.location.file) }));
    const readAs = (rebased: boolean) => (rebased ? `, read from ${readFrom === '.' ? 'the workspace root' : readFrom} as its build context is` : '');
    // The code a bind mount puts where the service runs wins over what the image was built from (a dev image
    // that runs `go run .` in its working directory).
    if (mountedCode && holdsCode(inputs.files, mountedCode.value)) {
      add({
        root: mountedCode.value,
        reason: `Compose service "${c.name}" runs in ${mountedCode.value}, mounted from the host (working_dir and volumes in ${where(mountedCode.location)}${readAs(mountedCode.value !== c.mountedCode!.value)})`,
        confidence: 'high',
        evidence: mountedCode.location,
      });
      continue;
    }
    const built: { context: string; dockerfile: string; readFrom?: string } | undefined = c.buildContext
      ? (moved ?? (c.dockerfile ? buildWithDockerfile(inputs.files, c.buildContext.value, c.dockerfile.value) : argumentedBuild(inputs, c.buildContext.value, c.buildArgs)))
      : undefined;
    // What the Dockerfile sets, its variables are set for the code (envHazards): the one named, or the context's own.
    const builtWith = built?.dockerfile ?? (c.buildContext ? contextDockerfile(inputs.files, c.buildContext.value) : undefined);
    const builtText = builtWith !== undefined ? inputs.dockerfiles?.get(builtWith) : undefined;
    if (builtText) service.imageEnv = [...new Set([...(service.imageEnv ?? []), ...dockerfileEnvNames(builtText)])];
    // Go: the packages its build compiles, which say which of a module's commands it runs (goCommands.ts).
    const buildContext = built?.context ?? c.buildContext?.value;
    const goBuilt = builtText && buildContext !== undefined ? goBuildPaths(builtText, c.buildTarget?.value, c.buildArgs)?.map((p) => posix.join(buildContext, p)) : undefined;
    const goBuilds = goBuilt ? { goBuilds: goBuilt } : {};
    // The same without `working_dir`: the image's own WORKDIR, with the code mounted there (polar's dev images build
    // from the repository root, copy no code, and run `../../server` mounted on their `WORKDIR /app/server`).
    const imageWorkdir = builtText && codeMounts ? stageWorkdir(builtText, c.buildTarget?.value) : undefined;
    const runsMounted = imageWorkdir !== undefined ? mountedFolder(codeMounts!, imageWorkdir) : undefined;
    if (runsMounted && holdsCode(inputs.files, runsMounted.folder)) {
      add({
        root: runsMounted.folder,
        reason: `Compose service "${c.name}" runs in ${runsMounted.folder}, mounted from the host (volumes in ${where(runsMounted.mount.location)}${readAs(runsMounted.mount.host !== c.codeMounts![codeMounts!.indexOf(runsMounted.mount)].host)}) on the WORKDIR ${imageWorkdir} of ${builtWith}`,
        confidence: 'high',
        evidence: runsMounted.mount.location,
      });
      continue;
    }
    if (c.buildContext && built) {
      const dfDir = posix.dirname(built.dockerfile);
      const inside = built.context === '.' ? dfDir !== '.' : dfDir.startsWith(`${built.context}/`);
      // A context wider than the service (the repository root, for shared protos) with the Dockerfile in the
      // service's folder: the Dockerfile's folder is the service's code, also when it holds only configuration (a
      // proxy's). Not a folder of purpose-named Dockerfiles with no code (`docker/local.Dockerfile`): the context is.
      // Nor a folder kept for container files (`docker/Dockerfile` with `context: ..`, healthchecks' and mealie's)
      // when the context holds code elsewhere: a start-up script beside the Dockerfile is not the app.
      const context = built.context;
      const moved = built.context !== c.buildContext.value ? `, read from ${context === '.' ? 'the workspace root' : context}: ${c.buildContext.value} holds no such file` : '';
      const dockerfileIn = c.dockerfile ? `build.dockerfile in ${where(c.dockerfile.location)}` : `build.context in ${where(c.buildContext.location)}`;
      // Also a code-less folder inside one (`docker/catalogue/Dockerfile` with `context: .`, Sock Shop's catalogue).
      const inContainerFolder = dfDir.split('/').slice(0, -1).some((_, i, segs) => GENERIC_DOCKER_DIR.test(segs.slice(0, i + 1).join('/'))) && !holdsCode(inputs.files, dfDir);
      const containerFolder =
        (GENERIC_DOCKER_DIR.test(dfDir) || inContainerFolder) && inputs.files.some((f) => (context === '.' || f.startsWith(`${context}/`)) && !f.startsWith(`${dfDir}/`) && languageOfFile(f) !== undefined);
      if (inside && goCommandOfModule(inputs.files, dfDir, context)) {
        add({
          root: context,
          reason: `Compose service "${c.name}" builds with ${built.dockerfile} (${dockerfileIn}${moved}), a command of the Go module at ${context === '.' ? 'the workspace root' : context}: the module's packages are its code`,
          confidence: 'high',
          evidence: (c.dockerfile ?? c.buildContext).location,
          // (Its own folder is the command, when the Dockerfile does not say.)
          goBuilds: goBuilt ?? [dfDir],
        });
        continue;
      }
      if (inside && !containerFolder && inputs.files.includes(built.dockerfile) && (/(^|\/)(Dockerfile|Containerfile)$/.test(built.dockerfile) || holdsCode(inputs.files, dfDir))) {
        add({
          root: dfDir,
          reason: `Compose service "${c.name}" builds with ${built.dockerfile} (${dockerfileIn}${moved})`,
          confidence: 'high',
          evidence: (c.dockerfile ?? c.buildContext).location,
          ...goBuilds,
        });
        // And the code it copies in from elsewhere in the context: django-helpdesk's standalone/Dockerfile, built from
        // the repository root, copies the `src/` package its settings' ROOT_URLCONF includes (`helpdesk.urls`). Not a
        // folder around the Dockerfile's, which would widen the service to its neighbours.
        for (const root of stagedRoots(inputs, built, c.buildTarget?.value, c.buildArgs)) {
          if (root === dfDir || root.startsWith(`${dfDir}/`) || dfDir.startsWith(`${root}/`)) continue;
          const file = inputs.files.includes(root);
          add({
            root,
            reason: `Compose service "${c.name}" builds with ${built.dockerfile} (${dockerfileIn}${moved}), which takes ${file ? `the file ${root} alone` : `its files from ${root}`}`,
            confidence: 'high',
            evidence: (c.dockerfile ?? c.buildContext).location,
            ...(file ? { file } : {}),
          });
        }
        continue;
      }
    }
    // A context with no code that packages a Spring Boot jar built elsewhere (litemall's docker/litemall: its
    // Dockerfile and the application.yml it copies beside the jar), or whose Dockerfile is nowhere in the workspace
    // (litestar-fullstack's compose file, moved to tools/deploy/docker/ without its paths, names docker/dev/Dockerfile):
    // the code is the nearest build above it.
    const dockerfile = c.buildContext ? (built?.dockerfile ?? contextDockerfile(inputs.files, c.buildContext.value)) : undefined;
    // (Not a context that is nowhere either, ruoyi-vue-pro's `./yudao-ui-admin/`: its code is another repository's.)
    const exists = c.buildContext && hasFolder(inputs.files, c.buildContext.value);
    const codeless = exists && !holdsCode(inputs.files, c.buildContext!.value);
    const why = !codeless || !exists ? undefined : holdsBootConfig(inputs.files, c.buildContext!.value) ? 'holds no code but a Spring Boot configuration' : dockerfile && !inputs.files.includes(dockerfile) ? `holds no code, and ${dockerfile} is not in the workspace` : undefined;
    // A context of only a Dockerfile that copies in a jar built elsewhere (RuoYi-Cloud's `docker/ruoyi/modules/system`,
    // `COPY ./jar/ruoyi-modules-system.jar …`): the Maven module that builds that jar.
    const jar = codeless && inputs.jarModules && builtText ? copiedJar(builtText, inputs.jarModules) : undefined;
    if (jar) {
      add({
        root: jar.module,
        reason: `Compose service "${c.name}" builds from ${c.buildContext!.value} (build.context in ${where(c.buildContext!.location)}), whose ${builtWith} copies ${jar.name}.jar: the Maven module that builds it, ${jar.module}`,
        confidence: 'high',
        evidence: c.buildContext!.location,
      });
      continue;
    }
    const packaged = why ? buildFolderAbove(inputs.files, c.buildContext!.value) : undefined;
    const workspace = c.buildContext && built && !packaged ? workspaceBuild(inputs, built, c.buildTarget?.value, c.buildArgs) : undefined;
    if (c.buildContext && built && workspace) {
      for (const root of workspace.roots) {
        add({
          root,
          reason: `Compose service "${c.name}" builds ${workspace.name} out of the workspace at ${c.buildContext.value} (${built.dockerfile}: \`${workspace.command}\`, build.context in ${where(c.buildContext.location)}): its folder and the workspace packages it depends on`,
          confidence: 'high',
          evidence: c.buildContext.location,
        });
      }
      // And what its image takes from the file's other stages besides that package (hoppscotch's `aio` target: its
      // web app and admin dashboard beside the backend), so an image of that package alone ranks above it.
      const stage = c.buildTarget ? `stage ${c.buildTarget.value} of ${built.dockerfile}` : built.dockerfile;
      for (const root of stagedRoots(inputs, built, c.buildTarget?.value, c.buildArgs)) {
        // (Not a folder holding a package's own, `apps/` or `packages/` copied whole for the workspace's build: those are
        // the package's and its dependencies', not more of this image.)
        if (root === '.' || workspace.roots.some((r) => root === r || root.startsWith(`${r}/`) || r.startsWith(`${root}/`))) continue;
        const file = inputs.files.includes(root);
        add({
          root,
          reason: `Compose service "${c.name}" builds ${stage} from ${c.buildContext.value} (${where((c.buildTarget ?? c.buildContext).location)}), and that image also takes ${file ? `the file ${root} alone` : `its files from ${root}`}`,
          confidence: 'high',
          evidence: (c.buildTarget ?? c.buildContext).location,
          ...(file ? { file } : {}),
        });
      }
      continue;
    }
    const staged = c.buildContext && built && !packaged ? stagedRoots(inputs, built, c.buildTarget?.value, c.buildArgs) : [];
    if (c.buildContext && packaged) {
      add({
        root: packaged.dir,
        reason: `Compose service "${c.name}" builds from ${c.buildContext.value} (build.context in ${where(c.buildContext.location)}), which ${why}: its code is the nearest build above, ${packaged.file}`,
        confidence: 'medium',
        evidence: c.buildContext.location,
      });
    } else if (c.buildContext && built && staged.length) {
      // A build of the whole context whose Dockerfile stage takes only some folders of it (a monorepo's services).
      const stage = c.buildTarget ? `stage ${c.buildTarget.value} of ${built.dockerfile}` : built.dockerfile;
      for (const root of staged) {
        const file = inputs.files.includes(root);
        add({
          root,
          reason: `Compose service "${c.name}" builds ${stage} from ${c.buildContext.value} (${where((c.buildTarget ?? c.buildContext).location)}), and that image takes ${file ? `the file ${root} alone` : `its files from ${root}`}`,
          confidence: 'high',
          evidence: (c.buildTarget ?? c.buildContext).location,
          ...(file ? { file } : {}),
        });
      }
    } else if (c.buildContext) {
      // The workspace root, with a Dockerfile that is not in the workspace (mall4j's database image, `dockerfile:
      // ./db/Dockerfile`): what the image holds is not known, and it is not the whole workspace.
      if (/^\.?\/?$/.test(c.buildContext.value) && dockerfile && !inputs.files.includes(dockerfile)) continue;
      // Read from the folder above where the Compose file was moved from (movedCompose), when it was.
      const from = built?.readFrom !== undefined && built.context !== c.buildContext.value ? built : undefined;
      add({
        root: from?.context ?? c.buildContext.value,
        reason: `Compose service "${c.name}" builds from ${c.buildContext.value} (build.context in ${where(c.buildContext.location)})${from ? `, read as ${from.context}: ${hasFolder(inputs.files, c.buildContext.value) ? `${c.buildContext.value} holds no ${posix.basename(from.dockerfile)}` : 'no such folder is in the workspace'}, and the Compose file's paths find it read from ${from.readFrom === '.' ? 'the workspace root' : from.readFrom} (a file moved without its paths)` : ''}`,
        confidence: 'high',
        evidence: c.buildContext.location,
        ...goBuilds,
      });
    } else if (c.dockerfile) {
      const root = posix.dirname(c.dockerfile.value);
      add({ root, reason: `Compose service "${c.name}" builds with ${c.dockerfile.value} (${where(c.dockerfile.location)})`, confidence: 'high', evidence: c.dockerfile.location });
    }
  }
  for (const s of sources) {
    if (!s.codeRoot) continue;
    // ArchiveBox's etc/fly.toml, kept beside nginx.conf with neither code nor a Dockerfile: deployed from the folder
    // above that holds the Dockerfile.
    const bare = s.codeRoot.byItsDockerfile && !holdsCodeOrDockerfile(inputs.files, s.codeRoot.root);
    // Unless it deploys an image built elsewhere (openstatus's apps/server/log/fly.toml, `[build] image =
    // "ghcr.io/superfly/fly-log-shipper:latest"`): that image is what runs, not the code above; it is read below.
    // (Not the app's own image pushed to Fly's registry, `registry.fly.io/hooky-prod`, or one named like the app or
    // the workspace: a CI's build of the code above, deployed with `fly deploy -c deploy/fly.toml`.)
    const own = (image: string) => {
      const short = imageShortName(image).toLowerCase();
      return /^registry\.fly\.io\//.test(image) || short === service.name.toLowerCase() || (!!inputs.rootName && short.startsWith(inputs.rootName.toLowerCase()));
    };
    if (bare && s.images.length && !s.images.some((i) => own(i.value))) continue;
    const kept = bare ? keptApart(inputs.files, s.codeRoot.root) : undefined;
    if (kept) add({ root: kept.dir, reason: `${s.codeRoot.reason}, but ${s.codeRoot.root} holds neither code nor a Dockerfile: the nearest folder above with one, ${kept.dockerfile}`, confidence: 'medium', evidence: s.codeRoot.evidence, role: s.codeRoot.role });
    else add({ root: s.codeRoot.root, reason: s.codeRoot.reason, confidence: 'high', evidence: s.codeRoot.evidence, role: s.codeRoot.role });
  }

  const images = uniqueImages(sources.flatMap((s) => s.images));
  for (const img of images) {
    const exact = inputs.skaffold.filter((a) => a.image.value === stripTag(img.value));
    const artifacts = exact.length ? exact : inputs.skaffold.filter((a) => imageShortName(a.image.value) === imageShortName(img.value));
    for (const a of artifacts) {
      add({
        root: a.context,
        reason: `Skaffold builds image ${a.image.value} from ${a.context} (${where(a.location)}); the service runs ${img.value} (${where(img.location)})`,
        confidence: 'high',
        evidence: a.location,
      });
    }
  }
  if (service.codeRoots.length > 0) return;

  // A folder with no code, when the root holds a Dockerfile and code: for an image named like the workspace, not the
  // app (a docs site's `docs/shop/Dockerfile` extending an upstream image, beside the app the root builds).
  const rootBuilds = inputs.files.includes('Dockerfile') && holdsCode(inputs.files, '.');
  const codelessBesideBuildingRoot = (d: string) => rootBuilds && !holdsCode(inputs.files, d);
  // (The workspace folder's name, separators compared as one: lfnovo/open-notebook publishes lfnovo/open_notebook.)
  const root = inputs.rootName?.toLowerCase().replace(/[_.]/g, '-');
  for (const img of images) {
    let dirs = inputs.dockerfileDirs.get(imageShortName(img.value)) ?? [];
    // An image named like the workspace itself is the repository's, not a folder of that name in a test suite or an
    // example (authelia's internal/suites/example/compose/authelia holds the dev image its suites run the checkout in,
    // beside their authelia:dist manifests): the workspace root below.
    // Nor, when the root holds a Dockerfile and code, a folder of that name with none (a docs site's image,
    // `docs/shop/Dockerfile` extending an upstream one, beside the app the root builds).
    // (Named so as the root fallback below says, also in a folder cloned with a suffix, `authelia-main`.)
    if (root && namedLikeWorkspace(img.value, root)) dirs = dirs.filter((d) => !TEST_OR_EXAMPLE_DIR.test(d) && !codelessBesideBuildingRoot(d));
    // An image named for the workspace and a part of it (openpanel's lindesvard/openpanel-api and openpanel-worker,
    // built from apps/api/Dockerfile and apps/worker/Dockerfile): the folder named for that part, not the whole
    // repository the workspace's name alone would give below.
    const part = !dirs.length ? partOfWorkspace(img.value, root) : undefined;
    // (Only a folder with code of its own, or one whose Dockerfile only extends an upstream image, karakeep's
    // docker/chrome: `docker/api/` holding a Dockerfile that builds the code elsewhere says nothing of where it is.)
    const ownFolder = (d: string) => holdsCode(inputs.files, d) || extendsUpstreamOnly(inputs, d);
    if (part) dirs = (inputs.dockerfileDirs.get(part) ?? []).filter(ownFolder);
    // Else one folder named for the workspace and ending in that part (MaxKey's maxkeytop/maxkey-mgt, built from
    // maxkey-webs/maxkey-web-mgt/Dockerfile).
    // (Not when the root builds the app, and not a mock's or test's folder: acme-mock-api beside the root's api.)
    if (part && !dirs.length && !rootBuilds) dirs = [...inputs.dockerfileDirs].filter(([name]) => partOfFolderName(name, root!, part) && !/(?:^|-)(?:mock|fake|stub|test|tests|e2e)(?:-|$)/.test(name)).flatMap(([, found]) => found.filter(ownFolder));
    if (dirs.length !== 1) continue;
    // A folder with only the Dockerfile (Sock Shop's docker/orders: `COPY *.jar`) packages what a build elsewhere
    // makes: the nearest folder above with a build file (the root's pom.xml) is the code. Not a Dockerfile that only
    // extends an upstream image with files kept as they are (dittofeed's temporal image, ftgo's mysql/): no build's.
    const upstream = !holdsCode(inputs.files, dirs[0]) && extendsUpstreamOnly(inputs, dirs[0]);
    const build = holdsCode(inputs.files, dirs[0]) || upstream ? undefined : buildFolderAbove(inputs.files, dirs[0]);
    add({
      root: build?.dir ?? dirs[0],
      reason: build
        ? `image ${img.value} (${where(img.location)}) is named like folder ${dirs[0]}, which holds only a Dockerfile: it packages what ${build.file} builds`
        : upstream
          ? `image ${img.value} (${where(img.location)}) is named like folder ${dirs[0]}, whose Dockerfile extends an upstream image with files kept as they are (no code)`
          : part
            ? `image ${img.value} (${where(img.location)}) is named like this workspace folder (${inputs.rootName}) and folder ${dirs[0]}, which holds a Dockerfile`
            : `image ${img.value} (${where(img.location)}) is named like folder ${dirs[0]}, which holds a Dockerfile`,
      confidence: 'medium',
      evidence: img.location,
    });
    // And, when that Dockerfile is built from the workspace root, the code it copies in from elsewhere (openpanel's
    // apps/api/Dockerfile: `COPY apps/api ./apps/api`, `COPY packages ./packages`): what the image holds, so a shared
    // package's hazards that no route reaches still belong to the services that ship it.
    if (build || upstream) continue;
    for (const copied of rootBuiltRoots(inputs, dirs[0])) {
      add({
        root: copied,
        reason: `image ${img.value} (${where(img.location)}) is built by ${dirs[0]}/Dockerfile from the workspace root, which copies in ${inputs.files.includes(copied) ? `the file ${copied}` : `the code of ${copied}`}`,
        confidence: 'medium',
        evidence: img.location,
        ...(inputs.files.includes(copied) ? { file: true } : {}),
      });
    }
  }
  if (service.codeRoots.length > 0) return;

  // An image built without a Dockerfile (Jib, Cloud Native Buildpacks, ko) from the folder it is named like:
  // spring-petclinic-microservices runs `springcommunity/spring-petclinic-customers-service` built from the
  // folder of that name by Maven.
  // (Not Docker's own images, `postgres`, `mysql`: not the npm adapter of that name. A local build's may have no
  // namespace, `./mvnw spring-boot:build-image`'s `customers-service:0.0.1-SNAPSHOT`.)
  for (const img of images) {
    const dirs = (img.value.includes('/') || !OFFICIAL_IMAGES.test(imageShortName(img.value)) ? (inputs.buildFileDirs.get(imageShortName(img.value)) ?? []) : []).filter(
      (d) => !(root && namedLikeWorkspace(img.value, root) && codelessBesideBuildingRoot(d)),
    );
    if (dirs.length === 1) {
      add({
        root: dirs[0],
        reason: `image ${img.value} (${where(img.location)}) is named like folder ${dirs[0]}, which holds a build file and no Dockerfile (an image built by Jib, Buildpacks or ko)`,
        confidence: 'medium',
        evidence: img.location,
      });
    }
  }
  if (service.codeRoots.length > 0) return;

  // A Helm chart kept in the folder of the code it deploys (`src/cart/chart/` beside `src/cart/Dockerfile`, as in
  // retail-store-sample-app): its image is built from that folder, whatever the image is named.
  for (const ref of service.recipes) {
    if (ref.kind !== 'helm/values') continue;
    const dir = dockerfileFolderAround(inputs, posix.dirname(posix.dirname(ref.location.file)));
    if (dir) {
      add({
        root: dir,
        reason: `the Helm chart (${where(ref.location)}) is kept in folder ${dir}, which holds a Dockerfile and code`,
        confidence: 'medium',
        evidence: ref.location,
      });
      return;
    }
  }

  // The repository itself, built without a Dockerfile (`./mvnw spring-boot:build-image`), when the image is named
  // like the workspace folder: spring-petclinic's manifest runs dsyer/petclinic.
  if (root && inputs.files.some((f) => BUILD_MARKERS.test(f) && !f.includes('/'))) {
    // An image with a namespace or registry (`dsyer/petclinic`) named like the folder: `postgres` or `redis` are
    // Docker's own, and a workspace named `acme-redis` does not build them. Without one, only exactly the folder's
    // name with a Dockerfile at the root (bxcodec/go-clean-arch's `docker build --tag go-clean-arch .`).
    const rootDockerfile = inputs.files.some((f) => !f.includes('/') && isDockerfile(f));
    const named = images.filter((i) => {
      const short = imageShortName(i.value).toLowerCase().replace(/[_.]/g, '-');
      if (!i.value.includes('/')) return rootDockerfile && short === root;
      return namedLikeWorkspace(i.value, root) || namedForItsRole(short, root);
    });
    // Said by a recipe that deploys rather than one for a developer's machine (statping-ng's docker-compose.yml, not
    // dev/kubernetes.yml): the link ranks as the deployment's.
    const img = named.find((i) => !isDevRecipe(i.location.file)) ?? named[0];
    if (img) {
      // A Dockerfile at the root named for the image's role (maxun's Dockerfile.backend for getmaxun/maxun-backend):
      // the folders its image takes, not the whole repository with its frontend.
      const short = imageShortName(img.value).toLowerCase().replace(/[_.]/g, '-');
      const role = namedForItsRole(short, root) ? short.slice(root.length + 1) : undefined;
      const dockerfile = role ? inputs.files.find((f) => !f.includes('/') && new RegExp(`^(?:Dockerfile[.-]${role}|${role}\\.Dockerfile)$`, 'i').test(f)) : undefined;
      const staged = dockerfile ? stagedRoots(inputs, { context: '.', dockerfile }, undefined) : [];
      for (const r of staged) {
        const file = inputs.files.includes(r);
        add({
          root: r,
          reason: `image ${img.value} (${where(img.location)}) is named like this workspace folder (${inputs.rootName}) and ${dockerfile} at its root, whose image takes ${file ? `the file ${r} alone` : `its files from ${r}`}`,
          confidence: 'low',
          evidence: img.location,
          ...(file ? { file } : {}),
        });
      }
      if (staged.length) return;
      add({
        root: '.',
        reason: `image ${img.value} (${where(img.location)}) is named like this workspace folder (${inputs.rootName}), whose root holds a build file`,
        confidence: 'low',
        evidence: img.location,
      });
      // The code folders the root Dockerfile's image takes, kept for the developer's services that run them
      // (takeFromDevRecipes).
      const rootStaged = inputs.files.includes('Dockerfile') ? stagedRoots(inputs, { context: '.', dockerfile: 'Dockerfile' }, undefined).filter((r) => !inputs.files.includes(r)) : [];
      if (rootStaged.length && !isDevRecipe(img.location.file)) {
        const rootText = inputs.dockerfiles?.get('Dockerfile');
        const goBuilds = rootText !== undefined ? goBuildPaths(rootText) : undefined;
        inputs.deployedRoots?.set(service, { image: img, roots: rootStaged, ...(goBuilds ? { goBuilds } : {}) });
      }
      return;
    }
  }

  // Not a service that runs a datastore's or proxy's own image (homarr's development compose, `redis: image: redis`):
  // it runs that product, and the workspace's folder of that name (homarr's packages/redis) is its client. A base
  // image (`node:20`, `python:3.12`) runs some code, so the folder named after the service may still be it.
  // (Unless the service mounts that folder or one inside it, not a file: an nginx serving `./frontend/dist` serves frontend's build.)
  const runsProduct = images.some((i) => OFFICIAL_IMAGES.test(imageShortName(i.value)) && !BASE_IMAGES.test(imageShortName(i.value)));
  const mounted = sources.flatMap((s) => s.compose?.codeMounts ?? []).map((m) => m.host).filter((h) => !inputs.files.includes(h));
  linkByName(service, inputs.files, runsProduct ? (dir) => mounted.some((h) => h === dir || h.startsWith(`${dir}/`)) : undefined);
  if (service.codeRoots.length > 0) return;
  service.unlinkedReason = images.length
    ? `runs ${images.map((i) => i.value).join(', ')}, which nothing in this folder builds (no Compose build, Skaffold artifact or Dockerfile folder of that name): a third-party image, or code kept elsewhere`
    : 'no Compose build, image or folder named after the service was found';
}

/** The folders the root Dockerfile's image takes, for a service that deploys the image named like the workspace. */
export interface DeployedRoots {
  image: Located<string>;
  roots: string[];
  /** The Go packages that Dockerfile's `go build` compiles (goBuildPaths), when it says them. */
  goBuilds?: string[];
}

/**
 * A service that deploys the image named like the workspace, built by the root Dockerfile, also runs the folders that
 * image takes: where a developer's recipe runs one of them (statping-ng's dev/docker-compose.full.yml builds that
 * Dockerfile again and links cmd/, handlers/…; planka's docker-compose-dev.yml runs server/ mounted), the deployed
 * service links that folder too, so its code is the deployed service's (serviceForFile ranks a deploying recipe over a
 * developer's at the same depth), not the developer's that only a deeper folder made more specific. Not a folder a
 * service that deploys runs: that one keeps it; nor a Go command (`goMains`, `package main`) other than those the
 * root Dockerfile's `go build` names, when it names them: the image runs those, not every command it copies.
 */
export function takeFromDevRecipes(services: readonly Service[], deployed: ReadonlyMap<Service, DeployedRoots>, rootName: string | undefined, goMains?: ReadonlySet<string>): void {
  if (!deployed.size) return;
  const dev = (l: CodeLink) => !!l.evidence && isDevRecipe(l.evidence.file);
  const devLinks = services.flatMap((s) => s.codeRoots.filter((l) => !l.file && dev(l)).map((l) => ({ service: s, link: l })));
  const holds = (root: string, dir: string) => root === '.' || dir === root || dir.startsWith(`${root}/`);
  for (const [service, { image, roots, goBuilds }] of deployed) {
    for (const { service: other, link } of devLinks) {
      const copied = roots.find((r) => link.root === r || link.root.startsWith(`${r}/`));
      if (other === service || copied === undefined || service.codeRoots.some((l) => l.root === link.root)) continue;
      // (Not a folder that is a program of its own the image does not build: the root Dockerfile copies all of cmd/
      // but builds ./cmd/server, and the developer's recipe runs cmd/importer with `go run .`.)
      if (goBuilds && goMains?.has(link.root) && !goBuilds.includes(link.root)) continue;
      // (Not when another service that deploys runs the folder as well, a Compose `build: .`: they compare as before.)
      if (services.some((s) => s !== service && s.codeRoots.some((l) => !l.file && !dev(l) && holds(l.root, link.root)))) continue;
      service.codeRoots.push({
        root: link.root,
        reason: `image ${image.value} (${where(image.location)}) is named like this workspace folder (${rootName}), and the root Dockerfile's image takes ${copied === link.root ? `its files from ${copied}` : `${link.root} with ${copied}`}, which ${other.name} runs only in a developer's recipe (${link.evidence!.file})`,
        confidence: 'low',
        evidence: image.location,
      });
    }
  }
}

/**
 * Whether an image is named like the workspace folder (`root`, lower-cased, `_` and `.` read as `-`): exactly, for the
 * project's domain (changedetection.io's image `dgtlmoon/changedetection.io` in a folder cloned as `changedetection`),
 * or with a prefix or suffix to the folder's name (`authelia-main`, as GitHub's archive unpacks). The looser forms
 * not for one of Docker's own images without a namespace (`redis` in a folder `redis-tools`).
 */
function namedLikeWorkspace(image: string, root: string): boolean {
  const short = imageShortName(image).toLowerCase().replace(/[_.]/g, '-');
  if (short === root) return true;
  if (!image.includes('/') && OFFICIAL_IMAGES.test(short)) return false;
  const bare = imageShortName(image).toLowerCase().replace(/\.(?:io|js|com|org|net|dev|app|sh|ai)$/, '').replace(/[_.]/g, '-');
  return bare === root || root.endsWith(`-${short}`) || root.startsWith(`${short}-`);
}

/** Docker's official images that a workspace folder may be named like (its client or adapter of that name). */
const OFFICIAL_IMAGES =
  /^(?:postgres|postgis|mysql|mariadb|redis|valkey|mongo|mongodb|memcached|rabbitmq|nats|kafka|zookeeper|cassandra|elasticsearch|opensearch|kibana|logstash|clickhouse|influxdb|telegraf|grafana|prometheus|etcd|consul|vault|minio|nginx|httpd|caddy|traefik|haproxy|keycloak|adminer|mailhog|registry|node|python|golang|openjdk|eclipse-temurin|alpine|ubuntu|debian|busybox)$/;
/** Those of them that are a language runtime or a base system: they run whatever code is put in them. */
const BASE_IMAGES = /^(?:node|python|golang|openjdk|eclipse-temurin|alpine|ubuntu|debian|busybox)$/;

/**
 * The repository's name and the part the image plays (`unleashorg/unleash-server` built from the root of Unleash/unleash,
 * `acme/shop-api` from acme/shop): a suffix naming a role, not another product (`bitnami/shop-exporter`).
 */

function namedForItsRole(short: string, root: string): boolean {
  return short.startsWith(`${root}-`) && /^(?:server|api|backend|app|service|web|worker)$/.test(short.slice(root.length + 1));
}

/** A folder's name `<workspace>-…-<part>` (`maxkey-web-mgt` for the part `mgt` of the workspace `maxkey`). */
function partOfFolderName(name: string, root: string, part: string): boolean {
  const n = name.toLowerCase().replace(/[_.]/g, '-');
  return n.startsWith(`${root}-`) && n.endsWith(`-${part}`) && n.length > root.length + part.length + 2;
}

/**
 * `api` of an image with a namespace named `<workspace>-api` (lindesvard/openpanel-api in the openpanel folder): the
 * part of the workspace it is named for, whose folder with a Dockerfile builds it. Not an image without a namespace.
 */
function partOfWorkspace(image: string, root: string | undefined): string | undefined {
  if (!root || !image.includes('/')) return undefined;
  const short = imageShortName(image).toLowerCase().replace(/[_.]/g, '-');
  return short.startsWith(`${root}-`) && short.length > root.length + 1 ? short.slice(root.length + 1) : undefined;
}

/**
 * The folders of code inside the build context that the Dockerfile's stage takes (dockerStages.ts): for a path it
 * copies, the nearest folder holding code (built output, `packages/web/dist`, is its package's), not the context
 * itself; a folder inside another is that one's. A source file copied alone is itself, not its folder: onyx's model
 * server takes `onyx/utils/logger.py` and `onyx/__init__.py` out of the API server's `onyx/`, not the API.
 */
function stagedRoots(inputs: LinkInputs, built: { context: string; dockerfile: string }, target: string | undefined, buildArgs?: Readonly<Record<string, string>>): string[] {
  const text = inputs.dockerfiles?.get(built.dockerfile);
  const paths = text !== undefined ? stageSources(text, target, buildArgs) : undefined;
  if (!paths) return [];
  const context = built.context;
  const roots = new Set<string>();
  // Whether the image takes what a build of the whole context made (`.next/standalone`, `dist`: in no folder of code
  // of the context's own), which the app's static-assets folder is only a part of. Not a path the image copies from
  // the context that is merely not in the workspace (a git-ignored `certs/` or `.htpasswd` beside nginx's `public/`).
  let builtWhole = false;
  let fromBuild: string[] | undefined;
  for (const path of paths) {
    if (path.startsWith('/')) continue;
    const copied = posix.normalize(context === '.' ? path : `${context}/${path}`);
    if (inputs.files.includes(copied)) {
      // Not a build file or configuration (`COPY requirements.txt .`): the folder copied beside it says the code.
      if (languageOfFile(copied) !== undefined || SOURCE.test(copied)) roots.add(copied);
      continue;
    }
    let dir = copied;
    for (; dir !== context && dir !== '.' && dir !== '/' && !dir.startsWith('..'); dir = posix.dirname(dir)) {
      if (hasFolder(inputs.files, dir) && holdsCode(inputs.files, dir)) {
        roots.add(dir);
        break;
      }
    }
    if (dir === context && !hasFolder(inputs.files, copied) && (fromBuild ??= builtFromWholeContext(text!, target, buildArgs)).includes(path)) builtWhole = true;
  }
  // new-api's website/ (a Next.js `output: "standalone"` build): its runner copies `.next/standalone` and the `public/`
  // of browser scripts beside it; the image runs the server built from the whole folder, not its static assets (the
  // `public/` or `static/` folder of Next.js, Vite, CRA, Nuxt). With nothing else taken, the whole context is the code.
  if (builtWhole) for (const r of roots) if (posix.dirname(r) === context && STATIC_ASSETS_DIR.test(posix.basename(r))) roots.delete(r);
  return [...roots].filter((r) => ![...roots].some((o) => o !== r && r.startsWith(`${o}/`))).sort();
}

/** The folder of files a web app serves as they are, beside the code its build compiles. */
const STATIC_ASSETS_DIR = /^(?:public|static)$/;

/**
 * The context's own Dockerfile, when the Compose build gives it arguments its stages use: typebot's one Dockerfile
 * builds the app `build.args: SCOPE=viewer` names (`COPY --from=builder /app/apps/${SCOPE}/.next/standalone ./`), so
 * what its stage takes says which folder the service is.
 */
function argumentedBuild(inputs: LinkInputs, context: string, buildArgs: Readonly<Record<string, string>> | undefined): { context: string; dockerfile: string } | undefined {
  if (!buildArgs) return undefined;
  const dockerfile = contextDockerfile(inputs.files, context);
  const text = dockerfile !== undefined ? inputs.dockerfiles?.get(dockerfile) : undefined;
  if (!text || !Object.keys(buildArgs).some((name) => text.includes(`$${name}`) || text.includes(`\${${name}`))) return undefined;
  return { context, dockerfile: dockerfile! };
}

/**
 * The folders of code a folder's Dockerfile copies in besides its own, when it is evidently built from the workspace
 * root: its stage copies its own folder by the root's path (`COPY apps/api ./apps/api`). A Dockerfile built from its
 * own folder names paths inside it, which stagedRoots would read from the wrong place.
 */
function rootBuiltRoots(inputs: LinkInputs, dir: string): string[] {
  const dockerfile = `${dir}/Dockerfile`;
  const text = inputs.files.includes(dockerfile) ? inputs.dockerfiles?.get(dockerfile) : undefined;
  const sources = text !== undefined ? stageSources(text) : undefined;
  if (!sources?.some((p) => p === dir || p.startsWith(`${dir}/`))) return [];
  return stagedRoots(inputs, { context: '.', dockerfile }, undefined).filter((r) => r !== dir && !r.startsWith(`${dir}/`) && !dir.startsWith(`${r}/`));
}

/** Whether a folder holds a source file or a Dockerfile (taken so of the workspace root: a fly.toml there deploys the repository). */
function holdsCodeOrDockerfile(files: readonly string[], dir: string): boolean {
  if (dir === '.') return true;
  const prefix = `${dir}/`;
  return files.some((f) => f.startsWith(prefix) && (isDockerfile(f) || SOURCE.test(f) || languageOfFile(f) !== undefined));
}

/** For a folder with no source file and no Dockerfile: the nearest folder above with a Dockerfile, if one is. */
function keptApart(files: readonly string[], dir: string): { dir: string; dockerfile: string } | undefined {
  for (let d = posix.dirname(dir); ; d = posix.dirname(d)) {
    const dockerfile = d === '.' ? 'Dockerfile' : `${d}/Dockerfile`;
    if (files.includes(dockerfile)) return { dir: d, dockerfile };
    if (d === '.' || d === '/') return undefined;
  }
}

/**
 * Whether the Dockerfiles of a folder with no code (read: their text is known) copy in nothing but files kept in the
 * workspace as they are, none of them code, a jar or a folder of code: they extend an upstream image with configuration
 * (dittofeed's render/temporal/server/auto-setup, `FROM temporalio/auto-setup:1.22` and a dynamicconfig.yaml; ftgo's
 * mysql/, `FROM eventuateio/eventuate-mysql8` and the script beside it), and package nothing a build makes.
 */
function extendsUpstreamOnly(inputs: LinkInputs, dir: string): boolean {
  const dockerfiles = inputs.files.filter((f) => posix.dirname(f) === dir && isDockerfile(f));
  const texts = dockerfiles.map((f) => inputs.dockerfiles?.get(f));
  if (!texts.length || texts.some((t) => t === undefined)) return false;
  const kept = (path: string) =>
    !path.startsWith('..') && ((inputs.files.includes(path) && languageOfFile(path) === undefined && !SOURCE.test(path)) || (hasFolder(inputs.files, path) && path !== '.' && !holdsCode(inputs.files, path)));
  // A source is read from the Dockerfile's folder (built there) or from the workspace root (built from the top); a
  // URL is downloaded (ftgo's `ADD https://raw.githubusercontent.com/…/1.initialize-database.sql`).
  // A source that is the Dockerfile's own folder or one above it (`COPY . .`, `./`, `..`) copies the whole context in,
  // and a build tool run over it (`RUN go build ./cmd/api`) builds it: that packages the context, it keeps nothing.
  const wholeContext = (src: string) => /^\.\.?(?:\/\.\.)*$/.test(posix.normalize(src).replace(/\/$/, ''));
  // (Not into a server's configuration, an nginx folder's `COPY . /etc/nginx/conf.d/`: that folder is what it keeps.)
  const intoConfiguration = (dest: string) => /^\/(?:etc|usr\/share|usr\/local\/etc|docker-entrypoint[\w.-]*)(?:\/|$)/.test(dest);
  const copiesKept = (src: string, dest: string) =>
    /^https?:\/\//.test(src) ||
    (!(wholeContext(src) && !(src === '.' && intoConfiguration(dest))) && !/[*?$]|\.(?:jar|war|ear)$/i.test(src) && [posix.join(dir, src), posix.normalize(src)].some((p) => kept(p.replace(/\/$/, ''))));
  return texts.every((t) => !runsBuildTool(t!) && contextCopies(t!).every((c) => c.sources.every((src) => copiesKept(src, c.dest))));
}

/** The nearest folder above `dir` (the workspace root included) with a build file of its own, and that file. */
export function buildFolderAbove(files: readonly string[], dir: string): { dir: string; file: string } | undefined {
  for (let d = posix.dirname(dir); ; d = posix.dirname(d)) {
    const prefix = d === '.' ? '' : `${d}/`;
    const file = files.find((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/') && BUILD_MARKERS.test(f) && !isDockerfile(f));
    if (file && holdsCode(files, d)) return { dir: d, file };
    if (d === '.' || d === '' || d === '/') return undefined;
  }
}

/**
 * The context and Dockerfile a Compose build uses: as written, or, when the Dockerfile is not in the context written
 * (a Compose file moved without its relative paths: plane's `deployments/cli/community/build.yml` says `context: ../../`
 * for `apps/web/Dockerfile.web`, which is at the workspace root), the nearest folder above that holds it.
 */
function buildWithDockerfile(files: readonly string[], context: string, dockerfile: string): { context: string; dockerfile: string } {
  if (files.includes(dockerfile)) return { context, dockerfile };
  const relative = context === '.' ? dockerfile : dockerfile.startsWith(`${context}/`) ? dockerfile.slice(context.length + 1) : undefined;
  if (relative === undefined) return { context, dockerfile };
  for (let up = context; up !== '.'; ) {
    up = posix.dirname(up);
    const candidate = up === '.' ? relative : `${up}/${relative}`;
    if (files.includes(candidate)) return { context: up, dockerfile: candidate };
  }
  return { context, dockerfile };
}

/**
 * A Compose file moved without its paths, whose context is not in the workspace: its paths read from the nearest folder
 * above the file's where they are (ruoyi-vue-pro's script/docker/docker-compose.yml builds `./yudao-server/`, which is
 * the root's yudao-server/). Also a context that is there without the Dockerfile it names (open-notebook's
 * examples/docker-compose-dev.yml, `context: .` and `dockerfile: Dockerfile`, kept in `examples/` beside no
 * Dockerfile: the root's). Undefined when the context holds its Dockerfile, or it is nowhere.
 */
function movedCompose(files: readonly string[], composeDir: string, context: string, dockerfile: string | undefined): { context: string; dockerfile: string; readFrom?: string } | undefined {
  if (hasFolder(files, context) && files.includes(dockerfile ?? posix.join(context, 'Dockerfile'))) return undefined;
  const rel = posix.relative(composeDir, context);
  const relDockerfile = posix.relative(composeDir, dockerfile ?? posix.join(context, 'Dockerfile'));
  for (let up = composeDir; up !== '.'; ) {
    up = posix.dirname(up);
    // Also a path that climbs (plane's build.yml, one folder deeper than it was written for: `../../apps/proxy`).
    const candidate = posix.join(up, relDockerfile);
    if (!candidate.startsWith('..') && files.includes(candidate)) return { context: posix.join(up, rel), dockerfile: candidate, readFrom: up };
  }
  return undefined;
}

/** The nearest folder from `dir` up (not the workspace root) that holds a Dockerfile and code. */
function dockerfileFolderAround(inputs: LinkInputs, dir: string): string | undefined {
  for (let d = dir; d !== '.' && d !== '' && d !== '/'; d = posix.dirname(d)) {
    if (!GENERIC_DOCKER_DIR.test(d) && inputs.dockerfileDirs.get(posix.basename(d))?.includes(d) && holdsCode(inputs.files, d)) return d;
  }
  return undefined;
}

/**
 * Source code in any language, not only those analysed here: otel-demo's currency service is C++ (a CMakeLists.txt
 * and .cpp files beside its Dockerfile), and its folder is still the service's.
 */
const SOURCE = /\.(py|[cm]?[jt]sx?|go|java|kts?|scala|groovy|rb|php|cs|fs|vb|c|cc|cpp|cxx|h|hh|hpp|rs|ex|exs|erl|clj|swift|dart|lua|pl|r|cr|nim|zig|hs|ml)$|(^|\/)(CMakeLists\.txt|Makefile|mix\.exs|rebar\.config|stack\.yaml|dune-project|build\.zig)$/i;

/** A Spring Boot configuration file directly in the folder (`application.yml`, `application-prod.properties`). */
function holdsBootConfig(files: readonly string[], dir: string): boolean {
  const prefix = dir === '.' ? '' : `${dir}/`;
  return files.some((f) => f.startsWith(prefix) && /^(?:application|bootstrap)(?:-[\w-]+)?\.(?:ya?ml|properties)$/.test(f.slice(prefix.length)));
}

/**
 * A folder with code in it, or a build file: a Dockerfile's folder that is a service, not a folder of Dockerfiles
 * and their entrypoint scripts (`docker/local.Dockerfile`, `docker/web_entrypoint.sh`).
 */
export function holdsCode(files: readonly string[], dir: string): boolean {
  // Asked for each service's folders over the same listing (10,000 files in the recipes benchmark): answered once.
  let known = HOLDS_CODE.get(files);
  if (!known) HOLDS_CODE.set(files, (known = new Map()));
  let holds = known.get(dir);
  if (holds === undefined) {
    const prefix = dir === '.' ? '' : `${dir}/`;
    holds = files.some((f) => f.startsWith(prefix) && (SOURCE.test(f) || languageOfFile(f) !== undefined || (BUILD_MARKERS.test(f) && !isDockerfile(f))));
    known.set(dir, holds);
  }
  return holds;
}

const HOLDS_CODE = new WeakMap<readonly string[], Map<string, boolean>>();
const FOLDERS = new WeakMap<readonly string[], Set<string>>();

/** Whether any file of the listing is under the folder (a folder the workspace has). */
function hasFolder(files: readonly string[], dir: string): boolean {
  if (dir === '.' || dir === '') return true;
  let folders = FOLDERS.get(files);
  if (!folders) {
    folders = new Set();
    for (const f of files) for (let d = posix.dirname(f); d !== '.' && !folders.has(d); d = posix.dirname(d)) folders.add(d);
    FOLDERS.set(files, folders);
  }
  return folders.has(dir.replace(/\/+$/, ''));
}

/**
 * `cmd/server/Dockerfile` built from the root of the Go module it belongs to (qiangxue/go-rest-api): the folder holds
 * only the main package, whose handlers are in the module's other packages (`internal/album`), so the code is the
 * module's. A Dockerfile folder with a go.mod of its own (a module per service, microservices-demo's) is not this.
 */
function goCommandOfModule(files: readonly string[], dfDir: string, context: string): boolean {
  const top = context === '.' ? '' : `${context}/`;
  if (!files.includes(`${top}go.mod`) || !files.some((f) => f.startsWith(`${dfDir}/`) && f.endsWith('.go') && !f.slice(dfDir.length + 1).includes('/'))) return false;
  for (let dir = dfDir; dir !== context && dir !== '.'; dir = posix.dirname(dir)) if (files.includes(`${dir}/go.mod`)) return false;
  return true;
}

/** Weakest link: a source folder named after the service that holds a Dockerfile or a package manifest (and passes `only`, when given). */
function linkByName(service: Service, files: string[], only?: (dir: string) => boolean): void {
  const candidates = new Set<string>();
  for (const f of files) {
    if (!BUILD_MARKERS.test(f)) continue;
    const dir = posix.dirname(f);
    if (posix.basename(dir) === service.name) candidates.add(dir);
  }
  if (candidates.size === 1) {
    const [root] = candidates;
    if (only && !only(root)) return;
    service.codeRoots.push({ root, reason: `folder ${root} is named after the service and holds a build file`, confidence: 'low' });
  }
}

function uniqueImages(images: Located<string>[]): Located<string>[] {
  const seen = new Set<string>();
  return images.filter((i) => {
    // Unresolved `${IMAGE_NAME}` references say nothing about which code is built.
    if (i.value.includes('${') || seen.has(i.value)) return false;
    seen.add(i.value);
    return true;
  });
}

function stripTag(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.range.start.line + 1}`;
}

/** The names of the jars a Dockerfile copies in (`COPY ./jar/ruoyi-modules-system.jar /home/ruoyi/` → `ruoyi-modules-system`). */
export function copiedJars(dockerfile: string): string[] {
  return [...dockerfile.matchAll(/^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*(\S+?)\.jar\b/gim)].map((m) => m[1].slice(m[1].lastIndexOf('/') + 1));
}

/** The jar a Dockerfile copies in, when a module of the workspace builds it. */
function copiedJar(dockerfile: string, jarModules: ReadonlyMap<string, string>): { name: string; module: string } | undefined {
  for (const file of copiedJars(dockerfile)) {
    // (A version in its name, `app-1.2.0.jar`, `app-*.jar`: the artifact's.)
    for (const name of [file, file.replace(/-(?:\d[\w.-]*|\*)$/, '')]) {
      const module = jarModules.get(name);
      if (module !== undefined) return { name: file, module };
    }
  }
  return undefined;
}

/** The Dockerfile a build of `context` reads when Compose names none: `Dockerfile`, else `dockerfile` (Docker's fallback). */
function contextDockerfile(files: readonly string[], context: string): string {
  const upper = posix.join(context, 'Dockerfile');
  const lower = posix.join(context, 'dockerfile');
  return !files.includes(upper) && files.includes(lower) ? lower : upper;
}
