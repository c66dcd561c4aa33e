import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** A helper that reads a key from the database while `test` says it is empty, filling `fill` in that branch. */
const decrypt = (test: string, fill: string, header = 'StringDecrypt(text string)') =>
  lines(
    'package encrypt',
    '',
    'import (',
    '\t"example.com/panel/global"',
    '\t"example.com/panel/model"',
    ')',
    '',
    `func ${header} (string, error) {`,
    `\tif ${test} {`,
    '\t\tvar s model.Setting',
    '\t\tif err := global.DB.Where("key = ?", "EncryptKey").First(&s).Error; err != nil {',
    '\t\t\treturn "", err',
    '\t\t}',
    `\t\t${fill} = s.Value`,
    '\t}',
    '\treturn text + global.CONF.System.EncryptKey, nil',
    '}',
  );

const workspace = (encrypt: string) => ({
  'go.mod': 'module example.com/panel\n',
  'global/global.go': lines('package global', '', 'import "gorm.io/gorm"', '', 'var DB *gorm.DB', '', 'type System struct{ EncryptKey string }', '', 'var CONF struct{ System System }'),
  'model/model.go': lines('package model', '', 'type Setting struct{ Key, Value string }', '', 'type Database struct{ Password string }'),
  'utils/encrypt/encrypt.go': encrypt,
  'main.go': lines(
    'package main',
    '',
    'import (',
    '\t"example.com/panel/global"',
    '\t"example.com/panel/model"',
    '\t"example.com/panel/utils/encrypt"',
    '\t"github.com/gin-gonic/gin"',
    ')',
    '',
    'func list(c *gin.Context) {',
    '\tvar dbs []model.Database',
    '\tglobal.DB.Limit(20).Find(&dbs)',
    '\tfor i := 0; i < len(dbs); i++ {',
    '\t\tpass, _ := encrypt.StringDecrypt(dbs[i].Password)',
    '\t\tdbs[i].Password = pass',
    '\t}',
    '\tc.JSON(200, dbs)',
    '}',
    '',
    'func main() {',
    '\tr := gin.Default()',
    '\tr.GET("/databases", list)',
    '}',
  ),
});

describe('Go: a package-level value read while it is empty, then kept', () => {
  it("is read once, not once per item of a loop that calls the helper (1Panel's StringDecrypt: if len(global.CONF.System.EncryptKey) == 0 { …First…; global.CONF.System.EncryptKey = v })", async () => {
    assert.deepEqual(hazardRows(await joined(workspace(decrypt('len(global.CONF.System.EncryptKey) == 0', 'global.CONF.System.EncryptKey')))), []);
    assert.deepEqual(hazardRows(await joined(workspace(decrypt('global.CONF.System.EncryptKey == ""', 'global.CONF.System.EncryptKey')))), []);
  });

  it('is read once also when the loop is in the same file', async () => {
    const f = await joined({
      'go.mod': 'module example.com/panel\n',
      'main.go': lines(
        'package main',
        '',
        'import "gorm.io/gorm"',
        '',
        'var DB *gorm.DB',
        'var CONF struct{ System struct{ EncryptKey string } }',
        '',
        'func key() string {',
        '\tif len(CONF.System.EncryptKey) == 0 {',
        '\t\tvar s string',
        '\t\tDB.Raw("SELECT value FROM settings WHERE key = ?", "EncryptKey").Scan(&s)',
        '\t\tCONF.System.EncryptKey = s',
        '\t}',
        '\treturn CONF.System.EncryptKey',
        '}',
        '',
        'func all(ids []int) {',
        '\tfor range ids {',
        '\t\t_ = key()',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('is still a query per item when the branch does not keep what it read, or the value is the function’s own (a parameter)', async () => {
    // Tested empty but never filled: read on every call.
    assert.deepEqual(hazardRows(await joined(workspace(decrypt('len(global.CONF.System.EncryptKey) == 0', 'text')))), [
      'query-in-loop main.go:14:14 encrypt.StringDecrypt → global.DB.Where.First [for sequential] → GET /databases',
    ]);
    // A parameter's field, filled anew on each call.
    const own = decrypt('len(cfg.EncryptKey) == 0', 'cfg.EncryptKey', 'StringDecrypt(text string, cfg *global.System)').replace(
      'return text + global.CONF.System.EncryptKey',
      'return text + cfg.EncryptKey',
    );
    const files = workspace(own);
    files['main.go'] = files['main.go'].replace('encrypt.StringDecrypt(dbs[i].Password)', 'encrypt.StringDecrypt(dbs[i].Password, &global.System{})');
    assert.deepEqual(hazardRows(await joined(files)), ['query-in-loop main.go:14:14 encrypt.StringDecrypt → global.DB.Where.First [for sequential] → GET /databases']);
  });
});
