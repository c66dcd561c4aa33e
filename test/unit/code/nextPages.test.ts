import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe("Next.js pages router: pages rendered per request", () => {
  it('a page with getServerSideProps is a GET route, also when it is wrapped (withEnv(ensureLogin(async (ctx) => …)), teable); a static page is not', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "react": "18.0.0", "@prisma/client": "5.0.0" } }'),
      'pages/space/index.tsx': lines(
        "import { prisma } from '../../lib/db';",
        'export async function getServerSideProps() {',
        '  return { props: { spaces: await prisma.space.findMany({ take: 20 }) } };',
        '}',
        'export default function Space() { return null; }',
      ),
      'pages/base/[baseId].tsx': lines(
        "import { withEnv } from '../../lib/withEnv';",
        "import { ensureLogin } from '../../lib/ensureLogin';",
        'export const getServerSideProps: GetServerSideProps = withEnv(',
        '  ensureLogin(async (context) => {',
        "    const res = await fetch('http://localhost:3000/api/base/' + context.query.baseId);",
        '    return { props: { base: await res.json() } };',
        '  }),',
        ');',
        // The component renders in the browser too: its request is the browser's.
        "export default function Base() { useEffect(() => { fetch('/api/base/views'); }, []); return null; }",
      ),
      'pages/about.tsx': lines('export default function About() { return null; }'),
      'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), ['GET /base/[baseId] pages/base/[baseId].tsx:2', 'GET /space pages/space/index.tsx:1']);
    assert.deepEqual(hazardRows(f), ['missing-timeout pages/base/[baseId].tsx:5:23 fetch → GET /base/[baseId]']);
  });
});
