import assert from 'node:assert/strict';
import { stageSources } from '../../../src/core/recipes/dockerStages';

const lines = (...l: string[]) => l.join('\n') + '\n';

// The shape of privacyidea's deploy/docker/Dockerfile (built from the repository's root): the builder copies the
// package into its WORKDIR and installs it into a virtualenv elsewhere, which the runtime stage takes whole.
const PRIVACYIDEA = lines(
  'FROM wolfi-base AS node-builder',
  'WORKDIR /build/privacyidea/static_new',
  'COPY privacyidea/static_new/package.json privacyidea/static_new/package-lock.json ./',
  'COPY privacyidea/static_new/ ./',
  'RUN npm run build',
  'FROM wolfi-base AS python-builder',
  'RUN python3 -m venv /opt/privacyidea',
  'WORKDIR /build',
  'COPY requirements.txt .',
  'RUN pip install -r requirements.txt',
  'COPY README.rst MANIFEST.in pyproject.toml ./',
  'COPY ./deploy/ ./deploy',
  'COPY ./privacyidea/ ./privacyidea',
  'COPY --from=node-builder /build/privacyidea/static_new/dist/ ./privacyidea/static_new/dist/',
  'RUN pip install ".[kerberos]"',
  'FROM wolfi-base',
  'WORKDIR /opt/privacyidea',
  'COPY --chown=nonroot:nonroot ./deploy/privacyidea/NetKnights.pem /etc/privacyidea/',
  'COPY --chown=nonroot:nonroot --from=python-builder /opt/privacyidea/ /opt/privacyidea/',
  'COPY --chown=nonroot:nonroot --chmod=755 deploy/docker/cron-runner.py /opt/privacyidea/',
  'COPY --chown=nonroot:nonroot --chmod=755 deploy/docker/enckey-canary.py /opt/privacyidea/',
);

describe("Dockerfile stages: a builder's output taken whole (a virtualenv, a build folder) comes from what it copied in", () => {
  it("privacyidea: the venv the runtime stage takes was installed from the folders the builder copied into its WORKDIR, not only the runtime stage's own scripts", () => {
    assert.deepEqual(stageSources(PRIVACYIDEA), [
      'MANIFEST.in',
      'README.rst',
      'deploy',
      'deploy/docker/cron-runner.py',
      'deploy/docker/enckey-canary.py',
      'deploy/privacyidea/NetKnights.pem',
      'privacyidea',
      'pyproject.toml',
      'requirements.txt',
    ]);
  });

  it('a build folder under the WORKDIR comes from what was copied there, and what was copied under the path taken', () => {
    const out = lines('FROM golang AS build', 'WORKDIR /build', 'COPY go.mod ./', 'COPY cmd ./cmd', 'RUN make', 'FROM alpine', 'COPY --from=build /build/out /app', 'COPY healthcheck.sh /app/');
    assert.deepEqual(stageSources(out), ['cmd', 'go.mod', 'healthcheck.sh']);
    const under = lines('FROM python AS build', 'WORKDIR /src', 'COPY tools ./tools', 'COPY api /opt/app/api', 'RUN pip install --prefix /opt/app ./api', 'FROM python', 'COPY --from=build /opt/app /opt/app');
    assert.deepEqual(stageSources(under), ['api', 'tools']);
  });

  it("node_modules taken from a builder is no code of the context (maxun's backend); a stage traced to nothing beside single files is the whole context, beside a folder it is that folder", () => {
    const maxun = lines('FROM node:22 AS builder', 'WORKDIR /app', 'COPY server ./server', 'COPY src ./src', 'RUN npm run build:server', 'FROM node:22-slim', 'COPY --from=builder /app/server ./server', 'COPY --from=builder /app/node_modules ./node_modules');
    assert.deepEqual(stageSources(maxun), ['server']);
    const nothing = lines('FROM python AS build', 'RUN python -m venv /opt/venv && /opt/venv/bin/pip install myapp', 'FROM python', 'COPY --from=build /opt/venv /opt/venv', 'COPY healthcheck.py /app/');
    assert.equal(stageSources(nothing), undefined);
    const withFolder = lines('FROM python AS build', 'RUN python -m venv /opt/venv && /opt/venv/bin/pip install gunicorn', 'FROM python', 'COPY --from=build /opt/venv /opt/venv', 'COPY src /app/src');
    assert.deepEqual(stageSources(withFolder), ['src']);
  });

  it('a builder that took only manifests from the context installed dependencies: the single source file the image copies is its code', () => {
    const web = lines('FROM python:3.12-slim AS builder', 'RUN python -m venv /opt/venv', 'COPY requirements.txt /tmp/requirements.txt', 'RUN pip install -r /tmp/requirements.txt', 'FROM python:3.12-slim', 'COPY --from=builder /opt/venv /opt/venv', 'WORKDIR /app', 'COPY web.py /app/');
    assert.deepEqual(stageSources(web), ['web.py']);
  });
});
