import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A queryset handed to a helper whose result is given as a queryset, baserow's `Prefetch("field_set",
 * queryset=specific_queryset(Field.objects.all()))`: a queryset still, which Prefetch runs narrowed to the rows it
 * prefetches for, as it does `Prefetch("field_set", queryset=Field.objects.all())`.
 */
describe('Django: a helper of a queryset given as queryset=', () => {
  it("baserow: queryset=specific_queryset(X.objects.all()) is silent; a helper's result given as another keyword is not", async () => {
    const f = await joined({
      'app/models.py': lines('from django.db import models', 'class Page(models.Model):', '    kind = models.CharField(max_length=9)', 'class Element(models.Model):', '    page = models.ForeignKey(Page, on_delete=models.CASCADE)'),
      'app/db.py': lines('def specific_queryset(queryset):', '    return queryset.select_related("page")'),
      'app/views.py': lines(
        'from django.db.models import Prefetch',
        'from django.http import JsonResponse',
        'from .db import specific_queryset, serialize',
        'from .models import Element, Page',
        'def page_detail(request, page_id):',
        '    page = Page.objects.filter(pk=page_id).prefetch_related(Prefetch("element_set", queryset=specific_queryset(Element.objects.all()))).get()',
        '    return JsonResponse(data=serialize(Element.objects.all()))', // 7
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), ['unbounded-query app/views.py:7:40 Element.objects.all → -']);
  });
});
