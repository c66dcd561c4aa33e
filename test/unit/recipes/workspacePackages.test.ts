import { strict as assert } from 'node:assert';
import { builtWorkspacePackage, packageClosure, workspacePackage } from '../../../src/core/recipes/workspacePackages';

describe('the package of a JavaScript workspace a Dockerfile builds', () => {
  it('is named by turbo prune or --filter, pnpm --filter or -F, yarn workspace, npm -w or --workspace; a glob names none', () => {
    const name = (line: string) => builtWorkspacePackage(`FROM node:22\nCOPY . .\n${line}\n`)?.name;
    assert.equal(name('RUN turbo prune --scope=@documenso/remix --docker'), '@documenso/remix');
    assert.equal(name('RUN turbo prune web --docker'), 'web');
    assert.equal(name('RUN turbo run build --filter=@calcom/web...'), '@calcom/web');
    assert.equal(name('RUN pnpm --filter @acme/api build'), '@acme/api');
    assert.equal(name('RUN pnpm -F=api run build'), 'api');
    assert.equal(name('RUN yarn workspace @acme/api build'), '@acme/api');
    assert.equal(name('RUN npm run build -w apps/api'), 'apps/api');
    assert.equal(name('RUN npm run build --workspace=@acme/api'), '@acme/api');
    assert.equal(name('RUN pnpm --filter "./packages/*" build'), undefined);
    assert.equal(name('RUN npm ci && npm run build'), undefined);
  });

  it('takes the package and the workspace packages it depends on, directly or through another, by name or by folder', () => {
    const packages = [
      workspacePackage('package.json', JSON.stringify({ name: 'root', workspaces: ['apps/*'] }))!,
      workspacePackage('apps/api/package.json', JSON.stringify({ name: '@acme/api', dependencies: { '@acme/db': '*', express: '*' } }))!,
      workspacePackage('packages/db/package.json', JSON.stringify({ name: '@acme/db', devDependencies: { '@acme/config': '*' } }))!,
      workspacePackage('packages/config/package.json', JSON.stringify({ name: '@acme/config', dependencies: { '@acme/api': '*' } }))!,
      workspacePackage('apps/web/package.json', JSON.stringify({ name: '@acme/web' }))!,
    ];
    assert.deepEqual(packageClosure(packages, '@acme/api'), ['apps/api', 'packages/db', 'packages/config']);
    assert.deepEqual(packageClosure(packages, 'apps/web'), ['apps/web']);
    assert.equal(packageClosure(packages, '@other/app'), undefined);
    assert.equal(workspacePackage('x/package.json', '{ not json'), undefined);
  });
});
