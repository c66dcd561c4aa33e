import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A Django queryset kept in a local variable is judged by what the function does with the variable later: MobSF's
 * `enqueued = EnqueuedTask.objects.all().order_by('-created_at')` then `for enq in enqueued:` reads every row, as
 * plane's `cycles = Cycle.objects.filter(…)`, refined under an `if`, then `return cycles.order_by(…).values(…)` hands
 * every row to a caller that returns them. One sliced, paged, narrowed to a key, only counted, or passed elsewhere
 * is not reported.
 */
describe('Django: a queryset kept in a local variable', function () {
  this.timeout(10_000);

  it('is an unbounded query where it is built when a later use iterates, lists or serialises it whole; not when it is sliced, paged, narrowed to a key, counted or passed elsewhere', async () => {
    const f = await joined({
      'shop/models.py': lines('from django.db import models', '', 'class Product(models.Model):', '    name = models.CharField(max_length=10)'),
      'shop/views.py': lines(
        'from django.core.paginator import Paginator',
        'from django.http import JsonResponse',
        'from django.shortcuts import render',
        'from rest_framework.response import Response',
        'from shop.models import Product',
        'from shop.serializers import ProductSerializer',
        '',
        'def iterated(request):',
        '    enqueued = Product.objects.all().order_by("-id")',
        '    return JsonResponse({"names": [p.name for p in enqueued]})',
        '',
        'def looped(request):',
        '    products = Product.objects.filter(name="x")',
        '    out = []',
        '    for p in products:',
        '        out.append(p.name)',
        '    return JsonResponse({"names": out})',
        '',
        'def listed(request):',
        '    products = Product.objects.all()',
        '    return JsonResponse({"products": list(products.values("id", "name"))})',
        '',
        'def serialised(request, slug):',
        '    products = Product.objects.filter(name__icontains=slug)',
        '    if slug:',
        '        products = products.filter(name=slug)',
        '    return Response(ProductSerializer(products.order_by("name"), many=True).data)',
        '',
        'def sliced(request):',
        '    products = Product.objects.all()',
        '    return JsonResponse({"names": [p.name for p in products[:20]]})',
        '',
        'def sliced_back(request):',
        '    products = Product.objects.all()',
        '    products = products[:20]',
        '    return JsonResponse({"names": [p.name for p in products]})',
        '',
        'def paged(request):',
        '    products = Product.objects.all().order_by("id")',
        '    page = Paginator(products, 20).get_page(request.GET.get("page"))',
        '    return JsonResponse({"names": [p.name for p in page]})',
        '',
        'def counted(request):',
        '    products = Product.objects.filter(name="x")',
        '    return JsonResponse({"n": products.count(), "any": products.exists(), "first": products.first().name})',
        '',
        'def narrowed(request, pk):',
        '    products = Product.objects.all()',
        '    products = products.filter(pk=pk)',
        '    return JsonResponse({"names": [p.name for p in products]})',
        '',
        'def handed(request):',
        '    products = Product.objects.all()',
        '    return render(request, "list.html", {"products": products})',
        '',
        'def paged_by_keyword(self, request):',
        '    products = Product.objects.all()',
        '    return self.paginate(request=request, queryset=products, on_results=lambda products: ProductSerializer(products, many=True).data)',
        '',
        'def rebound(request):',
        '    products = Product.objects.all()',
        '    total = products.count()',
        '    products = ["a", "b"]',
        '    return JsonResponse({"names": [p for p in products], "total": total})',
      ),
      'shop/urls.py': lines(
        'from django.urls import path',
        'from shop import views',
        '',
        'urlpatterns = [',
        '    path("iterated/", views.iterated),',
        '    path("looped/", views.looped),',
        '    path("listed/", views.listed),',
        '    path("serialised/", views.serialised),',
        '    path("sliced/", views.sliced),',
        '    path("sliced-back/", views.sliced_back),',
        '    path("paged/", views.paged),',
        '    path("counted/", views.counted),',
        '    path("narrowed/", views.narrowed),',
        '    path("handed/", views.handed),',
        '    path("paged-by-keyword/", views.paged_by_keyword),',
        '    path("rebound/", views.rebound),',
        ']',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('unbounded-query')),
      [
        'unbounded-query shop/views.py:13:16 Product.objects.filter → ANY looped/',
        'unbounded-query shop/views.py:20:16 Product.objects.all → ANY listed/',
        'unbounded-query shop/views.py:24:16 Product.objects.filter → ANY serialised/',
        'unbounded-query shop/views.py:9:16 Product.objects.all.order_by → ANY iterated/',
      ],
    );
  });

  it("returned shaped by .values() after refining, is judged by the function's callers as a queryset returned at once is (plane's search view, narrowed to a project under an `if` only); not narrowed on every path, nor from a function that makes a queryset", async () => {
    const f = await joined({
      'proj/models.py': lines('from django.db import models', '', 'class Cycle(models.Model):', '    name = models.CharField(max_length=10)'),
      'proj/views.py': lines(
        'from django.db.models import QuerySet',
        'from rest_framework.response import Response',
        'from rest_framework.views import APIView',
        'from proj.models import Cycle',
        '',
        'class SearchEndpoint(APIView):',
        '    def filter_cycles(self, query, slug):',
        '        cycles = Cycle.objects.filter(name__icontains=query)',
        '        if slug:',
        '            cycles = cycles.filter(project_id=slug)',
        '        return cycles.order_by("-id").values("name", "id")',
        '',
        '    def project_cycles(self, query, project_id):',
        '        cycles = Cycle.objects.filter(name__icontains=query)',
        '        cycles = cycles.filter(project_id=project_id)',
        '        return cycles.values("name", "id")',
        '',
        '    def visible_cycles(self, query) -> QuerySet:',
        '        cycles = Cycle.objects.filter(name__icontains=query)',
        '        return cycles.order_by("-id")',
        '',
        '    def first_cycles(self, query):',
        '        cycles = Cycle.objects.filter(name__icontains=query)',
        '        return cycles',
        '',
        '    def get(self, request):',
        '        q = request.query_params.get("search", "")',
        '        return Response({',
        '            "cycles": self.filter_cycles(q, request.query_params.get("slug")),',
        '            "project": self.project_cycles(q, request.query_params.get("project")),',
        '            "visible": self.visible_cycles(q)[:10],',
        '            "first": self.first_cycles(q)[:10],',
        '        })',
      ),
      'proj/urls.py': lines('from django.urls import path', 'from proj.views import SearchEndpoint', '', 'urlpatterns = [path("search/", SearchEndpoint.as_view())]'),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('unbounded-query')),
      ['unbounded-query proj/views.py:8:18 Cycle.objects.filter → GET search/'],
    );
    // Narrowed to a project only under the `if`: the other path reads them all, and the warning says so.
    const explanation = [...f.values()].flatMap((a) => a.hazards).find((h) => h.code === 'unbounded-query')!.explanation;
    assert.match(explanation, /Its bound is set only when `slug`/);
  });
  it('says nothing once the variable is bound through a call or with others, only followed through its own lazy methods and slices', async () => {
    const f = await joined({
      'shop/models.py': lines('from django.db import models', '', 'class Item(models.Model):', '    name = models.CharField(max_length=10)', '    active = models.BooleanField()'),
      'shop/views.py': lines(
        'from django.http import JsonResponse',
        'from shop.models import Item',
        '',
        'def limited(qs, request):',
        '    n = int(request.GET.get("limit", 20))',
        '    offset = int(request.GET.get("offset", 0))',
        '    return qs[offset:offset + n]',
        '',
        'def apply_page(qs, request):',
        '    n = int(request.GET.get("n", 20))',
        '    return qs[:n], qs.count()',
        '',
        'def through_helper(request):',
        '    items = Item.objects.filter(active=True).order_by("-id")',
        '    items = limited(items, request)',
        '    return JsonResponse({"items": [i.name for i in items]})',
        '',
        'def tuple_rebound(request):',
        '    items = Item.objects.filter(active=True)',
        '    items, total = apply_page(items, request)',
        '    return JsonResponse({"items": [i.name for i in items], "total": total})',
        '',
        'def refined(request):',
        '    items = Item.objects.filter(active=True)',
        '    items = items.order_by("-id").select_related()',
        '    return JsonResponse({"items": [i.name for i in items]})',
      ),
      'shop/urls.py': lines(
        'from django.urls import path',
        'from shop import views',
        '',
        'urlpatterns = [path("a", views.through_helper), path("b", views.tuple_rebound), path("c", views.refined)]',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('unbounded-query')),
      ['unbounded-query shop/views.py:24:13 Item.objects.filter → ANY c'],
    );
  });
});
