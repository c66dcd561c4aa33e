import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFamily } from './callCatalogue';

/**
 * Functions that run in the background rather than for a request: a worker's tasks (Celery's `@shared_task`,
 * `@app.task`; Huey's `@huey.task()`, `@db_periodic_task()`; dramatiq's `@dramatiq.actor`; RQ's `@job(…)`) and
 * Spring's scheduled jobs and message listeners (`@Scheduled`, `@KafkaListener`, `@RabbitListener`, `@JmsListener`,
 * `@SqsListener`; RocketMQ's starter's `onMessage` of a `@RocketMQMessageListener` class, lilishop's consumers), and NestJS's (`@Cron()`, `@Interval()` of @nestjs/schedule; `@Process()` of @nestjs/bull, a
 * `@Processor()` class's `process(job)` of @nestjs/bullmq; `@EventPattern()`; `@RabbitSubscribe()`,
 * `@SqsMessageHandler()`). A hazard no route reaches but one of these does is not on any request's path, yet it is load: the
 * warning says which task runs it rather than only that no route was found.
 *
 * So too the hooks that run once as the process starts (STARTUP_HOOK): NestJS's `onModuleInit()` and
 * `onApplicationBootstrap()`, Spring's `@PostConstruct`, `@EventListener(ApplicationReadyEvent.class)` and
 * `ApplicationListener<ApplicationReadyEvent>`, `InitializingBean` and `SmartInitializingSingleton`, FastAPI's and
 * Starlette's `@app.on_event("startup")` and lifespan function. hoppscotch's `onModuleInit` writes each of its ~50 settings in a loop:
 * a slower start, not a load that grows with traffic.
 */

/** The kind of a task that runs once, as the process starts (the warning's reason says so). */
export const STARTUP_HOOK = 'startup hook';

const TASK_WORDS: Record<LanguageFamily, string[]> = {
  python: ['shared_task', 'periodic_task', 'db_task', 'job', 'actor', '.task', '.on_event', 'AppConfig', 'lifespan'],
  java: ['@Scheduled', '@KafkaListener', '@RabbitListener', '@JmsListener', '@SqsListener', '@PostConstruct', '@EventListener', '@Async', 'Runner', 'Runnable', 'Callable', 'Task', 'Job', 'Thread', 'ApplicationListener', 'InitializingBean', 'InitializingSingleton', 'RocketMQMessageListener'],
  js: ['@Cron', '@Interval', '@Process', '@EventPattern', '@RabbitSubscribe', '@SqsMessageHandler', 'onModuleInit', 'onApplicationBootstrap'],
  go: [],
};

/** A file that may declare any: most do not, and are not looked at further. */
export function mayDeclareTasks(text: string, family: LanguageFamily, mentions?: (word: string) => boolean): boolean {
  // The words each form needs, searched first (an edit searches only what it changed): most files have none.
  if (mentions && !TASK_WORDS[family].some(mentions)) return false;
  if (family === 'python' && (/\bAppConfig\b/.test(text) || LIFESPAN_GIVEN.test(text))) return true;
  if (family === 'python') return /@\s*(?:shared_task|periodic_task|db_task|db_periodic_task|job|actor|[\w.]*\.(?:task|actor|on_event))\b/.test(text);
  if (family === 'java') return /@(?:Scheduled|KafkaListener|RabbitListener|JmsListener|SqsListener|PostConstruct|EventListener|Async)\b/.test(text) || JAVA_TASK_CLASS.test(text) || (mentions ? mentions('RocketMQMessageListener') : text.includes('RocketMQMessageListener'));
  return /@(?:Cron|Interval|Process|Processor|EventPattern|RabbitSubscribe|SqsMessageHandler)\(|\bon(?:ModuleInit|ApplicationBootstrap)\s*\(/.test(text);
}

/** Spring's `@Async` on a method (`@Async`, `@Async("mailExecutor")`). */
export const SPRING_ASYNC = /@(?:org\.springframework\.scheduling\.annotation\.)?Async\b/;

/** What kind of background task the function is (`Celery task`, `scheduled job`…), or undefined. */
export function backgroundTaskOf(fn: Node, family: LanguageFamily, text: string): string | undefined {
  if (family === 'python') {
    // Django's `AppConfig.ready()`: run once as the process starts (bookwyrm's `urlopen` of its font files there).
    if (fn.childForFieldName('name')?.text === 'ready' && /\bAppConfig\b/.test(fn.parent?.parent?.childForFieldName('superclasses')?.text ?? '')) return STARTUP_HOOK;
    const decorated = fn.parent;
    if (decorated?.type !== 'decorated_definition') return undefined;
    // FastAPI's and Starlette's lifespan (mealie's `@asynccontextmanager async def lifespan_fn(_)`, then
    // `FastAPI(lifespan=lifespan_fn)`): what comes before its `yield` runs as the application starts, after it as it stops.
    const name = fn.childForFieldName('name')?.text ?? '';
    if (decorated.namedChildren.some((d) => d?.type === 'decorator' && /^@\s*(?:contextlib\.)?asynccontextmanager\s*$/.test(d.text)) && (name === 'lifespan' || new RegExp(`\\blifespan\\s*=\\s*${name}\\b`).test(text))) return STARTUP_HOOK;
    for (const d of decorated.namedChildren) {
      if (d?.type !== 'decorator') continue;
      const kind = pythonTaskKind(d.text, text);
      if (kind) return kind;
    }
    return undefined;
  }
  if (family === 'js') return nestTaskKind(fn);
  if (family === 'java') {
    const modifiers = fn.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '';
    if (/@Scheduled\b/.test(modifiers)) return 'scheduled job';
    if (/@PostConstruct\b|@EventListener\s*\(\s*(?:(?:value|classes)\s*=\s*)?\{?\s*(?:Application(?:Ready|Started)Event|ContextRefreshedEvent)\.class/.test(modifiers)) return STARTUP_HOOK;
    // `@EventListener void load(ApplicationStartedEvent e)`: the event its parameter names (petclinic's vector store).
    if (/@EventListener\b/.test(modifiers) && /^\(\s*(?:final\s+)?(?:Application(?:Ready|Started)Event|ContextRefreshedEvent)\s+\w+\s*\)$/.test(fn.childForFieldName('parameters')?.text ?? '')) return STARTUP_HOOK;
    const owner = javaTaskClassKind(fn);
    if (owner) return owner;
    const listener = /@(Kafka|Rabbit|Jms|Sqs)Listener\b/.exec(modifiers);
    if (listener) return `${listener[1] === 'Jms' ? 'JMS' : listener[1] === 'Sqs' ? 'SQS' : listener[1]} listener`;
    // Spring's `@Async`: a caller gets a future at once, and the method runs in the task executor (queuedTasks).
    if (SPRING_ASYNC.test(modifiers)) return /@(?:Transactional)?EventListener\b/.test(modifiers) ? 'Spring @Async event listener' : 'Spring @Async method';
  }
  return undefined;
}

/**
 * A class whose instances run on their own: `implements Runnable`/`Callable` or `extends TimerTask`/`Thread` (also a
 * project's own task base, litemall's `GrouponRuleExpiredTask extends Task`, a `DelayQueue`'s), a Quartz `Job`, and
 * Spring Boot's `CommandLineRunner`/`ApplicationRunner`, run once as the application starts.
 */
/** A class that listens for the application's start: halo's PluginDevelopmentInitializer. */
const READY_LISTENER = /\bimplements\b[^{]*\bApplicationListener\s*<\s*(?:Application(?:Ready|Started)Event|ContextRefreshedEvent)\s*>/;
const JAVA_TASK_CLASS = new RegExp(
  String.raw`\b(?:implements\b[^{]*\b(?:Runnable|Callable|CommandLineRunner|ApplicationRunner|Job|InitializingBean|SmartInitializingSingleton)\b|extends\s+(?:TimerTask|Thread|QuartzJobBean|\w*Task|\w*Job)\b)|${READY_LISTENER.source}`,
);

/** `lifespan=lifespan_fn` given to FastAPI or Starlette, or a function named so (see backgroundTaskOf). */
const LIFESPAN_GIVEN = /\blifespan\s*=\s*\w+|\bdef\s+lifespan\b/;

/** Methods Spring calls once as the application starts, by the interface of their class that says so. */
const JAVA_STARTUP_METHODS: Record<string, RegExp> = {
  onApplicationEvent: READY_LISTENER,
  afterPropertiesSet: /\bimplements\b[^{]*\bInitializingBean\b/,
  afterSingletonsInstantiated: /\bimplements\b[^{]*\bSmartInitializingSingleton\b/,
};

/**
 * RocketMQ's Spring Boot starter: a bean annotated `@RocketMQMessageListener(topic = …, consumerGroup = …)` that
 * implements `RocketMQListener<T>` or `RocketMQReplyListener<T, R>` gets each message of the topic in `onMessage`
 * (lilishop's `OrderMessageListener implements RocketMQListener<MessageExt>`). The starter registers annotated beans
 * only: a class that implements the interface alone listens to nothing.
 */
const ROCKETMQ_LISTENER = /@(?:[\w.]+\.)?RocketMQMessageListener\b/;
const ROCKETMQ_INTERFACE = /\bimplements\b[^{]*\bRocketMQ(?:Reply)?Listener\s*</;

function javaTaskClassKind(fn: Node): string | undefined {
  const name = fn.childForFieldName('name')?.text;
  const startup = name !== undefined && Object.hasOwn(JAVA_STARTUP_METHODS, name) ? JAVA_STARTUP_METHODS[name] : undefined;
  if (name !== 'run' && name !== 'call' && name !== 'execute' && name !== 'executeInternal' && name !== 'onMessage' && !startup) return undefined;
  const cls = fn.parent?.parent;
  if (cls?.type !== 'class_declaration') return undefined;
  const head = cls.text.slice(0, Math.max(0, (cls.childForFieldName('body')?.startIndex ?? cls.startIndex) - cls.startIndex));
  if (name === 'onMessage') return ROCKETMQ_LISTENER.test(head) && ROCKETMQ_INTERFACE.test(head) && fn.childForFieldName('parameters')?.namedChildCount === 1 ? 'RocketMQ listener' : undefined;
  if (startup) return startup.test(head) ? STARTUP_HOOK : undefined;
  if (name === 'run' && /\bimplements\b[^{]*\b(?:CommandLineRunner|ApplicationRunner)\b/.test(head)) return STARTUP_HOOK;
  if ((name === 'execute' || name === 'executeInternal') && /\bimplements\b[^{]*\bJob\b|\bextends\s+QuartzJobBean\b/.test(head)) return 'scheduled job';
  if ((name === 'run' || name === 'call') && /\bimplements\b[^{]*\b(?:Runnable|Callable)\b|\bextends\s+(?:TimerTask|Thread|\w*Task)\b/.test(head)) return 'background task';
  return undefined;
}

function pythonTaskKind(decorator: string, text: string): string | undefined {
  const name = /^@\s*([\w.]+)/.exec(decorator)?.[1] ?? '';
  const last = name.split('.').pop()!;
  // Also on a Celery app imported from the project's module that makes it (bookwyrm's `from bookwyrm.tasks import app`
  // then `@app.task(queue=IMPORTS)`: most of its task modules never say celery).
  const celery = /\bcelery\b/i.test(text) || (/^(?:app|celery_app|celery)\.task$/.test(name) && !/\b(?:huey|dramatiq)\b/.test(text));
  if (name === 'shared_task' || (last === 'task' && name !== 'task' && celery)) return 'Celery task';
  if (last === 'periodic_task' && /\bcelery\b/i.test(text) && !/\bhuey\b/.test(text)) return 'Celery task';
  if (/^(?:task|periodic_task|db_task|db_periodic_task)$/.test(last) && /\bhuey\b/.test(text)) return 'Huey task';
  if (last === 'actor' && /\bdramatiq\b/.test(text)) return 'dramatiq actor';
  if (last === 'job' && /\bfrom\s+rq\b|\bimport\s+rq\b/.test(text)) return 'RQ job';
  if (last === 'on_event' && /^@\s*[\w.]+\(\s*["']startup["']/.test(decorator)) return STARTUP_HOOK;
  return undefined;
}

/** A NestJS method's decorators (written before it in the class body) or its class's `@Processor()`. */
function nestTaskKind(fn: Node): string | undefined {
  if (fn.type !== 'method_definition') return undefined;
  const name = fn.childForFieldName('name')?.text;
  if (name === 'onModuleInit' || name === 'onApplicationBootstrap') return STARTUP_HOOK;
  // (A comment between them is not the end of the decorators: docmost's `@Interval('trash-cleanup', …) // every 24 hours`.)
  for (let d = fn.previousNamedSibling; d?.type === 'decorator' || d?.type === 'comment'; d = d.previousNamedSibling) {
    if (d.type === 'comment') continue;
    const name = /^@\s*(\w+)/.exec(d.text)?.[1];
    if (name === 'Cron' || name === 'Interval') return 'scheduled job';
    if (name === 'Process') return 'Bull job';
    if (name === 'EventPattern') return 'event handler';
    if (name === 'RabbitSubscribe') return 'RabbitMQ subscriber';
    if (name === 'SqsMessageHandler') return 'SQS handler';
  }
  if (name !== 'process') return undefined;
  // `@Processor('mail') export class MailProcessor extends WorkerHost { async process(job) {…} }`
  const cls = fn.parent?.parent;
  const decorators = [...(cls?.parent?.type === 'export_statement' ? cls.parent.namedChildren : []), cls?.previousNamedSibling].filter((d): d is Node => d?.type === 'decorator');
  return decorators.some((d) => /^@\s*Processor\(/.test(d.text)) ? 'BullMQ job' : undefined;
}