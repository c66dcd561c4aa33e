import { Router } from 'express';
import { pool } from '../db';

export const adminRouter = Router();

// Run by the finance team once a day.
adminRouter.get('/admin/reports/daily', async (_req, res) => {
  const { rows: stores } = await pool.query('SELECT id, name FROM stores');
  const report = [];
  for (const store of stores) {
    report.push(await totalsFor(store.id));
  }
  res.json(report);
});

async function totalsFor(storeId: string) {
  const { rows } = await pool.query(
    "SELECT count(*) AS orders, sum(total_cents) AS revenue FROM orders WHERE store_id = $1 AND created_at > now() - interval '1 day'",
    [storeId],
  );
  return { storeId, ...rows[0] };
}
