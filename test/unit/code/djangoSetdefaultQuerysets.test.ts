import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A queryset kept in a mapping by `setdefault`, nautobot's filter `kwargs.setdefault("queryset", Page.objects.all())`
 * (core/filters.py), is the queryset handed on, as `queryset=Page.objects.all()` would be: no rows are read there.
 */
describe('Django: a queryset kept by dict.setdefault', () => {
  it('nautobot: kwargs.setdefault("queryset", X.objects.all()) as a statement is silent; one whose result is iterated is not', async () => {
    const f = await joined({
      'app/models.py': lines('from django.db import models', 'class Page(models.Model):', '    kind = models.CharField(max_length=9)'),
      'app/filters.py': lines(
        'import django_filters',
        'from .models import Page',
        'class PageFilter(django_filters.ModelMultipleChoiceFilter):',
        '    def __init__(self, *args, **kwargs):',
        '        kwargs.setdefault("queryset", Page.objects.all())',
        '        super().__init__(*args, **kwargs)',
        'def page_names(options):',
        '    return [p.name for p in options.setdefault("pages", Page.objects.all())]', // 8
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), ['unbounded-query app/filters.py:8:57 Page.objects.all → -']);
  });
});
