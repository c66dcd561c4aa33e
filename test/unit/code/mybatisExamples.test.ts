import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * MyBatis Generator's examples (litemall, mall): `selectByExample(example)` reads the rows its criteria select. Flags
 * (`andDeletedEqualTo(false)`, `andTypeNotEqualTo(b)`), a search or a time window still read the table; a key, a
 * parent's key or the caller's list bounds it, as PageHelper does.
 */
describe('MyBatis Generator: a select by an example and its criteria', () => {
  it('is unbounded with only flags, a search or a window; bounded by a key, a parent key, a list, PageHelper, or an example handed elsewhere', async () => {
    const f = await joined({
      'src/main/java/shop/RegionService.java': lines(
        'package shop;',
        'public class RegionService {',
        '  private RegionMapper regionMapper;',
        '  public List<Region> getAll() {',
        '    RegionExample example = new RegionExample();',
        '    byte b = 4;',
        '    example.or().andTypeNotEqualTo(b).andDeletedEqualTo(false);',
        '    return regionMapper.selectByExample(example);', // 8: every region
        '  }',
        '  public List<Region> byParent(Integer pid) {',
        '    RegionExample example = new RegionExample();',
        '    example.or().andPidEqualTo(pid).andDeletedEqualTo(false);',
        '    return regionMapper.selectByExample(example);',
        '  }',
        '  public List<Region> byIds(List<Integer> ids) {',
        '    RegionExample example = new RegionExample();',
        '    example.or().andIdIn(ids);',
        '    return regionMapper.selectByExample(example);',
        '  }',
        '  public List<Region> search(String name) {',
        '    RegionExample example = new RegionExample();',
        '    RegionExample.Criteria criteria = example.createCriteria();',
        '    if (name != null) criteria.andNameLike("%" + name + "%");',
        '    return regionMapper.selectByExample(example);', // 24: every match
        '  }',
        '  public List<Region> page(int page, int limit) {',
        '    RegionExample example = new RegionExample();',
        '    example.or().andDeletedEqualTo(false);',
        '    PageHelper.startPage(page, limit);',
        '    return regionMapper.selectByExample(example);',
        '  }',
        '  public List<Region> filtered(Filter filter) {',
        '    RegionExample example = new RegionExample();',
        '    filter.apply(example);',
        '    return regionMapper.selectByExample(example);',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query src/main/java/shop/RegionService.java:24:12 regionMapper.selectByExample → -',
      'unbounded-query src/main/java/shop/RegionService.java:8:12 regionMapper.selectByExample → -',
    ]);
  });
});
