import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * NetBox routes its whole UI through a view registry: `@register_model_view(Site, 'edit')` on a view, and
 * `path('sites/<int:pk>/', include(get_model_urls('dcim', 'site')))` in the app's URLconf serving every view
 * registered for the model there (the list views, `detail=False`, under the list pattern).
 */
describe("NetBox's model view registry (register_model_view, get_model_urls)", () => {
  it('each registered view is a route at the pattern joined with its path, with the methods its class answers', async () => {
    const f = await joined({
      'netbox/netbox/urls.py': lines('from django.urls import include, path', 'urlpatterns = [', "    path('dcim/', include('dcim.urls')),", ']'),
      'netbox/dcim/urls.py': lines(
        'from django.urls import include, path',
        'from utilities.urls import get_model_urls',
        "app_name = 'dcim'",
        'urlpatterns = [',
        "    path('sites/', include(get_model_urls('dcim', 'site', detail=False))),",
        "    path('sites/<int:pk>/', include(get_model_urls('dcim', 'site'))),",
        // A model with no view registered: no route.
        "    path('racks/', include(get_model_urls('dcim', 'rack', detail=False))),",
        ']',
      ),
      'netbox/netbox/views/generic.py': lines(
        'from django.views.generic import View',
        'class ObjectListView(View):',
        '    def get(self, request):',
        '        return self.queryset.all()',
        'class ObjectView(View):',
        '    def get(self, request, **kwargs):',
        '        return None',
        'class ObjectEditView(View):',
        '    def get(self, request, **kwargs):',
        '        return None',
        '    def post(self, request, **kwargs):',
        '        return None',
      ),
      'netbox/dcim/views.py': lines(
        'from netbox.views.generic import ObjectEditView, ObjectListView, ObjectView',
        'from utilities.views import register_model_view',
        'from .models import Site',
        "@register_model_view(Site, 'list', path='', detail=False)",
        'class SiteListView(ObjectListView):',
        '    queryset = Site.objects.all()',
        '@register_model_view(Site)',
        'class SiteView(ObjectView):',
        '    queryset = Site.objects.all()',
        "@register_model_view(Site, 'add', detail=False)",
        "@register_model_view(Site, 'edit')",
        'class SiteEditView(ObjectEditView):',
        '    queryset = Site.objects.all()',
        "@register_model_view(Site, name='journal', path='changes')",
        'def site_journal(request, pk):',
        '    for tag in request.GET.getlist("tag"):',
        '        Site.objects.filter(tags__slug=tag).first()', // 17
        '    return None',
      ),
    });
    assert.deepEqual(
      routeRows(f).map(([method, path]) => `${method} ${path}`).sort(),
      ['ANY dcim/sites/<int:pk>/changes/', 'GET dcim/sites/', 'GET dcim/sites/<int:pk>/', 'GET dcim/sites/<int:pk>/edit/', 'GET dcim/sites/add/', 'POST dcim/sites/<int:pk>/edit/', 'POST dcim/sites/add/'],
    );
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('query-in-loop')), ['query-in-loop netbox/dcim/views.py:17:9 Site.objects.filter.first [for sequential] → ANY dcim/sites/<int:pk>/changes/']);
  });

  it("a view's base class read through a package that star-imports it (NetBox's generic.ObjectEditView) gives its methods", async () => {
    const f = await joined({
      'netbox/dcim/urls.py': lines('from django.urls import include, path', 'from utilities.urls import get_model_urls', 'urlpatterns = [', "    path('sites/<int:pk>/', include(get_model_urls('dcim', 'site'))),", ']'),
      'netbox/netbox/views/generic/__init__.py': lines('from .object_views import *'),
      'netbox/netbox/views/generic/object_views.py': lines(
        'from django.views.generic import View',
        '__all__ = ("ObjectEditView",)',
        'class ObjectEditView(View):',
        '    def get(self, request, **kwargs):',
        '        return None',
        '    def post(self, request, **kwargs):',
        '        return None',
      ),
      'netbox/dcim/views.py': lines('from netbox.views import generic', 'from .models import Site', "@register_model_view(Site, 'edit')", 'class SiteEditView(generic.ObjectEditView):', '    queryset = Site.objects.all()'),
    });
    assert.deepEqual(routeRows(f).map(([method, path]) => `${method} ${path}`), ['GET sites/<int:pk>/edit/', 'POST sites/<int:pk>/edit/']);
  });
});
