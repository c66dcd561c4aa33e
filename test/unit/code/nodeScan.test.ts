import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeCode } from '../../../src/core/analysis/workspaceAnalysis';
import { scanNodes } from '../../../src/core/code/fileStructure';
import { JAVASCRIPT } from '../../../src/core/code/languages/javascript';
import { columnAt, endAt, namedChildrenOf, nodeAt, rowAt, scanMethod, startAt, typeIdAt, useDirectScan } from '../../../src/core/code/nodeScan';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { join } from 'node:path';
import { FIXTURES, grammars } from './fixtureWorkspace';

/** Every fixture workspace of every language and framework, analysed and joined: all that the analysis reports. */
async function analyseAll(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const name of ['code', 'code-express', 'code-fastify', 'code-koa', 'code-nest', 'code-next', 'code-fastapi', 'code-flask', 'code-django', 'code-go', 'code-spring']) {
    const fs = new NodeFileSystem(join(FIXTURES, name));
    const files = (await fs.listFiles()).filter((f) => CodeIndex.isCode(f));
    out.push(await analyzeCode(new CodeIndex(grammars), fs, files));
  }
  return out;
}

describe('scanning a tree without a Node per found node (nodeScan)', function () {
  this.timeout(60_000);
  afterEach(() => useDirectScan(true));

  it('is what this runtime uses: an upgrade that changes what it relies on shows here, not as a silent slowdown', async () => {
    const text = "app.get('/x', async () => { for (const a of b) await db.query('SELECT 1'); });";
    const tree = await grammars.parse('typescript', text);
    try {
      const nodes = scanNodes(tree.rootNode, JAVASCRIPT);
      assert.equal(scanMethod(tree.language), 'direct');
      const span = (from: string, to: string) => [text.indexOf(from), text.indexOf(to) + to.length];
      assert.deepEqual(
        nodes.map((n) => [n.type, n.start, n.end, n.parent]),
        [
          ['call_expression', ...span('app', '})'), -1],
          ['arrow_function', ...span('async', '}'), 0],
          ['for_in_statement', ...span('for', ';'), 1],
          ['call_expression', ...span('db.', "1')"), 2],
        ],
      );
      // A Node made on demand is the binding's own node: same identity, fields and neighbours.
      const made = nodes[3].node;
      assert.equal(made.text, "db.query('SELECT 1')");
      assert.equal(made.childForFieldName('function')?.text, 'db.query');
      assert.equal(made.parent?.type, 'await_expression');
      assert.ok(made.equals(tree.rootNode.descendantsOfType('call_expression')[1]!));
    } finally {
      tree.delete();
    }
  });

  it('lists the named children of a node as namedChildren does, with their places, in each language, direct or not', async () => {
    const texts = {
      typescript: "import x from 'y';\n// a comment\nconst a = 1;\n  export function f() { return a; }\n",
      python: 'import os\n\n# a comment\ndef f():\n    return 1\nclass A:\n    pass\n',
      go: 'package main\n\nimport "fmt"\n\n// a comment\nfunc main() { fmt.Println(1) }\n',
      java: 'package a;\nimport b.C;\n/* a comment */\nclass D { void e() {} }\n',
    } as const;
    for (const [language, text] of Object.entries(texts)) {
      const tree = await grammars.parse(language as keyof typeof texts, text);
      try {
        const want = tree.rootNode.namedChildren.map((n) => [n!.type, n!.startIndex, n!.endIndex, n!.startPosition.row, n!.startPosition.column]);
        assert.ok(want.length >= 4, language);
        for (const direct of [true, false]) {
          useDirectScan(direct);
          const scan = namedChildrenOf(tree.rootNode);
          const got = Array.from({ length: scan.count }, (_, i) => [tree.language.types[typeIdAt(scan, i)], startAt(scan, i), endAt(scan, i), rowAt(scan, i), columnAt(scan, i)]);
          assert.deepEqual(got, want, `${language}, direct: ${direct}`);
          const last = nodeAt(scan, scan.count - 1);
          assert.ok(last.equals(tree.rootNode.lastNamedChild!));
          assert.equal(last.text, tree.rootNode.lastNamedChild!.text);
        }
      } finally {
        tree.delete();
      }
    }
  });

  it('finds what descendantsOfType finds: every fixture analyses the same both ways', async () => {
    useDirectScan(false);
    const viaPublicApi = await analyseAll();
    useDirectScan(true);
    const direct = await analyseAll();
    assert.deepEqual(direct, viaPublicApi);
    assert.ok(JSON.stringify(direct).length > 10_000, 'the fixtures say enough for the comparison to mean something');
  });
});
