/**
 * Which calls reach a database ("query") or another service ("call"), as data.
 * A rule matches a member chain (`prisma.order.findMany` → ['prisma','order','findMany']):
 * `root` against its first name, `method` against its last. Extend it from `.ops-lens.yaml` (`calls:`).
 */
export type CallKind = 'query' | 'call';
export type LanguageFamily = 'js' | 'python' | 'go' | 'java';

export interface CallRule {
  kind: CallKind;
  languages: LanguageFamily[];
  /** Regular expression source, matched against the whole first name of the chain. */
  root: string;
  /** Regular expression source, matched against the whole last name; absent: the chain may be the root alone. */
  method?: string;
  /** Some name between root and method must match this (Django's `objects`). */
  through?: string;
  /** What the user is told the call is. */
  label: string;
}

export const DEFAULT_CALL_RULES: CallRule[] = [
  // JavaScript / TypeScript databases
  {
    kind: 'query',
    languages: ['js'],
    root: 'db|pool|client|pg|pgPool|conn|connection|database|sql|mysql|tx|trx|knex',
    method: 'query|execute|raw|one|many|any|oneOrNone|manyOrNone|none|select|first',
    label: 'SQL query (node-postgres, mysql2, pg-promise, knex)',
  },
  {
    kind: 'query',
    languages: ['js'],
    root: 'prisma',
    method:
      'findMany|findFirst|findUnique|findUniqueOrThrow|findFirstOrThrow|count|aggregate|groupBy|create|createMany|update|updateMany|upsert|delete|deleteMany|\\$queryRaw|\\$executeRaw',
    label: 'Prisma query',
  },
  {
    kind: 'query',
    languages: ['js'],
    root: '[A-Z]\\w*|\\w*Repository|\\w*Repo|repo|manager|em|entityManager|dataSource',
    method: 'findAll|findOne|findByPk|findAndCountAll|find|findOneBy|findBy|findById|count|aggregate|save|destroy|insertMany|updateMany|deleteMany',
    label: 'ORM query (Sequelize, TypeORM, Mongoose)',
  },
  // JavaScript / TypeScript outbound HTTP
  { kind: 'call', languages: ['js'], root: 'fetch', label: 'HTTP request (fetch)' },
  { kind: 'call', languages: ['js'], root: 'axios|got|superagent|needle|ky|undici', label: 'HTTP request' },
  { kind: 'call', languages: ['js'], root: 'http|https', method: 'get|request', label: 'HTTP request (node:http)' },
  {
    kind: 'call',
    languages: ['js'],
    root: '\\w*[cC]lient|api|httpClient',
    method: 'get|post|put|patch|delete|request|head',
    label: 'remote call',
  },
  // Python databases
  {
    kind: 'query',
    languages: ['python'],
    root: 'cursor|cur|conn|connection|db|session|engine|database|c',
    method: 'execute|executemany|query|scalars|scalar|fetch|fetchrow|fetchval',
    label: 'SQL query (DB-API, SQLAlchemy, asyncpg)',
  },
  {
    kind: 'query',
    languages: ['python'],
    root: '[A-Z]\\w*',
    through: 'objects',
    method: 'filter|get|all|exclude|create|update|delete|count|aggregate|values|values_list|first|last|get_or_create',
    label: 'Django ORM query',
  },
  // Python outbound HTTP
  {
    kind: 'call',
    languages: ['python'],
    root: 'requests|httpx|urllib3|aiohttp',
    method: 'get|post|put|patch|delete|head|request|urlopen',
    label: 'HTTP request',
  },
  {
    kind: 'call',
    languages: ['python'],
    root: 'session|client|http|http_client|\\w+_client',
    method: 'get|post|put|patch|delete|head|request',
    label: 'HTTP request',
  },
];

export interface CallMatch {
  kind: CallKind;
  label: string;
}

interface CompiledRule {
  rule: CallRule;
  root: RegExp;
  method?: RegExp;
  through?: RegExp;
}

export class CallCatalogue {
  private readonly rules: CompiledRule[];

  constructor(rules: CallRule[] = DEFAULT_CALL_RULES) {
    this.rules = rules.map((rule) => ({
      rule,
      root: new RegExp(`^(?:${rule.root})$`),
      method: rule.method ? new RegExp(`^(?:${rule.method})$`) : undefined,
      through: rule.through ? new RegExp(`^(?:${rule.through})$`) : undefined,
    }));
  }

  match(chain: string[], family: LanguageFamily): CallMatch | undefined {
    if (chain.length === 0) return undefined;
    const root = chain[0];
    const last = chain[chain.length - 1];
    for (const { rule, root: r, method, through } of this.rules) {
      if (!rule.languages.includes(family) || !r.test(root)) continue;
      if (method ? chain.length < 2 || !method.test(last) : chain.length > 2) continue;
      if (through && !chain.slice(1, -1).some((n) => through.test(n))) continue;
      return { kind: rule.kind, label: rule.label };
    }
    return undefined;
  }
}
