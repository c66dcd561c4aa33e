import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/** Java holders named like clients but declared as something else, from a review of this stop's catalogue rules. */
const WORKSPACES: Record<string, Record<string, string>> = {
  "java-redis-named-config": {
    "Dockerfile": "FROM eclipse-temurin:17\nCOPY . /app\nCMD [\"java\",\"-jar\",\"/app/app.jar\"]\n",
    "docker-compose.yml": "services:\n  hub:\n    build: .\n    ports: [\"8080:8080\"]\n",
    "pom.xml": "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>hub</artifactId><version>1</version>\n<dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.1.0</version></dependency></dependencies></project>\n",
    "src/main/java/com/acme/ops/ClusterController.java": "package com.acme.ops;\nimport com.alibaba.fastjson2.JSONObject;\nimport org.springframework.web.bind.annotation.*;\nimport java.util.*;\n@RestController\n@RequestMapping(\"/cluster\")\npublic class ClusterController {\n  @PostMapping(\"/nodes/summary\")\n  public List<String> summary(@RequestBody List<JSONObject> nodes) {\n    List<String> out = new ArrayList<>();\n    for (JSONObject node : nodes) {\n      JSONObject redis = node.getJSONObject(\"redis\");\n      out.add(redis.get(\"host\") + \":\" + redis.get(\"port\"));\n    }\n    return out;\n  }\n  @PostMapping(\"/nodes/summary2\")\n  public List<String> summary2(@RequestBody List<Map<String, Object>> nodes) {\n    List<String> out = new ArrayList<>();\n    for (Map<String, Object> node : nodes) {\n      Map<String, Object> redis = (Map<String, Object>) node.get(\"redis\");\n      out.add(redis.get(\"host\") + \":\" + redis.get(\"port\"));\n    }\n    return out;\n  }\n}\n"
  },
  "hutool-ws-session": {
    "Dockerfile": "FROM eclipse-temurin:17\nCOPY . /app\nCMD [\"java\",\"-jar\",\"/app/app.jar\"]\n",
    "docker-compose.yml": "services:\n  hub:\n    build: .\n    ports: [\"8080:8080\"]\n",
    "pom.xml": "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>hub</artifactId><version>1</version>\n<dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.1.0</version></dependency></dependencies></project>\n",
    "src/main/java/com/acme/ops/ConsoleController.java": "package com.acme.ops;\nimport cn.hutool.db.*;\nimport org.springframework.web.bind.annotation.*;\nimport org.springframework.web.socket.WebSocketSession;\nimport org.springframework.web.socket.TextMessage;\nimport java.util.*;\nimport javax.sql.DataSource;\n@RestController\n@RequestMapping(\"/console\")\npublic class ConsoleController {\n  private final Map<String, WebSocketSession> sessions = new HashMap<>();\n  private DataSource ds;\n  @PostMapping(\"/broadcast\")\n  public int broadcast(@RequestBody String text) throws Exception {\n    int n = 0;\n    for (WebSocketSession session : sessions.values()) {\n      Object user = session.getAttributes().get(\"user\");\n      if (user != null) { session.sendMessage(new TextMessage(text)); n++; }\n    }\n    return n;\n  }\n  @GetMapping(\"/nodes\")\n  public List<Entity> nodes() throws Exception {\n    return Db.use(ds).findAll(\"node\");\n  }\n  @PostMapping(\"/nodes/check\")\n  public int check(@RequestBody List<String> ids) throws Exception {\n    int n = 0;\n    Db db = Db.use(ds);\n    for (String id : ids) n += db.count(Entity.create(\"node\").set(\"id\", id));\n    return n;\n  }\n}\n"
  }
};

describe('review counter-examples: Java holders named like a client', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('review-holders', WORKSPACES);
  const rows = async (name: string) =>
    (await analyse(name)).warnings.map(
      (w) => `${w.code} ${w.file.split('/').pop()}:${w.range.start.line + 1}`,
    );

  it('a JSONObject or Map named redis is read, not sent a Redis command', async () => {
    assert.deepEqual(await rows('java-redis-named-config'), []);
  });

  it("a WebSocketSession's attributes are no Hutool Session query; Hutool's own Db calls still are", async () => {
    const found = await rows('hutool-ws-session');
    assert.ok(!found.some((r) => r.includes(':17')), found.join('\n'));
    assert.equal(found.length, 2, found.join('\n'));
  });
});
