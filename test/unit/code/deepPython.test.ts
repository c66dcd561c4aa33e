import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars } from './fixtureWorkspace';

/** A Python function whose last line sits under `depth` nested `if` blocks. */
const nested = (depth: number) =>
  `import requests\ndef g(x):\n${Array.from({ length: depth }, (_, i) => ' '.repeat(i + 1) + 'if x:\n').join('')}${' '.repeat(depth + 1)}requests.get('/a')\n`;

const flask = "import requests\nfrom flask import Flask, request\napp = Flask(__name__)\n@app.get('/a')\ndef a():\n    for i in request.args.getlist('id'):\n        requests.get('/b', timeout=1)\n    return 'x'\n";

describe('Python nested deeper than its grammar parses safely', () => {
  it('is reported and not parsed, and the Python files after it keep their routes and hazards', async () => {
    const texts = new Map([
      ['app/first.py', flask],
      ['app/generated.py', nested(600)],
      ['app/second.py', flask.replace("'/a'", "'/c'")],
      ['app/fine.py', nested(300)],
    ]);
    const index = new CodeIndex(grammars);
    const failures: string[] = [];
    const ingested = await index.ingestAll([...texts.keys()], async (f) => texts.get(f)!, (f, e) => failures.push(`${f}: ${e.message}`));
    assert.deepEqual(failures, ["app/generated.py: not analysed: blocks nested 601 deep, more than tree-sitter's Python grammar parses safely (480)"]);
    assert.deepEqual(ingested, ['app/first.py', 'app/second.py', 'app/fine.py']);
    const linked = new Map(index.link().map((a) => [a.file, a]));
    assert.deepEqual(linked.get('app/second.py')!.routes.map((r) => `${r.method} ${r.path}`), ['GET /c']);
    assert.deepEqual(linked.get('app/second.py')!.hazards.map((h) => h.code), ['call-in-loop']);
    // 300 levels parse: the file after the refused one is analysed as ever.
    assert.deepEqual(linked.get('app/first.py')!.routes.map((r) => `${r.method} ${r.path}`), ['GET /a']);
  });

  it('counts levels, not columns: one line indented far (a continuation aligned under a bracket) is parsed', async () => {
    const aligned = `def f():\n    x = call(1,\n${' '.repeat(600)}2)\n    return x\n`;
    const tree = await grammars.parse('python', aligned);
    try {
      assert.equal(tree.rootNode.type, 'module');
    } finally {
      tree.delete();
    }
  });
});
