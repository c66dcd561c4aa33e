import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Code run beside the service, not on its requests (nautobot): factory_boy factories (`dcim/factory.py`, used by tests
 * and the `generate_test_data` command), a module only migrations import (`ipam/utils/migrations.py`), one only
 * management commands import, and a module named for tests (`ipam/utils/testing.py`). Quiet like migrations and
 * tests are; a module the service imports, or one nothing imports, is not.
 */
describe('Django: modules only migrations, tests and management commands use', () => {
  const models = lines(
    'from django.db import models',
    'class Page(models.Model):',
    '    title = models.CharField(max_length=50)',
    'class Element(models.Model):',
    '    page = models.ForeignKey(Page, on_delete=models.CASCADE)',
    '    kind = models.CharField(max_length=20)',
  );
  const loop = (fn: string) => lines(`def ${fn}(apps, page):`, '    for element in Element.objects.filter(kind="legacy"):', '        element.page = page', '        element.save()');
  const mover = (fn: string) => 'from .models import Element\n' + loop(fn);

  it('nautobot: a factory_boy module and a helper only a migration or a management command imports are silent', async () => {
    const f = await joined({
      'app/models.py': models,
      'app/factory.py': lines(
        'import factory',
        'from .models import Element, Page',
        'class ElementFactory(factory.django.DjangoModelFactory):',
        '    class Meta:',
        '        model = Element',
        '    kind = factory.Faker("word")',
        '    page = factory.LazyFunction(lambda: factory.random.randgen.choice(Page.objects.all()))',
      ),
      'app/management/commands/generate_test_data.py': lines('from django.core.management.base import BaseCommand', 'from app.factory import ElementFactory', 'from app.jobs import move_all', 'class Command(BaseCommand):', '    def handle(self, *args, **options):', '        ElementFactory.create_batch(100)', '        move_all(None, None)'),
      'app/jobs.py': mover('move_all'),
      'app/migrations/0002_move_elements.py': lines(
        'from django.db import migrations',
        'from app.utils.migrations import move_elements',
        'def forwards(apps, schema_editor):',
        '    move_elements(apps, None)',
        'class Migration(migrations.Migration):',
        '    operations = [migrations.RunPython(forwards)]',
      ),
      'app/utils/__init__.py': '',
      'app/utils/migrations.py': mover('move_elements'),
      'app/utils/testing.py': mover('make_elements'),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('a module a command imports that the service also names in a string, a job a scheduler runs by its dotted path, is reported', async () => {
    const f = await joined({
      'app/models.py': models,
      'app/jobs.py': mover('move_all'),
      'app/management/commands/move.py': lines('from django.core.management.base import BaseCommand', 'from app.jobs import move_all', 'class Command(BaseCommand):', '    def handle(self, *args, **options):', '        move_all(None, None)'),
      'app/apps.py': lines('from django.apps import AppConfig', 'from django_q.tasks import schedule', 'class Config(AppConfig):', '    def ready(self):', '        schedule("app.jobs.move_all", schedule_type="H")'),
    });
    assert.deepEqual(hazardRows(f).map((r) => r.split(' ').slice(0, 2).join(' ')), ['query-in-loop app/jobs.py:5:9', 'unbounded-query app/jobs.py:3:20']);
    // A logger's name or a test runner's is no job: such a module stays quiet.
    const named = await joined({
      'app/models.py': models,
      'app/jobs.py': 'import logging\nlogger = logging.getLogger("app.jobs")\n' + mover('move_all'),
      'app/management/commands/move.py': lines('from django.core.management.base import BaseCommand', 'from app.jobs import move_all', 'class Command(BaseCommand):', '    def handle(self, *args, **options):', '        move_all(None, None)'),
      'app/settings.py': lines('TEST_RUNNER = "app.jobs.Runner"'),
    });
    assert.deepEqual(hazardRows(named), []);
  });

  it('a helper the service imports too, one nothing imports, one only tests import and a tasks module are still reported', async () => {
    const f = await joined({
      'app/models.py': models,
      'app/migrations/0002_move_elements.py': lines(
        'from django.db import migrations',
        'from app.utils.migrations import move_elements',
        'from app import tasks',
        'def forwards(apps, schema_editor):',
        '    move_elements(apps, None)',
        '    tasks.move_later(apps, None)',
        'class Migration(migrations.Migration):',
        '    operations = [migrations.RunPython(forwards)]',
      ),
      'app/admin_tools.py': lines('from app.utils.migrations import move_elements', 'def fix(page):', '    move_elements(None, page)'),
      'app/utils/__init__.py': '',
      'app/utils/migrations.py': mover('move_elements'),
      'app/helpers.py': mover('unused'),
      'app/moves.py': mover('tested'),
      'app/tests/test_moves.py': lines('from app.moves import tested', 'def test_tested():', '    tested(None, None)'),
      'app/tasks.py': mover('move_later'),
      'app/factory.py': lines('from .models import Page', 'def make_app():', '    return list(Page.objects.all())'),
    });
    const rows = hazardRows(f).map((r) => r.split(' ').slice(0, 2).join(' '));
    assert.deepEqual(rows, [
      'query-in-loop app/helpers.py:5:9',
      'query-in-loop app/moves.py:5:9',
      'query-in-loop app/tasks.py:5:9',
      'query-in-loop app/utils/migrations.py:5:9',
      'unbounded-query app/factory.py:3:17',
      'unbounded-query app/helpers.py:3:20',
      'unbounded-query app/moves.py:3:20',
      'unbounded-query app/tasks.py:3:20',
      'unbounded-query app/utils/migrations.py:3:20',
    ]);
  });
});
