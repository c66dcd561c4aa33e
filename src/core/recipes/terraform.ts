import { posix } from 'node:path';
import type { CapacitySetting } from '../model/environment';
import type { Located, SourceLocation } from '../model/location';
import type { HclBlock, HclExpr, HclFile } from './hcl';
import type { EnvValues, PlainServiceRecipe } from './recipeTypes';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

export interface TerraformFileRecipe {
  file: string;
  dir: string;
  /** `.tf` blocks, or a `.tfvars` file's top-level attributes. */
  kind: 'tf' | 'tfvars';
  hcl: Pick<HclFile, 'blocks' | 'attributes'>;
}

export function terraformKindOf(file: string): 'tf' | 'tfvars' | undefined {
  if (/\.tf$/.test(file)) return 'tf';
  if (/\.tfvars$/.test(file)) return 'tfvars';
  return undefined;
}

/** Generic resource labels that do not name a service: the evaluated `name` does. */
const GENERIC_LABELS = new Set(['this', 'main', 'default', 'service', 'app', 'svc', 'primary']);

/**
 * Every Terraform folder (module) becomes one environment per variable set: `terraform.tfvars` and `*.auto.tfvars`
 * with variable defaults make the default one, each other `<env>.tfvars` another. Values that are literal after
 * substituting `var.*` and `local.*` are read; anything computed is left out, never guessed.
 */
export function terraformServices(files: TerraformFileRecipe[]): PlainServiceRecipe[] {
  const byDir = new Map<string, TerraformFileRecipe[]>();
  for (const f of files) byDir.set(f.dir, [...(byDir.get(f.dir) ?? []), f]);
  const out: PlainServiceRecipe[] = [];
  for (const [dir, group] of byDir) {
    const tf = group.filter((f) => f.kind === 'tf');
    if (tf.length === 0) continue;
    const blocks = tf.flatMap((f) => f.hcl.blocks);
    const tfvars = [...group, ...files.filter((f) => f.kind === 'tfvars' && /^(envs?|environments|vars|tfvars)$/.test(posix.basename(f.dir)) && posix.dirname(f.dir) === dir)].filter(
      (f) => f.kind === 'tfvars',
    );
    const always = tfvars.filter((f) => /(^|\/)(terraform\.tfvars|[^/]+\.auto\.tfvars)$/.test(f.file));
    const named = tfvars.filter((f) => !always.includes(f));
    const folderEnv = posix.basename(dir);
    const baseName = /^(prod|production|staging|stage|dev|development|qa|test|uat|preprod)$/i.test(folderEnv) ? folderEnv : 'default';
    const envs: { name: string; vars: HclFile['attributes'] }[] = [{ name: baseName, vars: Object.assign({}, ...always.map((f) => f.hcl.attributes)) }];
    for (const f of named) {
      envs.push({ name: posix.basename(f.file).replace(/\.tfvars$/, ''), vars: { ...envs[0].vars, ...f.hcl.attributes } });
    }
    for (const env of envs) out.push(...servicesOf(blocks, env.name, env.vars));
  }
  return out;
}

class Scope {
  private readonly variables = new Map<string, HclBlock>();
  private readonly locals = new Map<string, HclExpr>();
  private readonly resources = new Map<string, HclBlock>();
  private depth = 0;

  constructor(
    blocks: HclBlock[],
    private readonly vars: Record<string, HclExpr>,
  ) {
    for (const b of blocks) {
      if (b.type === 'variable' && b.labels[0]) this.variables.set(b.labels[0], b);
      if (b.type === 'locals') for (const [k, v] of Object.entries(b.attributes)) this.locals.set(k, v);
      if (b.type === 'resource' && b.labels.length === 2) this.resources.set(`${b.labels[0]}.${b.labels[1]}`, b);
    }
  }

  resource(type: string, label: string): HclBlock | undefined {
    return this.resources.get(`${type}.${label}`);
  }

  /** A resource of `type` whose literal `name` is `name` (references by name rather than by address). */
  byName(type: string, name: string): HclBlock | undefined {
    for (const [key, b] of this.resources) if (key.startsWith(`${type}.`) && this.string(b.attributes.name)?.value === name) return b;
    return undefined;
  }

  /** The literal value of an expression (numbers, strings, bools, tuples and objects of them), or undefined. */
  value(e: HclExpr | undefined): unknown {
    if (!e || this.depth > 32) return undefined;
    this.depth++;
    try {
      switch (e.kind) {
        case 'literal':
          return e.value;
        case 'template': {
          let s = '';
          for (const p of e.parts) {
            const v = typeof p === 'string' ? p : this.value(p);
            if (v === undefined || (typeof v === 'object' && v !== null)) return undefined;
            s += String(v);
          }
          return s;
        }
        case 'ref': {
          if (e.path[0] === 'var' && e.path[1]) {
            const given = this.vars[e.path[1]];
            return given !== undefined ? this.value(given) : this.value(this.variables.get(e.path[1])?.attributes.default);
          }
          if (e.path[0] === 'local' && e.path[1]) return this.value(this.locals.get(e.path[1]));
          return undefined;
        }
        case 'tuple': {
          const items = e.items.map((i) => this.value(i));
          return items.every((i) => i !== undefined) ? items : undefined;
        }
        case 'object': {
          const o: Record<string, unknown> = {};
          for (const [k, v] of e.entries) o[k] = this.value(v);
          return o;
        }
        case 'call':
          if (e.name === 'jsonencode') return this.value(e.args[0]);
          if (e.name === 'tonumber') return Number(this.value(e.args[0]));
          if (e.name === 'tostring') return String(this.value(e.args[0]));
          return undefined;
        default:
          return undefined;
      }
    } finally {
      this.depth--;
    }
  }

  number(e: HclExpr | undefined): Located<number> | undefined {
    const v = this.value(e);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined;
    return e && n !== undefined && Number.isFinite(n) ? { value: n, location: this.source(e).location } : undefined;
  }

  string(e: HclExpr | undefined): Located<string> | undefined {
    const v = this.value(e);
    return e && (typeof v === 'string' || typeof v === 'number') ? { value: String(v), location: this.source(e).location } : undefined;
  }

  /**
   * The expression that supplies a value: `var.x` leads to the `.tfvars` line (or the variable's default), `local.x`
   * to the local's definition, so each number points at the line to edit to change it.
   */
  source(e: HclExpr, depth = 0): HclExpr {
    if (e.kind !== 'ref' || depth > 16) return e;
    if (e.path[0] === 'var' && e.path[1]) {
      const next = this.vars[e.path[1]] ?? this.variables.get(e.path[1])?.attributes.default;
      return next ? this.source(next, depth + 1) : e;
    }
    if (e.path[0] === 'local' && e.path[1]) {
      const next = this.locals.get(e.path[1]);
      return next ? this.source(next, depth + 1) : e;
    }
    return e;
  }

  /** The resource an expression refers to (`aws_ecs_service.api.name`, or inside a template), as [type, label]. */
  referenced(e: HclExpr | undefined, type: string): string | undefined {
    if (!e) return undefined;
    if (e.kind === 'ref' && e.path[0] === type) return e.path[1];
    if (e.kind === 'template') for (const p of e.parts) if (typeof p !== 'string') { const r = this.referenced(p, type); if (r) return r; }
    return undefined;
  }
}

function servicesOf(blocks: HclBlock[], environment: string, vars: Record<string, HclExpr>): PlainServiceRecipe[] {
  const scope = new Scope(blocks, vars);
  const out: PlainServiceRecipe[] = [];
  const ecs = new Map<string, PlainServiceRecipe>();
  const resources = blocks.filter((b) => b.type === 'resource' && b.labels.length === 2);

  for (const b of resources.filter((r) => r.labels[0] === 'aws_ecs_service')) {
    const label = b.labels[1];
    const s = serviceFor(scope, b, environment, 'terraform/aws_ecs_service');
    s.replicas = scope.number(b.attributes.desired_count);
    const taskLabel = scope.referenced(b.attributes.task_definition, 'aws_ecs_task_definition');
    const task = taskLabel ? scope.resource('aws_ecs_task_definition', taskLabel) : undefined;
    if (task) readTask(scope, task, s);
    ecs.set(label, s);
    out.push(s);
  }

  const targets = new Map<string, PlainServiceRecipe>();
  for (const b of resources.filter((r) => r.labels[0] === 'aws_appautoscaling_target')) {
    const svcLabel = scope.referenced(b.attributes.resource_id, 'aws_ecs_service');
    const resourceId = scope.string(b.attributes.resource_id)?.value;
    const s = svcLabel ? ecs.get(svcLabel) : [...ecs.values()].find((x) => resourceId?.endsWith(`/${x.name}`));
    if (!s) continue;
    s.minReplicas = scope.number(b.attributes.min_capacity);
    s.maxReplicas = scope.number(b.attributes.max_capacity);
    s.autoscalingName = b.labels[1];
    s.autoscalingLocation = b.location;
    s.parts!.push({ kind: 'terraform/aws_appautoscaling_target', name: b.labels[1], location: b.location });
    targets.set(b.labels[1], s);
  }
  for (const b of resources.filter((r) => r.labels[0] === 'aws_appautoscaling_policy')) {
    const t = scope.referenced(b.attributes.resource_id, 'aws_appautoscaling_target');
    const s = t ? targets.get(t) : undefined;
    const cfg = b.blocks.find((x) => x.type === 'target_tracking_scaling_policy_configuration');
    if (!s || !cfg) continue;
    const metric = scope.string(cfg.blocks.find((x) => x.type === 'predefined_metric_specification')?.attributes.predefined_metric_type)?.value;
    if (metric !== 'ECSServiceAverageCPUUtilization') continue;
    s.targetCpuUtilization = scope.number(cfg.attributes.target_value);
    s.parts!.push({ kind: 'terraform/aws_appautoscaling_policy', name: b.labels[1], location: b.location });
  }

  for (const b of resources.filter((r) => r.labels[0] === 'aws_autoscaling_group')) {
    const s = serviceFor(scope, b, environment, 'terraform/aws_autoscaling_group');
    s.replicas = scope.number(b.attributes.desired_capacity);
    s.minReplicas = scope.number(b.attributes.min_size);
    s.maxReplicas = scope.number(b.attributes.max_size);
    if (s.minReplicas || s.maxReplicas) {
      s.autoscalingName = s.name;
      s.autoscalingLocation = b.location;
    }
    out.push(s);
  }

  for (const b of resources.filter((r) => r.labels[0] === 'aws_db_instance')) {
    const s = serviceFor(scope, b, environment, 'terraform/aws_db_instance', 'identifier');
    readDatabase(scope, b, s);
    out.push(s);
  }
  return out;
}

function serviceFor(scope: Scope, b: HclBlock, environment: string, kind: string, nameAttr = 'name'): PlainServiceRecipe {
  const label = b.labels[1];
  const nameExpr = b.attributes[nameAttr];
  // A literal name is the service's name everywhere; a templated one (`"${var.env}-api"`) changes per environment,
  // so the resource's label names the service unless it is generic (`this`, `main`).
  const literal = nameExpr?.kind === 'literal' && typeof nameExpr.value === 'string' ? nameExpr.value : undefined;
  const name = literal ?? (GENERIC_LABELS.has(label) ? (scope.string(nameExpr)?.value ?? label) : label);
  return { format: 'terraform', kind, name, environment, location: b.location, settings: [], env: {}, parts: [] };
}

/** Fargate/EC2 task definition: `cpu` in CPU units (1024 = 1 vCPU), `memory` in MiB; the first container's image and env. */
function readTask(scope: Scope, task: HclBlock, s: PlainServiceRecipe): void {
  s.parts!.push({ kind: 'terraform/aws_ecs_task_definition', name: task.labels[1], location: task.location });
  const cpu = scope.number(task.attributes.cpu);
  const memory = scope.number(task.attributes.memory);
  // A task's cpu and memory are both what it reserves and what it may use.
  if (cpu) s.cpuRequest = s.cpuLimit = { value: cpu.value / 1024, location: cpu.location };
  if (memory) s.memoryRequest = s.memoryLimit = { value: memory.value * MiB, location: memory.location };
  const defs = task.attributes.container_definitions;
  const value = scope.value(defs);
  let containers: unknown = value;
  if (typeof value === 'string') {
    try {
      containers = JSON.parse(value);
    } catch {
      containers = undefined;
    }
  }
  const at = Array.isArray(containers) ? mainContainer(containers) : -1;
  const first = at >= 0 ? ((containers as unknown[])[at] as Record<string, unknown> | undefined) : undefined;
  if (!first || typeof first !== 'object' || !defs) return;
  // Positions inside jsonencode([...]) are exact; inside a JSON string they are the attribute's.
  const firstExpr = defs.kind === 'call' && defs.args[0]?.kind === 'tuple' ? defs.args[0].items[at] : undefined;
  const field = (o: HclExpr | undefined, key: string): HclExpr | undefined => (o?.kind === 'object' ? o.entries.find(([k]) => k === key)?.[1] : undefined);
  const loc = (e: HclExpr | undefined): SourceLocation => e?.location ?? defs.location;
  if (typeof first.image === 'string') s.image = { value: first.image, location: loc(field(firstExpr, 'image')) };
  else {
    const repo = scope.referenced(field(firstExpr, 'image'), 'aws_ecr_repository');
    const ecr = repo ? scope.resource('aws_ecr_repository', repo) : undefined;
    const ecrName = ecr ? (scope.string(ecr.attributes.name)?.value ?? repo) : undefined;
    if (ecrName) s.image = { value: ecrName, location: loc(field(firstExpr, 'image')) };
  }
  if (!cpu && typeof first.cpu === 'number') s.cpuRequest = { value: first.cpu / 1024, location: loc(field(firstExpr, 'cpu')) };
  if (!memory && typeof first.memory === 'number') s.memoryLimit = { value: first.memory * MiB, location: loc(field(firstExpr, 'memory')) };
  if (typeof first.memoryReservation === 'number') s.memoryRequest = { value: first.memoryReservation * MiB, location: loc(field(firstExpr, 'memoryReservation')) };
  const envExpr = field(firstExpr, 'environment');
  const env: EnvValues = {};
  if (Array.isArray(first.environment)) {
    first.environment.forEach((e: unknown, i: number) => {
      const o = e as { name?: unknown; value?: unknown };
      if (typeof o?.name !== 'string') return;
      const item = envExpr?.kind === 'tuple' ? envExpr.items[i] : undefined;
      env[o.name] = { value: o.value === undefined || o.value === null ? undefined : String(o.value), location: loc(field(item, 'value') ?? item) };
    });
  }
  s.env = env;
}

/**
 * The container a task runs for its service: of the essential ones (ECS's default) that are not an agent or proxy
 * beside the app (datadog, nginx, envoy, the OpenTelemetry collector, fluent-bit…), the first that maps a port, else
 * the first; else the first essential one; else the first. Not a migration or set-up container listed before it
 * (`essential = false`, run to completion through `dependsOn`), whose image and environment are not the service's.
 */
function mainContainer(containers: unknown[]): number {
  const essential = (c: unknown) => !!c && typeof c === 'object' && (c as { essential?: unknown }).essential !== false;
  const ports = (c: unknown) => Array.isArray((c as { portMappings?: unknown }).portMappings) && ((c as { portMappings: unknown[] }).portMappings.length > 0);
  const app = (c: unknown) => essential(c) && !(typeof (c as { image?: unknown }).image === 'string' && SIDECAR_IMAGE.test((c as { image: string }).image));
  for (const pick of [(c: unknown) => app(c) && ports(c), app, essential]) {
    const at = containers.findIndex(pick);
    if (at >= 0) return at;
  }
  return containers.length ? 0 : -1;
}

/** Images of what runs beside an app in its task: agents, log routers and proxies. */
const SIDECAR_IMAGE = /(?:^|\/)(?:datadog\/agent|agent|nginx|envoy|aws-appmesh-envoy|haproxy|traefik|caddy|otel\/opentelemetry-collector[\w-]*|aws-otel-collector|aws-xray-daemon|xray|cloudwatch-agent|fluent-bit|aws-for-fluent-bit|fluentd|newrelic\/infrastructure[\w-]*|grafana\/agent|vector)(?::|@|$)/i;

/** Instance class memory, for `instance_class` and the default `max_connections` derived from it. */
const DB_CLASS_MEMORY_GIB: Record<string, number> = {
  'db.t3.micro': 1, 'db.t3.small': 2, 'db.t3.medium': 4, 'db.t3.large': 8, 'db.t3.xlarge': 16, 'db.t3.2xlarge': 32,
  'db.t4g.micro': 1, 'db.t4g.small': 2, 'db.t4g.medium': 4, 'db.t4g.large': 8, 'db.t4g.xlarge': 16, 'db.t4g.2xlarge': 32,
  'db.m5.large': 8, 'db.m5.xlarge': 16, 'db.m5.2xlarge': 32, 'db.m5.4xlarge': 64, 'db.m6g.large': 8, 'db.m6g.xlarge': 16,
  'db.m6g.2xlarge': 32, 'db.m6i.large': 8, 'db.m6i.xlarge': 16, 'db.m7g.large': 8, 'db.m7g.xlarge': 16,
  'db.r5.large': 16, 'db.r5.xlarge': 32, 'db.r5.2xlarge': 64, 'db.r6g.large': 16, 'db.r6g.xlarge': 32, 'db.r6g.2xlarge': 64,
  'db.r6i.large': 16, 'db.r6i.xlarge': 32, 'db.r7g.large': 16, 'db.r7g.xlarge': 32,
};

function readDatabase(scope: Scope, b: HclBlock, s: PlainServiceRecipe): void {
  const cls = scope.string(b.attributes.instance_class);
  const engine = scope.string(b.attributes.engine)?.value ?? '';
  const memGiB = cls ? DB_CLASS_MEMORY_GIB[cls.value] : undefined;
  if (cls && memGiB) s.memoryLimit = { value: memGiB * GiB, location: cls.location };
  // max_connections from the parameter group, when it sets one literally.
  const groupLabel = scope.referenced(b.attributes.parameter_group_name, 'aws_db_parameter_group');
  const groupName = scope.string(b.attributes.parameter_group_name)?.value;
  const group = groupLabel ? scope.resource('aws_db_parameter_group', groupLabel) : groupName ? scope.byName('aws_db_parameter_group', groupName) : undefined;
  const fromGroup = group?.blocks.find((p) => p.type === 'parameter' && scope.string(p.attributes.name)?.value === 'max_connections');
  const setting: CapacitySetting | undefined = fromGroup ? numberSetting(scope, fromGroup.attributes.value) : undefined;
  if (group) s.parts!.push({ kind: 'terraform/aws_db_parameter_group', name: group.labels[1], location: group.location });
  if (setting) {
    s.settings.push(setting);
  } else if (cls && memGiB && /postgres|mysql|mariadb/.test(engine)) {
    // RDS defaults: PostgreSQL LEAST({DBInstanceClassMemory/9531392}, 5000); MySQL/MariaDB {DBInstanceClassMemory/12582880}.
    // DBInstanceClassMemory is a little under the class's nominal memory: this is an upper bound, named as such.
    const divisor = engine.includes('postgres') ? 9531392 : 12582880;
    const value = Math.min(Math.floor((memGiB * GiB) / divisor), 5000);
    s.settings.push({ kind: 'maxConnections', name: `max_connections (RDS default for ${cls.value}, at most)`, value, location: cls.location });
  }
}

function numberSetting(scope: Scope, e: HclExpr | undefined): CapacitySetting | undefined {
  const n = scope.number(e);
  return n ? { kind: 'maxConnections', name: 'max_connections', value: n.value, location: n.location } : undefined;
}
