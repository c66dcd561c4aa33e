import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe("Django: a project's own decorator that answers 405 to other methods", function () {
  this.timeout(10_000);

  it("limits the function view to the methods it is given (MobSF's `@request_method(['POST'])`, in another module); a decorator given methods whose wrapper does not answer 405 leaves it ANY", async () => {
    const f = await joined({
      'app/helpers.py': lines(
        'import functools',
        'import logging',
        'from django.http import HttpRequest, HttpResponseNotAllowed',
        '',
        'def request_method(methods):',
        '    def decorator(func):',
        '        @functools.wraps(func)',
        '        def wrapper(*args, **kwargs):',
        '            methods_upper = [m.upper() for m in methods]',
        '            request = None',
        '            for arg in args:',
        '                if isinstance(arg, HttpRequest):',
        '                    request = arg',
        '            if request.method not in methods_upper:',
        '                return HttpResponseNotAllowed(methods_upper)',
        '            return func(*args, **kwargs)',
        '        return wrapper',
        '    return decorator',
        '',
        'def log_methods(methods):',
        '    def decorator(func):',
        '        def wrapper(request, *args, **kwargs):',
        '            if request.method not in methods:',
        '                logging.info("unexpected %s", request.method)',
        '            return func(request, *args, **kwargs)',
        '        return wrapper',
        '    return decorator',
      ),
      'app/views.py': lines(
        'from django.http import JsonResponse',
        'from django.views.decorators.http import require_http_methods',
        'from app.helpers import request_method, log_methods',
        '',
        "@request_method(['POST'])",
        'def api_upload(request):',
        '    return JsonResponse({"ok": True})',
        '',
        "@request_method(['GET', 'post'])",
        'def api_scan(request):',
        '    return JsonResponse({"ok": True})',
        '',
        "@log_methods(['POST'])",
        'def logged(request):',
        '    return JsonResponse({"ok": True})',
        '',
        "@require_http_methods(['PUT'])",
        'def upload(request):',
        '    return JsonResponse({"ok": True})',
      ),
      'app/urls.py': lines(
        'from django.urls import re_path',
        'from app import views',
        '',
        'urlpatterns = [',
        "    re_path(r'^api/v1/upload$', views.api_upload),",
        "    re_path(r'^api/v1/scan$', views.api_scan),",
        "    re_path(r'^logged/$', views.logged),",
        "    re_path(r'^upload/$', views.upload),",
        ']',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '^api/v1/upload$', 'app/urls.py', 4, 'django'],
      ['GET', '^api/v1/scan$', 'app/urls.py', 5, 'django'],
      ['POST', '^api/v1/scan$', 'app/urls.py', 5, 'django'],
      ['ANY', '^logged/$', 'app/urls.py', 6, 'django'],
      ['PUT', '^upload/$', 'app/urls.py', 7, 'django'],
    ]);
  });
});
