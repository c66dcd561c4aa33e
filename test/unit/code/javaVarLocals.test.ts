import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Java's `var x = …` says nothing of its type in the text: a call on it is not a method of a class named after the
 * variable (hertzbeat's `var imExportService = alertDefineImExportServiceMap.get(type)`, which is not the manager's
 * `ImExportService`). A field declared with its type still is followed.
 */
describe('Java: a call on a var local', () => {
  it('is not guessed from the name; a field of a declared type is followed', async () => {
    const f = await joined({
      'manager/src/main/java/org/manager/ImExportService.java': lines(
        'package org.manager;',
        'public class ImExportService {',
        '    private JdbcTemplate jdbc;',
        '    public void importConfig(String body, String kind) {',
        '        jdbc.update("INSERT INTO monitors (body) VALUES (?)", body);',
        '    }',
        '}',
      ),
      'alerter/src/main/java/org/alerter/AlertDefineService.java': lines(
        'package org.alerter;',
        'public class AlertDefineService {',
        '    private Map<String, AlertImExport> alertDefineImExportServiceMap;',
        '    private ImExportService exporter;',
        '    public void importAll(List<String> bodies, String type) {',
        '        for (String body : bodies) {',
        '            var imExportService = alertDefineImExportServiceMap.get(type);',
        '            imExportService.importConfig(body);', // 8: the map's value, not ImExportService
        '        }',
        '    }',
        '    public void importEach(List<String> bodies) {',
        '        for (String body : bodies) {',
        '            this.exporter.importConfig(body, "x");', // 13
        '        }',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop alerter/src/main/java/org/alerter/AlertDefineService.java:13:13 this.exporter.importConfig → jdbc.update [for-each sequential] → -']);
  });
});
