import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Django's own tables hold a row per model (`ContentType`), per model and action (`Permission`) or per site (`Site`):
 * the code bounds them, not the data, so reading them whole is not a query whose cost grows with the traffic.
 */
describe("Django: the framework's own tables of models, permissions and sites", () => {
  it('are not unbounded queries; a model of the project read whole still is', async () => {
    const f = await joined({
      'shop/views.py': lines(
        'from django.contrib.auth.models import Permission',
        'from django.contrib.contenttypes.models import ContentType',
        'from django.contrib.sites.models import Site',
        'from django.http import JsonResponse',
        'from shop.models import Order',
        '',
        'def choices(request):',
        '    return JsonResponse({',
        '        "types": [t.model for t in ContentType.objects.filter(app_label="shop")],',
        '        "perms": [p.codename for p in Permission.objects.filter(content_type__app_label="shop").order_by("codename")],',
        '        "sites": [s.domain for s in Site.objects.all()],',
        '        "orders": [o.id for o in Order.objects.filter(status="open")],',
        '    })',
      ),
      'shop/urls.py': lines('from django.urls import path', 'from shop import views', '', 'urlpatterns = [', '    path("choices/", views.choices),', ']'),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('unbounded-query')),
      ['unbounded-query shop/views.py:12:34 Order.objects.filter → ANY choices/'],
    );
  });
});
