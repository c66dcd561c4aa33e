import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// A memoized function reads its cache after the first call for an argument: a loop calling it is not a query per
// iteration. Each case has the same function without its cache decorator as the control.
describe('Calls in loops to memoized functions (@cache.memoize(), @lru_cache, @Cacheable, @Memoize())', () => {
  it('Python: Flask-Caching and functools, through another file and in the same file', async () => {
    const f = await joined({
      'ctf/utils.py': lines(
        'from ctf.cache import cache',
        'from ctf.models import Configs',
        '',
        '@cache.memoize()',
        'def _get_config(key):',
        '    return Configs.query.filter_by(key=key).first()',
        '',
        'def get_config(key, default=None):',
        '    value = _get_config(key)',
        '    return default if value is None else value',
        '',
        'def get_uncached(key):',
        '    return Configs.query.filter_by(key=key).first()',
      ),
      'ctf/views.py': lines(
        'import functools',
        'from flask import Blueprint',
        'from ctf.models import Users',
        'from ctf.utils import get_config, get_uncached',
        'views = Blueprint("views", __name__)',
        '',
        '@functools.lru_cache(maxsize=256)',
        'def user_name(user_id):',
        '    return Users.query.filter_by(id=user_id).first().name',
        '',
        '@views.route("/scoreboard")',
        'def scoreboard():',
        '    rows = []',
        '    for key in ["a", "b", "c"] + list(range(100)):',
        '        rows.append(get_config(key))',
        '        rows.append(user_name(key))',
        '        rows.append(get_uncached(key))',
        '    return rows',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      ['query-in-loop ctf/views.py:17:21 get_uncached → Configs.query.filter_by.first [for sequential] → GET /scoreboard'],
    );
  });

  it('Java: a @Cacheable service method called per item, beside one without the cache', async () => {
    const f = await joined({
      'src/main/java/shop/PriceService.java': lines(
        'package shop;',
        '@Service',
        'public class PriceService {',
        '    private final PriceRepository prices;',
        '    @Cacheable("prices")',
        '    public Price priceOf(String sku) { return prices.findBySku(sku); }',
        '    public Price livePriceOf(String sku) { return prices.findBySku(sku); }',
        '}',
      ),
      'src/main/java/shop/CartController.java': lines(
        'package shop;',
        '@RestController',
        'public class CartController {',
        '    private final PriceService priceService;',
        '    @GetMapping("/cart")',
        '    public List<Price> cart(@RequestParam List<String> skus) {',
        '        List<Price> out = new ArrayList<>();',
        '        for (String sku : skus) {',
        '            out.add(priceService.priceOf(sku));',
        '            out.add(priceService.livePriceOf(sku));',
        '        }',
        '        return out;',
        '    }',
        '}',
      ),
      'src/main/java/shop/PriceRepository.java': lines('package shop;', 'public interface PriceRepository extends JpaRepository<Price, Long> {', '    Price findBySku(String sku);', '}'),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/shop/CartController.java:10:21 priceService.livePriceOf → prices.findBySku [for-each sequential] → GET /cart']);
  });

  it('TypeScript: a @Memoize() method of the same class, beside one without', async () => {
    const f = await joined({
      'src/rates.controller.ts': lines(
        "import { Controller, Get, Query } from '@nestjs/common';",
        "import { Memoize } from 'typescript-memoize';",
        '@Controller(\'rates\')',
        'export class RatesController {',
        '  @Memoize()',
        '  async rateOf(code: string) {',
        '    const res = await fetch(`https://rates.example/${code}`, { signal: AbortSignal.timeout(1000) });',
        '    return res.json();',
        '  }',
        '  async liveRateOf(code: string) {',
        '    const res = await fetch(`https://rates.example/${code}`, { signal: AbortSignal.timeout(1000) });',
        '    return res.json();',
        '  }',
        '  @Get()',
        '  async all(@Query(\'codes\') codes: string[]) {',
        '    const out = [];',
        '    for (const code of codes) {',
        '      out.push(await this.rateOf(code));',
        '      out.push(await this.liveRateOf(code));',
        '    }',
        '    return out;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop src/rates.controller.ts:19:22 liveRateOf → fetch [for…of sequential] → GET /rates']);
  });
});
