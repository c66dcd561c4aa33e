import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Reading an attribute of a queryset that runs nothing, nautobot's `Element.objects.all().model` (core/views/__init__.py:
 * its model class), `.query` (the SQL, built and not sent): no rows are read.
 */
describe("Django: a queryset's model, query or db attribute", () => {
  it('nautobot: X.objects.all().model._meta and .query are silent; the rows iterated still are not', async () => {
    const f = await joined({
      'app/models.py': lines('from django.db import models', 'class Element(models.Model):', '    kind = models.CharField(max_length=9)'),
      'app/views.py': lines(
        'from django.http import JsonResponse',
        'from .models import Element',
        'def element_meta(request):',
        '    name = str(Element.objects.all().model._meta.verbose_name)',
        '    sql = str((Element.objects.filter(kind="x")).query)',
        '    return JsonResponse({"name": name, "sql": sql, "ids": [e.pk for e in Element.objects.all()]})', // 6
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), ['unbounded-query app/views.py:6:74 Element.objects.all → -']);
  });
});
