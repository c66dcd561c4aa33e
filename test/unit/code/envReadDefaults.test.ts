import { strict as assert } from 'node:assert';
import { joined, lines } from './fixtureWorkspace';

/** Which JavaScript environment reads handle the variable's absence themselves (EnvRead.hasDefault). */
describe('JavaScript environment reads: handled absence', () => {
  it("a default given after it to a defaulting helper, an early return when it is unset among others, a destructured name given a default after, and not a delete (Flowise, Unleash, kutt, logto)", async () => {
    const f = await joined({
      'src/config.ts': lines(
        'export function settings(nodeData, cred) {',
        '  const host = defaultChain(nodeData?.inputs?.host, process.env.PG_HOST);', // 2: the helper's fallback
        "  const user = getCredentialParam('user', cred, nodeData, process.env.PG_USER);", // 3
        '  const port = Number(nodeData?.inputs?.port) || process.env.PG_PORT;', // 4: already handled (||)
        '  const name = compute(nodeData, process.env.PG_NAME);', // 5: a helper of no such name → reported
        "  logger.error('db', process.env.PG_URL);", // 6: a logger's error, not a helper ending in 'or'
        '  getParams(nodeData, process.env.PG_SCHEMA);', // 7
        '  return { host, user, port, name };',
        '}',
        'export function anonymise(s: string) {',
        '  const key = process.env.ANON_KEY;',
        '  const iv = process.env.ANON_IV;', // 12
        '  if (!s || !key || !iv) return s;',
        '  return encrypt(s, key, iv);',
        '}',
        'export function secret() {',
        '  const jwt = process.env.JWT_SECRET;', // 17: tested, but a throw when unset → reported
        '  if (!jwt) throw new Error("JWT_SECRET");',
        '  return jwt;',
        '}',
        'delete process.env.LINK_CUSTOM_ALPHABET;', // 21: not a read
        // Destructured, then given a default or chained as alternatives (logto's proxy settings), or read as it is.
        'export const getProxy = () => {',
        '  const { HTTPS_PROXY, HTTP_PROXY } = process.env;', // 23
        '  return HTTPS_PROXY ?? HTTP_PROXY;',
        '};',
        'export const getDb = () => {',
        '  const { DB_URL } = process.env;', // 27
        '  return connect(DB_URL);',
        '};',
        // Tested among others only to stop the start: required.
        'const { DATABASE_URL, SESSION_SECRET } = process.env;', // 30
        "if (!DATABASE_URL || !SESSION_SECRET) throw new Error('required');",
        // Tested among others to stop the start after saying why: required (review).
        'const { A_URL, B_KEY } = process.env;', // 32
        "if (!A_URL || !B_KEY) { console.error('A_URL and B_KEY are required'); process.exit(1); }",
        // Tested for absence to turn a feature off: optional (review).
        'const { SMTP_HOST, SENTRY_DSN } = process.env;', // 34
        "if (!SMTP_HOST && !MAIL_OFF) { console.warn('mail disabled'); }",
        'const sentryOn = !SENTRY_DSN ? false : true;',
      ),
    });
    const reads = ([...f.values()][0].envReads ?? []).map((r) => `${r.name} ${r.range.start.line + 1} ${r.hasDefault ? 'default' : 'required'}`);
    assert.deepEqual(reads.sort(), [
      'ANON_IV 12 default',
      'ANON_KEY 11 default',
      'A_URL 32 required',
      'B_KEY 32 required',
      'DATABASE_URL 30 required',
      'DB_URL 27 required',
      'HTTPS_PROXY 23 default',
      'HTTP_PROXY 23 default',
      'JWT_SECRET 17 required',
      'PG_HOST 2 default',
      'PG_NAME 5 required',
      'PG_PORT 4 default',
      'PG_SCHEMA 7 required',
      'PG_URL 6 required',
      'PG_USER 3 default',
      'SENTRY_DSN 34 default',
      'SESSION_SECRET 30 required',
      'SMTP_HOST 34 default',
    ]);
  });
});

describe('Go environment reads: handled absence', () => {
  it("converted with the error discarded (one-api's strconv.Atoi(os.Getenv(\"POLLING_INTERVAL\"))) is the zero value on purpose; converted with the error kept, or read as it is, is required", async () => {
    const f = await joined({
      'common/config/config.go': lines(
        'package config',
        '',
        'var requestInterval, _ = strconv.Atoi(os.Getenv("POLLING_INTERVAL"))', // 3
        'var InitialRootToken = os.Getenv("INITIAL_ROOT_TOKEN")', // 4
        '',
        'func load() error {',
        '\tdebug, _ := strconv.ParseBool(os.Getenv("DEBUG_SQL"))', // 7
        '\tport, err := strconv.Atoi(os.Getenv("HTTP_PORT"))', // 8
        '\tupstream, _ := url.Parse(os.Getenv("UPSTREAM_URL"))', // 9: a parse that fails on an empty value
        '\t_ = debug',
        '\t_ = port',
        '\t_ = upstream',
        '\treturn err',
        '}',
      ),
    });
    const reads = ([...f.values()][0].envReads ?? []).map((r) => `${r.name} ${r.range.start.line + 1} ${r.hasDefault ? 'default' : 'required'}`);
    assert.deepEqual(reads.sort(), ['DEBUG_SQL 7 default', 'HTTP_PORT 8 required', 'INITIAL_ROOT_TOKEN 4 required', 'POLLING_INTERVAL 3 default', 'UPSTREAM_URL 9 required']);
  });
  it("one of cmp.Or's candidates, or the value a switch picks a case by (kratos' LOG_FORMAT, PROFILING), is optional; given on to another call, required", async () => {
    const f = await joined({
      'oryx/logrusx/logrus.go': lines(
        'package logrusx',
        '',
        'func format(o *options, config string) string {',
        '\treturn cmp.Or(o.format, config, os.Getenv("LOG_FORMAT"))', // 4
        '}',
        'func profile() {',
        '\tswitch os.Getenv("PROFILING") {', // 7
        '\tcase "cpu":',
        '\t\tstartCPU()',
        '\t}',
        '\tconnect(os.Getenv("DSN"))', // 11
        '}',
      ),
    });
    const reads = ([...f.values()][0].envReads ?? []).map((r) => `${r.name} ${r.range.start.line + 1} ${r.hasDefault ? 'default' : 'required'}`);
    assert.deepEqual(reads.sort(), ['DSN 11 required', 'LOG_FORMAT 4 default', 'PROFILING 7 default']);
  });
});
