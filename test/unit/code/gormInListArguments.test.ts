import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('GORM: a Where IN of the caller’s list, written or given otherwise', () => {
  it("bounds Find as a local list does: a list a method gives (new-api's `Where(\"id IN ?\", channelIds.Items())`), a condition joined with a column name kept in a variable (`Where(commonKeyCol+\" IN ?\", keys)`)", async () => {
    const f = await joined({
      'model/log.go': lines(
        'package model',
        '',
        'import "gorm.io/gorm"',
        '',
        'var DB *gorm.DB',
        '',
        'var commonKeyCol = "`key`"',
        '',
        'type IntSet map[int]struct{}',
        '',
        'func (s IntSet) Items() []int { return nil }',
        '',
        'func load(channelIds IntSet, ids []int) {',
        '\tvar channels []Channel',
        '\tDB.Table("channels").Select("id, name").Where("id IN ?", channelIds.Items()).Find(&channels)',
        '\tvar local []Channel',
        '\tDB.Table("channels").Where("id IN ?", ids).Find(&local)',
        '\tvar options []Option',
        '\tDB.Where(commonKeyCol+" IN ?", []string{"SMTPFrom", "SMTPAccount"}).Find(&options)',
        '\tvar named []Option',
        '\tDB.Where("options." + commonKeyCol + " IN (?)", ids).Find(&named)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('leaves a subquery given for the placeholder, a condition of names alone, and a joined condition that bounds nothing, reported', async () => {
    const f = await joined({
      'model/log.go': lines(
        'package model',
        '',
        'import "gorm.io/gorm"',
        '',
        'var DB *gorm.DB',
        '',
        'var statusCol = "status"',
        '',
        'func load(cond string, v int, userID int) {',
        '\tvar groups []FaceGroup',
        '\tDB.Where("album_id IN (?)", DB.Select("album_id").Table("user_albums").Where("user_id = ?", userID)).Find(&groups)',
        '\tvar byCond []Option',
        '\tDB.Where(cond, v).Find(&byCond)',
        '\tvar enabled []Option',
        '\tDB.Where(statusCol+" = ?", v).Find(&enabled)',
        '\tvar outside []Option',
        '\tDB.Where("id NOT IN ?", Items()).Find(&outside)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query model/log.go:11:2 DB.Where.Find → -',
      'unbounded-query model/log.go:13:2 DB.Where.Find → -',
      'unbounded-query model/log.go:15:2 DB.Where.Find → -',
      'unbounded-query model/log.go:17:2 DB.Where.Find → -',
    ]);
  });
});
