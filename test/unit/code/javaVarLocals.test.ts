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

describe("Java: a call on what the class's own getter returns", () => {
  it("hertzbeat's getMonitorService().updateAppCollectJob(app), with `private MonitorService getMonitorService()`, is MonitorService's method (its implementation's)", async () => {
    const f = await joined({
      'src/main/java/org/manager/MonitorService.java': lines('package org.manager;', 'public interface MonitorService {', '    void updateAppCollectJob(Job job);', '}'),
      'src/main/java/org/manager/MonitorServiceImpl.java': lines(
        'package org.manager;',
        '@Service',
        'public class MonitorServiceImpl implements MonitorService {',
        '    private MonitorDao monitorDao;',
        '    public void updateAppCollectJob(Job job) {',
        '        for (Monitor m : monitorDao.findMonitorsByApp(job.getApp())) {',
        '            monitorDao.save(m);', // 7
        '        }',
        '    }',
        '}',
      ),
      'src/main/java/org/manager/MonitorDao.java': lines('package org.manager;', 'public interface MonitorDao extends JpaRepository<Monitor, Long> {', '    List<Monitor> findMonitorsByApp(String app);', '}'),
      'src/main/java/org/manager/AppController.java': lines(
        'package org.manager;',
        '@RestController',
        '@RequestMapping("/api/apps")',
        'public class AppController {',
        '    private ObjectProvider<MonitorService> monitorServiceProvider;',
        '    private MonitorService getMonitorService() {',
        '        return monitorServiceProvider.getIfAvailable();',
        '    }',
        '    @PostMapping("/define/yml")',
        '    public void define(@RequestBody Job job) {',
        '        getMonitorService().updateAppCollectJob(job);',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((h) => h.startsWith('query-in-loop')), ['query-in-loop src/main/java/org/manager/MonitorServiceImpl.java:7:13 monitorDao.save [for-each sequential] → POST /api/apps/define/yml']);
  });
});
