import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

const rows = (f: Awaited<ReturnType<typeof joined>>) => routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`);

/**
 * Django URLconfs that `include()` a module imported under a name rather than a dotted string (baserow's
 * `from .settings import urls as settings_urls`; Kiwi TCMS's `from tcms.kiwi_auth import urls as auth_urls` and
 * `include(testcases_urls.case_urls)`): that module's urlpatterns are served under the prefix.
 */
describe('Django: URLconf modules included by an imported name', () => {
  const settings = lines('ROOT_URLCONF = "config.urls"');
  const root = lines('from django.urls import include, re_path', 'urlpatterns = [', '    re_path(r"^api/", include("api.urls", namespace="api")),', ']');
  const settingsUrls = lines(
    'from django.urls import re_path',
    'from .views import SettingsView',
    'urlpatterns = [',
    '    re_path(r"^$", SettingsView.as_view(), name="get"),', // 3
    ']',
  );
  const views = lines('from rest_framework.views import APIView', 'class SettingsView(APIView):', '    def get(self, request):', '        return None');

  it('baserow: `from .settings import urls as settings_urls`, include(settings_urls): under the including prefix; a list imported by name still is one', async () => {
    const f = await joined({
      'config/settings.py': settings,
      'config/urls.py': root,
      'api/urls.py': lines(
        'from django.urls import include, path',
        'from .settings import urls as settings_urls',
        'from .lists import extra_patterns',
        'urlpatterns = [',
        '    path("settings/", include(settings_urls, namespace="settings")),',
        '    path("extra/", include(extra_patterns)),',
        ']',
      ),
      'api/lists.py': lines('from django.urls import re_path', 'from .settings.views import SettingsView', 'extra_patterns = [', '    re_path(r"^more/$", SettingsView.as_view()),', ']'),
      'api/settings/__init__.py': '',
      'api/settings/urls.py': settingsUrls,
      'api/settings/views.py': views,
    });
    assert.deepEqual(rows(f).sort(), ['GET ^api/extra/more/$ api/lists.py:3', 'GET ^api/settings/$ api/settings/urls.py:3']);
  });

  it('`import api.settings.urls as settings_urls`, include(settings_urls): the same route, not dropped', async () => {
    const f = await joined({
      'config/settings.py': settings,
      'config/urls.py': root,
      'api/urls.py': lines('from django.urls import include, path', 'import api.settings.urls as settings_urls', 'urlpatterns = [', '    path("settings/", include(settings_urls)),', ']'),
      'api/settings/__init__.py': '',
      'api/settings/urls.py': settingsUrls,
      'api/settings/views.py': views,
    });
    assert.deepEqual(rows(f), ['GET ^api/settings/$ api/settings/urls.py:3']);
  });

  it('Kiwi TCMS: include(testcases_urls.case_urls), a module of the package imported under a name; a name of no module includes nothing', async () => {
    const f = await joined({
      'tcms/settings.py': lines('ROOT_URLCONF = "tcms.urls"'),
      'tcms/urls.py': lines(
        'from django.urls import include, re_path',
        'from tcms.testcases import urls as testcases_urls',
        'urlpatterns = [',
        '    re_path(r"^case/", include(testcases_urls.case_urls)),',
        '    re_path(r"^cases/", include(testcases_urls.missing_urls)),',
        ']',
      ),
      'tcms/testcases/__init__.py': '',
      'tcms/testcases/urls/__init__.py': lines('from . import case_urls'),
      'tcms/testcases/urls/case_urls.py': lines(
        'from django.urls import re_path',
        'from .. import views',
        'urlpatterns = [',
        '    re_path(r"^(?P<pk>\\d+)/$", views.TestCaseGetView.as_view()),', // 3
        ']',
      ),
      'tcms/testcases/views.py': lines('from django.views.generic import DetailView', 'class TestCaseGetView(DetailView):', '    pass'),
    });
    assert.deepEqual(rows(f), ['GET ^case/(?P<pk>\\d+)/$ tcms/testcases/urls/case_urls.py:3']);
  });
});
