import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from './fixtureWorkspace';

/** A real folder with a Compose recipe and code in four languages, through the whole analysis. */
describe('env-not-in-recipe: env reads in code joined with the env the recipes provide', function () {
  this.timeout(20_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ops-lens-env-'));
    const write = (file: string, text: string) => {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    write(
      'compose.yaml',
      [
        'services:',
        '  api:',
        '    build: ./api',
        '    environment:',
        '      DATABASE_URL: postgres://db/shop',
        // Options left commented out for the operator (postiz's storage settings): not reported.
        '      # === Storage (optional)',
        "      # S3_BUCKET: 'my-bucket'",
        '#      SENTRY_DSN: https://key@sentry.example/1',
        '      # - QUEUE_URL=amqp://mq',
        // A comment about the services, not an entry of api's environment: CACHE_HOST is still reported.
        '  # CACHE_HOST: cache',
        '  worker:',
        '    build: ./worker',
        '  pay:',
        '    build: ./pay',
        '    environment: [GATEWAY_URL=http://gw]',
        // Its other variables come from a .env that is not in the repository (git-ignored): any may be set.
        '  mail:',
        '    build: ./mail',
        '    env_file: .env.mail',
        '    environment: [SMTP_PORT=25]',
        // An env_file that is in the workspace is read: what it does not set is still reported.
        '  sms:',
        '    build: ./sms',
        '    env_file: sms.env',
      ].join('\n'),
    );
    write(
      'api/server.ts',
      [
        'const db = process.env.DATABASE_URL;', // 0: provided
        'const key = process.env.STRIPE_KEY;', // 1: missing → reported
        "const level = process.env.LOG_LEVEL ?? 'info';", // 2: has a default
        'const port = process.env.PORT;', // 3: set by the platform
        '// process.env.IN_A_COMMENT', // 4
        "const s = 'process.env.IN_A_STRING';", // 5
        'const { STRIPE_KEY, REGION } = process.env;', // 6: STRIPE_KEY again (once per file), REGION missing
        'if (process.env.SESSION_REDIS) {', // 7: a switch, off when unset (Sock Shop's front-end)
        '  useRedis();',
        '}',
        "if (!process.env.FEATURE_X) console.log('off');", // 10
        "const fast = process.env.MODE === 'fast' ? 1 : 2;", // 11: compared at once
        'const host = process.env.CACHE_HOST?.trim();', // 12: no fallback → reported
        'const region = process.env.AWS_REGION;', // 13: given a default on the next line
        "const where = region || 'eu-west-1';",
        'const key = process.env.API_KEY;', // 15: checked only to stop: still needed → reported
        "if (!key) throw new Error('API_KEY is required');",
        'if (process.env.LEGACY_URL) origins.push(process.env.LEGACY_URL);', // 17: read only when set (novu's CORS)
        'function replicas() {',
        '  if (!process.env.REPLICA_URLS) {',
        '    return [];',
        '  }',
        "  return process.env.REPLICA_URLS.split(',');", // 22: after an early return when unset (documenso)
        '}',
        'function secret() {',
        '  if (!process.env.SIGNING_KEY) {',
        "    throw new Error('SIGNING_KEY is required');",
        '  }',
        '  return process.env.SIGNING_KEY;', // 28: the check stops the service: still needed → reported
        '}',
        'const hint = process.env.INTERCOM_KEY && hash(process.env.INTERCOM_KEY);', // 30: only when set
        'const alt = process.env.OTHER_KEY ? 1 : process.env.ALT_KEY;', // 31: ALT_KEY when OTHER_KEY is unset → reported
        "const cdn = process.env.CDN_URL ? process.env.CDN_URL.trim() : '';", // 32: the consequence runs only when set
        "const mechanism = (process.env.KAFKA_MECHANISM as 'plain' | 'scram') || 'plain';", // 33: a default, through a cast (umami)
        'const kafkaOn = Boolean(process.env.KAFKA_URL && process.env.KAFKA_BROKER);', // 34: tested for presence…
        "const kafka = () => ({ url: process.env.KAFKA_URL, brokers: process.env.KAFKA_BROKER.split(',') });", // 35: …so optional here
        'const scriptUrl = process.env.TRACKER_SCRIPT_URL;', // 36: kept, then used only when set
        'if (scriptUrl && matches(path)) rewrite(scriptUrl);',
        'const prodUrl = isProd && process.env.PROD_URL;', // 38: a value, not a test → reported
        "const stats = process.env.SHOW_STATS?.toLowerCase() === 'true';", // 39: compared at once, through a method (docmost)
        'const sockets = parseInt(process.env.MAX_SOCKETS) || 200;', // 40: a number made of it, then a default
        'const name = process.env.APP_NAME?.trim();', // 41: optional chaining alone passes the absence on → reported
        'const bucket = process.env.S3_BUCKET;', // 42: listed commented out in the recipe
        'const dsn = process.env.SENTRY_DSN;',
        'const queue = process.env.QUEUE_URL;',
        'const keepAlive = parseEnvVarNumber(process.env.KEEPALIVE_SECONDS, 15);', // 45: the project's reader, given a default (Unleash)
        'const port = parseInt(process.env.LISTEN_PORT, 10);', // 46: a radix, not a default → reported
        "const origins = process.env.CSP_ORIGINS?.split(',') || [];", // 47: optional calls, then a default
        'const api = options.prometheusApi || process.env.PROMETHEUS_API;', // 48: the second choice of an option
        // Tested through lodash (wiki.js's database settings): the read runs only when set.
        'const dbUrl = !_.isEmpty(process.env.DB_URL) ? process.env.DB_URL : config.db;', // 49
        'if (!_.isEmpty(process.env.DB_CA)) load(process.env.DB_CA.length);', // 50
        // Set by the operating system or the user's session, never by a recipe (trilium's data folder on Windows).
        'const appData = process.env.APPDATA;', // 51
        'const config = process.env.XDG_CONFIG_HOME;', // 52
        'const tmp = process.env.TMPDIR;', // 53
      ].join('\n'),
    );
    write('api/server.test.ts', 'const k = process.env.TEST_ONLY;');
    // t3-env (formbricks' lib/env.ts): the schema says which variables may be absent.
    write(
      'api/lib/env.ts',
      [
        "import { createEnv } from '@t3-oss/env-nextjs';",
        "import { z } from 'zod';",
        'const ZOptionalUrl = z.preprocess(blankToUndefined, z.url().optional());',
        'const ZAi = z.object({',
        '  AI_MODEL: z.string().optional(),',
        '});',
        'export const env = createEnv({',
        '  server: {',
        '    ...ZAi.shape,',
        '    DATABASE_URL: z.url(),',
        '    SMTP_SECURE: z',
        "      .enum(['0', '1'])",
        "      .default('0'),",
        '    CRON_SECRET: z.string(),',
        '    HUB_URL: ZOptionalUrl,',
        '    AUTH_TEAM_ID: z.string().optional(),',
        '    PUBLIC_URL: z',
        '      .url()',
        '      .refine((url) => new URL(url).host.length > 0, { error: "PUBLIC_URL needs a host (e.g., https://x.org)" })',
        "      .prefault('http://localhost:3000'),",
        '  },',
        '  runtimeEnv: {',
        '    AI_MODEL: process.env.AI_MODEL,', // 15: optional
        '    DATABASE_URL: process.env.DATABASE_URL,', // 16: provided
        '    SMTP_SECURE: process.env.SMTP_SECURE,', // 17: a default
        '    CRON_SECRET: process.env.CRON_SECRET,', // 25: required, missing → reported
        '    HUB_URL: process.env.HUB_URL,', // through a named schema: optional
        '    AUTH_TEAM_ID: process.env.AUTH_SSO_TEAM_ID,', // the schema's key differs from the variable: optional
        '    PUBLIC_URL: process.env.PUBLIC_URL,', // a default after a callback and a message with brackets
        '  },',
        '});',
      ].join('\n'),
    );
    // Next.js writes its config's `env` keys into the code at build time (umami's cloudUrl, currentVersion).
    write('api/next.config.ts', "import pkg from './package.json';\nconst cloudUrl = process.env.CLOUD_URL || '';\nexport default { env: { cloudUrl, currentVersion: pkg.version } };\n");
    write('api/app/page.tsx', 'const url = process.env.cloudUrl;\nconst v = process.env.currentVersion;\nconst other = process.env.notBuilt;\n');
    // Dredd's hooks in api-spec/ (Sock Shop's catalogue) and an integration-tests/ folder: test tooling too.
    // Kept in variables a later test of both uses only when set (postiz's tracking); not one used inside a test of another.
    write('api/track.ts', 'const token = process.env.PIXEL_TOKEN!;\nconst pixel = process.env.PIXEL_ID!;\nconst other = process.env.PIXEL_OTHER;\nif (token && pixel) init(token, pixel);\nif (token && send(other)) done();\n');
    write('api/api-spec/hooks.js', 'const host = process.env.MYSQL_HOST;');
    write('api/integration-tests/setup.ts', 'const db = process.env.IT_DATABASE;');
    write('api/integrationtests/client.ts', 'const token = process.env.IT_TOKEN;');
    write('worker/main.py', 'import os\nTOKEN = os.environ["WORKER_TOKEN"]\n');
    write(
      'pay/main.go',
      'package main\n\nimport "os"\n\nvar gw = os.Getenv("GATEWAY_URL")\nvar sec = os.Getenv("PAY_SECRET")\n\nfunc dbType() string {\n\tdbType := strings.TrimSpace(os.Getenv("PAY_DBTYPE"))\n\tif dbType == "" {\n\t\tdbType = "sqlite3"\n\t}\n\tif prefix := os.Getenv("PAY_PREFIX"); prefix != "" {\n\t\treturn prefix + dbType\n\t}\n\ttoken := os.Getenv("PAY_TOKEN")\n\tif len(token) < 1 {\n\t\tlog.Fatal("PAY_TOKEN must be set")\n\t}\n\treturn dbType\n}\n\nfunc region() string {\n\tif os.Getenv("PAY_REGION") == "" {\n\t\treturn "eu"\n\t}\n\treturn os.Getenv("PAY_REGION")\n}\n\nfunc loadCatalog() {\n\tif os.Getenv("PAY_DB_CLUSTER") != "" {\n\t\tloadFromDB()\n\t}\n\tloadFromFile()\n}\n\nfunc loadFromDB() {\n\tconnect(os.Getenv("PAY_DB_CLUSTER"), os.Getenv("PAY_DB_INSTANCE"))\n}\n\nfunc loadFromFile() {\n\tread(os.Getenv("PAY_CATALOG_FILE"))\n}\n' +
        // A package variable tested for being set elsewhere in the file, a comparison with the value on the left or of its length
        // (microservices-demo's frontend); not a function's own variable, whose name another function tests.
        // Docker's secrets convention: the _FILE variable is the alternative to the one read beside it (woodpecker).
        '\nvar secret = chain(file(os.Getenv("PAY_GRPC_SECRET_FILE")), envVar("PAY_GRPC_SECRET"))\nvar cert = os.Getenv("PAY_CERT_FILE")\n' +
        '\nvar packagingURL = os.Getenv("PAY_PACKAGING_URL")\nvar assistant = "true" == strings.ToLower(os.Getenv("PAY_ASSISTANT"))\n\nfunc packagingConfigured() bool { return packagingURL != "" }\n\nfunc banner() string {\n\tcolor := os.Getenv("PAY_BANNER")\n\treturn color\n}\n\nfunc label() string {\n\tvar name = os.Getenv("PAY_NAME")\n\treturn name\n}\n\nfunc other(name string) bool { return name != "" }\n\nfunc skip() bool { return len(os.Getenv("PAY_SKIP")) > 0 }\n' +
        // Used only when its length says it is set (alist's admin password, else a random one).
        '\nfunc password(dev bool) string {\n\tpass := random()\n\tenvpass := os.Getenv("PAY_ADMIN_PASSWORD")\n\tif dev {\n\t\tpass = "admin"\n\t} else if len(envpass) > 0 {\n\t\tpass = envpass\n\t}\n\treturn pass\n}\n' +
        // The default of a command-line flag (alist's gowebdav client), which the flag may give instead.
        '\nvar root = flag.String("root", os.Getenv("PAY_ROOT"), "WebDAV endpoint")\n' +
        // Read on the branch taken when another is set (casdoor's ALIBABA_CLOUD_OIDC_* beside ALIBABA_CLOUD_ROLE_ARN); not when unset.
        '\nfunc ossClient() {\n\tif os.Getenv("PAY_ROLE_ARN") != "" {\n\t\tuse(os.Getenv("PAY_OIDC_TOKEN"))\n\t}\n\tif os.Getenv("PAY_MODE_X") == "" {\n\t\tuse(os.Getenv("PAY_FALLBACK"))\n\t}\n}\n',
    );
    // The Dockerfile Compose builds pay with sets some (langfuse's ARG and ENV): its code finds them set.
    write('pay/Dockerfile', 'FROM golang:1.22 AS build\nARG PAY_SECRET\nRUN go build -o /pay .\nFROM alpine\nENV PAY_NAME=shop \\\n    PAY_MODE=live\nENV PAY_BANNER blue\nCOPY --from=build /pay /pay\n');
    write('mail/main.py', 'import os\nHOST = os.environ["SMTP_HOST"]\n');
    write('sms.env', 'SMS_KEY=abc\n');
    write('sms/main.py', 'import os\nKEY = os.environ["SMS_KEY"]\nSID = os.environ["SMS_SID"]\nif os.environ.get("SMS_REGION"):\n    REGION = os.environ["SMS_REGION"]\nZONE = os.environ["SMS_ZONE"] if os.environ.get("SMS_ZONE") else "a"\ntry:\n    PROJECT = os.environ["SMS_PROJECT"]\nexcept KeyError:\n    PROJECT = None\ntry:\n    PORT = int(os.environ["SMS_PORT"])\nexcept ValueError:\n    PORT = 80\n' +
      // Flagsmith's old database settings, read only on the branch taken when their first variable is set.
      'if os.environ.get("SMS_DB_URL"):\n    DB = os.environ["SMS_DB_URL"]\nelif "SMS_DB_NAME" in os.environ:\n    DB = (os.environ["SMS_DB_NAME"], os.environ["SMS_DB_USER"])\nelif "SMS_DB_OTHER" not in os.environ:\n    DB = os.environ["SMS_DB_FILE"]\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each missing variable once per file at its read, not defaults, options the recipe lists commented out, switches (if (process.env.X), Boolean(process.env.X) anywhere in the module), casts with a default, comparisons, platform variables, a Next.js build\'s env, the Dockerfile\'s ARG and ENV, comments, strings or tests', async () => {
    const fs = new NodeFileSystem(dir);
    const result = await analyzeWorkspace({ fs, index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    const env = result.warnings.filter((w) => w.code === 'env-not-in-recipe').map((w) => [w.service, w.file, w.range.start.line, w.range.start.character, w.severity]);
    assert.deepEqual(
      env.sort((a, b) => String(a[1]).localeCompare(String(b[1])) || Number(a[2]) - Number(b[2])),
      [
        ['api', 'api/app/page.tsx', 2, 14, 'info'], // notBuilt: not in next.config's env
        ['api', 'api/lib/env.ts', 25, 17, 'info'], // CRON_SECRET: required by the schema
        ['api', 'api/server.ts', 1, 12, 'info'],
        ['api', 'api/server.ts', 6, 20, 'info'], // REGION
        ['api', 'api/server.ts', 12, 13, 'info'], // CACHE_HOST
        ['api', 'api/server.ts', 15, 12, 'info'], // API_KEY
        ['api', 'api/server.ts', 28, 9, 'info'], // SIGNING_KEY
        ['api', 'api/server.ts', 31, 40, 'info'], // ALT_KEY
        ['api', 'api/server.ts', 38, 26, 'info'], // PROD_URL
        ['api', 'api/server.ts', 41, 13, 'info'], // APP_NAME
        ['api', 'api/server.ts', 46, 22, 'info'], // LISTEN_PORT
        ['api', 'api/track.ts', 2, 14, 'info'], // PIXEL_OTHER: given to a call inside a test of another
        ['pay', 'pay/main.go', 15, 10, 'info'], // PAY_TOKEN: checked only to stop
        ['pay', 'pay/main.go', 41, 6, 'info'], // PAY_CATALOG_FILE; loadFromDB's reads run only when PAY_DB_CLUSTER is set
        ['pay', 'pay/main.go', 45, 11, 'info'], // PAY_CERT_FILE: no PAY_CERT beside it
        ['pay', 'pay/main.go', 84, 6, 'info'], // PAY_FALLBACK: the branch is taken when another is unset
        ['sms', 'sms/main.py', 2, 6, 'info'], // SMS_SID; SMS_KEY is in sms.env, mail's SMTP_HOST may be in .env.mail
        ['sms', 'sms/main.py', 11, 15, 'info'], // SMS_PORT: its handler catches a bad number, not its absence (SMS_PROJECT's does)
        ['sms', 'sms/main.py', 19, 9, 'info'], // SMS_DB_FILE: the branch is taken when another is unset
        // worker declares no environment at all: nothing to compare with, so nothing is said.
      ],
    );
    const stripe = result.warnings.find((w) => w.code === 'env-not-in-recipe' && w.range.start.line === 1)!;
    assert.match(stripe.message, /`STRIPE_KEY` is read here with no fallback, but no recipe of api sets it \(compose\.yaml declares 1 other variable\)/);
  });
});
