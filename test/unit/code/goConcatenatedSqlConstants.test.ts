import { strict as assert } from 'node:assert';
import { goStringConstantsOf } from '../../../src/core/code/routes/goRoutes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * drone writes its SELECTs as constants built of a shared column list and a raw string over several lines:
 * `const queryAll = queryBase + \`⏎FROM users⏎ORDER BY user_login⏎\``, then `queryer.Query(queryAll)`. The constant's
 * SQL is read whole, as a constant of one literal is, and judged the same way.
 */
describe('Go SQL constants built with + of a raw string over several lines', () => {
  const users = lines(
    'package user',
    '',
    'import (',
    '\t"database/sql"',
    '\t"net/http"',
    ')',
    '',
    'var db *sql.DB',
    '',
    'func listUsers(w http.ResponseWriter, r *http.Request) {',
    '\trows, _ := db.Query(queryAll)', // 11: every user
    '\t_ = rows',
    '}',
    '',
    'func findUser(w http.ResponseWriter, r *http.Request) {',
    '\trows, _ := db.Query(queryKey, 1)', // by key
    '\t_ = rows',
    '\trows, _ = db.Query(queryRange)', // one page
    '\t_ = rows',
    '}',
    '',
    'func main() {',
    '\thttp.HandleFunc("GET /users", listUsers)',
    '\thttp.HandleFunc("GET /users/{id}", findUser)',
    '}',
    '',
    'const queryBase = `',
    'SELECT',
    ' user_id',
    ',user_login',
    '`',
    '',
    'const queryAll = queryBase + `',
    'FROM users',
    'ORDER BY user_login',
    '`',
    '',
    'const queryKey = queryBase + `',
    'FROM users',
    'WHERE user_id = :user_id',
    '`',
    '',
    'const queryRange = queryBase + `',
    'FROM users',
    'ORDER BY %s',
    'LIMIT %d',
    '`',
  );

  it('reads the constant whole', () => {
    const constants = goStringConstantsOf(users);
    assert.equal(constants.queryAll, '\nSELECT\n user_id\n,user_login\n\nFROM users\nORDER BY user_login\n');
    assert.equal(constants.queryKey, '\nSELECT\n user_id\n,user_login\n\nFROM users\nWHERE user_id = :user_id\n');
  });

  it('reports the SELECT without LIMIT, not the lookup by key nor the page', async () => {
    const f = await joined({ 'user/user.go': users });
    assert.deepEqual(hazardRows(f), ['unbounded-query user/user.go:11:13 db.Query → GET /users']);
  });
});
