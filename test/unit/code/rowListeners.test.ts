import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('spreadsheet read listeners', () => {
  it("a query in an EasyExcel listener's invoke runs once per row read (youlai-boot's user import); one in doAfterAllAnalysed, or an invoke of another kind of class, does not", async () => {
    const f = await joined({
      'src/main/java/com/youlai/listener/UserImportListener.java': lines(
        'package com.youlai.listener;',
        '',
        'import cn.idev.excel.context.AnalysisContext;',
        'import cn.idev.excel.event.AnalysisEventListener;',
        '',
        'public class UserImportListener extends AnalysisEventListener<UserImportDTO> {',
        '  private final UserRepository userRepository;',
        '',
        '  @Override',
        '  public void invoke(UserImportDTO row, AnalysisContext context) {',
        '    long count = userRepository.countByUsername(row.getUsername());',
        '    if (count == 0) userRepository.save(toUser(row));',
        '  }',
        '',
        '  @Override',
        '  public void doAfterAllAnalysed(AnalysisContext context) {',
        '    userRepository.flush();',
        '  }',
        '}',
      ),
      // An `invoke` of a class that reads no sheet: once per call.
      'src/main/java/com/youlai/handler/Handler.java': lines(
        'package com.youlai.handler;',
        '',
        'public class Handler implements InvocationHandler {',
        '  private final UserRepository userRepository;',
        '  public Object invoke(Object proxy, Method method, Object[] args) {',
        '    return userRepository.countByUsername("x");',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/com/youlai/listener/UserImportListener.java:11:18 userRepository.countByUsername [spreadsheet row listener sequential] → -',
      'query-in-loop src/main/java/com/youlai/listener/UserImportListener.java:12:21 userRepository.save [spreadsheet row listener sequential] → -',
    ]);
    const explanation = [...f.values()].flatMap((a) => a.hazards)[0].explanation;
    assert.match(explanation, /runs in a spreadsheet read listener's invoke: once per row of the sheet/);
  });

  it("a listener extending the project's own base listener (youlai-mall's `extends MyAnalysisEventListener<UserImportDTO>`)", async () => {
    const f = await joined({
      'src/main/java/com/youlai/listener/UserImportListener.java': lines(
        'package com.youlai.listener;',
        '',
        'public class UserImportListener extends MyAnalysisEventListener<UserImportDTO> {',
        '  private final UserRepository userRepository;',
        '  @Override',
        '  public void invoke(UserImportDTO row, AnalysisContext context) {',
        '    userRepository.save(toUser(row));',
        '  }',
        '}',
      ),
      'src/main/java/com/youlai/listener/MyAnalysisEventListener.java': lines(
        'package com.youlai.listener;',
        '',
        'public abstract class MyAnalysisEventListener<T> extends AnalysisEventListener<T> {',
        '  private String msg;',
        '  public abstract String getMsg();',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/com/youlai/listener/UserImportListener.java:7:5 userRepository.save [spreadsheet row listener sequential] → -']);
  });
});
