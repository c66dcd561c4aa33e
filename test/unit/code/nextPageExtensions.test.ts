import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

const ssrPage = lines(
  "import { GetServerSideProps } from 'next';",
  'export const getServerSideProps: GetServerSideProps = async () => ({ props: {} });',
  'export default function Page() { return null; }',
);
const apiRoute = lines("import type { NextApiRequest, NextApiResponse } from 'next';", 'export default function handler(req: NextApiRequest, res: NextApiResponse) { res.json({ ok: true }); }');
const rows = (files: Awaited<ReturnType<typeof joined>>) => routeRows(files).map(([m, p, f, line]) => `${m} ${p} ${f}:${line + 1}`);

/** dittofeed's dashboard: `pageExtensions: ["page.tsx", "page.ts"]` in next.config.js. */
describe('Next.js: the pageExtensions of the config', () => {
  it('serves the pages below it at their path without the extension, and only the files that have one', async () => {
    const files = await joined({
      'dashboard/next.config.js': lines('module.exports = {', '  basePath: "/dashboard",', '  pageExtensions: ["page.tsx", "page.ts"],', '};'),
      'dashboard/src/pages/users/index.page.tsx': ssrPage,
      'dashboard/src/pages/journeys.page.tsx': ssrPage,
      'dashboard/src/pages/api/index.page.ts': apiRoute,
      'dashboard/src/pages/api/health.page.ts': apiRoute,
      // Not a page: a module beside the pages without the extension.
      'dashboard/src/pages/users/table.tsx': ssrPage,
      'dashboard/src/pages/api/helpers.ts': apiRoute,
      'dashboard/src/pages/_app.page.tsx': ssrPage,
      // Another app of the repository, with no pageExtensions of its own: its pages as its files give them.
      'docs/next.config.js': lines('module.exports = { reactStrictMode: true };'),
      'docs/pages/about.tsx': ssrPage,
      'docs/pages/guide.page.tsx': ssrPage,
    });
    assert.deepEqual(rows(files), [
      'ANY /api/health dashboard/src/pages/api/health.page.ts:2',
      'ANY /api dashboard/src/pages/api/index.page.ts:2',
      'GET /journeys dashboard/src/pages/journeys.page.tsx:2',
      'GET /users dashboard/src/pages/users/index.page.tsx:2',
      'GET /about docs/pages/about.tsx:2',
      'GET /guide.page docs/pages/guide.page.tsx:2',
    ]);
  });

  it('keeps the paths when the list is not spelled out', async () => {
    const files = await joined({
      'next.config.js': lines("const exts = ['page.tsx'];", 'module.exports = { pageExtensions: [...exts, "mdx"] };'),
      'pages/users.page.tsx': ssrPage,
    });
    assert.deepEqual(rows(files), ['GET /users.page pages/users.page.tsx:2']);
  });
  it('reads no setting commented out', async () => {
    const files = await joined({
      'next.config.js': lines('module.exports = {', "  // pageExtensions: ['page.tsx', 'page.ts'],", "  /* pageExtensions: ['mdx'], */", '  reactStrictMode: true,', '};'),
      'pages/about.tsx': ssrPage,
      'pages/api/health.ts': apiRoute,
    });
    assert.deepEqual(rows(files), ['GET /about pages/about.tsx:2', 'ANY /api/health pages/api/health.ts:2']);
  });
  it("leaves a nested app with a config of its own to that config, whatever the one above sets", async () => {
    const files = await joined({
      'next.config.js': lines("const withMDX = require('@next/mdx')();", 'module.exports = withMDX({', "  pageExtensions: ['ts', 'tsx', 'mdx'],", '});'),
      'pages/index.tsx': ssrPage,
      'apps/blog/next.config.js': lines('module.exports = { reactStrictMode: true };'),
      'apps/blog/pages/post.jsx': lines('export const getServerSideProps = async () => ({ props: {} });', 'export default function Post() { return null; }'),
      'apps/blog/pages/api/posts.js': apiRoute,
    });
    assert.deepEqual(rows(files), ['ANY /api/posts apps/blog/pages/api/posts.js:2', 'GET /post apps/blog/pages/post.jsx:1', 'GET / pages/index.tsx:2']);
  });
});
