import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * typebot's `typebot.edges.find(byId(edgeId))` with `typebot: TypebotInSession`: a type named like a client (its
 * `…Session`) put the type in the holder's place, `TypebotInSession.edges.find`, and the rule that takes any class for a
 * Mongoose model called it a MongoDB find without limit. A member of a typed value is an array there; a model's query is
 * called on its class.
 */
describe('JavaScript: find on a member of a value typed like a client', () => {
  it('is an array search, not a MongoDB find; a model on its class, a module that uses Mongoose and a repository type keep their rules', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.0.0", "@prisma/client": "5.0.0", "mongoose": "8.0.0" } }'),
      'src/flow.ts': lines(
        'type Edge = { id: string; to: string };',
        'type FlowInSession = { id: string; edges: Edge[] };',
        'const byId = (id: string) => (item: { id: string }) => item.id === id;',
        'export const nextEdge = (flow: FlowInSession, edgeId: string) => flow.edges.find(byId(edgeId));', // 4
        'export function firstOf(state: { flow: FlowInSession }) {',
        '  const current: FlowInSession = state.flow;',
        '  return current.edges.find(byId(current.id));', // 7
        '}',
      ),
      'src/product.ts': lines('import mongoose from "mongoose";', 'export const Product = mongoose.model("Product", new mongoose.Schema({}));'),
      // A module that uses Mongoose itself: a member may be a model there.
      'src/models.ts': lines(
        'import mongoose from "mongoose";',
        'type CatalogSession = { products: typeof mongoose.Model };',
        'export const listed = (catalog: CatalogSession) => catalog.products.find({ listed: true });', // 3
      ),
      // A repository's type keeps the repository rule: not only what the model rules say of any class.
      'src/store.ts': lines(
        'export interface OrderRepository { orders: { find(q: object): Promise<object[]> } }',
        'export function openOrders(store: OrderRepository) {',
        '  return store.orders.find({ status: "open" });', // 3
        '}',
      ),
      'src/app.ts': lines(
        'import express from "express";',
        'import { nextEdge, firstOf } from "./flow";',
        'import { Product } from "./product";',
        'const app = express();',
        'app.get("/flows/:id", async (req, res) => {',
        '  res.json([nextEdge(req.body.flow, req.params.id), firstOf(req.body)]);',
        '});',
        'app.get("/products", async (req, res) => {',
        '  res.json(await Product.find({ active: true }));', // 9
        '});',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query src/app.ts:9:18 Product.find → GET /products', 'unbounded-query src/models.ts:3:52 catalog.products.find → -', 'unbounded-query src/store.ts:3:10 store.orders.find → -']);
  });
});
