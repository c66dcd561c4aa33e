import assert from 'node:assert/strict';
import type { Hazard } from '../../../src/core/code/codeModel';
import { joined, lines } from './fixtureWorkspace';

const rows = (files: Map<string, { hazards: Hazard[] }>) =>
  [...files.values()].flatMap((a) => a.hazards.map((h) => `${h.code} ${h.file}:${h.range.start.line + 1} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ') || (h.tasks ? `tasks: ${h.tasks.join(', ')}` : '-')}`)).sort();

describe('hazards that background tasks reach', () => {
  it('Python: a Celery task, and what it calls in another module, say which task runs them and which route queues it; a route keeps its own', async () => {
    const f = await joined({
      'shop/tasks.py': lines(
        'from celery import shared_task',
        'from shop.models import Order',
        'from shop.mail import audit, send_receipt',
        '',
        '@shared_task',
        'def send_receipts(ids):',
        '    for i in ids:',
        '        send_receipt(Order.objects.get(pk=i))', // 8
        '    audit(ids)',
        '',
        'def helper(ids):',
        '    for i in ids:',
        '        Order.objects.get(pk=i)', // 13
      ),
      'shop/mail.py': lines(
        'import requests',
        '',
        'def send_receipt(order):',
        '    requests.post("https://mail.example.com/send", json={"id": order.id})', // 4
        '',
        'def audit(ids):',
        '    requests.post("https://audit.example.com/log", json=ids)', // 7
      ),
      'shop/views.py': lines(
        'from shop.mail import send_receipt',
        'from shop.models import Order',
        'from shop.tasks import send_receipts',
        '',
        'def resend(request, pk):',
        '    send_receipt(Order.objects.get(pk=pk))',
        '',
        'def resend_all(request):',
        '    send_receipts.delay(request.POST.getlist("ids"))',
      ),
      'shop/urls.py': lines('from django.urls import path', 'from shop import views', '', 'urlpatterns = [path("orders/<int:pk>/resend", views.resend), path("orders/resend", views.resend_all)]'),
    });
    assert.deepEqual(rows(f), [
      // Reached from a route: that is what it says.
      // Per receipt, a remote call: in the task.
      'call-in-loop shop/tasks.py:8 → tasks: send_receipts (Celery task, queued by ANY orders/resend)',
      'missing-timeout shop/mail.py:4 → ANY orders/<int:pk>/resend',
      'missing-timeout shop/mail.py:7 → tasks: send_receipts (Celery task, queued by ANY orders/resend)',
      // A function no task and no route calls.
      'query-in-loop shop/tasks.py:13 → -',
      'query-in-loop shop/tasks.py:8 → tasks: send_receipts (Celery task, queued by ANY orders/resend)',
    ]);
  });

  it("Python: a task of the project's Celery app imported from its module (bookwyrm's `from bookwyrm.tasks import app`, `@app.task(queue=…)`) is a Celery task too", async () => {
    const f = await joined({
      'bookwyrm/tasks.py': lines('import os', 'from celery import Celery', 'app = Celery("tasks", broker=os.environ.get("CELERY_BROKER"))'),
      'bookwyrm/importers/job.py': lines(
        'from bookwyrm.tasks import app, IMPORTS',
        'from bookwyrm.models import Book',
        '',
        '@app.task(queue=IMPORTS)',
        'def start_import_task(ids):',
        '    for i in ids:',
        '        Book.objects.get(pk=i).save()', // 7
      ),
    });
    assert.deepEqual(rows(f), ['query-in-loop bookwyrm/importers/job.py:7 → tasks: start_import_task (Celery task)']);
  });

  it('Java: a @Scheduled job and a @KafkaListener', async () => {
    const f = await joined({
      'src/main/java/shop/Jobs.java': lines(
        'package shop;',
        'import org.springframework.scheduling.annotation.Scheduled;',
        'import org.springframework.kafka.annotation.KafkaListener;',
        'public class Jobs {',
        '  private final JdbcTemplate jdbcTemplate;',
        '  @Scheduled(cron = "0 0 * * * *")',
        '  public void purge() {',
        '    for (Long id : ids()) jdbcTemplate.update("DELETE FROM orders WHERE id = ?", id);', // 8
        '  }',
        '  @KafkaListener(topics = "orders")',
        '  public void onOrder(String id) {',
        '    for (String line : lines(id)) jdbcTemplate.update("UPDATE stock SET n = n - 1 WHERE sku = ?", line);', // 12
        '  }',
        '}',
      ),
    });
    assert.deepEqual(rows(f), ['query-in-loop src/main/java/shop/Jobs.java:12 → tasks: Jobs.onOrder (Kafka listener)', 'query-in-loop src/main/java/shop/Jobs.java:8 → tasks: Jobs.purge (scheduled job)']);
  });

  it("Java: a Runnable's run() (also through a project's task base, litemall's `extends Task`), a Quartz Job, a CommandLineRunner and an @EventListener of ApplicationStartedEvent", async () => {
    const job = (name: string, head: string, method: string, table: string) =>
      lines('package shop;', `public class ${name} ${head} {`, '  private final JdbcTemplate jdbcTemplate;', `  ${method} {`, `    for (Long id : ids()) jdbcTemplate.update("DELETE FROM ${table} WHERE id = ?", id);`, '  }', '}');
    const f = await joined({
      'src/main/java/shop/OrderUnpaidTask.java': job('OrderUnpaidTask', 'extends Task', '@Override public void run()', 'orders'),
      'src/main/java/shop/Purge.java': job('Purge', 'implements Job', 'public void execute(JobExecutionContext context)', 'logs'),
      'src/main/java/shop/Seed.java': job('Seed', 'implements CommandLineRunner', 'public void run(String... args)', 'seeds'),
      'src/main/java/shop/Loader.java': job('Loader', '', '@EventListener\n  public void load(ApplicationStartedEvent event)', 'vets'),
      // Not a task: a method named run of a plain class.
      'src/main/java/shop/Report.java': job('Report', '', 'public void run()', 'reports'),
    });
    assert.deepEqual(rows(f), [
      'query-in-loop src/main/java/shop/Loader.java:6 → tasks: Loader.load (startup hook)',
      'query-in-loop src/main/java/shop/OrderUnpaidTask.java:5 → tasks: OrderUnpaidTask.run (background task)',
      'query-in-loop src/main/java/shop/Purge.java:5 → tasks: Purge.execute (scheduled job)',
      'query-in-loop src/main/java/shop/Report.java:5 → -',
      'query-in-loop src/main/java/shop/Seed.java:5 → tasks: Seed.run (startup hook)',
    ]);
  });

  it("TypeScript: NestJS's @Cron job (a comment after it too) and a BullMQ @Processor's process(job)", async () => {
    const f = await joined({
      'src/jobs.ts': lines(
        "import { Cron } from '@nestjs/schedule';",
        "import { Processor, WorkerHost } from '@nestjs/bullmq';",
        'export class Sweeper {',
        '  constructor(private readonly prisma: PrismaService) {}',
        "  @Cron('0 * * * *') // hourly",
        '  async sweep() {',
        '    for (const id of await this.ids()) await this.prisma.session.delete({ where: { id } });', // 7
        '  }',
        '}',
        "@Processor('mail')",
        'export class MailProcessor extends WorkerHost {',
        '  async process(job: Job) {',
        "    await fetch('https://mail.example.com/send', { method: 'POST' });", // 13
        '  }',
        '  async other() {',
        "    await fetch('https://mail.example.com/other');", // 16
        '  }',
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'missing-timeout src/jobs.ts:13 → tasks: MailProcessor.process (BullMQ job)',
      'missing-timeout src/jobs.ts:16 → -',
      'query-in-loop src/jobs.ts:7 → tasks: Sweeper.sweep (scheduled job)',
    ]);
  });

  it("startup hooks: NestJS's onModuleInit, Spring's @PostConstruct and ApplicationReadyEvent listener, FastAPI's startup event, Django's AppConfig.ready()", async () => {
    // The shape of hoppscotch's InfraConfigService: each setting written in a loop, once, as the backend starts.
    const f = await joined({
      'src/infra-config.service.ts': lines(
        'export class InfraConfigService {',
        '  constructor(private readonly prisma: PrismaService) {}',
        '  async onModuleInit() {',
        '    await this.initialize();',
        '  }',
        '  async initialize() {',
        '    for (const key of Object.keys(defaults)) await this.prisma.infraConfig.upsert({ where: { name: key } });', // 7
        '  }',
        '  async rewrite(keys: string[]) {',
        '    for (const key of keys) await this.prisma.infraConfig.update({ where: { name: key } });', // 10
        '  }',
        '}',
      ),
      'src/main/java/app/Roles.java': lines(
        'class Roles {',
        '  @PostConstruct',
        '  void ensureRoles() {',
        '    for (String name : names) jdbcTemplate.update("INSERT INTO roles(name) VALUES (?)", name);', // 4
        '  }',
        '  @EventListener(ApplicationReadyEvent.class)',
        '  void warm() {',
        '    for (String name : names) jdbcTemplate.queryForList("SELECT * FROM roles WHERE name = ?", name);', // 8
        '  }',
        '}',
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'import requests',
        'app = FastAPI()',
        '',
        '@app.on_event("startup")',
        'def load_plugins():',
        '    for url in PLUGIN_URLS:',
        '        requests.get(url, timeout=5)', // 8
        '',
        '@app.on_event("shutdown")',
        'def flush():',
        '    for url in PLUGIN_URLS:',
        '        requests.post(url, timeout=5)', // 13
      ),
      // Django's AppConfig.ready() (bookwyrm downloads its fonts there); another class's ready() is not one.
      'bookwyrm/apps.py': lines(
        'from django.apps import AppConfig',
        'import requests',
        'class BookwyrmConfig(AppConfig):',
        '    def ready(self):',
        '        for url in FONT_URLS:',
        '            requests.get(url, timeout=5)', // 6
        'class Player:',
        '    def ready(self):',
        '        for url in FONT_URLS:',
        '            requests.get(url, timeout=5)', // 10
      ),
    });
    assert.deepEqual(rows(f), [
      'call-in-loop app/main.py:13 → -',
      'call-in-loop app/main.py:8 → tasks: load_plugins (startup hook)',
      'call-in-loop bookwyrm/apps.py:10 → -',
      'call-in-loop bookwyrm/apps.py:6 → tasks: BookwyrmConfig.ready (startup hook)',
      'query-in-loop src/infra-config.service.ts:10 → -',
      'query-in-loop src/infra-config.service.ts:7 → tasks: InfraConfigService.onModuleInit (startup hook)',
      'query-in-loop src/main/java/app/Roles.java:4 → tasks: Roles.ensureRoles (startup hook)',
      'query-in-loop src/main/java/app/Roles.java:8 → tasks: Roles.warm (startup hook)',
      'unbounded-query src/main/java/app/Roles.java:8 → tasks: Roles.warm (startup hook)',
    ]);
  });

  it("startup hooks: FastAPI's lifespan function, Spring's ApplicationListener<ApplicationReadyEvent>, InitializingBean and SmartInitializingSingleton", async () => {
    const f = await joined({
      // mealie's app.py: its database set up in the lifespan, before `yield`.
      'app/main.py': lines(
        'from contextlib import asynccontextmanager',
        'from fastapi import FastAPI',
        'import requests',
        '',
        '@asynccontextmanager',
        'async def lifespan_fn(_: FastAPI):',
        '    for url in PLUGIN_URLS:',
        '        requests.get(url, timeout=5)', // 8
        '    yield',
        '',
        '@asynccontextmanager',
        'async def session_scope():',
        '    for url in PLUGIN_URLS:',
        '        requests.get(url, timeout=5)', // 14
        '    yield',
        '',
        'app = FastAPI(lifespan=lifespan_fn)',
      ),
      // halo's PluginDevelopmentInitializer; a listener of another event is not one.
      'src/main/java/app/DevInit.java': lines(
        'public class DevInit implements ApplicationListener<ApplicationReadyEvent> {',
        '  public void onApplicationEvent(ApplicationReadyEvent e) {',
        '    for (String name : names) jdbcTemplate.update("INSERT INTO plugins(name) VALUES (?)", name);', // 3
        '  }',
        '}',
      ),
      'src/main/java/app/Gc.java': lines(
        'public class Gc implements ApplicationListener<SchemeAddedEvent> {',
        '  public void onApplicationEvent(SchemeAddedEvent e) {',
        '    for (String name : names) jdbcTemplate.update("DELETE FROM t WHERE name = ?", name);', // 3
        '  }',
        '}',
      ),
      'src/main/java/app/Warm.java': lines(
        'public class Warm implements InitializingBean, SmartInitializingSingleton {',
        '  public void afterPropertiesSet() {',
        '    for (String name : names) jdbcTemplate.update("INSERT INTO a(name) VALUES (?)", name);', // 3
        '  }',
        '  public void afterSingletonsInstantiated() {',
        '    for (String name : names) jdbcTemplate.update("INSERT INTO b(name) VALUES (?)", name);', // 6
        '  }',
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'blocking-call app/main.py:14 → -',
      'blocking-call app/main.py:8 → tasks: lifespan_fn (startup hook)',
      'call-in-loop app/main.py:14 → -',
      'call-in-loop app/main.py:8 → tasks: lifespan_fn (startup hook)',
      'query-in-loop src/main/java/app/DevInit.java:3 → tasks: DevInit.onApplicationEvent (startup hook)',
      'query-in-loop src/main/java/app/Gc.java:3 → -',
      'query-in-loop src/main/java/app/Warm.java:3 → tasks: Warm.afterPropertiesSet (startup hook)',
      'query-in-loop src/main/java/app/Warm.java:6 → tasks: Warm.afterSingletonsInstantiated (startup hook)',
    ]);
  });
});

describe('goroutines a route starts', () => {
  it("Go: what `go s.pruneMessages()` reaches runs in a goroutine the route starts, not on its path; the same function called directly is on the route", async () => {
    // ntfy's account deletion starts its message pruning and returns.
    const f = await joined({
      'go.mod': 'module heckel.io/ntfy\n',
      'server/server.go': lines(
        'package server',
        '',
        'import "net/http"',
        '',
        'func (s *Server) Routes(mux *http.ServeMux) {',
        '\tmux.HandleFunc("DELETE /v1/account", s.handleAccountDelete)',
        '\tmux.HandleFunc("DELETE /v1/account/reservation", s.handleReservationDelete)',
        '}',
        '',
        'func (s *Server) handleAccountDelete(w http.ResponseWriter, r *http.Request) {',
        '\tgo s.pruneMessages()',
        '}',
        '',
        'func (s *Server) handleReservationDelete(w http.ResponseWriter, r *http.Request) {',
        '\ts.notify()',
        '}',
        '',
        'func (s *Server) pruneMessages() {',
        '\thttp.Get("http://cache/prune")', // 19
        '}',
        '',
        'func (s *Server) notify() {',
        '\thttp.Get("http://push/notify")', // 23
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'missing-timeout server/server.go:19 → tasks: Server.pruneMessages (goroutine, started by DELETE /v1/account)',
      'missing-timeout server/server.go:23 → DELETE /v1/account/reservation',
    ]);
  });

  it("Go: what a function literal a route starts in a goroutine does (one-api's channel test: go func() { for … }()) is in that goroutine; one waited for (wg.Wait()) is on the route", async () => {
    const f = await joined({
      'go.mod': 'module github.com/songquanpeng/one-api\n',
      'router/api.go': lines('package router', '', 'import (', '\t"github.com/gin-gonic/gin"', '\t"github.com/songquanpeng/one-api/controller"', ')', '', 'func SetApiRouter(r *gin.Engine) {', '\tr.GET("/api/channel/test", controller.TestChannels)', '\tr.GET("/api/channel/sync", controller.SyncChannels)', '}'),
      'controller/channel-test.go': lines(
        'package controller',
        '',
        'import "net/http"',
        '',
        'func TestChannels(c *gin.Context) {',
        '\tgo func() {',
        '\t\tfor _, ch := range channels {',
        '\t\t\thttp.Get(ch.BaseURL)', // 8
        '\t\t}',
        '\t}()',
        '\tc.JSON(200, gin.H{"success": true})',
        '}',
        '',
        'func SyncChannels(c *gin.Context) {',
        '\tvar wg sync.WaitGroup',
        '\twg.Add(1)',
        '\tgo func() {',
        '\t\tdefer wg.Done()',
        '\t\tfor _, ch := range channels {',
        '\t\t\thttp.Get(ch.BaseURL)', // 20
        '\t\t}',
        '\t}()',
        '\twg.Wait()',
        '}',
      ),
    });
    assert.deepEqual(rows(f).filter((r) => r.startsWith('call-in-loop')), [
      'call-in-loop controller/channel-test.go:20 → GET /api/channel/sync',
      'call-in-loop controller/channel-test.go:8 → tasks: TestChannels (goroutine, started by GET /api/channel/test)',
    ]);
  });

  it("Python: what a thread a route starts runs (Tandoor's import: threading.Thread(target=integration.do_import).start(); executor.submit(f)) is in that thread, not on the route's path", async () => {
    const f = await joined({
      'cookbook/integration/integration.py': lines(
        'class Integration:',
        '    def do_import(self, files):',
        '        for f in files:',
        '            Keyword.objects.get_or_create(name=f)', // 4
      ),
      'cookbook/views/api.py': lines(
        'import threading',
        'from concurrent.futures import ThreadPoolExecutor',
        'from rest_framework.decorators import api_view',
        'from cookbook.integration.integration import Integration',
        'from cookbook import orders',
        '',
        'executor = ThreadPoolExecutor(2)',
        '',
        '@api_view(["POST"])',
        'def import_files(request):',
        '    integration = Integration()',
        '    t = threading.Thread(target=integration.do_import, args=(request.FILES,))',
        '    t.start()',
        '    executor.submit(send_report, request.user)',
        '    orders.submit(request.data)', // a module's own submit, run now
        '    for user in request.data["users"]:',
        '        executor.submit(send_report, user)', // 17: a thread per user
        '',
        'def send_report(user):',
        '    requests.post("http://mail/report", json={"u": user.id})', // 20
      ),
      'cookbook/urls.py': lines('from django.urls import path', 'from cookbook.views import api', 'urlpatterns = [path("api/import/", api.import_files)]'),
      'cookbook/orders.py': lines('def submit(data):', '    requests.post("http://erp/orders", json=data)'),
    });
    assert.deepEqual(rows(f), [
      'call-in-loop cookbook/views/api.py:17 → POST api/import/',
      'missing-timeout cookbook/orders.py:2 → POST api/import/',
      'missing-timeout cookbook/views/api.py:20 → tasks: send_report (thread, started by POST api/import/)',
      'query-in-loop cookbook/integration/integration.py:4 → tasks: Integration.do_import (thread, started by POST api/import/)',
    ]);
    // All at once: a fan-out, not one after another.
    assert.match([...f.values()].flatMap((a) => a.hazards).find((h) => h.code === 'call-in-loop')?.explanation ?? '', /in parallel/);
  });

  it("Java: what a lambda handed to another thread calls (PowerJob's POOL.execute(() -> alarmCenter.alarm(…)), a timer's schedule(…, () -> …), new Thread(() -> …)) is in that thread; a submit, whose future may be waited for, and a call before it are on the route's path", async () => {
    const f = await joined({
      'src/main/java/app/InstanceController.java': lines(
        'package app;',
        '@RestController',
        'public class InstanceController {',
        '  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);',
        '  private AlarmCenter alarmCenter;',
        '  private InstanceTimeWheelService timeWheel;',
        '  private ExecutorService executor;',
        '  private AlarmRepository alarmRepository;',
        '  private CommandExecutor commandExecutor;',
        '  @PostMapping("/stop")',
        '  public void stop(@RequestBody List<Long> ids) {',
        '    POOL.execute(() -> alarmCenter.alarm(ids));',
        '    timeWheel.schedule(ids.get(0), 5000L, () -> alarmCenter.alarmLater(ids));',
        '    new Thread(() -> alarmCenter.alarmThread(ids)).start();',
        '    executor.submit(() -> alarmCenter.alarmNow(ids)).get();',
        '  }',
        // A loop in the lambda itself, a same-file helper that hands off, and a command runner that runs in place.
        '  @PostMapping("/sync")',
        '  public void sync(@RequestBody List<Long> ids) {',
        '    POOL.execute(() -> { for (Long id : ids) alarmRepository.findById(id); });', // 19
        '    for (Long id : ids) ping(id);',
        '    commandExecutor.execute(() -> { for (Long id : ids) alarmRepository.deleteById(id); });', // 21
        '  }',
        '  private void ping(Long id) { POOL.execute(() -> alarmRepository.findById(id)); }',
        '}',
      ),
      'src/main/java/app/AlarmCenter.java': lines(
        'package app;',
        'public class AlarmCenter {',
        '  private AlarmRepository alarmRepository;',
        '  public void alarm(List<Long> ids) { for (Long id : ids) alarmRepository.findById(id); }', // 4
        '  public void alarmLater(List<Long> ids) { for (Long id : ids) alarmRepository.findById(id); }', // 5
        '  public void alarmThread(List<Long> ids) { for (Long id : ids) alarmRepository.findById(id); }', // 6
        '  public void alarmNow(List<Long> ids) { for (Long id : ids) alarmRepository.findById(id); }', // 7
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'query-in-loop src/main/java/app/AlarmCenter.java:4 → tasks: AlarmCenter.alarm (thread, started by POST /stop)',
      'query-in-loop src/main/java/app/AlarmCenter.java:5 → tasks: AlarmCenter.alarmLater (thread, started by POST /stop)',
      'query-in-loop src/main/java/app/AlarmCenter.java:6 → tasks: AlarmCenter.alarmThread (thread, started by POST /stop)',
      'query-in-loop src/main/java/app/AlarmCenter.java:7 → POST /stop',
      'query-in-loop src/main/java/app/InstanceController.java:19 → tasks: InstanceController.sync (thread, started by POST /sync)',
      'query-in-loop src/main/java/app/InstanceController.java:21 → POST /sync',
    ]);
  });
});
