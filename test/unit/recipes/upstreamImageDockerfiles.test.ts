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
});
