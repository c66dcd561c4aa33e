import assert from 'node:assert/strict';
import { stageSources } from '../../../src/core/recipes/dockerStages';

const lines = (...l: string[]) => l.join('\n') + '\n';

// The shape of hoppscotch's prod.Dockerfile: one build of the whole repository, a stage per service.
const MONOREPO = lines(
  'FROM alpine:3 AS go_builder',
  'FROM go_builder AS server_builder',
  'WORKDIR /usr/src/app',
  'COPY . .',
  'WORKDIR /usr/src/app/packages/web/server',
  'RUN go build -o server',
  'FROM node:20 AS base_builder',
  'WORKDIR /usr/src/app',
  'COPY pnpm-lock.yaml .',
  '# everything, once',
  'COPY . .',
  'RUN pnpm install',
  'FROM base_builder AS backend_builder',
  'WORKDIR /usr/src/app/packages/backend',
  'RUN pnpm run build && \\',
  '    pnpm deploy --prod /dist/backend',
  'WORKDIR /dist/backend',
  'FROM node:20 AS backend',
  'COPY --from=caddy:2 /usr/bin/caddy /usr/bin/caddy',
  'COPY --from=base_builder /usr/src/app/packages/backend/Caddyfile /etc/caddy/Caddyfile',
  'COPY --from=backend_builder /dist/backend /dist/backend',
  'CMD ["node", "/dist/backend/main.js"]',
  'FROM base_builder AS web_builder',
  'WORKDIR /usr/src/app/packages/web',
  'RUN pnpm run build',
  'FROM node:20 AS web',
  'COPY --from=server_builder /usr/src/app/packages/web/server/server /usr/local/bin/',
  'COPY --from=web_builder /usr/src/app/packages/web/dist/ /site',
  'FROM node:20 AS aio',
  'COPY --from=backend_builder /dist/backend /dist/backend',
  'COPY --from=web_builder /usr/src/app/packages/web/dist /site',
  'COPY ["aio_run.mjs", "/usr/src/app/aio_run.mjs"]',
);

describe('Dockerfile stages: which folders of the build context an image takes', () => {
  it("a stage's image: where the files it copies from other stages came from, or the folders those stages built in", () => {
    assert.deepEqual(stageSources(MONOREPO, 'backend'), ['packages/backend', 'packages/backend/Caddyfile']);
    assert.deepEqual(stageSources(MONOREPO, 'web'), ['packages/web/dist', 'packages/web/server/server']);
    assert.deepEqual(stageSources(MONOREPO, 'AIO'), ['aio_run.mjs', 'packages/backend', 'packages/web/dist']);
  });

  it('without a target, the last stage; a stage that copies the whole context says nothing narrower', () => {
    assert.deepEqual(stageSources(MONOREPO), ['aio_run.mjs', 'packages/backend', 'packages/web/dist']);
    assert.equal(stageSources(MONOREPO, 'base_builder'), undefined);
    assert.equal(stageSources(MONOREPO, 'missing'), undefined);
  });

  it("a single unnamed stage's own copies from the context; an image's files (--from=caddy:2) are not the context's", () => {
    const single = lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'COPY server/ ./server/', 'COPY --from=caddy:2 /usr/bin/caddy /usr/bin/caddy', 'CMD ["node", "server/index.js"]');
    // (A pattern, `package*.json`, names no folder.)
    assert.deepEqual(stageSources(single), ['server']);
    assert.equal(stageSources(lines('FROM python:3.12', 'WORKDIR /app', 'COPY . .')), undefined);
    // A file copied into the working directory says nothing of the folders built there.
    const lockOnly = lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY api ./api', 'COPY pnpm-lock.yaml .', 'RUN pnpm build', 'FROM node:20', 'COPY --from=build /app/api/dist /srv');
    assert.deepEqual(stageSources(lockOnly), ['api/dist']);
    // An absolute source names nothing in the context.
    assert.deepEqual(stageSources(lines('FROM node:20', 'COPY /etc/app.conf /etc/app.conf', 'COPY api /srv/api')), ['api']);
  });

  it("a name the build made (a variable's value, a pattern) is that stage's output: the folders it built in", () => {
    // casdoor: the Go binary is built from the whole context; the image also takes two folders of it as they are.
    const casdoor = lines(
      'FROM golang:1.25 AS BACK', 'WORKDIR /go/src/casdoor', 'COPY go.mod go.sum ./', 'COPY . .', 'RUN ./build.sh',
      'FROM alpine AS STANDARD', 'COPY --from=BACK /go/src/casdoor/server_${BUILDX_ARCH} ./server', 'COPY --from=BACK /go/src/casdoor/swagger ./swagger',
      'COPY --from=BACK /go/src/casdoor/conf/app.conf ./conf/app.conf', 'ENTRYPOINT ["/server"]',
    );
    assert.equal(stageSources(casdoor, 'STANDARD'), undefined);
    const jar = lines('FROM maven:3 AS build', 'WORKDIR /src', 'COPY api ./api', 'RUN mvn -f api package', 'FROM eclipse-temurin:21', 'COPY --from=build /src/api/target/*.jar /app.jar');
    assert.deepEqual(stageSources(jar), ['api/target']);
  });
});
