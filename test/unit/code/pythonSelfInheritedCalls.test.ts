import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * `self.m()` in a Python class that does not define `m`: when the class extends a framework's class, which may define it
 * (nautobot's `HomeView(TemplateView)` calling `self.get_context_data()`, Django's), it is not another class's `m`
 * that happens to be written in the same module.
 */
describe("Python: self.m() inherited from a framework's class", () => {
  it("nautobot: HomeView.get's self.get_context_data() is TemplateView's, not PreviewView's; a mixin of no base still reaches its subclass's hook", async () => {
    const f = await joined({
      'app/settings.py': lines('ROOT_URLCONF = "app.urls"'),
      'app/models.py': lines('from django.db import models', 'class Element(models.Model):', '    kind = models.CharField(max_length=9)', 'class Page(models.Model):', '    kind = models.CharField(max_length=9)'),
      'app/views.py': lines(
        'from django.views.generic import TemplateView',
        'from .models import Element, Page',
        'class HomeView(TemplateView):',
        '    def get(self, request, *args, **kwargs):',
        '        context = self.get_context_data()',
        '        return self.render_to_response(context)',
        'class PreviewView(TemplateView):',
        '    def get_context_data(self, **kwargs):',
        '        return {"elements": list(Element.objects.filter(kind="x"))}', // 9
        'class RowsMixin:',
        '    def report(self):',
        '        return self.rows()',
        'class RowsView(RowsMixin):',
        '    def rows(self):',
        '        return list(Page.objects.filter(kind="y"))', // 15
        'def rows_report(request):',
        '    return RowsMixin().report()',
      ),
      'app/urls.py': lines(
        'from django.urls import path',
        'from .views import HomeView, PreviewView, rows_report',
        'urlpatterns = [',
        '    path("", HomeView.as_view()),',
        '    path("preview/", PreviewView.as_view()),',
        '    path("rows/", rows_report),',
        ']',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), [
      'unbounded-query app/views.py:15:21 Page.objects.filter → ANY rows/',
      'unbounded-query app/views.py:9:34 Element.objects.filter → GET preview/',
    ]);
  });
});
