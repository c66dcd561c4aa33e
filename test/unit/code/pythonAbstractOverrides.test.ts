import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: `self.m()` in a base class's method, where the base's `m` does nothing of its own: what runs is a
 * subclass's override (Tandoor's importers, each an `Integration` whose `do_import` calls `self.get_recipe_from_file`).
 */
describe('Python: self-calls to a method only subclasses implement', function () {
  this.timeout(20_000);

  const base = (body: string) =>
    lines(
      'import abc',
      'class Integration:',
      '    def do_import(self, files):',
      '        for f in files:',
      '            self.get_recipe_from_file(f)',
      '',
      body,
    );
  const importer = (cls: string) =>
    lines(
      'from shop.integration import Integration',
      'from shop.models import Keyword',
      '',
      `class ${cls}(Integration):`,
      '    def get_recipe_from_file(self, file):',
      '        for name in file:',
      '            Keyword.objects.get_or_create(name=name)',
    );
  // (The importer is chosen at run time, as Tandoor's `get_integration(request, type)` does: any of them may run.)
  const views = lines(
    'from django.views.decorators.http import require_POST',
    'from shop.mealie import Mealie',
    'from shop.paprika import Paprika',
    '',
    'def get_integration(request, kind):',
    '    return Paprika(request) if kind == "paprika" else Mealie(request)',
    '',
    '@require_POST',
    'def import_view(request):',
    '    integration = get_integration(request, request.POST["type"])',
    '    integration.do_import(request.FILES.getlist("files"))',
  );
  const files = (body: string) => ({
    'shop/integration.py': base(body),
    'shop/mealie.py': importer('Mealie'),
    'shop/paprika.py': importer('Paprika'),
    'shop/models.py': lines('from django.db import models', 'class Keyword(models.Model):', '    name = models.CharField(max_length=64)'),
    'shop/views.py': views,
    'urls.py': lines('from django.urls import path', 'from shop import views', 'urlpatterns = [path("api/import/", views.import_view)]'),
  });

  for (const [what, body] of [
    ['raise NotImplementedError', lines('    def get_recipe_from_file(self, file):', '        """Reads one file."""', '        raise NotImplementedError')],
    ['pass', lines('    def get_recipe_from_file(self, file):', '        pass')],
    ['@abstractmethod', lines('    @abc.abstractmethod', '    def get_recipe_from_file(self, file):', '        return None')],
  ]) {
    it(`follows the overrides of a method whose body is ${what}`, async () => {
      assert.deepEqual(hazardRows(await joined(files(body))), [
        'query-in-loop shop/mealie.py:7:13 Keyword.objects.get_or_create [for sequential] → POST api/import/',
        'query-in-loop shop/paprika.py:7:13 Keyword.objects.get_or_create [for sequential] → POST api/import/',
      ]);
    });
  }

  it('where the route makes the class itself, follows only that class\'s override', async () => {
    const f = await joined({
      ...files(lines('    def get_recipe_from_file(self, file):', '        raise NotImplementedError')),
      'shop/views.py': lines(
        'from django.views.decorators.http import require_POST',
        'from shop.paprika import Paprika',
        '',
        '@require_POST',
        'def import_view(request):',
        '    integration = Paprika(request)',
        '    integration.do_import(request.FILES.getlist("files"))',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop shop/mealie.py:7:13 Keyword.objects.get_or_create [for sequential] → -',
      'query-in-loop shop/paprika.py:7:13 Keyword.objects.get_or_create [for sequential] → POST api/import/',
    ]);
  });

  it("where the route makes one of two classes (taiga's JiraAgileImporter or JiraNormalImporter), both classes' methods run", async () => {
    const f = await joined({
      ...files(lines('    def get_recipe_from_file(self, file):', '        raise NotImplementedError')),
      'shop/views.py': lines(
        'from django.views.decorators.http import require_POST',
        'from shop.mealie import Mealie',
        'from shop.paprika import Paprika',
        '',
        '@require_POST',
        'def import_view(request):',
        '    if request.POST.get("agile"):',
        '        importer = Paprika(request)',
        '    else:',
        '        importer = Mealie(request)',
        '    importer.do_import(request.FILES.getlist("files"))',
        '    if request.POST.get("both"):',
        '        Paprika(request).do_import([])',
        '        Mealie(request).do_import([])',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop shop/mealie.py:7:13 Keyword.objects.get_or_create [for sequential] → POST api/import/',
      'query-in-loop shop/paprika.py:7:13 Keyword.objects.get_or_create [for sequential] → POST api/import/',
    ]);
  });

  it("does not put a view's override on another view's routes, nor one of a view class a mixin's method calls", async () => {
    const mixin = await joined({
      'app/mixins.py': lines('class ExportMixin:', '    def get(self, request):', '        return self.get_rows()', '', '    def get_rows(self):', '        raise NotImplementedError'),
      'app/views.py': lines(
        'from rest_framework.views import APIView',
        'from app.mixins import ExportMixin',
        'from app.models import Order, User',
        '',
        'class UserExportView(ExportMixin, APIView):',
        '    def get_rows(self):',
        '        return User.objects.filter(pk=1)',
        '',
        'class OrderExportView(ExportMixin, APIView):',
        '    def get_rows(self):',
        '        return [o.customer.name for o in Order.objects.all()]',
      ),
      'app/models.py': lines('from django.db import models', 'class User(models.Model):', '    pass', 'class Order(models.Model):', '    customer = models.ForeignKey(User, on_delete=models.CASCADE)'),
      'urls.py': lines('from django.urls import path', 'from app import views', 'urlpatterns = [path("users/export/", views.UserExportView.as_view()), path("orders/export/", views.OrderExportView.as_view())]'),
    });
    // Each view runs as itself: OrderExportView's rows are read on its own route, and only there.
    assert.deepEqual(hazardRows(mixin).map((r) => r.replace(/^\S+ /, '').replace(/ .* → /, ' → ')), ['app/views.py:11:17 → GET orders/export/', 'app/views.py:11:42 → GET orders/export/']);
  });

  it("does not put a view's override on another view's routes (netbox's ObjectChildrenView.get_children)", async () => {
    const f = await joined({
      'app/views.py': lines(
        'from django.views.generic import View',
        'from app.models import Prefix, Rack',
        '',
        'class ObjectChildrenView(View):',
        '    def get(self, request, pk):',
        '        return self.get_children(request, pk)',
        '',
        '    def get_children(self, request, parent):',
        '        raise NotImplementedError',
        '',
        'class PrefixesView(ObjectChildrenView):',
        '    def get_children(self, request, parent):',
        '        return list(Prefix.objects.all())',
        '',
        'class ReservationsView(ObjectChildrenView):',
        '    def get_children(self, request, parent):',
        '        return Rack.objects.filter(pk=parent)',
      ),
      'app/models.py': lines('from django.db import models', 'class Prefix(models.Model):', '    pass', 'class Rack(models.Model):', '    pass'),
      'urls.py': lines(
        'from django.urls import path',
        'from app import views',
        'urlpatterns = [path("prefixes/<int:pk>/", views.PrefixesView.as_view()), path("reservations/<int:pk>/", views.ReservationsView.as_view())]',
      ),
    });
    assert.deepEqual(hazardRows(f).map((r) => r.replace(/ .* → /, ' → ')), ['unbounded-query → GET prefixes/<int:pk>/']);
  });

  it('does not follow the overrides of a method that does something itself', async () => {
    const rows = hazardRows(await joined(files(lines('    def get_recipe_from_file(self, file):', '        return file.read()'))));
    assert.deepEqual(rows, [
      'query-in-loop shop/mealie.py:7:13 Keyword.objects.get_or_create [for sequential] → -',
      'query-in-loop shop/paprika.py:7:13 Keyword.objects.get_or_create [for sequential] → -',
    ]);
  });
});
