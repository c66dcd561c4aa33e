import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * How a client is held and what it sends: the shapes of real repositories' data and HTTP clients, each with the
 * look-alikes that send nothing.
 */
describe('client shapes (what a call sends, and what it only builds)', function () {
  this.timeout(20_000);

  describe('TypeORM', () => {
    it("a repository's writes wherever it comes from, and one a lower-case data source or another object's hands out (Flowise)", async () => {
      const f = await joined({
        'src/app.ts': lines(
          "import express from 'express';",
          "import { DataSource } from 'typeorm';",
          "import { Chunk } from './entities';",
          '',
          "export const AppDataSource = new DataSource({ type: 'postgres' });",
          'const appDataSource = AppDataSource;',
          'const appServer = { AppDataSource };',
          'const app = express();',
          '',
          "app.post('/chunks', async (req, res) => {",
          '  const chunks: Chunk[] = req.body.chunks;',
          '  const chunkRepository = AppDataSource.getRepository(Chunk);',
          '  for (const c of chunks) await appDataSource.getRepository(Chunk).findOneBy({ id: c.id });', // 13
          '  for (const c of chunks) await AppDataSource.getRepository(Chunk).delete({ id: c.id });', // 14
          "  for (const c of chunks) await AppDataSource.getRepository(Chunk).update({ id: c.id }, { storeId: 's' });", // 15
          '  for (const c of chunks) await appServer.AppDataSource.getRepository(Chunk).find({ where: { name: c.name } });', // 16
          '  for (const c of chunks) await chunkRepository.increment({ id: c.id }, "hits", 1);', // 17
          // Built in memory, and the entity's metadata: no statement.
          '  for (const c of chunks) appDataSource.getRepository(Chunk).create({ id: c.id });',
          '  for (const c of chunks) AppDataSource.getRepository(Chunk).metadata.relations.find((r) => r.propertyName === c.name);',
          "  for (const c of chunks) AppDataSource.getRepository(Chunk).createQueryBuilder('c').delete();",
          '  res.json({});',
          '});',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/app.ts:13:33 appDataSource.getRepository.findOneBy [for…of sequential] → POST /chunks',
        'query-in-loop src/app.ts:14:33 AppDataSource.getRepository.delete [for…of sequential] → POST /chunks',
        'query-in-loop src/app.ts:15:33 AppDataSource.getRepository.update [for…of sequential] → POST /chunks',
        'query-in-loop src/app.ts:16:33 appServer.AppDataSource.getRepository.find [for…of sequential] → POST /chunks',
        'query-in-loop src/app.ts:17:33 chunkRepository.increment [for…of sequential] → POST /chunks',
        'unbounded-query src/app.ts:16:33 appServer.AppDataSource.getRepository.find → POST /chunks',
      ]);
    });
  });

  describe('knex', () => {
    it('a builder kept or collected and only given to another builder, or turned into SQL, sends nothing (teable); one awaited does', async () => {
      const f = await joined({
        'src/app.ts': lines(
          "import express from 'express';",
          "import Knex from 'knex';",
          '',
          "const knex = Knex({ client: 'pg' });",
          'const app = express();',
          '',
          "app.get('/rows', async (req, res) => {",
          '  const ids = req.query.ids as string[];',
          "  const order = knex.raw('(SELECT elem FROM jsonb_array_elements_text(??::jsonb) AS elem) ASC', ['tags']);",
          "  const groupByColumn = knex.raw('(SELECT elem FROM jsonb_array_elements_text(??::jsonb) AS elem)', ['tags']);",
          "  const parts = ids.map((id) => knex.select({ id: knex.raw('?', id) }));",
          "  const counts = ids.map((id) => { const q = knex.count('*').from(id); return q.toQuery(); });",
          "  const sql = knex.select('*').from('items').whereIn('id', knex.unionAll(parts)).orderByRaw(order).countDistinct(groupByColumn).limit(50).toQuery();",
          "  const union = knex.select('id').from('a').unionAll(ids.map((id) => knex.select({ id: knex.raw('?', id) }))).toQuery();",
          "  await knex('items').where({ id: 1 }).update({ tags: knex.raw('(SELECT array_agg(t) FROM tags)') });",
          '  const rows = await knex.raw(sql);',
          // Run: awaited, kept and awaited, built and then awaited.
          "  const all = knex.raw('SELECT * FROM items');", // 17
          '  await all;',
          "  await Promise.all(ids.map((id) => knex('items').where({ id }).update({ seen: true })));", // 19
          "  const each = ids.map((id) => knex.select('*').from('items'));", // 20
          '  await Promise.all(each);',
          '  res.json({ rows, counts, union });',
          '});',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/app.ts:19:37 knex.where.update [.map() parallel] → GET /rows',
        'query-in-loop src/app.ts:20:32 knex.select.from [.map() parallel] → GET /rows',
        'unbounded-query src/app.ts:17:15 knex.raw → GET /rows',
        'unbounded-query src/app.ts:20:32 knex.select.from → GET /rows',
      ]);
    });
  });

  describe('java.net.http', () => {
    it("a request sent without .timeout(…) waits for ever, whatever the client's connectTimeout (Signal-Server's ShortCodeExpander); one built elsewhere is not judged, nor one whose header value holds a `;`", async () => {
      const f = await joined({
        'src/main/java/demo/Shortener.java': lines(
          'package demo;',
          'import java.net.URI;',
          'import java.net.http.HttpClient;',
          'import java.net.http.HttpRequest;',
          'import java.net.http.HttpResponse;',
          'import java.time.Duration;',
          '',
          'public class Shortener {',
          '  // Each request needs its own .timeout(…): connectTimeout bounds only the connection.',
          '  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();',
          '  private final FaultTolerantHttpClient wrapped;',
          '',
          '  public String expand(String code) throws Exception {',
          '    final HttpRequest request = HttpRequest.newBuilder().uri(URI.create("https://s.example/" + code)).GET().build();',
          '    return this.client.send(request, HttpResponse.BodyHandlers.ofString()).body();', // 15
          '  }',
          '',
          '  public String inPlace(String code) throws Exception {',
          '    return client.sendAsync(HttpRequest.newBuilder(URI.create(code)).build(), HttpResponse.BodyHandlers.ofString()).join().body();', // 19
          '  }',
          '',
          '  public String bounded(String code) throws Exception {',
          '    HttpRequest.Builder builder = HttpRequest.newBuilder().uri(URI.create(code));',
          '    builder.timeout(Duration.ofSeconds(5));',
          '    client.send(builder.build(), HttpResponse.BodyHandlers.ofString());',
          '    return client.send(HttpRequest.newBuilder(URI.create(code)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();',
          '  }',
          '',
          '  public String withHeader(String code) throws Exception {',
          '    HttpRequest request = HttpRequest.newBuilder().uri(URI.create(code)).header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(5)).build();',
          '    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();',
          '  }',
          '',
          '  public String elsewhere(HttpRequest given) throws Exception {',
          '    wrapped.send(HttpRequest.newBuilder(URI.create("https://s.example/")).build(), HttpResponse.BodyHandlers.ofString());',
          '    return client.send(given, HttpResponse.BodyHandlers.ofString()).body();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'missing-timeout src/main/java/demo/Shortener.java:15:12 this.client.send → -',
        'missing-timeout src/main/java/demo/Shortener.java:19:12 client.sendAsync → -',
      ]);
    });
  });

  describe('Java async fan-out', () => {
    it('futures mapped into CompletableFuture.allOf, or added to a list it is then given, run in parallel; a list joined one by one does not', async () => {
      const f = await joined({
        'src/main/java/demo/KeysController.java': lines(
          'package demo;',
          'import jakarta.ws.rs.PUT;',
          'import jakarta.ws.rs.Path;',
          'import java.util.ArrayList;',
          'import java.util.List;',
          'import java.util.concurrent.CompletableFuture;',
          'import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;',
          '',
          '@Path("/v1/keys")',
          'public class KeysController {',
          '  private final DynamoDbAsyncClient dynamoDbAsyncClient;',
          '',
          '  @PUT',
          '  @Path("/a")',
          '  public CompletableFuture<Void> storeAll(List<String> keys) {',
          '    return CompletableFuture.allOf(keys.stream()',
          '        .map(k -> dynamoDbAsyncClient.putItem(PutItemRequest.builder().tableName(k).build()))', // 17
          '        .toArray(CompletableFuture[]::new));',
          '  }',
          '',
          '  @PUT',
          '  @Path("/b")',
          '  public CompletableFuture<Void> storeAllList(List<String> keys) {',
          '    final List<CompletableFuture<?>> futures = new ArrayList<>();',
          '    keys.forEach(k -> futures.add(dynamoDbAsyncClient.putItem(PutItemRequest.builder().tableName(k).build())));', // 25
          '    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));',
          '  }',
          '',
          '  @PUT',
          '  @Path("/c")',
          '  public void storeEach(List<String> keys) {',
          '    final List<CompletableFuture<?>> futures = new ArrayList<>();',
          '    for (String k : keys) futures.add(dynamoDbAsyncClient.putItem(PutItemRequest.builder().tableName(k).build()).join());', // 33
          '    keys.stream().map(k -> dynamoDbAsyncClient.putItem(PutItemRequest.builder().tableName(k).build()).join()).toList();', // 34
          '    CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(
        hazardRows(f).filter((row) => row.startsWith('query-in-loop')),
        [
          'query-in-loop src/main/java/demo/KeysController.java:17:19 dynamoDbAsyncClient.putItem [.map() parallel] → PUT /v1/keys/a',
          'query-in-loop src/main/java/demo/KeysController.java:25:35 dynamoDbAsyncClient.putItem [.forEach() parallel] → PUT /v1/keys/b',
          'query-in-loop src/main/java/demo/KeysController.java:33:39 dynamoDbAsyncClient.putItem [for-each sequential] → PUT /v1/keys/c',
          'query-in-loop src/main/java/demo/KeysController.java:34:28 dynamoDbAsyncClient.putItem [.map() sequential] → PUT /v1/keys/c',
        ],
      );
    });
  });
});
