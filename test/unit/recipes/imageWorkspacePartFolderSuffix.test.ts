import assert from 'node:assert/strict';
import { serviceForFile } from '../../../src/core/model/environment';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { memoryFs, service } from './support';

const lines = (...l: string[]) => l.join('\n') + '\n';

async function model(files: Record<string, string>) {
  return buildEnvironmentModel({ ...memoryFs(files), rootName: 'shop' }, Object.keys(files).sort(), { cache: new RecipeCache() });
}

const roots = (m: Awaited<ReturnType<typeof model>>, name: string) => service(m, name).codeRoots.map((l) => `${l.root} ${l.confidence}`);

/**
 * MaxKey's Compose runs maxkeytop/maxkey and maxkeytop/maxkey-mgt; the management app is built from
 * maxkey-webs/maxkey-web-mgt/Dockerfile, a folder named for the workspace that ends in the part, not `mgt/`.
 */
describe('An image named <workspace>-<part>, with a folder <workspace>-…-<part> that holds a Dockerfile', () => {
  const web = (name: string, pkg: string, path: string) => ({
    [`shop-webs/${name}/Dockerfile`]: lines('FROM eclipse-temurin:17-jdk-alpine', `ARG JAR_FILE=build/libs/${name}-*.jar`, 'COPY ${JAR_FILE} app.jar', 'CMD java -jar app.jar'),
    [`shop-webs/${name}/build.gradle`]: "plugins { id 'java' }\n",
    [`shop-webs/${name}/src/main/java/com/ex/${pkg}/C.java`]: lines(`package com.ex.${pkg};`, '@RestController', 'public class C {', `  @GetMapping("${path}") public String x() { return ""; }`, '}'),
  });
  const files = {
    'build.gradle': '',
    'settings.gradle': "include 'shop-webs:shop-web-mgt', 'shop-webs:shop-web-shop'\n",
    'deployment/docker/docker-compose.yml': lines('services:', '  shop:', '    image: acme/shop:latest', '  shop-mgt:', '    image: acme/shop-mgt:latest'),
    ...web('shop-web-mgt', 'mgt', '/admin/users'),
    ...web('shop-web-shop', 'shop', '/shop/items'),
  };

  it("links that folder, whose code is then not the root service's", async () => {
    const m = await model(files);
    assert.deepEqual(roots(m, 'shop-mgt'), ['shop-webs/shop-web-mgt medium']);
    assert.equal(
      service(m, 'shop-mgt').codeRoots[0].reason,
      'image acme/shop-mgt:latest (deployment/docker/docker-compose.yml:5) is named like this workspace folder (shop) and folder shop-webs/shop-web-mgt, which holds a Dockerfile',
    );
    assert.deepEqual(roots(m, 'shop'), ['. low']);
    assert.equal(serviceForFile(m, 'shop-webs/shop-web-mgt/src/main/java/com/ex/mgt/C.java')?.name, 'shop-mgt');
    assert.equal(serviceForFile(m, 'shop-webs/shop-web-shop/src/main/java/com/ex/shop/C.java')?.name, 'shop');
  });

  it('not a folder named for something else, nor one of two', async () => {
    const other: Record<string, string> = { ...files, ...web('billing-mgt', 'billing', '/billing') };
    for (const f of Object.keys(other)) if (f.startsWith('shop-webs/shop-web-mgt/')) delete other[f];
    assert.deepEqual(roots(await model(other), 'shop-mgt'), []);
    const two = { ...files, ...web('shop-app-mgt', 'appmgt', '/app/admin') };
    assert.deepEqual(roots(await model(two), 'shop-mgt'), []);
  });
});
