import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { FIXTURES, grammars, hazardRows, routeRows } from './fixtureWorkspace';

/** What the join shows: routes and hazards with their routes. */
const shown = (files: FileAnalysis[]) => {
  const byFile = new Map(files.map((a) => [a.file, a]));
  return { routes: routeRows(byFile), hazards: hazardRows(byFile) };
};

/**
 * The join keeps call resolutions from one run to the next while no file's interface changes (LinkCache). After
 * every edit below, the index that has seen all the edits must show exactly what a fresh index shows for the same
 * texts: a kept resolution that should have changed would show here.
 */
describe('workspace join: call resolutions kept across edits', () => {
  it('after edits inside bodies, to effects, to names and to imports, shows what a fresh join shows', async () => {
    const root = join(FIXTURES, 'code-express');
    const files = (await new NodeFileSystem(root).listFiles()).filter((f) => CodeIndex.isCode(f));
    const texts = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
    const kept = new CodeIndex(grammars);
    for (const [f, t] of texts) await kept.ingest(f, t);
    const first = shown(kept.link());

    const edit = async (file: string, from: string, to: string) => {
      const text = texts.get(file)!;
      assert.ok(text.includes(from), `${file} contains ${from}`);
      texts.set(file, text.replace(from, to));
      await kept.analyzeEdit(file, texts.get(file)!);
      const fresh = new CodeIndex(grammars);
      for (const [f, t] of texts) await fresh.ingest(f, t);
      const expected = shown(fresh.link());
      assert.deepEqual(shown(kept.link()), expected, `after ${file}: ${from} → ${to}`);
      return expected;
    };

    // Inside a body: no interface changes, the resolutions are kept.
    let now = await edit('src/services/pricing.ts', 'return data;', 'return { ...data, at: Date.now() };');
    assert.deepEqual(now, first);
    // A helper called in a loop from another file now queries: a new hazard in orders.ts, which was not edited.
    now = await edit('src/services/pricing.ts', 'return slow.get(`/p/${sku}`);', "return pool.query('SELECT 1 FROM p WHERE sku = $1', [sku]);");
    now = await edit('src/services/pricing.ts', 'const { data } = await client.get(`/prices/${sku}`);', "const { rows: data } = await pool.query('SELECT price FROM prices WHERE sku = $1', [sku]);");
    assert.ok(now.hazards.some((h) => /^query-in-loop src\/routes\/orders\.ts:29:\d+ pricing\.priceOf → pool\.query/.test(h)), now.hazards.join('\n'));
    // A rename: orders.ts now calls a name pricing.ts no longer has, so its query is no longer reached from there.
    now = await edit('src/services/pricing.ts', 'export async function priceOf(', 'export async function priceFor(');
    assert.ok(!now.hazards.some((h) => h.includes('pricing.priceOf → pool.query')), now.hazards.join('\n'));
    // The caller follows the rename.
    now = await edit('src/routes/orders.ts', 'pricing.priceOf(line.sku)', 'pricing.priceFor(line.sku)');
    assert.ok(now.hazards.some((h) => h.includes('pricing.priceFor → pool.query')), now.hazards.join('\n'));
  });

  it('after a class changes its base, a call lands on the new base\'s method (Java)', async () => {
    const texts = new Map<string, string>([
      ['src/main/java/shop/Base.java', 'package shop;\npublic class Base {\n  ItemRepository itemRepository;\n  public Item load(String id) { return itemRepository.findById(id); }\n}\n'],
      ['src/main/java/shop/Other.java', 'package shop;\npublic class Other {\n  public Item load(String id) { return null; }\n}\n'],
      ['src/main/java/shop/Child.java', 'package shop;\npublic class Child extends Base {\n}\n'],
      [
        'src/main/java/shop/ItemController.java',
        'package shop;\n@RestController\npublic class ItemController {\n  private final Child child;\n  @GetMapping("/items")\n  public void items(@RequestParam List<String> ids) {\n    for (String id : ids) child.load(id);\n  }\n}\n',
      ],
    ]);
    const kept = new CodeIndex(grammars);
    for (const [f, t] of texts) await kept.ingest(f, t);
    assert.deepEqual(shown(kept.link()).hazards, ['query-in-loop src/main/java/shop/ItemController.java:7:27 child.load → itemRepository.findById [for-each sequential] → GET /items']);
    texts.set('src/main/java/shop/Child.java', 'package shop;\npublic class Child extends Other {\n}\n');
    await kept.analyzeEdit('src/main/java/shop/Child.java', texts.get('src/main/java/shop/Child.java')!);
    const fresh = new CodeIndex(grammars);
    for (const [f, t] of texts) await fresh.ingest(f, t);
    assert.deepEqual(shown(fresh.link()).hazards, []);
    assert.deepEqual(shown(kept.link()), shown(fresh.link()));
  });

  it('a route walks its path again when a file on it changes, and keeps its walk while only files off it do', async () => {
    const texts = new Map<string, string>([
      ['src/routes.ts', "import { Router } from 'express';\nimport { list } from './svc';\nexport const r = Router();\nr.get('/a', async (req, res) => res.json(await list()));\nr.get('/b', async (req, res) => res.json([]));\n"],
      ['src/svc.ts', "import { load } from './repo';\nexport async function list() {\n  return [];\n}\n"],
      ['src/repo.ts', "import { pool } from './db';\nexport async function load(ids: string[]) {\n  for (const id of ids) await pool.query('SELECT * FROM t WHERE id = $1', [id]);\n}\n"],
      ['src/other.ts', 'export function other() {\n  return 1;\n}\n'],
    ]);
    const kept = new CodeIndex(grammars);
    for (const [f, t] of texts) await kept.ingest(f, t);
    assert.deepEqual(shown(kept.link()).hazards, ['query-in-loop src/repo.ts:3:31 pool.query [for…of sequential] → -']);
    const edit = async (file: string, text: string) => {
      texts.set(file, text);
      await kept.analyzeEdit(file, text);
      const fresh = new CodeIndex(grammars);
      for (const [f, t] of texts) await fresh.ingest(f, t);
      assert.deepEqual(shown(kept.link()), shown(fresh.link()), `after editing ${file}`);
      return shown(kept.link()).hazards;
    };
    // Off every path: the walks are kept, and still right.
    await edit('src/other.ts', 'export function other() {\n  return 2;\n}\n');
    // On GET /a's path, its body now calls the repository: the walk of /a goes one call further.
    assert.deepEqual(await edit('src/svc.ts', "import { load } from './repo';\nexport async function list() {\n  return load(['1']);\n}\n"), [
      'query-in-loop src/repo.ts:3:31 pool.query [for…of sequential] → GET /a',
    ]);
    // And back.
    assert.deepEqual(await edit('src/svc.ts', "import { load } from './repo';\nexport async function list() {\n  return [];\n}\n"), ['query-in-loop src/repo.ts:3:31 pool.query [for…of sequential] → -']);
  });

  it('what calls lead to two files further is found again in every file whose calls lead there, when that file changes (Python)', async () => {
    // Two route files whose calls go through the same helpers to store.py: the second file's search takes the first's
    // results for the helpers, and must still know that it read store.py.
    const route = (n: string) =>
      `from fastapi import APIRouter\nfrom app.helpers import fetch_one, lookup\n\nrouter = APIRouter()\n\n@router.get("/${n}")\nasync def items_${n}(ids: list[str]):\n    for i in ids:\n        fetch_one(i)\n    return lookup()\n`;
    // (requests imported before and after: an edit inside the body keeps every kept result that may stay.)
    const quiet = 'import requests\n\ndef load(key):\n    return key\n';
    const texts = new Map<string, string>([
      ['app/routes_a.py', route('a')],
      ['app/routes_b.py', route('b')],
      ['app/helpers.py', 'from app.store import load\n\n\ndef fetch_one(i):\n    return load(i)\n\n\ndef lookup():\n    return load("x")\n'],
      ['app/store.py', quiet],
      ['app/other.py', 'def other():\n    return 1\n'],
    ]);
    const kept = new CodeIndex(grammars);
    for (const [f, t] of texts) await kept.ingest(f, t);
    assert.deepEqual(shown(kept.link()).hazards, []);
    const edit = async (file: string, text: string) => {
      texts.set(file, text);
      await kept.analyzeEdit(file, text);
      const fresh = new CodeIndex(grammars);
      for (const [f, t] of texts) await fresh.ingest(f, t);
      assert.deepEqual(shown(kept.link()), shown(fresh.link()), `after editing ${file}`);
      return shown(kept.link()).hazards;
    };
    assert.deepEqual(await edit('app/other.py', 'def other():\n    return 2\n'), []);
    assert.deepEqual(await edit('app/store.py', 'import requests\n\ndef load(key):\n    return requests.get("http://store/" + key, timeout=2).json()\n'), [
      'blocking-call app/routes_a.py:10:12 lookup → load → requests.get → GET /a',
      'blocking-call app/routes_b.py:10:12 lookup → load → requests.get → GET /b',
      'call-in-loop app/routes_a.py:9:9 fetch_one → load → requests.get [for sequential] → GET /a',
      'call-in-loop app/routes_b.py:9:9 fetch_one → load → requests.get [for sequential] → GET /b',
    ]);
    assert.deepEqual(await edit('app/store.py', quiet), []);
  });

  it('the implementations of an interface with more than three reached by a route stay reached after edits that keep its resolutions (TypeScript)', async () => {
    const backend = (name: string) => `import { MediaBackend } from './backend';\nexport class ${name} implements MediaBackend {\n  async save(id: string) {\n    await fetch('https://${name}.example/' + id);\n  }\n}\n`;
    const texts = new Map<string, string>([
      ['src/backend.ts', 'export interface MediaBackend {\n  save(id: string): Promise<void>;\n}\n'],
      ['src/routes.ts', "import { Router } from 'express';\nimport { MediaService } from './service';\nexport const r = Router();\nconst media = new MediaService();\nr.post('/media', async (req, res) => res.json(await media.upload(req.body.id)));\n"],
      // hedgedoc's MediaService: a backend field typed by the interface its five backends implement.
      ['src/service.ts', "import { MediaBackend } from './backend';\nexport class MediaService {\n  private backend: MediaBackend;\n  async upload(id: string) {\n    await this.backend.save(id);\n  }\n}\n"],
      ['src/other.ts', 'export function other() {\n  return 1;\n}\n'],
      ...['Imgur', 'Webdav', 'S3', 'Azure'].map((n): [string, string] => [`src/${n.toLowerCase()}.ts`, backend(n)]),
    ]);
    const kept = new CodeIndex(grammars);
    for (const [f, t] of texts) await kept.ingest(f, t);
    const onRoute = (rows: string[]) => rows.filter((r) => r.endsWith('→ POST /media')).length;
    assert.equal(onRoute(shown(kept.link()).hazards), 4);
    texts.set('src/other.ts', 'export function other() {\n  return 2;\n}\n');
    await kept.analyzeEdit('src/other.ts', texts.get('src/other.ts')!);
    const fresh = new CodeIndex(grammars);
    for (const [f, t] of texts) await fresh.ingest(f, t);
    assert.deepEqual(shown(kept.link()), shown(fresh.link()));
    assert.equal(onRoute(shown(kept.link()).hazards), 4);
  });
  it('what a loop\'s call leads to is the same whichever file the join read first: through a cycle, and at each depth (Python)', async () => {
    // Each time the file that first reached the functions below stops calling them, the file kept from the join before
    // must show what a fresh join shows, which reads it first.
    const loop = (name: string, imported: string, call: string) =>
      `from fastapi import APIRouter\nfrom ${imported}\n\nrouter = APIRouter()\n\n@router.get("/${name}")\ndef ${name}(ids: list[str]):\n    for i in ids:\n        ${call}(i)\n    return 1\n`;
    const once = (name: string, imported: string, call: string) =>
      `from fastapi import APIRouter\nfrom ${imported}\n\nrouter = APIRouter()\n\n@router.get("/${name}")\ndef ${name}(ids: list[str]):\n    ${call}(ids[0])\n    return 1\n`;
    const cases: [string, Map<string, string>, string][] = [
      [
        // a.load and b.load call each other (the same name: the same depth), and a.load calls out.
        'cycle',
        new Map([
          ['app/p.py', loop('p', 'app import a', 'a.load')],
          ['app/a.py', 'from app import b\nfrom app.c import fetch\n\n\ndef load(k):\n    b.load(k)\n    return fetch(k)\n'],
          ['app/b.py', 'from app import a\n\n\ndef load(k):\n    return a.load(k)\n'],
          ['app/c.py', 'import requests\n\n\ndef fetch(k):\n    return requests.get("http://x/" + k, timeout=2)\n'],
          ['app/x.py', loop('x', 'app import b', 'b.load')],
        ]),
        once('p', 'app import a', 'a.load'),
      ],
      [
        // f is reached one call deeper from p than from x: what it leads to within the calls left differs.
        'depth',
        new Map([
          ['app/p.py', loop('p', 'app.w import w', 'w')],
          ['app/w.py', 'from app.a import f\n\n\ndef w(i):\n    return f(i)\n'],
          ['app/a.py', 'from app.g import g\nfrom app.c import h\n\n\ndef f(k):\n    g(k)\n    return h(k)\n'],
          ['app/g.py', 'from app.q import q\n\n\ndef g(k):\n    return q(k)\n'],
          ['app/q.py', 'import requests\n\n\ndef q(k):\n    return requests.post("http://q/" + k, timeout=2)\n'],
          ['app/c.py', 'import requests\n\n\ndef h(k):\n    return requests.get("http://x/" + k, timeout=2)\n'],
          ['app/x.py', loop('x', 'app.a import f', 'f')],
        ]),
        once('p', 'app.w import w', 'w'),
      ],
    ];
    for (const [name, texts, edited] of cases) {
      const kept = new CodeIndex(grammars);
      for (const [f, t] of texts) await kept.ingest(f, t);
      kept.link();
      texts.set('app/p.py', edited);
      await kept.analyzeEdit('app/p.py', edited);
      const fresh = new CodeIndex(grammars);
      for (const [f, t] of texts) await fresh.ingest(f, t);
      const expected = shown(fresh.link());
      assert.ok(expected.hazards.some((h) => h.startsWith('call-in-loop app/x.py:9:9')), `${name}: ${expected.hazards.join('\n')}`);
      assert.deepEqual(shown(kept.link()), expected, name);
    }
  });
});
