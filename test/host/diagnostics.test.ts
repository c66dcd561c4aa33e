import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics, workspaceUri } from './waitFor';

interface RouteTruth {
  method: string;
  route: string;
  rps: number;
}

/** The generated production data's truth (written by the host runner), so numbers are checked, not assumed. */
function truthRps(service: string, method: string, route: string): number {
  const file = process.env.OPS_LENS_TEST_TRUTH_FILE;
  assert.ok(file, 'OPS_LENS_TEST_TRUTH_FILE is not set: run this suite through scripts/test.mjs');
  const truth = JSON.parse(readFileSync(file, 'utf8'));
  const r = (truth.services[service].routes as RouteTruth[]).find((x) => x.method === method && x.route === route);
  assert.ok(r, `no truth for ${service} ${method} ${route}`);
  return r.rps;
}

function servedRps(message: string): number {
  const m = /serves ([\d,.]+) req\/s/.exec(message);
  assert.ok(m, `no request rate in: ${message}`);
  return Number(m[1].replace(/,/g, ''));
}

const byCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code && /req\/s/.test(d.message));

describe('Ops Lens diagnostics on the example shop, with a real Prometheus behind them', () => {
  before(async () => {
    await vscode.extensions.getExtension('ops-lens.ops-lens')!.activate();
  });

  it('reports the query in a loop of the hot GET /orders handler as an error with production numbers', async () => {
    const uri = workspaceUri('services/orders/src/routes/orders.ts');
    const diagnostics = await waitForDiagnostics(uri, byCode('query-in-loop'));
    const d = diagnostics.find((x) => codeOf(x) === 'query-in-loop')!;

    assert.equal(d.source, 'Ops Lens');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error, d.message);
    // `pool.query(…)` inside the for…of loop: line 23, column 35 (1-based).
    assert.equal(d.range.start.line, 22);
    assert.equal(d.range.start.character, 34);
    const truth = truthRps('orders', 'GET', '/orders');
    const served = servedRps(d.message);
    assert.ok(Math.abs(served - truth) / truth < 0.05, `req/s ${served} vs generated ${truth}`);
    assert.match(d.message, /Autoscaler orders at 10\/10 replicas \(no headroom\)/);

    const related = d.relatedInformation ?? [];
    assert.ok(related.length >= 1, 'the diagnostic points at the recipe lines behind it');
    assert.ok(related[0].location.uri.path.endsWith('/deploy/k8s/orders.yaml'), related[0].location.uri.path);
    const hpaLine = (await vscode.workspace.openTextDocument(related[0].location.uri)).lineAt(related[0].location.range.start.line);
    assert.equal(hpaLine.text.trim(), 'maxReplicas: 10');
    assert.match(related[0].message, /maxReplicas 10/);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/warnings\/query-in-loop\.md$/);
  });

  it('keeps the same hazard on a cold route at information level', async () => {
    const uri = workspaceUri('services/orders/src/routes/admin.ts');
    const diagnostics = await waitForDiagnostics(uri, byCode('query-in-loop'));
    const d = diagnostics.find((x) => codeOf(x) === 'query-in-loop')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information, d.message);
    assert.equal(d.range.start.line, 10);
    assert.match(d.message, /cold|0\.05/);
  });

  it('reports a remote call per item in the Python catalog service as a warning (autoscaler has headroom)', async () => {
    const uri = workspaceUri('services/catalog/app/main.py');
    const diagnostics = await waitForDiagnostics(uri, byCode('call-in-loop'));
    const d = diagnostics.find((x) => codeOf(x) === 'call-in-loop')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, d.message);
    assert.equal(d.range.start.line, 27);
    const truth = truthRps('catalog', 'GET', '/products');
    assert.ok(Math.abs(servedRps(d.message) - truth) / truth < 0.05);
  });

  it('re-analyses an edited document and moves the diagnostic with the code, without saving', async () => {
    const uri = workspaceUri('services/orders/src/routes/orders.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const inserted = await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// a new first line\n'));
    assert.ok(inserted);
    try {
      const moved = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'query-in-loop' && d.range.start.line === 23));
      assert.equal(moved.filter((d) => codeOf(d) === 'query-in-loop').length, 1);
    } finally {
      // Undo by an edit, not by a revert command: commands act on whatever has focus in the workbench.
      assert.ok(await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0))));
      await doc.save();
    }
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'query-in-loop' && d.range.start.line === 22));
  });

  it("an unsaved edit in one file updates the warnings it changes in another: a router mounted under a new prefix", async () => {
    const admin = workspaceUri('services/orders/src/routes/admin.ts');
    // "GET /x serves 0.050 req/s …" with production data for the route, "On GET /x. …" without.
    const onRoute = (path: string) => (ds: vscode.Diagnostic[]) =>
      ds.some((d) => codeOf(d) === 'query-in-loop' && (d.message.startsWith(`GET ${path} serves`) || d.message.startsWith(`On GET ${path}.`)));
    await waitForDiagnostics(admin, onRoute('/admin/reports/daily'));
    const server = await vscode.workspace.openTextDocument(workspaceUri('services/orders/src/server.ts'));
    const editor = await vscode.window.showTextDocument(server);
    const line = server.getText().split('\n').findIndex((l) => l === 'app.use(adminRouter);');
    assert.ok(line >= 0, 'server.ts mounts adminRouter');
    const at = new vscode.Position(line, 'app.use('.length);
    assert.ok(await editor.edit((e) => e.insert(at, "'/internal', ")));
    try {
      // admin.ts itself is not edited: its warning follows the route through the join.
      await waitForDiagnostics(admin, onRoute('/internal/admin/reports/daily'));
    } finally {
      assert.ok(await editor.edit((e) => e.delete(new vscode.Range(at, at.translate(0, "'/internal', ".length)))));
      await server.save();
    }
    await waitForDiagnostics(admin, onRoute('/admin/reports/daily'));
  });

  it('reads a MyBatis XML mapper written to disk: its SELECT with no LIMIT is a diagnostic in the XML, on the route that calls it', async () => {
    // A Java corner of the orders service, written by something other than the editor (a generator, a checkout); the
    // mapper named as MyBatis Generator names them (`*Mapper.xml`).
    const files: [string, string][] = [
      [
        'services/orders/src/TagMapper.java',
        ['package shop;', 'import org.apache.ibatis.annotations.Mapper;', '@Mapper', 'public interface TagMapper {', '  List<String> all();', '}', ''].join('\n'),
      ],
      [
        'services/orders/src/TagController.java',
        ['package shop;', '@RestController', 'public class TagController {', '  private TagMapper tagMapper;', '  @GetMapping("/tags")', '  public List<String> tags() {', '    return tagMapper.all();', '  }', '}', ''].join('\n'),
      ],
      [
        'services/orders/src/TagMapper.xml',
        ['<?xml version="1.0" encoding="UTF-8" ?>', '<mapper namespace="shop.TagMapper">', '  <select id="all" resultType="string">', '    select name from tags', '  </select>', '</mapper>', ''].join('\n'),
      ],
    ];
    const xml = workspaceUri(files[2][0]);
    try {
      for (const [file, text] of files) await vscode.workspace.fs.writeFile(workspaceUri(file), Buffer.from(text));
      const ds = await waitForDiagnostics(xml, (d) => d.some((x) => codeOf(x) === 'unbounded-query'));
      const d = ds.find((x) => codeOf(x) === 'unbounded-query')!;
      assert.equal(d.range.start.line, 2, 'on the <select>');
      assert.match(d.message, /GET \/tags/);
      assert.match(d.message, /TagMapper\.all/);
    } finally {
      for (const [file] of files) await vscode.workspace.fs.delete(workspaceUri(file));
    }
    await waitForDiagnostics(xml, (d) => d.length === 0);
  });

  it('a gRPC servicer\'s methods become routes once its .proto file, kept outside every service, is written to disk', async () => {
    // The catalog service grows a gRPC face; its definition lives in a shared protos/ folder, as microservices-demo's does.
    const servicer = workspaceUri('services/catalog/app/grpc_server.py');
    const proto = workspaceUri('protos/shop.proto');
    const servicerText = [
      'import requests',
      'import shop_pb2_grpc',
      '',
      'class Catalog(shop_pb2_grpc.CatalogServiceServicer):',
      '    def ListPrices(self, request, context):',
      '        for sku in request.skus:',
      '            requests.get("http://pricing/" + sku, timeout=2)',
      '',
    ].join('\n');
    const protoText = ['syntax = "proto3";', 'package shop.v1;', 'service CatalogService {', '  rpc ListPrices(Skus) returns (Prices);', '}', ''].join('\n');
    const onRoute = (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === 'call-in-loop' && /POST \/shop\.v1\.CatalogService\/ListPrices/.test(x.message));
    try {
      await vscode.workspace.fs.writeFile(servicer, Buffer.from(servicerText));
      // Without its definition the service's package, part of every path, is unknown: no route yet.
      const before = await waitForDiagnostics(servicer, (d) => d.some((x) => codeOf(x) === 'call-in-loop'));
      assert.ok(!onRoute(before), before.map((x) => x.message).join('\n'));
      await vscode.workspace.fs.writeFile(proto, Buffer.from(protoText));
      const ds = await waitForDiagnostics(servicer, onRoute);
      assert.equal(ds.find((x) => codeOf(x) === 'call-in-loop')!.range.start.line, 6);
    } finally {
      await vscode.workspace.fs.delete(servicer);
      await vscode.workspace.fs.delete(proto);
    }
    await waitForDiagnostics(servicer, (d) => d.length === 0);
  });

  it('reads code written into folders created at the same moment, and forgets it when the folder is deleted', async () => {
    // A generator or a checkout makes the folders and their files in one go; the file watcher may see only the folder.
    const folder = workspaceUri('services/orders/src/jobs');
    const file = workspaceUri('services/orders/src/jobs/nightly/sweep.ts');
    const text = [
      "import { pool } from '../../db';",
      '',
      'export async function sweep(ids: string[]) {',
      '  for (const id of ids) {',
      "    await pool.query('DELETE FROM carts WHERE id = $1', [id]);",
      '  }',
      '}',
      '',
    ].join('\n');
    mkdirSync(dirname(file.fsPath), { recursive: true });
    writeFileSync(file.fsPath, text);
    try {
      const ds = await waitForDiagnostics(file, (d) => d.some((x) => codeOf(x) === 'query-in-loop'));
      assert.equal(ds.find((x) => codeOf(x) === 'query-in-loop')!.range.start.line, 4);
    } finally {
      rmSync(folder.fsPath, { recursive: true, force: true });
    }
    // Deleting a folder is one event for the folder, none for the files in it.
    await waitForDiagnostics(file, (d) => d.length === 0);
  });

  it('refreshes signals on command and keeps the warnings', async () => {
    await vscode.commands.executeCommand('opsLens.refreshSignals');
    const uri = workspaceUri('services/orders/src/routes/orders.ts');
    await waitForDiagnostics(uri, byCode('query-in-loop'));
  });
});
