import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * dub's Intercom integration: `private client: IntercomClient` (intercom-client), then `this.client.contacts.find(…)`,
 * an HTTP request of the SDK, not a MongoDB or ORM model's `find`.
 */
describe("JavaScript: a holder declared as an SDK's client is no model class", () => {
  it('reads no query from a method of its resources, while a model, a repository or a MongoClient still query', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "intercom-client": "6.0.0", "mongoose": "8.0.0", "mongodb": "6.0.0" } }'),
      'lib/intercom.ts': lines(
        'import { IntercomClient } from "intercom-client";',
        'export class Intercom {',
        '  private client: IntercomClient;',
        '  constructor(token: string) { this.client = new IntercomClient({ token }); }',
        '  async getContactById(id: string) {',
        '    return await this.client.contacts.find({ contact_id: id });', // 6
        '  }',
        '  async all() {',
        '    return await this.client.find({ role: "user" });', // 9
        '  }',
        '}',
        'export const intercom = new Intercom("t");',
      ),
      'lib/store.ts': lines(
        'import { MongoClient } from "mongodb";',
        'import { Product } from "./product";',
        'export class Store {',
        '  private client: MongoClient;',
        '  async products() {',
        '    return this.client.db().collection("products").find({}).toArray();', // 6
        '  }',
        '  async models() {',
        '    return Product.find({ active: true });', // 9
        '  }',
        '}',
        'export const store = new Store();',
      ),
      'lib/product.ts': lines('import mongoose from "mongoose";', 'export const Product = mongoose.model("Product", new mongoose.Schema({}));'),
      'app/api/contacts/route.ts': lines(
        'import { intercom } from "../../../lib/intercom";',
        'import { store } from "../../../lib/store";',
        'export async function POST(req: Request) {',
        '  const { ids } = await req.json();',
        '  const out = [];',
        '  for (const id of ids) {',
        '    out.push(await intercom.getContactById(id));', // 7
        '    out.push(await store.products());', // 8
        '  }',
        '  out.push(await intercom.all(), await store.models());',
        '  return Response.json(out);',
        '}',
      ),
    });
    // Not lib/intercom.ts:6 (contacts.find) nor :9 (the client's own find): no unbounded-query, no query-in-loop at :7.
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/api/contacts/route.ts:8:20 store.products → this.client.db.collection.find [for…of sequential] → POST /api/contacts',
      'unbounded-query lib/store.ts:9:12 Product.find → POST /api/contacts',
    ]);
  });

  it("still reads the queries of the project's own wrapper named …Client, imported from a relative path", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.0.0", "mongoose": "8.0.0", "mongodb": "6.0.0" } }'),
      'src/dbClient.ts': lines(
        "import mongoose from 'mongoose';",
        "import { Db, Collection } from 'mongodb';",
        "export const User = mongoose.model('User', new mongoose.Schema({ name: String }));",
        'export class DbClient {',
        '  users = User;',
        '}',
        'export class MongoDbClient {',
        '  constructor(private db: Db) {}',
        "  get orders(): Collection { return this.db.collection('orders'); }",
        '}',
      ),
      'src/service.ts': lines(
        "import { DbClient, MongoDbClient } from './dbClient';",
        'export class UserService {',
        '  private client: DbClient;',
        '  private mongo: MongoDbClient;',
        '  constructor(client: DbClient, mongo: MongoDbClient) { this.client = client; this.mongo = mongo; }',
        '  async all() { return this.client.users.find({ active: true }); }', // 6
        '  async one(id: string) { return this.client.users.findById(id); }', // 7
        '  async orders() { return this.mongo.orders.find({}).toArray(); }', // 8
        '}',
        'export const service = new UserService(new DbClient(), new MongoDbClient(null as any));',
      ),
      'src/app.ts': lines(
        "import express from 'express';",
        "import { service } from './service';",
        'const app = express();',
        "app.get('/users', async (req, res) => res.json(await service.all()));",
        "app.get('/orders', async (req, res) => res.json(await service.orders()));",
        "app.post('/batch', async (req, res) => { const out = []; for (const id of req.body.ids) out.push(await service.one(id)); res.json(out); });",
        'app.listen(3000);',
      ),
    });
    const rows = hazardRows(f);
    assert.ok(rows.some((r) => r.startsWith('unbounded-query src/service.ts:6:')), rows.join('\n'));
    assert.ok(rows.some((r) => r.startsWith('query-in-loop src/app.ts:6:') && r.endsWith('POST /batch')), rows.join('\n'));
  });
});
