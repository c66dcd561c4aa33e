import assert from 'node:assert/strict';
import { javaArgumentFits } from '../../../src/core/code/javaOverloads';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Java overloads of one arity told apart by the arguments' declared types: jshERP's `UserService.getUser(long)` and
 * `getUser(HttpServletRequest)`, `DepotHeadService.getDepotHead(long)` and `getDepotHead(String)`. Calling the one by
 * id put the other's unbounded select on 76 routes.
 */
describe('Java: overloads of one arity picked by the types of the arguments', function () {
  this.timeout(20_000);

  const REPOS = {
    'src/main/java/com/ex/UserRepository.java': lines(
      'package com.ex;',
      'import org.springframework.data.jpa.repository.JpaRepository;',
      'public interface UserRepository extends JpaRepository<User, Long> {}',
    ),
    'src/main/java/com/ex/HeadRepository.java': lines(
      'package com.ex;',
      'import org.springframework.data.jpa.repository.JpaRepository;',
      'public interface HeadRepository extends JpaRepository<Head, Long> {}',
    ),
  };

  const SERVICE = lines(
    'package com.ex;',
    'import org.springframework.stereotype.Service;',
    'import javax.servlet.http.HttpServletRequest;',
    'import java.util.List;',
    '@Service',
    'public class UserService {',
    '    private final UserRepository userRepository;',
    '    private final HeadRepository headRepository;',
    '    public UserService(UserRepository userRepository, HeadRepository headRepository) {',
    '        this.userRepository = userRepository;',
    '        this.headRepository = headRepository;',
    '    }',
    '    public User getUser(long id) {',
    '        return userRepository.findById(id).orElse(null);',
    '    }',
    '    public List<User> getUser(HttpServletRequest request) {',
    '        return userRepository.findAll();', // 17
    '    }',
    '    public Head getHead(long id) {',
    '        return headRepository.findById(id).orElse(null);',
    '    }',
    '    public List<Head> getHead(String number) {',
    '        return headRepository.findAll();', // 23
    '    }',
    '    public User current(String header) {',
    '        Long userId = Long.parseLong(header);',
    '        return getUser(userId);',
    '    }',
    '}',
  );

  const controller = (...methods: string[]) =>
    lines(
      'package com.ex;',
      'import org.springframework.web.bind.annotation.*;',
      'import javax.servlet.http.HttpServletRequest;',
      '@RestController',
      '@RequestMapping("/x")',
      'public class XController {',
      '    private final UserService userService;',
      '    public XController(UserService userService) { this.userService = userService; }',
      ...methods,
      '}',
    );

  it('a boxed id, a primitive literal, a String local or literal and a request each run only the overload that takes them', async () => {
    const f = await joined({
      ...REPOS,
      'src/main/java/com/ex/UserService.java': SERVICE,
      'src/main/java/com/ex/XController.java': controller(
        '    @GetMapping("/me")',
        '    public Object me(@RequestHeader("X-User") String header) { return userService.current(header); }',
        '    @GetMapping("/byId")',
        '    public Object byId(@RequestParam("id") Long id) { return userService.getUser(id); }',
        '    @GetMapping("/one")',
        '    public Object one() { return userService.getHead(1); }',
        '    @GetMapping("/all")',
        '    public Object all(HttpServletRequest request) { return userService.getUser(request); }',
        '    @GetMapping("/byNumber")',
        '    public Object byNumber(@RequestParam String number) {',
        '        String linkStr = number.trim();',
        '        return userService.getHead(linkStr);',
        '    }',
        '    @GetMapping("/first")',
        '    public Object first() { return userService.getHead("CG001"); }',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query src/main/java/com/ex/UserService.java:17:16 userRepository.findAll → GET /x/all',
      'unbounded-query src/main/java/com/ex/UserService.java:23:16 headRepository.findAll → GET /x/byNumber, GET /x/first',
    ]);
  });

  it('an argument of no known type, or of a class whose hierarchy is not known, keeps every overload', async () => {
    const f = await joined({
      ...REPOS,
      'src/main/java/com/ex/UserService.java': SERVICE,
      'src/main/java/com/ex/XController.java': controller(
        '    @GetMapping("/creator")',
        '    public Object creator(@RequestParam Long id) { return userService.getUser(userService.getHead(id).getCreator()); }',
        '    @GetMapping("/any")',
        '    public Object any(@RequestParam Object key) { return userService.getHead(key); }',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query src/main/java/com/ex/UserService.java:17:16 userRepository.findAll → GET /x/creator',
      'unbounded-query src/main/java/com/ex/UserService.java:23:16 headRepository.findAll → GET /x/any',
    ]);
  });

  it('compares as Java converts: boxing, widening, final value types against other classes', () => {
    assert.equal(javaArgumentFits('Long', 'long'), true);
    assert.equal(javaArgumentFits('int', 'long'), true);
    assert.equal(javaArgumentFits('Integer', 'long'), true);
    assert.equal(javaArgumentFits('int', 'Long'), false);
    assert.equal(javaArgumentFits('Long', 'HttpServletRequest'), false);
    assert.equal(javaArgumentFits('HttpServletRequest', 'long'), false);
    assert.equal(javaArgumentFits('String', 'long'), false);
    assert.equal(javaArgumentFits('String', 'CharSequence'), true);
    assert.equal(javaArgumentFits('Long', 'Object'), true);
    assert.equal(javaArgumentFits('ArrayList', 'List'), true);
    assert.equal(javaArgumentFits('', 'long'), true);
  });
});
