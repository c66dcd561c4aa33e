import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const CONTROLLER = 'src/main/java/com/ex/RepoController.java';

const controller = (...body: string[]) =>
  lines(
    'package com.ex;',
    'import org.springframework.web.bind.annotation.*;',
    '@RestController',
    'public class RepoController {',
    '  private final List<RepositoryModel> known = List.of();',
    '  private final RepoRepository repoRepository;',
    ...body,
    '}',
  );

describe("Java: a getter Lombok generates is the class's own, whatever its holder is named", () => {
  it("Jpom's @Data RepositoryModel held as `repository`: its getName is no query, in a lambda or a for-each", async () => {
    const f = await joined({
      'src/main/java/com/ex/RepositoryModel.java': lines('package com.ex;', 'import lombok.Data;', '@Data', 'public class RepositoryModel {', '  private String name;', '}'),
      [CONTROLLER]: controller(
        '  @GetMapping("/repos/names")',
        '  public String names() {',
        '    return known.stream().map(m -> { RepositoryModel repository = m; return repository.getName(); }).collect(Collectors.joining(","));',
        '  }',
        '  @GetMapping("/repos/names2")',
        '  public String names2() {',
        '    StringBuilder sb = new StringBuilder();',
        '    for (RepositoryModel repository : known) sb.append(repository.getName());',
        '    return sb.toString();',
        '  }',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it("a getter of a base class's @Getter, a field's own @Getter (`isActive` for a boolean); a Spring Data repository's getter stays a query", async () => {
    const f = await joined({
      'src/main/java/com/ex/BaseModel.java': lines('package com.ex;', '@lombok.Getter', 'public abstract class BaseModel {', '  private String id;', '}'),
      'src/main/java/com/ex/RepositoryModel.java': lines(
        'package com.ex;',
        'import lombok.Getter;',
        'public class RepositoryModel extends BaseModel {',
        '  @Getter private boolean active;',
        '}',
      ),
      'src/main/java/com/ex/RepoRepository.java': lines('package com.ex;', 'public interface RepoRepository extends JpaRepository<RepositoryModel, String> {', '}'),
      [CONTROLLER]: controller(
        '  @GetMapping("/repos")',
        '  public List<String> ids() {',
        '    List<String> out = new ArrayList<>();',
        '    for (RepositoryModel repository : known) {',
        '      if (repository.isActive()) out.add(repository.getId());',
        '      repoRepository.getReferenceById(repository.getId());',
        '    }',
        '    return out;',
        '  }',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${CONTROLLER}:12:7 repoRepository.getReferenceById [for-each sequential] → GET /repos`,
    ]);
  });
});
