import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/** Workspaces a fourth review of this stop's rules reproduced, each written out whole. */
const WORKSPACES: Record<string, Record<string, string>> = {
  "fl1": {
    "Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"gunicorn\",\"app:create_app()\"]\n",
    "app/__init__.py": "from flask import Flask, Blueprint\nfrom app.common import register_common\nfrom app.extensions import csrf\n\napi = Blueprint(\"api\", __name__, url_prefix=\"/api\")\nadmin = Blueprint(\"admin\", __name__, url_prefix=\"/admin\")\n\ndef create_app():\n    app = Flask(__name__)\n    register_common(app)\n    register_common(api)\n    csrf.exempt(api)\n    app.register_blueprint(api)\n    app.register_blueprint(admin)\n    return app\n",
    "app/common.py": "def health():\n    return \"ok\"\n\ndef version():\n    return \"1\"\n\ndef register_common(app):\n    app.add_url_rule(\"/health\", view_func=health)\n    @app.route(\"/version\")\n    def _v():\n        return version()\n",
    "app/extensions.py": "class CSRF:\n    def exempt(self, view):\n        return view\ncsrf = CSRF()\n"
  },
  "hooky": {
    "Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"uvicorn\",\"app.main:app\"]\n",
    "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n@app.get(\"/hooks\")\nasync def hooks():\n    return []\n",
    "deploy/fly.toml": "app = \"hooky-prod\"\nprimary_region = \"ams\"\n\n[build]\n  image = \"registry.fly.io/hooky-prod:latest\"\n\n[http_service]\n  internal_port = 8000\n"
  },
  "sq1": {
    "Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"uvicorn\",\"app.main:app\"]\n",
    "app/main.py": "from fastapi import FastAPI\nfrom sqlalchemy import select, or_\nfrom sqlalchemy.orm import Session\nfrom app.models import Item\n\napp = FastAPI()\nsession = Session()\n\n@app.get(\"/items\")\ndef list_items(user_id: int, is_admin: bool = False):\n    filters = [Item.owner_id == user_id]\n    if is_admin:\n        filters = []\n    stmt = select(Item).where(*filters)\n    return session.execute(stmt).scalars().all()\n\n@app.get(\"/items2\")\ndef list_items2(user_id: int, q: str = \"\"):\n    filters = [Item.owner_id == user_id]\n    if q:\n        filters = [or_(Item.name.ilike(q), Item.owner_id == user_id)]\n    stmt = select(Item).where(*filters)\n    return session.execute(stmt).scalars().all()\n\n@app.get(\"/items3\")\ndef list_items3(user_id: int, q: str = \"\"):\n    filters = []\n    stmt = select(Item).where(*filters)\n    return session.execute(stmt).scalars().all()\n",
    "app/models.py": "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\nclass Base(DeclarativeBase):\n    pass\nclass Item(Base):\n    __tablename__ = \"items\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    owner_id: Mapped[int]\n    name: Mapped[str]\n"
  }
};

describe('review counter-examples: a Flask helper handed the app, a fly.toml of the app\'s own image, conditions set again', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('review-fly-flask', WORKSPACES);
  const routes = async (name: string) => (await analyse(name)).files.flatMap((f) => f.routes.map((r) => `${r.method} ${r.path}`)).sort();

  it('a rules helper handed the app as well as a blueprint keeps its routes at the root', async () => {
    assert.deepEqual(await routes('fl1'), ['GET /health', 'GET /version']);
  });

  it("a fly.toml in a code-less folder deploying registry.fly.io/<app> runs the code above it", async () => {
    const r = await analyse('hooky');
    const s = r.model.services.find((x) => x.name === 'hooky-prod');
    assert.deepEqual(s?.codeRoots.map((l) => l.root), ['.']);
  });

  it('a list of conditions set again on some path (an admin sees every row) bounds no query', async () => {
    const r = await analyse('sq1');
    assert.deepEqual(r.warnings.map((w) => `${w.code} ${w.route}`), ['unbounded-query GET /items', 'unbounded-query GET /items2', 'unbounded-query GET /items3']);
  });
});
