import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("code analysis: Django middleware the settings list runs on every request", function () {
  this.timeout(10_000);

  const middleware = lines(
    'import requests',
    'from django.utils.deprecation import MiddlewareMixin',
    'from .models import Flag',
    '',
    'class GeoMiddleware(MiddlewareMixin):', // 5
    '    def process_request(self, request):',
    '        request.geo = requests.get("http://geo/lookup")', // 7: no timeout
    '',
    'def flags_middleware(get_response):', // 9: a function middleware
    '    def middleware(request):',
    '        request.flags = [f.name for f in Flag.objects.all()]', // 11: every row
    '        return get_response(request)',
    '    return middleware',
    '',
    'class UnusedMiddleware:', // 15: not in MIDDLEWARE
    '    def __init__(self, get_response):',
    '        self.get_response = get_response',
    '    def __call__(self, request):',
    '        requests.post("http://audit/log")', // 19
    '        return self.get_response(request)',
  );
  const files = (settings: string) => ({
    'shop/settings.py': settings,
    'shop/models.py': lines('from django.db import models', '', 'class Flag(models.Model):', '    name = models.CharField(max_length=20)'),
    'shop/middleware.py': middleware,
    'shop/views.py': lines('from django.http import JsonResponse', '', 'def orders(request):', '    return JsonResponse({})', '', 'def order(request, pk):', '    return JsonResponse({})'),
    'shop/urls.py': lines('from django.urls import path', 'from . import views', '', 'urlpatterns = [', '    path("orders/", views.orders),', '    path("orders/<int:pk>/", views.order),', ']'),
  });

  it("puts what the listed middleware does on every Django route of the service; not a middleware the settings do not list, nor Django's own", async () => {
    const f = await joined(
      files(
        lines(
          'INSTALLED_APPS = ["shop"]',
          'MIDDLEWARE = [',
          '    "django.middleware.security.SecurityMiddleware",',
          '    # "shop.middleware.UnusedMiddleware",',
          '    "shop.middleware.GeoMiddleware",',
          "    'shop.middleware.flags_middleware',",
          ']',
        ),
      ),
    );
    const rows = hazardRows(f).filter((r) => r.includes('shop/middleware.py'));
    assert.deepEqual(rows, [
      'missing-timeout shop/middleware.py:19:9 requests.post → -',
      'missing-timeout shop/middleware.py:7:23 requests.get → ANY orders/, ANY orders/<int:pk>/',
      'unbounded-query shop/middleware.py:11:42 Flag.objects.all → ANY orders/, ANY orders/<int:pk>/',
    ]);
  });

  it('reads a list added to later (MIDDLEWARE += […], .append, .insert) and the old MIDDLEWARE_CLASSES; not one added under `if DEBUG:`, by a development settings module, nor named by a filter', async () => {
    const f = await joined({
      ...files(
        lines(
          'INSTALLED_APPS = ["shop"]',
          'MIDDLEWARE_CLASSES = ["django.middleware.common.CommonMiddleware"]',
          'MIDDLEWARE_CLASSES += ["shop.middleware.GeoMiddleware"]',
          'MIDDLEWARE_CLASSES.insert(0, "shop.middleware.flags_middleware")',
          'MIDDLEWARE_CLASSES = [m for m in MIDDLEWARE_CLASSES if m != "shop.middleware.UnusedMiddleware"]',
          'if DEBUG:',
          '    MIDDLEWARE_CLASSES.insert(0, "shop.middleware.UnusedMiddleware")',
        ),
      ),
      'shop/settings_dev.py': lines('from .settings import *', 'MIDDLEWARE_CLASSES += ["shop.middleware.UnusedMiddleware"]'),
    });
    const rows = hazardRows(f).filter((r) => r.includes('shop/middleware.py'));
    assert.deepEqual(rows, [
      'missing-timeout shop/middleware.py:19:9 requests.post → -',
      'missing-timeout shop/middleware.py:7:23 requests.get → ANY orders/, ANY orders/<int:pk>/',
      'unbounded-query shop/middleware.py:11:42 Flag.objects.all → ANY orders/, ANY orders/<int:pk>/',
    ]);
  });

  it("reads a settings class's body (django-configurations) and an `if not DEBUG:` block, and production's local_settings.py", async () => {
    const f = await joined({
      ...files(
        lines(
          'from configurations import Configuration',
          'class Prod(Configuration):',
          '    INSTALLED_APPS = ["shop"]',
          '    MIDDLEWARE = ["shop.middleware.GeoMiddleware"]',
          'if not DEBUG:',
          '    MIDDLEWARE.append("shop.middleware.flags_middleware")',
        ),
      ),
      'shop/local_settings.py': lines('MIDDLEWARE += ["shop.middleware.UnusedMiddleware"]'),
    });
    const rows = hazardRows(f).filter((r) => r.includes('shop/middleware.py'));
    assert.deepEqual(rows, [
      'missing-timeout shop/middleware.py:19:9 requests.post → ANY orders/, ANY orders/<int:pk>/',
      'missing-timeout shop/middleware.py:7:23 requests.get → ANY orders/, ANY orders/<int:pk>/',
      'unbounded-query shop/middleware.py:11:42 Flag.objects.all → ANY orders/, ANY orders/<int:pk>/',
    ]);
  });
});

