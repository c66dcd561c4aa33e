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
  it("a page that exports another module's getServerSideProps (linkwarden's shared one), and an API route that exports another's handler, are routes served by it", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "react": "18.0.0", "@prisma/client": "5.0.0" } }'),
      'lib/getServerSideProps.ts': lines(
        "import { prisma } from './db';",
        'const getServerSideProps = async () => {',
        '  return { props: { users: await prisma.user.findMany() } };', // 3
        '};',
        'export default getServerSideProps;',
      ),
      'pages/dashboard.tsx': lines("import getServerSideProps from '../lib/getServerSideProps';", 'export default function Dashboard() { return null; }', 'export { getServerSideProps };'),
      'pages/links.tsx': lines("import load from '../lib/getServerSideProps';", 'export default function Links() { return null; }', 'export { load as getServerSideProps };'),
      'pages/api/webhooks/stripe.ts': lines(
        "import { prisma } from '../../../lib/db';",
        'export default async function webhook(req, res) {',
        '  for (const e of req.body.events) await prisma.event.create({ data: e });', // 3
        '  res.end();',
        '}',
      ),
      'pages/api/webhook/index.ts': lines("import webhook from '../webhooks/stripe';", 'export default webhook;'),
      'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), [
      'ANY /api/webhook pages/api/webhook/index.ts:1',
      'ANY /api/webhooks/stripe pages/api/webhooks/stripe.ts:1',
      'GET /dashboard pages/dashboard.tsx:2',
      'GET /links pages/links.tsx:2',
    ]);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop pages/api/webhooks/stripe.ts:3:42 prisma.event.create [for…of sequential] → ANY /api/webhooks/stripe, ANY /api/webhook',
      'unbounded-query lib/getServerSideProps.ts:3:34 prisma.user.findMany → GET /dashboard, GET /links',
    ]);
  });
});

describe('Next.js app router: pages whose component is another module’s', () => {
  it("a page that exports a client component's module (onyx's export { default } from \"@/views/GroupsPage\") is no route, as a page that says \"use client\" itself is not; one exporting an async server component's is", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "15.0.0", "react": "19.0.0", "@prisma/client": "5.0.0" } }'),
      'tsconfig.json': lines('{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }'),
      'src/app/admin/groups/page.tsx': lines('export { default } from "@/views/GroupsPage";'),
      'src/app/admin/users/page.tsx': lines('import UsersPage from "@/views/UsersPage";', 'export default UsersPage;'),
      'src/app/admin/own/page.tsx': lines('"use client";', 'export default function OwnPage() {', '  return null;', '}'),
      'src/app/admin/teams/page.tsx': lines('export { default } from "@/views/TeamsPage";'),
      'src/views/GroupsPage.tsx': lines(
        '"use client";',
        'import { prisma } from "@/lib/db";',
        'export default function GroupsPage({ ids }: { ids: number[] }) {',
        '  ids.forEach((id) => prisma.group.update({ where: { id }, data: {} }));', // 4
        '  return null;',
        '}',
      ),
      'src/views/UsersPage.tsx': lines("'use client';", 'export default function UsersPage() {', '  return null;', '}'),
      'src/views/TeamsPage.tsx': lines(
        'import { prisma } from "@/lib/db";',
        'export default async function TeamsPage() {',
        '  const teams = await prisma.team.findMany({ take: 20 });',
        '  return <p>{teams.length}</p>;',
        '}',
      ),
      'src/lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), ['GET /admin/teams src/app/admin/teams/page.tsx:0']);
    // The client component's loop is still N requests, but on no route of the server's.
    assert.deepEqual(hazardRows(f), ['query-in-loop src/views/GroupsPage.tsx:4:23 prisma.group.update [.forEach() sequential] → -']);
  });
});
