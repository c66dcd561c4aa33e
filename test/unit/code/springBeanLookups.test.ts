import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Spring: a bean looked up from the context, then called', () => {
  it("PowerJob: SpringUtils.getBean(this.getClass()).stopWorkflowInstance(…) is the class's own method, getBean(UserService.class).fetchNotifyUserList(…) that class's: both on the route", async () => {
    const f = await joined({
      'src/main/java/wf/WorkflowInstanceController.java': lines(
        'package wf;',
        '@RestController',
        'public class WorkflowInstanceController {',
        '    private WorkflowInstanceService workflowInstanceService;',
        '    @GetMapping("/wfInstance/stop")',
        '    public void stop(Long id) { workflowInstanceService.stop(id); }',
        '}',
      ),
      'src/main/java/wf/WorkflowInstanceService.java': lines(
        'package wf;',
        '@Service',
        'public class WorkflowInstanceService {',
        '    private WorkflowInstanceRepository repo;',
        '    public void stop(Long id) {',
        '        SpringUtils.getBean(this.getClass()).stopWorkflowInstance(id);',
        '        SpringUtils.getBean(UserService.class).fetchNotifyUserList(List.of(id));',
        '    }',
        '    public void stopWorkflowInstance(Long id) {',
        '        for (Long child : repo.findChildren(id, PageRequest.of(0, 10))) repo.deleteById(child);', // 10
        '    }',
        '}',
      ),
      'src/main/java/wf/UserService.java': lines(
        'package wf;',
        '@Service',
        'public class UserService {',
        '    private UserRepository userRepository;',
        '    public List<User> fetchNotifyUserList(List<Long> ids) {',
        '        List<User> out = new ArrayList<>();',
        '        for (Long id : ids) userRepository.findById(id).ifPresent(out::add);', // 7
        '        return out;',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/wf/UserService.java:7:29 userRepository.findById [for-each sequential] → GET /wfInstance/stop',
      'query-in-loop src/main/java/wf/WorkflowInstanceService.java:10:73 repo.deleteById [for-each sequential] → GET /wfInstance/stop',
    ]);
  });
});
