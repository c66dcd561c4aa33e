import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * Python and Java, joined across files as the CLI does: names a package passes on, URL helpers, and hazards that
 * are (or are not) what they look like.
 */
describe('Python and Java: routes and hazards across files (3)', function () {
  this.timeout(20_000);

  const methodsAndPaths = (f: Awaited<ReturnType<typeof joined>>) => routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort();

  it("DRF: a viewset extends a base class a package passes on with `from .generic import *` (jumpserver's JMSModelViewSet), as its __all__ allows", async () => {
    // The shape of jumpserver's common/api: `from .generic import *` in __init__.py, `class JMSModelViewSet(…): pass`.
    const f = await joined({
      'common/__init__.py': '',
      'common/api/__init__.py': lines('from .hidden import *', 'from .generic import *'),
      'common/api/generic.py': lines('from rest_framework.viewsets import ModelViewSet, ReadOnlyModelViewSet', '', 'class JMSModelViewSet(ModelViewSet):', '    pass', '', 'class JMSReadOnlyViewSet(ReadOnlyModelViewSet):', '    pass'),
      // Its __all__ leaves the class out: `from .hidden import *` does not bind it.
      'common/api/hidden.py': lines('from rest_framework.viewsets import ModelViewSet', '', "__all__ = ['Other']", '', 'class JMSReadOnlyViewSet(ModelViewSet):', '    pass', '', 'class Other:', '    pass'),
      'app/__init__.py': '',
      'app/api.py': lines('from common.api import JMSModelViewSet, JMSReadOnlyViewSet', '', 'class KeyViewSet(JMSModelViewSet):', '    pass', '', 'class TagViewSet(JMSReadOnlyViewSet):', '    pass'),
      'app/urls.py': lines('from rest_framework.routers import DefaultRouter', 'from . import api', '', 'router = DefaultRouter()', 'router.register("keys", api.KeyViewSet, "key")', 'router.register("tags", api.TagViewSet, "tag")', 'urlpatterns = router.urls'),
    });
    assert.deepEqual(methodsAndPaths(f), [
      'DELETE ^keys/(?P<pk>[^/.]+)/$',
      'GET ^keys/$',
      'GET ^keys/(?P<pk>[^/.]+)/$',
      'GET ^tags/$',
      'GET ^tags/(?P<pk>[^/.]+)/$',
      'PATCH ^keys/(?P<pk>[^/.]+)/$',
      'POST ^keys/$',
      'PUT ^keys/(?P<pk>[^/.]+)/$',
    ]);
  });

  it("Django: a URLconf's helper spread into its patterns (pretalx's `*get_schedule_urls(\"schedule\")`) makes its patterns with the call's arguments bound", async () => {
    // The shape of pretalx's agenda/urls.py: a list comprehension over a table of (suffix, view, name), the prefix
    // stripped of its slash, called twice under an include.
    const f = await joined({
      'app/__init__.py': '',
      'app/views.py': lines(
        'import requests',
        '',
        'def schedule(request, **kw):',
        '    return requests.get("https://upstream/schedule")',
        '',
        'def export(request, **kw):',
        '    return None',
        '',
        'def other(request):',
        '    return None',
        '',
        'def items(request):',
        '    return None',
      ),
      'app/urls.py': lines(
        'from django.urls import include, path',
        'from app import views',
        '',
        'def get_schedule_urls(regex_prefix, name_prefix=""):',
        '    regex_prefix = regex_prefix.rstrip("/")',
        '    return [',
        '        path(f"{regex_prefix}{regex}", view, name=f"{name_prefix}{name}")',
        '        for regex, view, name in [',
        '            ("/", views.schedule, "schedule"),',
        '            # the exports',
        '            (".json", views.export, "export.json"),',
        '        ]',
        '    ]',
        '',
        'def api_urls(prefix, version="v1"):',
        '    return [path(f"{prefix}/{version}/items/", views.items)]',
        '',
        'urlpatterns = [',
        '    path("other/", views.other),',
        '    path("<slug:event>/", include([',
        '        *get_schedule_urls("schedule/"),',
        '        *get_schedule_urls("schedule/v/<version>", name_prefix="versioned-"),',
        '    ])),',
        '    *api_urls("api", version="v2"),',
        ']',
      ),
    });
    assert.deepEqual(methodsAndPaths(f), [
      'ANY <slug:event>/schedule.json',
      'ANY <slug:event>/schedule/',
      'ANY <slug:event>/schedule/v/<version>.json',
      'ANY <slug:event>/schedule/v/<version>/',
      'ANY api/v2/items/',
      'ANY other/',
    ]);
    assert.deepEqual(hazardRows(f), ['missing-timeout app/views.py:4:12 requests.get → ANY <slug:event>/schedule/, ANY <slug:event>/schedule/v/<version>/']);
  });

  it("Django: a helper's patterns readable alone (an include, a module constant) stay where they are written; so do those of a helper called with spread arguments or from another function (review)", async () => {
    const f = await joined({
      'app/__init__.py': '',
      'app/views.py': lines('def items(request):', '    return None', 'def health(request):', '    return None', 'def things(request):', '    return None', 'def versions(request):', '    return None'),
      'app/api_urls.py': lines('from django.urls import path', 'from app import views', 'urlpatterns = [path("things/", views.things)]'),
      'app/urls.py': lines(
        'from django.urls import include, path',
        'from app import views',
        '',
        'API = "api/v1"',
        'ARGS = ("v1",)',
        '',
        'def api_patterns():',
        '    return [path("api/", include("app.api_urls")), path(f"{API}/items/", views.items)]',
        '',
        'def versioned(prefix="v0"):',
        '    return [path("versions/", views.versions)]',
        '',
        'def build():',
        '    return [path("health/", views.health)]',
        '',
        'urlpatterns = [',
        '    *api_patterns(),',
        '    *versioned(*ARGS),',
        ']',
        'urlpatterns += build()',
      ),
    });
    assert.deepEqual(methodsAndPaths(f), ['ANY api/things/', 'ANY api/v1/items/', 'ANY health/', 'ANY versions/']);
  });

  it("Django: a related manager's create() per item (pretalx's `question.options.create(answer=…)`) is a query in a loop, when a model has that relation", async () => {
    const f = await joined({
      'app/__init__.py': '',
      'app/models.py': lines(
        'from django.db import models',
        '',
        'class Question(models.Model):',
        '    text = models.CharField(max_length=100)',
        '',
        'class Option(models.Model):',
        '    question = models.ForeignKey(Question, related_name="options", on_delete=models.CASCADE)',
        '    answer = models.CharField(max_length=100)',
      ),
      'app/views.py': lines(
        'import json',
        'from django.http import HttpResponse',
        'from app.models import Question',
        'from app.sms import gateway',
        '',
        'def replace_options(request, pk):',
        '    question = Question.objects.get(pk=pk)',
        '    for answer in json.loads(request.body):',
        '        question.options.create(answer=answer)',
        '    return HttpResponse("ok")',
        '',
        'def notify(request, pk):',
        '    # No model has a relation `messages`: an SMS gateway client\'s call, not a row made.',
        '    for number in json.loads(request.body):',
        '        gateway.messages.create(to=number, body="hi")',
        '    return HttpResponse("ok")',
      ),
      'app/sms.py': lines('gateway = None'),
      'app/urls.py': lines('from django.urls import path', 'from app import views', '', 'urlpatterns = [', '    path("q/<int:pk>/options", views.replace_options),', '    path("q/<int:pk>/notify", views.notify),', ']'),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/views.py:9:9 question.options.create [for sequential] → ANY q/<int:pk>/options']);
  });

  it("Django: a queryset a helper returns, used only as a subquery (`filter(event__in=visible_events(user))`, `Exists(…)`), is not read whole", async () => {
    const files = (view: string) => ({
      'app/__init__.py': '',
      'app/models.py': lines(
        'from django.db import models',
        '',
        'class Event(models.Model):',
        '    name = models.CharField(max_length=10)',
        '',
        'class Talk(models.Model):',
        '    event = models.ForeignKey(Event, on_delete=models.CASCADE)',
      ),
      'app/queries.py': lines('from app.models import Event', '', 'def visible_events(user):', '    return Event.objects.filter(name=user.username)'),
      'app/views.py': view,
      'app/urls.py': lines('from django.urls import path', 'from app import views', '', 'urlpatterns = [path("talks/", views.talks)]'),
    });
    const subquery = await joined(
      files(
        lines(
          'from django.db.models import Exists, OuterRef',
          'from django.http import JsonResponse',
          'from app.models import Talk',
          'from app.queries import visible_events',
          '',
          'def talks(request):',
          '    qs = Talk.objects.filter(event__in=visible_events(request.user))[:20]',
          '    qs2 = Talk.objects.filter(Exists(visible_events(request.user).filter(pk=OuterRef("event"))))[:20]',
          '    return JsonResponse({"ids": [t.pk for t in qs] + [t.pk for t in qs2]})',
        ),
      ),
    );
    assert.deepEqual(hazardRows(subquery), []);
    // (Read whole by its caller: every row.)
    const whole = await joined(
      files(
        lines(
          'from django.http import JsonResponse',
          'from app.queries import visible_events',
          '',
          'def talks(request):',
          '    return JsonResponse({"ids": [e.pk for e in visible_events(request.user)]})',
        ),
      ),
    );
    assert.deepEqual(hazardRows(whole), ['unbounded-query app/queries.py:4:12 Event.objects.filter → ANY talks/']);
  });

  it("Java: `HttpUtil.post(…)` is Hutool's only in a file that imports Hutool and no other HttpUtil (JeecgBoot's DingTalk SDK has its own)", async () => {
    const controller = (imports: string[]) =>
      lines(
        'package com.acme.web;',
        ...imports,
        'import org.springframework.web.bind.annotation.*;',
        '@RestController @RequestMapping("/login")',
        'public class LoginController {',
        '    @GetMapping("/dingtalk") public String dingtalk(@RequestParam String code) { return HttpUtil.post("https://oapi.dingtalk.com/user", code); }',
        '}',
      );
    const own = await joined({
      'src/main/java/com/acme/web/LoginController.java': controller(['import cn.hutool.core.util.ObjectUtil;', 'import com.jeecg.dingtalk.api.core.util.HttpUtil;']),
    });
    assert.deepEqual(hazardRows(own), []);
    const hutool = await joined({ 'src/main/java/com/acme/web/LoginController.java': controller(['import cn.hutool.http.HttpUtil;']) });
    assert.deepEqual(hazardRows(hutool), ["missing-timeout src/main/java/com/acme/web/LoginController.java:6:89 HttpUtil.post → GET /login/dingtalk"]);
  });
});
