import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** dittofeed's dashboard pages: getServerSideProps typed over several lines, or given another module's function. */
describe('Next.js pages router: getServerSideProps typed at length, or named', () => {
  it('is a GET route when its type spans lines or holds an object type, and when it names a function, served by that function', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "react": "18.0.0", "@prisma/client": "5.0.0" } }'),
      'lib/requestContext.ts': lines('export function requestContext(gssp) {', '  return async (ctx) => gssp(ctx, {});', '}'),
      'lib/ssp.ts': lines(
        "import { prisma } from './db';",
        'const getGroupsSSP: GetServerSideProps = async () => {',
        '  return { props: { groups: await prisma.group.findMany() } };', // 3
        '};',
        'export default getGroupsSSP;',
      ),
      'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
      'pages/users/[id].tsx': lines(
        "import { requestContext } from '../../lib/requestContext';",
        'export const getServerSideProps: GetServerSideProps<',
        '  PropsWithInitialState<UserPageProps>',
        '> = requestContext(async (ctx, dfContext) => {',
        "  const res = await fetch('http://api/users/' + ctx.query.id);", // 5
        '  return { props: await res.json() };',
        '});',
        'export default function User() { return null; }',
      ),
      'pages/oauth.tsx': lines(
        "import { requestContext } from '../lib/requestContext';",
        'export const getServerSideProps: GetServerSideProps<{',
        '  isPopup?: boolean;',
        '}> = requestContext(async () => ({ props: { isPopup: false } }));',
        'export default function OAuth() { return null; }',
      ),
      'pages/groups/[id].tsx': lines(
        "import getGroupsSSP from '../../lib/ssp';",
        'export const getServerSideProps: GetServerSideProps<{ id: string }> = getGroupsSSP;',
        'export default function Group() { return null; }',
      ),
      // Not a page rendered per request: a static one, whose props a value names (no function).
      'pages/about.tsx': lines('export const getStaticProps: GetStaticProps = staticProps;', 'export default function About() { return null; }'),
      // The type's arrow is no wrapper: an arrow function written in place is the function itself.
      'pages/typed.tsx': lines('export const getServerSideProps: (ctx: Ctx) => Promise<R> = async (ctx) => ({ props: {} });', 'export default function Typed() { return null; }'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3] + 1}`), [
      'GET /groups/[id] pages/groups/[id].tsx:2',
      'GET /oauth pages/oauth.tsx:4',
      'GET /typed pages/typed.tsx:1',
      'GET /users/[id] pages/users/[id].tsx:4',
    ]);
    assert.deepEqual(hazardRows(f), [
      'missing-timeout pages/users/[id].tsx:5:21 fetch → GET /users/[id]',
      'unbounded-query lib/ssp.ts:3:35 prisma.group.findMany → GET /groups/[id]',
    ]);
  });
  it('reads no getServerSideProps that a comment holds', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "react": "18.0.0" } }'),
      'lib/ssp.ts': lines('export const getCommonSSP = async () => ({ props: {} });'),
      'pages/about.tsx': lines(
        "import { getCommonSSP } from '../lib/ssp';",
        '// Temporarily static; re-enable SSR later:',
        '// export const getServerSideProps = getCommonSSP;',
        'export default function About() { return <div/>; }',
      ),
      'pages/team.tsx': lines(
        "import { getCommonSSP } from '../lib/ssp';",
        "import type { GetServerSideProps } from 'next';",
        'export const getServerSideProps: GetServerSideProps<{',
        '  team: string;',
        '}> = getCommonSSP;',
        'export default function Team() { return <div/>; }',
      ),
    });
    assert.deepEqual(
      routeRows(f).map(([m, p, file, line]) => `${m} ${p} ${file}:${line + 1}`),
      ['GET /team pages/team.tsx:3'],
    );
  });
});
