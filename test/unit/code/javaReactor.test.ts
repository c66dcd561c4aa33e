import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Reactor's operators run their function once per element of a Flux (`flatMap`, `concatMap`, `flatMapSequential`,
 * `doOnNext`, …): a query there is a query per element, as in a `for` loop (halo's `Flux.fromStream(…).map(this::
 * getListedPost)`, five queries per post). Once on a Mono, which holds one value.
 */
describe('Java: Reactor operators over a Flux are loops', () => {
  it('reports a query per element of a Flux (flatMap in parallel, concatMap in sequence, a method reference too); not per Mono', async () => {
    const f = await joined({
      'src/main/java/x/PostRepository.java': lines(
        'package x;',
        'import org.springframework.data.r2dbc.repository.R2dbcRepository;',
        'import reactor.core.publisher.Mono;',
        'public interface PostRepository extends R2dbcRepository<Post, String> {',
        '    Mono<Post> findByName(String name);',
        '}',
      ),
      'src/main/java/x/PostController.java': lines(
        'package x;',
        'import java.util.List;',
        'import org.springframework.web.bind.annotation.*;',
        'import reactor.core.publisher.Flux;',
        'import reactor.core.publisher.Mono;',
        '',
        '@RestController',
        '@RequestMapping("/posts")',
        'public class PostController {',
        '    private final PostRepository repo;',
        '    public PostController(PostRepository repo) { this.repo = repo; }',
        '',
        '    @GetMapping("/authors")',
        '    public Flux<Post> authors(@RequestParam List<String> ids) {',
        '        return Flux.fromIterable(ids)',
        '                .flatMap(id -> repo.findByName(id));',
        '    }',
        '',
        '    @GetMapping("/ordered")',
        '    public Flux<Post> ordered(@RequestParam List<String> ids) {',
        '        return Flux.fromIterable(ids).concatMap(id -> repo.findByName(id));',
        '    }',
        '',
        '    @GetMapping("/listed")',
        '    public Flux<Post> listed(@RequestParam List<String> ids) {',
        '        return Flux.fromStream(ids.stream()).map(this::load).flatMapSequential(p -> p);',
        '    }',
        '',
        '    @GetMapping("/one")',
        '    public Mono<Post> one(@RequestParam String name) {',
        '        return repo.findByName(name).flatMap(p -> repo.findByName(p.getAuthor()));',
        '    }',
        '',
        '    @GetMapping("/fixed")',
        '    public Flux<Post> fixed() {',
        '        return Flux.just("a", "b").flatMap(n -> repo.findByName(n));',
        '    }',
        '',
        '    private Mono<Post> load(String id) {',
        '        return repo.findByName(id);',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      [
        'query-in-loop src/main/java/x/PostController.java:16:32 repo.findByName [.flatMap() parallel] → GET /posts/authors',
        'query-in-loop src/main/java/x/PostController.java:21:55 repo.findByName [.concatMap() sequential] → GET /posts/ordered',
        'query-in-loop src/main/java/x/PostController.java:26:50 load → repo.findByName [.map() sequential] → GET /posts/listed',
      ],
    );
  });
});
