import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { lineStartsOf } from '../../../src/core/code/syntax';
import { grammars, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** The same source with other line endings: `\r` alone (old Mac), `\r\n` (Windows). */
const cr = (text: string) => text.replace(/\n/g, '\r');
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

const controller = (name: string, prefix: string) =>
  lines(
    'package demo.api;',
    'import org.springframework.web.bind.annotation.GetMapping;',
    'import org.springframework.web.bind.annotation.RestController;',
    '@RestController',
    `public class ${name} {`,
    '    //a comment before the routes',
    `    @GetMapping("/${prefix}/one")`, // 7
    '    public String one() { return "1"; }',
    '',
    `    @GetMapping("/${prefix}/two")`, // 10
    '    public String two() { return "2"; }',
    '}',
  );

const service = (name: string) =>
  lines(
    'package demo.service;',
    'import org.springframework.stereotype.Service;',
    'import org.springframework.jdbc.core.JdbcTemplate;',
    '@Service',
    `public class ${name} {`,
    '    private final JdbcTemplate jdbcTemplate;',
    '    public void purge(java.util.List<Long> ids) {',
    '        //one query per id',
    '        for (Long id : ids) {',
    '            jdbcTemplate.update("DELETE FROM orders WHERE id = ?", id);', // 10
    '        }',
    '    }',
    '}',
  );

describe('files with carriage returns alone for line breaks', () => {
  it("Java: routes and hazards of a file with `\\r` line endings (lilishop's TradeServiceImpl.java) are found at their lines, as in the same file with `\\n` or `\\r\\n`", async () => {
    const f = await joined({
      'src/main/java/demo/api/CrController.java': cr(controller('CrController', 'cr')),
      'src/main/java/demo/api/LfController.java': controller('LfController', 'lf'),
      'src/main/java/demo/api/CrlfController.java': crlf(controller('CrlfController', 'crlf')),
      'src/main/java/demo/service/CrService.java': cr(service('CrService')),
      'src/main/java/demo/service/LfService.java': service('LfService'),
      'src/main/java/demo/service/CrlfService.java': crlf(service('CrlfService')),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/cr/one', 'src/main/java/demo/api/CrController.java', 6, 'spring'],
      ['GET', '/cr/two', 'src/main/java/demo/api/CrController.java', 9, 'spring'],
      ['GET', '/crlf/one', 'src/main/java/demo/api/CrlfController.java', 6, 'spring'],
      ['GET', '/crlf/two', 'src/main/java/demo/api/CrlfController.java', 9, 'spring'],
      ['GET', '/lf/one', 'src/main/java/demo/api/LfController.java', 6, 'spring'],
      ['GET', '/lf/two', 'src/main/java/demo/api/LfController.java', 9, 'spring'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/demo/service/CrService.java:10:13 jdbcTemplate.update [for-each sequential] → -',
      'query-in-loop src/main/java/demo/service/CrlfService.java:10:13 jdbcTemplate.update [for-each sequential] → -',
      'query-in-loop src/main/java/demo/service/LfService.java:10:13 jdbcTemplate.update [for-each sequential] → -',
    ]);
  });

  it('Python: a file with `\\r` line endings keeps its blocks (a comment ends at its line)', async () => {
    const f = await joined({
      'app.py': cr(lines('from flask import Flask', 'import requests', 'app = Flask(__name__)', '', '# the only route', '@app.route("/ping")', 'def ping():', '    return requests.get("https://example.com").text')),
    });
    assert.deepEqual(routeRows(f), [['GET', '/ping', 'app.py', 5, 'flask']]);
    assert.deepEqual(hazardRows(f), ['missing-timeout app.py:8:12 requests.get → GET /ping']);
  });

  it('the file analysed on its own and as edited gives the same lines; a CRLF file keeps its `\\r\\n` lines', async () => {
    const text = cr(controller('CrController', 'cr'));
    const index = new CodeIndex(grammars);
    const alone = await index.analyze('src/main/java/demo/api/CrController.java', text);
    assert.deepEqual(alone?.routes.map((r) => `${r.method} ${r.path}:${r.declaration.start.line}`), ['GET /cr/one:6', 'GET /cr/two:9']);
    const edited = await index.analyzeEdit('src/main/java/demo/api/Edited.java', text);
    assert.deepEqual(edited?.routes.map((r) => `${r.method} ${r.path}:${r.declaration.start.line}`), ['GET /cr/one:6', 'GET /cr/two:9']);
    const again = await index.analyzeEdit('src/main/java/demo/api/Edited.java', text.replace('/cr/two', '/cr/three'));
    assert.deepEqual(again?.routes.map((r) => `${r.method} ${r.path}:${r.declaration.start.line}`), ['GET /cr/one:6', 'GET /cr/three:9']);
    assert.deepEqual(lineStartsOf('a\rb\r\nc\nd'), [0, 2, 5, 7]);
    assert.deepEqual(lineStartsOf('a\r\nb'), [0, 3]);
  });
});
