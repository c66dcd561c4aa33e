import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** A gin route reading orders `Where("user_id IN (?)", value)` (review of stop 67, RC-6). */
const service = (value: string) => ({
  'go.mod': 'module example.com/app\n',
  'main.go': lines(
    'package main',
    '',
    'import (',
    '\t"github.com/gin-gonic/gin"',
    '\t"gorm.io/gorm"',
    ')',
    '',
    'var DB *gorm.DB',
    '',
    'type User struct{ Id int; Active bool }',
    'type Order struct{ Id, UserId int }',
    '',
    '// A subquery a helper builds: every active user\'s id.',
    'func activeUserIds(tx *gorm.DB) *gorm.DB {',
    '\treturn tx.Model(&User{}).Select("id").Where("active = ?", true)',
    '}',
    '',
    '// The ids a request names.',
    'func requestedIds(c *gin.Context) []int {',
    '\treturn c.QueryArray("id")',
    '}',
    '',
    'func main() {',
    '\tr := gin.New()',
    '\tr.GET("/orders", func(c *gin.Context) {',
    '\t\tvar orders []Order',
    `\t\tDB.Where("user_id IN (?)", ${value}).Find(&orders)`,
    '\t\tc.JSON(200, orders)',
    '\t})',
    '}',
  ),
});

describe('GORM: Where IN given a call (review of stop 67, RC-6)', () => {
  it('is unbounded when a project function builds the list as a subquery (activeUserIds(DB) returning tx.Model(…).Select("id"))', async () => {
    assert.deepEqual(hazardRows(await joined(service('activeUserIds(DB)'))), ['unbounded-query main.go:27:3 DB.Where.Find → GET /orders']);
  });

  it("is bounded by the caller's list when a function of the package declares a slice result, or a value's method gives it", async () => {
    assert.deepEqual(hazardRows(await joined(service('requestedIds(c)'))), []);
    assert.deepEqual(hazardRows(await joined(service('c.QueryArray("id")'))), []);
  });
});
