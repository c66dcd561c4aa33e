import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A queryset handed to a helper named or declared to make a queryset, baserow's `CoreHandler().filter_queryset(user,
 * op, Element.objects.all(), workspace=…)` (imported, declared `-> QuerySet` in core/handler.py): the helper narrows
 * it and runs nothing, so what the caller does with the result decides, as for a lazy method's result.
 */
describe('Django: a queryset handed to a helper that makes a queryset', () => {
  const models = lines(
    'from django.db import models',
    'class Page(models.Model):',
    '    title = models.CharField(max_length=9)',
    'class Element(models.Model):',
    '    page = models.ForeignKey(Page, on_delete=models.CASCADE)',
  );

  it("baserow: an imported or a method's filter_queryset(…, X.objects.all(), …) kept or returned is silent; one named for what it does with rows is not", async () => {
    const f = await joined({
      'app/models.py': models,
      'app/permissions.py': lines(
        'from django.db.models import QuerySet',
        'def filter_queryset(user, queryset: QuerySet) -> QuerySet:',
        '    return queryset.filter(page__owner=user)',
        'class CoreHandler:',
        '    def filter_queryset(self, user, op, queryset, workspace=None) -> QuerySet:',
        '        return queryset.filter(page__owner=user)',
        'def serialize_queryset(queryset):',
        '    return [e.pk for e in queryset]',
      ),
      'app/views.py': lines(
        'from django.http import JsonResponse',
        'from .models import Element',
        'from .permissions import CoreHandler, filter_queryset, serialize_queryset',
        'def page_elements(request, page_id):',
        '    visible = filter_queryset(request.user, Element.objects.all())',
        '    return JsonResponse({"ids": [e.pk for e in visible.filter(page_id=page_id)]})',
        'def handler_elements(user, page):',
        '    user_elements = CoreHandler().filter_queryset(user, "list", Element.objects.all(), workspace=page.workspace)',
        '    return user_elements.filter(page=page)',
        'def all_elements(request):',
        '    data = serialize_queryset(Element.objects.all())', // 11
        '    return JsonResponse({"ids": data})',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), ['unbounded-query app/views.py:11:31 Element.objects.all → -']);
  });

  it('a method of the file declared -> QuerySet passes the queryset on; one declared to return a list does not', async () => {
    const f = await joined({
      'app/models.py': models,
      'app/views.py': lines(
        'from django.db.models import QuerySet',
        'from .models import Element',
        'class Service:',
        '    def visible(self, user, qs) -> "QuerySet[Element]":',
        '        return qs.select_related("page")',
        '    def listed(self, user, qs) -> list:',
        '        return list(qs)',
        '    def elements(self, user, page):',
        '        kept = self.visible(user, Element.objects.all())',
        '        rows = self.listed(user, Element.objects.all())', // 10
        '        return kept.filter(page=page), rows',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), ['unbounded-query app/views.py:10:34 Element.objects.all → -']);
  });
});
