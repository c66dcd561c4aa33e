import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/** Workspaces a review of this stop's linking and attribution rules reproduced, each written out whole. */
const WORKSPACES: Record<string, Record<string, string>> = {
  "hooks2svc": {
    "docker-compose.yml": "services:\n  ingest:\n    build: ./ingest\n    environment:\n      DATABASE_URL: postgres://db/x\n  notify:\n    build: ./notify\n    environment:\n      DATABASE_URL: postgres://db/x\n",
    "ingest/Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"uvicorn\",\"app.main:app\"]\n",
    "ingest/app/consumer.py": "import asyncio\nfrom sqlalchemy import select\nfrom app.db import SessionLocal, Eventingest\n\nasync def run_consumer():\n    while True:\n        async with SessionLocal() as session:\n            ids = await fetch_ids_ingest()\n            for i in ids:\n                row = await session.execute(select(Eventingest).where(Eventingest.id == i))\n        await asyncio.sleep(1)\n\nasync def fetch_ids_ingest():\n    return [1, 2]\n",
    "ingest/app/db.py": "from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\nengine = create_async_engine(\"postgresql+asyncpg://db/x\")\nSessionLocal = async_sessionmaker(engine)\nclass Base(DeclarativeBase):\n    pass\nclass Eventingest(Base):\n    __tablename__ = \"ev_ingest\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n",
    "ingest/app/main.py": "import asyncio\nfrom contextlib import asynccontextmanager\nfrom fastapi import FastAPI\nfrom app.consumer import run_consumer\n\n@asynccontextmanager\nasync def lifespan(app):\n    task = asyncio.create_task(run_consumer())\n    yield\n    task.cancel()\n\napp = FastAPI(lifespan=lifespan)\n\n@app.get(\"/ingest/health\")\nasync def health():\n    return {\"ok\": True}\n",
    "notify/Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"uvicorn\",\"app.main:app\"]\n",
    "notify/app/db.py": "from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\nengine = create_async_engine(\"postgresql+asyncpg://db/x\")\nSessionLocal = async_sessionmaker(engine)\nclass Base(DeclarativeBase):\n    pass\nclass Eventnotify(Base):\n    __tablename__ = \"ev_notify\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n",
    "notify/app/main.py": "import asyncio\nfrom contextlib import asynccontextmanager\nfrom fastapi import FastAPI\nfrom app.notifier import run_notifier\n\n@asynccontextmanager\nasync def lifespan(app):\n    task = asyncio.create_task(run_notifier())\n    yield\n    task.cancel()\n\napp = FastAPI(lifespan=lifespan)\n\n@app.get(\"/notify/health\")\nasync def health():\n    return {\"ok\": True}\n",
    "notify/app/notifier.py": "import asyncio\nfrom sqlalchemy import select\nfrom app.db import SessionLocal, Eventnotify\n\nasync def run_notifier():\n    while True:\n        async with SessionLocal() as session:\n            ids = await fetch_ids_notify()\n            for i in ids:\n                row = await session.execute(select(Eventnotify).where(Eventnotify.id == i))\n        await asyncio.sleep(1)\n\nasync def fetch_ids_notify():\n    return [1, 2]\n"
  },
  "goname": {
    "Dockerfile": "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN make build\nFROM gcr.io/distroless/base\nCOPY --from=build /src/bin/shortener /shortener\nENTRYPOINT [\"/shortener\"]\n",
    "Makefile": "build:\n\tgo build -o bin/shortener ./cmd/shortener\n",
    "cmd/shortener/main.go": "package main\n\nimport (\n\t\"net/http\"\n\t\"os\"\n\n\t\"github.com/acme/shortener/internal/httpapi\"\n)\n\nfunc main() {\n\tmux := http.NewServeMux()\n\tmux.Handle(\"/links\", httpapi.Router())\n\tmux.HandleFunc(\"/healthz\", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(\"ok\")) })\n\taddr := os.Getenv(\"SHORTENER_LISTEN\")\n\thttp.ListenAndServe(addr, mux)\n}\n",
    "docker-compose.yml": "services:\n  api:\n    build: .\n    ports: [\"8080:8080\"]\n    environment:\n      DATABASE_URL: postgres://db/x\n",
    "e2e/api/main.go": "// A fake upstream API the end-to-end tests run against.\npackage main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"/fake/ping\", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(\"pong\")) })\n\thttp.ListenAndServe(\":9999\", nil)\n}\n",
    "go.mod": "module github.com/acme/shortener\n\ngo 1.22\n",
    "internal/httpapi/router.go": "package httpapi\n\nimport (\n\t\"database/sql\"\n\t\"net/http\"\n\t\"os\"\n)\n\nvar db *sql.DB\n\nfunc Router() http.Handler {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc(\"/links\", listLinks)\n\treturn mux\n}\n\nfunc listLinks(w http.ResponseWriter, r *http.Request) {\n\tids := r.URL.Query()[\"id\"]\n\tfor _, id := range ids {\n\t\tdb.QueryRow(\"SELECT url FROM links WHERE id = $1\", id)\n\t}\n\t_ = os.Getenv(\"SHORTENER_SECRET\")\n}\n"
  },
  "pyshadow": {
    "Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"gunicorn\",\"app:app\"]\n",
    "app/__init__.py": "from flask import Flask\nfrom app.models import db\nfrom app.views import bp\napp = Flask(__name__)\ndb.init_app(app)\napp.register_blueprint(bp)\n",
    "app/models.py": "from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n\nclass Tenant(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n\nclass TenantSettings(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n    tenant_id = db.Column(db.Integer)\n",
    "app/views.py": "from flask import Blueprint, jsonify\nfrom app.models import Tenant, TenantSettings\n\nbp = Blueprint(\"tenants\", __name__, url_prefix=\"/tenants\")\n\nsettings = None\n_by_tenant = {}\n\n\ndef load_defaults():\n    global settings\n    if settings is None:\n        settings = TenantSettings.query.filter_by(tenant_id=0).first()\n    return settings\n\n\n@bp.route(\"/sync\", methods=[\"POST\"])\ndef sync_tenants():\n    out = []\n    for tenant in Tenant.query.limit(100).all():\n        settings = _by_tenant.get(tenant.id)\n        if settings is None:\n            settings = TenantSettings.query.filter_by(tenant_id=tenant.id).first()\n        out.append(settings.id)\n    return jsonify(out)\n",
    "docker-compose.yml": "services:\n  web:\n    build: .\n    ports: [\"5000:5000\"]\n"
  },
  "acme": {
    "Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"uvicorn\",\"app.main:app\"]\n",
    "acme-mock-api/Dockerfile": "FROM node:20\nCOPY . .\nCMD [\"node\",\"server.js\"]\n",
    "acme-mock-api/package.json": "{\"name\":\"acme-mock-api\",\"dependencies\":{\"express\":\"4\"}}\n",
    "acme-mock-api/server.js": "const express = require('express');\nconst app = express();\napp.get('/mock/orders', (req, res) => res.json([]));\napp.listen(3000);\n",
    "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/orders\")\nasync def orders():\n    return []\n",
    "docker-compose.yml": "services:\n  api:\n    image: ghcr.io/acme/acme-api:latest\n    ports: [\"8000:8000\"]\n"
  }
};

describe('review counter-examples: which service runs the code', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('review-links', WORKSPACES);
  const rows = (r: Awaited<ReturnType<typeof analyse>>) => r.warnings.map((w) => `${w.code} ${w.file}:${w.range.start.line + 1} ${w.service ?? '-'} ${w.route ?? '-'}`);

  it("a task each service's lifespan starts stays that service's, though both hooks are named lifespan", async () => {
    assert.deepEqual(rows(await analyse('hooks2svc')), ['query-in-loop ingest/app/consumer.py:10 ingest -', 'query-in-loop notify/app/notifier.py:10 notify -']);
  });

  it("an e2e suite's fake named like the service is not the command it runs", async () => {
    const r = await analyse('goname');
    assert.deepEqual(r.model.services.find((s) => s.name === 'api')?.codeRoots.map((l) => [l.root, l.excludes ?? []]), [['.', []]]);
    assert.ok(rows(r).some((w) => w.startsWith('env-not-in-recipe cmd/shortener/main.go')), rows(r).join('\n'));
  });

  it('a Python local that shadows a module value is read per call: its query per item stays', async () => {
    assert.deepEqual(rows(await analyse('pyshadow')), ['query-in-loop app/views.py:23 web POST /tenants/sync']);
  });

  it("an image named <workspace>-api is the root's app when the root builds it, not a mock server's folder", async () => {
    const r = await analyse('acme');
    assert.deepEqual(r.model.services.find((s) => s.name === 'api')?.codeRoots.map((l) => l.root), ['.']);
  });
});
