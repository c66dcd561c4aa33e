import { strict as assert } from 'node:assert';
import type { Hazard } from '../../../src/core/code/codeModel';
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

  it("Java: a query in a cache's loader (PowerJob's cache.get(id, () -> repo.findById(id)) inside a try; map.computeIfAbsent(k, …)) runs once per key; the same query outside the loader runs per item", async () => {
    const f = await joined({
      'src/main/java/job/CacheService.java': lines(
        'package job;',
        '@Service',
        'public class CacheService {',
        '    private final JobInfoRepository jobInfoRepository;',
        '    private final Cache<Long, String> jobId2JobNameCache;',
        '    public String getJobName(Long jobId) {',
        '        try {',
        '            return jobId2JobNameCache.get(jobId, () -> jobInfoRepository.findById(jobId).map(JobInfo::getName).orElse(""));',
        '        } catch (Exception e) {',
        '            return null;',
        '        }',
        '    }',
        '    public String liveJobName(Long jobId) { return jobInfoRepository.findById(jobId).map(JobInfo::getName).orElse(""); }',
        '}',
      ),
      'src/main/java/job/InstanceController.java': lines(
        'package job;',
        '@RestController',
        'public class InstanceController {',
        '    private final CacheService cacheService;',
        '    private final JobInfoRepository jobInfoRepository;',
        '    @GetMapping("/instances")',
        '    public List<String> list(@RequestParam List<Long> ids) {',
        '        List<String> out = new ArrayList<>();',
        '        Map<Long, JobInfo> seen = new HashMap<>();',
        '        for (Long id : ids) {',
        '            out.add(cacheService.getJobName(id));',
        '            out.add(cacheService.liveJobName(id));', // 12
        '            seen.computeIfAbsent(id, k -> jobInfoRepository.findById(k).orElse(null));',
        '        }',
        '        return out;',
        '    }',
        '}',
      ),
      'src/main/java/job/JobInfoRepository.java': lines('package job;', 'public interface JobInfoRepository extends JpaRepository<JobInfo, Long> {}'),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/job/InstanceController.java:12:21 cacheService.liveJobName → jobInfoRepository.findById [for-each sequential] → GET /instances']);
  });

  it("JavaScript: a cache's callback runs on every read (memcached.get(key, (err, v) => …)), not only on a miss: a query there is per item", async () => {
    const f = await joined({
      'src/users.js': lines(
        "const { pool } = require('./db');",
        'function load(ids) {',
        '  for (const id of ids) {',
        "    memcached.get('u' + id, (err, v) => { if (!v) pool.query('SELECT * FROM users WHERE id = $1', [id]); });", // 4
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/users.js:4:51 pool.query [for…of sequential] → -']);
  });

  it("JavaScript: a loader that takes nothing, given to a cache's get (vendure's requestContextCache.get(ctx, key, () => …)), runs on a miss of the key only", async () => {
    const f = await joined({
      'src/settings.ts': lines(
        "import { pool } from './db';",
        'export class Settings {',
        '  async load(ctx, ids) {',
        '    for (const id of ids) {',
        "      await this.requestContextCache.get(ctx, 'settings', () => pool.query('SELECT * FROM settings LIMIT 1'));", // 5
        "      await this.requestContextCache.get(ctx, 'row', (key) => pool.query('SELECT * FROM rows WHERE id = $1', [id]));", // 6
        "      await this.cache.get('k' + id, async () => { await pool.query('SELECT * FROM users WHERE id = $1', [id]); });", // 7
        '    }',
        '  }',
        '}',
      ),
    });
    // A callback given the key or the value (line 6) may run on every read.
    assert.deepEqual(hazardRows(f), ['query-in-loop src/settings.ts:6:63 pool.query [for…of sequential] → -']);
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

  it('functions that answer from a cache before they query: Go, TypeScript, Python (also after a docstring and a key shaped from the locale, and read under a lock after the tenant id) and Java; a lookup after the query is not one', async () => {
    const f = await joined({
      'go.mod': 'module files\n',
      'internal/op/role.go': lines(
        'package op',
        '',
        'import "files/internal/db"',
        '',
        'func GetRole(id uint) (*model.Role, error) {',
        '\tkey := fmt.Sprint(id)',
        '\tif r, ok := roleCache.Get(key); ok {',
        '\t\treturn r, nil',
        '\t}',
        '\tr, err := db.GetRole(id)',
        '\troleCache.Set(key, r)',
        '\treturn r, err',
        '}',
        '',
        'func GetUser(id uint) (*model.User, error) {',
        '\tu, err := db.GetUser(id)',
        '\tif cached, ok := userCache.Get(fmt.Sprint(id)); ok {',
        '\t\treturn cached, nil',
        '\t}',
        '\treturn u, err',
        '}',
      ),
      'internal/db/role.go': lines(
        'package db',
        '',
        'func GetRole(id uint) (*model.Role, error) {',
        '\tvar r model.Role',
        '\terr := db.First(&r, id).Error',
        '\treturn &r, err',
        '}',
        '',
        'func GetUser(id uint) (*model.User, error) {',
        '\tvar u model.User',
        '\terr := db.First(&u, id).Error',
        '\treturn &u, err',
        '}',
      ),
      'server/handles/fs.go': lines(
        'package handles',
        '',
        'import "files/internal/op"',
        '',
        'func List(c *gin.Context, ids []uint) {',
        '\tfor _, id := range ids {',
        '\t\top.GetRole(id)',
        '\t\top.GetUser(id)',
        '\t}',
        '}',
      ),
      'src/names.ts': lines(
        "import { pool } from './db';",
        'const cache = new Map<string, string>();',
        'export async function nameOf(id: string): Promise<string> {',
        '  const hit: string | undefined = cache.get(id);',
        '  if (hit !== undefined) return hit;',
        "  const { rows } = await pool.query('SELECT name FROM users WHERE id = $1', [id]);",
        '  cache.set(id, rows[0].name);',
        '  return rows[0].name;',
        '}',
        'export async function titleOf(id: string): Promise<string> {',
        '  if (this.titleCache.has(id)) return this.titleCache.get(id);',
        "  const { rows } = await pool.query('SELECT title FROM posts WHERE id = $1', [id]);",
        '  return rows[0].title;',
        '}',
        'export async function labels(ids: string[]) {',
        '  for (const id of ids) {',
        '    await nameOf(id);',
        '    await titleOf(id);',
        '  }',
        '}',
      ),
      'app/tags.py': lines(
        'from app.models import Tag',
        '_tag_cache = {}',
        'def tag_for(key):',
        '    if key in _tag_cache:',
        '        return _tag_cache[key]',
        '    tag = Tag.objects.get(key=key)',
        '    _tag_cache[key] = tag',
        '    return tag',
        '',
        'def tags_for(keys):',
        '    return [tag_for(k) for k in keys]',
      ),
      // After a docstring and a key shaped from what it is given (wger's load_language).
      'app/languages.py': lines(
        'from django.core.cache import cache',
        'from app.models import Language',
        'def load_language(code=None):',
        '    """Returns the language in use."""',
        "    used = (translation.get_language() if code is None else code).split('-')[0]",
        "    language = cache.get('language-' + used)",
        '    if language:',
        '        return language',
        '    language = Language.objects.get(short_name=used)',
        "    cache.set('language-' + used, language)",
        '    return language',
        '',
        'def filter_languages(codes):',
        '    return [load_language(c) for c in codes]',
      ),
      // Read under a lock, after the tenant's id and a guard (onyx's security settings and cost overrides).
      'app/settings_store.py': lines(
        'import threading',
        'from app.models import Setting, Tag',
        '_CACHE = {}',
        '_CACHE_LOCK = threading.Lock()',
        'def get_settings():',
        '    tenant_id = CURRENT_TENANT_ID.get()',
        '    if tenant_id is None:',
        '        return DEFAULTS',
        '    with _CACHE_LOCK:',
        '        cached = _CACHE.get(tenant_id)',
        '        if cached is not None:',
        '            return cached',
        '        effective = Setting.objects.get(tenant=tenant_id)',
        '        _CACHE[tenant_id] = effective',
        '        return effective',
        '',
        'def get_override(model):',
        '    tenant_id = get_current_tenant_id()',
        '    with _CACHE_LOCK:',
        '        snapshot = _CACHE.get(tenant_id)',
        '        generation = 1',
        '    if snapshot is not None:',
        '        return snapshot',
        '    return Setting.objects.get(tenant=tenant_id, model=model)',
        '',
        'def get_counted(model):',
        '    seen = Setting.objects.filter(model=model).count()',
        '    with _CACHE_LOCK:',
        '        snapshot = _CACHE.get(model)',
        '    if snapshot is not None:',
        '        return snapshot',
        '    return seen',
        '',
        // A store read before the lookup, whatever it is named, is no context read.
        'def get_labelled(key):',
        '    current = Tag.objects.get_current()',
        '    cached = _CACHE.get(key)',
        '    if cached is not None:',
        '        return cached',
        '    return Setting.objects.filter(name=key).first()',
        '',
        'def each(models):',
        '    return [(get_settings(), get_override(m), get_counted(m), get_labelled(m)) for m in models]',
      ),
      'src/main/java/shop/ConfigService.java': lines(
        'package shop;',
        'public class ConfigService {',
        '  private final ConfigRepository repo;',
        '  private final Map<String, Config> configCache = new ConcurrentHashMap<>();',
        '  public Config get(String key) {',
        '    Config cached = configCache.get(key);',
        '    if (cached != null) {',
        '      return cached;',
        '    }',
        '    Config c = repo.findByKey(key);',
        '    configCache.put(key, c);',
        '    return c;',
        '  }',
        '  public void all(List<String> keys) {',
        '    for (String key : keys) {',
        '      get(key);',
        '    }',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      [
        'query-in-loop app/settings_store.py:42:47 get_counted → Setting.objects.filter.count [comprehension sequential] → -',
        'query-in-loop app/settings_store.py:42:63 get_labelled → Setting.objects.filter.first [comprehension sequential] → -',
        'query-in-loop server/handles/fs.go:8:3 op.GetUser → GetUser → db.First [for sequential] → -',
      ],
    );
  });
});

// A cached function runs on a cache miss, not on every request that calls it: what it does is not on the route's path
// (nor multiplied by the route's traffic), but said to be in that function, with the routes that read it.
describe('What a route reads through a cached function', () => {
  const rows = (files: Map<string, { hazards: Hazard[] }>) =>
    [...files.values()].flatMap((a) => a.hazards.map((h) => `${h.code} ${h.file}:${h.range.start.line + 1} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ') || (h.tasks ? `tasks: ${h.tasks.join(', ')}` : '-')}`)).sort();

  it("Java: a @Cacheable service method's whole-table read is in that method, read by the route; an uncached one's is on the route", async () => {
    const f = await joined({
      'src/main/java/geo/RegionService.java': lines(
        'package geo;',
        '@Service',
        'public class RegionService {',
        '    private final RegionRepository regionRepository;',
        '    @Cacheable("regions")',
        '    public List<Region> all() {',
        '        return regionRepository.findAll();', // 7
        '    }',
        '    public List<Region> live() {',
        '        return regionRepository.findAll();', // 10
        '    }',
        '}',
      ),
      'src/main/java/geo/RegionController.java': lines(
        'package geo;',
        '@RestController',
        '@RequestMapping("/regions")',
        'public class RegionController {',
        '    private final RegionService regionService;',
        '    @GetMapping',
        '    public List<Region> list() { return regionService.all(); }',
        '    @GetMapping("/live")',
        '    public List<Region> live() { return regionService.live(); }',
        '}',
      ),
      'src/main/java/geo/RegionRepository.java': lines('package geo;', 'public interface RegionRepository extends JpaRepository<Region, Long> {}'),
    });
    assert.deepEqual(rows(f), [
      'unbounded-query src/main/java/geo/RegionService.java:10 → GET /regions/live',
      'unbounded-query src/main/java/geo/RegionService.java:7 → tasks: RegionService.all (result cached, read by GET /regions)',
    ]);
  });

  it('Python: an @lru_cache helper of another module, beside the same helper without it', async () => {
    const f = await joined({
      'app/settings.py': lines(
        'import functools',
        'from app.models import Setting, Tag',
        '',
        '@functools.lru_cache(maxsize=1)',
        'def site_settings():',
        '    return Setting.query.all()', // 6
        '',
        'def live_settings():',
        '    return Setting.query.all()', // 9
      ),
      'app/views.py': lines(
        'from flask import Blueprint',
        'from app.settings import site_settings, live_settings',
        'views = Blueprint("views", __name__)',
        '',
        '@views.route("/settings")',
        'def settings():',
        '    return {"cached": site_settings(), "live": live_settings()}',
      ),
    });
    assert.deepEqual(rows(f), [
      'unbounded-query app/settings.py:6 → tasks: site_settings (result cached, read by GET /settings)',
      'unbounded-query app/settings.py:9 → GET /settings',
    ]);
  });
});
