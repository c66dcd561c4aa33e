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

  it("xxl-job: a `ConcurrentMap<String, ExecutorBiz> executorBizRepository` (also a Map, a List, a Guava Cache) is a collection, whatever it is named", async () => {
    const service = (pkg: string, type: string) =>
      lines(
        `package ${pkg};`,
        '',
        'public class ExecutorRegistry {',
        `    private static final ${type} executorBizRepository = create();`,
        '',
        '    public void beatAll(List<String> addresses) {',
        '        for (String address : addresses) {',
        '            executorBizRepository.getById(address);',
        '        }',
        '    }',
        '}',
      );
    const f = await joined({
      'src/main/java/a/ExecutorRegistry.java': service('a', 'ConcurrentMap<String, ExecutorBiz>'),
      'src/main/java/b/ExecutorRegistry.java': service('b', 'java.util.HashMap<String, ExecutorBiz>'),
      'src/main/java/c/ExecutorRegistry.java': service('c', 'List<ExecutorBiz>'),
      'src/main/java/d/ExecutorRegistry.java': service('d', 'Cache<String, ExecutorBiz>').replace('package d;', 'package d;\nimport com.google.common.cache.Cache;'),
      'src/main/java/e/ExecutorRegistry.java': service('e', 'ExecutorBizRepository'),
      // Spring's `Cache`, with no type arguments: often Redis behind it.
      'src/main/java/f/ExecutorRegistry.java': service('f', 'Cache'),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/e/ExecutorRegistry.java:8:13 executorBizRepository.getById [for-each sequential] → -',
      'query-in-loop src/main/java/f/ExecutorRegistry.java:8:13 executorBizRepository.getById [for-each sequential] → -',
    ]);
  });
});
