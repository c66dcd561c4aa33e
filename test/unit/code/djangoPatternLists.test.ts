import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * Django URLconfs that build their lists from other lists (jumpserver's `jumpserver/urls.py`): what is added to a list
 * is served where that list is included.
 */
describe('Django: pattern lists added to other lists', () => {
  it("jumpserver: api_v1 = resource_api + […], api_v1.extend([…]) under an if, include(api_v1); lists imported and summed, named *_urlpatterns; routers' urls added in parentheses", async () => {
    const f = await joined({
      'apps/jumpserver/settings.py': lines("ROOT_URLCONF = 'jumpserver.urls'"),
      'apps/jumpserver/urls.py': lines(
        'from django.conf import settings',
        'from django.urls import path, include',
        'from . import views',
        'resource_api = [',
        "    path('users/', include('users.urls')),", // 4
        "    path('perms/', include('perms.urls')),",
        ']',
        'api_v1 = resource_api + [',
        "    path('search/', views.search),", // 8
        ']',
        'if settings.MCP_ENABLED:',
        '    api_v1.extend([',
        "        path('resources/', views.resources),", // 12
        '    ])',
        'app_view_patterns = [',
        "    path('download/', views.download),", // 15
        ']',
        'urlpatterns = [',
        "    path('api/v1/', include(api_v1)),",
        "    path('api/health/', views.health),", // 19
        "    path('core/', include(app_view_patterns)),",
        ']',
      ),
      'apps/users/urls.py': lines(
        'from django.urls import path',
        'from rest_framework.urlpatterns import format_suffix_patterns',
        'from . import views',
        "api_urlpatterns = [path('users/', views.users)]",
        'urlpatterns = format_suffix_patterns(api_urlpatterns)',
      ),
      'apps/perms/urls.py': lines(
        'from .asset_permission import asset_permission_urlpatterns',
        'from .user_permission import user_permission_urlpatterns',
        'urlpatterns = asset_permission_urlpatterns + user_permission_urlpatterns',
      ),
      'apps/perms/asset_permission.py': lines(
        'from django.urls import path',
        'from rest_framework_bulk.routes import BulkRouter',
        'from rest_framework.routers import DefaultRouter',
        'from . import views',
        'router = BulkRouter()',
        "router.register('asset-permissions', views.AssetPermissionViewSet)",
        'other = DefaultRouter()',
        "other.register('labels', views.LabelViewSet)",
        "asset_permission_urlpatterns = [path('assets/<uuid:pk>/', views.asset)]", // 8
        'asset_permission_urlpatterns += (router.urls + other.urls)',
      ),
      'apps/perms/user_permission.py': lines('from django.urls import path', 'from . import views', "user_permission_urlpatterns = [path('users/<uuid:pk>/assets/', views.user_assets)]"),
      'apps/perms/views.py': lines(
        'from rest_framework.viewsets import ModelViewSet',
        'class AssetPermissionViewSet(ModelViewSet):',
        '    pass',
        'class LabelViewSet(ModelViewSet):',
        '    pass',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort(),
      [
        'ANY api/health/ apps/jumpserver/urls.py:19',
        'ANY api/v1/perms/assets/<uuid:pk>/ apps/perms/asset_permission.py:8',
        'ANY api/v1/perms/users/<uuid:pk>/assets/ apps/perms/user_permission.py:2',
        'ANY api/v1/resources/ apps/jumpserver/urls.py:12',
        'ANY api/v1/search/ apps/jumpserver/urls.py:8',
        'ANY api/v1/users/users/ apps/users/urls.py:3',
        'ANY core/download/ apps/jumpserver/urls.py:15',
        'DELETE api/v1/perms/asset-permissions/(?P<pk>[^/.]+)/$ apps/perms/asset_permission.py:5',
        'DELETE api/v1/perms/labels/(?P<pk>[^/.]+)/$ apps/perms/asset_permission.py:7',
        'GET api/v1/perms/asset-permissions/$ apps/perms/asset_permission.py:5',
        'GET api/v1/perms/asset-permissions/(?P<pk>[^/.]+)/$ apps/perms/asset_permission.py:5',
        'GET api/v1/perms/labels/$ apps/perms/asset_permission.py:7',
        'GET api/v1/perms/labels/(?P<pk>[^/.]+)/$ apps/perms/asset_permission.py:7',
        'PATCH api/v1/perms/asset-permissions/(?P<pk>[^/.]+)/$ apps/perms/asset_permission.py:5',
        'PATCH api/v1/perms/labels/(?P<pk>[^/.]+)/$ apps/perms/asset_permission.py:7',
        'POST api/v1/perms/asset-permissions/$ apps/perms/asset_permission.py:5',
        'POST api/v1/perms/labels/$ apps/perms/asset_permission.py:7',
        'PUT api/v1/perms/asset-permissions/(?P<pk>[^/.]+)/$ apps/perms/asset_permission.py:5',
        'PUT api/v1/perms/labels/(?P<pk>[^/.]+)/$ apps/perms/asset_permission.py:7',
      ],
    );
  });
});

describe('DRF: djangorestframework-bulk, and action methods named by constants', () => {
  it("jumpserver: a viewset on rest_framework_bulk's BulkModelViewSet has its list and detail routes, and a BulkRouter's list route also takes PUT, PATCH and DELETE; @action(methods=[GET]) is a GET", async () => {
    const f = await joined({
      'apps/users/urls.py': lines(
        'from rest_framework_bulk.routes import BulkRouter',
        'from rest_framework.routers import DefaultRouter',
        'from . import api',
        'router = BulkRouter()',
        "router.register('users', api.UserViewSet)",
        'plain = DefaultRouter()',
        "plain.register('groups', api.GroupViewSet)",
        'urlpatterns = router.urls + plain.urls',
      ),
      'apps/users/api.py': lines(
        'from rest_framework.decorators import action',
        'from rest_framework_bulk.generics import BulkModelViewSet',
        'from common.const.http import GET, POST',
        'class OrgBulkModelViewSet(BulkModelViewSet):',
        '    pass',
        'class UserViewSet(OrgBulkModelViewSet):',
        '    @action(methods=[GET], detail=False)',
        '    def suggestions(self, request):',
        '        pass',
        '    @action(methods=[POST, "put"], detail=True, url_path="invite")',
        '    def invite(self, request, pk=None):',
        '        pass',
        'class GroupViewSet(BulkModelViewSet):',
        '    pass',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(),
      [
        'DELETE ^groups/(?P<pk>[^/.]+)/$',
        'DELETE ^users/$',
        'DELETE ^users/(?P<pk>[^/.]+)/$',
        'GET ^groups/$',
        'GET ^groups/(?P<pk>[^/.]+)/$',
        'GET ^users/$',
        'GET ^users/(?P<pk>[^/.]+)/$',
        'GET ^users/suggestions/$',
        'PATCH ^groups/(?P<pk>[^/.]+)/$',
        'PATCH ^users/$',
        'PATCH ^users/(?P<pk>[^/.]+)/$',
        'POST ^groups/$',
        'POST ^users/$',
        'POST ^users/(?P<pk>[^/.]+)/invite/$',
        'PUT ^groups/(?P<pk>[^/.]+)/$',
        'PUT ^users/$',
        'PUT ^users/(?P<pk>[^/.]+)/$',
        'PUT ^users/(?P<pk>[^/.]+)/invite/$',
      ],
    );
  });
  it("paperless-ngx: a Channels consumer's path in websocket_urlpatterns is a WebSocket, not an HTTP route", async () => {
    const f = await joined({
      'paperless/urls.py': lines(
        'from django.urls import path, re_path',
        'from paperless.consumers import StatusConsumer',
        'from documents import views',
        '',
        'urlpatterns = [',
        '    path("api/status/", views.status),',
        '    re_path(r"^ws/legacy/$", StatusConsumer.as_asgi()),',
        ']',
        '',
        'websocket_urlpatterns = [',
        '    path("ws/status/", StatusConsumer.as_asgi()),',
        '    path("ws/other/", views.other_socket),',
        ']',
      ),
      'documents/views.py': lines('def status(request):', '    return None', '', 'def other_socket(scope):', '    return None'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]}`),
      ['ANY api/status/'],
    );
  });
});
