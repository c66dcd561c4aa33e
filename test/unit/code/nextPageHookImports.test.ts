import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Next.js pages: a module a server-rendered page imports only hooks of', function () {
  this.timeout(10_000);

  it("is the browser's (dittofeed's useBroadcastsQuery, imported by a page with getServerSideProps): no timeout to report; one the page also imports a plain function of, or a .ts module imports a use* name of, is the server's", async () => {
    const queryHook = (name: string, url: string) =>
      lines(
        "import { useQuery } from '@tanstack/react-query';",
        "import axios from 'axios';",
        `export function ${name}(baseUrl: string) {`,
        `  return useQuery({ queryKey: ['${url}'], queryFn: async () => (await axios.get(\`\${baseUrl}/api/${url}\`)).data });`,
        '}',
        `export async function load${name.slice(3)}(baseUrl: string) {`,
        `  return (await axios.get(\`\${baseUrl}/api/${url}\`)).data;`,
        '}',
      );
    const f = await joined({
      'package.json': '{ "name": "dash", "dependencies": { "next": "14.0.0", "react": "18.0.0", "axios": "1.0.0" } }\n',
      'src/lib/useItemsQuery.ts': queryHook('useItemsQuery', 'items'),
      'src/lib/useOrdersQuery.ts': queryHook('useOrdersQuery', 'orders'),
      'src/lib/useDbPool.ts': lines("import axios from 'axios';", 'export async function useDbPool() {', "  return (await axios.get('http://db-admin/pool')).data;", '}'),
      'src/pages/items.tsx': lines(
        "import type { GetServerSideProps } from 'next';",
        "import { useItemsQuery } from '../lib/useItemsQuery';",
        'export const getServerSideProps: GetServerSideProps = async () => ({ props: {} });',
        'export default function ItemsPage() {',
        "  const { data } = useItemsQuery('');",
        '  return <div>{JSON.stringify(data)}</div>;',
        '}',
      ),
      'src/pages/orders.tsx': lines(
        "import type { GetServerSideProps } from 'next';",
        "import { useOrdersQuery, loadOrdersQuery } from '../lib/useOrdersQuery';",
        "export const getServerSideProps: GetServerSideProps = async () => ({ props: { first: await loadOrdersQuery('') } });",
        'export default function OrdersPage() {',
        "  const { data } = useOrdersQuery('');",
        '  return <div>{JSON.stringify(data)}</div>;',
        '}',
      ),
      'src/pages/api/pool.ts': lines(
        "import type { NextApiRequest, NextApiResponse } from 'next';",
        "import { useDbPool } from '../../lib/useDbPool';",
        'export default async function handler(req: NextApiRequest, res: NextApiResponse) {',
        '  res.json(await useDbPool());',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((h) => h.startsWith('missing-timeout')).map((h) => h.split(' ')[1]), [
      'src/lib/useDbPool.ts:3:17',
      'src/lib/useOrdersQuery.ts:4:71',
      'src/lib/useOrdersQuery.ts:7:17',
    ]);
  });
});
