import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { isAnalysedFile, serviceForFile, type EnvironmentModel } from '../../../src/core/model/environment';
import { goBuildPaths } from '../../../src/core/recipes/dockerStages';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from '../analysis/tempWorkspace';
import { memoryFs } from './support';

const lines = (...l: string[]) => l.join('\n') + '\n';
const model = (files: Record<string, string>, rootName?: string): Promise<EnvironmentModel> =>
  buildEnvironmentModel({ ...memoryFs(files), ...(rootName ? { rootName } : {}) }, Object.keys(files).sort(), { cache: new RecipeCache() });
const owner = (m: EnvironmentModel, file: string) => serviceForFile(m, file)?.name;

/** A Go module of several commands (dtm, authelia): the one a service's image builds is its code, not the others. */
describe("Go: a module's other commands are not the service's code", () => {
  const module = {
    'go.mod': 'module example.com/app\n',
    'api/api.go': 'package api\n',
    'cmd/server/main.go': lines('package main', '', 'import "example.com/app/api"', '', 'func main() { api.AddRoutes(nil) }'),
    'cmd/bench/main.go': lines('// Command bench is a load-test target run by hand.', 'package main', '', 'func main() {}'),
    'cmd/authelia-scripts/main.go': lines('package main', '', 'func main() {}'),
    'cmd/authelia-scripts/cmd/build.go': 'package cmd\n',
  };

  it('runs the command its Dockerfile builds (`go build ./cmd/server`), with the packages beside it', async () => {
    const m = await model({
      ...module,
      'compose.yaml': lines('services:', '  server:', '    build: .'),
      Dockerfile: lines('FROM golang:1.21 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /server ./cmd/server', '', 'FROM alpine', 'COPY --from=build /server /server', 'ENTRYPOINT ["/server"]'),
    });
    assert.deepEqual(
      m.services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.excludes])]),
      [['server', [['.', ['cmd/authelia-scripts', 'cmd/bench']]]]],
    );
    assert.match(m.services[0].codeRoots[0].reason, /; of its Go module's commands it runs cmd\/server \(built by its Dockerfile\), not cmd\/authelia-scripts, cmd\/bench$/);
    assert.equal(owner(m, 'cmd/server/main.go'), 'server');
    assert.equal(owner(m, 'api/api.go'), 'server');
    assert.equal(owner(m, 'cmd/bench/main.go'), undefined);
    // And what is kept inside another command (authelia-scripts' own `cmd` package).
    assert.equal(owner(m, 'cmd/authelia-scripts/cmd/build.go'), undefined);
    assert.equal(isAnalysedFile(m, 'cmd/authelia-scripts/cmd/build.go'), false);
  });

  it("takes each command built from the module's root by its own Dockerfile as that service's", async () => {
    const m = await model({
      ...module,
      'compose.yaml': lines('services:', '  server:', '    build: { context: ., dockerfile: cmd/server/Dockerfile }', '  bench:', '    build: { context: ., dockerfile: cmd/bench/Dockerfile }'),
      'cmd/server/Dockerfile': lines('FROM golang:1.21', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /server ./cmd/server'),
      // (No `go build` it can read: its own folder is the command.)
      'cmd/bench/Dockerfile': lines('FROM golang:1.21', 'WORKDIR /src', 'COPY . .', 'RUN make bench'),
    });
    assert.deepEqual(
      m.services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.excludes])]),
      [
        ['bench', [['.', ['cmd/authelia-scripts', 'cmd/server']]]],
        ['server', [['.', ['cmd/authelia-scripts', 'cmd/bench']]]],
      ],
    );
    assert.equal(owner(m, 'cmd/bench/main.go'), 'bench');
    assert.equal(owner(m, 'cmd/server/main.go'), 'server');
  });

  it("else runs the command named like the service or its image (the workspace's name for the root's)", async () => {
    // dtm: a Helm chart's image yedf/dtm, the root's main.go, a bench server and a quick start beside it.
    const dtm = await model(
      {
        'go.mod': 'module github.com/dtm-labs/dtm\n',
        'main.go': lines('package main', '', 'func main() {}'),
        'dtmsvr/api.go': 'package dtmsvr\n',
        // A `main.go` of another package is no command.
        'dtmsvr/entry/main.go': lines('package entry', '', 'func Main() {}'),
        'helper/bench/main.go': lines('package main', '', 'func main() {}'),
        'helper/bench/svr/http.go': 'package svr\n',
        'qs/main.go': lines('package main', '', 'func main() {}'),
        'charts/Chart.yaml': lines('apiVersion: v2', 'name: dtm', 'version: 1.0.0'),
        'charts/values.yaml': lines('image:', '  repository: yedf/dtm', '  tag: latest'),
      },
      'dtm',
    );
    assert.deepEqual(
      dtm.services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.excludes])]),
      [['dtm', [['.', ['helper/bench', 'qs']]]]],
    );
    assert.match(dtm.services[0].codeRoots[0].reason, /it runs the one at the workspace root \(named like it\), not helper\/bench, qs$/);
    assert.deepEqual(
      ['main.go', 'dtmsvr/api.go', 'dtmsvr/entry/main.go', 'helper/bench/main.go', 'helper/bench/svr/http.go', 'qs/main.go'].map((f) => owner(dtm, f)),
      ['dtm', 'dtm', 'dtm', undefined, undefined, undefined],
    );
    // authelia: its image runs cmd/authelia, read from a file named for neither (photoprism's cmd/photoprism/photoprism.go).
    const authelia = await model(
      {
        'go.mod': 'module github.com/authelia/authelia/v4\n',
        'compose.yml': lines('services:', '  authelia:', '    image: authelia/authelia'),
        'cmd/authelia/authelia.go': lines('// Command authelia is the daemon.', 'package main', '', 'func main() {}'),
        'cmd/authelia-scripts/main.go': lines('package main', '', 'func main() {}'),
        'cmd/authelia-gen/cmd_root.go': lines('package main', '', 'func newRootCmd() {}'),
        'internal/server/handlers.go': 'package server\n',
      },
      'authelia',
    );
    assert.deepEqual(
      authelia.services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.excludes])]),
      [['authelia', [['.', ['cmd/authelia-gen', 'cmd/authelia-scripts']]]]],
    );
  });

  it('keeps every command when nothing says which one runs, or a command is not one', async () => {
    const shape = async (files: Record<string, string>, rootName?: string) =>
      (await model({ ...module, ...files }, rootName)).services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.excludes])]);
    // pagoda: no recipe, and no command named like the workspace.
    assert.deepEqual(await shape({}, 'pagoda'), [['pagoda', [['.', undefined]]]]);
    // A Dockerfile that builds every package, or through make: and no command named `app`.
    const compose = lines('services:', '  app:', '    build: .');
    for (const run of ['RUN go build ./...', 'RUN make build', 'RUN go build -o /app $TARGET']) {
      assert.deepEqual(await shape({ 'compose.yaml': compose, Dockerfile: lines('FROM golang:1.21', 'WORKDIR /src', 'COPY . .', run) }), [['app', [['.', undefined]]]], run);
    }
    // A generator kept beside its package (`//go:build ignore`, memos' and photoprism's), a command of another module
    // kept inside this one (photoprism's docker/dummy/oidc/app), and a link written in .ops-lens.yaml: not excluded.
    const server = await model({
      ...module,
      'compose.yaml': lines('services:', '  server:', '    build: .'),
      Dockerfile: lines('FROM golang:1.21', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /server ./cmd/server'),
      'cmd/gen/main.go': lines('//go:build ignore', '', 'package main', '', 'func main() {}'),
      'tools/oidc/go.mod': 'module example.com/oidc\n',
      'tools/oidc/main.go': lines('package main', '', 'func main() {}'),
    });
    assert.deepEqual(server.services[0].codeRoots[0].excludes, ['cmd/authelia-scripts', 'cmd/bench']);
    const written = await model({
      ...module,
      '.ops-lens.yaml': lines('services:', '  server: { code: . }'),
      'compose.yaml': lines('services:', '  server:', '    build: .'),
      Dockerfile: lines('FROM golang:1.21', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /server ./cmd/server'),
    });
    assert.deepEqual(written.services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.excludes])]), [['server', [['.', undefined]]]]);
  });

  it("reads the packages a Dockerfile's go build compiles, in the stages its image takes", () => {
    const built = (...l: string[]) => goBuildPaths(lines(...l));
    assert.deepEqual(built('FROM golang', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /server ./cmd/server'), ['cmd/server']);
    // memos' flags with values, a file named, a `cd`, `-C`, a WORKDIR inside what was copied, a default ARG.
    assert.deepEqual(
      built('FROM golang', 'WORKDIR /backend-build', 'COPY . .', 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X a.B=1" -tags netgo,osusergo -o memos ./cmd/memos'),
      ['cmd/memos'],
    );
    assert.deepEqual(built('FROM golang', 'WORKDIR /app', 'COPY . .', 'RUN go mod download && go build -o /bin/api ./cmd/api/main.go'), ['cmd/api']);
    assert.deepEqual(built('FROM golang', 'WORKDIR /app', 'COPY . .', 'RUN cd cmd/api && go build -o /bin/api'), ['cmd/api']);
    assert.deepEqual(built('FROM golang', 'WORKDIR /app', 'COPY . .', 'RUN go build -C cmd/api -o /bin/api .'), ['cmd/api']);
    assert.deepEqual(built('FROM golang', 'WORKDIR /go/src/app', 'COPY . .', 'WORKDIR /go/src/app/cmd/worker', 'RUN go install'), ['cmd/worker']);
    assert.deepEqual(built('FROM golang', 'ARG CMD=server', 'WORKDIR /src', 'COPY . .', 'RUN go build ./cmd/${CMD}'), ['cmd/server']);
    assert.deepEqual(built('FROM golang', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'COPY cmd cmd', 'COPY internal internal', 'RUN go build ./cmd/server'), ['cmd/server']);
    // A tool fetched at a version is none of the context's; the image's own build still says.
    assert.deepEqual(built('FROM golang', 'WORKDIR /src', 'COPY . .', 'RUN go install github.com/swaggo/swag/cmd/swag@latest', 'RUN go build .'), ['.']);
    // The stage the image is, and those it copies from: not another command's builder.
    const two = lines('FROM golang AS api', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /api ./cmd/api', 'FROM golang AS worker', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /worker ./cmd/worker', 'FROM alpine AS api-image', 'COPY --from=api /api /api', 'FROM alpine', 'COPY --from=worker /worker /worker');
    assert.deepEqual(goBuildPaths(two, 'api-image'), ['cmd/api']);
    assert.deepEqual(goBuildPaths(two), ['cmd/worker']);
    // Not known: every package, a variable, an import path; none built at all.
    for (const run of ['RUN go build ./...', 'RUN go build ./cmd/$APP', 'RUN go build github.com/acme/app/cmd/server', 'RUN make build', 'RUN go install github.com/x/tool@v1.2.0']) {
      assert.equal(built('FROM golang', 'WORKDIR /src', 'COPY . .', run), undefined, run);
    }
  });
});

/** The repro of the audit: service `server` lists no route of cmd/bench, nor cmd/authelia-scripts' variable. */
describe("Go: another command's routes and warnings, in a whole analysis", function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('go-commands');
  before(() => {
    ws.create();
    ws.write('go.mod', lines('module example.com/app', '', 'go 1.21', '', 'require github.com/gin-gonic/gin v1.9.1'));
    ws.write('compose.yaml', lines('services:', '  server:', '    build: .', '    ports: ["8080:8080"]', '    environment:', '      TZ: UTC'));
    ws.write('Dockerfile', lines('FROM golang:1.21 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /server ./cmd/server', '', 'FROM alpine', 'COPY --from=build /server /server', 'ENTRYPOINT ["/server"]'));
    ws.write('api/api.go', lines('package api', '', 'import "github.com/gin-gonic/gin"', '', 'func AddRoutes(r *gin.Engine) {', '\tr.GET("/api/version", func(c *gin.Context) { c.JSON(200, gin.H{"v": 1}) })', '}'));
    ws.write('cmd/server/main.go', lines('package main', '', 'import (', '\t"example.com/app/api"', '\t"github.com/gin-gonic/gin"', ')', '', 'func main() {', '\tr := gin.New()', '\tapi.AddRoutes(r)', '\tr.Run(":8080")', '}'));
    ws.write('cmd/authelia-scripts/main.go', lines('package main', '', 'import (', '\t"fmt"', '\t"os"', ')', '', 'func main() {', '\tbranch := os.Getenv("BUILDKITE_BRANCH")', '\tfmt.Println("building", branch)', '}'));
    ws.write('cmd/bench/main.go', lines('package main', '', 'import "github.com/gin-gonic/gin"', '', 'func main() {', '\tr := gin.New()', '\tr.POST("/api/busi_bench/TransIn", func(c *gin.Context) { c.JSON(200, nil) })', '\tr.Run(":8083")', '}'));
  });
  after(() => ws.remove());

  it("lists the built command's routes only, and warns of no variable another command reads", async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    assert.deepEqual(
      result.files.filter((f) => serviceForFile(result.model, f.file)?.name === 'server').flatMap((f) => f.routes.map((r) => `${r.method} ${r.path} ${r.file}`)),
      ['GET /api/version api/api.go'],
    );
    assert.deepEqual(result.warnings.map((w) => [w.code, w.file, w.service]), []);
  });
});
