import express from 'express';
import { ordersRouter } from './routes/orders';
import { adminRouter } from './routes/admin';

const app = express();
app.use(express.json());
app.use(ordersRouter);
app.use(adminRouter);

app.get('/healthz', (_req, res) => {
  res.send('ok');
});

app.listen(Number(process.env.PORT ?? 8080));
