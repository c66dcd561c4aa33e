import { strict as assert } from 'node:assert';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, hazardRows, joined, lines } from './fixtureWorkspace';

describe('Spring: application events and @Async methods', () => {
  const files = {
    'src/main/java/shop/OrderController.java': lines(
      'package shop;',
      '@RestController',
      'public class OrderController {',
      '    private final ApplicationEventPublisher publisher;',
      '    private final MailService mail;',
      '    private final LineRepository lines;',
      '    @PostMapping("/orders")',
      '    public void place(@RequestBody Order order) {',
      '        publisher.publishEvent(new OrderPlaced(order));',
      '        OrderAudited audited = new OrderAudited(order);',
      '        publisher.publishEvent(audited);',
      '        mail.sendAll(order);',
      '        audit(order);',
      '    }',
      // Called on its own class, an @Async method skips Spring's proxy: it runs in the request's thread.
      '    @Async',
      '    void audit(Order order) {',
      '        for (Long id : order.getLineIds()) {',
      '            lines.findById(id);', // 18
      '        }',
      '    }',
      '    @DeleteMapping("/orders/{id}")',
      '    public void cancel(@PathVariable Long id) {',
      '        publisher.publishEvent(new OrderCancelled(id));',
      '    }',
      '}',
    ),
    'src/main/java/shop/Listeners.java': lines(
      'package shop;',
      '@Component',
      'public class Listeners {',
      '    private final LineRepository lines;',
      '    @EventListener',
      '    public void onPlaced(OrderPlaced event) {',
      '        for (Long id : event.getLineIds()) {',
      '            lines.findById(id);', // 8
      '        }',
      '    }',
      '    @Async',
      '    @EventListener(OrderAudited.class)',
      '    public void onAudited(OrderAudited event) {',
      '        for (Long id : event.getLineIds()) {',
      '            lines.findById(id);', // 15
      '        }',
      '    }',
      '    @TransactionalEventListener',
      '    public void onShipped(OrderShipped event) {',
      '        for (Long id : event.getLineIds()) {',
      '            lines.findById(id);', // 21: no route publishes it
      '        }',
      '    }',
      '}',
    ),
    'src/main/java/shop/Cancellations.java': lines(
      'package shop;',
      '@Component',
      'public class Cancellations implements ApplicationListener<OrderCancelled> {',
      '    private final LineRepository lines;',
      '    @Override',
      '    public void onApplicationEvent(OrderCancelled event) {',
      '        lines.findAll();', // 7
      '    }',
      '}',
    ),
    'src/main/java/shop/MailService.java': lines(
      'package shop;',
      '@Service',
      'public class MailService {',
      '    private final LineRepository lines;',
      '    @Async',
      '    public void sendAll(Order order) {',
      '        for (Long id : order.getLineIds()) {',
      '            lines.findById(id);', // 8
      '        }',
      '    }',
      '}',
    ),
    'src/main/java/shop/LineRepository.java': lines('package shop;', 'public interface LineRepository extends JpaRepository<Line, Long> {}'),
  };

  it("a published event's listeners run on the publishing request's path; an @Async listener or method runs in the task executor, queued by the route", async () => {
    const f = await joined(files);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/shop/Listeners.java:15:13 lines.findById [for-each sequential] → -',
      'query-in-loop src/main/java/shop/Listeners.java:21:13 lines.findById [for-each sequential] → -',
      'query-in-loop src/main/java/shop/Listeners.java:8:13 lines.findById [for-each sequential] → POST /orders',
      'query-in-loop src/main/java/shop/MailService.java:8:13 lines.findById [for-each sequential] → -',
      'query-in-loop src/main/java/shop/OrderController.java:18:13 lines.findById [for-each sequential] → POST /orders',
      'unbounded-query src/main/java/shop/Cancellations.java:7:9 lines.findAll → DELETE /orders/{id}',
    ]);
    const tasks = [...f.values()].flatMap((a) => a.hazards.filter((h) => h.tasks?.length).map((h) => `${h.file}:${h.range.start.line + 1} ${h.tasks!.join(', ')}`));
    assert.deepEqual(tasks.sort(), [
      'src/main/java/shop/Listeners.java:15 Listeners.onAudited (Spring @Async event listener, queued by POST /orders)',
      'src/main/java/shop/MailService.java:8 MailService.sendAll (Spring @Async method, queued by POST /orders)',
    ]);
  });

  it('an edit that makes a method a listener of an event puts it on the path of the routes that publish it', async () => {
    const index = new CodeIndex(grammars);
    for (const [file, text] of Object.entries(files)) await index.ingest(file, text);
    const rows = () => hazardRows(new Map(index.link().map((a) => [a.file, a]))).filter((r) => r.includes('Listeners.java:21'));
    assert.deepEqual(rows(), ['query-in-loop src/main/java/shop/Listeners.java:21:13 lines.findById [for-each sequential] → -']);
    const listeners = files['src/main/java/shop/Listeners.java'];
    await index.analyzeEdit('src/main/java/shop/Listeners.java', listeners.replace('onShipped(OrderShipped event)', 'onShipped(OrderCancelled event)'));
    assert.deepEqual(rows(), ['query-in-loop src/main/java/shop/Listeners.java:21:13 lines.findById [for-each sequential] → DELETE /orders/{id}']);
  });
});
