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
  it("is not an app-router server component's, nor an async use* function's: awaited on the server (i18next's `await useTranslation('en')`)", async () => {
    const f = await joined({
      'package.json': '{ "name": "web", "dependencies": { "next": "14.0.0", "react": "18.2.0" } }\n',
      'app/i18n/index.ts': lines(
        'export async function useTranslation(lng: string) {',
        '  const res = await fetch(`${process.env.TRANSLATIONS_URL}/locales/${lng}.json`);',
        '  const dict = await res.json();',
        '  return { t: (k: string) => dict[k] ?? k };',
        '}',
      ),
      'app/page.tsx': lines(
        "import { useTranslation } from './i18n';",
        'export default async function Page() {',
        "  const { t } = await useTranslation('en');",
        "  return <h1>{t('title')}</h1>;",
        '}',
      ),
      'lib/useSettings.ts': lines('export async function useSettings() {', "  return (await fetch('http://settings/api')).json();", '}'),
      'pages/settings.tsx': lines(
        "import type { GetServerSideProps } from 'next';",
        "import { useSettings } from '../lib/useSettings';",
        'export const getServerSideProps: GetServerSideProps = async () => ({ props: { s: await useSettings() } });',
        'export default function SettingsPage({ s }: { s: unknown }) {',
        '  return <div>{JSON.stringify(s)}</div>;',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((h) => h.startsWith('missing-timeout')).map((h) => `${h.split(' ')[1]} ${h.split(' → ')[1]}`), [
      'app/i18n/index.ts:2:21 GET /',
      'lib/useSettings.ts:2:17 GET /settings',
    ]);
  });
});
