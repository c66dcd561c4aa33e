import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: what a route reaches besides what its handler calls by name (a decorator's wrapper), and what a loop over
 * a model's rows does per row, joined across files as the CLI does.
 */
describe('Python: what a route reaches, and what a loop does per row (2)', function () {
  this.timeout(20_000);

  it("a decorator's wrapper (`@authorize`, `@require_permission(…)`), of this module or imported, runs on the routes of each view it decorates; the decorator's own body does not", async () => {
    // The shape of healthchecks's hc/api/decorators.py: `authorize(f)` returns `wrapper`, which loads the project and
    // then calls the view; 33 API views are decorated with it.
    const f = await joined({
      'app/models.py': lines('from django.db import models', '', 'class Project(models.Model):', '    api_key = models.CharField(max_length=32)'),
      'app/decorators.py': lines(
        'from functools import wraps',
        'import requests',
        'from .models import Project',
        '',
        'def authorize(f):',
        '    @wraps(f)',
        '    def wrapper(request, *args, **kwargs):',
        '        for key in request.headers.getlist("X-Api-Key"):',
        '            request.project = Project.objects.get(api_key=key)',
        '        return f(request, *args, **kwargs)',
        '    return wrapper',
        '',
        'def require_permission(name):',
        '    requests.get("https://idp/permissions/" + name)',
        '    def decorator(f):',
        '        def decorated(request, *args, **kwargs):',
        '            for key in request.GET.getlist("k"):',
        '                Project.objects.get(api_key=key)',
        '            return f(request, *args, **kwargs)',
        '        return decorated',
        '    return decorator',
      ),
      'app/views.py': lines(
        'from django.http import JsonResponse',
        'from . import decorators',
        'from .decorators import authorize, require_permission',
        '',
        '@authorize',
        'def checks(request):',
        '    return JsonResponse({})',
        '',
        '@decorators.authorize',
        'def badges(request):',
        '    return JsonResponse({})',
        '',
        '@require_permission("admin")',
        'def admin(request):',
        '    return JsonResponse({})',
        '',
        'def plain(request):',
        '    return JsonResponse({})',
      ),
      'app/urls.py': lines(
        'from django.urls import path',
        'from . import views',
        '',
        'urlpatterns = [',
        '    path("api/checks/", views.checks),',
        '    path("api/badges/", views.badges),',
        '    path("api/admin/", views.admin),',
        '    path("api/plain/", views.plain),',
        ']',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      // (Called at import, once: on no route.)
      'missing-timeout app/decorators.py:14:5 requests.get → -',
      'query-in-loop app/decorators.py:18:17 Project.objects.get [for sequential] → ANY api/admin/',
      'query-in-loop app/decorators.py:9:31 Project.objects.get [for sequential] → ANY api/checks/, ANY api/badges/',
    ]);
  });

  it('Django: `prefetch_related_objects(rows, "tags")` before the loop loads `tags` as `.prefetch_related("tags")` does: no query per row for `b.tags.all()`, here or in a class the rows are handed to', async () => {
    // The shape of linkding's bookmarks/views/contexts.py: `models.prefetch_related_objects(bookmarks_page.object_list,
    // "owner", "tags")`, then `BookmarkItem(…, bookmark, …)` per row, whose `__init__` reads `bookmark.tags.all()`.
    const f = await joined({
      'app/models.py': lines(
        'from django.db import models',
        '',
        'class Tag(models.Model):',
        '    name = models.CharField(max_length=64)',
        '',
        'class Bookmark(models.Model):',
        '    tags = models.ManyToManyField(Tag)',
      ),
      'app/items.py': lines(
        'from django.urls import reverse',
        '',
        'class BookmarkItem:',
        '    def __init__(self, bookmark):',
        '        self.tag_names = [t.name for t in bookmark.tags.all()]',
      ),
      'app/views.py': lines(
        'from django.db import models',
        'from django.db.models import prefetch_related_objects',
        'from django.http import JsonResponse',
        'from .items import BookmarkItem',
        'from .models import Bookmark',
        '',
        'def index(request):',
        '    page = list(Bookmark.objects.all()[:30])',
        '    prefetch_related_objects(page, "tags")',
        '    return JsonResponse([[t.name for t in b.tags.all()] for b in page], safe=False)',
        '',
        'def items(request):',
        '    page = list(Bookmark.objects.all()[:30])',
        '    models.prefetch_related_objects(page, "owner", "tags")',
        '    return JsonResponse([BookmarkItem(b).tag_names for b in page], safe=False)',
        '',
        'def unloaded(request):',
        '    page = list(Bookmark.objects.all()[:30])',
        '    prefetch_related_objects(page, "owner")',
        '    return JsonResponse([[t.name for t in b.tags.all()] for b in page], safe=False)',
      ),
      'app/urls.py': lines(
        'from django.urls import path',
        'from . import views',
        '',
        'urlpatterns = [path("bookmarks", views.index), path("items", views.items), path("unloaded", views.unloaded)]',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/views.py:20:43 b.tags.all [comprehension sequential] → ANY unloaded']);
  });

  it("a loop's variable is a row of the query it iterates (`for ds in DataSource.objects.all()[:50]`, a variable set to one, `models.X.query…`): `ds.to_dict()` is that model's method, whatever the name", async () => {
    // The shape of redash's handlers/groups.py: `data_sources = models.DataSource.query.join(…).filter(…)`, then
    // `[ds.to_dict(with_permissions_for=group) for ds in data_sources]`, whose `to_dict` queries per row.
    const f = await joined({
      'app/models.py': lines(
        'from django.db import models',
        '',
        'class Grant(models.Model):',
        '    source_id = models.IntegerField()',
        '',
        'class DataSource(models.Model):',
        '    def to_dict(self, gid):',
        '        return {"grant": Grant.objects.get(group_id=gid, source_id=self.id).pk}',
        '',
        'class Widget(models.Model):',
        '    def to_dict(self, gid):',
        '        return {"id": self.id}',
      ),
      'app/views.py': lines(
        'from django.http import JsonResponse',
        'from app import models',
        'from .models import DataSource, Widget',
        '',
        'def in_place(request, gid):',
        '    return JsonResponse([ds.to_dict(gid) for ds in DataSource.objects.all()[:50]], safe=False)',
        '',
        'def kept(request, gid):',
        '    data_sources = models.DataSource.objects.filter(org=1)[:50]',
        '    out = []',
        '    for ds in data_sources:',
        '        out.append(ds.to_dict(gid))',
        '    return JsonResponse(out, safe=False)',
        '',
        'def widgets(request, gid):',
        '    return JsonResponse([ds.to_dict(gid) for ds in Widget.objects.all()[:50]], safe=False)',
      ),
      'app/urls.py': lines(
        'from django.urls import path',
        'from . import views',
        '',
        'urlpatterns = [path("a/<int:gid>/", views.in_place), path("b/<int:gid>/", views.kept), path("c/<int:gid>/", views.widgets)]',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/views.py:12:20 ds.to_dict → Grant.objects.get [for sequential] → ANY b/<int:gid>/',
      'query-in-loop app/views.py:6:26 ds.to_dict → Grant.objects.get [comprehension sequential] → ANY a/<int:gid>/',
    ]);
  });

  it("Django: a `@property` of the row's model that queries, read per row (`len(source.grants)`), is a query per row, as `source.get_grants()` is; not a field, nor another class's property of that name, nor one reading a relation the rows were prefetched with", async () => {
    const f = await joined({
      'app/models.py': lines(
        'from functools import cached_property',
        'from django.db import models',
        '',
        'class Grant(models.Model):',
        '    source_id = models.IntegerField()',
        '',
        'class Source(models.Model):',
        '    name = models.CharField(max_length=64)',
        '',
        '    @property',
        '    def grants(self):',
        '        return list(Grant.objects.filter(source_id=self.id)[:10])',
        '',
        '    @cached_property',
        '    def first_grant(self):',
        '        return Grant.objects.filter(source_id=self.id).first()',
        '',
        '    @property',
        '    def active_grants(self):',
        '        return [g for g in self.grant_set.all() if g.source_id]',
        '',
        'class Sink(models.Model):',
        '    @property',
        '    def label(self):',
        '        return Grant.objects.get(pk=self.id).pk',
      ),
      'app/views.py': lines(
        'from django.http import JsonResponse',
        'from .models import Source',
        '',
        'def prop(request):',
        '    return JsonResponse([len(source.grants) for source in Source.objects.all()[:50]], safe=False)',
        '',
        'def cached(request):',
        '    out = []',
        '    for s in Source.objects.all()[:50]:',
        '        out.append(s.first_grant)',
        '    return JsonResponse(out, safe=False)',
        '',
        'def plain(request):',
        '    return JsonResponse([(s.name, s.label) for s in Source.objects.all()[:50]], safe=False)',
        '',
        // A property reading a relation the rows were loaded with: answered from memory (review).
        'def prefetched(request):',
        '    return JsonResponse([len(s.active_grants) for s in Source.objects.prefetch_related("grant_set")[:50]], safe=False)',
      ),
      'app/urls.py': lines(
        'from django.urls import path',
        'from . import views',
        '',
        'urlpatterns = [path("prop", views.prop), path("cached", views.cached), path("plain", views.plain), path("prefetched", views.prefetched)]',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/views.py:10:20 s.first_grant → Grant.objects.filter.first [for sequential] → ANY cached',
      'query-in-loop app/views.py:5:30 source.grants → Grant.objects.filter [comprehension sequential] → ANY prop',
    ]);
  });
});
