import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("React's cache(): a memoised function", function () {
  this.timeout(10_000);

  it("called in a loop runs its query once per request (homarr's `getRscServerSettingsAsync = cache(async () => …)` read per widget kind): no query-in-loop; a plain function, or a `cache` of another module than React, still is one", async () => {
    const query = (wrap: (body: string) => string, name: string) =>
      `export const ${name} = ${wrap(`async () => {\n  const r = await pool.query("SELECT * FROM settings WHERE id = 1");\n  return r.rows[0];\n}`)};\n`;
    const f = await joined({
      'package.json': '{ "name": "web", "dependencies": { "next": "15.0.0", "react": "19.0.0", "pg": "8.0.0" } }\n',
      'lib/settings.ts':
        lines('import { cache } from "react";', 'import { Pool } from "pg";', 'const pool = new Pool();') + query((b) => `cache(${b})`, 'getSettings'),
      'lib/reactSettings.ts':
        lines('import React from "react";', 'import { Pool } from "pg";', 'const pool = new Pool();') + query((b) => `React.cache(${b})`, 'getReactSettings'),
      'lib/plainSettings.ts': lines('import { Pool } from "pg";', 'const pool = new Pool();') + query((b) => b, 'getPlainSettings'),
      'lib/ownCache.ts':
        lines('import { cache } from "./myCache";', 'import { Pool } from "pg";', 'const pool = new Pool();') + query((b) => `cache(${b})`, 'getOwnSettings'),
      'lib/myCache.ts': lines('export const cache = <T>(fn: T): T => fn;'),
      'app/boards/[name]/page.tsx': lines(
        'import { getSettings } from "../../../lib/settings";',
        'import { getReactSettings } from "../../../lib/reactSettings";',
        'import { getPlainSettings } from "../../../lib/plainSettings";',
        'import { getOwnSettings } from "../../../lib/ownCache";',
        '',
        'export default async function BoardPage({ params }: { params: Promise<{ name: string }> }) {',
        '  const { name } = await params;',
        '  const parts = [];',
        '  for (const kind of name.split(",")) {',
        '    const a = await getSettings();',
        '    const b = await getReactSettings();',
        '    const c = await getPlainSettings();',
        '    const d = await getOwnSettings();',
        '    parts.push(`${kind}:${a.theme}${b.theme}${c.theme}${d.theme}`);',
        '  }',
        '  return <div>{parts.join(" ")}</div>;',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')).map((h) => h.split(' [')[0]),
      [
        'query-in-loop app/boards/[name]/page.tsx:12:21 getPlainSettings → pool.query',
        'query-in-loop app/boards/[name]/page.tsx:13:21 getOwnSettings → pool.query',
      ],
    );
  });
  it('called in a loop with what changes each turn (`getUser(post.authorId)`) still queries per item, in its own file or another; with the same arguments each turn it does not', async () => {
    const f = await joined({
      'package.json': '{ "name": "web", "dependencies": { "next": "14.0.0", "react": "18.2.0", "@prisma/client": "5.0.0" } }\n',
      'lib/data.ts': lines(
        "import { cache } from 'react';",
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'export const getUser = cache(async (id: string) => {',
        '  return prisma.user.findUnique({ where: { id } });',
        '});',
        'export async function postsWithAuthors() {',
        '  const posts = await prisma.post.findMany({ take: 50 });',
        '  const owner = "admin";',
        '  const out = [];',
        '  for (const post of posts) {',
        '    const author = await getUser(post.authorId);',
        '    const admin = await getUser(owner);',
        '    out.push({ ...post, author, admin });',
        '  }',
        '  return out;',
        '}',
      ),
      'app/posts/page.tsx': lines(
        "import { getUser, postsWithAuthors } from '../../lib/data';",
        'export default async function Page() {',
        '  const posts = await postsWithAuthors();',
        '  const names = await Promise.all(posts.map((p) => getUser(p.authorId)));',
        "  for (const post of posts) await getUser('me');",
        '  return <ul>{names.map((n) => <li key={n.id}>{n.name}</li>)}</ul>;',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')).map((h) => h.split(' [')[0]),
      ['query-in-loop app/posts/page.tsx:4:52 getUser → prisma.user.findUnique', 'query-in-loop lib/data.ts:12:26 getUser → prisma.user.findUnique'],
    );
  });
});
