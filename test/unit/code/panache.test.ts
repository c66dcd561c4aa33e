import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Quarkus Panache: active record and repositories', () => {
  it('an entity\'s static queries from a resource: per item in a loop, whole lists; a paged query, one row, and a class that is no entity are not', async () => {
    const f = await joined({
      'src/main/java/org/acme/BaseEntity.java': lines('package org.acme;', 'public abstract class BaseEntity extends PanacheEntity {', '    public Instant created;', '}'),
      'src/main/java/org/acme/Fruit.java': lines(
        'package org.acme;',
        '@Entity',
        'public class Fruit extends BaseEntity {',
        '    public String name;',
        '    public String color;',
        '    public static Fruit findByName(String name) {',
        '        return find("name", name).firstResult();',
        '    }',
        '    public static List<Fruit> ofColor(String color) {',
        '        return list("color", color);',
        '    }',
        '    public static List<Fruit> firstPage(String color) {',
        '        return find("color", color).page(0, 20).list();',
        '    }',
        '}',
      ),
      'src/main/java/org/acme/Status.java': lines(
        'package org.acme;',
        'public enum Status {',
        '    FRESH, RIPE;',
        '    public static Status findById(int id) { return values()[id]; }',
        '}',
      ),
      'src/main/java/org/acme/FruitResource.java': lines(
        'package org.acme;',
        'import jakarta.ws.rs.*;',
        '@Path("/fruits")',
        'public class FruitResource {',
        '    @GET',
        '    public List<Fruit> all() { return Fruit.listAll(); }',
        '    @GET',
        '    @Path("/page")',
        '    public List<Fruit> page(@QueryParam("p") int p) { return Fruit.findAll().page(p, 20).list(); }',
        '    @GET',
        '    @Path("/color/{color}")',
        '    public List<Fruit> byColor(String color) { return Fruit.find("color", color).list(); }',
        '    @POST',
        '    @Path("/names")',
        '    public List<Fruit> byNames(List<String> names, List<Integer> ids) {',
        '        List<Fruit> out = new ArrayList<>();',
        '        for (String name : names) out.add(Fruit.findByName(name));',
        '        for (Integer id : ids) out.add(Fruit.findById(id));',
        '        for (Integer id : ids) Status.findById(id);',
        '        return out;',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/org/acme/FruitResource.java:17:43 Fruit.findByName → find [for-each sequential] → POST /fruits/names',
      'query-in-loop src/main/java/org/acme/FruitResource.java:18:40 Fruit.findById [for-each sequential] → POST /fruits/names',
      'unbounded-query src/main/java/org/acme/Fruit.java:10:16 list → -',
      'unbounded-query src/main/java/org/acme/FruitResource.java:12:55 Fruit.find.list → GET /fruits/color/{color}',
      'unbounded-query src/main/java/org/acme/FruitResource.java:6:39 Fruit.listAll → GET /fruits',
    ]);
  });

  it('a Panache repository: listAll, a query\'s list, one per item in a loop; a paged one is not', async () => {
    const f = await joined({
      'src/main/java/org/acme/PersonRepository.java': lines('package org.acme;', '@ApplicationScoped', 'public class PersonRepository implements PanacheRepository<Person> {}'),
      'src/main/java/org/acme/PersonResource.java': lines(
        'package org.acme;',
        'import jakarta.ws.rs.*;',
        '@Path("/persons")',
        'public class PersonResource {',
        '    @Inject PersonRepository personRepository;',
        '    @GET',
        '    public List<Person> all() { return personRepository.listAll(); }',
        '    @GET',
        '    @Path("/alive")',
        '    public List<Person> alive() { return personRepository.find("status", Status.ALIVE).list(); }',
        '    @GET',
        '    @Path("/paged")',
        '    public List<Person> paged(@QueryParam("p") int p) { return personRepository.findAll().page(p, 20).list(); }',
        '    @POST',
        '    public void save(List<Person> people) {',
        '        for (Person p : people) personRepository.persist(p);',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/org/acme/PersonResource.java:16:33 personRepository.persist [for-each sequential] → POST /persons',
      'unbounded-query src/main/java/org/acme/PersonResource.java:10:42 personRepository.find.list → GET /persons/alive',
      'unbounded-query src/main/java/org/acme/PersonResource.java:7:40 personRepository.listAll → GET /persons',
    ]);
  });
});
