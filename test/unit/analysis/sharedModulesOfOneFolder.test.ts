import assert from 'node:assert/strict';
import { servicesForFile } from '../../../src/core/model/environment';
import { writtenWorkspaces } from './writtenWorkspaces';

const pom = (artifact: string, deps: string[] = [], modules: string[] = []) =>
  `<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId><artifactId>${artifact}</artifactId><version>1</version>` +
  (modules.length ? `<packaging>pom</packaging><modules>${modules.map((m) => `<module>${m}</module>`).join('')}</modules>` : '') +
  `<dependencies>${deps.map((d) => `<dependency><groupId>demo</groupId><artifactId>${d}</artifactId><version>1</version></dependency>`).join('')}</dependencies></project>\n`;

const controller = (pkg: string, cls: string, path: string, method: string) =>
  `package ${pkg};\n\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\npublic class ${cls} {\n    @${method}("${path}")\n    public String handle() { return "ok"; }\n}\n`;

/**
 * The shape of jeepay: `app-manager` and `app-payment` are services built with the library module `components`;
 * docker-compose.yml builds them (`manager`, `payment`), docker-compose.baota.yml runs their published images again
 * under other names (`app-manager`, `app-payment`), which link the same folders by name only.
 */
const jeepay = (apps: string[]): Record<string, string> => ({
  'pom.xml': pom('root', [], ['components', ...apps.map((a) => `app-${a}`)]),
  'components/pom.xml': pom('components'),
  'components/src/main/java/demo/oss/OssFileController.java': controller('demo.oss', 'OssFileController', '/api/ossFiles/{bizType}', 'PostMapping'),
  'docker-compose.yml': `services:\n${apps.map((a) => `  ${a}:\n    build:\n      context: ./app-${a}\n`).join('')}`,
  'docker-compose.baota.yml': `services:\n${apps.map((a) => `  app-${a}:\n    image: demo/app-${a}:latest\n`).join('')}`,
  ...Object.fromEntries(
    apps.flatMap((a) => [
      [`app-${a}/pom.xml`, pom(`app-${a}`, ['components'])],
      [`app-${a}/Dockerfile`, 'FROM eclipse-temurin:17\n'],
      [`app-${a}/src/main/java/demo/${a}/${a}Controller.java`, controller(`demo.${a}`, `${a}Controller`, `/api/${a}/current`, 'GetMapping')],
    ]),
  ),
});

describe('a library module of services deployed twice (a second recipe runs the same folder)', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('shared-one-folder', { one: jeepay(['manager']), two: jeepay(['manager', 'payment']) });
  /** `service: METHOD path` for every route each service serves, as `ops-lens services` lists them. */
  const served = async (name: string) => {
    const result = await analyse(name);
    return result.model.services.flatMap((s) =>
      result.files
        .filter((a) => servicesForFile(result.model, a.file, { registersRoutes: a.routes.length > 0 }).includes(s))
        .flatMap((a) => a.routes.map((r) => `${s.name}: ${r.method} ${r.path}`)),
    ).sort();
  };

  it("jeepay's module routes go where the folder's own routes go: to the service that builds it, not to the second deployment", async () => {
    assert.deepEqual(await served('one'), ['manager: GET /api/manager/current', 'manager: POST /api/ossFiles/{bizType}']);
  });

  it('two services of their own folders built with the module still each serve its routes (apollo-common); their second deployments none', async () => {
    assert.deepEqual(await served('two'), [
      'manager: GET /api/manager/current',
      'manager: POST /api/ossFiles/{bizType}',
      'payment: GET /api/payment/current',
      'payment: POST /api/ossFiles/{bizType}',
    ]);
    const result = await analyse('two');
    assert.deepEqual(result.model.sharedBy, { components: ['manager', 'payment'] });
  });
});
