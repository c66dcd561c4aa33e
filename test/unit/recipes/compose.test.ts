import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isComposeFile, readCompose } from '../../../src/core/recipes/compose';
import { emptyRecipeSet, type ComposeServiceRecipe } from '../../../src/core/recipes/recipeTypes';
import { YamlSource } from '../../../src/core/recipes/yamlSource';
import type { Range } from '../../../src/core/model/location';

const Mi = 2 ** 20;
const Gi = 2 ** 30;

function span(r: Range | undefined): [number, number, number, number] | undefined {
  return r && [r.start.line, r.start.character, r.end.line, r.end.character];
}

function readText(file: string, text: string): { services: Map<string, ComposeServiceRecipe>; src: YamlSource } {
  const src = new YamlSource(file, text);
  const set = emptyRecipeSet();
  readCompose(src, set);
  return { services: new Map(set.compose.map((c) => [c.name, c])), src };
}

describe('Compose reader', () => {
  // The fixture sits at deploy/local/compose.yaml in the analysed folder: build contexts resolve against that folder.
  const text = readFileSync(join(__dirname, '../../fixtures/recipes/compose/compose.yaml'), 'utf8');
  const { services, src } = readText('deploy/local/compose.yaml', text);
  const api = services.get('api')!;
  const worker = services.get('worker')!;
  const cache = services.get('cache')!;

  it('reads every service under services: (and not the x- extension field)', () => {
    assert.deepEqual(src.problems, []);
    assert.deepEqual([...services.keys()], ['api', 'worker', 'cache']);
  });

  describe('build', () => {
    it('build.context (a map) resolves against the Compose file folder, with its position', () => {
      assert.equal(api.buildContext?.value, 'services/api');
      assert.deepEqual(span(api.buildContext?.location.range), [14, 15, 14, 33]);
      assert.equal(api.buildContext?.location.file, 'deploy/local/compose.yaml');
    });

    it('build: a string, normalised (./worker → deploy/local/worker)', () => {
      assert.equal(worker.buildContext?.value, 'deploy/local/worker');
      assert.deepEqual(span(worker.buildContext?.location.range), [17, 11, 17, 19]);
    });

    it('no build: no build context', () => {
      assert.equal(cache.buildContext, undefined);
      assert.equal(cache.image?.value, 'redis:7');
    });

    it('build: . next to a root compose file is the root folder "."', () => {
      const r = readText('compose.yaml', 'services:\n  web:\n    build: .\n  api:\n    build: { context: ./api/ }\n');
      assert.equal(r.services.get('web')?.buildContext?.value, '.');
      assert.equal(r.services.get('api')?.buildContext?.value, 'api');
    });
  });

  describe('environment', () => {
    it('list form: KEY=VALUE keeps "=" inside the value; a bare KEY has no value', () => {
      assert.deepEqual(Object.keys(worker.env), ['QUEUE_URL', 'DEBUG']);
      assert.equal(worker.env.QUEUE_URL.value, 'amqp://rabbit:5672/?heartbeat=30');
      assert.deepEqual(span(worker.env.QUEUE_URL.location.range), [19, 8, 19, 50]);
      assert.equal(worker.env.DEBUG.value, undefined);
      assert.deepEqual(span(worker.env.DEBUG.location.range), [20, 8, 20, 13]);
    });

    it('map form: values are strings; an empty value has no value', () => {
      assert.equal(cache.env.MAXMEMORY.value, '100mb');
      assert.deepEqual(span(cache.env.MAXMEMORY.location.range)?.slice(0, 2), [33, 17]);
      assert.ok('EMPTY' in cache.env, 'EMPTY: (no value) is still provided by the recipe');
      assert.equal(cache.env.EMPTY.value, undefined);
    });

    it('map form with numbers and booleans gives their text', () => {
      const r = readText('compose.yaml', 'services:\n  a:\n    environment:\n      PORT: 8080\n      DEBUG: true\n');
      assert.equal(r.services.get('a')?.env.PORT.value, '8080');
      assert.equal(r.services.get('a')?.env.DEBUG.value, 'true');
    });
  });

  describe('deploy', () => {
    it('reads replicas, limits and reservations (docker sizes are binary), with positions', () => {
      assert.equal(worker.replicas?.value, 2);
      assert.deepEqual(span(worker.replicas?.location.range), [22, 16, 22, 17]);
      assert.equal(worker.cpuLimit?.value, 1.5);
      assert.deepEqual(span(worker.cpuLimit?.location.range), [25, 16, 25, 21]);
      assert.equal(worker.memoryLimit?.value, Gi);
      assert.deepEqual(span(worker.memoryLimit?.location.range), [26, 18, 26, 20]);
      assert.equal(worker.cpuRequest?.value, 0.25);
      assert.deepEqual(span(worker.cpuRequest?.location.range), [28, 16, 28, 20]);
      assert.equal(worker.memoryRequest?.value, 256 * Mi);
      assert.deepEqual(span(worker.memoryRequest?.location.range), [29, 18, 29, 22]);
    });

    it('no deploy section: no capacity', () => {
      assert.equal(cache.replicas, undefined);
      assert.equal(cache.cpuLimit, undefined);
      assert.equal(cache.memoryLimit, undefined);
    });
  });

  describe('merge keys (<<: *defaults)', () => {
    it('api inherits image, deploy.resources.limits and environment from the merged defaults', () => {
      const inherited = {
        image: api.image?.value,
        imageAt: span(api.image?.location.range),
        cpuLimit: api.cpuLimit?.value,
        cpuLimitAt: span(api.cpuLimit?.location.range),
        memoryLimit: api.memoryLimit?.value,
        LOG_LEVEL: api.env.LOG_LEVEL?.value,
      };
      assert.deepEqual(inherited, {
        image: 'ghcr.io/example/base:1',
        imageAt: [1, 9, 1, 31],
        cpuLimit: 0.5,
        cpuLimitAt: [5, 14, 5, 20],
        memoryLimit: 512 * Mi,
        LOG_LEVEL: 'info',
      });
    });

    it('keys written in the service win over merged ones', () => {
      const r = readText(
        'compose.yaml',
        'x: &d\n  image: base:1\nservices:\n  a:\n    <<: *d\n    image: own:2\n',
      );
      assert.equal(r.services.get('a')?.image?.value, 'own:2');
    });
  });

  describe('positions of the service itself', () => {
    it("a service recipe points at its key (the line that says `worker:`)", () => {
      // The recipe line the `services` command prints; compare Kubernetes, which points at metadata.name.
      assert.equal(worker.location.range.start.line, 16);
      assert.equal(worker.location.range.start.character, 2);
    });
  });

  it('recognises Compose file names', () => {
    for (const f of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'a/b/docker-compose.prod.yaml', 'compose.override.yaml']) {
      assert.equal(isComposeFile(f), true, f);
    }
    for (const f of ['composer.yaml', 'my-compose.yaml', 'compose.json', 'deploy/k8s/compose/app.yaml']) {
      assert.equal(isComposeFile(f), false, f);
    }
  });
});
