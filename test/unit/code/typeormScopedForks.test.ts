import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A fork of TypeORM published under a scope (`@n8n/typeorm`, which all of n8n imports) is TypeORM: an entity
 * manager's `find(User, { where: { id: In(ids) } })` reads the caller's ids, as it does where `typeorm` is imported,
 * and an unbounded one is said to be TypeORM's, not MongoDB's.
 */
describe('TypeORM forks published under a scope', () => {
  const repository = (from: string): string =>
    lines(
      "import type { EntityManager } from '" + from + "';",
      "import { DataSource, In, Repository } from '" + from + "';",
      "import { User } from '../entities';",
      'export class UserRepository extends Repository<User> {',
      '  constructor(dataSource: DataSource) {',
      '    super(User, dataSource.manager);',
      '  }',
      '  async getByIds(transaction: EntityManager, ids: string[]) {',
      '    return await transaction.find(User, { where: { id: In(ids) } });', // 9: the caller's ids
      '  }',
      '  async everyone(transaction: EntityManager) {',
      '    return await transaction.find(User);', // 12: every row
      '  }',
      '}',
    );

  const unbounded = async (files: Record<string, string>): Promise<string[]> =>
    [...(await joined(files)).values()]
      .flatMap((a) => a.hazards)
      .filter((h) => h.code === 'unbounded-query')
      .map((h) => `${h.file}:${h.range.start.line + 1} ${h.callee} ${/TypeORM|MongoDB/.exec(h.explanation)?.[0] ?? '?'}`)
      .sort();

  it('reads a bounded find as bounded and an unbounded one as TypeORM’s, as with typeorm itself', async () => {
    assert.deepEqual(await unbounded({ 'src/fork.ts': repository('@n8n/typeorm'), 'src/upstream.ts': repository('typeorm') }), [
      'src/fork.ts:12 transaction.find TypeORM',
      'src/upstream.ts:12 transaction.find TypeORM',
    ]);
  });

  it('says a service may reach a database server, as typeorm does, beside an embedded SQLite', async () => {
    const notes = lines(
      "import Database from 'better-sqlite3';",
      "const db = new Database('notes.db');",
      'export class Note {',
      '  static save(n: unknown) {',
      "    return db.prepare('UPDATE notes SET body = ? WHERE id = ?').run(n);",
      '  }',
      '}',
      'export async function touch(ids: string[]) {',
      '  for (const id of ids) Note.save(id);', // 9
      '}',
    );
    const loops = async (other: string): Promise<string[]> => hazardRows(await joined({ 'src/notes.ts': notes, 'src/db.ts': lines(other) }));
    for (const from of ['typeorm', '@n8n/typeorm']) {
      assert.deepEqual(await loops(`import { DataSource } from '${from}';`), ['query-in-loop src/notes.ts:9:25 Note.save [for…of sequential] → -'], from);
    }
    assert.deepEqual(await loops("import { typeormUtils } from '@n8n/typeorm-utils';"), []);
  });

  it('takes no other package of the scope, nor another name ending in typeorm, for TypeORM', async () => {
    assert.deepEqual(await unbounded({ 'src/fork.ts': repository('@n8n/typeorm-utils'), 'src/other.ts': repository('my-typeorm') }), [
      'src/fork.ts:12 transaction.find MongoDB',
      'src/fork.ts:9 transaction.find MongoDB',
      'src/other.ts:12 transaction.find MongoDB',
      'src/other.ts:9 transaction.find MongoDB',
    ]);
  });
});
