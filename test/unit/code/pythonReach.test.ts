import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: which routes reach a function the handler does not call by name (FastAPI dependencies and middleware,
 * constructors, inherited methods, decorators), joined across files as the CLI does.
 */
describe('Python: what a route reaches besides its handler', function () {
  this.timeout(20_000);

  it('FastAPI: a dependency carried by an Annotated alias (`user: CurrentUser`), of this module or imported, runs on the route', async () => {
    // The shape of Netflix/dispatch: `CurrentUser = Annotated[DispatchUser, Depends(get_current_user)]` in
    // auth/service.py, imported by each views module.
    const f = await joined({
      'app/auth.py': lines(
        'from typing import Annotated',
        'from fastapi import Depends',
        'import requests',
        '',
        'def get_current_user(request):',
        '    return requests.get("https://idp/userinfo")',
        '',
        'CurrentUser = Annotated[dict, Depends(get_current_user)]',
        '',
        'def common(request):',
        '    return requests.get("https://idp/common")',
        '',
        'CommonParameters = Annotated[',
        '    dict[str, int | CurrentUser],',
        '    Depends(common),',
        ']',
      ),
      'app/views.py': lines(
        'from typing import Annotated',
        'from fastapi import APIRouter, Depends',
        'from .auth import CurrentUser, CommonParameters',
        'import requests',
        '',
        'def get_org(request):',
        '    return requests.get("https://orgs/")',
        '',
        'Org = Annotated[str, Depends(get_org)]',
        'router = APIRouter()',
        '',
        '@router.get("/me")',
        'def me(user: CurrentUser, org: Org):',
        '    return user',
        '',
        '@router.get("/list")',
        'def listed(common: CommonParameters, name: str = ""):',
        '    return []',
        '',
        '@router.get("/health")',
        'def health(name: str):',
        '    return {}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout app/auth.py:11:12 requests.get → GET /list',
      'missing-timeout app/auth.py:6:12 requests.get → GET /me',
      'missing-timeout app/views.py:7:12 requests.get → GET /me',
    ]);
  });

  it("FastAPI: include_router(r, dependencies=[Depends(…)]) and an including router's own APIRouter(dependencies=[…]) run on each route of r, across modules", async () => {
    // The shape of dispatch's api.py: `api_router.include_router(authenticated_api_router,
    // dependencies=[Depends(get_current_user)])`, and `APIRouter(prefix="/{organization}", dependencies=[…])`.
    const f = await joined({
      'app/auth.py': lines(
        'import requests',
        '',
        'def get_current_user(request):',
        '    return requests.get("https://idp/userinfo")',
        '',
        'def get_org(request):',
        '    return requests.get("https://orgs/")',
      ),
      'app/items.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter()',
        '',
        '@router.get("/items")',
        'def items():',
        '    return []',
      ),
      'app/api.py': lines(
        'from fastapi import APIRouter, Depends',
        'from .auth import get_current_user, get_org',
        'from .items import router as items_router',
        '',
        'api_router = APIRouter()',
        'org_router = APIRouter(prefix="/{org}", dependencies=[Depends(get_org)])',
        'org_router.include_router(items_router)',
        'api_router.include_router(org_router, dependencies=[Depends(get_current_user)])',
        '',
        '@api_router.get("/health")',
        'def health():',
        '    return {}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout app/auth.py:4:12 requests.get → GET /{org}/items',
      'missing-timeout app/auth.py:7:12 requests.get → GET /{org}/items',
    ]);
  });

  it('FastAPI: the middleware of an app mounted on another of the same module runs on the routes it includes; a third app\'s does not', async () => {
    // The shape of dispatch's main.py: `app`, `frontend` and `api` made there, `@api.middleware("http")`, and
    // `app.mount("/api/v1", app=api)`.
    const f = await joined({
      'app/main.py': lines(
        'import requests',
        'from fastapi import FastAPI',
        'from .items import router',
        '',
        'app = FastAPI()',
        'frontend = FastAPI()',
        'api = FastAPI()',
        '',
        '@api.middleware("http")',
        'async def session(request, call_next):',
        '    requests.get("https://db-proxy/")',
        '    return await call_next(request)',
        '',
        '@frontend.middleware("http")',
        'async def static_headers(request, call_next):',
        '    requests.get("https://cdn/")',
        '    return await call_next(request)',
        '',
        'api.include_router(router)',
        'app.mount("/api/v1", app=api)',
        'app.mount("/", app=frontend)',
      ),
      'app/items.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter()',
        '',
        '@router.get("/items")',
        'def items():',
        '    return []',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((row) => row.startsWith('missing-timeout')),
      ['missing-timeout app/main.py:11:5 requests.get → GET /api/v1/items', 'missing-timeout app/main.py:16:5 requests.get → -'],
    );
  });

  it("Python: a class called through its module (`contexts.ListContext(request)`), or a subclass that inherits `__init__`, runs that `__init__`", async () => {
    // The shape of linkding's views/contexts.py: `class ActiveBookmarkListContext(BookmarkListContext)` with no
    // `__init__` of its own, made as `contexts.ActiveBookmarkListContext(request, search)`.
    const f = await joined({
      'shop/models.py': lines('from django.db import models', '', 'class Tag(models.Model):', '    name = models.CharField(max_length=64)'),
      'shop/contexts.py': lines(
        'from .models import Tag',
        '',
        'class ListContext:',
        '    def __init__(self, request):',
        '        self.tags = [Tag.objects.get(name=n) for n in request.GET.getlist("tag")]',
        '',
        'class ActiveListContext(ListContext):',
        '    pass',
      ),
      'shop/urls.py': lines(
        'from django.http import JsonResponse',
        'from django.urls import path',
        'from . import contexts',
        'from .contexts import ActiveListContext, ListContext',
        '',
        'class LocalContext(ListContext):',
        '    pass',
        '',
        'def a(request):',
        '    return JsonResponse({"n": len(ListContext(request).tags)})',
        '',
        'def b(request):',
        '    return JsonResponse({"n": len(ActiveListContext(request).tags)})',
        '',
        'def c(request):',
        '    return JsonResponse({"n": len(contexts.ListContext(request).tags)})',
        '',
        'def d(request):',
        '    return JsonResponse({"n": len(contexts.ActiveListContext(request).tags)})',
        '',
        'def e(request):',
        '    return JsonResponse({"n": len(LocalContext(request).tags)})',
        '',
        'urlpatterns = [path("a", a), path("b", b), path("c", c), path("d", d), path("e", e)]',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop shop/contexts.py:5:22 Tag.objects.get [comprehension sequential] → ANY a, ANY b, ANY c, ANY d, ANY e']);
  });

  it("Python: a classmethod a model inherits from a mixin of another module (`Group.get_by_id_and_org(…)`) is that mixin's, not another class's of the model's module", async () => {
    // The shape of redash's users handler: `[models.Group.get_by_id_and_org(g, org) for g in group_ids]`, with
    // `class Group(db.Model, BelongsToOrgMixin)` and the classmethod in models/mixins.py.
    const f = await joined({
      'app/mixins.py': lines(
        'class BelongsToOrgMixin:',
        '    @classmethod',
        '    def get_by_id_and_org(cls, object_id, org):',
        '        return cls.query.filter(cls.id == object_id, cls.org == org).one()',
      ),
      'app/models.py': lines(
        'from flask_sqlalchemy import SQLAlchemy',
        'from .mixins import BelongsToOrgMixin',
        '',
        'db = SQLAlchemy()',
        '',
        'class Group(db.Model, BelongsToOrgMixin):',
        '    id = db.Column(db.Integer, primary_key=True)',
      ),
      'app/views.py': lines(
        'from flask import Flask, jsonify, request',
        'from .models import Group',
        '',
        'app = Flask(__name__)',
        '',
        '@app.route("/api/users/<user_id>", methods=["POST"])',
        'def update_user(user_id):',
        '    groups = [Group.get_by_id_and_org(g, "org") for g in request.json["group_ids"]]',
        '    return jsonify(len(groups))',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/views.py:8:15 Group.get_by_id_and_org → cls.query.filter.one [comprehension sequential] → POST /api/users/<user_id>']);
  });

  it("Django: a row read through a reverse relation's manager in a loop (`project.check_set.get(code=k)`) is a query per item; a set's own methods are not, nor its count (which a prefetch answers)", async () => {
    // The shape of healthchecks' api views, which look each check up by its code through the project.
    const f = await joined({
      'hc/models.py': lines(
        'from django.db import models',
        '',
        'class Project(models.Model):',
        '    pass',
        '',
        'class Check(models.Model):',
        '    project = models.ForeignKey(Project, models.CASCADE)',
        '    code = models.UUIDField()',
      ),
      'hc/urls.py': lines(
        'from django.http import JsonResponse',
        'from django.urls import path',
        'from .models import Project',
        '',
        'def assign(request, pk):',
        '    project = Project.objects.get(pk=pk)',
        '    found = [project.check_set.get(code=k) for k in request.POST]',
        '    seen_set = set()',
        '    for k in request.POST:',
        '        seen_set.update(k)',
        // A count, which a prefetch made in a helper answers from its rows (saleor's `warehouse.stock_set.count()`).
        '    for p in Project.objects.all()[:10]:',
        '        p.check_set.count()',
        '    return JsonResponse({"n": len(found)})',
        '',
        'urlpatterns = [path("p/<int:pk>/assign/", assign)]',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop hc/urls.py:7:14 project.check_set.get [comprehension sequential] → ANY p/<int:pk>/assign/']);
  });
});
