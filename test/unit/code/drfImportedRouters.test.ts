import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A DRF router one module makes and others import to register their viewsets on (ralph's `router = RalphRouter()` in
 * ralph/api/routers.py, re-exported by ralph/api/__init__.py, with `router.register(r'supports', SupportViewSet)` in
 * each app's api.py).
 */
describe('DRF: registrations on a router imported from another module', () => {
  it("ralph: each app's `router.register(…)` on the router its package re-exports is served under that router's include() and with its settings; a `register()` on an imported name that is no DRF router registers nothing", async () => {
    const f = await joined({
      'proj/settings.py': lines("ROOT_URLCONF = 'proj.urls'"),
      'proj/urls.py': lines(
        'from django.urls import include, path',
        'from api import router',
        'from api.flat import flat_router',
        'urlpatterns = [',
        "    path('api/', include(router.urls)),",
        "    path('flat/', include(flat_router.urls)),",
        ']',
      ),
      'api/__init__.py': lines('from api.routers import router', "__all__ = ['router']"),
      'api/routers.py': lines('from rest_framework import routers', 'router = routers.DefaultRouter()'),
      'api/flat.py': lines('from rest_framework import routers', 'flat_router = routers.SimpleRouter(trailing_slash=False)'),
      'things/viewsets.py': lines(
        'from rest_framework import viewsets',
        'from api import router',
        'from api.flat import flat_router',
        'class ThingViewSet(viewsets.ReadOnlyModelViewSet):',
        '    pass',
        "router.register(r'things', ThingViewSet)", // 5
        "flat_router.register(r'things', ThingViewSet)", // 6
      ),
      'plugins/registry.py': lines('class Registry:', '    def register(self, name, cls):', '        pass', 'registry = Registry()'),
      'plugins/setup.py': lines('from plugins.registry import registry', 'from things.viewsets import ThingViewSet', 'registry.register("languages", ThingViewSet)'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort(),
      [
        'GET api/things/$ things/viewsets.py:5',
        'GET api/things/(?P<pk>[^/.]+)/$ things/viewsets.py:5',
        'GET flat/things$ things/viewsets.py:6',
        'GET flat/things/(?P<pk>[^/.]+)$ things/viewsets.py:6',
      ],
    );
  });
});
