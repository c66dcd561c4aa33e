import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * DRF registrations whose prefix is a name, not a literal (DefectDojo's dojo/notes/api/urls.py: `router.register(path,
 * NotesViewSet, …)` with `path = "notes"` in dojo/notes/api/__init__.py): the viewset's routes at the name's value.
 */
describe('DRF: a register() prefix given by name', () => {
  it('DefectDojo: an imported constant and one of the same module give the prefix; a parameter or a name defined nowhere registers nothing', async () => {
    const f = await joined({
      'proj/settings.py': lines('ROOT_URLCONF = "proj.urls"'),
      'proj/urls.py': lines(
        'from django.urls import include, re_path',
        'from rest_framework.routers import DefaultRouter',
        'from notes.api.urls import add_notes_urls',
        'v2_api = DefaultRouter()',
        'v2_api = add_notes_urls(v2_api)',
        'urlpatterns = [',
        '    re_path(r"^api/v2/", include(v2_api.urls)),',
        ']',
      ),
      'notes/__init__.py': '',
      'notes/api/__init__.py': lines('path = "notes"'),
      'notes/api/urls.py': lines(
        'from notes.api import path',
        'from notes.api.views import NotesViewSet',
        'other = "tags"',
        'def add_notes_urls(router, name="x"):',
        '    router.register(path, NotesViewSet, basename="notes")', // 4
        '    router.register(other, NotesViewSet, basename="tags")', // 5
        '    router.register(name, NotesViewSet, basename="named")', // 6: a parameter
        '    router.register(UNDEFINED, NotesViewSet, basename="nowhere")', // 7
        '    return router',
      ),
      'notes/api/views.py': lines('from rest_framework import viewsets', 'class NotesViewSet(viewsets.ReadOnlyModelViewSet):', '    pass'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]} ${r[4]}`).sort(),
      [
        'GET ^api/v2/notes/$ notes/api/urls.py:4 drf',
        'GET ^api/v2/notes/(?P<pk>[^/.]+)/$ notes/api/urls.py:4 drf',
        'GET ^api/v2/tags/$ notes/api/urls.py:5 drf',
        'GET ^api/v2/tags/(?P<pk>[^/.]+)/$ notes/api/urls.py:5 drf',
      ],
    );
  });

  it('a named prefix of a viewset the workspace does not hold: the registration\'s list and detail routes at its value', async () => {
    const f = await joined({
      'proj/settings.py': lines('ROOT_URLCONF = "proj.urls"'),
      'proj/urls.py': lines(
        'from django.urls import include, path',
        'from rest_framework.routers import DefaultRouter',
        'from thirdparty.views import ThingViewSet',
        'THINGS = "things"',
        'router = DefaultRouter()',
        'router.register(THINGS, ThingViewSet)', // 5
        'router.register("others", ThingViewSet)', // 6: as a literal is
        'urlpatterns = [path("api/", include(router.urls))]',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort(),
      ['ANY api/others/$ proj/urls.py:6', 'ANY api/others/(?P<pk>[^/.]+)/$ proj/urls.py:6', 'ANY api/things/$ proj/urls.py:5', 'ANY api/things/(?P<pk>[^/.]+)/$ proj/urls.py:5'],
    );
  });

  it('a name the module binds twice, or a loop variable, registers nothing rather than at a value not in force there', async () => {
    const f = await joined({
      'proj/settings.py': lines('ROOT_URLCONF = "proj.urls"'),
      'proj/urls.py': lines(
        'from django.urls import include, path',
        'from rest_framework.routers import DefaultRouter',
        'from app.views import UserViewSet, GroupViewSet',
        'router = DefaultRouter()',
        'prefix = "users"',
        'router.register(prefix, UserViewSet)',
        'prefix = "groups"',
        'router.register(prefix, GroupViewSet)',
        'name = "accounts"',
        'ROUTES = [("things", UserViewSet)]',
        'for name, viewset in ROUTES:',
        '    router.register(name, viewset)',
        'urlpatterns = [path("api/", include(router.urls))]',
      ),
      'app/__init__.py': '',
      'app/views.py': lines('from rest_framework import viewsets', 'class UserViewSet(viewsets.ReadOnlyModelViewSet):', '    pass', 'class GroupViewSet(viewsets.ModelViewSet):', '    pass'),
    });
    assert.deepEqual(routeRows(f), []);
  });
});
