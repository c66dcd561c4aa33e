import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** A gin service whose `claim` function is `loop`, a GORM write retried in a counted loop (new-api's shapes). */
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
    '\t"gorm.io/gorm/clause"',
    ')',
    '',
    'var DB *gorm.DB',
    '',
    'type Redemption struct{ Id, Status, ClaimedUserId int }',
    '',
    'type Claim struct{ UserId, Seq int }',
    '',
    'var ErrExhausted = errors.New("exhausted")',
    '',
    'var _ = clause.OnConflict{}',
    '',
    'func claim(tx *gorm.DB, userId int) error {',
    ...loop,
    '}',
    '',
    'func main() {',
    '\tr := gin.New()',
    '\tr.POST("/claim", func(c *gin.Context) { _ = claim(DB, c.GetInt("id")) })',
    '\tr.Run(":3000")',
    '}',
  ),
});

/** new-api's redemption claim: re-read a free row, update it only if still free, again when another writer took it. */
const optimisticClaim = (onError: string) => [
  '\tfor attempts := 0; attempts < 5; attempts++ {',
  '\t\tvar candidate Redemption',
  '\t\terr := tx.Where("status = 1 AND claimed_user_id = 0").Order("id asc").First(&candidate).Error',
  '\t\tif errors.Is(err, gorm.ErrRecordNotFound) {',
  '\t\t\treturn ErrExhausted',
  '\t\t}',
  '\t\tif err != nil {',
  '\t\t\treturn err',
  '\t\t}',
  '\t\tresult := tx.Model(&Redemption{}).',
  '\t\t\tWhere("id = ? AND claimed_user_id = 0", candidate.Id).',
  '\t\t\tUpdates(map[string]interface{}{"claimed_user_id": userId})',
  '\t\tif result.Error != nil {',
  `\t\t\t${onError}`,
  '\t\t}',
  '\t\tif result.RowsAffected == 1 {',
  '\t\t\treturn nil',
  '\t\t}',
  '\t}',
  '\treturn ErrExhausted',
];

/** new-api's top-up bonus: count, insert the next Seq unless the unique key is taken, again when it was. */
const uniqueSeqClaim = [
  '\tfor attempt := 0; attempt < 4; attempt++ {',
  '\t\tvar used int64',
  '\t\tif err := tx.Model(&Claim{}).',
  '\t\t\tWhere("user_id = ?", userId).Count(&used).Error; err != nil {',
  '\t\t\treturn err',
  '\t\t}',
  '\t\tres := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&Claim{UserId: userId, Seq: int(used) + 1})',
  '\t\tif res.Error != nil {',
  '\t\t\treturn res.Error',
  '\t\t}',
  '\t\tif res.RowsAffected > 0 {',
  '\t\t\treturn nil',
  '\t\t}',
  '\t}',
  '\treturn nil',
];

describe('Go: a loop that writes again only when its write matched no row', () => {
  it("is no retry without backoff (new-api's redemption claim, a conditional Updates checked by RowsAffected; its bonus claim, an OnConflict DoNothing insert)", async () => {
    assert.deepEqual(hazardRows(await joined(service(optimisticClaim('return result.Error')))), []);
    assert.deepEqual(hazardRows(await joined(service(uniqueSeqClaim))), []);
  });

  it('is one when an error goes on to the next turn, or nothing says the write lost', async () => {
    assert.deepEqual(hazardRows(await joined(service(optimisticClaim('continue')))), ['retry-without-backoff main.go:22:2 tx.Where.Order.First → POST /claim']);
    const plain = [
      '\tfor attempt := 0; attempt < 3; attempt++ {',
      '\t\tif err := tx.Create(&Claim{UserId: userId}).Error; err == nil {',
      '\t\t\treturn nil',
      '\t\t}',
      '\t}',
      '\treturn ErrExhausted',
    ];
    assert.deepEqual(hazardRows(await joined(service(plain))), ['retry-without-backoff main.go:22:2 tx.Create → POST /claim']);
  });
});
