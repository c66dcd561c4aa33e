import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Review counter-example to mall4cloud's PageUtil.doPage: a wrapper overloaded with one that does not page
// (`doPage(String orderBy, ISelect select)` runs `select.doSelect()` after `PageHelper.orderBy`): a lambda handed to the
// overload the call's arguments pick is paged only if that one pages; where the arguments do not tell the overloads
// apart, every overload it may land on must page.
const MAPPER = lines(
  'package com.x;',
  'import java.util.List;',
  'import org.apache.ibatis.annotations.*;',
  '@Mapper',
  'public interface HotMapper {',
  '  @Select("SELECT * FROM hot_search")',
  '  List<Hot> list();',
  '}',
);
const PAGE_UTIL = lines(
  'package com.x;',
  'import com.github.pagehelper.PageHelper;',
  'import com.github.pagehelper.ISelect;',
  'import com.github.pagehelper.Page;',
  'public class PageUtil {',
  '  public static <T> Page<T> doPage(PageDTO dto, ISelect select) {',
  '    return PageHelper.startPage(dto.getPageNum(), dto.getPageSize()).doSelectPage(select);',
  '  }',
  '  /** Not paged: every row, sorted. */',
  '  public static void doPage(String orderBy, ISelect select) {',
  '    PageHelper.orderBy(orderBy);',
  '    select.doSelect();',
  '  }',
  '}',
);
const controller = (...methods: string[]) =>
  lines('package com.x;', 'import org.springframework.web.bind.annotation.*;', '@RestController', 'public class HotController {', '  private HotMapper hotMapper;', ...methods, '}');
const HOT = ['  @GetMapping("/hot")', '  public Object hot(PageDTO dto) { return PageUtil.doPage(dto, () -> hotMapper.list()); }'];
const ALL = ['  @GetMapping("/all")', '  public Object all() { return PageUtil.doPage("id desc", () -> hotMapper.list()); }'];
const UNKNOWN = ['  @GetMapping("/some")', '  public Object some() { return PageUtil.doPage(pageOf(), () -> hotMapper.list()); }'];
const files = (c: string) => ({ 'src/main/java/com/x/HotMapper.java': MAPPER, 'src/main/java/com/x/PageUtil.java': PAGE_UTIL, 'src/main/java/com/x/HotController.java': c });

describe("PageHelper wrappers: a lambda handed to an overload that does not page", () => {
  it('the overload the arguments pick: GET /hot (PageDTO) is paged, GET /all (a String) is not', async () => {
    assert.deepEqual(hazardRows(await joined(files(controller(...HOT, ...ALL)))), ['unbounded-query src/main/java/com/x/HotMapper.java:6:3 HotMapper.list → GET /all']);
    // (The statement itself stays reported, on no route: GET /hot pages it.)
    assert.deepEqual(hazardRows(await joined(files(controller(...HOT)))), ['unbounded-query src/main/java/com/x/HotMapper.java:6:3 HotMapper.list → -']);
  });

  it('arguments that fit both overloads: paged only if both page, so still reported', async () => {
    assert.deepEqual(hazardRows(await joined(files(controller(...HOT, ...UNKNOWN)))), ['unbounded-query src/main/java/com/x/HotMapper.java:6:3 HotMapper.list → GET /some']);
  });
});
