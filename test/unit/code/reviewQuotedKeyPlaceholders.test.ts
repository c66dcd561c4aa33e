import { strict as assert } from 'node:assert';
import { selectWithoutLimit } from '../../../src/core/code/hazards/unboundedQueries';

// Review of stop 68 (RB-2): a key compared with a quoted placeholder is a lookup by the caller's value, not by a
// constant: `user_id = '${req.params.id}'` reads one user's rows, as `user_id = $1` does.
describe('a key equal to a quoted placeholder bounds a select; one equal to a quoted constant does not', () => {
  it('placeholders inside quotes: bounded', () => {
    for (const sql of [
      "SELECT * FROM orders WHERE user_id = '${req.params.id}'",
      "SELECT * FROM orders WHERE user_id = '{uid}'",
      "SELECT * FROM orders WHERE user_id = '#{userId}'",
      "SELECT * FROM orders WHERE user_id = '%s'",
      "SELECT * FROM orders WHERE userId = '${id}'",
    ]) {
      assert.equal(selectWithoutLimit(sql), false, sql);
    }
  });

  it('constants inside quotes or bare: unbounded', () => {
    for (const sql of ["SELECT * FROM orders WHERE user_id = 'system'", 'SELECT * FROM categories WHERE parent_id = 0', "SELECT * FROM menus WHERE parentId = '0'"]) {
      assert.equal(selectWithoutLimit(sql), true, sql);
    }
  });
});

// Review of stop 68 (RB-3): a UNION written in a string literal splits nothing.
describe('a UNION inside a quoted string is no branch', () => {
  it("pay_type = 'UNION' and LIKE '%trade union%' with a key: bounded; a real unkeyed branch: unbounded", () => {
    assert.equal(selectWithoutLimit("SELECT * FROM pays WHERE pay_type = 'UNION' AND user_id = #{userId}"), false);
    assert.equal(selectWithoutLimit("SELECT * FROM orgs WHERE name LIKE '%trade union%' AND user_id = ?"), false);
    assert.equal(selectWithoutLimit("SELECT * FROM a WHERE status = 1 UNION SELECT * FROM b WHERE user_id = ?"), true);
  });
});
