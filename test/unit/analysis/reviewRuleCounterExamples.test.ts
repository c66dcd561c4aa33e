import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/** Workspaces a second review of this stop's rules reproduced, each written out whole. */
const WORKSPACES: Record<string, Record<string, string>> = {
  "sqlscript-sqlalchemy": {
    "Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"flask\",\"run\"]\n",
    "app.py": "from flask import Flask\nfrom sqlalchemy import create_engine, text\n\napp = Flask(__name__)\nengine = create_engine(\"postgresql://db/app\")\n\n\n@app.post(\"/admin/reset-demo\")\ndef reset_demo():\n    with open(\"demo_seed.sql\") as f:\n        script = f.read()\n    with engine.begin() as conn:\n        for stmt in script.split(\";\"):\n            if stmt.strip():\n                conn.execute(text(stmt))\n    return \"\", 204\n",
    "docker-compose.yml": "services:\n  api:\n    build: .\n    ports: [\"8000:8000\"]\n  db:\n    image: postgres:16\n"
  },
  "sqlscript-go-trim": {
    "Dockerfile": "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n",
    "docker-compose.yml": "services:\n  api:\n    build: .\n    ports: [\"8080:8080\"]\n  db:\n    image: postgres:16\n",
    "go.mod": "module example.com/api\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgithub.com/lib/pq v1.10.9\n)\n",
    "main.go": "package main\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n\t\"os\"\n\t\"strings\"\n\n\t\"github.com/gin-gonic/gin\"\n\t_ \"github.com/lib/pq\"\n)\n\nvar db *sql.DB\n\nfunc resetDemo(c *gin.Context) {\n\tcontent, _ := os.ReadFile(\"schema.sql\")\n\tfor _, s := range strings.Split(string(content), \";\") {\n\t\tif _, err := db.Exec(strings.TrimSpace(s)); err != nil {\n\t\t\tc.AbortWithStatus(500)\n\t\t\treturn\n\t\t}\n\t}\n\tc.Status(204)\n}\n\nfunc installSchema(c *gin.Context) {\n\tcontent, _ := os.ReadFile(\"schema.sql\")\n\tfor _, s := range strings.Split(string(content), \";\") {\n\t\tif _, err := db.ExecContext(context.Background(), s); err != nil {\n\t\t\tc.AbortWithStatus(500)\n\t\t\treturn\n\t\t}\n\t}\n\tc.Status(204)\n}\n\nfunc main() {\n\tdb, _ = sql.Open(\"postgres\", \"\")\n\tr := gin.Default()\n\tr.POST(\"/admin/reset-demo\", resetDemo)\n\tr.POST(\"/admin/install\", installSchema)\n\tr.Run(\":8080\")\n}\n"
  },
  "env-shared-image": {
    "Dockerfile": "FROM node:20\nWORKDIR /app\nCOPY . .\nCMD [\"node\",\"server.js\"]\n",
    "docker-compose.yml": "services:\n  web:\n    build: .\n    command: node server.js\n    ports: [\"3000:3000\"]\n    environment:\n      DATABASE_URL: postgres://db/app\n  worker:\n    build: .\n    command: node worker.js\n    environment:\n      DATABASE_URL: postgres://db/app\n      STRIPE_SECRET_KEY: sk_live_xxx\n  db:\n    image: postgres:16\n",
    "package.json": "{\"name\":\"shop\",\"dependencies\":{\"express\":\"^4\",\"stripe\":\"^14\",\"pg\":\"^8\"}}\n",
    "server.js": "const express = require('express');\nconst Stripe = require('stripe');\nconst app = express();\n\napp.post('/checkout', async (req, res) => {\n  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n  const session = await stripe.checkout.sessions.create({ mode: 'payment' });\n  res.json({ url: session.url });\n});\n\napp.listen(3000);\n",
    "worker.js": "const { Pool } = require('pg');\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });\nsetInterval(() => pool.query('DELETE FROM carts WHERE updated_at < now() - interval \\'1 day\\''), 60000);\n"
  },
  "js-own-sync-models": {
    "Dockerfile": "FROM node:20\nWORKDIR /app\nCOPY . .\nCMD [\"node\",\"dist/index.js\"]\n",
    "docker-compose.yml": "services:\n  api:\n    build: .\n    ports: [\"3000:3000\"]\n",
    "package.json": "{\"name\":\"api\",\"dependencies\":{\"express\":\"^4\",\"better-sqlite3\":\"^9\",\"mongodb\":\"^6\",\"sequelize\":\"^6\"}}\n",
    "src/db.js": "const { MongoClient } = require('mongodb');\nconst client = new MongoClient(process.env.MONGO_URL);\nexports.getDb = () => client.db('app');\n",
    "src/models/Setting.js": "const Database = require('better-sqlite3');\nclass Setting {\n  static findOne(where) {\n    return this.db.prepare('SELECT * FROM settings WHERE key = ?').get(where.key);\n  }\n}\nSetting.db = new Database('app.db');\nmodule.exports = Setting;\n",
    "src/models/Tag.js": "const { getDb } = require('../db');\nclass Tag {\n  static get collection() {\n    return getDb().collection('tags');\n  }\n  static find(query) {\n    return this.collection.find(query).toArray();\n  }\n}\nmodule.exports = Tag;\n",
    "src/server.js": "const express = require('express');\nconst Setting = require('./models/Setting');\nconst Tag = require('./models/Tag');\nconst app = express();\napp.post('/settings/bulk', (req, res) => {\n  const out = {};\n  for (const key of req.body.keys) out[key] = Setting.findOne({ key });\n  res.json(out);\n});\napp.get('/tags', async (req, res) => {\n  res.json(await Tag.find({}));\n});\napp.post('/tags/lookup', async (req, res) => {\n  const out = [];\n  for (const name of req.body.names) out.push(await Tag.find({ name }));\n  res.json(out);\n});\napp.listen(3000);\n"
  },
  "flex-where": {
    "Dockerfile": "FROM eclipse-temurin:17\nCOPY . /app\nCMD [\"java\",\"-jar\",\"/app/app.jar\"]\n",
    "docker-compose.yml": "services:\n  shop:\n    build: .\n    ports: [\"8080:8080\"]\n  db:\n    image: mysql:8\n",
    "pom.xml": "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>shop</artifactId><version>1</version>\n<dependencies><dependency><groupId>com.mybatis-flex</groupId><artifactId>mybatis-flex-spring-boot3-starter</artifactId><version>1.8.0</version></dependency>\n<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.1.0</version></dependency></dependencies></project>\n",
    "src/main/java/com/acme/shop/controller/AccountController.java": "package com.acme.shop.controller;\nimport com.mybatisflex.core.query.QueryWrapper;\nimport com.acme.shop.entity.Account;\nimport com.acme.shop.service.AccountService;\nimport org.springframework.web.bind.annotation.*;\nimport java.util.List;\nimport static com.acme.shop.entity.table.AccountTableDef.ACCOUNT;\n@RestController\n@RequestMapping(\"/accounts\")\npublic class AccountController {\n  private final AccountService accountService;\n  public AccountController(AccountService accountService) { this.accountService = accountService; }\n  @GetMapping(\"/tenant/{tenantId}\")\n  public List<Account> ofTenant(@PathVariable Long tenantId) {\n    QueryWrapper query = new QueryWrapper();\n    query.where(\"tenant_id = ?\", tenantId);\n    return accountService.list(query);\n  }\n}\n",
    "src/main/java/com/acme/shop/entity/Account.java": "package com.acme.shop.entity;\npublic class Account { private Long id; private Integer age; private Long tenantId; }\n",
    "src/main/java/com/acme/shop/mapper/AccountMapper.java": "package com.acme.shop.mapper;\nimport com.mybatisflex.core.BaseMapper;\nimport com.acme.shop.entity.Account;\npublic interface AccountMapper extends BaseMapper<Account> {}\n",
    "src/main/java/com/acme/shop/service/AccountService.java": "package com.acme.shop.service;\nimport com.mybatisflex.core.service.IService;\nimport com.acme.shop.entity.Account;\npublic interface AccountService extends IService<Account> {}\n",
    "src/main/java/com/acme/shop/service/impl/AccountServiceImpl.java": "package com.acme.shop.service.impl;\nimport com.mybatisflex.spring.service.impl.ServiceImpl;\nimport com.acme.shop.entity.Account;\nimport com.acme.shop.mapper.AccountMapper;\nimport com.acme.shop.service.AccountService;\nimport org.springframework.stereotype.Service;\n@Service\npublic class AccountServiceImpl extends ServiceImpl<AccountMapper, Account> implements AccountService {}\n"
  }
};

describe('review counter-examples: script runners, shared variables, own model methods, MyBatis-Flex', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('review-rules', WORKSPACES);
  const rows = async (name: string) =>
    (await analyse(name)).warnings.map(
      (w) => `${w.code} ${w.file}:${w.range.start.line + 1}`,
    );

  it("a script's statements run through SQLAlchemy's text() or a trimmed Go string are set-up, not a query per item", async () => {
    assert.deepEqual(await rows('sqlscript-sqlalchemy'), []);
    assert.deepEqual(await rows('sqlscript-go-trim'), []);
  });

  it("a web and a worker built from one image: the web's own read of a variable only the worker sets is reported", async () => {
    assert.deepEqual(await rows('env-shared-image'), ['env-not-in-recipe server.js:6']);
  });

  it("a model's own static method over better-sqlite3 (this.db.prepare(…).get()) is still a query per item", async () => {
    assert.ok((await rows('js-own-sync-models')).includes('query-in-loop src/server.js:7'));
  });

  it("a MyBatis-Flex QueryWrapper given where(…) is no list without conditions", async () => {
    assert.deepEqual(await rows('flex-where'), []);
  });
});
