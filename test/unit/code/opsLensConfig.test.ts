import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeCode } from '../../../src/core/analysis/workspaceAnalysis';
import { parseOpsLensConfig } from '../../../src/core/config/opsLensConfig';
import type { Logger } from '../../../src/core/host/logger';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { grammars } from './fixtureWorkspace';

describe('.ops-lens.yaml: the whole-file reader and calls: rules for the catalogue', function () {
  this.timeout(20_000);

  it('reads every section, keeps unknown ones, types calls: and says what is wrong at its line', () => {
    const config = parseOpsLensConfig(
      [
        'services:', // 0
        '  orders: { code: services/orders }',
        'links:',
        '  grafana: https://grafana.example/d/x',
        'futureSection: 42', // 4
        'calls:',
        '  - kind: query', // 6
        '    languages: [typescript, python]',
        '    root: orderStore',
        '    method: load|list',
        '    label: order store (our pg wrapper)',
        '    fix: "orderStore.loadMany(ids) reads them in one query."',
        '  - kind: blocking', // 12
        '    root: legacyCrypto',
        '    method: hashSync',
        '  - kind: sql', // 15: unknown kind
        '    root: x',
        '  - kind: call', // 17: bad regex
        '    root: "("',
        '  - kind: call', // 19: unknown language
        '    languages: [cobol]',
        '    root: y',
        '  - method: noRoot', // 22
      ].join('\n'),
    );
    assert.deepEqual(Object.keys(config.sections), ['services', 'links', 'futureSection', 'calls']);
    assert.deepEqual(config.sections.links, { grafana: 'https://grafana.example/d/x' });
    assert.deepEqual(config.calls.calls, [
      { kind: 'query', languages: ['js', 'python'], root: 'orderStore', method: 'load|list', through: undefined, label: 'order store (our pg wrapper)', fix: 'orderStore.loadMany(ids) reads them in one query.' },
    ]);
    assert.deepEqual(config.calls.blocking?.map((b) => [b.root, b.method, b.context, b.languages.length]), [['legacyCrypto', 'hashSync', 'request', 4]]);
    assert.deepEqual(
      config.problems.map((p) => [p.line, p.message.split(',')[0].split(':')[0]]),
      [
        [15, 'calls[2].kind should be query'],
        [17, 'calls[3].root'],
        [19, 'calls[4].languages should name js'],
        [22, 'calls[5] needs root'],
      ],
    );
  });

  it('bad YAML or a non-map file is one problem, not a crash', () => {
    assert.equal(parseOpsLensConfig('calls: [').problems.length, 1);
    assert.match(parseOpsLensConfig('- a\n- b').problems[0].message, /should be a map/);
    assert.match(parseOpsLensConfig('calls: 3').problems[0].message, /should be a list/);
    assert.deepEqual(parseOpsLensConfig('').problems, []);
  });

  it("a project's own client in a loop is a query-in-loop only once calls: teaches it, and again not after removal", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-lens-config-'));
    try {
      mkdirSync(join(dir, 'src'));
      writeFileSync(
        join(dir, 'src/app.ts'),
        ["app.get('/orders', async (req, res) => {", '  for (const id of req.body.ids) {', '    await orderStore.load(id);', '  }', '});', ''].join('\n'),
      );
      const fs = new NodeFileSystem(dir);
      const index = new CodeIndex(grammars);
      const warnings: string[] = [];
      const log: Logger = { trace() {}, debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
      const codes = async () => (await analyzeCode(index, fs, ['src/app.ts'], log)).flatMap((a) => a.hazards.map((h) => `${h.code} ${h.callee} ${h.range.start.line}`));

      assert.deepEqual(await codes(), []);
      writeFileSync(join(dir, '.ops-lens.yaml'), 'calls:\n  - kind: query\n    languages: [ts]\n    root: orderStore\n    method: load\n  - root: 7\n');
      assert.deepEqual(await codes(), ['query-in-loop orderStore.load 2']);
      assert.deepEqual(warnings, ['.ops-lens.yaml:6: calls[1].root should be a regular expression (text), got 7']);
      rmSync(join(dir, '.ops-lens.yaml'));
      assert.deepEqual(await codes(), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
