import assert from 'node:assert/strict';
import { serviceForFile } from '../../../src/core/model/environment';
import { modelOfFiles, service } from './support';

const lines = (...l: string[]) => l.join('\n') + '\n';

/**
 * authelia's internal/suites/example/compose/authelia/compose.backend.dev.yml is run from internal/suites: its
 * `context: example/compose/authelia` is read from there, and so is its `../..:/app` mount, the repository the dev
 * container runs with `working_dir: /app` (not internal/suites/example, read from the Compose file's own folder).
 */
describe('A Compose file moved without its paths: its bind mounts are read from where its build context is', () => {
  const files = {
    'go.mod': 'module example.com/myapp\n',
    'main.go': 'package main\n',
    'internal/server/server.go': 'package server\n',
    'internal/suites/example/compose/backend/Dockerfile.backend': lines('FROM golang:1.21-alpine', 'WORKDIR /app'),
    'internal/suites/example/compose/backend/resources/entrypoint-backend.sh': lines('#!/bin/sh', 'cd /app && go run .'),
    'internal/suites/example/compose/backend/resources/main.go': 'package main\n',
    'internal/suites/example/compose/backend/compose.backend.dev.yml': lines(
      'services:',
      '  backend:',
      '    build:',
      "      context: 'example/compose/backend'",
      "      dockerfile: 'Dockerfile.backend'",
      "    command: '/resources/entrypoint-backend.sh'",
      "    working_dir: '/app'",
      '    volumes:',
      "      - './example/compose/backend/resources:/resources'",
      "      - '../..:/app:cached'",
    ),
  };

  it('links the folder the working directory is mounted from, read from there', async () => {
    const m = await modelOfFiles(files);
    const backend = service(m, 'backend');
    assert.deepEqual(backend.codeRoots.map((l) => `${l.root} ${l.confidence}`), ['. high']);
    assert.equal(
      backend.codeRoots[0].reason,
      'Compose service "backend" runs in ., mounted from the host (working_dir and volumes in internal/suites/example/compose/backend/compose.backend.dev.yml:7, read from internal/suites as its build context is)',
    );
    assert.equal(serviceForFile(m, 'internal/server/server.go')?.name, 'backend');
    // Without working_dir, mounted on the WORKDIR of the Dockerfile it builds with: the same.
    const noWorkdir = { ...files, 'internal/suites/example/compose/backend/compose.backend.dev.yml': files['internal/suites/example/compose/backend/compose.backend.dev.yml'].replace("    working_dir: '/app'\n", '') };
    const m2 = await modelOfFiles(noWorkdir);
    assert.deepEqual(service(m2, 'backend').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['. high']);
    assert.match(service(m2, 'backend').codeRoots[0].reason, /\(volumes in internal\/suites\/example\/compose\/backend\/compose\.backend\.dev\.yml:9, read from internal\/suites as its build context is\) on the WORKDIR \/app of /);
  });

  it("reads a mount from the Compose file's own folder when its build context is found there", async () => {
    // The context as written is there: nothing is moved, `../..` is internal/suites/example.
    const inPlace: Record<string, string> = {
      ...files,
      'internal/suites/example/compose/backend/compose.backend.dev.yml': files['internal/suites/example/compose/backend/compose.backend.dev.yml'].replace("context: 'example/compose/backend'", "context: '.'"),
      'internal/suites/example/setup.go': 'package example\n',
    };
    const m = await modelOfFiles(inPlace);
    assert.deepEqual(service(m, 'backend').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['internal/suites/example high']);
  });
});
