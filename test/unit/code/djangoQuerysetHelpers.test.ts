import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A queryset handed to a helper of the same file that narrows it (DefectDojo's authorization filters:
 * `_filter_by_authorized_products(Engagement.objects.all(), "product", permission)`), or only counts it (plane's
 * `self.get_filtered_counts(Issue.objects.filter(**filters))`): the query runs there, filtered or counted, not whole
 * where it is written. One handed to what reads it whole still is.
 */
describe('Django: a queryset handed to a helper of the file that narrows or counts it', () => {
  it('is not an unbounded query where it is written; one handed to a helper that lists it, or to a view, still is', async () => {
    const f = await joined({
      'shop/queries.py': lines(
        'from shop.models import Engagement, Issue, Product, Tag',
        '',
        'def _filter_by_authorized(qs, user):',
        '    return qs.order_by("id").filter(authorized_users=user)',
        '',
        'def names(qs):',
        '    return [p.name for p in qs]',
        '',
        'def authorized_engagements(user):',
        '    return _filter_by_authorized(Engagement.objects.all(), user)',
        '',
        'def product_names():',
        '    return names(Product.objects.all())', // 13: read whole by the helper
        '',
        // A helper that narrows something else, and serialises what it is given whole.
        'def _render(request, items):',
        '    tags = Tag.objects.filter(owner=request.user.id).count()',
        '    return serializers.serialize("json", items) + str(tags)',
        '',
        'def item_list(request):',
        '    return _render(request, Product.objects.all())', // 20: read whole by the helper
        '',
        'class Analytics:',
        '    def get_filtered_counts(self, queryset):',
        '        return {"total": queryset.count()}',
        '',
        '    def get(self, request):',
        '        return self.get_filtered_counts(Issue.objects.filter(**request.filters))',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query shop/queries.py:13:18 Product.objects.all → -', 'unbounded-query shop/queries.py:20:29 Product.objects.all → -']);
  });
});
