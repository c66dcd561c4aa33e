import { PANACHE_QUERY_METHODS } from './activeRecord';

/**
 * Which calls reach a database ("query") or another service ("call"), which list rows without a bound, which block,
 * which create clients that need a timeout, and which configure retries: all as data.
 * A rule matches a member chain (`prisma.order.findMany` → ['prisma','order','findMany']):
 * `root` against its first name, `method` against its last. Extend it from `.ops-lens.yaml` (`calls:`).
 */
export type CallKind = 'query' | 'call';
export type LanguageFamily = 'js' | 'python' | 'go' | 'java';

export interface ChainPattern {
  languages: LanguageFamily[];
  /** Regular expression source, matched against the whole first name of the chain. */
  root: string;
  /** Regular expression source, matched against the whole last name; absent: the chain may be the root alone. */
  method?: string;
  /** Some name between root and method must match this (Django's `objects`). */
  through?: string;
  /** No name between root and method matches this: bolt's `tx.Bucket(b).Delete(k)` works on an in-process tree. */
  notThrough?: string;
  /** The root is not this (with a root of any name): the Go MongoDB driver's `options.Find()` builds options. */
  notRoot?: string;
  /**
   * Only the root called by itself (`request(url, cb)`), not a method of it: `request.get('Host')` reads a header of
   * the request a handler was given.
   */
  alone?: boolean;
  /**
   * Only in a file whose text matches this (multiline): `request(…)` is the `request` package's where the file
   * imports it, not a project's own wrapper of fetch named the same.
   */
  inFilesMatching?: string;
  /**
   * Only a call whose argument list (brackets included) matches this: `request.get(url, cb)` is the package's, not
   * `request.get('Host')`, a header of the request a handler was given that is also named `request`.
   */
  argsMatching?: string;
}

export interface CallRule extends ChainPattern {
  kind: CallKind;
  /** What the user is told the call is. */
  label: string;
  /** What sends such calls together, said after a call in a loop (`MGET`, `HMGET` or a pipeline for Redis). */
  fix?: string;
  /**
   * Named as a project's own types also are (Go's `…Client` holders: cloudreve's `inventory.SettingClient` is its data
   * layer, not a gRPC stub): the join drops what the call is said to be when it lands on a function of the workspace,
   * and follows it there instead.
   */
  unlessWorkspace?: boolean;
  /**
   * A related manager's method named as other clients' are (`question.options.create(…)`, but also Twilio's
   * `client.messages.create(…)`): the join keeps the call only when a model of the workspace has a relation of the
   * name before the method.
   */
  djangoRelation?: boolean;
  /**
   * A MyBatis-Plus BaseMapper's statement named as other mappers' methods are (`insert`, `update`, `delete`): the join
   * keeps the call only when the holder's declared type is an interface of the workspace that extends BaseMapper
   * (MyBatis-Plus's or MyBatis-Flex's) or IJpaMapper (mybatis-jpa-extra's), directly or through the project's own
   * (ruoyi-vue-pro's BaseMapperX).
   */
  mybatisPlusMapper?: boolean;
  /**
   * A statement a service inherits from a data library's base (MyBatis-Plus's `IService`/`ServiceImpl`), named as any
   * service's method (`getById`, `save`): the join keeps the call only when the holder's declared type (`this`: the
   * class the call is written in) is a class or interface of the workspace that extends one of these names (`|` between
   * them), directly or through the project's own. A controller need not import the library (a service in another file
   * does).
   */
  serviceBases?: string;
  /**
   * Named as a data layer's holder (`…Repository`), which may be the project's own interface kept in memory (Sentinel's
   * `MetricsRepository`, implemented only by InMemoryMetricsRepository's map): the join drops what the call is said to
   * be when the holder is declared as an interface of the workspace that extends none from outside it (no Spring Data
   * repository, no mapper) and classes of the workspace implement it, and follows the call into them instead.
   */
  unlessImplemented?: boolean;
  /**
   * JavaScript: a model's method by its name (`Table.findOne(…)`, Sequelize's, Mongoose's), which may be the project's
   * own class's method answered from memory (saltcorn's `static findOne(where)` over `getState().tables`): the join
   * drops what the call is said to be when it lands on a method of that name a class of the workspace defines, neither
   * async nor saying Promise, that reaches no query or remote call.
   */
  unlessOwnSync?: boolean;
  /**
   * The call returns at once when its arguments match this (a callback given: Apache's async client's
   * `httpclient.execute(httpGet, new FutureCallback<…>() {…})`), the request going on beside the caller: a loop of them
   * fans out in parallel.
   */
  parallelWithArgs?: string;
}

/** `unbounded-query`: a call that returns every matching row unless something bounds it. */
export interface ListRule extends ChainPattern {
  label: string;
  /** Bounded when the call's arguments match this (`take:`, `limit:`, a `Pageable`). */
  boundedByArgs?: string;
  /** Bounded when the chain around the call has a method matching this (`.limit(10)`, `.first()`, `[:20]`). */
  boundedByChain?: string;
  /**
   * Bounded when the statement the chain runs matches this: an argument along it (`session.exec(select(X).limit(5))`),
   * or what the local variable given was built with (`stmt = select(X)…limit(n)`; `session.exec(stmt).all()`).
   */
  boundedByStatement?: string;
  /** The call as written, its chain and arguments, matches this: Drizzle's `db.with(sq).select().from(sq)`. */
  boundedByCall?: string;
  /**
   * Bounded when a statement that builds the chain's variable matches (`q = q.Where("id = ?", id)`, then `q.Find(&xs)`),
   * not the chain itself: a subquery along it has conditions of its own (boundedBySqlWhere reads those).
   */
  boundedWhereBuilt?: string;
  /** Only methods before the call bound it: GORM runs the query at `Find`, so `Find(&xs).Limit(10)` limits nothing. */
  boundedOnlyBefore?: boolean;
  /** Bounded when the function says this before the call (`PageHelper.startPage(n, size)` pages the next MyBatis select). */
  boundedByCallBefore?: string;
  /**
   * Bounded when a call of the chain named `method` has arguments matching `args` (Django's `filter(pk=…)`: one row;
   * not `exclude(pk=…)`, nor an `id=` inside a subquery given to it).
   */
  boundedByCallArgs?: { method: string; args: string };
  /**
   * Calls of the chain whose first argument is a SQL condition (GORM's `Where("media_id = ?", id)`): bounded when the
   * condition bounds a SELECT as its WHERE would (a key or a parent's key, a list the caller gives: `id IN (?)`).
   */
  boundedBySqlWhere?: string;
  /**
   * The argument is a local variable built empty (`empty`, the text after `=`) and given no call matching `filters`
   * before the call, nor handed to another function: it bounds nothing whatever `boundedByArgs` says of its name
   * (novel's `queryWrapper = new QueryWrapper<>(); queryWrapper.orderByAsc(…); mapper.selectList(queryWrapper)`).
   */
  builtEmpty?: { empty: string; filters: string };
  /** See CallRule.unlessOwnSync. */
  unlessOwnSync?: boolean;
  /** See CallRule.serviceBases: the join keeps the hazard only when the holder's declared type extends one of these. */
  serviceBases?: string;
}

/** Where a blocking call hurts: anywhere on a request path, in an `async def`/event loop, or in reactive code. */
export type BlockingContext = 'request' | 'async' | 'reactive';

export interface BlockingRule extends ChainPattern {
  context: BlockingContext;
  label: string;
}

/**
 * Go's default client given a timeout: its field set (`http.DefaultClient.Timeout = 5 * time.Second`), or the client
 * replaced by one that has one (fider's `http.DefaultClient = &http.Client{Timeout: 30 * time.Second, …}` in `init`).
 */
// (The replacing literal's own field: a nested struct's, `&net.Dialer{Timeout: …}`, bounds only the dial.)
const GO_DEFAULT_CLIENT_TIMEOUT = '\\bDefaultClient(?:\\.Timeout\\s*=|\\s*=\\s*&?http\\.Client\\s*\\{(?:[^{}]|\\{[^{}]*\\})*?\\bTimeout\\s*:)';

/** `missing-timeout`: an outbound client created or called without a timeout. */
export interface TimeoutRule extends ChainPattern {
  label: string;
  /** Has a timeout when the arguments (or the chain around the call) match this. */
  timeoutArgs?: string;
  /** Has a timeout when the file configures one elsewhere (`axios.defaults.timeout = …`). */
  configuredInFile?: string;
  /**
   * The timeout is set on what the call returns, by a method named so (java.net's `conn.setConnectTimeout(…)` on the
   * connection `url.openConnection()` opens): where the function keeps it in a variable, or reads it at once, it has
   * one only if the function calls such a method on it; `configuredInFile` is asked only of one handed on (to a helper
   * that may set it, returned, kept under another name), as of one kept elsewhere (a field).
   */
  setOnResult?: string;
  /**
   * What `configuredInFile` sets is the process's default (`axios.defaults`, Go's `http.DefaultClient`), named
   * here: set in any file of the service (its start-up code, usually), every call of this rule there has it.
   */
  processDefault?: string;
  /** Cannot take a timeout in its arguments (Go's `http.Get` uses the default client): reported unless `configuredInFile`. */
  always?: boolean;
  /**
   * Made only by a browser when its own arguments match this: no server worker waits on it. (In a loop it is still
   * N requests to the service: `call-in-loop` does not ask this.)
   */
  browserOnlyArgs?: string;
  /** Opens no socket when its own arguments match this (nodemailer's `sendmail: true` pipes to a local program). */
  localArgs?: string;
  /**
   * Opens no socket when the calling function gives the call's holder a value matching this (powerjob's `URL
   * propertiesURL = PropertyUtils.class.getClassLoader().getResource("application.properties")`: read from the jar).
   */
  localHolder?: string;
  /**
   * Opens a socket only when the calling function gives the call's holder a value matching this, a URL it builds
   * (kkFileView's `url = WebUtils.normalizedURL(urlPath)`, `new URL(u)`): a parameter's, a field's, or one read from
   * the class path (`urls.nextElement()` of `getResources(…)`, `ResourceUtils.getURL("classpath:…")`) is not said to.
   */
  remoteHolder?: string;
  /**
   * Made on a client made elsewhere, when the arguments along the chain match this (halo's `WebClient.builder()
   * .clientConnector(new ReactorClientHttpConnector(HttpSecurityUtils.secureHttpClient()))`): its timeouts are set, or
   * not, where that client is made, which this file does not show. Not reported.
   */
  madeOnClientArgs?: string;
}

/** `retry-without-backoff`: a retry helper configured without a delay between attempts. */
export interface RetryRule extends ChainPattern {
  label: string;
  /** Has a backoff when the arguments match this. */
  backoffArgs: string;
}

export interface CatalogueData {
  calls: CallRule[];
  lists: ListRule[];
  blocking: BlockingRule[];
  timeouts: TimeoutRule[];
  retries: RetryRule[];
}

/** What a TypeORM query builder is made from or kept in (`getRepository(X).createQueryBuilder()`, `qb`). */
/** Names that say a SQLAlchemy session, not an HTTP one: `db_session`, `async_session`, `self.dbsession`. */
const DB_SESSION = '\\w*db_?session|async_session|sa_session|session_local|SessionLocal';

/** The MongoDB driver's collection methods that reach the server (not the cursor's own). */
const MONGO_METHODS =
  'findOne|insertOne|insertMany|updateOne|updateMany|replaceOne|deleteOne|deleteMany|countDocuments|estimatedDocumentCount|aggregate|bulkWrite|distinct|findOneAndUpdate|findOneAndDelete|findOneAndReplace';

/** pymongo's and Motor's collection methods that reach the server. */
const PY_MONGO_METHODS =
  'find|find_one|find_one_and_update|find_one_and_delete|find_one_and_replace|insert_one|insert_many|update_one|update_many|replace_one|delete_one|delete_many|aggregate|count_documents|estimated_document_count|distinct|bulk_write';
/** A module that uses pymongo or Motor (plane's bgtasks import `pymongo.collection.Collection`). */
const PY_MONGO_FILES = '^[ \\t]*(?:from|import)\\s+(?:pymongo|motor)\\b';
/** What Python code keeps a MongoDB collection or database in: `collection`, `mongo_collection`, `db.users`. */
const PY_MONGO_ROOTS = '\\w*collection|coll|\\w+_coll|db|\\w+_db|mongo\\w*|client|\\w+_client';
/** The Go driver's collection methods (go.mongodb.org/mongo-driver). */
const GO_MONGO_METHODS =
  'Find|FindOne|FindOneAndUpdate|FindOneAndDelete|FindOneAndReplace|InsertOne|InsertMany|UpdateOne|UpdateMany|UpdateByID|ReplaceOne|DeleteOne|DeleteMany|Aggregate|CountDocuments|EstimatedDocumentCount|Distinct|BulkWrite';
/** A Go file that imports the MongoDB driver (its `bson` or `options` packages too): where `Find` is not GORM's. */
const GO_MONGO_FILES = '"go\\.mongodb\\.org/mongo-driver(?:/v2)?/';

/** A Java file that uses jOOQ (`import org.jooq.DSLContext;`, `import static org.jooq.impl.DSL.*;`). */
const JOOQ_FILES = '^[ \\t]*import\\s+(?:static\\s+)?org\\.jooq\\.';
const JOOQ_STARTS = 'select\\w*|insertInto|update|deleteFrom|delete|mergeInto';
const JOOQ_RUNS = 'fetch\\w*|execute|stream|collect|iterator';

/**
 * Redis commands that are one round trip each (ioredis, redis-py and Jedis name them as the protocol does, node-redis
 * v4 in camel case). Not the blocking reads a consumer loop waits on (`BLPOP`, `XREAD`, `SUBSCRIBE`): a worker's loop
 * is not load a request brings.
 */
const REDIS_COMMANDS =
  'get|set|setex|psetex|setnx|getset|getdel|getex|mget|mset|del|delete|unlink|exists|expire|pexpire|expireat|ttl|pttl|persist|incr|incrby|incrbyfloat|decr|decrby|append|' +
  'hget|hset|hsetnx|hmget|hmset|hgetall|hdel|hincrby|hexists|hkeys|hvals|hlen|sadd|srem|smembers|sismember|scard|spop|' +
  'zadd|zrem|zrange|zrangebyscore|zrevrange|zrevrangebyscore|zscore|zincrby|zcard|zcount|zrank|lpush|rpush|lpop|rpop|lrange|llen|lindex|lrem|ltrim|' +
  'publish|xadd|xack|xrange|pfadd|pfcount|geoadd|eval|evalsha';
/** node-redis v4's and Jedis' camel-case names of the same commands. */
const REDIS_CAMEL_COMMANDS =
  'setEx|pSetEx|setNX|getSet|getDel|getEx|mGet|mSet|incrBy|incrByFloat|decrBy|hGet|hSet|hSetNX|hmGet|hGetAll|hgetAll|hDel|hIncrBy|hincrBy|hExists|hKeys|hVals|hLen|' +
  'sAdd|sRem|sMembers|sIsMember|sCard|sPop|zAdd|zRem|zRange|zRangeByScore|zrangeByScore|zRevRange|zrevrangeByScore|zScore|zIncrBy|zCard|zCount|zRank|' +
  'lPush|rPush|lPop|rPop|lRange|lLen|lIndex|lRem|lTrim|xAdd|xAck|xRange|pfAdd|pfCount|geoAdd|evalSha|sendCommand';
/** go-redis' names of the same commands (each takes a context first). */
const GO_REDIS_COMMANDS =
  'Get|Set|SetEx|SetNX|GetSet|GetDel|GetEx|MGet|MSet|Del|Unlink|Exists|Expire|ExpireAt|TTL|Persist|Incr|IncrBy|IncrByFloat|Decr|DecrBy|Append|' +
  'HGet|HSet|HSetNX|HMGet|HMSet|HGetAll|HDel|HIncrBy|HExists|HKeys|HVals|HLen|SAdd|SRem|SMembers|SIsMember|SCard|SPop|' +
  'ZAdd|ZRem|ZRange|ZRangeByScore|ZRevRange|ZRevRangeByScore|ZScore|ZIncrBy|ZCard|ZCount|ZRank|LPush|RPush|LPop|RPop|LRange|LLen|LIndex|LRem|LTrim|' +
  'Publish|XAdd|XAck|XRange|PFAdd|PFCount|GeoAdd|Eval|EvalSha';
/** What a framework hands a handler as its request's context (tRPC's `ctx`). */
const CONTEXTS = /^(?:ctx|context)$/;
/** An ORM's handle, held by another object: TypeORM's DataSource or entity manager, a Prisma client. */
const JS_HELD_HANDLE = /^(?:[A-Z]\w*DataSource|dataSource|manager|entityManager|prisma|\w+Prisma)$/;

/** A Go file that uses dbx (pocketbase's fork, or ozzo-dbx). */
const DBX_FILES = '"github\\.com/(?:pocketbase/dbx|go-ozzo/ozzo-dbx)"';
/** What starts or shapes a dbx query: its builders, and a project's own `…Query()` that returns one. */
const DBX_BUILDERS = 'Select|From|NewQuery|Insert|Update|Delete|Upsert|Model|\\w+Query';
/** What runs it. */
const DBX_RUNS = 'One|All|Row|Rows|Column|Execute';

/**
 * The first argument of net/http's `Get(url)`, `Post(url, …)`: not a string that is no URL nor path (`"model"`), nor a
 * name for a key, an id or a name (`RealtimeClientAuthKey`, `id`).
 */
const GO_URL_ARG = '^\\(\\s*(?!"(?!https?:|/|%|\\{)[^"]*"\\s*[,)])(?!\\w*(?:[kK]ey|K[eE][yY]|[iI][dD]|ID|[nN]ame)\\s*[,)])';

/** What JavaScript keeps a Redis client in: `redis`, `this.redis`, `redisClient`, `rateLimitRedis`, `ioredis`. */
const JS_REDIS_ROOTS = '_?redis|ioredis|\\w+Redis|redis(?:Client|Conn|Connection|Cache|Db)';
/** A JavaScript module that loads a Redis client, where a client named `client` is likely Redis's (node-redis' docs). */
const JS_REDIS_FILES = `(?:from\\s+|require\\s*\\(\\s*)['"](?:redis|ioredis|@redis/client)['"]`;
/** Any client, in a module that loads a Redis client (see JS_REDIS_FILES). */
const JS_REDIS_CLIENTS = 'client|\\w*[cC]lient';
/** What Python keeps a redis-py client in: `redis`, `self._redis`, `redis_client`, `cache_redis`. */
const PY_REDIS_ROOTS = '_?redis|\\w+_redis|_?redis_(?:client|conn|connection|cli|db|cache)';
/** A Go file that imports go-redis (`github.com/redis/go-redis/v9`, the older `github.com/go-redis/redis/v8`). */
const GO_REDIS_FILES = '"github\\.com/(?:redis/go-redis|go-redis/redis)(?:/v\\d+)?"';
/** Commands queued on a pipeline or transaction are sent together: `pipe.Incr(ctx, k)`, `pipeline.get(k)`, `multi`. */
const REDIS_QUEUES = 'pipe\\w*|\\w*[pP]ipe(?:line)?[rR]?|tx|\\w*[mM]ulti';
/** go-redis: what reads a command's reply (`.Result()`, `.Val()`, `.Scan(&v)`); the command ran when called. */
const GO_REDIS_REPLIES = 'Result|Val|Err|Scan|ScanSlice|Int|Int64|Uint64|Float32|Float64|Bool|Bytes|Text|Slice|StringSlice|Int64Slice|Time';
/** go-redis: a command's context first (`rdb.Get(ctx, key)`), not gin's `c.Get("user")` in the same file. */
const GO_REDIS_ARGS = '^\\(\\s*(?:ctx|c|\\w*[cC]tx|context\\.\\w+\\(\\))\\s*,';
/** Spring Data Redis: a template's operations (`template.opsForValue().get(k)`); the type when declared (`StringRedisTemplate`). */
const REDIS_TEMPLATE_ROOTS = '\\w*[rR]edisTemplate|template';
/** A template's own commands (`redisTemplate.delete(k)`, `hasKey`, `keys`). */
const REDIS_TEMPLATE_COMMANDS = 'delete|hasKey|expire|expireAt|getExpire|keys|convertAndSend|unlink|countExistingKeys|rename|persist';
const REDIS_TEMPLATE_OPS = 'opsFor(?:Value|Hash|List|Set|ZSet|Stream|Geo|HyperLogLog)|bound(?:Value|Hash|List|Set|ZSet|Stream|Geo)Ops';
/** The types of those operations, as a variable declares them (`ValueOperations<String, T> operation`). */
const REDIS_OPERATIONS_TYPES = '(?:Value|Hash|List|Set|ZSet|Stream|Geo|HyperLogLog)Operations|Bound(?:Value|Hash|List|Set|ZSet|Stream|Geo)Operations';
/** A Java file that uses Spring Data Redis (where a field named `template` is a Redis template). */
const REDIS_TEMPLATE_FILES = '^[ \\t]*import\\s+org\\.springframework\\.data\\.redis\\.';
/** Jedis and Lettuce's synchronous commands: `jedis.hgetAll(k)`, `commands.get(k)` where Lettuce is imported. */
const JEDIS_ROOTS = 'jedis|\\w*Jedis';
/**
 * A Java holder named for Redis, a library's wrapper or the project's own (SpringBlade's `BladeRedis bladeRedis`,
 * `redisUtil`, `RedisUtils`, `redisService`, `redisCache`): not one named for a key, a connection or settings.
 */
const JAVA_REDIS_HOLDERS = 'redis|\\w+Redis|(?:redis|\\w*Redis)(?:Util|Utils|Service|Cache|Client|Helper|Operator)';
/** …and the names such wrappers give commands beside the protocol's (`hasKey`, `getAndDel`). */
const JAVA_REDIS_WRAPPER_METHODS = 'hasKey|getExpire|getAndDel|getAndSet|getAndExpire';
const REDIS_FIX = 'MGET, HMGET or a pipeline sends them in one round trip.';
const REDIS_KEYS = 'Redis KEYS, which walks every key of the server and blocks it meanwhile: SCAN reads a page at a time';
const LETTUCE_FILES = '^[ \\t]*import\\s+io\\.lettuce\\.';

/**
 * Elasticsearch and OpenSearch: each request is a round trip to the cluster, as a query is, so one per item wants
 * `mget`, `msearch` or the bulk API. Known only where the file loads a client of theirs, whose names (`client`, `get`,
 * `index`) are everyone's.
 */
const ES_FIX = 'mget, msearch or the bulk API sends them in one request.';
const ES_CAMEL_METHODS = 'search|msearch|index|get|mget|update|delete|bulk|count|exists|create|scroll|searchScroll|updateByQuery|deleteByQuery|searchTemplate|getSource|termvectors|explain|knnSearch';
const ES_SNAKE_METHODS = 'search|msearch|index|get|mget|update|delete|bulk|count|exists|create|scroll|update_by_query|delete_by_query|search_template|get_source|termvectors|explain|knn_search';
/** `@elastic/elasticsearch`, the legacy `elasticsearch` package, OpenSearch's, or NestJS's module over them (an import's list may span lines). */
const JS_ES_FILES = `(?:from\\s+|require\\s*\\(\\s*)['"](?:@elastic/elasticsearch|elasticsearch|@opensearch-project/opensearch|@nestjs/elasticsearch)['"]`;
/**
 * What JavaScript keeps such a client in: `client`, `esClient`, `this.elasticsearchService`, `openSearch`. A
 * variable's name, not a class's (`Client.create(…)`), nor another client's (an axios `apiClient.get(url)` beside them).
 */
const JS_ES_ROOTS = 'es|client|esClient|[a-z_$][\\w$]*(?:Es|Search)Client|elastic\\w*|[a-z_$][\\w$]*Elastic\\w*|open[sS]earch\\w*|[a-z_$][\\w$]*OpenSearch\\w*';
/** elasticsearch-py, its async client, or opensearch-py (not elasticsearch-dsl alone: its searches run at `execute`). */
const PY_ES_FILES = '^[ \\t]*(?:from|import)\\s+(?:elasticsearch|opensearchpy)\\b(?!_dsl)';
/** `es`, `self.es`, `sync_es`, `es_client`, `client`, `self.elasticsearch`: not the dicts such code builds, `es_query`, `es_settings`. */
const PY_ES_ROOTS = '_?es|\\w+_es|_?es_client|\\w+_es_client|_?client|\\w+_client|_?elasticsearch|\\w+_elasticsearch|_?elastic_client|_?opensearch|\\w+_opensearch|_?opensearch_client|_?search_client';
/** go-elasticsearch (low-level or typed), olivere/elastic or opensearch-go. */
const GO_ES_FILES = '"github\\.com/(?:elastic/go-elasticsearch|olivere/elastic|opensearch-project/opensearch-go)(?:/v\\d+)?[/"]';
/** The low-level Go client's requests are named for the API (`es.Search(…)`, `es.Index(idx, body)`). */
const GO_ES_ROOTS = 'es|\\w*[eE]s[cC]li(?:ent)?|\\w*[eE]lastic\\w*|\\w*[oO]pen[sS]earch\\w*|\\w*[sS]earch[cC]lient';
const GO_ES_METHODS = 'Search|Msearch|Index|Get|Mget|Update|Delete|Bulk|Count|Exists|Create|Scroll|UpdateByQuery|DeleteByQuery|SearchTemplate|GetSource';
/** The Java clients: the High Level REST Client, the Java API client, OpenSearch's. */
const JAVA_ES_FILES = '^[ \\t]*import\\s+(?:org\\.elasticsearch\\.client\\.RestHighLevelClient|co\\.elastic\\.clients\\.elasticsearch\\.ElasticsearchClient|org\\.opensearch\\.client\\.(?:RestHighLevelClient|opensearch\\.OpenSearchClient))\\s*;';
/** A field's or variable's name, not a class's (Spring's `RestClient.create(…)`), nor another client's (`webClient.get()`). */
const JAVA_ES_ROOTS = 'client|esClient|[a-z]\\w*(?:Es|Search|HighLevel|Elasticsearch|OpenSearch)Client|elasticsearch\\w*|[a-z]\\w*Elasticsearch\\w*';
/** Spring Data Elasticsearch's template or operations, where the file imports the module. */
const SPRING_ES_FILES = '^[ \\t]*import\\s+org\\.springframework\\.data\\.elasticsearch\\.';
const SPRING_ES_ROOTS = '\\w*[eE]lasticsearch(?:Rest)?Template|\\w*[eE]lasticsearchOperations|\\w*[eE]s(?:Rest)?Template|operations';
const SPRING_ES_METHODS = 'search|searchOne|searchForStream|get|multiGet|save|index|bulkIndex|bulkUpdate|delete|count|exists|update|searchScrollStart|searchScrollContinue';

/** A module that loads got, superagent, needle, ky or undici (their names are also a variable's). */
const SMALL_HTTP_PACKAGES = `(?:from\\s+|require\\s*\\(\\s*|import\\s*\\(\\s*)['"](?:got|superagent|needle|ky|undici)['"]`;
/** A module that imports nodemailer's `createTransport` by name: `import { createTransport } from 'nodemailer'`, or requires it so. */
const NODEMAILER_CREATE_TRANSPORT = `\\bimport\\s*\\{[^{}]*\\bcreateTransport\\b[^{}]*\\}\\s*from\\s*['"]nodemailer['"]|\\{[^{}]*\\bcreateTransport\\b[^{}]*\\}\\s*=\\s*require\\s*\\(\\s*['"]nodemailer['"]\\s*\\)`;
/** A module that loads Node's `http` or `https`: `import https from 'node:https'`, `import * as http from 'http'`, `require('https')`. */
const NODE_HTTP_MODULE = `(?:\\bfrom\\s*|\\brequire\\s*\\(\\s*)['"](?:node:)?https?['"]`;
/** …one that imports its `request` (or `get`) by name: `import { request } from 'https'`, `const { get } = require('node:http')`. */
const nodeHttpNamed = (name: string): string =>
  `\\bimport\\s*\\{[^{}]*\\b${name}\\b[^{}]*\\}\\s*from\\s*['"](?:node:)?https?['"]|\\{[^{}]*\\b${name}\\b[^{}]*\\}\\s*=\\s*require\\s*\\(\\s*['"](?:node:)?https?['"]\\s*\\)`;
const NODE_HTTP_REQUEST = nodeHttpNamed('request');
const NODE_HTTP_GET = nodeHttpNamed('get');
/**
 * Node's `http.request`/`http.get` bounded: a `timeout` or an AbortSignal in its options, written in place or kept in
 * a variable (`{ timeout: 5000 }`, `{ signal }`).
 */
const NODE_HTTP_TIMEOUT_ARGS = '\\b(?:timeout|signal)\\s*[:,}]';
/** …or set on the request it returns: `req.setTimeout(5000, …)`, `req.on('timeout', …)` (TimeoutRule.setOnResult). */
const NODE_HTTP_REQUEST_TIMEOUT = `setTimeout|on(?=\\s*\\(\\s*['"]timeout['"])|once(?=\\s*\\(\\s*['"]timeout['"])`;
/**
 * A module that opens SQLite in its own process (better-sqlite3, node-sqlite3 and its `sqlite` wrapper, node:sqlite,
 * bun:sqlite), or prepares SQL written in place (`db.prepare('SELECT * FROM users')`, on a handle another module opens).
 */
const JS_SQLITE_FILES = `(?:\\bfrom\\s*|\\brequire\\(\\s*|\\bimport\\(\\s*)['"](?:better-sqlite3|sqlite3?|node:sqlite|bun:sqlite)['"]`;
const JS_PREPARED_SQL = `${JS_SQLITE_FILES}|\\.prepare\\(\\s*['"\`]\\s*(?:SELECT|select|INSERT|insert|UPDATE|update|DELETE|delete|WITH|with|REPLACE|replace)\\b`;
/** A module that loads node-sqlite3 (or `sqlite`, its promise wrapper), whose database runs SQL by itself: `db.all(sql, cb)`. */
const JS_SQLITE3_FILES = `(?:\\bfrom\\s*|\\brequire\\(\\s*|\\bimport\\(\\s*)['"]sqlite3?['"]`;
/** …given SQL first, written in place or in a name that says so (`db.get(sql, [id], cb)`): not `cache.get(key)`. */
const JS_SQLITE3_ARGS =
  "^\\(\\s*(?:['\"`]\\s*(?:SELECT|select|INSERT|insert|UPDATE|update|DELETE|delete|WITH|with|REPLACE|replace|PRAGMA|pragma)\\b|[\\w$.]*(?:sql|Sql|SQL|query|Query|QUERY)\\w*\\s*[,)])";
/** A module that loads the `request` package (or request-promise): `require('request')`, `import request from 'request'`. */
const REQUEST_PACKAGE = `(?:require\\s*\\(\\s*|from\\s+)['"](?:request|request-promise(?:-native)?)['"]`;

/**
 * A module that imports TypeORM (its entities extend `BaseEntity`, whose static `find` is TypeORM's), or a fork of it
 * published under a scope (`@n8n/typeorm`, which all of n8n imports): a package named `typeorm` is TypeORM whatever its
 * scope. (Not another scope's package of another name, `@n8n/typeorm-utils`, nor a name that merely ends so.)
 */
const TYPEORM = `(?:from\\s+|require\\s*\\(\\s*)['"](?:@[\\w.-]+/)?typeorm['"]`;
/** A module that shows TypeORM: its import, Nest's `@InjectRepository(…)`, a `Repository<User>`, `getRepository(…)`. */
const TYPEORM_FILE = `${TYPEORM}|['"]@nestjs/typeorm['"]|@InjectRepository\\b|\\bRepository<|\\bgetRepository\\(`;
/**
 * A Go query builder's condition that pins a key or a parent's key, as SQL's `WHERE user_id = ?` does:
 * `.Where("user_id = ? AND activity_type = ?", …)`, xorm's `.And("object_id = ?", id)` (also after a line break: Go
 * chains end their lines with the dot).
 */
const GO_WHERE_KEY =
  '\\.\\s*(?:Where|And)\\(\\s*"(?:[^"]*?[\\s(.`])?(?:id|\\w+_id)`?\\s*=\\s*[?$]' +
  // …or a column of another name given one id (gogs' `Where("uid = ?", userID)`, `Where("org_user.uid=?", org.ID)`).
  '|\\.\\s*(?:Where|And)\\(\\s*"[^"?]*?\\b[a-z_][\\w.]*\\s*=\\s*\\?\\s*"\\s*,\\s*(?:\\w+\\.)*\\w*(?:ID|Id)\\s*\\)' +
  // …or xorm's builder conditions: `Where(builder.Eq{"object_id": id})`, `Where(builder.In("id", ids))` (apache/answer).
  '|\\.\\s*(?:Where|And)\\(\\s*builder\\.(?:Eq\\s*\\{\\s*|In\\s*\\(\\s*)"(?:[\\w.]*\\.)?(?:id|\\w+_id)"';

/** xorm's engine and sessions (`s.engine`, `x`, `sess := s.engine.NewSession()`), where the file uses xorm. */
const XORM_ROOTS = 'engine|\\w*Engine|sess|session|\\w*Session|x';
/** Beego's ORM imported (v2's `client/orm`, v1's `orm`). */
const BEEGO_ORM = '"github\\.com/(?:beego/beego/v2/client/orm|astaxie/beego/orm)"';
/** A file of pop's queries: it imports gobuffalo's pop or ory's fork (`"github.com/ory/pop/v6"`), or ory's popx. */
const POP_FILE = '"github\\.com/(?:gobuffalo|ory)/pop(?:/v\\d+)?"|"github\\.com/ory/x/popx"';
const XORM_FILE = '"xorm\\.io/|"github\\.com/go-xorm/|\\bxorm\\.';
/** What bounds an xorm Find along its chain: a limit, keys, or a page from the project's own helper (`s.paginate(p)`). */
const XORM_BOUNDS = 'Limit|ID|In|\\w*[pP]aginat\\w*';
const XORM_BOUNDED_BY = '\\.\\s*(Limit|ID|In|\\w*[pP]aginat\\w*)\\s*\\(|' + GO_WHERE_KEY;
/** xorm's builder methods that GORM has not (it says `WithContext`, `Order`): a chain through one is xorm's. */
const XORM_ONLY_BUILDERS = 'Context|ID|In|NotIn|Cols|MustCols|AllCols|Desc|Asc|OrderBy|NoAutoCondition|UseBool|Incr|Decr|SetExpr|NoAutoTime';
/**
 * xorm through a field, whatever the file imports: Go shares a package's fields across its files (casdoor's
 * `ormer.Engine` is declared once, used from 57 files; apache/answer's `r.data.DB` in another package). An `Engine`
 * field through xorm's builders (or `Where`/`Table`), or given a bean's address (`Get(&user)`, `Find(&users,
 * &User{Owner: owner})`, `Count(new(User))`), not remark42's `s.Engine.Find(req)`, its own storage interface; a `DB`
 * field only through xorm's own builders (`r.data.DB.Context(ctx).Where(…).Get(&x)`).
 */
const XORM_HOLDERS: ChainPattern[] = [
  { languages: ['go'], root: 'Engine|\\w+Engine', through: `${XORM_ONLY_BUILDERS}|Where|And|Or|Table|Limit|Select|Join|GroupBy|Distinct` },
  { languages: ['go'], root: 'Engine|\\w+Engine', argsMatching: '^\\(\\s*(?:&|new\\s*\\()' },
  { languages: ['go'], root: 'DB|\\w+DB', through: XORM_ONLY_BUILDERS },
];
const XORM_RUNS = 'Find|FindAndCount|Get|Exist|Count|Sum|Sums|SumInt|SumsInt|Iterate|Rows|Insert|InsertOne|InsertMulti|Update|Delete|Exec|Query|QueryString|QueryInterface';
/** A module that imports AdonisJS's Lucid models (v6 `#models/…`, v5 `App/Models/…`) or Lucid itself. */
const LUCID = `['"](?:#models/|App/Models/|@adonisjs/lucid)`;
/** urllib3's `Retry(total=1)`, `Retry(1)`, `Retry(0)`: one retry at most. */
const ONE_RETRY = '^[\\w.]*Retry\\(\\s*(?:total\\s*=\\s*)?[01]\\s*[,)]|\\btotal\\s*=\\s*[01]\\b';

/** What runs a prepared statement of database/sql or sqlx (each a round trip). */
const GO_STATEMENT_RUNS = 'Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Get|GetContext|Select|SelectContext|Queryx|QueryRowx|QueryxContext|QueryRowxContext|MustExec|MustExecContext';

/** go-zero's sqlx/sqlc imported: the generated models and hand-written queries on them. */
const GO_ZERO_STORES = '"github\\.com/zeromicro/go-zero/core/stores/';
/** A go-zero logic or handler file: it is given the service context (`svcCtx *svc.ServiceContext`). */
const GO_ZERO_LOGIC = '\\bsvcCtx\\s+\\*svc\\.ServiceContext\\b';
/**
 * A Panache entity's file, where its static query methods are called unqualified (hazards/activeRecord): one that
 * extends a Panache base, or an entity extending the project's own base class (which the file cannot tell is
 * Panache's; a plain JPA entity calls no `find(…)` of its own).
 */
const PANACHE_ENTITY_FILE = '\\bextends\\s+(?:Reactive)?Panache(?:Mongo)?Entity(?:Base)?\\b|^[ \\t]*@(?:jakarta\\.persistence\\.|javax\\.persistence\\.)?(?:Entity|MongoEntity)\\b';
/** What pages a Panache query, or reads one row of it. */
const PANACHE_BOUNDED = 'page|range|firstResult\\w*|singleResult\\w*';

/** A module that loads Azure Cosmos DB's SDK, or the project's module that makes its client (`./cosmosClient`). */
const COSMOS = `(?:from\\s+|require\\s*\\(\\s*)['"][^'"\\n]*[cC]osmos[^'"\\n]*['"]`;

const AIOSQL_QUERIES = `\\baiosql\\b|^from\\s+[\\w.]+\\s+import\\s+(?:[\\w\\s,(]*,\\s*)?queries\\b`;

const REQUEST_VERBS = 'get|post|put|patch|del|delete|head';
/** Not one bare word in quotes (`request.get('Host')`, `request.get('content-type')`: a handler's header read). */
/**
 * A fetch of a path on the page's own origin (`fetch('/api/v1/tags')`, `` fetch(`/api/${id}`) ``, etherpad's
 * `fetch('../ep/pad/diag')`), which only a browser resolves (Node's fetch rejects a relative URL): formbricks' client
 * helpers kept beside its server code. Also one of
 * data in memory, a `data:` or `blob:` URL (hedgedoc's `fetch(dataUri)` of a pasted image), which sends no request.
 */
const BROWSER_FETCH_ARGS = `^\\(\\s*(?:['"\`](?:\\.{0,2}/|data:|blob:)|(?:dataUri|dataUrl|dataURL|dataURI|blobUrl|blobURL|objectUrl|objectURL)\\s*[,)])`;

const REQUEST_VERB_ARGS = `^\\((?!\\s*['"\`][\\w-]*['"\`]\\s*\\)$)`;

/** A module that imports Django's mail functions (`from django.core.mail import send_mail`). */
const DJANGO_MAIL = `^from\\s+django\\.core\\.mail\\s+import\\b`;

/** A module that uses Django's ORM. */
const DJANGO_MODULE = `^(?:from|import)[ \\t]+django\\b`;
/** What reads rows through a Django manager besides building a queryset: `get`, `first`, `get_or_create`…. */
const SET_READS = 'get|first|last|latest|earliest|get_or_create|update_or_create|values|delete';

/** Names Go code keeps a SQL query builder in (squirrel's `sq.Select(…)`): `query`, `countQuery`, `builder`, `qb`, `sb`. */
const SQL_BUILDER = 'query|\\w+Query|builder|\\w+Builder|qb|sb|ub|ib|sq|squirrel';

/** `take: 20`, or the shorthand `{ take, skip, where }` of a caller's parameters (ghostfolio's services). */
const TAKE_ARG = '\\btake\\s*[:,}]';

/**
 * The name of a key or a parent's key in an ORM's filter: `id`, `uid`, `slug`, `email`, `pollId`, `teamID`, `userUid`,
 * `user_id`, and the user who made the row, `createdBy` (teable's spaces of a user).
 */
const ORM_KEY = '(?:id|uid|uuid|slug|email|username|createdBy|created_by|[a-z][\\w$]*(?:Id|ID|Uid)|\\w*_id)';

/** Braces and what they hold, nested up to four deep (regular expressions cannot count further). */
const BALANCED = [1, 2, 3].reduce((inner) => `\\{(?:[^{}]|${inner})*\\}`, '\\{[^{}]*\\}');

/** The members of an object before the one a pattern goes on with, at its top level (none, or up to a comma). */
const EARLIER_MEMBERS = `(?:(?:[^{}]|${BALANCED})*?,)?\\s*`;

/** A key that names one row or one parent in a relation's filter: `id`, or a foreign key, `teamId`, `linkId`, `dataroom_id`. */
const RELATION_KEY = '(?:id|[a-z][\\w$]*(?:Id|ID|Uid)|\\w*_id)';

/**
 * A relation's filter, one or two deep, on the way to its key: `dataroom: {`, `teams: { some: {`, `conversation: {
 * participants: { some: {`. Not Prisma's operators, `NOT: {` (every other parent's rows), `every` or `none`.
 */
const RELATION_STEP = '(?:(?!(?:NOT|AND|OR|none|every|isNot)\\b)[\\w$]+\\s*:\\s*\\{\\s*(?:(?:some|is)\\s*:\\s*\\{\\s*)?){1,2}';

/**
 * An object that pins a key at its top level, the way an ORM's `where` does: one row by key, or one parent's children
 * (`{ pollId }`, `{ teamID, userUid }`, `{ userId: ctx.user.id }`, a relation by its id `{ user: { id } }`), which
 * the data model bounds as it bounds SQL's `WHERE poll_id = $1`. Not a key compared with an operator (`email: {
 * contains: q }`), set to null (`parentId: null`, every root), nor one inside a nested filter or an `OR` list.
 * `relations`: a relation pinned by its id or a parent's key counts too, in a `where` only (`select: { id: true }` is
 * no filter): papermark's `{ dataroom: { teamId } }`, and `{ teams: { some: { teamId } } }`, the users of one team
 * (not `{ some: { status } }`, which any parent may match).
 */
function pinsKeyAtTop(relations: boolean): string {
  const key = ORM_KEY;
  const value = '(?:\\s*:\\s*(?![\\s{]|(?:null|undefined|true|false)\\b)|\\s*[,}])';
  return `\\{${EARLIER_MEMBERS}(?:${key}${value}${relations ? `|${RELATION_STEP}${EARLIER_MEMBERS}${RELATION_KEY}${value}` : ''})`;
}

/**
 * `findMany({ where: { pollId } })` (Prisma, TypeORM, Sequelize), `findBy({ userId })` (TypeORM): the options' own
 * `where`, not one that filters what they include (ghostfolio's `include: { _count: { select: { accounts: { where: {
 * userId } } } } }` counts a user's accounts of each of every tag).
 */
const KEY_WHERE_ARG = `^\\s*\\{${EARLIER_MEMBERS}where\\s*:\\s*${pinsKeyAtTop(true)}|^\\s*${pinsKeyAtTop(false)}` +
  // …after the entity, as TypeORM's EntityManager takes it (Flowise's `queryRunner.manager.findBy(Workspace, { organizationId })`).
  `|^\\s*[A-Z][\\w$.]*\\s*,\\s*(?:\\{${EARLIER_MEMBERS}where\\s*:\\s*${pinsKeyAtTop(true)}|${pinsKeyAtTop(false)})`;

/**
 * What bounds a Prisma `findMany`: a `take`, a key pinned, or `where: { entityId: { in: websiteIds } }` (umami's
 * shares of a page of websites, langfuse's users of a page of actions): the rows of the ids given. Not with
 * `distinct:`, which Prisma applies in memory after reading every matching row (ghostfolio's latest price per symbol
 * reads each symbol's whole price history). The same through a tRPC context (`ctx.prisma.user.findMany`).
 */
const PRISMA_FIND_MANY_BOUND = TAKE_ARG + '|^(?![\\s\\S]*\\bdistinct\\s*:)[\\s\\S]*(?:(?<![\\w$])in\\s*:|' + KEY_WHERE_ARG + ')';

/**
 * A SQLAlchemy filter that pins a key or a parent's key (`.filter(Participant.incident_id == incident_id)`,
 * `.where(Item.id == item_id)`, `.filter_by(project_id=project_id)`): bounded as SQL's `WHERE incident_id = %s` is.
 * Written in the statement (then only its calls' arguments are read: a comparison that starts one) or in a statement
 * built before it; not one inside an `or_(…)`, nor `== None` (every root).
 */
const SQLA_KEY = '(?:id|uuid|slug|email|username|\\w+_id)';
/** A Python module that uses SQLAlchemy, or Flask-SQLAlchemy's `db`. */
const PY_SQLALCHEMY_FILES = '^[ \\t]*(?:from|import)\\s+(?:sqlalchemy|flask_sqlalchemy|sqlmodel)\\b';

/**
 * The key compared: `Item.id`, also case-folded, `func.lower(Customer.email)` (polar's lookups by email, `func.lower(
 * Customer.email) == email.lower()`); also of a model a helper is given (tracecat's sync adapters, `model.workspace_id
 * == …` with `model: type[T]`), named as Flask-SQLAlchemy's rule names one.
 */
const SQLA_MODEL = '(?:[A-Z]\\w*|cls|model|\\w+_model)';
const SQLA_KEY_COLUMN = `(?:${SQLA_MODEL}\\.${SQLA_KEY}|func\\.(?:lower|upper)\\(\\s*${SQLA_MODEL}\\.${SQLA_KEY}\\s*\\))`;
/**
 * The arguments of a `where(…)` before the one that pins the key, also with calls in them, two deep (polar's
 * `where(~W.is_deleted, W.events.bool_op("@>")(text(…)), W.organization_id == target.id)`): one argument each, so a
 * comparison inside an `or_(…)` is never reached.
 */
const SQLA_ARGS_BEFORE = '(?:(?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*,\\s*)?';

const SQLALCHEMY_KEY_FILTER = [
  `\\.(?:filter|where)\\s*\\(\\s*${SQLA_ARGS_BEFORE}${SQLA_KEY_COLUMN}\\s*==(?!\\s*(?:None\\b|null\\(\\)))`,
  // Conditions kept in a list the statement spreads, `where(*predicates)` (unboundedQueries.boundedStatement reads
  // what it was built with): tracecat's `predicates = [CaseComment.case_id == case_id]`, or one appended to it. Not
  // a list a comprehension makes, which is for an `or_(*…)`.
  `=\\s*\\[\\s*${SQLA_KEY_COLUMN}\\s*==(?!\\s*(?:None\\b|null\\(\\)))(?![^\\]\\n]*\\bfor\\b)`,
  `\\.append\\(\\s*${SQLA_KEY_COLUMN}\\s*==(?!\\s*(?:None\\b|null\\(\\)))`,
  `\\.filter_by\\s*\\(\\s*(?:[^()]*,\\s*)?${SQLA_KEY}\\s*=(?!=)(?!\\s*None\\b)`,
  `(?<![,(]\\s*)(?<=^|\\s)${SQLA_KEY_COLUMN}\\s*==(?!\\s*(?:None\\b|null\\(\\)))`,
  `(?<![,(]\\s*)(?<=^|\\s)${SQLA_KEY}\\s*=(?!=)(?!\\s*None\\b)`,
].join('|');

/**
 * A statement a project's factory makes for a key or the ids it is given (fief's `repository.get_user_permissions_
 * statement(user.id)`, polar's `repository.get_statement_by_org_ids(org_ids)`, `self._get_list_by_user_id_query(
 * user_id)`), or one named for what it selects by (polar's `get_statement_by_user(auth_subject.subject)`): those rows,
 * as a `where` on that key would be. Named for a statement or a query (`…_statement`, `…_query`, `…_stmt`): not the
 * Query API's own `query(User.id)`, nor a factory given no key (`get_base_statement()`, `get_ops_statement()`).
 */
/** What a statement factory named `…_by_<this>` narrows to: a key, or a parent the rows belong to. */
const SQLA_FACTORY_KEY = '(?:ids?|uuids?|slugs?|emails?|keys?|users?|orgs?|organizations?|organization_ids|org_ids|accounts?|customers?|subjects?|owners?|tenants?|teams?|projects?|subscriptions?|threads?|parents?)';
const SQLA_KEYED_FACTORY = [
  `\\b[A-Za-z_]\\w*?(?:_statement|_query|_stmt|statement_|query_|stmt_)\\w*\\(\\s*(?:[^()]*[,\\s(=])?(?:\\w+_ids?|ids?|\\w+\\.(?:\\w+_)?id)\\s*[,)]`,
  // (`_by_` a key, polar's `get_statement_by_org_ids(org_ids)`, `get_statement_by_user(subject)`: not `_by_status`.)
  `\\b\\w*(?:statement|query|stmt)_by_(?:\\w+_)?${SQLA_FACTORY_KEY}(?:_\\w+)?\\(\\s*[^)\\s]`,
  `\\b\\w*_by_(?:\\w+_)?${SQLA_FACTORY_KEY}_(?:statement|query|stmt)\\(\\s*[^)\\s]`,
].join('|');

/**
 * A knex instance or transaction: `knex`, `trx`, `db.knex` kept as `this.knex`, a `readKnex`; any holder declared as
 * one (hedgedoc's `transaction: Knex`, read through its type: FileStructure.typedChain).
 */
const KNEX_ROOTS = 'knex|trx|\\w+Knex|Knex(?:\\.Transaction)?';
/** knex kept as `db` (koa-knex-realworld's `const db = require('../lib/db')`): only where the file calls it so. */
const KNEX_DB_ROOTS = 'db|\\w+Db|database';
const KNEX_DB_CALL = `\\b(?:db|\\w+Db|database)\\(\\s*['"\`][\\w.]+['"\`]\\s*\\)\\s*\\.`;
const KNEX_METHODS =
  'insert|update|del|delete|increment|decrement|pluck|count|countDistinct|sum|min|max|avg|where|whereIn|whereNot|whereNull|andWhere|orWhere|from|join|leftJoin|innerJoin|orderBy|groupBy|limit|offset|returning|stream|truncate|onConflict|merge|ignore|upsert|select|first|raw|then';
const KNEX_LIST = {
  method: 'select|from|orderBy|stream|columns|column|distinct|pluck',
  boundedByChain: 'limit|first|where\\w*|andWhere|orWhere|count\\w*|sum|min|max|avg|groupBy|insert|update|del|delete|increment|decrement|paginate|into',
  label: 'knex select with no where or limit',
};

/** Hutool's HttpUtil: what sends at once, and what makes a request to execute. */
const HUTOOL_SENDS = 'get|post|downloadString|downloadBytes|downloadFile|downloadFileFromUrl';
const HUTOOL_REQUESTS = 'get|post|put|delete|patch|head|options|of|createGet|createPost|createRequest';
/** Hutool's process-wide default (`HttpGlobalConfig.setTimeout(5000)`), -1 (none) unless set. */
const HUTOOL_GLOBAL_TIMEOUT = 'HttpGlobalConfig\\.setTimeout\\s*\\(';
/**
 * A file that imports Hutool and no other class of the name (JeecgBoot's DingTalk SDK has its own `HttpUtil.post`):
 * read from the start of the text once, so the lookaheads scan it once.
 */
const hutoolFiles = (name: string) => `(?<![\\s\\S])(?![\\s\\S]*^import[ \\t]+(?!cn\\.hutool\\.)[\\w.]+\\.${name}[ \\t]*;)[\\s\\S]*^import[ \\t]+(?:static[ \\t]+)?cn\\.hutool\\.`;
const HUTOOL_UTIL_FILES = hutoolFiles('HttpUtil');
const HUTOOL_REQUEST_FILES = hutoolFiles('Http(?:Util|Request)');
/** A file that uses Hutool's Db or Session (Jpom's data layer, `Db db = Db.use(ds)`), by import or written in full. */
const HUTOOL_DB_FILES = '\\bcn\\.hutool\\.db\\.(?:(?:Db|Session|DbUtil)\\b|\\*)';
/** …its Session, where a name `session` is Hutool's, not a web or WebSocket session's (Jpom's handlers hold those). */
const HUTOOL_SESSION_FILES = '\\bcn\\.hutool\\.db\\.(?:Session\\b|\\*)';
/** What Hutool's Db and Session run (AbstractDb's methods): each opens a connection and runs one statement. */
const HUTOOL_DB_METHODS =
  'query|queryOne|queryNumber|queryString|execute|executeForGeneratedKey|executeBatch|insert|insertOrUpdate|upsert|insertForGeneratedKeys|insertForGeneratedKey|del|update|get|find|findAll|findBy|findLike|count|page|pageForEntityList|pageForEntity';

/**
 * A module that uses MyBatis-Plus, or MyBatis-Flex, whose IService, ServiceImpl and BaseMapper are named as MyBatis-Plus's;
 * and a class of one that inherits its IService (`extends ServiceImpl<SysUserMapper, SysUser>`).
 */
const MP_FILES = '\\bcom\\.(?:baomidou\\.mybatisplus|mybatisflex)\\b';
/** A repository or a DAO, by its holder's name or by the type the file declares for it (`PetRepository pets`). */
const JAVA_REPOSITORY_ROOTS = '\\w*[rR]epository|\\w*Repo|repo|\\w*Dao|\\w*DAO|dao';
const MP_SERVICE_IMPL = '\\bextends\\s+ServiceImpl\\s*<';
/** BaseMapper's statements no other kind of mapper names so (MapStruct's `update`, `insert` are not among them). */
const MP_MAPPER_ONLY = 'selectById|selectOne|selectList|selectPage|selectCount|selectBatchIds|selectByIds|selectMaps|selectObjs|selectByMap|updateById|deleteById|deleteByIds|deleteBatchIds|deleteByMap|insertOrUpdate';
/** A mapper interface that extends BaseMapper, or a project's own BaseMapper (ruoyi-vue-pro's `BaseMapperX<T>`). */
const MP_MAPPER_INTERFACE = '\\binterface\\s+\\w+(?:<[^>{]*>)?\\s+extends\\s+(?:[\\w.]+\\.)?\\w*BaseMapper\\w*\\s*<';
const MP_SERVICE_METHODS =
  'list|listByIds|listByMap|listMaps|listObjs|getById|getOne|getOneOpt|getMap|getObj|count|page|pageMaps|save|saveBatch|saveOrUpdate|saveOrUpdateBatch|updateById|updateBatchById|update|remove|removeById|removeByIds|removeBatchByIds|removeByMap';
/** What runs a chained query of IService (`lambdaQuery().eq(…).list()`). */
const MP_CHAIN_RUNS = 'list|one|oneOpt|count|exists|page|update|remove';
/** MyBatis-Flex's IService: the statements MyBatis-Plus's has not (`getOneAs`, `listAs`, `updateBatch`). */
const FLEX_SERVICE_METHODS = 'getOneByEntityId|getByEntityIdOpt|getByIdOpt|getOneAs|getOneAsOpt|getObjOpt|getObjAs|getObjAsOpt|objList|objListAs|listAs|exists|pageAs|updateBatch';
/** What runs MyBatis-Flex's chained query or update (`queryChain().where(…).one()`, `updateChain().set(…).update()`). */
const FLEX_CHAIN_RUNS = 'one|oneAs|oneOpt|oneAsOpt|obj|objAs|objOpt|objAsOpt|objList|objListAs|list|listAs|page|pageAs|count|exists|update|remove';
/** MyBatis-Flex's BaseMapper: the statements MyBatis-Plus's has not (`selectOneById`, `selectListByQuery`, `paginate`). */
const FLEX_MAPPER_METHODS =
  'insertSelective|insertBatch|insertBatchSelective|insertWithPk|insertSelectiveWithPk|insertOrUpdateSelective|deleteBatchByIds|deleteByCondition|deleteByQuery|updateByMap|updateByCondition|updateByQuery|' +
  'selectOneById|selectOneByEntityId|selectOneByMap|selectOneByCondition|selectOneByQuery|selectOneByQueryAs|selectOneWithRelations\\w*|selectListByIds|selectListByMap|selectListByCondition|selectListByQuery|selectListByQueryAs|selectListWithRelations\\w*|' +
  'selectAll|selectAllWithRelations|selectCountByQuery|selectCountByCondition|selectObjectByQuery|selectObjectByQueryAs|selectObjectListByQuery|selectObjectListByQueryAs|selectCursorByQuery|selectCursorByQueryAs|selectRowsByQuery|paginate\\w*|xmlPaginate';
/** mybatis-jpa-extra (MaxKey's data layer): what a service inherits from `JpaServiceImpl`, declared by `IJpaService`. */
const JPA_EXTRA_SERVICE_METHODS = 'fetch|fetchPageResults|find|findOne|findById|findByIds|findAll|get|query|count|exists|existsById|insert|insertBatch|persist|merge|update|delete|deleteBatch|deleteById|softDelete';
const JPA_EXTRA_SERVICE_IMPL = '\\bextends\\s+JpaServiceImpl\\s*<';
/** …and what a mapper inherits from its `IJpaMapper` that BaseMapper's names do not say (`insert`, `update`, `deleteById` do). */
const JPA_EXTRA_MAPPER_METHODS =
  'get|query|queryByQuery|queryByLambdaQuery|find|findAll|findByIds|fetch|fetchByQuery|fetchByLambdaQuery|fetchCount|fetchCountByPage|fetchPageResults|countById|countByQuery|countByLambdaQuery|' +
  'insertBatch|updateByQuery|updateByLambdaQuery|updateByUpdateWrapper|updateByLambdaUpdateWrapper|deleteBatch|deleteByQuery|deleteByLambdaQuery|softDelete|softDeleteById|softDeleteByQuery|softDeleteByLambdaQuery';
/**
 * A file that does not import Elasticsearch's low-level `RestClient`: no import line (not a comment) of
 * `org.elasticsearch.client.RestClient`, and none of the package's `*` unless a single-type import of another
 * `RestClient` wins over it (`import org.springframework.web.client.RestClient;`). Tried at the start of the text only
 * (the lookbehind fails at once anywhere else), so one scan per lookahead; matched with the `m` flag.
 */
const JAVA_IMPORT_LINE = '[\\s\\S]*^[ \\t]*import[ \\t]+';
const NOT_ELASTICSEARCH_REST_CLIENT =
  `(?<![\\s\\S])(?!${JAVA_IMPORT_LINE}org\\.elasticsearch\\.client\\.RestClient[ \\t]*;)` +
  `(?:(?!${JAVA_IMPORT_LINE}org\\.elasticsearch\\.client\\.\\*[ \\t]*;)|(?=${JAVA_IMPORT_LINE}[\\w.]+\\.RestClient[ \\t]*;))`;

/** PageHelper's `startPage` before a MyBatis select: its interceptor adds the LIMIT. */
const PAGE_HELPER_BEFORE = '\\bPage(?:Helper|Method)\\.(?:startPage|offsetPage)\\s*\\(';
/** A wrapper made empty, and the methods of a wrapper that add a condition (or a `last("limit 30")`). */
const MP_BUILT_EMPTY = {
  empty: '(?:new\\s+(?:Lambda)?QueryWrapper\\s*(?:<[^>]*>)?\\s*\\(\\s*\\)|Wrappers\\s*\\.\\s*(?:<[^>]*>\\s*)?(?:query|lambdaQuery)\\s*\\(\\s*\\))',
  // (MyBatis-Flex's QueryWrapper adds its conditions with `where(…)` too.)
  filters: 'eq|ne|gt|ge|lt|le|between|notBetween|like|notLike|likeLeft|likeRight|notLikeLeft|notLikeRight|isNull|isNotNull|in|notIn|inSql|notInSql|gtSql|geSql|ltSql|leSql|eqSql|exists|notExists|apply|last|and|or|nested|allEq|func|having|not|setEntity|setEntityClass|where',
};
/**
 * A MyBatis Generator example made in place and given no criterion that pins a key, a parent's key or the caller's
 * list (`andIdEqualTo(id)`, `andGoodsIdIn(ids)`, `andUsernameEqualTo(name)`) nor a limit: its flags, `andDeletedEqualTo(
 * false)`, `andTypeNotEqualTo(4)`, a time window, still select the table's rows (litemall's `getAll()` of regions).
 */
const MG_BUILT_EMPTY = {
  empty: 'new\\s+\\w+Example\\s*\\(\\s*\\)',
  filters: 'and\\w*(?:Id|Pid|Sn|No|Code|Key|Token|Name|Username|Mobile|Phone|Email|Openid|OpenId|Uuid|Url)(?:EqualTo|In)|setLimit|setOffset|limit|offset',
};
/** A wrapper with no conditions (or none at all): every row. */
const MP_NO_CONDITIONS = '^(?!\\s*(?:null|new\\s+(?:Lambda)?QueryWrapper\\s*(?:<[^>]*>)?\\s*\\(\\s*\\)|Wrappers\\.(?:emptyWrapper|query|lambdaQuery)\\s*\\(\\s*\\))?\\s*$)';

/** RedBeanNode (uptime-kuma): `R.findOne('monitor', ' id = ? ', [id])`, `R.getAll(sql, args)`, `R.store(bean)`. */
const REDBEAN_FILES = `(?:from\\s+|require\\s*\\(\\s*)['"]redbean-node['"]`;
const REDBEAN_METHODS = 'find|findOne|findAll|getAll|getRow|getCell|getCol|getAssoc|exec|store|storeAll|load|loadAll|batchLoad|trash|trashAll|count';
/** What Stripe's Node SDK resources do over the network (`stripe.customers.create`, `.subscriptions.retrieve`). */
const STRIPE_JS_METHODS = 'create|retrieve|update|list|del|cancel|search|pay|voidInvoice|finalizeInvoice|createPreview|listLineItems|capture|confirm|attach|detach|resume|expire|sendInvoice|markUncollectible';
/** …and its Python SDK's class methods (`stripe.Customer.retrieve(id)`, `stripe.Subscription.modify_async(…)`). */
const STRIPE_PY_METHODS = '(?:create|retrieve|modify|list|delete|cancel|search|pay|void_invoice|finalize_invoice|create_preview|capture|confirm|attach|detach|resume|expire|send_invoice)(?:_async)?';

/**
 * A root that is any name: the rule is told by its method (`x.$get(…)`, `x.query().findById(…)`). Rules with it are
 * looked up by the call's last name, not its first (CallCatalogue.mayMatch).
 */
const ANY_NAME = '[A-Za-z_$][\\w$]*';
/** A module that imports OpenAI's SDK (Python or JavaScript; an import's list may span lines: `} from 'openai'`). */
const OPENAI_IMPORT = `^[ \\t]*(?:from\\s+(?:openai|groq|together)\\b|import\\s+(?:openai|groq|together)\\b|(?:import\\b.*|\\}\\s*)\\bfrom\\s+['"](?:openai|groq-sdk|together-ai)['"/]|.*\\brequire\\(\\s*['"](?:openai|groq-sdk|together-ai)['"]\\s*\\))`;
/** A module that imports Anthropic's SDK (Python or JavaScript). */
const ANTHROPIC_IMPORT = `^[ \\t]*(?:from\\s+anthropic\\b|import\\s+anthropic\\b|(?:import\\b.*|\\}\\s*)\\bfrom\\s+['"]@anthropic-ai/sdk['"/]|.*\\brequire\\(\\s*['"]@anthropic-ai/sdk['"]\\s*\\))`;
/** What an LLM SDK's client is named: `client`, `aclient`, `openai_client`, `self.openai`, `llm`, `anthropic`, `claude`. */
const LLM_CLIENTS = '\\w*(?:[cC]lient|[oO]pen[aA][iI]|[aA]nthropic|[cC]laude|[lL]lm|LLM|[gG]roq|[tT]ogether|[mM]istral|[fF]ireworks|[dD]eep[sS]eek)\\w*';

/** What Objection's query builder runs (knex's builder methods and its own). */
const OBJECTION_METHODS =
  'findById|findByIds|findOne|first|where|whereIn|whereNot|andWhere|orWhere|insert|insertAndFetch|insertGraph|insertGraphAndFetch|upsertGraph|patch|patchAndFetch|patchAndFetchById|update|updateAndFetch|updateAndFetchById|delete|deleteById|del|select|column|columns|orderBy|limit|offset|page|range|count|sum|max|min|pluck|truncate|withGraphFetched|withGraphJoined|joinRelated|leftJoinRelated|innerJoin|leftJoin|resultSize|throwIfNotFound|modify|returning|increment|decrement|execute';

/**
 * A Prisma client, also under a service's name (ghostfolio's `this.prismaService`, a `PrismaService extends
 * PrismaClient`), or a repository holding it (postiz's `PrismaRepository<'agency'>`, `this._agency.model.agency`).
 */
const PRISMA_ROOTS = 'prisma|\\w*[pP]risma(?:Service|Client|Repository)?|tx';
const DRIZZLE_ROOTS = 'db|\\w+Db|tx';
/** What an AWS SDK v3 client is called (`s3Client`, `this.s3`, `sqs`, `sesClient`). */
const AWS_JS_CLIENTS = '\\w*[sS]3\\w*|\\w*[cC]lient|sqs|sns|ses|\\w*(?:Sqs|Sns|Ses|SQS|SNS|SES)\\w*';
/** What boto3's S3 client sends to S3. */
const S3_PY_METHODS = 'get_object|put_object|delete_object|delete_objects|head_object|copy_object|list_objects|list_objects_v2|upload_file|upload_fileobj|download_file|download_fileobj|get_object_tagging|put_object_tagging|head_bucket';
/**
 * The AWS SDKs' object-style clients, each method a request to the service: v2's and v3's aggregated JavaScript
 * clients (`new S3(…)`, `s3.getObject(params)`), boto3's (SQS, SNS, SES, Lambda…), Java's v1 and v2. Only in files
 * that load the SDK: the names (`publish`, `invoke`, `upload`) are others' too.
 */
const AWS_CAMEL_METHODS =
  'getObject|putObject|deleteObject|deleteObjects|headObject|copyObject|listObjects|listObjectsV2|upload|getObjectTagging|sendMessage|sendMessageBatch|deleteMessage|publish|publishBatch|sendEmail|sendRawEmail|sendTemplatedEmail|invoke|putRecord|putRecords|putRecordBatch|startExecution|getSecretValue|getParameter|getParameters|putEvents';
const AWS_SNAKE_METHODS =
  'send_message|send_message_batch|delete_message|publish|publish_batch|send_email|send_raw_email|send_templated_email|invoke|put_record|put_records|put_record_batch|start_execution|get_secret_value|get_parameter|get_parameters|put_events';
/**
 * …of these, those no other client names: what a holder named only for a client (`client`, `mqttClient`, `client_`)
 * sends. Not `publish`, `invoke`, `upload`, `sendMessage` (MQTT's `client.publish(topic, m)`, a chat bot's
 * `client.sendMessage(…)`). (Not a queue's `receiveMessage` either: a consumer's poll, waiting up to its
 * `WaitTimeSeconds` for the next batch, as Redis' BLPOP is.)
 */
const AWS_CAMEL_OWN_METHODS =
  'getObject|putObject|deleteObject|deleteObjects|headObject|copyObject|listObjects|listObjectsV2|getObjectTagging|sendMessageBatch|publishBatch|sendRawEmail|sendTemplatedEmail|putRecords|putRecordBatch|startExecution|getSecretValue|getParameters|putEvents';
const AWS_SNAKE_OWN_METHODS =
  'send_message_batch|publish_batch|send_raw_email|send_templated_email|put_records|put_record_batch|start_execution|get_secret_value|get_parameters|put_events';
const AWS_JS_FILES = `(?:from\\s+|require\\s*\\(\\s*)['"](?:aws-sdk(?:/clients/[\\w-]+)?|@aws-sdk/client-[\\w-]+|@aws-sdk/lib-storage)['"]`;
const AWS_JS_ROOTS = '[a-z_$][\\w$]*(?:S3|Sqs|SQS|Sns|SNS|Ses|SES|Lambda|Kinesis|Firehose|Sfn|SecretsManager|Ssm|SSM|EventBridge)\\w*|(?:s3|sqs|sns|ses|lambda|kinesis|firehose|sfn|ssm|eventbridge|secretsManager)\\w*|uploader';
/** A holder named for a client only: its methods no other client names (AWS_CAMEL_OWN_METHODS). */
const AWS_JS_CLIENT_ROOTS = 'client|[a-z_$][\\w$]*Client';
const DYNAMODB_PY_METHODS = 'get_item|put_item|update_item|delete_item|query|scan|batch_get_item|batch_write_item|transact_get_items|transact_write_items';
/** A module that imports boto3 and names DynamoDB (tried once, at the start of the text). */
const PY_DYNAMODB_FILES = '(?<![\\s\\S])(?=[\\s\\S]*^[ \\t]*(?:import|from)[ \\t]+(?:boto3|aioboto3)\\b)(?=[\\s\\S]*\\bdynamodb\\b)';
const AWS_PY_FILES = '^[ \\t]*(?:import|from)\\s+(?:boto3|aioboto3|aiobotocore|botocore)\\b';
const AWS_PY_ROOTS = '_?(?:sqs|sns|ses|lambda_client|kinesis|firehose|sfn|ssm|secrets|events)\\w*|\\w+_(?:sqs|sns|ses|lambda|kinesis|firehose|sfn|ssm|secrets|events)\\w*';
const AWS_PY_CLIENT_ROOTS = '_?client|\\w+_client';
const AWS_JAVA_FILES = '^[ \\t]*import\\s+(?:com\\.amazonaws\\.services|software\\.amazon\\.awssdk\\.services)\\.';
const AWS_JAVA_ROOTS = '[a-z]\\w*(?:S3|Sqs|SQS|Sns|SNS|Ses|SES|Lambda|Kinesis|Firehose|Sfn|SecretsManager|Ssm|SSM)\\w*|(?:s3|sqs|sns|ses|lambda|kinesis|firehose|ssm)\\w*|amazon\\w*';
const AWS_JAVA_CLIENT_ROOTS = 'client|[a-z]\\w*Client';
/** aws-sdk-go (v1 or v2): a client's method given a service's input, `svc.GetObject(&s3.GetObjectInput{…})`. */
const AWS_GO_FILES = '"github\\.com/aws/aws-sdk-go(?:-v2)?/';
const awsGoInput = (services: string) => `^\\([^&)]*&(?:${services})\\.\\w+Input\\s*\\{`;
const GO_DYNAMODB_OPERATIONS = 'GetItem|PutItem|UpdateItem|DeleteItem|Query|Scan|BatchGetItem|BatchWriteItem|TransactGetItems|TransactWriteItems|ExecuteStatement';
const AWS_GO_SERVICES = 's3|s3manager|manager|sqs|sns|ses|sesv2|lambda|kinesis|firehose|sfn|secretsmanager|ssm|eventbridge|cloudwatch|cloudwatchlogs';
/** How a Kysely query starts, and what runs it. */
const KYSELY_STARTS = 'selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto';
const KYSELY_RUNS = 'execute|executeTakeFirst|executeTakeFirstOrThrow|stream';
const DRIZZLE_STEPS = 'from|where|values|set|returning|limit|offset|orderBy|groupBy|innerJoin|leftJoin|rightJoin|fullJoin|onConflictDoUpdate|onConflictDoNothing|execute|all|get|run';
/**
 * What a Prisma client sends: a model's reads and writes, raw SQL, and `$transaction`, a round trip of its own (BEGIN,
 * its statements, COMMIT; spliit's recurring expenses made one per row). See FileStructure.prismaTransactionChain for
 * the client its callback is given, whatever it is named.
 */
const PRISMA_METHODS =
  'findMany|findFirst|findUnique|findUniqueOrThrow|findFirstOrThrow|count|aggregate|groupBy|create|createMany|update|updateMany|upsert|delete|deleteMany|\\$queryRaw|\\$executeRaw|\\$queryRawUnsafe|\\$executeRawUnsafe|\\$transaction';

/** The language's and the browser's own classes (and Sentry's namespace), which JS_CLASS does not take for a model. */
const JS_GLOBAL_CLASS_NAMES =
  'Array|Object|Promise|Math|JSON|Reflect|Map|Set|WeakMap|WeakSet|String|Number|Boolean|Date|Symbol|Buffer|Intl|Error|RegExp|URL|URLSearchParams|Headers|FormData|Response|Request|Event|Element|HTMLElement|Document|Window|Node|NodeList|Sentry';
export const JS_GLOBAL_CLASS = new RegExp(`^(?:${JS_GLOBAL_CLASS_NAMES})$`);
/**
 * A name of a class of the project's own that JS_CLASS takes and no rule names otherwise (the rules answer it as they
 * answer `Article`): what a module's own class named as a global (outline's Sequelize model `Document`) is looked up
 * as.
 */
export const JS_OWN_CLASS_STAND_IN = 'OwnClass';

/**
 * A class name in JavaScript, such as a model's (`Product.find`), and not one of the language's or the browser's own
 * (`Array.from(children).find(fn)`, `Object.keys(x).find(…)`), nor a constant (`DERIVED_CURRENCIES.find(…)`).
 */
const JS_CLASS = `(?![A-Z][A-Z0-9_]*$)(?!(?:${JS_GLOBAL_CLASS_NAMES})$)[A-Z]\\w*`;

/** What hands out a TypeORM repository (a DataSource, a connection, the project's wrapper of either). */
const TYPEORM_REPOSITORY_MAKERS = 'getRepository|getTreeRepository|getMongoRepository|getCustomRepository';
/** A TypeORM repository's or EntityManager's methods that run a statement (not `create`/`merge`, which build in memory). */
const TYPEORM_STATEMENTS =
  'delete|insert|update|remove|softDelete|softRemove|restore|recover|upsert|increment|decrement|query|exists|existsBy|countBy|findOneOrFail|findOneByOrFail|preload|clear|sum|average|minimum|maximum';
/** …and those the Sequelize/Mongoose-shaped rule also names, for a repository reached by any name. */
const TYPEORM_COMMON = 'find|findBy|findOne|findOneBy|findAndCount|findAndCountBy|findByIds|count|save';

const TYPEORM_BUILDER_ROOTS = JS_CLASS + '|\\w*Repository|\\w*Repo|repo|manager|em|entityManager|dataSource|\\w*DataSource|getRepository|getManager|getConnection|qb|\\w*Qb|\\w*QB|\\w*[qQ]ueryBuilder|builder';

/** A function given first, an array's `find((r) => …)`: not a query's options that merely hold an arrow somewhere. */
const ARRAY_FIND_ARG = '^\\(?\\s*(?:async\\s*)?(?:\\([^()]*\\)|[\\w$]+)\\s*=>|^\\(?\\s*(?:async\\s+)?function\\b';

/**
 * What bounds a repository's `find`: a `take` or `limit`, the caller's ids (`where: { id: In(ids) }`), a key; or a
 * function given, an array's `find` (`em.relations.find((r) => …)` on TypeORM's metadata), which returns one element.
 */
const REPOSITORY_FIND_BOUND = TAKE_ARG + '|\\blimit\\s*[:,}]|\\bIn\\s*\\(|' + ARRAY_FIND_ARG + '|' + KEY_WHERE_ARG;

/** What bounds a TypeORM query builder's rows, set along its chain or in a statement on it (see its rule). */
const TYPEORM_BUILDER_BOUND =
  '\\.(?:take|limit)\\s*\\(|\\bsetFindOptions\\s*\\(\\s*\\{[^}]*\\btake\\b|\\.whereInIds\\s*\\(|\\.build\\s*\\(|' +
  '\\.(?:where|andWhere)\\s*\\(\\s*[\'"`]\\s*\\w+\\.(?:(?:id|\\w+Id|\\w+_id)\\s*=\\s*:\\w+|\\w+\\s*=\\s*:(?:id|\\w*(?:Id|ID|_id))|id\\s+IN\\s*\\(\\s*:\\.\\.\\.\\w+\\s*\\))\\s*[\'"`]';

/** node-postgres', mysql2's, pg-promise's and knex's methods that send SQL (knex's `raw` too: see the rules). */
const JS_SQL_METHODS = 'query|execute|one|many|any|oneOrNone|manyOrNone|none|select|first';
const JS_SQL_LABEL = 'SQL query (node-postgres, mysql2, pg-promise, knex)';

export const DEFAULT_CALL_RULES: CallRule[] = [
  // JavaScript / TypeScript databases
  {
    kind: 'query',
    languages: ['js'],
    root: 'db|pool|client|pg|pgPool|conn|connection|database|mysql|tx|trx|knex',
    // (A Kysely chain, `db.selectFrom(t).select(cols)`, is Kysely's rule's: it runs at its `execute`.)
    notThrough: KYSELY_STARTS,
    method: `${JS_SQL_METHODS}|raw`,
    label: JS_SQL_LABEL,
  },
  {
    // The same on a client named `sql`; not its `raw`, which Slonik's and Drizzle's `sql` make a fragment with, sending
    // nothing (logto's migrations: `sql.raw(tableName)` inside a `pool.query(sql\`…\`)`).
    kind: 'query',
    languages: ['js'],
    root: 'sql',
    notThrough: KYSELY_STARTS,
    method: JS_SQL_METHODS,
    label: JS_SQL_LABEL,
  },
  {
    // knex's query builder: `knex('users').where({ id }).first()`, `trx('t').insert(row)`; awaiting any step runs it.
    kind: 'query',
    languages: ['js'],
    root: KNEX_ROOTS,
    method: KNEX_METHODS,
    label: 'SQL query (knex)',
  },
  {
    // The same under a common name, in a file that calls it as knex is called: `db('tags').insert(tag)`.
    kind: 'query',
    languages: ['js'],
    root: KNEX_DB_ROOTS,
    method: KNEX_METHODS,
    inFilesMatching: KNEX_DB_CALL,
    label: 'SQL query (knex)',
  },
  { kind: 'query', languages: ['js'], root: 'R', method: REDBEAN_METHODS, inFilesMatching: REDBEAN_FILES, label: 'SQL query (RedBeanNode)' },
  {
    // sequelize-typescript's association methods: `document.$get('collection')`, `team.$count('users')`.
    kind: 'query',
    languages: ['js'],
    root: ANY_NAME,
    method: '\\$get|\\$count|\\$add|\\$set|\\$remove|\\$has|\\$create',
    label: 'SQL query (sequelize-typescript association)',
  },
  {
    // Objection.js (on knex): `Person.query().findById(id)`, `WIKI.models.pages.query().patch(…).where(…)`,
    // `page.$relatedQuery('tags')`. `then` is left out: superagent's `request.get(url).query(q).then()` is HTTP.
    kind: 'query',
    languages: ['js'],
    root: ANY_NAME,
    through: 'query|relatedQuery|\\$query|\\$relatedQuery',
    method: OBJECTION_METHODS,
    label: 'SQL query (Objection.js)',
  },
  {
    kind: 'query',
    languages: ['js'],
    root: ANY_NAME,
    method: '\\$relatedQuery',
    label: 'SQL query (Objection.js)',
  },
  {
    kind: 'query',
    languages: ['js'],
    root: PRISMA_ROOTS,
    // Not Drizzle's relational API in a transaction (`tx.query.todos.findMany()`).
    notThrough: 'query',
    method: PRISMA_METHODS,
    label: 'Prisma query',
  },
  // MongoDB from Python (pymongo, Motor): `db.users.find_one({…})`, `self.collection.insert_one(doc)`.
  { kind: 'query', languages: ['python'], root: PY_MONGO_ROOTS, method: PY_MONGO_METHODS, inFilesMatching: PY_MONGO_FILES, label: 'MongoDB query (pymongo)' },
  // …and from Go: `coll.FindOne(ctx, filter).Decode(&u)`, `db.Collection("users").InsertOne(ctx, u)`.
  // Not the driver's `options` package: `options.Find()` builds a find's options.
  { kind: 'query', languages: ['go'], root: ANY_NAME, notRoot: 'options', method: GO_MONGO_METHODS, inFilesMatching: GO_MONGO_FILES, label: 'MongoDB query (Go driver)' },
  // Kysely: a query built from its start (`db.selectFrom('person').selectAll().where(…).execute()`, `trx.insertInto(t)
  // .values(v).execute()`, `kyselyPrisma.$kysely.updateTable(t)…`) runs when executed; `executeTakeFirst` is its own.
  { kind: 'query', languages: ['js'], root: ANY_NAME, through: KYSELY_STARTS, method: KYSELY_RUNS, label: 'SQL query (Kysely)' },
  { kind: 'query', languages: ['js'], root: ANY_NAME, method: 'executeTakeFirst|executeTakeFirstOrThrow', label: 'SQL query (Kysely)' },
  // Redis: each command is a round trip, as a query is (`redis.get(k)`, `self._redis.hincrby(…)`, go-redis'
  // `s.client.Get(ctx, k)`, `template.opsForValue().get(k)`, `jedis.expire(k, 60)`); one per item wants MGET or a
  // pipeline. Not a command queued on a pipeline or MULTI (`redis.multi().incr(k)`, `pipe.Incr(ctx, k)`).
  { kind: 'query', languages: ['js'], root: JS_REDIS_ROOTS, notThrough: REDIS_QUEUES, method: `${REDIS_COMMANDS}|${REDIS_CAMEL_COMMANDS}`, label: 'Redis command', fix: REDIS_FIX },
  { kind: 'query', languages: ['js'], root: JS_REDIS_CLIENTS, notThrough: REDIS_QUEUES, method: `${REDIS_COMMANDS}|${REDIS_CAMEL_COMMANDS}`, inFilesMatching: JS_REDIS_FILES, label: 'Redis command', fix: REDIS_FIX },
  { kind: 'query', languages: ['python'], root: PY_REDIS_ROOTS, notThrough: REDIS_QUEUES, method: REDIS_COMMANDS, label: 'Redis command (redis-py)', fix: REDIS_FIX },
  { kind: 'query', languages: ['go'], root: ANY_NAME, notRoot: REDIS_QUEUES, notThrough: REDIS_QUEUES, method: GO_REDIS_COMMANDS, inFilesMatching: GO_REDIS_FILES, argsMatching: GO_REDIS_ARGS, label: 'Redis command (go-redis)', fix: REDIS_FIX },
  // …read at once, as go-redis code does (`rdb.Get(ctx, k).Result()`): the chain ends in the reply's accessor.
  { kind: 'query', languages: ['go'], root: ANY_NAME, notRoot: REDIS_QUEUES, notThrough: REDIS_QUEUES, through: GO_REDIS_COMMANDS, method: GO_REDIS_REPLIES, inFilesMatching: GO_REDIS_FILES, label: 'Redis command (go-redis)', fix: REDIS_FIX },
  { kind: 'query', languages: ['java'], root: REDIS_TEMPLATE_ROOTS, through: REDIS_TEMPLATE_OPS, method: '(?!getOperations$)\\w+', label: 'Redis command (Spring Data Redis)', fix: REDIS_FIX },
  { kind: 'query', languages: ['java'], root: '\\w*[rR]edisTemplate', method: REDIS_TEMPLATE_COMMANDS, label: 'Redis command (Spring Data Redis)', fix: REDIS_FIX },
  // …kept in a variable of its type first (RuoYi's `ValueOperations<String, T> operation = redisTemplate.opsForValue();
  // return operation.get(key);`).
  { kind: 'query', languages: ['java'], root: REDIS_OPERATIONS_TYPES, method: '(?!getOperations$)\\w+', label: 'Redis command (Spring Data Redis)', fix: REDIS_FIX },
  { kind: 'query', languages: ['java'], root: 'template', method: REDIS_TEMPLATE_COMMANDS, inFilesMatching: REDIS_TEMPLATE_FILES, label: 'Redis command (Spring Data Redis)', fix: REDIS_FIX },
  { kind: 'query', languages: ['java'], root: JEDIS_ROOTS, notThrough: REDIS_QUEUES, method: `${REDIS_COMMANDS}|${REDIS_CAMEL_COMMANDS}`, label: 'Redis command (Jedis)', fix: REDIS_FIX },
  { kind: 'query', languages: ['java'], root: 'commands|\\w+Commands|sync', method: `${REDIS_COMMANDS}|${REDIS_CAMEL_COMMANDS}`, inFilesMatching: LETTUCE_FILES, label: 'Redis command (Lettuce)', fix: REDIS_FIX },
  // Elasticsearch and OpenSearch (see ES_FIX): `client.search({ index, query })`, `es.get(index="x", id=i)`,
  // `restHighLevelClient.get(request, RequestOptions.DEFAULT)`, `elasticsearchRestTemplate.save(doc)`, go-elasticsearch's
  // `es.Index(idx, body)`, and the builders run at `Do` (olivere's and the typed client's `client.Get().Index(i).Id(id).Do(ctx)`).
  { kind: 'query', languages: ['js'], root: JS_ES_ROOTS, method: ES_CAMEL_METHODS, inFilesMatching: JS_ES_FILES, label: 'Elasticsearch request', fix: ES_FIX },
  { kind: 'query', languages: ['python'], root: PY_ES_ROOTS, method: ES_SNAKE_METHODS, inFilesMatching: PY_ES_FILES, label: 'Elasticsearch request', fix: ES_FIX },
  { kind: 'query', languages: ['go'], root: GO_ES_ROOTS, method: GO_ES_METHODS, inFilesMatching: GO_ES_FILES, label: 'Elasticsearch request', fix: ES_FIX },
  { kind: 'query', languages: ['go'], root: ANY_NAME, through: GO_ES_METHODS + '|MultiGet|MultiSearch', method: 'Do', inFilesMatching: GO_ES_FILES, label: 'Elasticsearch request', fix: ES_FIX },
  { kind: 'query', languages: ['java'], root: JAVA_ES_ROOTS, method: ES_CAMEL_METHODS, inFilesMatching: JAVA_ES_FILES, label: 'Elasticsearch request', fix: ES_FIX },
  { kind: 'query', languages: ['java'], root: SPRING_ES_ROOTS, method: SPRING_ES_METHODS, inFilesMatching: SPRING_ES_FILES, label: 'Elasticsearch request (Spring Data)', fix: ES_FIX },
  // A wrapper named for Redis (SpringBlade's `bladeRedis.del(key)` per account), its commands only. One the workspace
  // defines is followed there instead (a `RedisUtil` over a RedisTemplate is read through it, one kept in a map sends
  // nothing).
  { kind: 'query', languages: ['java'], root: JAVA_REDIS_HOLDERS, notThrough: REDIS_QUEUES, method: `${REDIS_COMMANDS}|${REDIS_CAMEL_COMMANDS}|${JAVA_REDIS_WRAPPER_METHODS}`, unlessWorkspace: true, label: 'Redis command', fix: REDIS_FIX },
  // Drizzle ORM: a builder chain off the database (`db.select().from(todos).where(…)`, `db.insert(t).values(…)`,
  // `db.update(t).set(…).where(…)`, `tx.delete(t).where(…)`) or its relational API (`db.query.todos.findMany()`).
  // (Not a Kysely builder, `db.selectFrom(t).select(cols).where(…)`, which runs at its `execute`.)
  { kind: 'query', languages: ['js'], root: DRIZZLE_ROOTS, through: 'select|selectDistinct|insert|update|delete', notThrough: KYSELY_STARTS, method: DRIZZLE_STEPS, label: 'SQL query (Drizzle or knex)' },
  { kind: 'query', languages: ['js'], root: DRIZZLE_ROOTS, through: 'query', method: 'findMany|findFirst', label: 'SQL query (Drizzle)' },
  // The client a tRPC or GraphQL context carries (create-t3-app's `ctx.db.post.findMany()`); not Drizzle's `ctx.db.query.…`.
  { kind: 'query', languages: ['js'], root: 'ctx', through: 'db|prisma', notThrough: 'query', method: PRISMA_METHODS, label: 'Prisma query' },
  {
    kind: 'query',
    languages: ['js'],
    root: JS_CLASS + '|\\w*Repository|\\w*Repo|repo|manager|em|entityManager|dataSource|\\w*Model',
    method: 'findAll|findOne|findByPk|findAndCountAll|find|findOneBy|findBy|findById|findAndCount|count|countDocuments|aggregate|save|destroy|insertMany|updateMany|updateOne|deleteMany|deleteOne|findOneAndUpdate',
    // A store or cache a class holds (medusa's `DistributedTransaction.keyValueStore.save(…)`, often in memory): not
    // the model's own query.
    notThrough: '\\w*[sS]tore|\\w*[cC]ache|\\w*[sS]torage|metrics|\\w*Metrics',
    // A function first is an array's search (postiz's `Providers.find((p) => …)` over a constant): no ORM's method
    // takes one there.
    argsMatching: `^(?!${ARRAY_FIND_ARG})`,
    unlessOwnSync: true,
    label: 'ORM query (Sequelize, TypeORM, Mongoose)',
  },
  {
    // The MongoDB driver: `db.collection('chunks').countDocuments(…)`, `client.db().collection(…).find(…)`.
    kind: 'query',
    languages: ['js'],
    root: 'db|\\w*[dD]b|\\w*[dD]atabase|mongo|\\w*[cC]lient',
    through: 'collection|db',
    method: MONGO_METHODS + '|find',
    label: 'MongoDB query',
  },
  {
    // `usersCollection.find().toArray()`: a cursor read to the end is the driver's find (an array has no toArray).
    kind: 'query',
    languages: ['js'],
    root: 'collection|coll|\\w+Collection|\\w+Coll|db|\\w*[dD]b',
    through: 'find|aggregate',
    method: 'toArray',
    label: 'MongoDB query',
  },
  {
    // A collection kept in a variable or field (`const collection = db.collection(…)`); not `find`, which arrays have.
    kind: 'query',
    languages: ['js'],
    root: 'collection|coll|\\w+Collection',
    method: MONGO_METHODS,
    label: 'MongoDB query',
  },
  // TypeORM's EntityManager (`manager.delete(Dataset, { id })`, a query runner's or a transaction's) or a repository
  // kept in a variable or field (`this.chatRepository.update(…)`), where the file shows TypeORM: each method is a statement.
  {
    kind: 'query',
    languages: ['js'],
    root: 'manager|entityManager|em|transactionalEntityManager|\\w+EntityManager|\\w*Repository|\\w*Repo|repo',
    method: TYPEORM_STATEMENTS,
    inFilesMatching: TYPEORM_FILE,
    label: 'TypeORM query',
  },
  // A repository a data source or a wrapper hands out, whatever holds it (Flowise's `appDataSource.getRepository(X)
  // .delete(…)`, vendure's `this.connection.getRepository(ctx, X).findOne(…)`), or typeorm 0.2's `getRepository(X)`.
  // (Not a query builder made from it, which runs at its getMany/execute, nor the entity's metadata: `relations.find(fn)`.)
  {
    kind: 'query',
    languages: ['js'],
    root: ANY_NAME,
    through: TYPEORM_REPOSITORY_MAKERS,
    notThrough: 'createQueryBuilder|metadata|relations|columns',
    method: `${TYPEORM_STATEMENTS}|${TYPEORM_COMMON}`,
    argsMatching: `^(?!${ARRAY_FIND_ARG})`,
    label: 'TypeORM query',
  },
  { kind: 'query', languages: ['js'], root: TYPEORM_REPOSITORY_MAKERS, method: `${TYPEORM_STATEMENTS}|${TYPEORM_COMMON}`, label: 'TypeORM query' },
  {
    // `repo.createQueryBuilder('a')….getMany()`, or the builder kept in a variable (`qb.getMany()`).
    kind: 'query',
    languages: ['js'],
    root: TYPEORM_BUILDER_ROOTS,
    method: 'getMany|getManyAndCount|getOne|getOneOrFail|getRawMany|getRawOne|getRawAndEntities|getCount|getExists|stream',
    label: 'TypeORM query builder',
  },
  // Azure Cosmos DB (`@azure/cosmos`): `container.items.query(spec).fetchAll()`, `container.item(id, pk).read()`.
  {
    kind: 'query',
    languages: ['js'],
    root: 'container|\\w*[cC]ontainer',
    through: 'items?',
    method: 'query|create|upsert|readAll|read|replace|delete|patch|batch|bulk',
    inFilesMatching: COSMOS,
    label: 'Azure Cosmos DB request',
  },
  // aiosql: the functions it makes of a folder of SQL files (`queries = aiosql.from_path("sql", "asyncpg")`), called
  // where the module that makes them is imported (`from app.db.queries.queries import queries`; nsidnev's realworld).
  { kind: 'query', languages: ['python'], root: 'queries', inFilesMatching: AIOSQL_QUERIES, label: 'SQL query (aiosql)' },
  // JavaScript / TypeScript outbound HTTP
  { kind: 'call', languages: ['js'], root: 'fetch', label: 'HTTP request (fetch)' },
  { kind: 'call', languages: ['js'], root: '\\w*[tT]ransport(er)?|\\w*[mM]ailer', method: 'sendMail', label: 'email over SMTP (nodemailer)' },
  { kind: 'call', languages: ['js'], root: 'axios', label: 'HTTP request' },
  // Short names a variable may have too (postiz's `got: string | string[]`, then `got.includes(…)`): only where the module
  // loads the package.
  { kind: 'call', languages: ['js'], root: 'got|superagent|needle|ky|undici', inFilesMatching: SMALL_HTTP_PACKAGES, label: 'HTTP request' },
  // The `request` package (and OpenAPI clients generated on it, `localVarRequest`): `request(url, (err, res, body) => …)`.
  { kind: 'call', languages: ['js'], root: 'request|localVarRequest|rp|requestPromise', alone: true, inFilesMatching: REQUEST_PACKAGE, label: 'HTTP request (request)' },
  // …and its verb helpers: `request.get(url, cb)`, `request.get(url).pipe(res)` (Sock Shop's front-end).
  { kind: 'call', languages: ['js'], root: 'request|rp|requestPromise', method: REQUEST_VERBS, inFilesMatching: REQUEST_PACKAGE, argsMatching: REQUEST_VERB_ARGS, label: 'HTTP request (request)' },
  {
    // AWS SDK DynamoDB clients: `docClient.send(new GetCommand(…))`, `ddb.query(params).promise()`.
    kind: 'query',
    languages: ['js'],
    root: 'docClient|ddb|dynamo\\w*|\\w*[dD]ynamo\\w*|documentClient|\\w*DocClient',
    method: 'send|get|put|update|delete|query|scan|batchGet|batchWrite|transactGet|transactWrite|getItem|putItem|updateItem|deleteItem',
    label: 'DynamoDB request',
  },
  { kind: 'call', languages: ['js'], root: 'http|https', method: 'get|request', label: 'HTTP request (node:http)' },
  // …imported by name: `import { request } from 'https'`, then `request(url, options, cb)`.
  { kind: 'call', languages: ['js'], root: 'request', alone: true, inFilesMatching: NODE_HTTP_REQUEST, label: 'HTTP request (node:http)' },
  { kind: 'call', languages: ['js'], root: 'get', alone: true, inFilesMatching: NODE_HTTP_GET, label: 'HTTP request (node:http)' },
  // SQLite's prepared statements, run at once (better-sqlite3, node:sqlite, bun:sqlite: `db.prepare(sql).all()`, `.get()`,
  // `.run()`, `.iterate()`): in a module that opens SQLite or prepares SQL written in place. The SQL is prepare's
  // (unboundedQueries.ts); `.get()` reads one row.
  { kind: 'query', languages: ['js'], root: ANY_NAME, through: 'prepare', method: 'all|get|run|iterate', inFilesMatching: JS_PREPARED_SQL, label: 'SQL query (SQLite)' },
  // node-sqlite3's database runs SQL itself: `db.all(sql, cb)`, `db.each(…)`, `db.get(…)` (one row), `db.run(…)`.
  {
    kind: 'query',
    languages: ['js'],
    root: 'db|\\w*[dD]b|database|\\w*Database|sqlite\\w*|conn|connection',
    method: 'all|get|run|each|exec|map',
    inFilesMatching: JS_SQLITE3_FILES,
    argsMatching: JS_SQLITE3_ARGS,
    label: 'SQL query (SQLite)',
  },
  // Stripe's SDKs: each resource method is a request to Stripe's API (langfuse's `stripe.subscriptions.retrieve(id)`
  // per organisation, polar's `stripe.Customer.retrieve`). Not a webhook's signature check, which runs locally.
  { kind: 'call', languages: ['js'], root: 'stripe|\\w*Stripe|\\w*Stripe(?:Client|Api)|stripeClient', notThrough: 'webhooks', method: STRIPE_JS_METHODS, label: 'Stripe API request' },
  { kind: 'call', languages: ['python'], root: 'stripe', through: '[A-Z]\\w*', notThrough: 'Webhook|WebhookSignature', method: STRIPE_PY_METHODS, label: 'Stripe API request' },
  // LLM APIs: a request that takes seconds, and is paid for by the token; one per item of a loop is the costliest
  // call a request can make. OpenAI's SDKs through a client's name (`client.chat.completions.create(…)`,
  // `self.openai.embeddings.create`; any name in a module that imports the SDK, which also has its `responses`, audio
  // and images), and the 0.x `openai.ChatCompletion.create`; Anthropic's `messages.create` through a client's name in a
  // module that imports its SDK (not a Django relation named `messages`, nor Twilio's client, elsewhere).
  { kind: 'call', languages: ['python', 'js'], root: LLM_CLIENTS, through: 'completions|embeddings', method: 'create|parse|stream', label: 'LLM request (OpenAI API)' },
  { kind: 'call', languages: ['python'], root: 'openai', through: 'ChatCompletion|Completion|Embedding', method: 'a?create', label: 'LLM request (OpenAI API)' },
  { kind: 'call', languages: ['python', 'js'], root: ANY_NAME, through: 'completions|embeddings|responses|moderations|images|transcriptions|translations|speech', method: 'create|generate|parse|stream', inFilesMatching: OPENAI_IMPORT, label: 'LLM request (OpenAI API)' },
  { kind: 'call', languages: ['python', 'js'], root: LLM_CLIENTS, through: 'messages', method: 'create|stream|count_tokens|countTokens', inFilesMatching: ANTHROPIC_IMPORT, label: 'LLM request (Anthropic API)' },
  { kind: 'call', languages: ['go'], root: ANY_NAME, method: 'CreateChatCompletion|CreateChatCompletionStream|CreateCompletion|CreateEmbeddings|CreateImage', inFilesMatching: '"github\\.com/sashabaranov/go-openai"', label: 'LLM request (OpenAI API)' },
  { kind: 'call', languages: ['go'], root: ANY_NAME, through: 'Completions|Embeddings|Responses', method: 'New|NewStreaming', inFilesMatching: '"github\\.com/openai/openai-go', label: 'LLM request (OpenAI API)' },
  { kind: 'call', languages: ['go'], root: ANY_NAME, through: 'Messages', method: 'New|NewStreaming', inFilesMatching: '"github\\.com/anthropics/anthropic-sdk-go', label: 'LLM request (Anthropic API)' },
  {
    kind: 'call',
    languages: ['js'],
    root: '\\w*[cC]lient|api|httpClient|\\w*Api',
    method: 'get|post|put|patch|delete|request|head',
    label: 'remote call',
  },
  // Python databases
  {
    kind: 'query',
    languages: ['python'],
    // `sess` too (`async with sessionmaker() as sess`), here only: a requests session's `get` is no lookup by key.
    root: 'cursor|cur|conn|connection|db|session|sess|engine|database|c|' + DB_SESSION,
    method: 'execute|executemany|scalars|scalar|fetch|fetchrow|fetchval|fetch_all|fetch_one',
    label: 'SQL query (DB-API, SQLAlchemy, asyncpg)',
  },
  // SQLModel's Session runs a statement with `exec` (langflow's `await session.exec(select(Flow).where(…))`): a session's
  // name where the module imports SQLAlchemy or SQLModel, a database session's anywhere. (Not Python's `exec(code)`,
  // which has no holder, nor another holder's `exec`: a shell's, a container's.)
  { kind: 'query', languages: ['python'], root: 'session|sess|\\w+_session', method: 'exec', inFilesMatching: PY_SQLALCHEMY_FILES, label: 'SQL query (SQLModel)' },
  { kind: 'query', languages: ['python'], root: DB_SESSION, method: 'exec', label: 'SQL query (SQLModel)' },
  // SQLAlchemy's Inspector reads the database's catalogue (dispatch's `inspect(engine).get_schema_names()` in a
  // middleware of every request).
  {
    kind: 'query',
    languages: ['python'],
    root: 'inspect|inspector|\\w+_inspector',
    method: 'get_schema_names|get_table_names|get_view_names|get_columns|get_indexes|get_foreign_keys|get_pk_constraint|get_unique_constraints|has_table|has_schema',
    label: 'SQL query (SQLAlchemy Inspector)',
  },
  {
    // A database wrapper that takes the SQL and reads its rows at once (lnbits' `db.fetchall("SELECT …", values)`,
    // `db.fetchone(…)`); not DB-API's `cursor.fetchall()`, which reads the rows of the `execute` before it. (lnbits'
    // `fetch_page` adds the page's LIMIT itself.)
    kind: 'query',
    languages: ['python'],
    root: 'db|conn|connection|database',
    method: 'fetchone|fetchall|fetchmany',
    argsMatching: '^\\(\\s*(?:[rRfFbBuU]{0,2}["\']|[A-Za-z_]\\w*\\s*[,)])',
    label: 'SQL query',
  },
  {
    // `conn.query("SELECT …")`; not a SQLAlchemy session's `query(Model)`, which only builds a statement (below).
    kind: 'query',
    languages: ['python'],
    root: 'cursor|cur|conn|connection|database|c',
    method: 'query',
    label: 'SQL query',
  },
  {
    // SQLAlchemy's legacy Query runs when it is read: `db_session.query(Incident).filter(…).all()`.
    kind: 'query',
    languages: ['python'],
    root: 'db|session|' + DB_SESSION,
    through: 'query',
    method: 'all|first|one|one_or_none|scalar|count|get|delete|update|exists|paginate|get_or_404|first_or_404|one_or_404',
    label: 'SQLAlchemy query',
  },
  {
    // A session named as a database's (`db_session`, `async_session`): a lookup by key, a flush or a commit.
    kind: 'query',
    languages: ['python'],
    root: DB_SESSION,
    method: 'get|get_one|refresh|flush|commit',
    label: 'SQLAlchemy session',
  },
  {
    // Flask-SQLAlchemy's session: `db.session.get(Task, id)` (SQLAlchemy 2.0's lookup by key), a flush or commit.
    kind: 'query',
    languages: ['python'],
    root: 'db',
    through: 'session',
    method: 'get|get_one|merge|refresh|flush|commit',
    label: 'SQLAlchemy session',
  },
  {
    kind: 'query',
    languages: ['python'],
    root: '[A-Z]\\w*',
    through: 'objects',
    method: 'filter|get|all|exclude|create|update|delete|count|aggregate|values|values_list|first|last|get_or_create|order_by|in_bulk',
    label: 'Django ORM query',
  },
  {
    // A related manager in a Django module: `session.logs.all()`, `order.items.filter(…)` (wger's routine stats, one
    // query per session in a loop); `self.mealitem_set.select_related()` below.
    kind: 'query',
    languages: ['python'],
    root: '(?!(?:request|self|cls|kwargs|args|data|form|settings|os|json|re|np|pd|models)$)[a-z_]\\w*',
    // Not SQLAlchemy's steps (`session.exec(stmt).all()`, `session.execute(q).scalars().all()`), read by its rules.
    through: '(?!(?:objects|GET|POST|FILES|META|COOKIES|headers|data|cleaned_data|session|query_params|kwargs|fields|exec|execute|scalars|scalar|query|mappings|unique|fetch\\w*)$)[a-z_]\\w*',
    method: 'all|filter|exclude|select_related|prefetch_related|order_by|values_list|annotate|aggregate|exists',
    inFilesMatching: DJANGO_MODULE,
    label: 'Django related manager query',
  },
  {
    // A row made through a related manager, pretalx's `question.options.create(answer=answer)` per answer: an INSERT.
    kind: 'query',
    languages: ['python'],
    root: '(?!(?:request|self|cls|kwargs|args|data|form|settings|os|json|re|np|pd|models|client|api|stripe|openai|boto3)$)[a-z_]\\w*',
    // (Not a default reverse manager, Kiwi TCMS's `run.property_set.create(…)`: no field names it, so no relation is
    // found for it; the `_set` rule below reads it.)
    through: '(?!(?:objects|GET|POST|FILES|META|COOKIES|headers|data|cleaned_data|session|query_params|kwargs|fields|\\w+_set)$)[a-z_]\\w*',
    method: 'create|get_or_create|update_or_create',
    inFilesMatching: DJANGO_MODULE,
    djangoRelation: true,
    label: 'Django related manager query',
  },
  {
    kind: 'query',
    languages: ['python'],
    // Also a row read through it, `self.check_set.get(code=code)`. (Not `update`, which a Python set named so has too.)
    root: '\\w+_set',
    method: 'all|filter|exclude|select_related|prefetch_related|order_by|values_list|annotate|aggregate|exists|count|create|' + SET_READS,
    inFilesMatching: DJANGO_MODULE,
    label: 'Django related manager query',
  },
  {
    // A row read through a reverse relation's manager, healthchecks' `project.check_set.get(code=code)` (what the
    // related manager rule above takes of any field would be a dict's or a list's there).
    kind: 'query',
    languages: ['python'],
    root: '[a-z_]\\w*',
    through: '\\w+_set',
    // (Not `count()`, which a prefetch made anywhere answers from its rows, saleor's `warehouse.stock_set.count()`
    // after `prefetch_related(Prefetch("stock_set", …))` in the queryset's helper.)
    method: 'create|' + SET_READS,
    inFilesMatching: DJANGO_MODULE,
    label: 'Django related manager query',
  },
  {
    // Flask-SQLAlchemy's model property (`Tag.query.filter_by(name=n).first()`); `db.session.query(…)` is above. Also a
    // classmethod's `cls.query`, and a model a helper is given (lemur's `model.query.count()`).
    kind: 'query',
    languages: ['python'],
    root: '[A-Z]\\w*|cls|model|\\w+_model',
    through: 'query',
    method: 'filter|filter_by|get|get_or_404|first|first_or_404|one|one_or_none|all|count|paginate|order_by|join|limit|offset|scalar|delete|update|distinct|exists',
    label: 'SQLAlchemy query (Flask-SQLAlchemy)',
  },
  {
    // A Query kept in a local, in a module that uses SQLAlchemy (lemur's `query = session_query(model)` then
    // `query.filter(…).scalar()`): read, it runs. (Not `get`, `update` or `count`, which a dict, a list or a search
    // string named so has too.)
    kind: 'query',
    languages: ['python'],
    root: 'query|\\w+_query',
    method: 'all|first|one|one_or_none|scalar|delete|paginate|first_or_404|one_or_404',
    inFilesMatching: PY_SQLALCHEMY_FILES,
    label: 'SQLAlchemy query',
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
    root: 'session|client|http|http_client|\\w+_client|(?!(?:' + DB_SESSION + ')$)\\w+_session',
    method: 'get|post|put|patch|delete|head|request',
    label: 'HTTP request',
  },
  { kind: 'call', languages: ['python'], root: 'urlopen', label: 'HTTP request (urllib)' },
  {
    // boto3: `table = dynamodb.Table('carts')`; `table.get_item(Key=…)`, `client.query(…)`.
    kind: 'query',
    languages: ['python'],
    root: 'table|\\w+_table|dynamodb|ddb|dynamo\\w*|\\w*_dynamo\\w*',
    method: DYNAMODB_PY_METHODS,
    label: 'DynamoDB request (boto3)',
  },
  // boto3's S3 client: each object call is a request (not `generate_presigned_url`, which signs locally).
  { kind: 'call', languages: ['python'], root: 's3|\\w*s3_client|s3client|\\w*_s3|s3_resource', method: S3_PY_METHODS, label: 'S3 request (boto3)' },
  // Go databases (database/sql, sqlx, pgx, GORM)
  {
    kind: 'query',
    languages: ['go'],
    root: 'db|tx|conn|pool|sqlDB|database|\\w*DB|\\w*Db|\\w*Pool',
    method: 'Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Select|SelectContext|GetContext|Find|First|Take|Last|Create|Save|Updates|Delete|Raw|FirstOrCreate|FirstOrInit|Related|Association|Count|Pluck|Scan',
    // bolt/bbolt: a bucket of the transaction is a B+tree in this process's memory map, not a round trip. GORM's
    // `db.Callback().Query().Before(…).Register(…)` registers a hook, at start-up.
    notThrough: 'Bucket|Cursor|Callback',
    label: 'SQL query (database/sql, sqlx, pgx, GORM)',
  },
  // GORM's single-column writes (`tx.Model(&m).Update("paths", p)`, `UpdateColumns(map…)`); not bbolt's `db.Update(func(tx
  // *bolt.Tx) error {…})`, a transaction on this process's memory map.
  {
    kind: 'query',
    languages: ['go'],
    root: 'db|tx|conn|sqlDB|database|\\w*DB|\\w*Db',
    method: 'Update|UpdateColumn|UpdateColumns',
    argsMatching: '^\\(\\s*(?!func\\b)[^)\\s]',
    notThrough: 'Bucket|Cursor',
    label: 'SQL query (GORM)',
  },
  // go-zero: sqlx and sqlc, what goctl's models call (`conn.QueryRowsCtx(ctx, &rows, query, …)`, the cached model's
  // own `m.QueryRowIndexCtx(…)`), in files that import go-zero's stores.
  {
    kind: 'query',
    languages: ['go'],
    root: 'conn|\\w*Conn|\\w*conn|m|session|tx|db',
    method: '(?:QueryRow|QueryRows|QueryRowPartial|QueryRowsPartial|Exec|QueryRowIndex|QueryRowNoCache|QueryRowsNoCache|ExecNoCache|Transact)(?:Ctx)?',
    inFilesMatching: GO_ZERO_STORES,
    label: 'SQL query (go-zero sqlx)',
  },
  // go-zero's logic: a model or an RPC client the service context holds (`l.svcCtx.UserModel.FindOne(l.ctx, id)`,
  // `l.svcCtx.UsercenterRpc.GetUserInfo(…)`), named as goctl and its users name them, in files given a `svcCtx`.
  {
    kind: 'query',
    languages: ['go'],
    root: '\\w+',
    through: '\\w*Model',
    method: '(?:Find|Insert|Update|Delete|Count|Trans)\\w*',
    inFilesMatching: GO_ZERO_LOGIC,
    label: 'a go-zero model query',
  },
  {
    kind: 'call',
    languages: ['go'],
    root: '\\w+',
    through: '\\w*R[pP][cC]',
    method: '[A-Z]\\w*',
    inFilesMatching: GO_ZERO_LOGIC,
    label: 'RPC (go-zero zrpc client)',
  },
  // xorm (woodpecker, gitea): `s.engine.Where(…).Find(&repos)`, `sess.Insert(x)` on a session, in files that use it.
  {
    kind: 'query',
    languages: ['go'],
    root: XORM_ROOTS,
    method: XORM_RUNS,
    inFilesMatching: XORM_FILE,
    label: 'SQL query (xorm)',
  },
  ...XORM_HOLDERS.map((holder) => ({ kind: 'query' as const, ...holder, method: XORM_RUNS, label: 'SQL query (xorm)' })),
  // …and a `DB` field through GORM's builders too, run by what only xorm runs a query with (apache/answer's
  // `ur.data.DB.Where("id = ?", id).Get(u)`): GORM creates with `Create` and reads with `First`/`Find`.
  { kind: 'query', languages: ['go'], root: 'DB|\\w+DB', through: 'Where|And|Or|Table|Select|Join|Limit|OrderBy|Desc|Asc', method: 'Get|Exist|Insert|InsertOne|InsertMulti|Iterate|SumInt|SumsInt|QueryString|QueryInterface', label: 'SQL query (xorm)' },
  // ent (entgo.io): the generated client's builders run when read or saved, `r.data.db.Beer.Query().Where(…).All(ctx)`,
  // `client.User.Create().SetName(n).Save(ctx)`; edges too (`u.QueryCards().All(ctx)`). Not net/http's
  // `r.URL.Query().Get("page")`, whose methods are none of these.
  {
    kind: 'query',
    languages: ['go'],
    root: '\\w+',
    through: 'Query(?:[A-Z]\\w*)?',
    method: '(?:All|Only|OnlyID|First|FirstID|IDs|Count|Exist|Scan|Ints|Strings|Float64s|Bools)X?',
    label: 'SQL query (ent)',
  },
  {
    kind: 'query',
    languages: ['go'],
    root: '\\w+',
    through: 'Create|CreateBulk|Update|UpdateOne|UpdateOneID|Delete|DeleteOne|DeleteOneID',
    method: '(?:Save|Exec)X?',
    label: 'SQL query (ent)',
  },
  // bun (uptrace/bun): a query built from its start and run, `s.db.NewSelect().Model(a).Where("id = ?", id).Scan(ctx)`,
  // `tx.NewDelete().Model(t).WherePK().Exec(ctx)` (dhax/go-base's stores).
  {
    kind: 'query',
    languages: ['go'],
    root: '\\w+',
    through: 'NewSelect|NewInsert|NewUpdate|NewDelete|NewRaw|NewMerge|NewValues|NewTruncateTable',
    method: 'Scan|ScanAndCount|Exec|Count|Exists|Rows',
    label: 'SQL query (bun)',
  },
  // …or kept in a variable first, in files that import it (gotosocial's `q := r.db.NewSelect().Model(&rule).Where(…)`
  // then `q.Scan(ctx)`).
  { kind: 'query', languages: ['go'], root: 'q|query|\\w*[qQ]uery', method: 'Scan|ScanAndCount|Exec|Count|Exists', inFilesMatching: '"github\\.com/uptrace/bun"', label: 'SQL query (bun)' },
  // dbx (pocketbase/dbx, go-ozzo/ozzo-dbx), in files that import it: a query built from its start and run,
  // `app.CollectionQuery().AndWhere(…).Limit(1).One(m)`, `db.NewQuery(sql).Execute()`, or kept in a variable first,
  // `query.All(&records)`.
  { kind: 'query', languages: ['go'], root: ANY_NAME, through: DBX_BUILDERS, method: DBX_RUNS, inFilesMatching: DBX_FILES, label: 'SQL query (dbx)' },
  { kind: 'query', languages: ['go'], root: 'q|query|\\w*[qQ]uery', method: DBX_RUNS, inFilesMatching: DBX_FILES, label: 'SQL query (dbx)' },
  // Beego's ORM, in files that import it: `o.Read(&user)`, `o.QueryTable("user").Filter(…).All(&users)`, `o.Raw(sql).QueryRows(&rows)`.
  {
    kind: 'query',
    languages: ['go'],
    root: '\\w+',
    through: 'QueryTable|Raw|LoadRelated|QueryM2M',
    method: 'All|One|Count|Exist|Update|Delete|Values|ValuesList|ValuesFlat|Exec|QueryRow|QueryRows|RowsToMap|Add|Remove|Clear',
    inFilesMatching: BEEGO_ORM,
    label: 'SQL query (Beego ORM)',
  },
  {
    kind: 'query',
    languages: ['go'],
    root: 'o|orm|\\w*[oO]rm\\w*|db|\\w*DB',
    method: 'Read|ReadForUpdate|ReadOrCreate|Insert|InsertOrUpdate|InsertMulti|Update|Delete|LoadRelated',
    inFilesMatching: BEEGO_ORM,
    label: 'SQL query (Beego ORM)',
  },
  // squirrel (and query builders like it): `query := sq.Select("*").From("blocks")…; rows, err := query.Query()`
  // (focalboard's sqlstore), `builder.RunWith(db).Exec()`.
  {
    kind: 'query',
    languages: ['go'],
    root: SQL_BUILDER,
    method: 'Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Scan|ScanContext',
    label: 'SQL query (squirrel)',
  },
  // Go outbound HTTP and gRPC
  {
    // A prepared statement (`stmt, _ := db.Prepare(…)`, shiori's `stmtInsertBook`) is run by its own methods: each is
    // a round trip.
    kind: 'query',
    languages: ['go'],
    root: 'stmt|\\w*Stmt|\\w*stmt|stmt[A-Z_]\\w*',
    method: 'Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Get|GetContext|Select|SelectContext',
    label: 'prepared statement (database/sql, sqlx)',
  },
  // sqlx's `Get(&dest, query, args…)` on a handle: a read into what the first argument points to (not a cache's or a
  // map's `db.Get(key)`, given no pointer).
  {
    kind: 'query',
    languages: ['go'],
    root: 'db|tx|conn|sqlDB|database|\\w*DB|\\w*Db',
    method: 'Get',
    argsMatching: '^\\(\\s*&',
    notThrough: 'Bucket|Cursor',
    label: 'SQL query (sqlx)',
  },
  // Prepared statements kept in a struct of queries (goyesql's shape, listmonk's `c.q.CampaignHasLists.Get(&has, id)`,
  // `app.queries.GetSubscriber.Select(&subs, …)`): an exported field of the struct, then the statement's method.
  {
    kind: 'query',
    languages: ['go'],
    root: 'q|queries|\\w*Queries|stmts|statements',
    through: '[A-Z]\\w*',
    method: GO_STATEMENT_RUNS,
    label: 'prepared statement (database/sql, sqlx)',
  },
  // (Through a struct named for its queries, `app.queries.X.Get(…)`; not a field `q` alone, as often a URL's values or
  // a queue, `h.q.Get(id)`: that form is known through the method's receiver, `c.q.X.Get(…)` read as `q.X.Get(…)`.)
  {
    kind: 'query',
    languages: ['go'],
    root: '\\w+',
    through: 'queries|\\w*Queries|stmts|statements',
    method: GO_STATEMENT_RUNS,
    argsMatching: '^\\(\\s*[^)\\s]',
    label: 'prepared statement (database/sql, sqlx)',
  },
  { kind: 'call', languages: ['go'], root: 'http', method: 'Get|Post|Head|PostForm', label: 'HTTP request (net/http)' },
  { kind: 'call', languages: ['go'], root: 'http', through: 'DefaultClient', method: 'Do|Get|Post|Head|PostForm', label: 'HTTP request (net/http)' },
  { kind: 'call', languages: ['go'], root: 'client|httpClient|\\w*[cC]lient', method: 'Do', label: 'HTTP request' },
  // Given a URL: a value named `client` is as often a subscriber, a session or a cache entry whose `Get(key)` reads
  // memory (pocketbase's realtime `client.Get(RealtimeClientAuthKey)`).
  { kind: 'call', languages: ['go'], root: 'client|httpClient|\\w*[cC]lient', method: 'Get|Post|Head|PostForm', argsMatching: GO_URL_ARG, label: 'HTTP request' },
  {
    // resty: `client.R()` makes the request its chain (or a later statement, `req.Execute(method, url)`) sends.
    kind: 'call',
    languages: ['go'],
    root: '\\w+',
    through: 'New\\w*Client|\\w*[cC]lient',
    method: 'R',
    label: 'HTTP request (resty)',
  },
  { kind: 'call', languages: ['go'], root: '\\w*[cC]lient', method: 'R', label: 'HTTP request (resty)' },
  {
    kind: 'call',
    languages: ['go'],
    root: '\\w+',
    through: 'New\\w+Client|\\w*[cC]lient|\\w*[sS]tub',
    // Not the handles cloud SDK clients build locally (`firestoreClient.Collection("x")`, `.Batch()`, `.Bucket(b)`,
    // Azure's `containerClient.NewBlockBlobClient(name)`), nor options (go-github's `NewClient(hc).WithAuthToken(t)`).
    method: '(?!(?:Collection|CollectionGroup|Doc|Batch|BulkWriter|Bucket|Object|Topic|Subscription|Database|Table|Close|CloseIdleConnections|New[A-Z]\\w*)$)(?!With[A-Z])[A-Z]\\w*',
    // A call over the wire takes at least its context (`GetProduct(ctx, req)`): a method called with nothing is a
    // getter of the client's own (hatchet's `c.legacyClient.Namespace()`, `w.client.RunnableActions()`).
    argsMatching: '[^\\s()]',
    label: 'RPC (gRPC client)',
    unlessWorkspace: true,
  },
  {
    // An API's SDK, its endpoints grouped in services, a field of the client each (go-github's
    // `client.Repositories.CreateStatus(ctx, …)`, go-gitlab's `gl.Projects.DeleteProjectHook(pid, id,
    // gitlab.WithContext(ctx))`): given a context, a request.
    kind: 'call',
    languages: ['go'],
    root: '\\w*[cC]lient|gh|gl',
    through: '[A-Z]\\w*',
    method: '(?!With[A-Z])[A-Z]\\w*',
    argsMatching: '^\\(?\\s*ctx\\b|\\bWithContext\\(',
    label: 'API request (SDK client)',
    unlessWorkspace: true,
  },
  { kind: 'call', languages: ['python'], root: 'stub|\\w+_stub|\\w+Stub', method: '[A-Z]\\w*', label: 'RPC (gRPC stub)' },
  { kind: 'call', languages: ['java'], root: '\\w*[sS]tub', method: '\\w+', label: 'RPC (gRPC stub)' },
  // Email over SMTP: a connection and a round trip per message.
  { kind: 'call', languages: ['java'], root: '\\w*[mM]ailSender', method: 'send', label: 'email over SMTP (JavaMailSender)' },
  { kind: 'call', languages: ['java'], root: 'Transport', method: 'send', label: 'email over SMTP (Jakarta Mail)' },
  { kind: 'call', languages: ['python'], root: 'send_mail|send_mass_mail|mail_admins|mail_managers', alone: true, inFilesMatching: DJANGO_MAIL, label: 'email over SMTP (Django)' },
  { kind: 'call', languages: ['python'], root: 'EmailMessage|EmailMultiAlternatives', method: 'send', inFilesMatching: DJANGO_MAIL, label: 'email over SMTP (Django)' },
  // smtplib, as its documentation writes it: `with smtplib.SMTP(host) as server: server.sendmail(…)`.
  { kind: 'call', languages: ['python'], root: 'server|s|\\w*[sS]mtp\\w*', method: 'sendmail', label: 'email over SMTP (smtplib)' },
  { kind: 'call', languages: ['python'], root: '\\w*[sS]mtp\\w*', method: 'send_message', label: 'email over SMTP (smtplib)' },
  { kind: 'call', languages: ['go'], root: 'smtp', method: 'SendMail', label: 'email over SMTP (net/smtp)' },
  // Java databases
  // jOOQ, in files that use it: a query written from its start and run, `dsl.selectFrom(AUTHOR).where(…).fetch()`,
  // `ctx.insertInto(BOOK).set(…).execute()`, `create.update(T).set(…).where(…).execute()`.
  { kind: 'query', languages: ['java'], root: ANY_NAME, through: JOOQ_STARTS, method: JOOQ_RUNS, inFilesMatching: JOOQ_FILES, label: 'SQL query (jOOQ)' },
  {
    kind: 'query',
    languages: ['java'],
    root: 'jdbcTemplate|\\w*JdbcTemplate|jdbc|template|namedParameterJdbcTemplate',
    method: 'query|queryForObject|queryForList|queryForMap|update|batchUpdate|execute|queryForRowSet',
    label: 'SQL query (JdbcTemplate)',
  },
  { kind: 'query', languages: ['java'], root: 'statement|stmt|ps|preparedStatement|conn|connection', method: 'executeQuery|executeUpdate|execute', label: 'SQL query (JDBC)' },
  // Hutool's Db and Session (Jpom's BaseDbCommonService: `Db db = Db.use(ds, dialect); db.get(where)`), made in place
  // (`Db.use().findAll("node")`, `Session.create(ds).insert(row)`, also `cn.hutool.db.Db.use()` written in full) or held.
  { kind: 'query', languages: ['java'], root: 'Db|Session|cn', through: 'use|create|newSession', method: HUTOOL_DB_METHODS, inFilesMatching: HUTOOL_DB_FILES, label: 'SQL query (Hutool Db)' },
  // (Held: called on the holder itself, not on what it gives, a WebSocketSession's `session.getAttributes().get(k)`.)
  { kind: 'query', languages: ['java'], root: 'db|\\w+Db', notThrough: '\\w+', method: HUTOOL_DB_METHODS, inFilesMatching: HUTOOL_DB_FILES, label: 'SQL query (Hutool Db)' },
  { kind: 'query', languages: ['java'], root: 'session|\\w+Session', notThrough: '\\w+', method: HUTOOL_DB_METHODS, inFilesMatching: HUTOOL_SESSION_FILES, label: 'SQL query (Hutool Db)' },
  // MyBatis-Plus: the statements every mapper inherits from BaseMapper, declared in no XML of the workspace (pig's
  // `relationMapper.insert(relationEntity)` per user), in a module that uses MyBatis-Plus.
  {
    kind: 'query',
    languages: ['java'],
    root: '\\w*Mapper',
    method: 'insert|insertOrUpdate|selectById|selectOne|selectList|selectPage|selectCount|selectBatchIds|selectByIds|selectMaps|selectObjs|exists|updateById|update|deleteById|deleteByIds|deleteBatchIds|delete|deleteByMap|selectByMap',
    inFilesMatching: '\\bcom\\.baomidou\\.mybatisplus\\b',
    label: 'SQL query (MyBatis-Plus BaseMapper)',
  },
  // …and wherever a statement only BaseMapper has is called (ruoyi-vue-pro's services import none of MyBatis-Plus: their
  // mappers extend the project's BaseMapperX), or made bare by a mapper's default method (`default Long
  // selectCountByParentId(Long id) { return selectCount(DeptDO::getParentId, id); }`).
  { kind: 'query', languages: ['java'], root: '\\w*Mapper', method: MP_MAPPER_ONLY, label: 'SQL query (MyBatis-Plus BaseMapper)' },
  // …and BaseMapper's writes named as other mappers' methods are (`insert`, `update`, `delete`: zfile's
  // `userStorageSourceMapper.insert(…)` per item, in a service that imports none of MyBatis-Plus), on a mapper the
  // workspace declares as one (not a MapStruct mapper's `update(dto, entity)`).
  { kind: 'query', languages: ['java'], root: '\\w*Mapper', method: 'insert|update|delete', mybatisPlusMapper: true, label: 'SQL query (MyBatis-Plus BaseMapper)' },
  // …and those of MyBatis-Flex's BaseMapper and mybatis-jpa-extra's IJpaMapper (`accessMapper.selectOneById(id)`).
  { kind: 'query', languages: ['java'], root: '\\w*Mapper', method: `${FLEX_MAPPER_METHODS}|${JPA_EXTRA_MAPPER_METHODS}`, mybatisPlusMapper: true, label: 'SQL query (MyBatis-Flex or mybatis-jpa-extra mapper)' },
  { kind: 'query', languages: ['java'], root: MP_MAPPER_ONLY, alone: true, inFilesMatching: MP_MAPPER_INTERFACE, label: 'SQL query (MyBatis-Plus BaseMapper)' },
  // …and its IService: what a `ServiceImpl<M, T>` inherits, called bare or on `this` in the class (pig's `this.list()`
  // per imported row), or on another service of the module (`deptService.getById(id)`), or a chained query run
  // (`lambdaQuery().eq(SysUser::getUsername, name).one()`).
  { kind: 'query', languages: ['java'], root: MP_SERVICE_METHODS, alone: true, inFilesMatching: MP_SERVICE_IMPL, label: 'SQL query (MyBatis-Plus IService)' },
  { kind: 'query', languages: ['java'], root: FLEX_SERVICE_METHODS, alone: true, inFilesMatching: MP_SERVICE_IMPL, label: 'SQL query (MyBatis-Flex IService)' },
  // (mybatis-jpa-extra's: MaxKey's UserInfoServiceImpl `insert(userInfo)`.)
  { kind: 'query', languages: ['java'], root: JPA_EXTRA_SERVICE_METHODS, alone: true, inFilesMatching: JPA_EXTRA_SERVICE_IMPL, label: 'SQL query (mybatis-jpa-extra JpaServiceImpl)' },
  // (A service of the workspace that defines the method itself is followed there: zfile's plain `UserService.getById`,
  // `@Cacheable`, in a module that imports MyBatis-Plus elsewhere.)
  { kind: 'query', languages: ['java'], root: 'this|\\w*Service', method: MP_SERVICE_METHODS, inFilesMatching: MP_FILES, unlessWorkspace: true, label: 'SQL query (MyBatis-Plus IService)' },
  // …and in a file that imports none of MyBatis-Plus, on a holder the workspace declares as such a service (SpringBlade's
  // MenuWrapper: `menuService.getById(id)` with `IMenuService extends IService<Menu>` in the service's own file), also
  // MyBatis-Flex's (the same names) and mybatis-jpa-extra's (MaxKey's `IJpaService<Accounts, String>`): one rule, as the
  // libraries share method names, called on the holder itself (not on what one of its methods returns).
  {
    kind: 'query',
    languages: ['java'],
    root: 'this|\\w*Service',
    notThrough: '\\w+',
    method: `${MP_SERVICE_METHODS}|${FLEX_SERVICE_METHODS}|${JPA_EXTRA_SERVICE_METHODS}`,
    serviceBases: 'IService|ServiceImpl|IJpaService|JpaServiceImpl',
    unlessWorkspace: true,
    label: 'SQL query (MyBatis-Plus, MyBatis-Flex or mybatis-jpa-extra service)',
  },
  { kind: 'query', languages: ['java'], root: 'this|\\w*Service', through: 'lambdaQuery|lambdaUpdate|queryChain|updateChain', method: `${MP_CHAIN_RUNS}|${FLEX_CHAIN_RUNS}`, serviceBases: 'IService|ServiceImpl', label: 'SQL query (MyBatis-Plus or MyBatis-Flex IService)' },
  { kind: 'query', languages: ['java'], root: 'lambdaQuery|lambdaUpdate', method: MP_CHAIN_RUNS, inFilesMatching: MP_SERVICE_IMPL, label: 'SQL query (MyBatis-Plus IService)' },
  { kind: 'query', languages: ['java'], root: 'queryChain|updateChain', method: FLEX_CHAIN_RUNS, inFilesMatching: MP_SERVICE_IMPL, label: 'SQL query (MyBatis-Flex IService)' },
  { kind: 'query', languages: ['java'], root: 'this|\\w*Service', through: 'lambdaQuery|lambdaUpdate', method: MP_CHAIN_RUNS, inFilesMatching: MP_FILES, label: 'SQL query (MyBatis-Plus IService)' },
  {
    // AWS SDK v2: the enhanced client's table (`this.table.deleteItem(item)`) and the low-level client.
    kind: 'query',
    languages: ['java'],
    root: 'table|\\w*Table|dynamoDb\\w*|\\w*DynamoDb\\w*|ddb|\\w*[dD]ynamo\\w*',
    method: 'getItem|putItem|updateItem|deleteItem|query|scan|batchGetItem|batchWriteItem|transactGetItems|transactWriteItems',
    label: 'DynamoDB request',
  },
  {
    kind: 'query',
    languages: ['java'],
    // Also a repository named a DAO (hertzbeat's `historyDao`, `AlertDao extends JpaRepository<…>`), as many are.
    root: JAVA_REPOSITORY_ROOTS,
    // Also a Panache repository's (`fruitRepository.listAll()`, `.persist(fruit)`, `.update("…", …)`).
    // (`saveAndFlush`, `saveAllAndFlush` and `flush` write at once.)
    method: 'find\\w*|save|saveAll|saveAndFlush|saveAllAndFlush|flush|delete\\w*|count\\w*|exists\\w*|persist\\w*|merge|list\\w*|stream\\w*|update',
    unlessImplemented: true,
    label: 'Spring Data / JPA query',
  },
  {
    // A getter is a query when it is Spring Data's (`getById`, `getReferenceById`, a derived `getByName`), called on the
    // repository itself, not on what a getter returns (`metaDao.getLabels().get(k)` reads a map). One a DAO class of the
    // workspace defines is followed there instead (BroadleafCommerce's `dynamicEntityDao.getFieldManager()` hands back a
    // cached object, `getAllFields(cls)` reflects, its `DefaultPostLoaderDao.getPostLoaderDao()` is a singleton: 78 false
    // queries in loops), where what it runs is read (a Hibernate session's, QueryDSL's: below).
    kind: 'query',
    languages: ['java'],
    root: JAVA_REPOSITORY_ROOTS,
    method: 'get\\w*',
    notThrough: '\\w+',
    unlessWorkspace: true,
    label: 'Spring Data / JPA query',
  },
  {
    // Hibernate's Session, as a DAO holds or gets it (`sessionFactory.getCurrentSession().get(Customer.class, id)`,
    // `getSession().createQuery(…)`, `session.load(…)`).
    kind: 'query',
    languages: ['java'],
    root: 'sessionFactory|\\w*SessionFactory|getSession|getCurrentSession|currentSession|hibernateSession|\\w*HibernateSession',
    method: 'get|load|find|byId|createQuery|createNativeQuery|createSQLQuery|createCriteria|createNamedQuery|list|uniqueResult|save|saveOrUpdate|persist|merge|update|delete|remove|refresh|flush',
    label: 'Hibernate query',
  },
  {
    // QueryDSL: a query its factory builds runs at `fetch…` (`queryFactory.selectFrom(order).where(…).fetch()`).
    kind: 'query',
    languages: ['java'],
    root: 'queryFactory|\\w*QueryFactory|jpaQueryFactory|query|\\w*Query',
    through: 'select\\w*|from',
    method: 'fetch|fetchOne|fetchFirst|fetchCount|fetchResults|execute',
    label: 'QueryDSL query',
  },
  {
    // JPA's EntityManager: what reads or writes rows, not its metadata (`em.getMetamodel()`, `em.getCriteriaBuilder()`,
    // `em.unwrap(Session.class)`).
    kind: 'query',
    languages: ['java'],
    root: 'entityManager|em|\\w+EntityManager',
    method: 'find|persist|merge|remove|refresh|flush|createQuery|createNamedQuery|createNativeQuery|createStoredProcedureQuery|getResultList|getSingleResult|getResultStream|executeUpdate',
    label: 'Spring Data / JPA query',
  },
  {
    // Inside a Panache entity its inherited static methods are called unqualified (`find("name", name).firstResult()`);
    // at a call on the class from elsewhere (`Fruit.listAll()`), the join knows it (hazards/activeRecord).
    kind: 'query',
    languages: ['java'],
    root: PANACHE_QUERY_METHODS.join('|'),
    alone: true,
    inFilesMatching: PANACHE_ENTITY_FILE,
    label: 'Panache query',
  },
  // Java outbound HTTP
  {
    kind: 'call',
    languages: ['java'],
    root: 'restTemplate|\\w*RestTemplate|template',
    method: 'getForObject|getForEntity|postForObject|postForEntity|exchange|put|delete|patchForObject',
    label: 'HTTP request (RestTemplate)',
  },
  { kind: 'call', languages: ['java'], root: 'webClient|\\w*WebClient', method: 'get|post|put|delete|patch|method', label: 'HTTP request (WebClient)' },
  // Hutool: `HttpUtil.get(url)`, `HttpRequest.post(url).body(json).execute()` (pig's social logins and monitors).
  { kind: 'call', languages: ['java'], root: 'HttpUtil', method: HUTOOL_SENDS, inFilesMatching: HUTOOL_UTIL_FILES, label: 'HTTP request (Hutool)' },
  { kind: 'call', languages: ['java'], root: 'HttpRequest|HttpUtil', through: HUTOOL_REQUESTS, method: 'execute|executeAsync', inFilesMatching: HUTOOL_REQUEST_FILES, label: 'HTTP request (Hutool)' },
  // A bare `client` is every kind of client (halo's ExtensionClient deletes from its own store): an HTTP one only where
  // the file names the class.
  {
    kind: 'call',
    languages: ['java'],
    root: 'client',
    method: 'get|post|put|delete|patch|method',
    inFilesMatching: '\\bWebClient\\b',
    label: 'HTTP request (WebClient)',
  },
  { kind: 'call', languages: ['java'], root: 'restClient|\\w*RestClient', method: 'get|post|put|delete|patch|method', label: 'HTTP request (RestClient)' },
  { kind: 'call', languages: ['java'], root: 'httpClient', method: 'send|sendAsync', label: 'HTTP request (java.net.http)' },
  { kind: 'call', languages: ['java'], root: 'client', method: 'send|sendAsync', inFilesMatching: '\\bHttpClient\\b', label: 'HTTP request (java.net.http)' },
  // Also its async client, however its holder is spelt (Sentinel's `CloseableHttpAsyncClient httpclient`), whose
  // `execute(request, callback)` returns at once.
  {
    kind: 'call',
    languages: ['java'],
    root: 'httpClient|httpclient|\\w*HttpClient|httpAsyncClient|\\w*HttpAsyncClient',
    method: 'execute',
    parallelWithArgs: '\\bFutureCallback\\b|,\\s*\\w*[cC]allback\\s*\\)$',
    label: 'HTTP request (Apache HttpClient)',
  },
  // The AWS SDK v3's clients, a command sent to the service (docmost's `this.s3Client.send(new GetObjectCommand(…))`).
  // (Its arguments decide, and they decide for every table: so only names an AWS client has.)
  { kind: 'call', languages: ['js'], root: AWS_JS_CLIENTS, method: 'send', argsMatching: '^\\(\\s*new\\s+\\w+Command\\s*\\(', label: 'AWS request' },
  // …and the object-style clients (see AWS_CAMEL_METHODS): `s3.getObject(params).promise()`, `await sqs.sendMessage(…)`.
  { kind: 'call', languages: ['js'], root: AWS_JS_ROOTS, method: AWS_CAMEL_METHODS, inFilesMatching: AWS_JS_FILES, label: 'AWS request' },
  { kind: 'call', languages: ['js'], root: AWS_JS_CLIENT_ROOTS, method: AWS_CAMEL_OWN_METHODS, inFilesMatching: AWS_JS_FILES, label: 'AWS request' },
  { kind: 'call', languages: ['python'], root: AWS_PY_ROOTS, method: AWS_SNAKE_METHODS, inFilesMatching: AWS_PY_FILES, label: 'AWS request (boto3)' },
  { kind: 'call', languages: ['python'], root: AWS_PY_CLIENT_ROOTS, method: AWS_SNAKE_OWN_METHODS, inFilesMatching: AWS_PY_FILES, label: 'AWS request (boto3)' },
  // boto3's S3 and DynamoDB clients kept under a client's name, as its docs do (chainlit's `self.client =
  // boto3.client("dynamodb")`, then `self.client.query(…)` per thread); DynamoDB's `query` and `scan` only in a module
  // that names DynamoDB.
  { kind: 'call', languages: ['python'], root: '_?client|\\w+_client', method: S3_PY_METHODS, inFilesMatching: AWS_PY_FILES, label: 'S3 request (boto3)' },
  { kind: 'query', languages: ['python'], root: '_?client|\\w+_client', method: DYNAMODB_PY_METHODS, inFilesMatching: PY_DYNAMODB_FILES, label: 'DynamoDB request (boto3)' },
  { kind: 'call', languages: ['java'], root: AWS_JAVA_ROOTS, method: AWS_CAMEL_METHODS, inFilesMatching: AWS_JAVA_FILES, label: 'AWS request' },
  { kind: 'call', languages: ['java'], root: AWS_JAVA_CLIENT_ROOTS, method: AWS_CAMEL_OWN_METHODS, inFilesMatching: AWS_JAVA_FILES, label: 'AWS request' },
  // (DynamoDB's operations first, a query's: a chain's rule is the first whose names match, its arguments decide after.)
  { kind: 'query', languages: ['go'], root: ANY_NAME, method: GO_DYNAMODB_OPERATIONS, inFilesMatching: AWS_GO_FILES, argsMatching: awsGoInput('dynamodb'), label: 'DynamoDB request' },
  { kind: 'call', languages: ['go'], root: ANY_NAME, method: `(?!(?:${GO_DYNAMODB_OPERATIONS})$)[A-Z]\\w*`, inFilesMatching: AWS_GO_FILES, argsMatching: awsGoInput(AWS_GO_SERVICES), label: 'AWS request' },
];

export const DEFAULT_LIST_RULES: ListRule[] = [
  {
    // `knex('tasks').select('*')`, `knex.select('*').from('tasks').stream()`: the whole table. Any filter, limit or
    // single-row read along the chain is left alone (a filter's size is the data model's, as with SQL text).
    languages: ['js'],
    root: KNEX_ROOTS,
    ...KNEX_LIST,
  },
  { languages: ['js'], root: KNEX_DB_ROOTS, inFilesMatching: KNEX_DB_CALL, ...KNEX_LIST },
  { languages: ['js'], root: 'ctx', through: 'db|prisma', notThrough: 'query', method: 'findMany', boundedByArgs: PRISMA_FIND_MANY_BOUND, label: 'Prisma findMany without take' },
  {
    languages: ['js'],
    root: DRIZZLE_ROOTS,
    through: 'select|selectDistinct',
    notThrough: KYSELY_STARTS,
    method: 'from|orderBy|innerJoin|leftJoin|rightJoin|fullJoin',
    // knex reads the same from a `db` (Unleash's `this.db.select(cols).from(T.ROLES).whereIn(…).first()`): its own
    // filters and single-row reads bound it too.
    boundedByChain: `where|limit|groupBy|\\$dynamic|${KNEX_LIST.boundedByChain}`,
    // An aggregate selected (`db.select({ n: count() }).from(t)`) is one row. A select from a common table expression
    // its chain names (karakeep's `ctx.db.with(sq).select().from(sq)`) reads what the CTE, written apart, bounds.
    boundedByStatement: '\\b(?:count|countDistinct|sum|avg|min|max)\\s*\\(|\\bsql\\s*<',
    boundedByCall: '\\.with\\([^)]*?\\b([\\w$]+)\\b[^)]*\\)[\\s\\S]*\\.from\\(\\s*\\1\\s*\\)',
    label: 'Drizzle or knex select with no where or limit',
  },
  {
    languages: ['js'],
    root: DRIZZLE_ROOTS,
    through: 'query',
    method: 'findMany',
    // Also a where that pins a key or a parent's key, or takes the caller's list, alone or among the conditions of an
    // `and(…)` (karakeep's `where: and(eq(customPrompts.userId, userId), eq(customPrompts.appliesTo, "summary"))`):
    // bounded as SQL's `WHERE user_id = $1` is. Not one inside an `or(…)`.
    boundedByArgs: `\\blimit\\s*:|\\bwhere\\s*:\\s*(?:and\\s*\\((?:[^()]|\\([^()]*\\))*?)?\\b(?:eq\\s*\\(\\s*[\\w$.]+\\.${ORM_KEY}\\s*,(?!\\s*null\\b)|inArray\\s*\\()`,
    label: 'Drizzle findMany without limit',
  },
  {
    // pymongo: `collection.find(filter)` reads every matching document as its cursor is iterated, unless limited
    // (`.limit(20)`, `limit=20`); a find by `_id` or over the ids given (`{"_id": {"$in": ids}}`) is bounded.
    languages: ['python'],
    root: PY_MONGO_ROOTS,
    method: 'find',
    inFilesMatching: PY_MONGO_FILES,
    boundedByArgs: '\\blimit\\s*=|[\'"]_id[\'"]\\s*:',
    boundedByChain: 'limit|next|find_one',
    label: 'MongoDB find without limit (pymongo)',
  },
  {
    // The Go driver: `coll.Find(ctx, bson.M{…})` without `options.Find().SetLimit(n)`.
    languages: ['go'],
    root: ANY_NAME,
    notRoot: 'options',
    method: 'Find',
    inFilesMatching: GO_MONGO_FILES,
    boundedByArgs: 'SetLimit|\\bLimit\\s*:|"_id"\\s*:',
    boundedByStatement: 'SetLimit',
    label: 'MongoDB Find without a limit (Go driver)',
  },
  {
    // Kysely: `db.selectFrom('person').selectAll().execute()`, every row; a where, limit or grouping bounds it (a
    // filter's size is the data model's, as with knex), and so does an aggregate selected (`eb.fn.countAll()`). A
    // recursive CTE read (docmost's `db.withRecursive('ancestors', (qb) => qb.selectFrom('pages').where(…)…)`) is
    // the tree of the row its start query picks.
    languages: ['js'],
    root: ANY_NAME,
    through: 'selectFrom',
    method: 'execute|stream',
    boundedByChain: 'where\\w*|limit|top|fetch|groupBy|having|withRecursive',
    boundedByStatement: '\\bfn\\.(?:count\\w*|sum|avg|min|max)\\b|\\bfn\\s*\\(\\s*[\'"](?:count|sum|avg|min|max)[\'"]|\\bsql\\s*<',
    label: 'Kysely select with no where or limit',
  },
  // Redis KEYS walks every key of the server, which serves nothing else meanwhile: SCAN reads them a page at a time.
  { languages: ['js'], root: JS_REDIS_ROOTS, notThrough: REDIS_QUEUES, method: 'keys', label: REDIS_KEYS },
  { languages: ['js'], root: JS_REDIS_CLIENTS, notThrough: REDIS_QUEUES, method: 'keys', inFilesMatching: JS_REDIS_FILES, label: REDIS_KEYS },
  { languages: ['python'], root: PY_REDIS_ROOTS, notThrough: REDIS_QUEUES, method: 'keys', label: REDIS_KEYS },
  { languages: ['go'], root: ANY_NAME, notRoot: REDIS_QUEUES, notThrough: REDIS_QUEUES, through: 'Keys', method: GO_REDIS_REPLIES, inFilesMatching: GO_REDIS_FILES, label: REDIS_KEYS },
  { languages: ['go'], root: ANY_NAME, notRoot: REDIS_QUEUES, notThrough: REDIS_QUEUES, method: 'Keys', inFilesMatching: GO_REDIS_FILES, argsMatching: GO_REDIS_ARGS, label: REDIS_KEYS },
  { languages: ['java'], root: '\\w*[rR]edisTemplate|' + JEDIS_ROOTS, method: 'keys', label: REDIS_KEYS },
  { languages: ['java'], root: 'template', method: 'keys', inFilesMatching: REDIS_TEMPLATE_FILES, label: REDIS_KEYS },
  {
    languages: ['js'],
    root: PRISMA_ROOTS,
    notThrough: 'query',
    method: 'findMany',
    boundedByArgs: PRISMA_FIND_MANY_BOUND,
    label: 'Prisma findMany without take',
  },
  {
    // MyBatis Generator: `brandMapper.selectByExample(new PmsBrandExample())` selects the whole table; an example
    // given criteria (a variable) is left alone, and PageHelper.startPage before it pages it.
    languages: ['java'],
    root: '\\w*[mM]apper',
    method: 'selectByExample|selectByExampleWithBLOBs',
    boundedByArgs: '^(?!\\s*(?:new\\s+\\w+Example\\s*\\(\\s*\\)|null)\\s*$)',
    boundedByCallBefore: PAGE_HELPER_BEFORE,
    builtEmpty: MG_BUILT_EMPTY,
    label: 'MyBatis select by an example with no key criterion, not paged by PageHelper',
  },
  {
    // MyBatis-Plus's BaseMapper: `skuMapper.selectList()` / `selectList(null)` / an empty wrapper read every row;
    // a wrapper with conditions, or a column and value (ruoyi-vue-pro's BaseMapperX), are the caller's filter.
    languages: ['java'],
    root: '\\w*[mM]apper',
    method: 'selectList|selectMaps|selectObjs',
    boundedByArgs: MP_NO_CONDITIONS,
    boundedByCallBefore: PAGE_HELPER_BEFORE,
    builtEmpty: MP_BUILT_EMPTY,
    label: 'MyBatis-Plus select with no conditions, not paged by PageHelper',
  },
  // …and IService's `list()` (pig's `this.list()` of every user, `deptService.list()`), with no conditions either.
  { languages: ['java'], root: 'list|listMaps|listObjs', alone: true, inFilesMatching: MP_SERVICE_IMPL, boundedByArgs: MP_NO_CONDITIONS, boundedByCallBefore: PAGE_HELPER_BEFORE, builtEmpty: MP_BUILT_EMPTY, label: 'MyBatis-Plus IService list with no conditions' },
  // Hutool's Db: `findAll("node")`, a table's every row (not one given an Entity with conditions set, a variable).
  {
    languages: ['java'],
    root: 'Db|Session|cn|db|\\w+Db',
    method: 'findAll',
    inFilesMatching: HUTOOL_DB_FILES,
    boundedByArgs: '^(?!\\s*(?:"[^"]*"|[A-Z][A-Z0-9_]*|Entity\\s*\\.\\s*create\\s*\\(\\s*(?:"[^"]*"|[\\w.]+(?:\\(\\s*\\))?)?\\s*\\))\\s*$)',
    label: 'Hutool Db findAll of a whole table',
  },
  { languages: ['java'], root: 'this|\\w*Service', method: 'list|listMaps|listObjs', inFilesMatching: MP_FILES, boundedByArgs: MP_NO_CONDITIONS, boundedByCallBefore: PAGE_HELPER_BEFORE, builtEmpty: MP_BUILT_EMPTY, label: 'MyBatis-Plus IService list with no conditions' },
  // …and in a file that imports none of MyBatis-Plus, on a holder the workspace declares as such a service (PlayEdu's
  // AdminRoleController: `roleService.list()` with `AdminRoleService extends IService<AdminRole>`), as for its statements.
  { languages: ['java'], root: 'this|\\w*Service', notThrough: '\\w+', method: 'list|listMaps|listObjs', serviceBases: 'IService|ServiceImpl', boundedByArgs: MP_NO_CONDITIONS, boundedByCallBefore: PAGE_HELPER_BEFORE, builtEmpty: MP_BUILT_EMPTY, label: 'MyBatis-Plus IService list with no conditions' },
  {
    languages: ['js'],
    root: JS_CLASS + '|\\w*Model',
    method: 'findAll|findAndCountAll',
    // `where: { id: { [Op.in]: ids } }`: the rows of the ids the caller gives.
    boundedByArgs: '\\blimit\\s*[:,}]|\\[Op\\.in\\]\\s*:|' + KEY_WHERE_ARG,
    unlessOwnSync: true,
    label: 'findAll without limit (Sequelize)',
  },
  {
    languages: ['js'],
    root: '\\w*Repository|\\w*Repo|repo|manager|em|entityManager|dataSource',
    method: 'find|findBy|findAndCount',
    // Said to be TypeORM's where the file shows TypeORM (its import, `@InjectRepository`, a `Repository<User>`);
    // elsewhere the same call on a project's own repository (novu's Mongoose `BaseRepository.find(query, select,
    // { limit })`) is said plainly, by the rule below.
    inFilesMatching: TYPEORM_FILE,
    // `find({ where: { id: In(ids) } })`: as many rows as the ids the caller gives.
    boundedByArgs: REPOSITORY_FIND_BOUND,
    label: 'TypeORM find without take',
  },
  {
    languages: ['js'],
    root: '\\w*Repository|\\w*Repo|repo|manager|em|entityManager|dataSource',
    method: 'find|findBy|findAndCount',
    boundedByArgs: REPOSITORY_FIND_BOUND,
    label: 'repository find without a limit',
  },
  {
    // A repository a wrapper hands out (vendure's `this.connection.getRepository(ctx, Country).find()`): TypeORM's,
    // not MongoDB's `find`, which the rule below would call it.
    languages: ['js'],
    root: ANY_NAME,
    through: 'getRepository|getTreeRepository|getCustomRepository',
    method: 'find|findBy|findAndCount',
    boundedByArgs: REPOSITORY_FIND_BOUND,
    label: 'TypeORM find without take',
  },
  {
    languages: ['js'],
    root: TYPEORM_BUILDER_ROOTS,
    method: 'getMany|getManyAndCount|getRawMany|getRawAndEntities',
    boundedByChain: 'take|limit',
    // A bound set, also through the find options (`qb.setFindOptions({ take })`); a where on one row's key, a parent's
    // key or the caller's ids (`'line.id = :lineId'`, `'pvp.variantId = :id'`, `'customer.id IN (:...ids)'`,
    // `whereInIds(ids)`), as SQL's `WHERE order_id = $1` is; or a builder the project's own code made and pages
    // (vendure's `this.listQueryBuilder.build(Entity, options)`, its take from the list options).
    boundedByStatement: TYPEORM_BUILDER_BOUND,
    label: 'TypeORM query builder without take',
  },
  {
    // squirrel: a select kept in a variable and run with no `.Limit(n)` on it (`query.Query()`), or run in one chain.
    languages: ['go'],
    root: SQL_BUILDER,
    method: 'Query|QueryContext',
    boundedByChain: 'Limit',
    // A lookup by key or parent key (`Where(sq.Eq{"block_id": id})`), as a SQL text's `WHERE block_id = $1` is: such a
    // key anywhere in the map (openfga's `sq.Eq{"store": store, "authorization_model_id": modelID}`).
    boundedByStatement: '\\.\\s*Limit\\(|\\.\\s*Suffix\\([^)]*LIMIT|(?:sq|squirrel)\\.Eq\\s*\\{[^{}]*?"(?:\\w+\\.)?(?:id|\\w+_id|\\w+Id|\\w+ID)"\\s*:',
    label: 'squirrel select without Limit',
  },
  {
    // `container.items.readAll().fetchAll()`, `items.query('SELECT * FROM c WHERE …').fetchAll()`: every item, unless
    // the query says TOP or OFFSET … LIMIT, or the chain reads one page (`fetchNext`).
    languages: ['js'],
    root: 'container|\\w*[cC]ontainer',
    through: 'items',
    method: 'readAll|query',
    inFilesMatching: COSMOS,
    boundedByArgs: '\\b(?:TOP|LIMIT|top|limit)\\b|maxItemCount',
    boundedByChain: 'fetchNext|getAsyncIterator',
    boundedByStatement: '\\b(?:TOP|LIMIT)\\b',
    label: 'Azure Cosmos DB query without TOP or LIMIT',
  },
  {
    // AdonisJS's Lucid models (`import User from '#models/user'`): `User.find(id)`, `findBy`, `findOrFail` read one row
    // by key; not MongoDB's `find`, which the rule below would call it. `User.all()` reads the table.
    languages: ['js'],
    root: JS_CLASS,
    method: 'find|findBy|findOrFail|findByOrFail',
    inFilesMatching: LUCID,
    boundedByArgs: '^',
    label: 'Lucid find by key',
  },
  {
    languages: ['js'],
    root: JS_CLASS,
    method: 'all',
    inFilesMatching: LUCID,
    label: 'Lucid all() (every row of the table)',
  },
  {
    // TypeORM's active record (`UserEntity.find()` on a `BaseEntity`), in a module that imports TypeORM; said so,
    // not as MongoDB's `find`, which the rule below would call it.
    languages: ['js'],
    root: JS_CLASS,
    method: 'find|findBy|findAndCount',
    inFilesMatching: TYPEORM,
    boundedByArgs: TAKE_ARG + '|\\blimit\\s*[:,}]|\\bIn\\s*\\(|' + KEY_WHERE_ARG,
    label: 'TypeORM find without take',
  },
  {
    languages: ['js'],
    root: JS_CLASS + '|\\w*Model|collection|coll|\\w+Collection',
    method: 'find',
    // `Product.find({ _id: { $in: ids } })`: as many documents as the ids the caller gives. A function given is an
    // array's find (`usersCollection.find((u) => u.id === id)`), which returns one element. Options with a `limit`
    // (`find(filter, null, { limit: 20 })`) bound it; a number or a page's size given as an argument (`find(filter, 0,
    // 1)`, `Common.find(table, filter, skip, limit)`) says a project's own paged `find`, not MongoDB's. A key given
    // first, not a filter (node-oidc-provider's `AccessToken.find(token)`, logto's `RefreshToken.find(refreshTokenValue,
    // { ignoreExpiration: true })`, also converted first, `AccessToken.find(String(params?.actor_token))`), is a lookup of one.
    // (The caller's list on any key, `id: { $in: ids }`, `version: { $in: versions }`, bounds it as `_id`'s does; not a
    // constant's, `status: { $in: ACTIVE_STATUSES }`, every row of those.)
    boundedByArgs: '[\\w$\'"]\\s*:\\s*\\{\\s*[\'"]?\\$in[\'"]?\\s*:\\s*(?![A-Z][A-Z0-9_]*\\s*\\})(?:this\\.)?[\\w$.]+\\s*\\}|\\b_id\\s*:\\s*\\{\\s*\\$in\\b|=>|\\bfunction\\b|\\blimit\\s*:|,\\s*(?:\\d+|skip|limit|offset|take|pageSize|perPage)\\s*(?=,|\\)|$)|^\\s*\\w*(?:[iI]d|ID|[tT]oken|[kK]ey|[vV]alue|[uU]id|[cC]ode|[sS]lug)\\s*(?:,|$)|^\\s*(?:String|Number)\\(\\s*[\\w$]+(?:\\??\\.[\\w$]+)*?(?:[iI]d|ID|[tT]oken|[kK]ey|[vV]alue|[uU]id|[cC]ode|[sS]lug)\\s*\\)\\s*(?:,|$)',
    boundedByChain: 'limit|paginate|findOne|count|countDocuments|estimatedDocumentCount|cursor|next',
    unlessOwnSync: true,
    label: 'MongoDB find without limit (Mongoose or the driver)',
  },
  // A filter on a list the caller gives (`code__in=codes`, `Model.id.in_(ids)`) returns at most that many rows; one on
  // the primary key (`filter(pk=…)`, `filter(id=…)`), at most one; one on a parent's key (`filter(event_id=…)`,
  // `filter(team__id=…)`, also given as a dict, `filter(**{'vrf_id': self.vrf_id, …})`), that parent's children, which
  // the data model bounds as it bounds SQL's `WHERE event_id = %s`. Django's own tables of models, permissions and
// sites hold as many rows as the code declares, not as the traffic brings.
  { languages: ['python'], root: '[A-Z]\\w*', notRoot: 'ContentType|Permission|Site', through: 'objects', method: 'all|filter|exclude|order_by', boundedByStatement: '__in\\s*=', boundedByCallArgs: { method: 'filter', args: '(?:^|,)\\s*(?:pk|id|\\w+_id|\\w+__(?:pk|id))\\s*=(?!=)(?!\\s*(?:OuterRef|None)\\b)|\\*\\*\\{[^}]*[\'"](?:pk|id|\\w+_id|\\w+__(?:pk|id))[\'"]\\s*:(?!\\s*(?:OuterRef|None)\\b)' }, boundedByChain: 'a?(?:first|last|latest|earliest|get|count|exists|aggregate|update|delete|in_bulk|contains|iterator|get_or_create|update_or_create)|\\[slice\\]|values_list|paginate', label: 'Django queryset without a slice' },
  { languages: ['python'], root: '[A-Z]\\w*|cls|model|\\w+_model', through: 'query', method: 'all', boundedByChain: 'limit|first|one|one_or_none|get|scalar|paginate|slice', boundedByStatement: '\\.in_\\s*\\(|' + SQLALCHEMY_KEY_FILTER, label: 'SQLAlchemy query without limit' },
  {
    // Also SQLAlchemy 2.0 and SQLModel: `session.exec(stmt).all()`, `session.execute(select(X)).scalars().all()`.
    languages: ['python'],
    root: 'session|sess|db|' + DB_SESSION,
    // Through what runs a statement: not a Django model instance's related manager (`session.logs.all()`, wger).
    through: 'exec|execute|scalars|query|mappings|unique',
    method: 'all',
    boundedByChain: 'limit|first|one|one_or_none|get|scalar|paginate|slice',
    // Also a write's `RETURNING` rows (`insert(Event).on_conflict_do_nothing().returning(Event.id)`): one per row written.
    // And a statement handed to a pagination helper (`q, count = self.add_pagination_to_query(q, page)`, mealie), or made
    // by a project's factory for a key it is given (SQLA_KEYED_FACTORY).
    boundedByStatement: '\\.(limit|fetch|slice|in_|returning)\\s*\\(|\\b(?:insert|update|delete)\\(\\s*[A-Z]\\w*\\s*\\)|\\b\\w*paginat\\w*\\s*\\(|' + SQLALCHEMY_KEY_FILTER + '|' + SQLA_KEYED_FACTORY,
    label: 'SQLAlchemy query without limit',
  },
  // xorm through a package's field (XORM_HOLDERS), judged before GORM's rule of the same `DB` name would be.
  ...XORM_HOLDERS.map((holder) => ({
    ...holder,
    method: 'Find|FindAndCount|Iterate|Rows',
    boundedByChain: XORM_BOUNDS,
    boundedByStatement: XORM_BOUNDED_BY,
    label: 'xorm Find without Limit',
  })),
  {
    languages: ['go'],
    root: 'db|tx|\\w*[dD][bB]',
    method: 'Find',
    // Into one struct (`Find(msg, id)`, `Find(&app)`: a singular name) or by primary key, not a slice.
    boundedByArgs: '^\\s*&?[\\w.]+\\s*,|^\\s*&?(?:[\\w]+\\.)?[A-Za-z_]\\w*(?<![sS]|[lL]ist|[sS]lice|[mM]ap)\\s*$',
    boundedByChain: 'Limit|First|Take|Last|Scopes',
    boundedOnlyBefore: true,
    // A query built in a variable first (`db := d.DB.Where(…).Limit(limit)`, then `db.Find(&messages)`). (Its Where
    // conditions are read by boundedBySqlWhere, which knows a subquery given for a placeholder from a condition.)
    // (go-admin's pages: `orm := e.Orm.Model(&data).Scopes(cDto.Paginate(size, index))`, then `orm.Find(list)`.)
    // (And storm's, whose `db.Select(q.Eq("UserID", id)).Find(&v)` reads as GORM's: its matchers on a key.)
    boundedByStatement: '\\.\\s*(Limit|First|Take|Last|Scopes)\\s*\\(|\\bq\\.(?:Eq|In)\\(\\s*"(?:ID|\\w*ID|\\w*Id)"',
    boundedBySqlWhere: 'Where',
    // (go-admin's `table := tx.Table("sys_columns")`, `table = table.Where("table_id = ?", id)`, then `table.Find(&doc)`.)
    boundedWhereBuilt: GO_WHERE_KEY,
    label: 'GORM Find without Limit',
  },
  {
    // Beego's ORM: a table's every row unless it is limited.
    languages: ['go'],
    root: '\\w+',
    through: 'QueryTable',
    method: 'All|Values|ValuesList|ValuesFlat',
    boundedByChain: 'Limit',
    boundedByStatement: '\\.\\s*Limit\\s*\\(',
    inFilesMatching: BEEGO_ORM,
    label: 'Beego ORM query without Limit',
  },
  {
    // jOOQ: a select's every row unless filtered, limited or grouped, or read one row or a count.
    languages: ['java'],
    root: ANY_NAME,
    through: 'select|selectFrom|selectDistinct',
    method: 'fetch|fetchInto|fetchMaps|fetchStream|fetchArray|fetchSet|fetchMap|fetchGroups|fetchLazy|stream|collect',
    inFilesMatching: JOOQ_FILES,
    boundedByChain: 'where|limit|seek\\w*|groupBy|having|selectCount|fetchOne|fetchAny|fetchOptional|fetchSingle|fetchValue',
    label: 'jOOQ select without where or limit',
  },
  {
    // dbx: an `All` with no condition or limit along the chain or where its variable is built (pocketbase's
    // `q := app.CollectionQuery().OrderBy("rowid ASC")`, then `q.All(&collections)`).
    languages: ['go'],
    root: ANY_NAME,
    method: 'All',
    inFilesMatching: DBX_FILES,
    // (A statement of SQL written elsewhere, `r.db.NewQuery(sql).All(&rows)`, is the SQL's to bound.)
    boundedByChain: 'Where|AndWhere|OrWhere|Limit|Build|NewQuery',
    boundedByStatement: '\\.\\s*(?:Where|AndWhere|OrWhere|Limit)\\s*\\(',
    boundedWhereBuilt: '\\.\\s*(?:Where|AndWhere|OrWhere|Limit)\\s*\\(',
    label: 'dbx All without a condition or Limit',
  },
  {
    // bun: a select's every row unless it is filtered, limited or applies the caller's filter and page
    // (`Apply(f.Apply)`, go-base's list); `ColumnExpr("1")` reads no table's rows.
    languages: ['go'],
    root: '\\w+',
    through: 'NewSelect',
    method: 'Scan|ScanAndCount|Rows',
    boundedByChain: 'Where\\w*|Limit|Apply|ColumnExpr|Count|Exists',
    boundedByStatement: '\\.\\s*Limit\\s*\\(',
    label: 'bun select without Where or Limit',
  },
  {
    // pop (gobuffalo's, and ory's fork in hydra): a query's every row unless it is limited or paged, `Paginate(page,
    // per)`, also by a scope that pages it, hydra's `Scope(keysetpagination.Paginate[flow.Flow](paginator))`. Before
    // ent's rule, whose `Query…` a pop query also goes through (hydra's `p.QueryWithNetwork(ctx).Where(…).All(&fs)`).
    languages: ['go'],
    root: '\\w+',
    through: 'Q|Where|Scope|Order|Select|Join|LeftJoin|RightJoin|InnerJoin|Eager|EagerPreload|GroupBy|Having|Query(?:[A-Z]\\w*)?',
    method: 'All',
    boundedByChain: 'Limit|Paginate\\w*',
    boundedByStatement: '\\.\\s*(?:Limit|Paginate\\w*)\\s*\\(|\\.\\s*Scope\\(\\s*[\\w.]*[pP]aginat|' + GO_WHERE_KEY,
    inFilesMatching: POP_FILE,
    label: 'pop query without Limit or Paginate',
  },
  {
    // ent: a query's every row unless it is limited (`.Limit(n)`, or read one: `Only`, `First`).
    languages: ['go'],
    root: '\\w+',
    through: 'Query(?:[A-Z]\\w*)?',
    method: '(?:All|IDs)X?',
    boundedByChain: 'Limit',
    // …or narrowed by a predicate on a key, a parent's key or a list the caller gives, as GO_WHERE_KEY's SQL is
    // (cloudreve's `Where(metadata.FileID(file.ID))`, `Where(passkey.UserID(uid))`, `Where(setting.NameIn(names...))`).
    boundedByStatement: '\\.\\s*Limit\\s*\\(|\\.\\s*Where\\(\\s*[a-z]\\w*\\.(?:ID|[A-Z]\\w*ID|[A-Z]\\w*(?<!Not)In)\\(',
    label: 'ent query without Limit',
  },
  {
    languages: ['go'],
    root: XORM_ROOTS,
    method: 'Find|FindAndCount|Iterate|Rows',
    // Limited, or narrowed to the rows of given keys (`In("id", ids)`, `ID(id)`), or paged by the project's helper.
    boundedByChain: XORM_BOUNDS,
    // Also set by statements on the session before it (`session.Where("object_id = ?", id)`, then `session.Find(&ids)`;
    // woodpecker's `sess := s.paginate(p).Table(…)`, then `sess.Asc(…).Find(&repos)`).
    boundedByStatement: XORM_BOUNDED_BY,
    inFilesMatching: XORM_FILE,
    label: 'xorm Find without Limit',
  },
  {
    languages: ['java'],
    root: '\\w*[rR]epository|\\w*Repo|repo|\\w*Dao|\\w*DAO|dao',
    method: 'findAll',
    boundedByArgs: 'Pageable|PageRequest|pageable|page|Limit|limit',
    // A Panache repository's query, paged or read one row at a time (`findAll().page(0, 20).list()`, `.firstResult()`).
    boundedByChain: PANACHE_BOUNDED,
    label: 'a repository findAll without a Pageable (Spring Data) or a page (Panache)',
  },
  {
    // A Panache repository's whole lists: `listAll()`, `list("status", s)`, `find("…").list()` with no page or range
    // (`findAll()` is the rule above's: Spring Data's returns the list itself, `findAll().stream()`).
    languages: ['java'],
    root: '\\w*[rR]epository|\\w*Repo|repo',
    method: 'listAll|streamAll|list|stream',
    notThrough: '(?!find$)\\w+',
    // (A Spring Data repository's own `Page<User> listAll(String email, Pageable pageable)`: shopizer's, given a page.)
    boundedByArgs: 'Pageable|PageRequest|pageable|page|Limit|limit',
    boundedByChain: PANACHE_BOUNDED,
    label: 'a Panache query without page or range',
  },
  {
    // The same inside a Panache entity, unqualified (`list("status", s)`, `find("…").list()`).
    languages: ['java'],
    root: 'listAll|streamAll|list|stream',
    alone: true,
    inFilesMatching: PANACHE_ENTITY_FILE,
    label: 'a Panache query without page or range',
  },
  {
    languages: ['java'],
    root: 'find|findAll',
    method: 'list|stream',
    boundedByChain: PANACHE_BOUNDED,
    inFilesMatching: PANACHE_ENTITY_FILE,
    label: 'a Panache query without page or range',
  },
];

export const DEFAULT_BLOCKING_RULES: BlockingRule[] = [
  {
    languages: ['js'],
    root: 'fs|fse|child_process|cp|childProcess',
    method: '\\w+Sync',
    context: 'request',
    label: 'synchronous file or process call',
  },
  {
    languages: ['js'],
    root: 'readFileSync|writeFileSync|appendFileSync|existsSync|statSync|readdirSync|mkdirSync|execSync|spawnSync|execFileSync|copyFileSync|unlinkSync',
    context: 'request',
    label: 'synchronous file or process call',
  },
  // Password hashing and key derivation done synchronously: CPU work of tens of milliseconds by design (bcrypt's work
  // factor), during which the event loop serves no other request (linkwarden's `bcrypt.compareSync` on sign-in).
  { languages: ['js'], root: 'bcrypt|bcryptjs', method: 'hashSync|compareSync|genSaltSync', context: 'request', label: 'synchronous bcrypt hashing holds the event loop for its whole work factor' },
  { languages: ['js'], root: 'crypto', method: 'pbkdf2Sync|scryptSync', context: 'request', label: 'synchronous key derivation holds the event loop' },
  { languages: ['python'], root: 'time', method: 'sleep', context: 'request', label: '`time.sleep` blocks the worker' },
  { languages: ['python'], root: 'subprocess', method: 'run|call|check_call|check_output', context: 'request', label: 'synchronous subprocess' },
  {
    languages: ['python'],
    root: 'requests|urllib3',
    method: 'get|post|put|patch|delete|head|request',
    context: 'async',
    label: 'synchronous HTTP (`requests`) inside `async def` blocks the event loop',
  },
  {
    // httpx's module functions are synchronous (its AsyncClient's are awaited).
    languages: ['python'],
    root: 'httpx',
    method: 'get|post|put|patch|delete|head|options|request|stream',
    context: 'async',
    label: 'synchronous HTTP (`httpx.get`, not an `AsyncClient`) inside `async def` blocks the event loop',
  },
  { languages: ['python'], root: 'urlopen', context: 'async', label: 'synchronous `urlopen` inside `async def` blocks the event loop' },
  { languages: ['java'], root: 'Thread', method: 'sleep', context: 'reactive', label: '`Thread.sleep` in reactive code blocks an event-loop thread' },
  { languages: ['java'], root: '\\w+', method: 'block|blockFirst|blockLast|toIterable', context: 'reactive', label: 'blocking on a reactive stream inside reactive code' },
  { languages: ['java'], root: 'restTemplate|\\w*RestTemplate', method: '\\w+', context: 'reactive', label: 'blocking RestTemplate call in reactive code' },
];

/** `axios.defaults.timeout = 30000`: not 0, which is axios' own default and means none. */
/** `HttpModule.register({ timeout: 5000 })`, `registerAsync({ useFactory: () => ({ timeout: … }) })`. */
// (The options written in the call; the factory's within a few lines: not a queue's `timeout` among the imports after.)
const NEST_HTTP_MODULE_TIMEOUT = 'HttpModule\\.register\\(\\s*\\{(?:[^{}]|\\{[^{}]*\\})*\\btimeout\\s*:|HttpModule\\.registerAsync\\((?:(?!\\w+Module\\.|\\bexport\\b|\\bclass\\b)[\\s\\S]){0,400}?\\btimeout\\s*:';
const AXIOS_DEFAULT_TIMEOUT = 'axios\\.defaults\\.timeout\\s*=\\s*(?![\\s=]|0\\b|null\\b|undefined\\b)';

export const DEFAULT_TIMEOUT_RULES: TimeoutRule[] = [
  {
    languages: ['python'],
    root: 'requests',
    method: 'get|post|put|patch|delete|head|options|request',
    // (`timeout=None` is requests' own default: no timeout.)
    timeoutArgs: '\\btimeout\\s*=(?!\\s*None\\b)',
    // A session given an adapter that sets one (`s.mount("https://", TimeoutHTTPAdapter(timeout=5))`).
    configuredInFile: '\\.mount\\([^\\n]*[tT]imeout',
    label: '`requests` has no default timeout: a slow peer holds the worker forever',
  },
  { languages: ['python'], root: 'urlopen|urllib', method: 'urlopen', timeoutArgs: '\\btimeout\\s*=|,', label: '`urlopen` without a timeout' },
  { languages: ['python'], root: 'urlopen', timeoutArgs: '\\btimeout\\s*=|,', label: '`urlopen` without a timeout' },
  {
    // node-fetch, imported in place of Node's own: no limit at all (maxun's MCP worker).
    languages: ['js'],
    root: 'fetch',
    inFilesMatching: `\\bfrom\\s+['"]node-fetch['"]|require\\(\\s*['"]node-fetch['"]\\s*\\)`,
    browserOnlyArgs: BROWSER_FETCH_ARGS,
    timeoutArgs: '\\bsignal\\b|\\btimeout\\b',
    label: 'node-fetch waits for ever by default, unless given an AbortSignal or a timeout',
  },
  {
    languages: ['js'],
    root: 'fetch',
    browserOnlyArgs: BROWSER_FETCH_ARGS,
    timeoutArgs: '\\bsignal\\b|\\btimeout\\b',
    // undici's defaults (headersTimeout, bodyTimeout: 300 s), which Node's fetch uses: a limit, but not one a request
    // handler can wait for.
    label: "Node's `fetch` waits up to 5 minutes for a response's headers, and 5 more between parts of its body, unless given an AbortSignal",
  },
  {
    languages: ['js'],
    root: 'nodemailer',
    method: 'createTransport',
    timeoutArgs: '[tT]imeout',
    // NodeBB's `createTransport({ sendmail: true })`: the message goes to the local sendmail program, or is only
    // written out (`streamTransport`, `jsonTransport`).
    localArgs: '\\b(?:sendmail|streamTransport|jsonTransport)\\s*:\\s*true\\b',
    label: 'nodemailer waits up to 2 minutes to connect and 10 minutes on a silent socket by default',
  },
  {
    // The same imported by name (usertour's `import { createTransport } from 'nodemailer'`, then `createTransport({ host })`).
    languages: ['js'],
    root: 'createTransport',
    alone: true,
    inFilesMatching: NODEMAILER_CREATE_TRANSPORT,
    timeoutArgs: '[tT]imeout',
    localArgs: '\\b(?:sendmail|streamTransport|jsonTransport)\\s*:\\s*true\\b',
    label: 'nodemailer waits up to 2 minutes to connect and 10 minutes on a silent socket by default',
  },
  {
    languages: ['js'],
    root: 'axios',
    method: 'get|post|put|patch|delete|request|head',
    // Or an AbortSignal, which a timer or AbortSignal.timeout() aborts (maxun's LLM calls), as fetch's.
    timeoutArgs: '\\btimeout\\s*:|\\bsignal\\s*[:,}]',
    configuredInFile: AXIOS_DEFAULT_TIMEOUT,
    processDefault: 'axios.defaults',
    label: 'axios has no timeout by default',
  },
  {
    languages: ['js'],
    root: 'axios',
    method: 'create',
    timeoutArgs: '\\btimeout\\s*:',
    // An instance copies the defaults when it is made: one made at load, before the start-up code sets them, has none.
    configuredInFile: AXIOS_DEFAULT_TIMEOUT,
    label: 'axios has no timeout by default',
  },
  {
    // NestJS's HttpService (@nestjs/axios), `this.httpService.get(url)` or its `axiosRef`: axios underneath, with the
    // timeout `HttpModule.register({ timeout })` gives it, anywhere in the service (reactive-resume's contributors).
    languages: ['js'],
    root: '\\w*[hH]ttpService',
    method: 'get|post|put|patch|delete|head|request',
    inFilesMatching: `from\\s+['"]@nestjs/axios['"]`,
    timeoutArgs: '\\btimeout\\s*:|\\bsignal\\s*[:,}]',
    configuredInFile: NEST_HTTP_MODULE_TIMEOUT,
    processDefault: 'nest.HttpModule',
    label: "NestJS's HttpService is axios with no timeout unless `HttpModule.register({ timeout })` gives one",
  },
  { languages: ['js'], root: 'got', method: 'get|post|put|patch|delete|extend', timeoutArgs: '\\btimeout\\b', inFilesMatching: SMALL_HTTP_PACKAGES, label: 'got has no timeout by default' },
  { languages: ['js'], root: 'got', timeoutArgs: '\\btimeout\\b', inFilesMatching: SMALL_HTTP_PACKAGES, label: 'got has no timeout by default' },
  {
    languages: ['js'],
    root: 'request|localVarRequest|rp|requestPromise',
    alone: true,
    inFilesMatching: REQUEST_PACKAGE,
    timeoutArgs: '\\btimeout\\b',
    configuredInFile: '\\.defaults\\s*\\(\\s*\\{[^}]*\\btimeout\\b',
    label: 'the `request` package has no timeout by default',
  },
  {
    languages: ['js'],
    root: 'request|rp|requestPromise',
    method: REQUEST_VERBS,
    inFilesMatching: REQUEST_PACKAGE,
    argsMatching: REQUEST_VERB_ARGS,
    timeoutArgs: '\\btimeout\\b',
    configuredInFile: '\\.defaults\\s*\\(\\s*\\{[^}]*\\btimeout\\b',
    label: 'the `request` package has no timeout by default',
  },
  {
    // Node's own client sets no timeout: `https.request(url, options, cb)` and `http.get(…)` wait for ever, unless their
    // options give one or the request they return is given one (`req.setTimeout(5000, …)`, `req.on('timeout', …)`);
    // one handed on (returned, given to a helper), only where the file sets none anywhere. Only in a module that loads
    // `http` or `https`: a project's client may be named `http` too.
    languages: ['js'],
    root: 'http|https',
    method: 'get|request',
    inFilesMatching: NODE_HTTP_MODULE,
    timeoutArgs: NODE_HTTP_TIMEOUT_ARGS,
    setOnResult: NODE_HTTP_REQUEST_TIMEOUT,
    configuredInFile: `\\.(?:${NODE_HTTP_REQUEST_TIMEOUT})\\s*\\(`,
    label: "Node's `http`/`https` client waits for ever unless given a `timeout` or an AbortSignal",
  },
  {
    languages: ['js'],
    root: 'request',
    alone: true,
    inFilesMatching: NODE_HTTP_REQUEST,
    timeoutArgs: NODE_HTTP_TIMEOUT_ARGS,
    setOnResult: NODE_HTTP_REQUEST_TIMEOUT,
    configuredInFile: `\\.(?:${NODE_HTTP_REQUEST_TIMEOUT})\\s*\\(`,
    label: "Node's `http`/`https` client waits for ever unless given a `timeout` or an AbortSignal",
  },
  {
    languages: ['js'],
    root: 'get',
    alone: true,
    inFilesMatching: NODE_HTTP_GET,
    timeoutArgs: NODE_HTTP_TIMEOUT_ARGS,
    setOnResult: NODE_HTTP_REQUEST_TIMEOUT,
    configuredInFile: `\\.(?:${NODE_HTTP_REQUEST_TIMEOUT})\\s*\\(`,
    label: "Node's `http`/`https` client waits for ever unless given a `timeout` or an AbortSignal",
  },
  {
    languages: ['go'],
    root: 'http',
    method: 'Get|Post|Head|PostForm',
    configuredInFile: GO_DEFAULT_CLIENT_TIMEOUT,
    processDefault: 'http.DefaultClient',
    always: true,
    label: '`http.Get` and friends use http.DefaultClient, which has no timeout',
  },
  {
    languages: ['go'],
    root: 'http',
    through: 'DefaultClient',
    method: 'Do|Get|Post|Head|PostForm',
    configuredInFile: GO_DEFAULT_CLIENT_TIMEOUT,
    processDefault: 'http.DefaultClient',
    always: true,
    label: 'http.DefaultClient has no timeout',
  },
  {
    // go-github made without a client of its own (`github.NewClient(nil)`, flipt's `github.NewClient(http.DefaultClient)`):
    // its requests go through http.DefaultClient.
    languages: ['go'],
    root: 'github',
    method: 'NewClient',
    inFilesMatching: '"github\\.com/google/go-github/',
    argsMatching: '^\\(\\s*(?:nil|http\\.DefaultClient)\\s*[,)]',
    configuredInFile: GO_DEFAULT_CLIENT_TIMEOUT,
    processDefault: 'http.DefaultClient',
    always: true,
    label: "go-github's client made without an http.Client uses http.DefaultClient, which has no timeout",
  },
  {
    // …and its enterprise client, given the client third (`github.NewEnterpriseClient(base, upload, nil)`).
    languages: ['go'],
    root: 'github',
    method: 'NewEnterpriseClient',
    inFilesMatching: '"github\\.com/google/go-github/',
    argsMatching: '^\\([^,]*,[^,]*,\\s*(?:nil|http\\.DefaultClient)\\s*\\)',
    configuredInFile: GO_DEFAULT_CLIENT_TIMEOUT,
    processDefault: 'http.DefaultClient',
    always: true,
    label: "go-github's client made without an http.Client uses http.DefaultClient, which has no timeout",
  },
  {
    // (Made, not a method of one made in place, `new RestTemplate().getForObject(url, T.class)`: the call is no client.)
    languages: ['java'],
    root: 'RestTemplate',
    alone: true,
    timeoutArgs: '\\w',
    configuredInFile: 'setConnectTimeout|setReadTimeout|RestTemplateBuilder|ConnectTimeout|ReadTimeout',
    label: '`new RestTemplate()` waits forever by default',
  },
  {
    // Hutool: no timeout (-1) unless given (`HttpUtil.get(url, 3000)`), chained (`.timeout(3000)`,
    // `.setReadTimeout(…)`) or set for the process (`HttpGlobalConfig.setTimeout(…)` in any file of the service).
    languages: ['java'],
    root: 'HttpUtil',
    method: 'get|post|downloadString|downloadBytes',
    inFilesMatching: HUTOOL_UTIL_FILES,
    timeoutArgs: ',\\s*(?:\\d{3,}|[\\w.]*(?:[tT]imeout|TIMEOUT)[\\w.]*)\\s*\\)?\\s*$',
    configuredInFile: HUTOOL_GLOBAL_TIMEOUT,
    processDefault: 'HttpGlobalConfig',
    label: "Hutool's HttpUtil waits forever by default (its timeout is -1)",
  },
  {
    languages: ['java'],
    root: 'HttpRequest|HttpUtil',
    through: HUTOOL_REQUESTS,
    method: 'execute|executeAsync',
    inFilesMatching: HUTOOL_REQUEST_FILES,
    configuredInFile: HUTOOL_GLOBAL_TIMEOUT,
    processDefault: 'HttpGlobalConfig',
    label: "Hutool's HttpRequest waits forever by default (its timeout is -1)",
  },
  // (java.net.http's HttpClient: judged per request sent, missingTimeouts.ts, as its timeout is the request's.)
  {
    // Apache HttpClient 4/5: the default client's connect and socket timeouts are infinite.
    languages: ['java'],
    root: 'HttpClients',
    method: 'createDefault|createSystem|createMinimal',
    always: true,
    label: '`HttpClients.createDefault()` has no connect or socket timeout',
  },
  {
    // java.net: `(HttpURLConnection) url.openConnection()` connects and reads with no limit (both default to 0).
    languages: ['java'],
    root: '[A-Za-z_]\\w*',
    method: 'openConnection',
    inFilesMatching: 'HttpURLConnection|HttpsURLConnection',
    setOnResult: 'setConnectTimeout|setReadTimeout',
    configuredInFile: 'setConnectTimeout|setReadTimeout',
    always: true,
    label: '`URL.openConnection()` has no connect or read timeout by default',
  },
  {
    // …and `url.openStream()`, its `openConnection().getInputStream()` with no way to give one (kkFileView's
    // `inputStream = (url).openStream()` on GET /getCorsFile): only the JVM's `sun.net.client.default…Timeout`. On a
    // holder named for a URL in a file that uses java.net's, not one named for a resource or a file (`resourceUrl =
    // getClass().getResource(…)`, `jarUrl`), read from the disk; and only one the function builds, `new URL(…)`,
    // `URI.create(…).toURL()`, a helper's `…URL(…)`/`…Url(…)`: a parameter's (nacos's Log4J2NacosLoggingAdapter, given
    // `ResourceUtils.getResourceUrl(location)`), a class-path resource's (an SPI loop's `urls.nextElement()`), unknown.
    languages: ['java'],
    root: '(?!\\w*(?:[rR]esource|[fF]ile|[jJ]ar|[cC]lass[pP]ath))(?:url|\\w*Url|\\w*URL)',
    method: 'openStream',
    inFilesMatching: '\\bjava\\.net\\.(?:URL\\b|\\*)|\\bnew\\s+URL\\s*\\(',
    localHolder: '\\.get(?:System)?Resources?\\s*\\(|\\.toURI\\(\\s*\\)\\.toURL\\(|\\bFile\\b|\\bPaths?\\b|\\bResourceUtils\\b|\\bnextElement\\s*\\(|[\'"](?:classpath|file|jar):',
    remoteHolder: '\\bnew\\s+URL\\s*\\(|\\.toURL\\s*\\(\\s*\\)|\\w(?:URL|Url)\\s*\\(',
    configuredInFile: 'sun\\.net\\.client\\.default(?:Connect|Read)Timeout',
    processDefault: 'sun.net.client.defaultReadTimeout',
    always: true,
    label: '`URL.openStream()` has no connect or read timeout (`openConnection()` takes them)',
  },
  {
    // Spring 6.1's RestClient: its default request factories set no read timeout. (Not Elasticsearch's low-level
    // `org.elasticsearch.client.RestClient`, mall4cloud's `RestClient.builder(new HttpHost(…))`: its builder defaults to
    // a 1 s connect and a 30 s socket timeout.)
    languages: ['java'],
    root: 'RestClient',
    method: 'create|builder',
    inFilesMatching: NOT_ELASTICSEARCH_REST_CLIENT,
    configuredInFile: 'setConnectTimeout|setReadTimeout|ConnectTimeout|ReadTimeout|requestFactory\\(',
    label: '`RestClient` has no read timeout by default',
  },
  {
    languages: ['java'],
    root: 'WebClient',
    method: 'create|builder',
    configuredInFile: 'responseTimeout|\\.timeout\\(|ReadTimeoutHandler|CONNECT_TIMEOUT',
    // A connector on an HttpClient not made in place with `HttpClient.create()`.
    madeOnClientArgs: '\\bReactorClientHttpConnector\\s*\\(\\s*(?!HttpClient\\s*\\.\\s*create\\b)[A-Za-z_]',
    label: 'WebClient has no response timeout by default',
  },
];

export const DEFAULT_RETRY_RULES: RetryRule[] = [
  { languages: ['js'], root: 'axiosRetry', backoffArgs: 'retryDelay', label: 'axios-retry without retryDelay retries immediately' },
  // Only the libraries' own (tenacity's `wait=`, retrying's `wait_fixed=`…): a project's `retry()` helper says nothing of its waits here.
  {
    languages: ['python'],
    root: 'retry',
    backoffArgs: '\\bwait(?:_\\w+)?\\s*=',
    inFilesMatching: '\\btenacity\\b|^[ \\t]*(?:from|import)\\s+retrying\\b',
    label: '`@retry` without a wait (tenacity, retrying) retries immediately',
  },
  // urllib3's, also as requests re-exports it. Not rq's `Retry(max=3, interval=[10, 30])` (netbox's rqworker), whose
  // interval is its delay, nor dramatiq's `raise Retry(delay=…)` or redis-py's `Retry(backoff, retries)` (polar's).
  // (One retry at most, `Retry(total=1)` (healthchecks' S3 client): a wait before it would change nothing.)
  { languages: ['python'], root: 'Retry', backoffArgs: `backoff_factor|\\binterval\\s*=|${ONE_RETRY}`, inFilesMatching: 'urllib3|requests\\.adapters', label: 'urllib3 `Retry` without `backoff_factor` retries immediately' },
  { languages: ['python'], root: 'retry|urllib3', method: 'Retry', backoffArgs: `backoff_factor|${ONE_RETRY}`, label: 'urllib3 `Retry` without `backoff_factor` retries immediately' },
];

export const DEFAULT_CATALOGUE: CatalogueData = {
  calls: DEFAULT_CALL_RULES,
  lists: DEFAULT_LIST_RULES,
  blocking: DEFAULT_BLOCKING_RULES,
  timeouts: DEFAULT_TIMEOUT_RULES,
  retries: DEFAULT_RETRY_RULES,
};

export interface CallMatch {
  kind: CallKind;
  label: string;
  fix?: string;
  /** See CallRule.unlessWorkspace. */
  unlessWorkspace?: true;
  /** See CallRule.djangoRelation. */
  djangoRelation?: true;
  /** See CallRule.mybatisPlusMapper. */
  mybatisPlusMapper?: true;
  /**
   * Java: a method of an interface of this package (`com.macro.mall.dao`) that nothing of its own file says is a MyBatis
   * mapper: the join keeps its query only if an XML mapper's namespace names the interface, or a `@MapperScan` of its
   * service names the package (or one above it) and no class of the workspace implements it (FileLinks.mapperScans).
   */
  mapperOfPackage?: string;
  /** See CallRule.serviceBases. */
  serviceBases?: string;
  /**
   * Go: a handle's method called on a value of this type, as the file writes it (`db.Queryer`), not a library's handle:
   * the join drops the call unless the type is an interface of the workspace that declares only a handle's methods.
   */
  goHandleInterface?: string;
  /** See CallRule.unlessImplemented. */
  unlessImplemented?: true;
  /** See CallRule.unlessOwnSync. */
  unlessOwnSync?: true;
  /** See CallRule.parallelWithArgs. */
  parallelWithArgs?: string;
  /**
   * A request to another service through an interface (a `@FeignClient`'s method): the join does not follow the call
   * into a class of the workspace that implements the interface, the provider's controller, which runs over there.
   */
  remote?: true;
}

interface Compiled<R extends ChainPattern> {
  rule: R;
  root: RegExp;
  method?: RegExp;
  through?: RegExp;
  notThrough?: RegExp;
  notRoot?: RegExp;
  /** Its root is any name (ANY_NAME): only its method tells whether it may match. */
  anyRoot: boolean;
}

function compile<R extends ChainPattern>(rules: R[]): Compiled<R>[] {
  return rules.map((rule) => ({
    rule,
    root: new RegExp(`^(?:${rule.root})$`),
    method: rule.method ? new RegExp(`^(?:${rule.method})$`) : undefined,
    through: rule.through ? new RegExp(`^(?:${rule.through})$`) : undefined,
    notThrough: rule.notThrough ? new RegExp(`^(?:${rule.notThrough})$`) : undefined,
    notRoot: rule.notRoot ? new RegExp(`^(?:${rule.notRoot})$`) : undefined,
    anyRoot: rule.root === ANY_NAME && !!rule.method,
  }));
}

function find<R extends ChainPattern>(rules: Compiled<R>[], chain: string[], family: LanguageFamily, notIn?: ReadonlySet<string>, notArgs?: ReadonlySet<string>): R | undefined {
  // `this.pool.query`, `self.session.execute`: the field is the client.
  const field = chain.length > 2 && (chain[0] === 'this' || chain[0] === 'self');
  const found = findAt(rules, field ? chain.slice(1) : chain, field, family, notIn, notArgs);
  // Go: a package's or a value's exported client, `global.GVA_DB.Where(…).First(&x)` (gin-vue-admin), `app.DB.Find()`,
  // also deeper, `r.data.DB.Context(ctx).Get(&x)`: read as the client itself when the chain as written says nothing.
  if (found || field || family !== 'go' || chain.length < 3 || !/^[a-z_]/.test(chain[0])) return found;
  let k = 1;
  while (k < chain.length - 2 && /^[a-z_]\w*$/.test(chain[k])) k++;
  if (!/^[A-Z]/.test(chain[k])) return found;
  return findAt(rules, chain.slice(k), true, family, notIn, notArgs);
}

function findAt<R extends ChainPattern>(rules: Compiled<R>[], chain: string[], field: boolean, family: LanguageFamily, notIn?: ReadonlySet<string>, notArgs?: ReadonlySet<string>): R | undefined {
  if (chain.length === 0) return undefined;
  const root = chain[0];
  const last = chain[chain.length - 1];
  for (const { rule, root: r, method, through, notThrough, notRoot } of rules) {
    if (!rule.languages.includes(family) || !r.test(root) || notRoot?.test(root) || (rule.inFilesMatching && notIn?.has(rule.inFilesMatching)) || (rule.argsMatching && notArgs?.has(rule.argsMatching))) continue;
    // A rule for a function (`fetch(url)`, also `got(url).json()`) is not about a method of this name
    // (`this.fetch().pipe(…)` in an Angular service).
    if (method ? chain.length < 2 || !method.test(last) : chain.length > (rule.alone ? 1 : 2) || field) continue;
    if (through && !chain.slice(1, -1).some((n) => through.test(n))) continue;
    if (notThrough && chain.slice(1, -1).some((n) => notThrough.test(n))) continue;
    return rule;
  }
  return undefined;
}

/** The tables of a lookup. */
export type LookupTable = 'match' | 'list' | 'blocking' | 'timeout' | 'retry';
export const LOOKUP_TABLES: readonly LookupTable[] = ['match', 'list', 'blocking', 'timeout', 'retry'];

export interface CatalogueLookup {
  match?: CallMatch;
  list?: ListRule;
  blocking?: BlockingRule;
  timeout?: TimeoutRule;
  retry?: RetryRule;
  /** The answers hold only in a file whose text matches this (a rule's `inFilesMatching`); the caller checks it. */
  onlyInFilesMatching?: string;
  /** Per table, the arguments its answer holds for (its rule's `argsMatching`); the caller checks them. */
  argsOf?: Partial<Record<LookupTable, string>>;
  /**
   * With `argsOf`: the answers for a call whose arguments do not match them, from the other rules, for the tables whose
   * arguments did not match (a Go file that imports aws-sdk-go keeps GORM's `db.Find(&users)`, which the rule for any
   * method given an AWS input names too).
   */
  withoutArgs?: CatalogueLookup;
  /**
   * With `onlyInFilesMatching`: the answers in files that do not match it, from the other rules (a rule for TypeORM's
   * `UserEntity.find()` hides neither Lucid's `User.find(id)` where Lucid's models are imported nor MongoDB's
   * `Product.find()` where neither is); itself limited to files of another pattern, and so on.
   */
  elsewhere?: CatalogueLookup;

}

const NOTHING: CatalogueLookup = {};

export class CallCatalogue {
  private readonly calls: Compiled<CallRule>[];
  private readonly lists: Compiled<ListRule>[];
  private readonly blocking: Compiled<BlockingRule>[];
  private readonly timeouts: Compiled<TimeoutRule>[];
  private readonly retries: Compiled<RetryRule>[];

  /** The rules, as plain data: what another thread makes the same catalogue from (analysisPool.ts). */
  readonly data: CatalogueData;

  /**
   * @param extra rules added in front of the defaults (from `.ops-lens.yaml`), so a project can teach its own
   * clients; a plain `CallRule[]` replaces the default call rules, as before.
   */
  constructor(rules: CallRule[] | Partial<CatalogueData> = DEFAULT_CATALOGUE) {
    const data: CatalogueData = Array.isArray(rules) ? { ...DEFAULT_CATALOGUE, calls: rules } : { ...DEFAULT_CATALOGUE, ...rules };
    this.data = data;
    this.calls = compile(data.calls);
    this.lists = compile(data.lists);
    this.blocking = compile(data.blocking);
    this.timeouts = compile(data.timeouts);
    this.retries = compile(data.retries);
  }

  /** The defaults with a project's own rules first (they win when both match). */
  static extendedWith(extra: Partial<CatalogueData>): CallCatalogue {
    return new CallCatalogue({
      calls: [...(extra.calls ?? []), ...DEFAULT_CALL_RULES],
      lists: [...(extra.lists ?? []), ...DEFAULT_LIST_RULES],
      blocking: [...(extra.blocking ?? []), ...DEFAULT_BLOCKING_RULES],
      timeouts: [...(extra.timeouts ?? []), ...DEFAULT_TIMEOUT_RULES],
      retries: [...(extra.retries ?? []), ...DEFAULT_RETRY_RULES],
    });
  }

  /**
   * Every table looked up once per distinct chain: the same few chains (`res.json`, `rows.map`, `db.query`)
   * recur in every file, and each lookup would otherwise test every rule's regular expressions.
   */
  private readonly memo = new Map<string, CatalogueLookup>();
  /** Per language family, per first name of a chain: whether any rule of any table is about that name. */
  private readonly roots = new Map<LanguageFamily, Map<string, boolean>>();
  /** Per language family, per last name: whether a rule of any root (ANY_NAME) is about that method. */
  private readonly lasts = new Map<LanguageFamily, Map<string, boolean>>();

  private mayMatch(root: string, last: string, family: LanguageFamily): boolean {
    return this.mayMatchBy(this.roots, root, family, false) || this.mayMatchBy(this.lasts, last, family, true);
  }

  /** A chain of one name: only a rule with no method can match it (findAt), so only those rules' roots are asked. */
  private readonly alones = new Map<LanguageFamily, Map<string, boolean>>();
  private mayMatchAlone(name: string, family: LanguageFamily): boolean {
    let byName = this.alones.get(family);
    if (!byName) this.alones.set(family, (byName = new Map()));
    let may = byName.get(name);
    if (may === undefined) {
      const key = family + ':alone';
      let gate = this.gates.get(key);
      if (!gate) {
        const rules = [this.calls, this.lists, this.blocking, this.timeouts, this.retries].flatMap((table) => table.filter((c) => c.rule.languages.includes(family) && !c.method));
        try {
          const one = new RegExp(`^(?:${rules.map((c) => `(?:${c.rule.root})`).join('|') || '(?!)'})$`);
          gate = (n) => one.test(n);
        } catch {
          gate = (n) => rules.some((c) => c.root.test(n));
        }
        this.gates.set(key, gate);
      }
      may = gate(name);
      if (byName.size > 100_000) byName.clear();
      byName.set(name, may);
    }
    return may;
  }

  /**
   * Outside Go, a chain whose first name no rule's root takes (the root gate said so) can match only rules of any
   * root, which read the root only through ANY_NAME and notRoot: its answer is shared by every root that those read
   * alike (`router0.delete`, `router1.delete`).
   */
  private readonly notRoots = new Map<LanguageFamily, RegExp[]>();
  private anyRootKey(chain: string[], family: LanguageFamily): string | undefined {
    if (family === 'go' || chain.length < 2 || chain[0] === 'this' || chain[0] === 'self' || this.mayMatchBy(this.roots, chain[0], family, false)) return undefined;
    let notRoots = this.notRoots.get(family);
    if (!notRoots) {
      notRoots = [this.calls, this.lists, this.blocking, this.timeouts, this.retries].flatMap((table) => table.filter((c) => c.anyRoot && c.notRoot && c.rule.languages.includes(family)).map((c) => c.notRoot!));
      this.notRoots.set(family, notRoots);
    }
    let sig = '';
    for (const r of notRoots) sig += r.test(chain[0]) ? '1' : '0';
    return `${family}:*${/^[A-Za-z_$][\w$]*$/.test(chain[0]) ? '' : '!'}${sig}.${chain.slice(1).join('.')}`;
  }

  /** Whether a rule's root may take this first name (or, for a rule of any root, its method this last name). */
  private mayMatchBy(cache: Map<LanguageFamily, Map<string, boolean>>, name: string, family: LanguageFamily, byMethod: boolean): boolean {
    let byName = cache.get(family);
    if (!byName) cache.set(family, (byName = new Map()));
    let may = byName.get(name);
    if (may === undefined) {
      may = this.gateOf(family, byMethod)(name);
      if (byName.size > 100_000) byName.clear();
      byName.set(name, may);
    }
    return may;
  }

  private readonly gates = new Map<string, (name: string) => boolean>();

  /**
   * One test for all the rules of a family: their roots (or, for rules of any root, their methods) as one regular
   * expression, since most names asked about are a file's own (`list12`) and match none of several hundred rules.
   */
  private gateOf(family: LanguageFamily, byMethod: boolean): (name: string) => boolean {
    const key = family + (byMethod ? ':method' : ':root');
    let gate = this.gates.get(key);
    if (!gate) {
      const rules = [this.calls, this.lists, this.blocking, this.timeouts, this.retries].flatMap((table) =>
        table.filter((c) => c.rule.languages.includes(family) && (byMethod ? c.anyRoot : !c.anyRoot)),
      );
      const each = (name: string) => rules.some((c) => (byMethod ? c.method!.test(name) : c.root.test(name)));
      try {
        const one = new RegExp(`^(?:${rules.map((c) => `(?:${byMethod ? c.rule.method : c.rule.root})`).join('|') || '(?!)'})$`);
        gate = (name) => one.test(name);
      } catch {
        // A project's own rules that cannot share one expression (the same named group twice): each tested alone.
        gate = each;
      }
      this.gates.set(key, gate);
    }
    return gate;
  }

  /** Every table's answer for one chain (empty for an empty chain). */
  lookup(chain: string[], family: LanguageFamily): CatalogueLookup {
    const hit = this.lookupChain(chain, family);
    // Python: a model reached through its module (`models.Alert.query.all()`, `models.db.session.commit()`, redash's
    // way throughout) is the model's call.
    if (!hit.match && !hit.list && !hit.blocking && !hit.timeout && !hit.retry && family === 'python' && chain.length >= 3 && /^[a-z_][a-z0-9_]*$/.test(chain[0]) && chain[0] !== 'self' && (/^[A-Z]/.test(chain[1]) || chain[1] === 'db')) {
      return this.lookupChain(chain.slice(1), family);
    }
    // JavaScript: an ORM's handle another object holds (Flowise's `appServer.AppDataSource.getRepository(X).count()`,
    // `queryRunner.manager.delete(X, …)`): read from the handle on.
    if (!hit.match && !hit.list && !hit.blocking && !hit.timeout && !hit.retry && family === 'js' && chain.length >= 3) {
      const at = chain[0] === 'this' ? 1 : 0;
      if (chain.length - at >= 3 && /^[a-z_$][\w$]*$/.test(chain[at]) && JS_HELD_HANDLE.test(chain[at + 1])) return this.lookupChain(chain.slice(at + 1), family);
      // A request context's database (create-t3-app's and karakeep's tRPC `ctx.db`): what `db` is read as (Drizzle's).
      if (at === 0 && CONTEXTS.test(chain[0]) && chain[1] === 'db') return this.lookupChain(chain.slice(1), family);
    }
    return hit;
  }

  private lookupChain(chain: string[], family: LanguageFamily): CatalogueLookup {
    if (chain.length === 0) return NOTHING;
    // Most calls start with a name no rule is about (`res`, `items`, `svc`): answered by that name alone, which
    // is short and recurs, instead of by the whole chain, which is often unique to its file (`svc.list12`).
    if (chain.length === 1 ? !this.mayMatchAlone(chain[0], family) : !this.mayMatch(chain.length > 2 && (chain[0] === 'this' || chain[0] === 'self') ? chain[1] : chain[0], chain[chain.length - 1], family)) return NOTHING;
    const key = this.anyRootKey(chain, family) ?? family + ':' + chain.join('.');
    let hit = this.memo.get(key);
    if (!hit) {
      hit = this.resolved(chain, family);
      if (this.memo.size > 100_000) this.memo.clear();
      this.memo.set(key, hit);
    }
    return hit;
  }

  /**
   * The answer for the chain, with the answers the caller falls back to: where the file does not match a rule's pattern,
   * the next answer without the rules of that pattern (another pattern's, then the rules limited to no files: Lucid's
   * `User.find`, TypeORM's, then MongoDB's); where the call's arguments do not match a rule's, the answer without the
   * rules of that argument pattern (a few levels: rules asking for arguments are few).
   */
  private resolved(chain: string[], family: LanguageFamily, notIn: ReadonlySet<string> = new Set(), notArgs: ReadonlySet<string> = new Set()): CatalogueLookup {
    const hit = this.answer(chain, family, notIn, notArgs);
    const tried = new Set(notIn);
    for (let h: CatalogueLookup | undefined = hit; h; h = h.elsewhere) {
      if (h.argsOf && notArgs.size < 4) h.withoutArgs = this.resolved(chain, family, new Set(tried), new Set([...notArgs, ...Object.values(h.argsOf)]));
      if (!h.onlyInFilesMatching || tried.size >= 8) break;
      tried.add(h.onlyInFilesMatching);
      h.elsewhere = this.answer(chain, family, new Set(tried), notArgs);
    }
    return hit;
  }

  /** Every table's first rule for the chain (`notIn`: none limited to files matching these patterns). */
  private answer(chain: string[], family: LanguageFamily, notIn?: ReadonlySet<string>, notArgs?: ReadonlySet<string>): CatalogueLookup {
    // One answer holds in one kind of file: the first rule limited to some files sets which, and a table whose rule
    // is limited to other files answers from its next rule (xorm's `Find` in a file of xorm, not the MongoDB Go
    // driver's, which a rule of another pattern also names).
    let only: string | undefined;
    const pick = <R extends ChainPattern>(table: Compiled<R>[]): R | undefined => {
      let excluded = notIn;
      for (let tries = 0; tries < 8; tries++) {
        const rule = find(table, chain, family, excluded, notArgs);
        if (!rule?.inFilesMatching || rule.inFilesMatching === (only ??= rule.inFilesMatching)) return rule;
        excluded = new Set([...(excluded ?? []), rule.inFilesMatching]);
      }
      return undefined;
    };
    const call = pick(this.calls);
    const hit: CatalogueLookup = {
      match: call ? { kind: call.kind, label: call.label, ...(call.fix ? { fix: call.fix } : {}), ...(call.unlessWorkspace ? { unlessWorkspace: true as const } : {}), ...(call.djangoRelation ? { djangoRelation: true as const } : {}), ...(call.mybatisPlusMapper ? { mybatisPlusMapper: true as const } : {}), ...(call.serviceBases ? { serviceBases: call.serviceBases } : {}), ...(call.unlessImplemented ? { unlessImplemented: true as const } : {}), ...(call.unlessOwnSync ? { unlessOwnSync: true as const } : {}), ...(call.parallelWithArgs ? { parallelWithArgs: call.parallelWithArgs } : {}) } : undefined,
      list: pick(this.lists),
      blocking: pick(this.blocking),
      timeout: pick(this.timeouts),
      retry: pick(this.retries),
    };
    if (only) hit.onlyInFilesMatching = only;
    const rules: Record<LookupTable, ChainPattern | undefined> = { match: call, list: hit.list, blocking: hit.blocking, timeout: hit.timeout, retry: hit.retry };
    for (const t of LOOKUP_TABLES) {
      const args = rules[t]?.argsMatching;
      if (args) (hit.argsOf ??= {})[t] = args;
    }
    return hit;
  }

  match(chain: string[], family: LanguageFamily): CallMatch | undefined {
    return chain.length ? this.lookup(chain, family).match : undefined;
  }

  list(chain: string[], family: LanguageFamily): ListRule | undefined {
    return chain.length ? this.lookup(chain, family).list : undefined;
  }

  blockingCall(chain: string[], family: LanguageFamily): BlockingRule | undefined {
    return chain.length ? this.lookup(chain, family).blocking : undefined;
  }

  /**
   * The process-wide defaults (TimeoutRule.processDefault) this text sets a timeout on: for the join, which lets
   * one file's `axios.defaults.timeout = 30000` cover the calls of the whole service.
   */
  processDefaultsSetIn(text: string, family: LanguageFamily): string[] {
    const out = new Set<string>();
    for (const { rule } of this.timeouts) {
      if (!rule.processDefault || !rule.configuredInFile || !rule.languages.includes(family)) continue;
      let pattern = this.defaultPatterns.get(rule.configuredInFile);
      if (!pattern) this.defaultPatterns.set(rule.configuredInFile, (pattern = new RegExp(rule.configuredInFile)));
      if (pattern.test(text)) out.add(rule.processDefault);
    }
    return [...out];
  }

  private readonly defaultPatterns = new Map<string, RegExp>();

  timeout(chain: string[], family: LanguageFamily): TimeoutRule | undefined {
    return chain.length ? this.lookup(chain, family).timeout : undefined;
  }

  retry(chain: string[], family: LanguageFamily): RetryRule | undefined {
    return chain.length ? this.lookup(chain, family).retry : undefined;
  }
}
