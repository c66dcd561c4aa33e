import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A Django queryset is lazy: one chosen by a condition and narrowed (`(X.objects.all() if ok else X.objects.filter(…))
 * .filter(…)`), or taken as a default (`self.context.get("queryset", X.objects.all())`), and kept in a variable, is
 * counted or paged where it is read, like any queryset kept in a variable (paperless-ngx's statistics view).
 */
describe('Django: a queryset chosen by a condition, or given as a default, then kept', () => {
  it('is not an unbounded query where it is built; one read whole at once still is', async () => {
    const f = await joined({
      'stats/views.py': lines(
        'from django.http import JsonResponse',
        'from stats.models import Document, Task',
        '',
        'def statistics(request, everything):',
        '    documents = (',
        '        Document.objects.all()',
        '        if everything',
        '        else Document.objects.filter(owner=request.user)',
        '    ).filter(root__isnull=True)',
        '    total = documents.count()',
        '    tasks = request.GET.get("queryset", Task.objects.all())',
        '    return JsonResponse({"total": total, "tasks": tasks.filter(done=False).count()})',
        '',
        'def everything(request):',
        '    return JsonResponse({"ids": [d.id for d in (Document.objects.all() if request.user.is_staff else Document.objects.none())]})',
      ),
      'stats/urls.py': lines('from django.urls import path', 'from stats import views', '', 'urlpatterns = [', '    path("stats/", views.statistics),', '    path("all/", views.everything),', ']'),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('unbounded-query')),
      ['unbounded-query stats/views.py:15:49 Document.objects.all → ANY all/'],
    );
  });
});
