import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('a holder its declared type keeps in memory sends no query', () => {
  it("JeecgBoot's gateway: `MyInMemoryRouteDefinitionRepository repository` is no database, whatever the field is named; a `RouteRepository repository` is", async () => {
    const service = (type: string) =>
      lines(
        'package org.jeecg.loader;',
        '',
        'public class RouteLoader {',
        `    private ${type} repository;`,
        '',
        '    public void reload(List<String> ids) {',
        '        for (String id : ids) {',
        '            repository.delete(id);',
        '        }',
        '    }',
        '}',
      );
    const f = await joined({
      'src/main/java/org/jeecg/loader/RouteLoader.java': service('MyInMemoryRouteDefinitionRepository'),
      'src/main/java/org/jeecg/store/RouteLoader.java': service('RouteRepository').replace('org.jeecg.loader', 'org.jeecg.store'),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/org/jeecg/store/RouteLoader.java:8:13 repository.delete [for-each sequential] → -']);
  });
});
