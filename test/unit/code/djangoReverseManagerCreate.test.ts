import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A row made per iteration through a default reverse manager, Kiwi TCMS's `run.property_set.create(name=name)`
 * (tcms/testruns/views.py): a query in a loop, as `property_set.get(…)` is. No model field names `property_set`, so
 * the rule for related managers named by a field must not take it and then drop it.
 */
describe('Django: create() through a default reverse manager (`<model>_set`)', () => {
  it('Kiwi TCMS: run.property_set.create(…) in a loop is reported; a name no relation has (run.notes.create) still is not', async () => {
    const f = await joined({
      'shop/settings.py': lines('ROOT_URLCONF = "shop.urls"'),
      'shop/models.py': lines(
        'from django.db import models',
        'class Run(models.Model):',
        '    name = models.CharField(max_length=50)',
        'class Property(models.Model):',
        '    run = models.ForeignKey(Run, on_delete=models.CASCADE)',
        '    name = models.CharField(max_length=50)',
      ),
      'shop/views.py': lines(
        'from django.views.decorators.http import require_POST',
        'from .models import Run',
        '@require_POST',
        'def create_run(request):',
        '    run = Run.objects.create(name=request.POST["name"])',
        '    for name in request.POST.getlist("prop"):',
        '        run.property_set.create(name=name)', // 7
        '        run.notes.create(name=name)',
        '    run.property_set.create(name="last")',
        '    return None',
      ),
      'shop/urls.py': lines('from django.urls import path', 'from . import views', 'urlpatterns = [path("runs/", views.create_run)]'),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('query-in-loop')), ['query-in-loop shop/views.py:7:9 run.property_set.create [for sequential] → POST runs/']);
  });
});
