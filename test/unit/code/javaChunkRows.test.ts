import { strict as assert } from 'node:assert';
import { itemType } from '../../../src/core/code/hazards/batchedLoops';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// PlayEdu's ResourceController.multiDestroy: `resourceService.chunks(ids)` reads the rows of the ids given
// (`List<Resource>`), then one DELETE per row. Named like a chunking helper, but the loop's variable is a row.
const SERVICE = lines(
  'package demo;',
  'import java.util.List;',
  'import com.baomidou.mybatisplus.extension.service.IService;',
  'public interface ResourceService extends IService<Resource> {',
  '  List<Resource> chunks(List<Integer> ids);',
  '  List<List<Integer>> idChunks(List<Integer> ids, int size);',
  '}',
);
const CONTROLLER = lines(
  'package demo;',
  'import java.util.List;',
  'import org.springframework.web.bind.annotation.*;',
  '@RestController',
  '@RequestMapping("/backend/v1/resource")',
  'public class ResourceController {',
  '  private ResourceService resourceService;',
  '  @PostMapping("/destroy-multi")',
  '  public String multiDestroy(@RequestBody List<Integer> ids) {',
  '    List<Resource> resources = resourceService.chunks(ids);',
  '    for (Resource resourceItem : resources) {',
  '      resourceService.removeById(resourceItem.getId());',
  '    }',
  '    for (Resource r : resourceService.chunks(ids)) {',
  '      resourceService.removeById(r.getId());',
  '    }',
  '    return "ok";',
  '  }',
  '  @PostMapping("/destroy-batches")',
  '  public String destroyBatches(@RequestBody List<Integer> ids) {',
  '    for (List<Integer> part : resourceService.idChunks(ids, 500)) {',
  '      resourceService.removeByIds(part);',
  '    }',
  '    return "ok";',
  '  }',
  '}',
);
const FILE = 'src/main/java/demo/ResourceController.java';

describe('Java: a loop whose variable is a row, over what a method named for chunks returns, is a loop over items', () => {
  it('reads the declared type: a class of its own is one item; a list, an array or a batch type is a batch', () => {
    assert.equal(itemType('Resource'), true);
    assert.equal(itemType('com.ex.Resource'), true);
    assert.equal(itemType('Long'), true);
    assert.equal(itemType('List<Long>'), false);
    assert.equal(itemType('Long[]'), false);
    assert.equal(itemType('var'), false);
    assert.equal(itemType('Set<String>'), false);
    assert.equal(itemType('IdBatch'), false);
    assert.equal(itemType(undefined), false);
  });

  it('a query per row of `chunks(ids)` is reported; one per batch of `idChunks(ids, 500)` is not', async () => {
    const f = await joined({
      'src/main/java/demo/Resource.java': lines('package demo;', 'public class Resource {', '  public Integer id;', '}'),
      'src/main/java/demo/ResourceService.java': SERVICE,
      [FILE]: CONTROLLER,
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('query-in-loop')), [
      `query-in-loop ${FILE}:12:7 resourceService.removeById [for-each sequential] → POST /backend/v1/resource/destroy-multi`,
      `query-in-loop ${FILE}:15:7 resourceService.removeById [for-each sequential] → POST /backend/v1/resource/destroy-multi`,
    ]);
  });
});
