import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { modelOfFiles } from './support';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** dittofeed's shape: the app built by Compose, and Temporal run from its upstream image, named like a folder whose Dockerfile only adds a config file. */
function dittofeed(temporalDockerfile: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name: 'dittofeed', private: true, workspaces: ['packages/*'] }),
    'docker-compose.yaml': lines(
      'services:',
      '  api:',
      '    build:',
      '      context: .',
      '      dockerfile: packages/api/Dockerfile',
      '  temporal:',
      '    image: temporalio/auto-setup:1.22.4',
    ),
    'packages/api/Dockerfile': lines('FROM node:20', 'COPY . .', 'CMD ["node", "packages/api/dist/index.js"]'),
    'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '4' } }),
    'packages/api/src/index.ts': 'export {};\n',
    'render/temporal/server/dynamicconfig.yaml': '{}\n',
    'render/temporal/server/auto-setup/Dockerfile': temporalDockerfile,
    ...extra,
  };
}

const links = (m: Awaited<ReturnType<typeof modelOfFiles>>, name: string) => m.services.find((s) => s.name === name)?.codeRoots.map((l) => [l.root, l.reason]);

describe('a code-less Dockerfile folder that only extends an upstream image does not package the workspace', () => {
  it("dittofeed's temporal image (`FROM temporalio/auto-setup`, a YAML file copied) is that folder, not the workspace root", async () => {
    const m = await modelOfFiles(dittofeed(lines('FROM temporalio/auto-setup:1.22', 'COPY render/temporal/server/dynamicconfig.yaml /etc/temporal/dynamicconfig.yaml')));
    assert.deepEqual(links(m, 'temporal'), [
      [
        'render/temporal/server/auto-setup',
        'image temporalio/auto-setup:1.22.4 (docker-compose.yaml:7) is named like folder render/temporal/server/auto-setup, whose Dockerfile extends an upstream image with files kept as they are (no code)',
      ],
    ]);
  });

  it("ftgo's mysql/ (no Compose build: read all the same), a script beside the Dockerfile and SQL downloaded: the StatefulSet takes no route of the app at the root", async () => {
    const m = await modelOfFiles({
      'build.gradle': "plugins { id 'org.springframework.boot' version '3.2.0' }\n",
      'src/main/java/com/ex/HelloController.java': 'class HelloController {}\n',
      'k8s/ftgo-mysql.yml': lines(
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '  name: ftgo-mysql',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: ftgo-mysql',
        '          image: msapatterns/mysql:latest',
      ),
      'mysql/Dockerfile': lines(
        'FROM eventuateio/eventuate-mysql8:$EVENTUATE_COMMON_VERSION',
        'COPY compile-schema-per-service.sh /docker-entrypoint-initdb.d/4.compile-schema-per-service.sh',
        'ADD https://raw.githubusercontent.com/eventuate-foundation/eventuate-common/$V/mysql/1.initialize-database.sql /docker-entrypoint-initdb.d/template1',
      ),
      'mysql/compile-schema-per-service.sh': '#!/bin/sh\n',
    });
    assert.deepEqual(links(m, 'ftgo-mysql')?.map(([root]) => root), ['mysql']);
  });

  it('still the build above for one that copies a jar, built output or code (Sock Shop\'s docker/orders)', async () => {
    for (const copy of ['COPY *.jar /usr/src/app/app.jar', 'COPY target/app.jar /app.jar', 'COPY dist /app', 'COPY packages/api /app']) {
      const m = await modelOfFiles(dittofeed(lines('FROM node:20', copy)));
      assert.deepEqual(links(m, 'temporal')?.map(([root]) => root), ['.'], copy);
    }
  });
  it('a Go build from the repository root (`COPY . .`, `RUN go build ./cmd/api`) packages the context: the module above, where its handlers are, not docker/api', async () => {
    const k8s = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: ghcr.io/acme/api:1.0',
    );
    const main = lines(
      'package main',
      '',
      'import "net/http"',
      '',
      'func orders(w http.ResponseWriter, r *http.Request) {}',
      '',
      'func main() {',
      '\tmux := http.NewServeMux()',
      '\tmux.HandleFunc("GET /orders", orders)',
      '\thttp.ListenAndServe(":8080", mux)',
      '}',
    );
    const files = (dockerfile: string) => ({
      'go.mod': 'module example.com/acme\n\ngo 1.22\n',
      'go.sum': '',
      'cmd/api/main.go': main,
      'k8s/api.yaml': k8s,
      'docker/api/Dockerfile': dockerfile,
    });
    const m = await modelOfFiles(
      files(lines('FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go build -o /out/api ./cmd/api', '', 'FROM gcr.io/distroless/base', 'COPY --from=build /out/api /api', 'ENTRYPOINT ["/api"]')),
    );
    assert.deepEqual(links(m, 'api'), [
      ['.', 'image ghcr.io/acme/api:1.0 (k8s/api.yaml:10) is named like folder docker/api, which holds only a Dockerfile: it packages what go.mod builds'],
    ]);
    // The whole context copied as `./` or from above, or a build tool run over what it copied: the same.
    for (const dockerfile of [
      lines('FROM golang:1.22', 'COPY ./ /src'),
      lines('FROM golang:1.22', 'COPY .. /src'),
      lines('FROM golang:1.22', 'COPY go.mod /src/go.mod', 'RUN cd /src && go build ./...'),
      lines('FROM golang:1.22', 'COPY go.mod /src/go.mod', 'RUN cd /src && go install -v ./cmd/api'),
      lines('FROM maven:3', 'COPY go.mod /src/pom.xml', 'RUN mvn -q package'),
      lines('FROM python:3.12', 'COPY go.mod /app/pyproject.toml', 'RUN pip install /app/ .'),
      lines('FROM node:20', 'COPY go.mod /app/package.json', 'RUN npm run build'),
    ]) {
      const m2 = await modelOfFiles(files(dockerfile));
      assert.deepEqual(links(m2, 'api')?.map(([root]) => root), ['.'], dockerfile);
    }
    // A tool installed from upstream builds nothing of the context (photoprism's docker/ddns): that folder.
    const ddns = await modelOfFiles(files(lines('FROM golang:1.22-alpine', 'RUN go install github.com/skibish/ddns@latest', 'CMD ["ddns"]')));
    assert.deepEqual(links(ddns, 'api')?.map(([root]) => root), ['docker/api']);
    // Nor do dependencies added to an upstream image, a build tool's name as a package installed, or a folder of
    // configuration copied whole into the server's (Airflow's pip install -r, Jenkins' apt-get install gradle, nginx).
    for (const dockerfile of [
      lines('FROM apache/airflow:2.7.1', 'COPY go.sum /requirements-airflow.txt', 'RUN pip install --no-cache-dir -r /requirements-airflow.txt'),
      lines('FROM jenkins/jenkins:lts', 'RUN apt-get update && apt-get install -y gradle maven', 'COPY go.sum /usr/share/jenkins/ref/plugins.txt'),
      lines('FROM nginx:1.25-alpine', 'COPY . /etc/nginx/conf.d/'),
    ]) {
      const m3 = await modelOfFiles({ ...files(dockerfile), 'docker/api/default.conf': 'server { listen 80; }\n' });
      assert.deepEqual(links(m3, 'api')?.map(([root]) => root), ['docker/api'], dockerfile);
    }
  });
});
