import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * `from api import router` names the top-level module `api` (api/__init__.py, or api.py, on a source root), not a
 * package's own `things/api.py` that happens to end with that name and is shorter: a package's module is imported as
 * `things.api`. The ralph idiom with a top-level api package, beside apps whose viewsets live in an `api.py`.
 */
describe('Python: an absolute import names the module at a source root before a package module of that name', () => {
  const urls = lines('from django.urls import include, path', 'from api import router', 'urlpatterns = [', "    path('api/', include(router.urls)),", ']');
  const viewsets = (cls: string, prefix: string) =>
    lines('from rest_framework import viewsets', 'from api import router', `class ${cls}(viewsets.ReadOnlyModelViewSet):`, '    pass', `router.register(r'${prefix}', ${cls})`);

  it("registers on api/__init__.py's router, not things/api.py, though that path is shorter", async () => {
    const f = await joined({
      'manage.py': lines('import os'),
      'proj/__init__.py': '',
      'proj/settings.py': lines("ROOT_URLCONF = 'proj.urls'"),
      'proj/urls.py': urls,
      'api/__init__.py': lines('from rest_framework import routers', 'router = routers.DefaultRouter()'),
      'things/__init__.py': '',
      'things/api.py': viewsets('ThingViewSet', 'things'),
      'gadgets/__init__.py': '',
      'gadgets/endpoints.py': viewsets('GadgetViewSet', 'gadgets'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort(),
      [
        'GET api/gadgets/$ gadgets/endpoints.py:4',
        'GET api/gadgets/(?P<pk>[^/.]+)/$ gadgets/endpoints.py:4',
        'GET api/things/$ things/api.py:4',
        'GET api/things/(?P<pk>[^/.]+)/$ things/api.py:4',
      ],
    );
  });

  it('finds the module on a source root that is no package (src/api/__init__.py over src/things/api.py)', async () => {
    const f = await joined({
      'src/manage.py': lines('import os'),
      'src/proj/__init__.py': '',
      'src/proj/settings.py': lines("ROOT_URLCONF = 'proj.urls'"),
      'src/proj/urls.py': urls,
      'src/api/__init__.py': lines('from rest_framework import routers', 'router = routers.DefaultRouter()'),
      'src/things/__init__.py': '',
      'src/things/api.py': viewsets('ThingViewSet', 'things'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort(),
      ['GET api/things/$ src/things/api.py:4', 'GET api/things/(?P<pk>[^/.]+)/$ src/things/api.py:4'],
    );
  });

  it('still takes a package module of that name when no top-level one is written', async () => {
    const f = await joined({
      'proj/settings.py': lines("ROOT_URLCONF = 'proj.urls'"),
      'proj/urls.py': lines('from django.urls import include, path', 'from routers import router', 'urlpatterns = [', "    path('api/', include(router.urls)),", ']'),
      'core/__init__.py': '',
      'core/routers.py': lines('from rest_framework import routers', 'router = routers.DefaultRouter()'),
      'things/__init__.py': '',
      'things/views.py': lines('from rest_framework import viewsets', 'from routers import router', 'class ThingViewSet(viewsets.ReadOnlyModelViewSet):', '    pass', "router.register(r'things', ThingViewSet)"),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort(),
      ['GET api/things/$ things/views.py:4', 'GET api/things/(?P<pk>[^/.]+)/$ things/views.py:4'],
    );
  });
});
