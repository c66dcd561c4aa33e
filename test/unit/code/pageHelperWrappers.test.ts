import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// mall4cloud's PageUtil (mall4cloud-common-database): `doPage(pageDTO, select)` runs
// `PageHelper.startPage(pageDTO).doSelectPageSerializable(select)`, and services hand it their mapper's list as a
// lambda, `PageUtil.doPage(pageDTO, () -> hotSearchMapper.list(dto))`: that select is paged.
const MAPPER = lines(
  'package demo;',
  'import java.util.List;',
  'import org.apache.ibatis.annotations.Mapper;',
  '@Mapper',
  'public interface HotSearchMapper {',
  '  List<HotSearch> list(String title);',
  '}',
);
const XML = lines(
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<mapper namespace="demo.HotSearchMapper">',
  '  <select id="list" resultType="demo.HotSearch">',
  '    select id, title from hot_search order by id desc',
  '  </select>',
  '</mapper>',
);
const PAGE_UTIL = lines(
  'package demo.util;',
  'import com.github.pagehelper.ISelect;',
  'import com.github.pagehelper.PageHelper;',
  'import java.util.List;',
  'public class PageUtil {',
  '  public static <T> List<T> doPage(PageDTO pageDTO, ISelect select) {',
  '    return PageHelper.startPage(pageDTO).doSelectPageSerializable(select).getList();',
  '  }',
  '  public static <T> List<T> doPage2(PageDTO pageDTO, ISelect select) {',
  '    Page<T> page = PageHelper.startPage(pageDTO.getPageNum(), pageDTO.getPageSize());',
  '    return page.doSelectPage(select);',
  '  }',
  '  public static void run(PageDTO pageDTO, ISelect select) {',
  '    select.doSelect();',
  '  }',
  '}',
);
const CONTROLLER = lines(
  'package demo;',
  'import demo.util.PageUtil;',
  'import java.util.List;',
  'import org.springframework.web.bind.annotation.*;',
  '@RestController',
  '@RequestMapping("/admin/hot_search")',
  'public class HotSearchController {',
  '  private HotSearchMapper hotSearchMapper;',
  '  @GetMapping("/page")',
  '  public List<HotSearch> page(PageDTO pageDTO, String title) {',
  '    return PageUtil.doPage(pageDTO, () -> hotSearchMapper.list(title));',
  '  }',
  '  @GetMapping("/page2")',
  '  public List<HotSearch> page2(PageDTO pageDTO, String title) {',
  '    return PageUtil.doPage2(pageDTO, () -> hotSearchMapper.list(title));',
  '  }',
  '  @GetMapping("/all")',
  '  public void all(PageDTO pageDTO, String title) {',
  '    PageUtil.run(pageDTO, () -> hotSearchMapper.list(title));',
  '  }',
  '}',
);

describe("PageHelper's startPage in the project's own helper that runs the select it is given", () => {
  it('a lambda handed to a helper that gives it to doSelectPage… after startPage is paged; one handed to a helper that runs it plainly is not', async () => {
    const f = await joined({
      'src/main/java/demo/HotSearchMapper.java': MAPPER,
      'src/main/resources/mapper/HotSearchMapper.xml': XML,
      'src/main/java/demo/util/PageUtil.java': PAGE_UTIL,
      'src/main/java/demo/HotSearchController.java': CONTROLLER,
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query src/main/resources/mapper/HotSearchMapper.xml:3:3 HotSearchMapper.list → GET /admin/hot_search/all']);
  });
});
