import assert from 'node:assert/strict';
import type { FileSystem } from '../../../src/core/host/fileSystem';
import { isAnalysedFile, serviceForFile, type Service } from '../../../src/core/model/environment';
import { isTestCompose } from '../../../src/core/recipes/compose';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';

function memoryFs(files: Record<string, string>): FileSystem {
  return {
    readText: async (f) => {
      if (!(f in files)) throw new Error(`ENOENT ${f}`);
      return files[f];
    },
    listFiles: async () => Object.keys(files).sort(),
  };
}

async function model(files: Record<string, string>) {
  return buildEnvironmentModel(memoryFs(files), Object.keys(files).sort());
}

const lines = (...l: string[]) => l.join('\n') + '\n';

const COMPOSE = lines(
  'services:', // 0
  '  orders:',
  '    build:',
  '      context: ./services/orders', // 3
  '    deploy:',
  '      replicas: 1',
  '      resources:',
  '        limits:',
  '          cpus: "2"',
  '          memory: 2g', // 9
  '        reservations:',
  '          memory: 128m', // 11
  '    environment:',
  '      INVENTORY_URL: http://inventory:8080',
  '      COMPOSE_ONLY: "yes"', // 14
  '  postgres:',
  '    image: postgres:16',
);

const ORDERS_K8S = lines(
  'apiVersion: apps/v1', // 0
  'kind: Deployment',
  'metadata:',
  '  name: orders-api', // 3
  'spec:',
  '  replicas: 3', // 5
  '  template:',
  '    metadata:',
  '      labels:',
  '        app.kubernetes.io/name: orders', // 9
  '    spec:',
  '      containers:',
  '        - name: orders',
  '          env:',
  '            - name: INVENTORY_URL', // 14
  '              value: http://inventory.shop.svc:8080', // 15
  '          resources:',
  '            requests:',
  '              cpu: 500m', // 18
  '            limits:',
  '              cpu: "1"', // 20
  '---',
  'apiVersion: autoscaling/v2', // 22
  'kind: HorizontalPodAutoscaler',
  'metadata:',
  '  name: orders-hpa', // 25
  'spec:',
  '  scaleTargetRef:',
  '    apiVersion: apps/v1',
  '    kind: Deployment',
  '    name: orders-api', // 30
  '  minReplicas: 3',
  '  maxReplicas: 10', // 32
);

describe('buildEnvironmentModel', () => {
  describe('Compose + Kubernetes for the same service', () => {
    const files = {
      'compose.yaml': COMPOSE,
      'deploy/k8s/orders.yaml': ORDERS_K8S,
      'services/orders/package.json': '{}',
      'services/orders/src/server.ts': 'export {};\n',
    };
    let orders: Service;
    let all: Service[];
    before(async () => {
      const m = await model(files);
      assert.deepEqual(m.problems, []);
      all = m.services;
      orders = m.services.find((s) => s.name === 'orders')!;
    });

    it('merges them into one service named by the app label, sorted with the Compose-only one', () => {
      assert.deepEqual(
        all.map((s) => s.name),
        ['orders', 'postgres'],
      );
      assert.equal(orders.workload, 'orders-api');
      assert.deepEqual(
        orders.recipes.map((r) => [r.kind, r.name, r.location.file]),
        [
          ['kubernetes/Deployment', 'orders-api', 'deploy/k8s/orders.yaml'],
          ['kubernetes/HorizontalPodAutoscaler', 'orders-hpa', 'deploy/k8s/orders.yaml'],
          ['compose/service', 'orders', 'compose.yaml'],
        ],
      );
      // Kubernetes recipes point at metadata.name (0-based lines 3 and 25).
      assert.deepEqual(
        orders.recipes.slice(0, 2).map((r) => [r.location.range.start.line, r.location.range.start.character]),
        [
          [3, 8],
          [25, 8],
        ],
      );
    });

    it('takes capacity from Kubernetes (production) over Compose, with the Kubernetes positions', () => {
      const cap = orders.capacity;
      assert.equal(cap.replicas?.value, 3);
      assert.equal(cap.replicas?.location.file, 'deploy/k8s/orders.yaml');
      assert.equal(cap.replicas?.location.range.start.line, 5);
      assert.equal(cap.cpuRequest?.value, 0.5);
      assert.equal(cap.cpuRequest?.location.range.start.line, 18);
      assert.equal(cap.cpuLimit?.value, 1);
      assert.equal(cap.cpuLimit?.location.range.start.line, 20);
    });

    it('fills from Compose only what Kubernetes leaves unsaid (memory)', () => {
      const cap = orders.capacity;
      assert.equal(cap.memoryLimit?.value, 2 * 2 ** 30);
      assert.equal(cap.memoryLimit?.location.file, 'compose.yaml');
      assert.equal(cap.memoryLimit?.location.range.start.line, 9);
      assert.equal(cap.memoryRequest?.value, 128 * 2 ** 20);
      assert.equal(cap.memoryRequest?.location.range.start.line, 11);
    });

    it('env: the Kubernetes value wins; Compose-only variables are added', () => {
      assert.equal(orders.env.INVENTORY_URL.value, 'http://inventory.shop.svc:8080');
      assert.equal(orders.env.INVENTORY_URL.location.file, 'deploy/k8s/orders.yaml');
      assert.equal(orders.env.COMPOSE_ONLY.value, 'yes');
      assert.equal(orders.env.COMPOSE_ONLY.location.file, 'compose.yaml');
    });

    it('attaches the HPA by scaleTargetRef (its own name differs), with maxReplicas position', () => {
      const a = orders.capacity.autoscaling!;
      assert.equal(a.name, 'orders-hpa');
      assert.equal(a.minReplicas?.value, 3);
      assert.equal(a.maxReplicas?.value, 10);
      assert.equal(a.maxReplicas?.location.file, 'deploy/k8s/orders.yaml');
      assert.equal(a.maxReplicas?.location.range.start.line, 32);
      assert.equal(a.maxReplicas?.location.range.start.character, 15);
    });

    it('links the code root from Compose build.context, with high confidence and a reason naming file:line', () => {
      assert.equal(orders.codeRoots.length, 1);
      const link = orders.codeRoots[0];
      assert.equal(link.root, 'services/orders');
      assert.equal(link.confidence, 'high');
      assert.equal(link.reason, 'Compose service "orders" builds from services/orders (build.context in compose.yaml:4)');
      assert.equal(link.evidence?.file, 'compose.yaml');
      assert.equal(link.evidence?.range.start.line, 3);
    });

    it('the Compose-only image service has no code and no capacity', () => {
      const pg = all.find((s) => s.name === 'postgres')!;
      assert.deepEqual(pg.codeRoots, []);
      assert.deepEqual(Object.entries(pg.capacity).filter(([, v]) => v !== undefined), []);
      assert.deepEqual(
        pg.recipes.map((r) => r.kind),
        ['compose/service'],
      );
    });

    it('serviceForFile finds the service owning a code file, and none outside its root', async () => {
      const m = await model(files);
      assert.equal(serviceForFile(m, 'services/orders/src/server.ts')?.name, 'orders');
      assert.equal(serviceForFile(m, 'services/orders-legacy/x.ts'), undefined);
      assert.equal(serviceForFile(m, 'scripts/x.ts'), undefined);
    });
  });

  describe('Compose builds of one Dockerfile from the repository root, a stage per service', () => {
    // The shape of hoppscotch: prod.Dockerfile builds everything once, and each service's stage takes its package.
    const files = {
      'docker-compose.yml': lines(
        'services:',
        '  backend:',
        '    build:',
        '      dockerfile: prod.Dockerfile',
        '      context: .',
        '      target: backend',
        '  aio:',
        '    command: ["node", "/usr/src/app/aio_run.mjs"]',
        '    build:',
        '      dockerfile: prod.Dockerfile',
        '      context: .',
        '      target: aio',
        '  tools:',
        '    build: .',
      ),
      'prod.Dockerfile': lines(
        'FROM node:20 AS base_builder',
        'WORKDIR /usr/src/app',
        'COPY . .',
        'FROM base_builder AS backend_builder',
        'WORKDIR /usr/src/app/packages/backend',
        'RUN pnpm build',
        'FROM base_builder AS web_builder',
        'WORKDIR /usr/src/app/packages/web',
        'RUN pnpm build',
        'FROM node:20 AS backend',
        'COPY --from=backend_builder /usr/src/app/packages/backend/dist /dist/backend',
        'FROM node:20 AS aio',
        'COPY --from=backend_builder /usr/src/app/packages/backend/dist /dist/backend',
        'COPY --from=web_builder /usr/src/app/packages/web/dist /site',
        'COPY aio_run.mjs /usr/src/app/aio_run.mjs',
      ),
      'Dockerfile': lines('FROM node:20', 'COPY . .'),
      'aio_run.mjs': 'run()\n',
      'packages/backend/package.json': '{}',
      'packages/backend/src/main.ts': 'main()\n',
      'packages/web/package.json': '{}',
      'packages/web/src/app.ts': 'app()\n',
    };

    it("links each service to the packages its stage's image takes (built output is its package's), saying which stage", async () => {
      const m = await model(files);
      const roots = (name: string) => m.services.find((s) => s.name === name)!.codeRoots.map((l) => l.root);
      assert.deepEqual(roots('backend'), ['packages/backend']);
      // …and the script it copies alone, itself and not the repository around it.
      assert.deepEqual(roots('aio'), ['aio_run.mjs', 'packages/backend', 'packages/web']);
      assert.equal(m.services.find((s) => s.name === 'aio')!.codeRoots[0].file, true);
      // A build whose Dockerfile takes the whole context is the whole context's.
      assert.deepEqual(roots('tools'), ['.']);
      const link = m.services.find((s) => s.name === 'backend')!.codeRoots[0];
      assert.equal(link.reason, 'Compose service "backend" builds stage backend of prod.Dockerfile from . (docker-compose.yml:6), and that image takes its files from packages/backend');
    });

    it('a file is the service that runs its folder alone, over the all-in-one image that bundles it with others', async () => {
      const m = await model(files);
      assert.equal(serviceForFile(m, 'packages/backend/src/main.ts')?.name, 'backend');
      assert.equal(serviceForFile(m, 'packages/web/src/app.ts')?.name, 'aio');
    });

    it("source files an image copies alone are its own, not their folders, and rank below a folder another service's image copies whole", async () => {
      // The shape of onyx: the model server's Dockerfile takes a few files out of the API server's `onyx/` (its logger,
      // its package's __init__.py); the API server's takes the whole folder, and a script or two of scripts/.
      const files = {
        'docker-compose.yml': lines(
          'services:',
          '  api_server:',
          '    build: { context: ./backend, dockerfile: Dockerfile }',
          '    command: uvicorn onyx.main:app --port 8080',
          '  model_server:',
          '    build: { context: ./backend, dockerfile: Dockerfile.model_server }',
        ),
        'backend/Dockerfile': lines('FROM python:3.12', 'COPY requirements.txt /tmp/', 'COPY ./onyx /app/onyx', 'COPY ./scripts/reencrypt.py /app/scripts/reencrypt.py'),
        'backend/Dockerfile.model_server': lines(
          'FROM python:3.12',
          'COPY ./onyx/utils/logger.py /app/onyx/utils/logger.py',
          'COPY ./onyx/__init__.py /app/onyx/__init__.py',
          'COPY ./onyx/configs/sentry.yaml /app/onyx/configs/sentry.yaml',
          'COPY ./model_server /app/model_server',
        ),
        'backend/requirements.txt': 'fastapi\n',
        'backend/onyx/__init__.py': '',
        'backend/onyx/main.py': 'app = FastAPI()\n',
        'backend/onyx/utils/logger.py': 'import logging\n',
        'backend/onyx/configs/sentry.yaml': 'dsn: x\n',
        'backend/model_server/main.py': 'app = FastAPI()\n',
        'backend/scripts/reencrypt.py': 'import sys\n',
        'backend/scripts/seed.py': 'import sys\n',
      };
      const onyx = await model(files);
      const links = (name: string) => onyx.services.find((s) => s.name === name)!.codeRoots.map((l) => `${l.root}${l.file ? ' (file)' : ''}`);
      // Not a configuration file copied alone (sentry.yaml), nor requirements.txt: only code.
      assert.deepEqual(links('api_server'), ['backend/onyx', 'backend/scripts/reencrypt.py (file)']);
      assert.deepEqual(links('model_server'), ['backend/model_server', 'backend/onyx/__init__.py (file)', 'backend/onyx/utils/logger.py (file)']);
      assert.match(onyx.services.find((s) => s.name === 'model_server')!.codeRoots[2].reason, /and that image takes the file backend\/onyx\/utils\/logger\.py alone$/);
      assert.equal(serviceForFile(onyx, 'backend/onyx/main.py', { registersRoutes: true })?.name, 'api_server');
      assert.equal(serviceForFile(onyx, 'backend/onyx/utils/logger.py')?.name, 'api_server');
      assert.equal(serviceForFile(onyx, 'backend/model_server/main.py', { registersRoutes: true })?.name, 'model_server');
      assert.equal(serviceForFile(onyx, 'backend/scripts/reencrypt.py')?.name, 'api_server');
      assert.equal(serviceForFile(onyx, 'backend/scripts/seed.py'), undefined);
      // A file no folder of another service holds is the service's that copies it.
      const alone = await model({ ...files, 'backend/Dockerfile': lines('FROM python:3.12', 'COPY ./onyx/main.py /app/onyx/main.py') });
      assert.equal(serviceForFile(alone, 'backend/onyx/utils/logger.py')?.name, 'model_server');
      assert.equal(serviceForFile(alone, 'backend/onyx/main.py')?.name, 'api_server');
    });
  });

  describe('Compose builds of one package of a JavaScript workspace', () => {
    // The shape of documenso: the image builds @documenso/remix (turbo prune), which depends on the shared packages;
    // the docs site and another app of the repository are deployed elsewhere.
    const files = {
      'docker/testing/compose.yml': lines('services:', '  documenso:', '    build:', '      context: ../../', '      dockerfile: docker/Dockerfile'),
      'docker/Dockerfile': lines('FROM node:22 AS builder', 'COPY . .', 'RUN npm install -g turbo', 'RUN turbo prune --scope=@documenso/remix --docker', 'FROM node:22', 'COPY --from=builder /app/out/full/ .', 'RUN turbo run build --filter=@documenso/remix...'),
      'package.json': JSON.stringify({ name: '@documenso/root', workspaces: ['apps/*', 'packages/*'] }),
      'apps/remix/package.json': JSON.stringify({ name: '@documenso/remix', dependencies: { '@documenso/lib': '*', react: '^19' } }),
      'apps/remix/server/main.ts': 'main()\n',
      'apps/docs/package.json': JSON.stringify({ name: '@documenso/docs', dependencies: { '@documenso/lib': '*' } }),
      'apps/docs/src/app.ts': 'app()\n',
      'packages/lib/package.json': JSON.stringify({ name: '@documenso/lib', dependencies: { '@documenso/prisma': '*' } }),
      'packages/lib/index.ts': 'lib()\n',
      'packages/prisma/package.json': JSON.stringify({ name: '@documenso/prisma' }),
      'packages/prisma/index.ts': 'db()\n',
      'packages/ui/package.json': JSON.stringify({ name: '@documenso/ui' }),
      'packages/ui/index.ts': 'ui()\n',
    };

    it('links the service to the package the Dockerfile builds and the workspace packages it depends on, not to the whole repository', async () => {
      const m = await model(files);
      const service = m.services.find((s) => s.name === 'documenso')!;
      assert.deepEqual(
        service.codeRoots.map((l) => l.root),
        ['apps/remix', 'packages/lib', 'packages/prisma'],
      );
      assert.equal(
        service.codeRoots[0].reason,
        'Compose service "documenso" builds @documenso/remix out of the workspace at . (docker/Dockerfile: `turbo prune --scope=@documenso/remix`, build.context in docker/testing/compose.yml:4): its folder and the workspace packages it depends on',
      );
    });

    it('a build that names no package of the workspace is the whole context', async () => {
      const m = await model({ ...files, 'docker/Dockerfile': lines('FROM node:22', 'COPY . .', 'RUN turbo prune --scope=@other/app --docker') });
      assert.deepEqual(m.services.find((s) => s.name === 'documenso')!.codeRoots.map((l) => l.root), ['.']);
    });
  });

  describe('without Compose', () => {
    const payments = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: payments',
      'spec:',
      '  replicas: 2',
    );

    it('links by folder name with low confidence, saying why', async () => {
      const m = await model({
        'deploy/payments.yaml': payments,
        'services/payments/Dockerfile': 'FROM scratch\n',
        'services/payments/main.go': 'package main\n',
        'services/billing/Dockerfile': 'FROM scratch\n',
      });
      assert.equal(m.services.length, 1);
      assert.deepEqual(m.services[0].codeRoots, [
        {
          root: 'services/payments',
          reason: 'folder services/payments is named after the service and holds a build file',
          confidence: 'low',
        },
      ]);
    });

    it('links an image built without a Dockerfile (Jib, Buildpacks) to the folder named like it that holds a build file; not one of Docker\'s own', async () => {
      // The shape of spring-petclinic-microservices: Compose runs the image, Maven builds it from the folder.
      const compose = lines('services:', '  customers-service:', '    image: springcommunity/spring-petclinic-customers-service:latest', '  db:', '    image: mysql:8');
      const m = await model({
        'docker-compose.yml': compose,
        'spring-petclinic-customers-service/pom.xml': '<project/>\n',
        'spring-petclinic-customers-service/src/main/java/Owner.java': 'class Owner {}\n',
        'spring-petclinic-vets-service/pom.xml': '<project/>\n',
        // Docker's own image (no namespace) is not the npm package of its name (saltcorn's packages/postgres adapter).
        'packages/mysql/package.json': '{"name":"@acme/mysql","dependencies":{"mysql2":"3"}}\n',
        'packages/mysql/index.js': 'module.exports = {};\n',
      });
      const customers = m.services.find((s) => s.name === 'customers-service')!;
      assert.deepEqual(customers.codeRoots.map((l) => [l.root, l.confidence]), [['spring-petclinic-customers-service', 'medium']]);
      assert.match(customers.codeRoots[0].reason, /^image springcommunity\/spring-petclinic-customers-service:latest \(docker-compose\.yml:3\) is named like folder spring-petclinic-customers-service, which holds a build file/);
      assert.deepEqual(m.services.find((s) => s.name === 'db')!.codeRoots, []);
      // A local build's image may have no namespace (`./mvnw spring-boot:build-image` tags `customers-service:0.0.1-SNAPSHOT`).
      const local = await model({ 'docker-compose.yml': lines('services:', '  customers:', '    image: customers-service:0.0.1-SNAPSHOT'), 'customers-service/pom.xml': '<project/>\n', 'customers-service/src/main/java/Owner.java': 'class Owner {}\n' });
      assert.deepEqual(local.services.find((s) => s.name === 'customers')!.codeRoots.map((l) => [l.root, l.confidence]), [['customers-service', 'medium']]);
    });

    it('of several services on one folder, the code belongs to the one that serves requests (Procfile web, a Compose server command)', async () => {
      // The shape of HackSoftware/Django-Styleguide-Example: a Procfile's release/web/worker/beat (release, run once per
      // deploy, is no service), and Compose's
      // django and celery built from the root with a Dockerfile kept in docker/.
      const procfile = lines('release: python manage.py migrate', 'web: gunicorn config.wsgi:application --worker-class gevent', 'worker: celery -A app.tasks worker -l info', 'beat: celery -A app.tasks beat -l info');
      const code = { 'manage.py': 'import os\n', 'app/views.py': 'def home(request): ...\n' };
      const heroku = await model({ Procfile: procfile, ...code });
      assert.deepEqual(heroku.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.role}`)]), [
        ['beat', ['. background']],
        ['web', ['. requests']],
        ['worker', ['. background']],
      ]);
      assert.equal(serviceForFile(heroku, 'app/views.py')?.name, 'web');
      // What a queue worker runs (microblog's app/tasks.py, run by `rq worker`): the web process only enqueues it.
      assert.equal(serviceForFile(heroku, 'app/tasks.py')?.name, 'worker');
      assert.equal(serviceForFile(heroku, 'app/jobs/export.py')?.name, 'worker');
      // …but a file of such a folder that registers routes is served by the web process (go-admin's app/jobs/router/,
      // polar's backoffice/tasks/endpoints.py).
      assert.equal(serviceForFile(heroku, 'app/jobs/router/sys_job.py', { registersRoutes: true })?.name, 'web');
      // …unless the folder is named for the background process: its own health app (polar's worker/_health.py).
      assert.equal(serviceForFile(heroku, 'app/worker/_health.py', { registersRoutes: true })?.name, 'worker');
      assert.equal(serviceForFile(heroku, 'app/task_views.py')?.name, 'web');
      const compose = lines(
        'services:',
        '  celery:',
        '    build: { context: ., dockerfile: docker/local.Dockerfile }',
        '    command: celery -A app.tasks worker -l info',
        '  django:',
        '    build: { context: ., dockerfile: docker/local.Dockerfile }',
        '    command: python manage.py runserver 0.0.0.0:8000',
      );
      const local = await model({ 'docker-compose.yml': compose, 'docker/local.Dockerfile': 'FROM python:3.12\n', ...code });
      // docker/ holds only Dockerfiles: the build context is the code.
      assert.deepEqual(local.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.role}`)]), [
        ['celery', ['. background']],
        ['django', ['. requests']],
      ]);
      assert.equal(serviceForFile(local, 'app/views.py')?.name, 'django');
      // DefectDojo names its processes only in `entrypoint:` (an entrypoint script named for its server, after
      // wait-for-it), with the code mounted by an override; its unit-test override swaps uwsgi's entrypoint for the
      // test suite's, which is not what the service runs.
      const wait = `['/wait-for-it.sh', 'db:5432', '--',`;
      const dojo = await model({
        'docker-compose.yml': lines(
          'services:',
          '  initializer:',
          '    build: .',
          `    entrypoint: ${wait} '/entrypoint-initializer.sh']`,
          '  uwsgi:',
          '    build: .',
          `    entrypoint: ${wait} '/entrypoint-uwsgi.sh']`,
        ),
        'docker-compose.override.unit_tests.yml': lines('services:', '  uwsgi:', `    entrypoint: ${wait} '/app/docker/entrypoint-unit-tests.sh']`),
        Dockerfile: 'FROM python:3.12\n',
        ...code,
      });
      assert.deepEqual(dojo.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.role}`)]), [
        ['initializer', ['. background']],
        ['uwsgi', ['. requests']],
      ]);
      assert.equal(serviceForFile(dojo, 'app/views.py')?.name, 'uwsgi');
      // The command appended to the entrypoint, as Docker runs it: `wait-for-it.sh db:5432 -- gunicorn shop.wsgi`.
      const appended = await model({
        'docker-compose.yml': lines(
          'services:',
          '  setup:',
          '    build: .',
          '    command: python manage.py loaddata fixtures.json',
          '  shop:',
          '    build: .',
          `    entrypoint: ${wait.slice(0, -1)}]`,
          '    command: gunicorn shop.wsgi',
        ),
        Dockerfile: 'FROM python:3.12\n',
        ...code,
      });
      assert.deepEqual(appended.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.role}`)]), [
        ['setup', ['. undefined']],
        ['shop', ['. requests']],
      ]);
      assert.equal(serviceForFile(appended, 'app/views.py')?.name, 'shop');
      // A Dockerfile kept in docker/ with the repository as its context (healthchecks, mealie): the context is the
      // code, also when docker/ holds a start-up script.
      const kept = await model({
        'docker/docker-compose.yml': lines('services:', '  web:', '    build:', '      context: ..', '      dockerfile: docker/Dockerfile'),
        'docker/Dockerfile': 'FROM python:3.12\n',
        'docker/fetchstatus.py': 'import sys\n',
        'hc/api/views.py': 'def ping(request): ...\n',
      });
      assert.deepEqual(kept.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [['web', ['.']]]);
      // …or in a folder of its own inside docker/ (Sock Shop's catalogue: docker/catalogue/Dockerfile, context .).
      const nested = await model({
        'docker-compose.yml': lines('services:', '  catalogue:', '    build:', '      context: .', '      dockerfile: ./docker/catalogue/Dockerfile'),
        'docker/catalogue/Dockerfile': 'FROM golang:1.7\n',
        'cmd/cataloguesvc/main.go': 'package main\n',
        'transport.go': 'package catalogue\n',
      });
      assert.deepEqual(nested.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [['catalogue', ['.']]]);
      // An image named like a folder that holds only its Dockerfile (Sock Shop's orders: docker/orders/Dockerfile does
      // `COPY *.jar`): the folder above with the build file (the root's pom.xml) is the code.
      const packaged = await model({
        'docker-compose.yml': lines('services:', '  orders:', '    image: weaveworksdemos/orders'),
        'docker/orders/Dockerfile': 'FROM java:openjdk-8-alpine\nCOPY *.jar ./app.jar\n',
        'pom.xml': '<project/>\n',
        'src/main/java/works/weave/socks/orders/OrdersController.java': 'class OrdersController {}\n',
      });
      assert.deepEqual(packaged.services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.confidence])]), [['orders', [['.', 'medium']]]]);
      assert.match(packaged.services[0].codeRoots[0].reason, /named like folder docker\/orders, which holds only a Dockerfile: it packages what pom\.xml builds/);
      // Built from a context with no code but a Spring Boot application.yml beside the Dockerfile that copies the jar
      // (litemall's docker/litemall): the build above packages it. A proxy's context with its own configuration is not.
      const boot = await model({
        'docker/docker-compose.yml': lines('services:', '  shop:', '    build:', '      context: shop', '      dockerfile: Dockerfile', '  proxy:', '    build: ./proxy'),
        'docker/shop/Dockerfile': 'FROM openjdk:8-jre\nCOPY application.yml application.yml\nCOPY shop.jar shop.jar\n',
        'docker/shop/application.yml': 'server:\n  port: 8080\n',
        'docker/proxy/Dockerfile': 'FROM nginx\n',
        'docker/proxy/nginx.conf': 'events {}\n',
        'pom.xml': '<project/>\n',
        'shop-api/src/main/java/shop/OrderController.java': 'class OrderController {}\n',
      });
      assert.deepEqual(boot.services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.confidence])]), [['proxy', [['docker/proxy', 'high']]], ['shop', [['.', 'medium']]]]);
      assert.match(boot.services[1].codeRoots[0].reason, /builds from docker\/shop .*, which holds no code but a Spring Boot configuration: its code is the nearest build above, pom\.xml/);
      // A Compose file moved without its paths whose context is nowhere under it: read from the folder above where it is
      // (ruoyi-vue-pro's script/docker/docker-compose.yml builds `./yudao-server/`, the root's); one that is nowhere at
      // all (its `./yudao-ui-admin/`, another repository's) links no code here.
      const movedUp = await model({
        'script/docker/docker-compose.yml': lines('services:', '  server:', '    build:', '      context: ./yudao-server/', '  admin:', '    build:', '      context: ./yudao-ui-admin/'),
        'yudao-server/Dockerfile': 'FROM eclipse-temurin:21-jre\n',
        'yudao-server/pom.xml': '<project/>\n',
        'yudao-server/src/main/java/cn/iocoder/Server.java': 'class Server {}\n',
        'pom.xml': '<project/>\n',
        // Also a path that climbs, written for a folder one level up (plane's deployments/cli/community/build.yml).
        'deployments/cli/community/build.yml': lines('services:', '  proxy:', '    build:', '      context: ../../apps/proxy', '      dockerfile: Dockerfile.ce'),
        'apps/proxy/Dockerfile.ce': 'FROM caddy\n',
        'apps/proxy/Caddyfile.ce': ':80\n',
      });
      assert.deepEqual(movedUp.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [['admin', ['script/docker/yudao-ui-admin']], ['proxy', ['apps/proxy']], ['server', ['yudao-server']]]);
      assert.match(movedUp.services[2].codeRoots[0].reason, /read as yudao-server: no such folder is in the workspace, and the Compose file's paths find it read from the workspace root/);
      // A Compose file kept in a folder beside no Dockerfile it names, layered over the root's by the service's name
      // (open-notebook's examples/docker-compose-dev.yml, `context: .`, `dockerfile: Dockerfile`): the root's.
      const examples = await model({
        'docker-compose.yml': lines('services:', '  notebook:', '    image: acme/notebook:latest'),
        'examples/docker-compose-dev.yml': lines('services:', '  notebook:', '    build:', '      context: .', '      dockerfile: Dockerfile'),
        'examples/README.md': '# examples\n',
        'Dockerfile': 'FROM python:3.12\n',
        'pyproject.toml': '[project]\nname = "notebook"\n',
        'api/main.py': 'app = None\n',
      });
      assert.deepEqual(examples.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [['notebook', ['.']]]);
      assert.match(examples.services[0].codeRoots[0].reason, /read as \.: examples holds no Dockerfile, and the Compose file's paths find it read from the workspace root/);
      // A Compose file moved without its paths to a folder of container files, naming a Dockerfile that is nowhere
      // (litestar-fullstack's tools/deploy/docker/docker-compose.override.yml: `dockerfile: docker/dev/Dockerfile`).
      const stale = await model({
        'tools/deploy/docker/docker-compose.yml': lines('services:', '  app:', '    build:', '      context: .', '      dockerfile: docker/dev/Dockerfile'),
        'tools/deploy/docker/Dockerfile.dev': 'FROM python:3.12\n',
        'pyproject.toml': '[project]\nname = "app"\n',
        'src/app/server.py': 'app = None\n',
      });
      assert.deepEqual(stale.services.map((s) => [s.name, s.codeRoots.map((l) => [l.root, l.confidence])]), [['app', [['.', 'medium']]]]);
      assert.match(stale.services[0].codeRoots[0].reason, /which holds no code, and tools\/deploy\/docker\/docker\/dev\/Dockerfile is not in the workspace: its code is the nearest build above, pyproject\.toml/);
      // A plain Dockerfile in a folder of configuration only (otel-demo's frontend-proxy): that folder is still the service's.
      const proxy = await model({
        'docker-compose.yml': lines('services:', '  proxy:', '    build: { context: ., dockerfile: src/proxy/Dockerfile }'),
        'src/proxy/Dockerfile': 'FROM envoyproxy/envoy\n',
        'src/proxy/envoy.tmpl.yaml': 'static_resources: {}\n',
        'src/mobile-app/utils/Request.ts': 'export const x = 1;\n',
      });
      assert.deepEqual(proxy.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [['proxy', ['src/proxy']]]);
      assert.equal(serviceForFile(proxy, 'src/mobile-app/utils/Request.ts'), undefined);
      // A Go command's Dockerfile (cmd/server) built from the module root (qiangxue/go-rest-api): the handlers are in the
      // module's other packages, so the module is the code. A Dockerfile folder with its own go.mod stays the service's.
      const goCommand = await model({
        'docker-compose.yml': lines('services:', '  server:', '    build: { context: ., dockerfile: cmd/server/Dockerfile }', '  other:', '    build: { context: ., dockerfile: svc/other/Dockerfile }'),
        'go.mod': 'module github.com/acme/api\n',
        'cmd/server/Dockerfile': 'FROM golang:alpine\n',
        'cmd/server/main.go': 'package main\n',
        'internal/album/api.go': 'package album\n',
        'svc/other/Dockerfile': 'FROM golang:alpine\n',
        'svc/other/go.mod': 'module github.com/acme/other\n',
        'svc/other/main.go': 'package main\n',
      });
      assert.deepEqual(goCommand.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [['other', ['svc/other']], ['server', ['.']]]);
      assert.match(goCommand.services[1].codeRoots[0].reason, /a command of the Go module at the workspace root/);
      assert.equal(serviceForFile(goCommand, 'internal/album/api.go')?.name, 'server');
      // A Compose file moved without its relative paths (plane's deployments/cli/community/build.yml: `context: ../../`
      // names deployments/, which holds no apps/web/Dockerfile.web): the folder above that holds it is the context.
      const moved = await model({
        'deployments/cli/community/build.yml': lines('services:', '  web:', '    build:', '      context: ../../', '      dockerfile: apps/web/Dockerfile.web'),
        'apps/web/Dockerfile.web': 'FROM node:22\n',
        'apps/web/package.json': '{}\n',
        'apps/web/app/page.tsx': 'export default function Page() { return null; }\n',
        'deployments/cli/community/install.sh': 'echo\n',
      });
      assert.deepEqual(moved.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [['web', ['apps/web']]]);
      assert.match(moved.services[0].codeRoots[0].reason, /builds with apps\/web\/Dockerfile\.web \(build\.dockerfile in deployments\/cli\/community\/build\.yml:\d+, read from the workspace root: deployments holds no such file\)/);
    });

    it('Helm charts whose values leave nameOverride empty ("") are services named by their Chart.yaml', async () => {
      // The shape of aws-containers/retail-store-sample-app: every chart's values.yaml says `nameOverride: ""`.
      const values = (repo: string) => lines('replicaCount: 1', 'image:', `  repository: public.ecr.aws/retail-store-sample-${repo}`, 'nameOverride: ""', 'fullnameOverride: ""', 'resources:', '  limits:', '    memory: 512Mi');
      const m = await model({
        'src/cart/chart/Chart.yaml': lines('apiVersion: v2', 'name: cart', 'version: 0.1.0'),
        'src/cart/chart/values.yaml': values('cart'),
        'src/catalog/chart/Chart.yaml': lines('apiVersion: v2', 'name: catalog', 'version: 0.1.0'),
        'src/catalog/chart/values.yaml': values('catalog'),
      });
      assert.deepEqual(m.services.map((s) => s.name), ['cart', 'catalog']);
    });

    it('of services on one folder, the one a deploying recipe runs owns its code, not one a developer\'s recipe runs', async () => {
      // listmonk: docker-compose.yml's `app` and dev/docker-compose.yml's `backend`, both built from the root;
      // navidrome: Procfile.dev's processes and the service its Compose file deploys.
      const m = await model({
        'docker-compose.yml': lines('services:', '  app:', '    build: .', '    ports: ["9000:9000"]'),
        'dev/docker-compose.yml': lines('services:', '  api:', '    build:', '      context: ../', '      dockerfile: dev/app.Dockerfile'),
        'dev/app.Dockerfile': 'FROM golang:1.22\n',
        'Dockerfile': 'FROM alpine\n',
        'go.mod': 'module github.com/knadh/listmonk\n',
        'cmd/main.go': 'package main\n',
      });
      assert.deepEqual(m.services.filter((s) => s.codeRoots.length).map((s) => s.name).sort(), ['api', 'app']);
      assert.equal(serviceForFile(m, 'cmd/main.go')?.name, 'app');
      const p = await model({
        'Procfile.dev': lines('JS: cd ui && npm start', 'GO: go run .'),
        'docker-compose.yml': lines('services:', '  navidrome:', '    build: .'),
        'Dockerfile': 'FROM alpine\n',
        'go.mod': 'module github.com/navidrome/navidrome\n',
        'main.go': 'package main\n',
      });
      assert.equal(serviceForFile(p, 'main.go')?.name, 'navidrome');
    });

    it('a chart whose values keep its own workload under `app:` or `deployment:` is the chart\'s service, not one named app; other components keep their names', async () => {
      // The shape of quarkus-super-heroes: each service's chart in <service>/deploy/helm/kubernetes, its values under `app:`.
      const values = (name: string) => lines('---', 'app:', '  envs:', `    QUARKUS_OTEL_K8S_RESOURCE_DEPLOYMENT_NAME: ${name}`, `  image: quay.io/quarkus-super-heroes/${name}:java25-latest`, '  replicas: 1', '  memoryLimit: 768Mi');
      const m = await model({
        'rest-heroes/deploy/helm/kubernetes/Chart.yaml': lines('---', 'name: rest-heroes', 'version: 1.0.0', 'apiVersion: v2'),
        'rest-heroes/deploy/helm/kubernetes/values.yaml': values('rest-heroes'),
        'rest-heroes/deploy/helm/kubernetes/values-native.yaml': values('rest-heroes'),
        'rest-villains/deploy/helm/kubernetes/Chart.yaml': lines('---', 'name: rest-villains', 'version: 1.0.0', 'apiVersion: v2'),
        'rest-villains/deploy/helm/kubernetes/values.yaml': values('rest-villains'),
        'shop/chart/Chart.yaml': lines('apiVersion: v2', 'name: shop', 'version: 0.1.0'),
        'shop/chart/values.yaml': lines('app:', '  replicas: 2', 'worker:', '  replicas: 1'),
        // formbricks: the top level's autoscaling and `deployment:`'s resources are one workload's, the chart's.
        'charts/forms/Chart.yaml': lines('apiVersion: v2', 'name: forms', 'version: 1.0.0'),
        'charts/forms/values.yaml': lines('nameOverride: ""', 'autoscaling:', '  enabled: true', '  minReplicas: 1', '  maxReplicas: 10', 'deployment:', '  replicas: 1', '  resources:', '    requests:', '      cpu: "1"', 'cache:', '  replicas: 1'),
      });
      assert.deepEqual(m.services.map((s) => s.name).sort(), ['cache', 'forms', 'rest-heroes', 'rest-villains', 'shop', 'worker']);
      const forms = m.services.find((s) => s.name === 'forms')!;
      assert.deepEqual([forms.capacity.autoscaling?.minReplicas?.value, forms.capacity.autoscaling?.maxReplicas?.value, forms.capacity.cpuRequest?.value], [1, 10, 1]);
    });

    it('a Compose file not named like one (JHipster\'s src/main/docker/app.yml) is read by its content; other YAML with services is not', async () => {
      const m = await model({
        'src/main/docker/app.yml': lines('name: jhipstersampleapplication', 'services:', '  app:', '    image: jhipstersampleapplication', '    environment:', '      - SPRING_PROFILES_ACTIVE=prod,api-docs'),
        // Azure Developer CLI's azure.yaml and GitLab CI's services list: not Compose.
        'azure.yaml': lines('name: todo', 'services:', '  api:', '    project: ./src/api', '    host: appservice'),
        'ci/pipeline.yml': lines('image: node:20', 'services:', '  - postgres:16'),
      });
      assert.deepEqual(m.services.map((s) => [s.name, s.environments?.map((e) => e.source), Object.keys(s.env)]), [['app', ['compose'], ['SPRING_PROFILES_ACTIVE']]]);
    });

    it('a Helm chart kept in the folder of its code (src/cart/chart beside src/cart/Dockerfile) is linked to that folder', async () => {
      // retail-store-sample-app: each service's image is named retail-store-sample-<folder>, its chart in <folder>/chart.
      const values = lines('image:', '  repository: public.ecr.aws/aws-containers/retail-store-sample-cart', 'nameOverride: ""');
      const m = await model({
        'src/cart/chart/Chart.yaml': lines('apiVersion: v2', 'name: retail-store-sample-cart-chart', 'version: 1.6.2'),
        'src/cart/chart/values.yaml': values,
        'src/cart/Dockerfile': 'FROM eclipse-temurin:21\n',
        'src/cart/src/main/java/carts/CartsController.java': 'class CartsController {}\n',
        // Not from the workspace root, nor from a folder of container files, nor from one without code.
        'charts/web/Chart.yaml': lines('apiVersion: v2', 'name: web', 'version: 1.0.0'),
        'charts/web/values.yaml': lines('image:', '  repository: acme/storefront'),
        'Dockerfile': 'FROM node:20\n',
        'index.js': 'console.log(1)\n',
        'deploy/helm/api/Chart.yaml': lines('apiVersion: v2', 'name: api', 'version: 1.0.0'),
        'deploy/helm/api/values.yaml': lines('image:', '  repository: acme/gateway'),
        'deploy/Dockerfile': 'FROM node:20\n',
        'deploy/main.go': 'package main\n',
        'empty/chart/Chart.yaml': lines('apiVersion: v2', 'name: blank', 'version: 1.0.0'),
        'empty/chart/values.yaml': lines('image:', '  repository: acme/nothing'),
        'empty/Dockerfile': 'FROM scratch\n',
      });
      const cart = m.services.find((s) => s.name === 'retail-store-sample-cart-chart');
      assert.deepEqual(cart?.codeRoots.map((l) => [l.root, l.confidence]), [['src/cart', 'medium']]);
      assert.match(cart!.codeRoots[0].reason, /Helm chart \(src\/cart\/chart\/values\.yaml:\d+\) is kept in folder src\/cart/);
      assert.equal(serviceForFile(m, 'src/cart/src/main/java/carts/CartsController.java')?.name, 'retail-store-sample-cart-chart');
      for (const name of ['web', 'api', 'blank']) {
        assert.deepEqual(m.services.find((s) => s.name === name)?.codeRoots, [], name);
      }
    });

    it('manifests kept aside (extras/, examples/) are environments of their own, never the production view nor what fills it', async () => {
      // bank-of-anthos: extras/cloudsql/kubernetes-manifests/ and extras/postgres-hpa/ hold variants of the main
      // kubernetes-manifests/ (other resources, an HPA); sorted first, they gave the default environment their values.
      const deployment = (cpu: string) =>
        lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: frontend', 'spec:', '  template:', '    spec:', '      containers:', '      - name: front', '        image: frontend', '        resources:', '          limits:', `            cpu: ${cpu}`);
      const hpa = lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: frontend', 'spec:', '  scaleTargetRef:', '    kind: Deployment', '    name: frontend', '  minReplicas: 5', '  maxReplicas: 25');
      const m = await model({
        'extras/cloudsql/kubernetes-manifests/frontend.yaml': deployment('500m'),
        'extras/postgres-hpa/hpa/frontend.yaml': hpa,
        'extras/postgres-hpa/kubernetes-manifests/frontend.yaml': deployment('750m'),
        'kubernetes-manifests/frontend.yaml': deployment('250m'),
      });
      const frontend = m.services.find((s) => s.name === 'frontend')!;
      assert.deepEqual(frontend.environments!.map((e) => [e.name, e.capacity.cpuLimit?.value, e.capacity.autoscaling?.maxReplicas?.value]), [
        ['default', 0.25, undefined],
        ['extras/cloudsql', 0.5, undefined],
        ['extras/postgres-hpa', 0.75, 25],
      ]);
      assert.equal(frontend.capacity.cpuLimit?.location.file, 'kubernetes-manifests/frontend.yaml');
      assert.equal(frontend.capacity.autoscaling, undefined, 'the HPA of extras/postgres-hpa is not production');
    });

    it('a Skaffold Jib artifact built from a wider context is linked to its jib.project module', async () => {
      // The shape of GoogleCloudPlatform/bank-of-anthos: every ledger service builds from the repository root.
      const skaffold = (name: string) =>
        lines('apiVersion: skaffold/v4beta1', 'kind: Config', 'build:', '  artifacts:', `  - image: ${name}`, '    context: ../../../', '    jib:', `      project: src/ledger/${name}`, '      type: maven');
      const deployment = (name: string) =>
        lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, 'spec:', '  template:', '    spec:', '      containers:', `      - name: ${name}`, `        image: ${name}`);
      const m = await model({
        'kubernetes-manifests/balancereader.yaml': deployment('balancereader'),
        'kubernetes-manifests/ledgerwriter.yaml': deployment('ledgerwriter'),
        'src/ledger/balancereader/skaffold.yaml': skaffold('balancereader'),
        'src/ledger/balancereader/pom.xml': '<project/>\n',
        'src/ledger/ledgerwriter/skaffold.yaml': skaffold('ledgerwriter'),
        'src/ledger/ledgerwriter/pom.xml': '<project/>\n',
        'src/ledger/ledgermonolith/pom.xml': '<project/>\n',
      });
      assert.deepEqual(m.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [
        ['balancereader', ['src/ledger/balancereader']],
        ['ledgerwriter', ['src/ledger/ledgerwriter']],
      ]);
    });

    it('a service only a Compose file for a test run defines links no code, and takes no file from the services that run it', async () => {
      // The shape of onyx: docker-compose.mcp-api-key-test.yml mounts the whole repository to run a test server, and
      // would own loadtest/mock_llm/app.py, which no other service runs, and every file its folder holds.
      const files = {
        'deployment/docker-compose.yml': lines('services:', '  api_server:', '    build: ../backend'),
        'deployment/docker-compose.mcp-api-key-test.yml': lines(
          'services:',
          '  mcp_api_key_server:',
          '    image: onyxdotapp/onyx-backend:latest',
          '    working_dir: /workspace',
          '    volumes: ["../..:/workspace:ro"]',
          '    command: python backend/tests/integration/mcp_test_server/run.py',
        ),
        // …as a test suite's own image built from the code it tests (opentelemetry-demo's compose.tests.yaml, Cypress).
        'compose.yaml': lines('services:', '  frontend:', '    build: { context: ./, dockerfile: ./frontend/Dockerfile }'),
        'compose.tests.yaml': lines('services:', '  frontendTests:', '    build: { context: ./, dockerfile: ./frontend/Dockerfile.cypress }'),
        'backend/Dockerfile': 'FROM python:3.12\nCOPY . /app\n',
        'backend/onyx/main.py': 'app = FastAPI()\n',
        'frontend/Dockerfile': 'FROM node:22\n',
        'frontend/Dockerfile.cypress': 'FROM cypress/included\n',
        'frontend/server.ts': 'listen()\n',
        'loadtest/mock_llm/app.py': 'app = FastAPI()\n',
      };
      const m = await model(files);
      assert.deepEqual(m.services.map((s) => [s.name, s.codeRoots.map((l) => l.root), s.unlinkedReason]), [
        ['api_server', ['backend'], undefined],
        ['frontend', ['frontend'], undefined],
        ['frontendTests', [], 'defined only in compose.tests.yaml, a Compose file for a test run: the code it runs is not linked'],
        ['mcp_api_key_server', [], 'defined only in deployment/docker-compose.mcp-api-key-test.yml, a Compose file for a test run: the code it runs is not linked'],
      ]);
      assert.equal(serviceForFile(m, 'loadtest/mock_llm/app.py'), undefined);
      assert.equal(serviceForFile(m, 'frontend/server.ts')?.name, 'frontend');
      // Named for tests: its words, not a word that only holds the letters (`latest`, `contest`).
      assert.deepEqual(
        ['docker-compose.override.unit_tests.yml', 'docker-compose.test.yml', 'compose.e2e.yaml', 'docker-compose.testing.yml', 'docker-compose.latest.yml', 'docker-compose.contest.yml', 'docker-compose.yml'].map(isTestCompose),
        [true, true, true, true, false, false, false],
      );
    });

    it('a Compose service that runs code mounted from the host (volumes + working_dir) is linked to that folder, not its generic image', async () => {
      // The shape of ThreeDotsLabs/wild-workouts-go-ddd-example: one dev image (`go run .`), the code bind-mounted.
      const compose = lines(
        'services:',
        '  trainer-http:',
        '    build: { context: docker/app }',
        '    volumes: ["./internal:/internal", "./.go/pkg:/go/pkg"]',
        '    working_dir: /internal/trainer',
        '  trainer-grpc:',
        '    build: { context: docker/app }',
        '    volumes:',
        '      - type: bind',
        '        source: ./internal',
        '        target: /internal',
        '    working_dir: /internal/trainer',
        '  cache:',
        '    build: { context: docker/app }',
        '    volumes: ["cache-data:/data"]',
        '    working_dir: /data',
      );
      const files = {
        'docker-compose.yml': compose,
        'docker/app/Dockerfile': 'FROM golang:1.22\nCMD ["go", "run", "."]\n',
        'internal/trainer/main.go': 'package main\n',
        'internal/trainer/ports/http.go': 'package ports\n',
      };
      const m = await model(files);
      assert.deepEqual(m.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence} ${l.role ?? '-'}`)]), [
        // A named volume says nothing: the build context stays.
        ['cache', ['docker/app high -']],
        ['trainer-grpc', ['internal/trainer high -']],
        ['trainer-http', ['internal/trainer high requests']],
      ]);
      assert.match(m.services[2].codeRoots[0].reason, /^Compose service "trainer-http" runs in internal\/trainer, mounted from the host \(working_dir and volumes in docker-compose\.yml:5\)/);
      // The same folder run two ways: its HTTP routes and warnings belong to the -http service.
      assert.equal(serviceForFile(m, 'internal/trainer/ports/http.go')?.name, 'trainer-http');
    });

    it("workloads of different names under one app label (Tandoor's recipes Deployment and recipes-postgresql StatefulSet) are a service each; copies of one workload are one", async () => {
      const workload = (kind: string, name: string, image: string, tier: string) =>
        lines('apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, 'spec:', '  template:', '    metadata:', '      labels:', '        app: recipes', `        tier: ${tier}`, '    spec:', '      containers:', `      - name: ${name}`, `        image: ${image}`);
      const m = await model({
        'docs/k8s/40-sts-postgresql.yaml': workload('StatefulSet', 'recipes-postgresql', 'bitnami/postgresql:15', 'database'),
        'docs/k8s/50-deployment.yaml': workload('Deployment', 'recipes', 'vabene1111/recipes', 'frontend'),
      });
      assert.deepEqual(m.services.map((s) => [s.name, s.recipes.map((r) => r.kind)]), [
        ['recipes', ['kubernetes/Deployment']],
        ['recipes-postgresql', ['kubernetes/StatefulSet']],
      ]);
    });

    it("a Compose build folder whose dockerfile only copies in a jar is linked to the Maven module that builds it; a third-party image's folder to itself", async () => {
      // The shape of RuoYi-Cloud: docker/ruoyi/modules/system/dockerfile (lowercase) copies ruoyi-modules-system.jar.
      const compose = lines(
        'services:',
        '  ruoyi-mysql:',
        '    image: mysql:5.7',
        '    build: { context: ./mysql }',
        '  ruoyi-modules-system:',
        '    build: { context: ./ruoyi/modules/system, dockerfile: dockerfile }',
        '  ruoyi-auth:',
        '    build: { context: ./ruoyi/auth }',
      );
      const files = {
        'docker/docker-compose.yml': compose,
        'docker/mysql/dockerfile': 'FROM mysql:5.7\nCOPY ./db/*.sql /docker-entrypoint-initdb.d/\n',
        'docker/ruoyi/modules/system/dockerfile': 'FROM openjdk:17\nWORKDIR /home/ruoyi\nCOPY ./jar/ruoyi-modules-system.jar /home/ruoyi/ruoyi-modules-system.jar\nENTRYPOINT ["java","-jar","ruoyi-modules-system.jar"]\n',
        'docker/ruoyi/auth/dockerfile': 'FROM openjdk:17\nCOPY ./jar/ruoyi-auth-3.6.5.jar /home/ruoyi/app.jar\n',
        'pom.xml': '<project><artifactId>ruoyi</artifactId><modules><module>ruoyi-auth</module><module>ruoyi-modules</module></modules></project>\n',
        'ruoyi-auth/pom.xml': '<project><parent><artifactId>ruoyi</artifactId></parent><artifactId>ruoyi-auth</artifactId></project>\n',
        'ruoyi-auth/src/main/java/com/ruoyi/auth/TokenController.java': 'class TokenController {}\n',
        'ruoyi-modules/pom.xml': '<project><artifactId>ruoyi-modules</artifactId><modules><module>ruoyi-system</module></modules></project>\n',
        'ruoyi-modules/ruoyi-system/pom.xml': '<project><parent><artifactId>ruoyi-modules</artifactId></parent><artifactId>ruoyi-modules-system</artifactId><build><finalName>${project.artifactId}</finalName></build></project>\n',
        'ruoyi-modules/ruoyi-system/src/main/java/com/ruoyi/system/SysUserController.java': 'class SysUserController {}\n',
      };
      const m = await model(files);
      assert.deepEqual(m.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [
        ['ruoyi-auth', ['ruoyi-auth']],
        ['ruoyi-modules-system', ['ruoyi-modules/ruoyi-system']],
        ['ruoyi-mysql', ['docker/mysql']],
      ]);
      assert.match(m.services[1].codeRoots[0].reason, /whose docker\/ruoyi\/modules\/system\/dockerfile copies ruoyi-modules-system\.jar: the Maven module that builds it, ruoyi-modules\/ruoyi-system$/);
    });

    it('a Compose service with no working_dir runs the code mounted on its Dockerfile WORKDIR, not its whole build context', async () => {
      // The shape of polarsource/polar: dev images built from the repository root, copying no code.
      const compose = lines(
        'x-api-volumes: &api-volumes',
        '  - ../../server:/app/server:cached',
        '  - api_venv:/app/server/.venv',
        'services:',
        '  api:',
        '    build: { context: ../.., dockerfile: dev/docker/Dockerfile.api.dev }',
        '    volumes: *api-volumes',
        '  web:',
        '    build: { context: ../.., dockerfile: dev/docker/Dockerfile.web.dev }',
        '    volumes: ["../../clients:/app/clients:cached"]',
        '  docs:',
        '    build: { context: ../.., dockerfile: dev/docker/Dockerfile.web.dev }',
        '    volumes: ["../../docs:/docs"]',
      );
      const files = {
        'dev/docker/docker-compose.dev.yml': compose,
        'dev/docker/Dockerfile.api.dev': 'FROM python:3.14-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.11 /uv /bin/\nWORKDIR /app/server\nCMD ["api"]\n',
        'dev/docker/Dockerfile.web.dev': 'FROM node:22\nWORKDIR /app/clients\nCMD ["dev"]\n',
        'server/polar/app.py': 'app = 1\n',
        'clients/apps/web/page.ts': 'export const x = 1;\n',
        'docs/index.ts': 'export const y = 1;\n',
      };
      const m = await model(files);
      assert.deepEqual(m.services.map((s) => [s.name, s.codeRoots.map((l) => l.root)]), [
        ['api', ['server']],
        // Mounted elsewhere than where the image works: the build context stays.
        ['docs', ['.']],
        ['web', ['clients']],
      ]);
      assert.match(m.services[0].codeRoots[0].reason, /^Compose service "api" runs in server, mounted from the host \(volumes in dev\/docker\/docker-compose\.dev\.yml:2\) on the WORKDIR \/app\/server of dev\/docker\/Dockerfile\.api\.dev$/);
    });

    it('links a manifest whose image is named like the workspace folder to its root, when the root holds a build file (low)', async () => {
      // The shape of spring-projects/spring-petclinic: k8s runs dsyer/petclinic, built by ./mvnw spring-boot:build-image.
      const deployment = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: petclinic', 'spec:', '  template:', '    spec:', '      containers:', '        - name: workload', '          image: dsyer/petclinic');
      const files = { 'k8s/petclinic.yml': deployment, 'pom.xml': '<project/>\n', 'src/main/java/Owner.java': 'class Owner {}\n' };
      const m = await buildEnvironmentModel({ ...memoryFs(files), rootName: 'spring-petclinic' }, Object.keys(files).sort());
      assert.deepEqual(m.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`)]), [['petclinic', ['. low']]]);
      assert.match(m.services[0].codeRoots[0].reason, /^image dsyer\/petclinic \(k8s\/petclinic\.yml:10\) is named like this workspace folder \(spring-petclinic\)/);
      const elsewhere = await buildEnvironmentModel({ ...memoryFs(files), rootName: 'infra' }, Object.keys(files).sort());
      // Not linked by name; its code is still analysed, as the workspace's own service (the last resort below).
      assert.deepEqual(elsewhere.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`)]), [['infra', ['. low']], ['petclinic', []]]);
      // Docker's own images have no namespace: a workspace named acme-redis does not build redis.
      const redis = { ...files, 'k8s/petclinic.yml': deployment.replace('dsyer/petclinic', 'redis:7') };
      const official = await buildEnvironmentModel({ ...memoryFs(redis), rootName: 'acme-redis' }, Object.keys(redis).sort());
      assert.deepEqual(official.services.find((s) => s.name === 'petclinic')?.codeRoots, []);
      // Without a namespace, exactly the folder's name with a Dockerfile at the root: bxcodec/go-clean-arch's Compose
      // runs `go-clean-arch`, which its Makefile builds with `docker build --tag go-clean-arch .`.
      const cleanArch = { 'compose.yaml': lines('services:', '  web:', '    image: go-clean-arch', '  mysql:', '    image: mysql:8.3'), Dockerfile: 'FROM golang\n', 'go.mod': 'module x\n', 'app/main.go': 'package main\n' };
      const ca = await buildEnvironmentModel({ ...memoryFs(cleanArch), rootName: 'go-clean-arch' }, Object.keys(cleanArch).sort());
      assert.deepEqual(ca.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`)]), [['mysql', []], ['web', ['. low']]]);
      // Separators compared as one: lfnovo/open-notebook publishes lfnovo/open_notebook.
      const underscored = { ...files, 'k8s/petclinic.yml': deployment.replace('dsyer/petclinic', 'lfnovo/open_notebook:v1-latest') };
      const on = await buildEnvironmentModel({ ...memoryFs(underscored), rootName: 'open-notebook' }, Object.keys(underscored).sort());
      assert.deepEqual(on.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`)]), [['petclinic', ['. low']]]);
      // The repository's name and the image's role: Unleash/unleash's Compose runs unleashorg/unleash-server, which its
      // root Dockerfile builds. Another product named after it is not its code.
      const server = { 'docker-compose.yml': lines('services:', '  unleash:', '    image: unleashorg/unleash-server:latest', '  db:', '    image: postgres:15'), Dockerfile: 'FROM node\n', 'package.json': '{}', 'src/server.ts': 'export {};\n' };
      const un = await buildEnvironmentModel({ ...memoryFs(server), rootName: 'unleash' }, Object.keys(server).sort());
      assert.deepEqual(un.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`)]), [['db', []], ['unleash', ['. low']]]);
      // Its real shape: the server is `web`, which docker-compose-enterprise.yml runs as unleash-enterprise (a file of
      // the same service layered after it: either image says what runs), and a test run's Compose file runs it too.
      const layered = {
        ...server,
        'docker-compose.yml': server['docker-compose.yml'].replace('  unleash:', '  web:'),
        'docker-compose-enterprise.yml': lines('services:', '  web:', '    image: unleashorg/unleash-enterprise:latest'),
        'test-migrations/docker-compose.yml': lines('services:', '  another-unleash:', '    image: unleashorg/unleash-server:latest'),
      };
      const real = await buildEnvironmentModel({ ...memoryFs(layered), rootName: 'unleash' }, Object.keys(layered).sort());
      assert.deepEqual(real.services.find((s) => s.name === 'web')?.codeRoots.map((l) => `${l.root} ${l.confidence}`), ['. low']);
      assert.equal(serviceForFile(real, 'src/server.ts')?.name, 'web');
      // A Dockerfile at the root named for the image's role says which folders it takes (maxun's Dockerfile.backend
      // for getmaxun/maxun-backend: the server, not the React app in src/ beside it).
      const maxun = {
        'docker-compose.yml': lines('services:', '  backend:', '    image: getmaxun/maxun-backend:latest', '  frontend:', '    image: getmaxun/maxun-frontend:latest'),
        'Dockerfile.backend': lines('FROM node:22 AS builder', 'WORKDIR /app', 'COPY server ./server', 'COPY src ./src', 'RUN npm run build:server', 'FROM node:22-slim', 'COPY --from=builder /app/server ./server', 'COPY --from=builder /app/node_modules ./node_modules'),
        'Dockerfile.frontend': lines('FROM node:22', 'COPY src ./src'),
        'package.json': '{}',
        'server/src/server.ts': 'export {};\n',
        'src/App.tsx': 'export {};\n',
      };
      const mx = await buildEnvironmentModel({ ...memoryFs(maxun), rootName: 'maxun' }, Object.keys(maxun).sort());
      assert.deepEqual(mx.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`)]), [['backend', ['server low']], ['frontend', []]]);
      const exporter = { ...server, 'docker-compose.yml': server['docker-compose.yml'].replace('unleash-server', 'unleash-exporter') };
      const ex = await buildEnvironmentModel({ ...memoryFs(exporter), rootName: 'unleash' }, Object.keys(exporter).sort());
      assert.deepEqual(ex.services.find((s) => s.name === 'unleash')?.codeRoots, []);
      const noDockerfile: Record<string, string> = { ...cleanArch };
      delete noDockerfile.Dockerfile;
      const nd = await buildEnvironmentModel({ ...memoryFs(noDockerfile), rootName: 'go-clean-arch' }, Object.keys(noDockerfile).sort());
      assert.deepEqual(nd.services.find((s) => s.name === 'web')?.codeRoots, []);
    });

    it('makes no link when two folders are named after the service', async () => {
      const m = await model({
        'deploy/payments.yaml': payments,
        'services/payments/Dockerfile': 'FROM scratch\n',
        'legacy/payments/package.json': '{}',
      });
      assert.deepEqual(m.services[0].codeRoots, []);
    });

    it('makes no link from a folder without a build file', async () => {
      const m = await model({ 'deploy/payments.yaml': payments, 'services/payments/main.go': 'package main\n' });
      assert.deepEqual(m.services.find((s) => s.name === 'payments')?.codeRoots, []);
    });
  });

  describe('JavaScript workspace packages a service depends on', () => {
    it("are shared code when no service's folder holds them (novu's libs/dal beside apps/api); not a package none depends on", async () => {
      const files = {
        'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'libs/*'\n",
        'package.json': JSON.stringify({ name: 'mono', private: true }),
        'docker-compose.yml': lines('services:', '  api:', '    build:', '      context: .', '      dockerfile: apps/api/Dockerfile'),
        'apps/api/Dockerfile': 'FROM node:20\n',
        'apps/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '4', '@acme/gen': 'workspace:*' } }),
        'apps/api/src/main.ts': 'export {};\n',
        'libs/gen/package.json': JSON.stringify({ name: '@acme/gen', dependencies: { '@acme/util': 'workspace:*' } }),
        'libs/gen/src/index.ts': 'export {};\n',
        'libs/util/package.json': JSON.stringify({ name: '@acme/util' }),
        'libs/util/src/index.ts': 'export {};\n',
        'libs/unused/package.json': JSON.stringify({ name: '@acme/unused' }),
        'libs/unused/src/index.ts': 'export {};\n',
      };
      const m = await model(files);
      assert.deepEqual(m.sharedCode, ['libs/gen', 'libs/util']);
      assert.equal(isAnalysedFile(m, 'libs/gen/src/index.ts'), true);
      assert.equal(isAnalysedFile(m, 'libs/unused/src/index.ts'), false);
    });
  });

  describe('a Dockerfile that no recipe deploys', () => {
    const withRoot = (files: Record<string, string>, rootName?: string) =>
      buildEnvironmentModel({ ...memoryFs(files), rootName }, Object.keys(files).sort());
    const built = (m: { services: Service[] }) => m.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`), s.recipes.length]);

    it('a repository with its Dockerfile at the root is one service named after the folder, with its code and no capacity', async () => {
      const m = await withRoot({ Dockerfile: 'FROM node:20\n', 'package.json': '{}', 'src/main.ts': 'export {};\n' }, 'realworld');
      assert.deepEqual(built(m), [['realworld', ['. medium'], 0]]);
      const [s] = m.services;
      assert.match(s.codeRoots[0].reason, /^Dockerfile builds this folder and no recipe here deploys it/);
      assert.deepEqual(s.codeRoots[0].evidence?.file, 'Dockerfile');
      assert.deepEqual([s.capacity, s.env], [{}, {}]);
      assert.equal(serviceForFile(m, 'src/main.ts')?.name, 'realworld');
    });

    it('with no recipe and no Dockerfile at all, the workspace folder is one service (low confidence); not without code, nor beside recipes', async () => {
      const m = await withRoot({ 'go.mod': 'module x\n', 'articles/routers.go': 'package articles\n', 'users/models.go': 'package users\n' }, 'realworld');
      assert.deepEqual(built(m), [['realworld', ['. low'], 0]]);
      assert.match(m.services[0].codeRoots[0].reason, /^no recipe or Dockerfile here says which code runs/);
      assert.equal(serviceForFile(m, 'users/models.go')?.name, 'realworld');
      assert.deepEqual(built(await withRoot({ 'README.md': '# notes\n', 'docs/example.py': 'x = 1\n' }, 'notes')), []);
      // A Java package named samples (spring-petclinic-rest's org/springframework/samples/petclinic) is no samples folder.
      const java = await withRoot({ 'pom.xml': '<project/>\n', 'src/main/java/org/springframework/samples/petclinic/PetClinicApplication.java': 'class PetClinicApplication {}\n' }, 'spring-petclinic-rest');
      assert.deepEqual(built(java), [['spring-petclinic-rest', ['. low'], 0]]);
      // Recipes that run only images nothing here builds (Netflix/dispatch's Compose of postgres and pgadmin): the
      // code is still the workspace's one service, and the reason says so. Not when a recipe links code.
      const manifest = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          image: nginx');
      const withRecipe = await withRoot({ 'k8s/web.yaml': manifest, 'main.go': 'package main\n' }, 'site');
      assert.deepEqual(built(withRecipe), [['site', ['. low'], 0], ['web', [], 1]]);
      assert.match(withRecipe.services[0].codeRoots[0].reason, /^the recipes here run only images that nothing in this folder builds \(web\): the whole folder is analysed as one service/);
      const linked = await withRoot({ 'k8s/web.yaml': manifest, 'compose.yaml': lines('services:', '  api:', '    build: ./api'), 'api/main.go': 'package main\n', 'tools/gen.go': 'package main\n' }, 'site');
      assert.deepEqual(built(linked), [['api', ['api high'], 1], ['web', [], 1]]);
    });

    it("a Dockerfile kept in a packaging folder builds the project above it (taiga-back's docker/Dockerfile); not one whose folder is a module of its own", async () => {
      const taiga = await withRoot({ 'docker/Dockerfile': 'FROM python:3.11-slim\nCOPY requirements.txt ./\n', 'docker/config.py': 'DEBUG = False\n', 'requirements.txt': 'django\n', 'manage.py': '\n', 'taiga/urls.py': 'urlpatterns = []\n' }, 'taiga-back');
      assert.deepEqual(built(taiga), [['taiga-back', ['. medium'], 0]]);
      assert.match(taiga.services[0].codeRoots[0].reason, /^docker\/Dockerfile builds the workspace root \(a Dockerfile kept in packaging folder docker: requirements\.txt above it says where the code is\)/);
      assert.equal(serviceForFile(taiga, 'taiga/urls.py')?.name, 'taiga-back');
      const layout = await withRoot({ 'build/package/Dockerfile': 'FROM golang\n', 'go.mod': 'module x\n', 'cmd/api/main.go': 'package main\n' }, 'api');
      assert.deepEqual(built(layout), [['api', ['. medium'], 0]]);
      const module = await withRoot({ 'build/Dockerfile': 'FROM golang\n', 'build/go.mod': 'module builder\n', 'build/main.go': 'package main\n', 'go.mod': 'module x\n', 'main.go': 'package main\n' }, 'x');
      assert.deepEqual(built(module), [['build', ['build medium'], 0]]);
    });

    it('beside a Compose file that only runs its database; each service folder of a monorepo without recipes', async () => {
      const compose = lines('services:', '  db:', '    image: postgres:16');
      const m = await withRoot({ 'compose.yaml': compose, Dockerfile: 'FROM python:3.12\n', 'app/main.py': 'x = 1\n' }, 'shop');
      assert.deepEqual(built(m), [['db', [], 1], ['shop', ['. medium'], 0]]);
      const mono = await withRoot({
        'services/api/Dockerfile': 'FROM golang\n',
        'services/api/main.go': 'package main\n',
        'services/web/Containerfile': 'FROM node\n',
        'services/web/src/index.js': '\n',
      });
      assert.deepEqual(built(mono), [['api', ['services/api medium'], 0], ['web', ['services/web medium'], 0]]);
    });

    it("an image named like the folder but for its domain (changedetection.io's ghcr.io/dgtlmoon/changedetection.io, cloned as changedetection) is the folder's", async () => {
      const compose = lines('services:', '  changedetection:', '    image: ghcr.io/dgtlmoon/changedetection.io', '    ports:', '      - 5000:5000');
      const m = await withRoot({ 'docker-compose.yml': compose, Dockerfile: 'FROM python:3.12\n', 'requirements.txt': 'flask\n', 'changedetectionio/flask_app.py': 'x = 1\n' }, 'changedetection');
      assert.deepEqual(built(m), [['changedetection', ['. low'], 1]]);
      assert.equal(serviceForFile(m, 'changedetectionio/flask_app.py')?.name, 'changedetection');
    });

    it('not where recipes already link code (inside it or around it), nor for tests, tooling, docs, a purpose-named Dockerfile or a folder without code', async () => {
      const compose = lines('services:', '  api:', '    build: ./services/api');
      const m = await withRoot({
        'compose.yaml': compose,
        Dockerfile: 'FROM node\n', // around the linked folder: the recipes say what runs here
        'index.js': '\n',
        'services/api/Dockerfile': 'FROM node\n',
        'services/api/src/app.js': '\n',
        'services/api/worker/Dockerfile': 'FROM node\n', // inside it
        'services/api/worker/run.js': '\n',
        'test/e2e/Dockerfile': 'FROM node\n',
        'test/e2e/run.js': '\n',
        '.devcontainer/Dockerfile': 'FROM node\n',
        'tools/lint/Dockerfile': 'FROM node\n',
        'tools/lint/lint.js': '\n',
        'mobile/android.Dockerfile': 'FROM gradle\n',
        'mobile/app.ts': '\n',
        'nginx/Dockerfile': 'FROM nginx\n',
        'nginx/nginx.conf': '\n',
      });
      assert.deepEqual(built(m), [['api', ['services/api high'], 1]]);
    });

    it('a name a recipe already gives another service is left to it', async () => {
      // Two folders named like the Compose service: neither is linked by name, and neither becomes a second `cache`.
      const compose = lines('services:', '  cache:', '    image: redis:7');
      const m = await withRoot({ 'compose.yaml': compose, 'lib/cache/Dockerfile': 'FROM node\n', 'lib/cache/index.js': '\n', 'old/cache/Dockerfile': 'FROM node\n', 'old/cache/index.js': '\n' });
      assert.deepEqual(built(m), [['app', ['. low'], 0], ['cache', [], 1]]);
    });
  });

  describe('autoscalers that do not match', () => {
    it('ignores an HPA whose target is another kind or an unknown workload', async () => {
      const m = await model({
        'deploy/web.yaml': lines(
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: web',
          '---',
          'apiVersion: autoscaling/v2',
          'kind: HorizontalPodAutoscaler',
          'metadata:',
          '  name: rollout-hpa',
          'spec:',
          '  scaleTargetRef: { apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web }',
          '  maxReplicas: 50',
          '---',
          'apiVersion: autoscaling/v2',
          'kind: HorizontalPodAutoscaler',
          'metadata:',
          '  name: ghost-hpa',
          'spec:',
          '  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ghost }',
          '  maxReplicas: 7',
        ),
      });
      assert.deepEqual(
        m.services.map((s) => s.name),
        ['web'],
      );
      assert.equal(m.services[0].capacity.autoscaling, undefined);
      assert.deepEqual(
        m.services[0].recipes.map((r) => r.kind),
        ['kubernetes/Deployment'],
      );
    });
  });

  describe('problems', () => {
    it('a broken manifest is a problem at its line; the other recipes still make services', async () => {
      const m = await model({
        'deploy/broken.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: x', ' labels: y'),
        'deploy/k8s/orders.yaml': ORDERS_K8S,
      });
      assert.deepEqual(
        m.problems.map((p) => [p.location.file, p.location.range.start.line]),
        [['deploy/broken.yaml', 4]],
      );
      assert.deepEqual(
        m.services.map((s) => s.name),
        ['orders'],
      );
    });

    it('YAML that is not Kubernetes (no apiVersion/kind) is not read, even when broken', async () => {
      const m = await model({ 'config/settings.yaml': 'a: [1, 2\nb: 3\n' });
      assert.deepEqual(m.problems, []);
      assert.deepEqual(m.services, []);
    });
  });

  describe('a build that runs none of the workspace code', () => {
    const files = {
      'docker-compose.yml': lines(
        'services:',
        '  web:',
        '    build:',
        '      context: .',
        '      dockerfile: apps/web/Dockerfile',
        '  mysql:',
        '    build:',
        '      context: ./',
        '      dockerfile: ./db/Dockerfile',
      ),
      'apps/web/Dockerfile': lines('FROM node:20', 'COPY apps/web /app', 'CMD ["node", "/app/server.js"]'),
      'apps/web/server.js': 'listen()\n',
      'src/main/java/shop/App.java': 'class App {}\n',
    };

    it("an image built from the workspace root with a Dockerfile that is not in the workspace (mall4j's database) gets no code root", async () => {
      const m = await model(files);
      const roots = (name: string) => m.services.find((s) => s.name === name)!.codeRoots.map((l) => l.root);
      assert.deepEqual(roots('mysql'), []);
      assert.deepEqual(roots('web'), ['apps/web']);
    });
  });
});
