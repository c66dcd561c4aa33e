import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** A gin service whose `markSent` is `loop`, a GORM update retried in a counted loop (review of stop 67, RC-1). */
const service = (loop: string[]) => ({
  'go.mod': 'module example.com/app\n',
  'main.go': lines(
    'package main',
    '',
    'import (',
    '\t"errors"',
    '',
    '\t"github.com/gin-gonic/gin"',
    '\t"gorm.io/gorm"',
    ')',
    '',
    'var DB *gorm.DB',
    '',
    'type Job struct{ Id, Status int }',
    '',
    'var ErrBusy = errors.New("busy")',
    '',
    'func markSent(tx *gorm.DB, id int) error {',
    ...loop,
    '\treturn ErrBusy',
    '}',
    '',
    'func main() {',
    '\tr := gin.New()',
    '\tr.POST("/sent", func(c *gin.Context) { _ = markSent(DB, c.GetInt("id")) })',
    '\tr.Run(":3000")',
    '}',
  ),
});

const loop = (checks: string[]) => [
  '\tfor attempt := 0; attempt < 5; attempt++ {',
  '\t\tresult := tx.Model(&Job{}).Where("id = ?", id).Update("status", 2)',
  ...checks,
  '\t}',
];

describe('Go: a write retried while RowsAffected says it matched no row (review of stop 67, RC-1)', () => {
  it('is a retry without backoff when no error check leaves the loop (result.Error == nil && RowsAffected == 1: a failing write goes to the next turn)', async () => {
    const rows = hazardRows(await joined(service(loop(['\t\tif result.Error == nil && result.RowsAffected == 1 {', '\t\t\treturn nil', '\t\t}']))));
    assert.deepEqual(rows, ['retry-without-backoff main.go:17:2 tx.Model.Where.Update → POST /sent']);
  });

  it('is none when the write’s error is returned and only a write that matched no row goes round again', async () => {
    const rows = hazardRows(await joined(service(loop(['\t\tif result.Error != nil {', '\t\t\treturn result.Error', '\t\t}', '\t\tif result.RowsAffected == 1 {', '\t\t\treturn nil', '\t\t}']))));
    assert.deepEqual(rows, []);
  });

  it('is none when the error has another name: `dbErr` of a read, `e` given the write’s .Error (review of stop 67, RE-5); a name given something else that goes on is no error check', async () => {
    const named = ['\t\tif dbErr := tx.First(&Job{}, id).Error; dbErr != nil {', '\t\t\treturn dbErr', '\t\t}', '\t\tif e := result.Error; e != nil {', '\t\t\treturn e', '\t\t}', '\t\tif result.RowsAffected == 1 {', '\t\t\treturn nil', '\t\t}'];
    assert.deepEqual(hazardRows(await joined(service(loop(named)))), []);
    const other = ['\t\tif job := result.Statement; job != nil {', '\t\t\treturn nil', '\t\t}', '\t\tif result.Error == nil && result.RowsAffected == 1 {', '\t\t\treturn nil', '\t\t}'];
    assert.deepEqual(hazardRows(await joined(service(loop(other)))), ['retry-without-backoff main.go:17:2 tx.Model.Where.Update → POST /sent']);
  });
});
