import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('jOOQ: Java query DSL', () => {
  it('a query per item is a query in a loop; a select with no where, limit or single-row read is unbounded; only in files that use jOOQ', async () => {
    const f = await joined({
      'pom.xml': '<project><artifactId>books</artifactId></project>\n',
      'src/main/java/com/example/BookRepository.java': lines(
        'package com.example;',
        '',
        'import org.jooq.DSLContext;',
        'import static com.example.db.Tables.BOOK;',
        '',
        'public class BookRepository {',
        '  private final DSLContext dsl;',
        '  public BookRepository(DSLContext dsl) { this.dsl = dsl; }',
        '  public void touch(java.util.List<Long> ids) {',
        '    for (Long id : ids) {',
        '      dsl.update(BOOK).set(BOOK.SEEN, true).where(BOOK.ID.eq(id)).execute();', // 11: per item
        '    }',
        '  }',
        '  public Object lists(long author) {',
        '    var all = dsl.selectFrom(BOOK).fetch();', // 15: every row
        '    var mine = dsl.select(BOOK.ID).from(BOOK).where(BOOK.AUTHOR_ID.eq(author)).fetch();',
        '    var page = dsl.selectFrom(BOOK).orderBy(BOOK.ID).limit(20).fetch();',
        '    var one = dsl.selectFrom(BOOK).fetchAny();',
        '    var n = dsl.selectCount().from(BOOK).fetchOne(0, int.class);',
        '    return java.util.List.of(all, mine, page, one, n);',
        '  }',
        '}',
      ),
      // Not jOOQ: a builder of the project's own with the same words.
      'src/main/java/com/example/Report.java': lines(
        'package com.example;',
        '',
        'public class Report {',
        '  public void run(Query q, java.util.List<String> names) {',
        '    for (String n : names) q.select(n).fetch();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/com/example/BookRepository.java:11:7 dsl.update.set.where.execute [for-each sequential] → -',
      'unbounded-query src/main/java/com/example/BookRepository.java:15:15 dsl.selectFrom.fetch → -',
    ]);
  });
});
