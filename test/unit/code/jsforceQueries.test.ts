import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('jsforce: a Salesforce connection\'s query is a request to Salesforce, not SQL', function () {
  this.timeout(10_000);

  it("usertour: `conn.query('SELECT Name FROM Organization')` on `new jsforce.Connection({ oauth2 })` (or `new Connection` imported from jsforce) is no unbounded-query; in a loop a call-in-loop, not a query-in-loop; a database connection's query in the same module still is", async () => {
    const f = await joined({
      'src/integration.service.ts': lines(
        "import * as jsforce from 'jsforce';",
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        '',
        'export async function organization(code: string) {',
        '  const conn = new jsforce.Connection({ oauth2: new jsforce.OAuth2({ clientId: "x" }) });',
        '  await conn.authorize(code);',
        "  const org = await conn.query<{ Name: string }>('SELECT Name FROM Organization');", // 8
        '  return org.records[0]?.Name;',
        '}',
        '',
        'export async function contacts(ids: string[]) {',
        '  const conn = new jsforce.Connection({ accessToken: "t" });',
        '  for (const id of ids) {',
        "    await conn.query(`SELECT Id FROM Contact WHERE AccountId = '${id}'`);", // 15
        '  }',
        '}',
        '',
        'export async function users() {',
        '  const conn = await pool.connect();',
        "  return conn.query('SELECT * FROM users');", // 21
        '}',
      ),
      'src/named.js': lines(
        "const { Connection } = require('jsforce');",
        'exports.accounts = async (token) => {',
        '  const connection = new Connection({ accessToken: token });',
        "  return connection.query('SELECT Id FROM Account');", // 4
        '};',
      ),
      'src/app.ts': lines(
        "import express from 'express';",
        "import { organization, contacts, users } from './integration.service';",
        "const { accounts } = require('./named');",
        'const app = express();',
        "app.get('/org', async (req, res) => res.json(await organization(String(req.query.code))));",
        "app.get('/contacts', async (req, res) => res.json(await contacts([])));",
        "app.get('/users', async (req, res) => res.json(await users()));",
        "app.get('/accounts', async (req, res) => res.json(await accounts('t')));",
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/integration.service.ts:15:11 conn.query [for…of sequential] → GET /contacts',
      'unbounded-query src/integration.service.ts:21:10 conn.query → GET /users',
    ]);
  });
});
