import { Router } from 'express';
import { pool } from '../db';

export const ordersRouter = Router();

const INVENTORY_URL = process.env.INVENTORY_URL ?? 'http://localhost:8081';

interface Order {
  id: string;
  status: string;
  created_at: string;
  items?: unknown[];
}

// The storefront's "my orders" page calls this on every visit.
ordersRouter.get('/orders', async (req, res) => {
  const customerId = String(req.query.customer ?? '');
  const { rows: orders } = await pool.query<Order>(
    'SELECT id, status, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50',
    [customerId],
  );
  for (const order of orders) {
    const { rows: items } = await pool.query('SELECT sku, quantity, price_cents FROM order_items WHERE order_id = $1', [
      order.id,
    ]);
    order.items = items;
  }
  res.json(orders);
});

ordersRouter.get('/orders/:id', async (req, res) => {
  const { rows } = await pool.query<Order>('SELECT id, status, created_at FROM orders WHERE id = $1', [req.params.id]);
  if (rows.length === 0) {
    res.status(404).end();
    return;
  }
  res.json(rows[0]);
});

ordersRouter.post('/orders', async (req, res) => {
  const items: { sku: string; quantity: number }[] = req.body.items ?? [];
  // Reserve stock for every line before accepting the order.
  await Promise.all(
    items.map((item) =>
      fetch(`${INVENTORY_URL}/reservations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(item),
        signal: AbortSignal.timeout(2000),
      }),
    ),
  );
  const { rows } = await pool.query<Order>("INSERT INTO orders (status) VALUES ('new') RETURNING id, status, created_at");
  res.status(201).json(rows[0]);
});
