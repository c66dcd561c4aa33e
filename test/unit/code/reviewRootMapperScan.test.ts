import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Review of stop 68 (RB-4): a @MapperScan of the application's root package takes the interfaces of its mapper and
// DAO packages, not a callback interface elsewhere that a @Bean makes (MyBatis leaves that name to the bean).
describe("a root @MapperScan takes its mapper packages' interfaces only", () => {
  it("com.ex.mapper.UserMapper is a mapper (its list unbounded); com.ex.notify.Notifier is no query per recipient", async () => {
    const f = await joined({
      'src/main/java/com/ex/notify/Notifier.java': lines('package com.ex.notify;', '@FunctionalInterface', 'public interface Notifier {', '    void send(String to, String msg);', '}'),
      'src/main/java/com/ex/mapper/UserMapper.java': lines('package com.ex.mapper;', 'import java.util.List;', 'public interface UserMapper {', '    List<String> emails();', '}'),
      'src/main/resources/mapper/UserMapper.xml': lines(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<mapper namespace="com.ex.mapper.UserMapper">',
        '  <select id="emails" resultType="string">SELECT email FROM users</select>',
        '</mapper>',
      ),
      'src/main/java/com/ex/controller/NotifyController.java': lines(
        'package com.ex.controller;',
        'import com.ex.mapper.UserMapper;',
        'import com.ex.notify.Notifier;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class NotifyController {',
        '    private final UserMapper userMapper;',
        '    private final Notifier notifier;',
        '    public NotifyController(UserMapper userMapper, Notifier notifier) { this.userMapper = userMapper; this.notifier = notifier; }',
        '    @PostMapping("/notify")',
        '    public void notifyAll(@RequestBody String msg) {',
        '        for (String to : userMapper.emails()) {',
        '            notifier.send(to, msg);',
        '        }',
        '    }',
        '}',
      ),
      'src/main/java/com/ex/App.java': lines(
        'package com.ex;',
        'import com.ex.notify.Notifier;',
        'import org.mybatis.spring.annotation.MapperScan;',
        'import org.springframework.boot.autoconfigure.SpringBootApplication;',
        'import org.springframework.context.annotation.Bean;',
        '@SpringBootApplication',
        '@MapperScan("com.ex")',
        'public class App {',
        '    @Bean',
        '    public Notifier notifier() { return (to, msg) -> System.out.println(to + ": " + msg); }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('NotifyController') || r.includes('Notifier')),
      [],
    );
    assert.ok(hazardRows(f).some((r) => r.startsWith('unbounded-query src/main/resources/mapper/UserMapper.xml')), hazardRows(f).join('\n'));
  });
});
