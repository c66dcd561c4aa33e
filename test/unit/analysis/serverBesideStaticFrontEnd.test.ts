import assert from 'node:assert/strict';
import { serviceForFile } from '../../../src/core/model/environment';
import { servesStaticFiles } from '../../../src/core/recipes/builtServices';
import { writtenWorkspaces } from './writtenWorkspaces';

/**
 * mall4cloud as cloned: its only Dockerfiles are the front-ends' (`front-end/mall4cloud-platform/Dockerfile`, `FROM
 * nginx`, `COPY ./dist`), its only Compose file runs middleware images, and its twelve Spring Boot applications have
 * no recipe. An image that serves files says nothing of which code runs: the server's code falls back to the whole
 * folder as one service, as it would without that Dockerfile, and the front-end keeps its folder.
 */
describe('a server beside static front-ends whose Dockerfiles are the only ones', function () {
  this.timeout(30_000);
  const nginx = 'FROM nginx:1.20\nCOPY ./dist /usr/share/nginx/html/dist\nCOPY ./nginx.conf /etc/nginx/conf.d\n';
  const base = {
    'pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId><artifactId>mall4cloud</artifactId><version>1</version><packaging>pom</packaging>\n<modules><module>mall4cloud-order</module></modules></project>\n',
    'doc/compose/docker-compose.yaml': 'services:\n  mall4cloud-mysql:\n    image: mysql:8.0\n  mall4cloud-redis:\n    image: redis:7.0\n',
    'mall4cloud-order/pom.xml': '<project><artifactId>mall4cloud-order</artifactId></project>\n',
    'mall4cloud-order/src/main/java/demo/OrderController.java': [
      'package demo;',
      'import org.springframework.web.bind.annotation.*;',
      '@RestController',
      '@RequestMapping("/p/order")',
      'public class OrderController {',
      '    @GetMapping("/info")', // 6
      '    public String info() { return "x"; }',
      '}',
    ].join('\n'),
    'front-end/mall4cloud-platform/Dockerfile': nginx,
    'front-end/mall4cloud-platform/package.json': '{ "name": "mall4cloud-platform", "private": true, "dependencies": { "vue": "^3.2.0" } }\n',
    'front-end/mall4cloud-platform/src/main.js': 'console.log("spa")\n',
  };
  const application = [
    'package demo;',
    'import org.springframework.boot.SpringApplication;',
    'import org.springframework.boot.autoconfigure.SpringBootApplication;',
    '@SpringBootApplication',
    'public class OrderApplication { public static void main(String[] args) { SpringApplication.run(OrderApplication.class, args); } }',
  ].join('\n');
  const analyse = writtenWorkspaces('static-front-end', {
    mall4cloud: { ...base, 'mall4cloud-order/src/main/java/demo/OrderApplication.java': application },
    // No server's entry point beside the front-end (a library, tooling): as before, no service for that code.
    library: base,
    // A Dockerfile that runs code (not a static site's) says which code runs: as before.
    running: { ...base, 'mall4cloud-order/src/main/java/demo/OrderApplication.java': application, 'front-end/mall4cloud-platform/Dockerfile': 'FROM node:20\nCOPY . .\nCMD ["node", "src/main.js"]\n' },
  });
  const services = (r: Awaited<ReturnType<typeof analyse>>) => r.model.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`)]);
  const routes = (r: Awaited<ReturnType<typeof analyse>>) =>
    r.files.flatMap((f) => f.routes.map((x) => `${serviceForFile(r.model, f.file, { registersRoutes: true })?.name} ${x.method} ${x.path} ${x.file}:${x.declaration.start.line + 1}`)).sort();

  it("is the workspace folder's service, with low confidence and its routes; the front-end keeps its folder", async () => {
    const r = await analyse('mall4cloud');
    assert.deepEqual(services(r), [
      ['mall4cloud', ['. low']],
      ['mall4cloud-mysql', []],
      ['mall4cloud-platform', ['front-end/mall4cloud-platform medium']],
      ['mall4cloud-redis', []],
    ]);
    const root = r.model.services.find((s) => s.name === 'mall4cloud')!;
    assert.match(root.codeRoots[0].reason, /^the only Dockerfiles here serve a static front-end's files \(front-end\/mall4cloud-platform\/Dockerfile\), and no recipe or Dockerfile says which code runs the server mall4cloud-order\/src\/main\/java\/demo\/OrderApplication\.java starts: the whole folder is analysed as one service/);
    assert.deepEqual(routes(r), ['mall4cloud GET /p/order/info mall4cloud-order/src/main/java/demo/OrderController.java:6']);
    assert.equal(serviceForFile(r.model, 'front-end/mall4cloud-platform/src/main.js')?.name, 'mall4cloud-platform');
  });

  it("reads a static site's image from the last stage (a front-end built with node, served by nginx)", () => {
    assert.equal(servesStaticFiles('FROM node:20 AS build\nRUN npm run build\nFROM --platform=linux/amd64 nginx:alpine AS web\nCOPY --from=build /app/dist /usr/share/nginx/html\n'), true);
    assert.equal(servesStaticFiles('FROM nginx AS assets\nFROM eclipse-temurin:17\nCOPY target/app.jar /app.jar\n'), false);
  });

  it('not without a server entry point outside the front-ends, nor beside a Dockerfile that runs code', async () => {
    const lib = await analyse('library');
    assert.deepEqual(services(lib), [
      ['mall4cloud-mysql', []],
      ['mall4cloud-platform', ['front-end/mall4cloud-platform medium']],
      ['mall4cloud-redis', []],
    ]);
    assert.deepEqual(routes(lib), []);
    const running = await analyse('running');
    assert.deepEqual(services(running), [
      ['mall4cloud-mysql', []],
      ['mall4cloud-platform', ['front-end/mall4cloud-platform medium']],
      ['mall4cloud-redis', []],
    ]);
    assert.deepEqual(routes(running), []);
  });
});
