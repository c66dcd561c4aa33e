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
});
