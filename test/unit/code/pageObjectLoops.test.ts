import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const MAPPER = lines(
  'package demo;',
  'import com.baomidou.mybatisplus.core.mapper.BaseMapper;',
  'public interface GoodsMapper extends BaseMapper<Goods> {}',
);

describe('a table read a page object at a time (MyBatis-Plus IPage, Spring Data Page) is no query per item', () => {
  it("a loop with no condition (`for (int i = 1; ; i++)`, `while (true)`) that stops when the page's records are empty reads pages (lilishop, jeepay); one row per turn, a page per item, a query per record of the page still are", async () => {
    const f = await joined({
      // A counting `for` with no condition in JavaScript: its bounded read is a page per turn (whose end this one
      // does not say: the write beside it stays reported).
      'export.js': lines(
        "const { prisma } = require('./db');",
        'async function exportAll() {',
        '  for (let i = 0; ; i++) {',
        '    const rows = await prisma.item.findMany({ skip: i * 100, take: 100 });',
        '    await prisma.log.create({ data: { n: rows.length } });',
        '    if (rows.length !== 100) break;',
        '  }',
        '}',
      ),
      'src/main/java/demo/GoodsMapper.java': MAPPER,
      'src/main/java/demo/GoodsService.java': lines(
        'package demo;',
        '',
        'import com.baomidou.mybatisplus.core.metadata.IPage;',
        'import com.baomidou.mybatisplus.extension.plugins.pagination.Page;',
        'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
        '',
        'public class GoodsService extends ServiceImpl<GoodsMapper, Goods> {',
        '    private static final int QUERY_PAGE_SIZE = 100;',
        '',
        '    public void reindexFor() {', // 10: lilishop's EsGoodsIndexServiceImpl
        '        for (int i = 1; ; i++) {',
        '            IPage<Goods> page = this.page(new Page<>(i, 1000), new QueryWrapper<>());',
        '            if (page == null || page.getRecords().isEmpty()) {',
        '                break;',
        '            }',
        '            for (Goods g : page.getRecords()) {',
        '                this.getById(g.parentId);', // 17: per record of the page
        '            }',
        '        }',
        '    }',
        '',
        '    public void reindexPageBefore() {', // 22: the page made on the line before
        '        int i = 1;',
        '        while (true) {',
        '            Page<Goods> p = new Page<>(i++, 2000);',
        '            IPage<Goods> skuIPage = this.page(p, new QueryWrapper<>());',
        '            if (skuIPage == null || CollUtil.isEmpty(skuIPage.getRecords())) {',
        '                break;',
        '            }',
        '        }',
        '    }',
        '',
        '    public void reissue() {', // 33: jeepay's PayOrderReissueTask
        '        int currentPageIndex = 1;',
        '        while (true) {',
        '            IPage<Goods> payOrderIPage = this.page(new Page(currentPageIndex, QUERY_PAGE_SIZE), new QueryWrapper<>());',
        '            if (payOrderIPage == null || payOrderIPage.getRecords().isEmpty()) {',
        '                break;',
        '            }',
        '            this.updateBatchById(payOrderIPage.getRecords());', // 40: a write per page
        '            if (payOrderIPage.getPages() <= currentPageIndex) {',
        '                break;',
        '            }',
        '            currentPageIndex++;',
        '        }',
        '    }',
        '',
        '    public void byParams(GoodsSearchParams searchParams) {', // 48: lilishop's GoodsMessageListener
        '        for (int i = 1; ; i++) {',
        '            searchParams.setPageSize(BATCH_SIZE);',
        '            searchParams.setPageNumber(i);',
        '            IPage<Goods> goodsSkuByPage = this.page(PageUtil.initPage(searchParams), searchParams.queryWrapper());',
        '            if (goodsSkuByPage == null || goodsSkuByPage.getRecords().isEmpty()) {',
        '                break;',
        '            }',
        '        }',
        '    }',
        '',
        '    public void oneRowPerTurn(List<String> ids) {', // 59: a row per turn, no page
        '        for (int i = 0; ; i++) {',
        '            Goods g = this.getById(ids.get(i));',
        '            if (g == null) {',
        '                break;',
        '            }',
        '        }',
        '    }',
        '',
        '    public void pagePerItem(List<String> ids) {', // 68: a page per item of a list
        '        for (int i = 0; i < ids.size(); i++) {',
        '            IPage<Goods> page = this.page(new Page<>(1, 100), new QueryWrapper<Goods>().eq("owner", ids.get(i)));',
        '            if (page.getRecords().isEmpty()) {',
        '                break;',
        '            }',
        '        }',
        '    }',
        '',
        '    public void untilLastPage() {', // 77: ended by the count of pages the page gives
        '        long currentPage = 1;',
        '        while (true) {',
        '            IPage<Goods> p = this.page(new Page<>(currentPage, 200), new QueryWrapper<>());',
        '            this.updateBatchById(p.getRecords());',
        '            if (p.getPages() <= currentPage) {',
        '                break;',
        '            }',
        '            currentPage++;',
        '        }',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((row) => row.startsWith('query-in-loop')), [
      'query-in-loop export.js:5:11 prisma.log.create [for sequential] → -',
      'query-in-loop src/main/java/demo/GoodsService.java:17:17 this.getById [for-each sequential] → -',
      'query-in-loop src/main/java/demo/GoodsService.java:61:23 this.getById [for sequential] → -',
      'query-in-loop src/main/java/demo/GoodsService.java:70:33 this.page [for sequential] → -',
    ]);
  });

  it('a page object made in the loop, of a constant size or sized on the parameters it is made from, is one bounded page per turn of a loop that runs to the total; a page of one is not', async () => {
    const f = await joined({
      'src/main/java/demo/GoodsMapper.java': MAPPER,
      'src/main/java/demo/GoodsService.java': lines(
        'package demo;',
        '',
        'import com.baomidou.mybatisplus.core.metadata.IPage;',
        'import com.baomidou.mybatisplus.extension.plugins.pagination.Page;',
        'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
        '',
        'public class GoodsService extends ServiceImpl<GoodsMapper, Goods> {',
        '    private static final int QUERY_PAGE_SIZE = 100;',
        '',
        '    public void toTotal(long pages) {', // 10: a page object made on the line before
        '        long current = 1;',
        '        while (current <= pages) {',
        '            Page<Goods> p = new Page<>(current++, 500);',
        '            this.page(p, new QueryWrapper<>());',
        '        }',
        '    }',
        '',
        '    public void constantSize(long pages) {', // 18: a constant named for a page size
        '        long current = 1;',
        '        while (current <= pages) {',
        '            this.page(new Page<>(current++, QUERY_PAGE_SIZE), new QueryWrapper<>());',
        '        }',
        '    }',
        '',
        '    public void sizedParams(GoodsSearchParams params, long pages) {', // 25: sized on the parameters
        '        long current = 1;',
        '        while (current <= pages) {',
        '            params.setPageNumber(current++);',
        '            params.setPageSize(1000);',
        '            this.page(PageUtil.initPage(params), params.queryWrapper());',
        '        }',
        '    }',
        '',
        '    public void pageOfOne(long pages) {', // 34: one row a turn
        '        long current = 1;',
        '        while (current <= pages) {',
        '            Page<Goods> p = new Page<>(current++, 1);',
        '            this.page(p, new QueryWrapper<>());',
        '        }',
        '    }',
        '',
        '    public void paramsOfOne(GoodsSearchParams params, long pages) {', // 42
        '        long current = 1;',
        '        while (current <= pages) {',
        '            params.setPageNumber(current++);',
        '            params.setPageSize(1);',
        '            this.page(PageUtil.initPage(params), params.queryWrapper());',
        '        }',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((row) => row.startsWith('query-in-loop')), [
      'query-in-loop src/main/java/demo/GoodsService.java:38:13 this.page [while sequential] → -',
      'query-in-loop src/main/java/demo/GoodsService.java:47:13 this.page [while sequential] → -',
    ]);
  });
});
