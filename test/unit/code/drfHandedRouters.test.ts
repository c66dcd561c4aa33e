import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * DRF routers handed to a project's helper that registers viewsets on them (DefectDojo's dojo/urls.py: `v2_api =
 * add_user_urls(v2_api)` for each app's `def add_user_urls(router): router.register(…); return router`).
 */
describe('DRF: registrations on a router a helper is handed', () => {
  it('DefectDojo: the helper of another module registers on the router handed, reassigned or not, under its include() and with its settings; a function never handed a router registers nothing', async () => {
    const f = await joined({
      'dojo/settings.py': lines('ROOT_URLCONF = "dojo.urls"'),
      'dojo/urls.py': lines(
        'from django.urls import include, re_path',
        'from rest_framework.routers import DefaultRouter',
        'from dojo.user.api.urls import add_user_urls',
        'from dojo.notes.api import urls as notes_urls',
        'from dojo.views import LanguageViewSet',
        'v2_api = DefaultRouter()',
        'v2_api = add_user_urls(v2_api)',
        'notes_urls.add_notes_urls(v2_api)',
        'v2_api.register(r"languages", LanguageViewSet)', // 8
        'flat = DefaultRouter(trailing_slash=False)',
        'add_user_urls(flat)',
        'urlpatterns = [',
        '    re_path(r"^api/v2/", include(v2_api.urls)),',
        '    re_path(r"^flat/", include(flat.urls)),',
        ']',
      ),
      'dojo/user/api/urls.py': lines(
        'from dojo.user.api.views import UsersViewSet',
        'def add_user_urls(router):',
        '    router.register(r"users", UsersViewSet, basename="user")', // 2
        '    return router',
      ),
      'dojo/notes/api/urls.py': lines('from dojo.notes.api.views import NotesViewSet', 'def add_notes_urls(router: DefaultRouter):', '    router.register("notes", NotesViewSet)', '    return router'),
      'dojo/plugins.py': lines('from dojo.views import LanguageViewSet', 'def setup(registry):', '    registry.register("languages", LanguageViewSet)'),
      'dojo/views.py': lines('from rest_framework import viewsets', 'class LanguageViewSet(viewsets.ReadOnlyModelViewSet):', '    pass'),
      'dojo/user/api/views.py': lines('from rest_framework import viewsets', 'class UsersViewSet(viewsets.ReadOnlyModelViewSet):', '    pass'),
      'dojo/notes/api/views.py': lines('from rest_framework import viewsets', 'class NotesViewSet(viewsets.ReadOnlyModelViewSet):', '    pass'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort(),
      [
        'GET ^api/v2/languages/$ dojo/urls.py:8',
        'GET ^api/v2/languages/(?P<pk>[^/.]+)/$ dojo/urls.py:8',
        'GET ^api/v2/notes/$ dojo/notes/api/urls.py:2',
        'GET ^api/v2/notes/(?P<pk>[^/.]+)/$ dojo/notes/api/urls.py:2',
        'GET ^api/v2/users/$ dojo/user/api/urls.py:2',
        'GET ^api/v2/users/(?P<pk>[^/.]+)/$ dojo/user/api/urls.py:2',
        'GET ^flat/users$ dojo/user/api/urls.py:2',
        'GET ^flat/users/(?P<pk>[^/.]+)$ dojo/user/api/urls.py:2',
      ],
    );
  });
});
