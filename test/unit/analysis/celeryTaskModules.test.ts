import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

/**
 * plane's shape: the API and the Celery worker run one folder; the worker's tasks are kept in `bgtasks/`, some in
 * files named for no task (`copy_s3_object.py`, `analytic_plot_export.py`). Each file that declares a `@shared_task`
 * is the worker's code, not only those whose path says so (`email_task.py`).
 */
describe('a module of Celery tasks is the worker\'s, however it is named', function () {
  this.timeout(20_000);
  const task = (name: string) => ['import requests', 'from celery import shared_task', '', '', '@shared_task', `def ${name}(slug):`, '    requests.post("https://hooks.example.com/x", json={"slug": slug})', ''].join('\n');

  it('bgtasks/export.py and bgtasks/email_task.py on the worker; a view module holding a task, and a helper module, on the API', async () => {
    const ws = new TempWorkspace('celery-tasks');
    ws.create();
    try {
      ws.write(
        'docker-compose.yml',
        ['services:', '  api:', '    build: ./api', '    command: gunicorn proj.wsgi:application', '  worker:', '    build: ./api', '    command: celery -A proj worker -l info', ''].join('\n'),
      );
      ws.write('api/Dockerfile', 'FROM python:3.12\nCOPY . .\n');
      ws.write('api/requirements.txt', 'django\ncelery\nrequests\n');
      ws.write('api/manage.py', 'import django\n');
      ws.write('api/proj/__init__.py', '');
      ws.write('api/proj/bgtasks/__init__.py', '');
      ws.write('api/proj/bgtasks/export.py', task('export_task'));
      ws.write('api/proj/bgtasks/email_task.py', task('email_task'));
      // A helper the view calls, with no task of its own.
      ws.write('api/proj/bgtasks/hooks.py', ['import requests', '', '', 'def notify(slug):', '    requests.post("https://hooks.example.com/n", json={"slug": slug})', ''].join('\n'));
      ws.write(
        'api/proj/views.py',
        [
          'import requests',
          'from celery import shared_task',
          'from django.http import JsonResponse',
          'from proj.bgtasks.export import export_task',
          'from proj.bgtasks.email_task import email_task',
          'from proj.bgtasks.hooks import notify',
          '',
          '',
          '@shared_task',
          'def cleanup(slug):',
          '    return slug',
          '',
          '',
          'def export(request):',
          '    requests.get("https://hooks.example.com/v")',
          '    notify(request.GET["slug"])',
          '    export_task.delay(request.GET["slug"])',
          '    email_task.delay(request.GET["slug"])',
          '    return JsonResponse({"queued": True})',
          '',
        ].join('\n'),
      );
      ws.write('api/proj/urls.py', ['from django.urls import path', 'from proj import views', '', 'urlpatterns = [path("export/", views.export)]', ''].join('\n'));
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      const warned = result.warnings.filter((w) => w.code === 'missing-timeout').map((w) => `${w.service} ${w.file}:${w.range.start.line + 1}`);
      assert.deepEqual(warned.sort(), ['api api/proj/bgtasks/hooks.py:5', 'api api/proj/views.py:15', 'worker api/proj/bgtasks/email_task.py:7', 'worker api/proj/bgtasks/export.py:7']);
    } finally {
      ws.remove();
    }
  });
});
