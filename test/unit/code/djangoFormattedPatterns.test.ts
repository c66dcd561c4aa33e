import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/** Django patterns filled in by `str.format` (DefectDojo's dojo/urls.py, under a base its deployment may set). */
describe('Django: patterns built with str.format', () => {
  it('DefectDojo: a value read at run time is the empty default base, a literal or a constant its text; a field standing for a segment of its own, or named, leaves the pattern out', async () => {
    const f = await joined({
      'dojo/settings.py': lines('ROOT_URLCONF = "dojo.urls"'),
      'dojo/urls.py': lines(
        'from django.conf import settings',
        'from django.urls import include, re_path',
        'from rest_framework.routers import DefaultRouter',
        'from dojo import views',
        'from dojo.utils import get_system_setting',
        'API = "api/v2/"',
        'v2_api = DefaultRouter()',
        'v2_api.register(r"languages", views.LanguageViewSet)', // 7
        'ur = [re_path(r"^finding/(?P<fid>\\d+)$", views.finding)]', // 8
        'urlpatterns = [',
        '    re_path(r"^{}api/v2/".format(get_system_setting("url_prefix")), include(v2_api.urls)),',
        '    re_path(r"^{}".format(get_system_setting("url_prefix")), include(ur)),',
        '    re_path(r"^{0}{1}user_profile/".format(get_system_setting("url_prefix"), API), views.profile),', // 12
        '    re_path(r"^{}{{2}}x/".format("v"), views.vv),', // 13
        '    re_path(r"^{}/(?P<path>.*)$".format(settings.MEDIA_URL.strip("/")), views.protected_serve),',
        '    re_path(r"^{name}/".format(name="x"), views.named),',
        ']',
      ),
      'dojo/views.py': lines('from rest_framework import viewsets', 'class LanguageViewSet(viewsets.ReadOnlyModelViewSet):', '    pass'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      [
        'GET ^api/v2/languages/(?P<pk>[^/.]+)/$ dojo/urls.py:7',
        'GET ^api/v2/languages/$ dojo/urls.py:7',
        'ANY ^finding/(?P<fid>\\d+)$ dojo/urls.py:8',
        'ANY ^api/v2/user_profile/ dojo/urls.py:12',
        'ANY ^v{2}x/ dojo/urls.py:13',
      ],
    );
  });
});
