import os

import asyncpg
import requests
from fastapi import FastAPI, HTTPException

PRICING_URL = os.environ.get("PRICING_URL", "http://localhost:8082")

app = FastAPI()
pool: asyncpg.Pool | None = None


@app.on_event("startup")
async def connect() -> None:
    global pool
    pool = await asyncpg.create_pool(os.environ["DATABASE_URL"])


@app.get("/products")
async def list_products(category: str | None = None):
    async with pool.acquire() as db:
        rows = await db.fetch(
            "SELECT id, name, price_cents FROM products WHERE category = $1 LIMIT 100", category
        )
    products = [dict(r) for r in rows]
    # Prices live in the pricing service: one request per product.
    for product in products:
        resp = requests.get(f"{PRICING_URL}/prices/{product['id']}", timeout=2)
        product["price"] = resp.json()
    return products


@app.get("/products/{product_id}")
async def get_product(product_id: str):
    async with pool.acquire() as db:
        row = await db.fetchrow("SELECT id, name, price_cents FROM products WHERE id = $1", product_id)
    if row is None:
        raise HTTPException(status_code=404)
    return dict(row)


@app.post("/internal/reindex")
async def reindex():
    async with pool.acquire() as db:
        rows = await db.fetch("SELECT id FROM products WHERE stale LIMIT 1000")
        for row in rows:
            await db.execute("UPDATE products SET search_vector = to_tsvector(name) WHERE id = $1", row["id"])
    return {"reindexed": len(rows)}
