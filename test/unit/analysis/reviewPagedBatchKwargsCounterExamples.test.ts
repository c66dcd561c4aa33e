import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/** Workspaces a review of this stop's Java and Python rules reproduced, each written out whole. */
const WORKSPACES: Record<string, Record<string, string>> = {
  "java_setsize": {
    "pom.xml": "<project><modelVersion>4.0.0</modelVersion><groupId>com.shop</groupId><artifactId>shop</artifactId><version>1</version>\n<dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency></dependencies></project>\n",
    "src/main/java/com/shop/ItemRepository.java": "package com.shop;\nimport org.springframework.data.jpa.repository.JpaRepository;\npublic interface ItemRepository extends JpaRepository<Item, Long> {}\n",
    "src/main/java/com/shop/ItemController.java": "package com.shop;\n\nimport java.util.Iterator;\nimport java.util.List;\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\npublic class ItemController {\n  private final ItemRepository itemRepository;\n\n  public ItemController(ItemRepository itemRepository) { this.itemRepository = itemRepository; }\n\n  @PostMapping(\"/items/import\")\n  public void importItems(@RequestBody List<ItemDto> dtos) {\n    Iterator<ItemDto> it = dtos.iterator();\n    while (it.hasNext()) {\n      ItemDto dto = it.next();\n      Item item = new Item();\n      item.setName(dto.getName());\n      String size = dto.getSize();\n      item.setSize(size);\n      itemRepository.save(item);\n    }\n  }\n}\n"
  },
  "py_record_slices": {
    "requirements.txt": "flask\npsycopg2\n",
    "app.py": "from flask import Flask, request\nimport psycopg2\n\napp = Flask(__name__)\nconn = psycopg2.connect(\"dbname=x\")\n\n\n@app.post(\"/hashes/check\")\ndef check_hashes():\n    blob = request.get_data().hex()\n    cur = conn.cursor()\n    found = []\n    for i in range(len(blob) // 64):\n        digest = blob[i * 64:(i + 1) * 64]\n        cur.execute(\"SELECT id FROM files WHERE sha256 = %s\", (digest,))\n        found.append(cur.fetchone())\n    return {\"found\": found}\n"
  },
  "js_record_slices": {
    "index.js": "import express from \"express\";\nimport pg from \"pg\";\nconst pool = new pg.Pool();\nconst app = express();\napp.post(\"/records\", express.raw(), async (req, res) => {\n  const buf = req.body;\n  for (let i = 0; i < buf.length / 16; i++) {\n    const uuid = buf.subarray(i * 16, (i + 1) * 16).toString(\"hex\");\n    await pool.query(\"INSERT INTO seen(id) VALUES ($1)\", [uuid]);\n  }\n  res.end();\n});\napp.listen(3000);\n",
    "package.json": "{ \"name\": \"rec\", \"main\": \"index.js\", \"type\": \"module\", \"dependencies\": { \"express\": \"4.18.0\", \"pg\": \"8.0.0\" } }\n"
  },
  "py_kwargs_timeout": {
    "requirements.txt": "flask\nrequests\n",
    "app.py": "from flask import Flask\nimport requests\n\napp = Flask(__name__)\n\n\ndef build(request_kwargs):\n    return request_kwargs\n\n\n@app.get(\"/a\")\ndef a():\n    kw = {\"headers\": {\"x\": \"1\"}}\n    kw.update(timeout=5)\n    return requests.get(\"http://svc/a\", **kw).text\n\n\n@app.get(\"/b\")\ndef b():\n    opts = build(opts={\"timeout\": 5})\n    opts = {\"headers\": {}}\n    return requests.get(\"http://svc/b\", **opts).text\n\n\n@app.get(\"/c\")\ndef c():\n    params = make_params(params={\"timeout\": 5})\n    return requests.get(\"http://svc/c\", **params).text\n"
  }
};

describe('review counter-examples: an entity size setter, fixed-size records, a keyword argument named like a dict', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('review-paged-batch-kwargs', WORKSPACES);
  const warnings = async (name: string) => (await analyse(name)).warnings.map((w) => `${w.code} ${w.file}:${w.range.start.line} ${w.route}`).sort();

  it("an entity's setSize before a save in a loop is no page size: the save per item is reported", async () => {
    assert.deepEqual((await warnings('java_setsize')).filter((w) => w.startsWith('query-in-loop')).length, 1);
  });

  it('a string or buffer cut by the counter times a number is a record per turn, not a batch', async () => {
    assert.equal((await warnings('py_record_slices')).filter((w) => w.startsWith('query-in-loop')).length, 1);
    assert.equal((await warnings('js_record_slices')).filter((w) => w.startsWith('query-in-loop')).length, 1);
  });

  it('a keyword argument named like the dict unpacked is not where the dict gets its value (/a: the timeout kw.update() adds is)', async () => {
    assert.deepEqual((await warnings('py_kwargs_timeout')).filter((w) => w.startsWith('missing-timeout')).map((w) => w.split(' ').pop()), ['/b', '/c']);
  });
});
