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
  it("a helper module's functions views call stay on the web service though it declares one task; the task's own hazard is the worker's", async () => {
    const ws = new TempWorkspace('celery-task-helpers');
    ws.create();
    try {
      ws.write(
        'docker-compose.yml',
        ['services:', '  web:', '    build: .', '    command: gunicorn shop.wsgi:application -b 0.0.0.0:8000', '    environment:', '      - PAYMENT_URL=http://pay', '  worker:', '    build: .', '    command: celery -A shop worker -l info', ''].join('\n'),
      );
      ws.write('Dockerfile', 'FROM python:3.12\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\n');
      ws.write('requirements.txt', 'Django==4.2\ncelery==5.3.0\nrequests==2.31.0\ngunicorn==21.2.0\n');
      ws.write('manage.py', 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n');
      ws.write('shop/__init__.py', '');
      ws.write('shop/settings.py', 'ROOT_URLCONF = "shop.urls"\nINSTALLED_APPS = ["orders"]\n');
      ws.write('shop/urls.py', ['from django.urls import path', 'from orders import views', '', 'urlpatterns = [', '    path("orders/", views.order_list),', '    path("orders/pay/", views.pay),', ']', ''].join('\n'));
      ws.write('orders/__init__.py', '');
      ws.write(
        'orders/models.py',
        ['from django.db import models', '', 'class Order(models.Model):', '    user_id = models.IntegerField()', '', 'class Item(models.Model):', '    order = models.ForeignKey(Order, on_delete=models.CASCADE)', ''].join('\n'),
      );
      ws.write(
        'orders/views.py',
        [
          'from django.http import JsonResponse',
          'from . import services',
          '',
          '',
          'def order_list(request):',
          '    return JsonResponse({"orders": services.order_summaries(request.user.id)})',
          '',
          '',
          'def pay(request):',
          '    services.charge(request.POST["id"])',
          '    services.send_receipt.delay(request.POST["id"])',
          '    return JsonResponse({})',
          '',
        ].join('\n'),
      );
      ws.write(
        'orders/services.py',
        [
          'import os',
          'import requests',
          'from celery import shared_task',
          'from .models import Order, Item',
          '',
          '',
          'def order_summaries(user_id):',
          '    out = []',
          '    for order in Order.objects.filter(user_id=user_id):',
          '        out.append(Item.objects.filter(order_id=order.id).count())',
          '    return out',
          '',
          '',
          'def charge(order_id):',
          '    return requests.post(os.environ["PAYMENT_URL"] + "/charge", json={"order": order_id})',
          '',
          '',
          '@shared_task',
          'def send_receipt(order_id):',
          '    requests.post("https://mail.example.com/send", json={"order": order_id})',
          '',
        ].join('\n'),
      );
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      const warned = result.warnings
        .filter((w) => w.code === 'missing-timeout' || w.code === 'query-in-loop')
        .map((w) => `${w.code} ${w.service} ${w.file}:${w.range.start.line + 1} ${w.message.split('.')[0]}`);
      assert.deepEqual(warned.sort(), [
        'missing-timeout web orders/services.py:15 On ANY orders/pay/',
        'missing-timeout worker orders/services.py:20 In send_receipt (Celery task)',
        'query-in-loop web orders/services.py:10 On ANY orders/',
      ]);
    } finally {
      ws.remove();
    }
  });
});
