import assert from 'node:assert/strict';
import type { Hazard } from '../../../src/core/code/codeModel';
import { joined, lines } from './fixtureWorkspace';

const rows = (files: Map<string, { hazards: Hazard[] }>) =>
  [...files.values()].flatMap((a) => a.hazards.map((h) => `${h.code} ${h.file}:${h.range.start.line + 1} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ') || (h.tasks ? `tasks: ${h.tasks.join(', ')}` : '-')}`)).sort();

/** A class of lilishop's consumer module's shape: `head` is what comes before its body, `method` its listening method. */
const listener = (name: string, head: string, method: string, table: string) =>
  lines(
    'package cn.lili.listener;',
    'import org.apache.rocketmq.common.message.MessageExt;',
    'import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;',
    'import org.apache.rocketmq.spring.core.RocketMQListener;',
    'import org.springframework.jdbc.core.JdbcTemplate;',
    '@Component',
    `${head} {`, // one line or two
    '  private final JdbcTemplate jdbcTemplate;',
    `  ${method} {`,
    `    for (String id : ids(message)) jdbcTemplate.update("DELETE FROM ${table} WHERE id = ?", id);`, // 10, and a line further for each line break of head and method
    '  }',
    '  public void other(List<String> ids) {',
    `    for (String id : ids) jdbcTemplate.update("UPDATE ${table} SET n = 0 WHERE id = ?", id);`, // 13
    '  }',
    '}',
  );

describe('RocketMQ listeners are background tasks', () => {
  it("Java: a @RocketMQMessageListener class's onMessage (RocketMQListener, RocketMQReplyListener), and what it calls in another class (lilishop's OrderMessageListener)", async () => {
    const f = await joined({
      'consumer/src/main/java/cn/lili/listener/OrderMessageListener.java': listener(
        'OrderMessageListener',
        '@RocketMQMessageListener(topic = "${lili.data.rocketmq.order-topic}", consumerGroup = "${lili.data.rocketmq.order-group}")\npublic class OrderMessageListener implements RocketMQListener<MessageExt>',
        '@Override\n  public void onMessage(MessageExt message)',
        'orders',
      ),
      'consumer/src/main/java/cn/lili/listener/PriceListener.java': listener(
        'PriceListener',
        '@org.apache.rocketmq.spring.annotation.RocketMQMessageListener(topic = "price", consumerGroup = "price-group")\npublic class PriceListener implements RocketMQReplyListener<String, String>',
        'public String onMessage(String message)',
        'prices',
      ),
      'consumer/src/main/java/cn/lili/listener/GoodsMessageListener.java': lines(
        'package cn.lili.listener;',
        '@Component',
        '@RocketMQMessageListener(topic = "goods", consumerGroup = "goods-group")',
        'public class GoodsMessageListener implements RocketMQListener<MessageExt> {',
        '  @Autowired',
        '  private GoodsIndexService goodsIndexService;',
        '  @Override',
        '  public void onMessage(MessageExt messageExt) {',
        '    goodsIndexService.reindex(ids(messageExt));',
        '  }',
        '}',
      ),
      'framework/src/main/java/cn/lili/goods/GoodsIndexService.java': lines(
        'package cn.lili.goods;',
        'import org.springframework.jdbc.core.JdbcTemplate;',
        '@Service',
        'public class GoodsIndexService {',
        '  private final JdbcTemplate jdbcTemplate;',
        '  public void reindex(List<String> ids) {',
        '    for (String id : ids) jdbcTemplate.update("UPDATE goods SET indexed = 1 WHERE id = ?", id);', // 7
        '  }',
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'query-in-loop consumer/src/main/java/cn/lili/listener/OrderMessageListener.java:12 → tasks: OrderMessageListener.onMessage (RocketMQ listener)',
      // Not the listening method: nothing calls it.
      'query-in-loop consumer/src/main/java/cn/lili/listener/OrderMessageListener.java:15 → -',
      'query-in-loop consumer/src/main/java/cn/lili/listener/PriceListener.java:11 → tasks: PriceListener.onMessage (RocketMQ listener)',
      'query-in-loop consumer/src/main/java/cn/lili/listener/PriceListener.java:14 → -',
      'query-in-loop framework/src/main/java/cn/lili/goods/GoodsIndexService.java:7 → tasks: GoodsMessageListener.onMessage (RocketMQ listener)',
    ]);
  });

  it("Java: not a class that only implements RocketMQListener (the starter registers the annotated ones), nor another class's onMessage", async () => {
    const f = await joined({
      'src/main/java/shop/Plain.java': listener('Plain', 'public class Plain implements RocketMQListener<MessageExt>', 'public void onMessage(MessageExt message)', 'orders'),
      'src/main/java/shop/Socket.java': listener('Socket', '@RocketMQMessageListener(topic = "t", consumerGroup = "g")\npublic class Socket implements WebSocketHandler', 'public void onMessage(String message)', 'sockets'),
    });
    assert.deepEqual(rows(f), [
      'query-in-loop src/main/java/shop/Plain.java:10 → -',
      'query-in-loop src/main/java/shop/Plain.java:13 → -',
      'query-in-loop src/main/java/shop/Socket.java:11 → -',
      'query-in-loop src/main/java/shop/Socket.java:14 → -',
    ]);
  });
});
