import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * new-api's pricing cache: `GetPricing` refreshes the package's `pricingMap` while it is empty or older than `test`
 * says (under a lock, tested again), through `updatePricing`, which queries and keeps `fill`; a route asks per model.
 */
const service = (test: string, fill: string, header = 'GetPricing()') => ({
  'go.mod': 'module example.com/api\n',
  'main.go': lines(
    'package main',
    '',
    'import (',
    '\t"sync"',
    '\t"time"',
    '',
    '\t"github.com/gin-gonic/gin"',
    '\t"gorm.io/gorm"',
    ')',
    '',
    'var DB *gorm.DB',
    '',
    'type Pricing struct{ ModelName, EnableGroup string }',
    '',
    'type Model struct {',
    '\tModelName    string',
    '\tEnableGroups []string',
    '}',
    '',
    'var (',
    '\tpricingMap         []Pricing',
    '\tlastGetPricingTime time.Time',
    '\tupdatePricingLock  sync.Mutex',
    '\tmodelEnableGroups  = map[string][]string{}',
    ')',
    '',
    'func updatePricing() {',
    '\tvar rows []Pricing',
    '\tDB.Find(&rows)',
    '\tpricingMap = rows',
    '\tfor _, p := range rows {',
    '\t\tmodelEnableGroups[p.ModelName] = append(modelEnableGroups[p.ModelName], p.EnableGroup)',
    '\t}',
    `\t${fill} = time.Now()`,
    '}',
    '',
    `func ${header} []Pricing {`,
    `\tif ${test} {`,
    '\t\tupdatePricingLock.Lock()',
    '\t\tdefer updatePricingLock.Unlock()',
    `\t\tif ${test} {`,
    '\t\t\tupdatePricing()',
    '\t\t}',
    '\t}',
    '\treturn pricingMap',
    '}',
    '',
    'func GetModelEnableGroups(modelName string) []string {',
    `\t${header.startsWith('GetPricing(since') ? 'GetPricing(lastGetPricingTime)' : 'GetPricing()'}`,
    '\treturn modelEnableGroups[modelName]',
    '}',
    '',
    'func main() {',
    '\tr := gin.New()',
    '\tr.GET("/api/models/", func(c *gin.Context) {',
    '\t\tvar models []*Model',
    '\t\tDB.Limit(50).Find(&models)',
    '\t\tfor _, mm := range models {',
    '\t\t\tmm.EnableGroups = GetModelEnableGroups(mm.ModelName)',
    '\t\t}',
    '\t\tc.JSON(200, models)',
    '\t})',
    '\tr.Run(":3000")',
    '}',
  ),
});

describe('Go: a package-level cache refreshed while it is empty or older than a time', () => {
  it("is read at most once per period, not once per item of a loop that asks for it (new-api's GetPricing: if time.Since(lastGetPricingTime) > time.Minute || len(pricingMap) == 0 { updatePricing() })", async () => {
    // (Its whole-table read runs when the cache misses: said so, not on no route.)
    for (const test of ['time.Since(lastGetPricingTime) > time.Minute*1 || len(pricingMap) == 0', 'time.Since(lastGetPricingTime) >= 5*time.Minute']) {
      const f = await joined(service(test, 'lastGetPricingTime'));
      assert.deepEqual(hazardRows(f), ['unbounded-query main.go:29:2 DB.Find → -']);
      assert.deepEqual(
        [...f.values()].flatMap((a) => a.hazards.map((h) => h.tasks)),
        [['updatePricing (result cached, read by GET /api/models/)']],
      );
    }
  });

  it('is still a query per item when nothing keeps the time it was read, or the time is the caller’s own (a parameter)', async () => {
    const perItem = [
      'query-in-loop main.go:59:22 GetModelEnableGroups → GetPricing → updatePricing → DB.Find [for sequential] → GET /api/models/',
      'unbounded-query main.go:29:2 DB.Find → GET /api/models/',
    ];
    assert.deepEqual(hazardRows(await joined(service('time.Since(lastGetPricingTime) > time.Minute || len(pricingMap) == 0', 'lastRead'))), perItem);
    assert.deepEqual(hazardRows(await joined(service('time.Since(since) > time.Minute', 'since', 'GetPricing(since time.Time)'))), perItem);
  });
});
