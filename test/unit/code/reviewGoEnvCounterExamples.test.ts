import assert from 'node:assert/strict';
import { joined, lines } from './fixtureWorkspace';

/**
 * Counter-examples to the Go forms of an optional variable (new-api's, goOptionalEnvForms.test.ts): a `switch` whose
 * `default:` stops the service on an unknown value, a predicate whose branch stops without using the value, and a
 * length test in an `if`'s initializer that checks more than presence and stops. Each needs the variable, as a read
 * used as it is does; the forms that go on when it is empty still have a fallback.
 */
describe('env reads: Go forms that stop when a variable is unset need it', () => {
  it('a switch, a predicate or an initializer length test that stops keeps no fallback; those that go on do', async () => {
    const f = await joined({
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"log"',
        '\t"os"',
        '\t"strings"',
        ')',
        '',
        'func weak(k string) bool { return len(k) < 32 }',
        'func valid(k string) bool { return len(k) > 8 }',
        '',
        'func main() {',
        '\tmode := strings.ToLower(os.Getenv("STORAGE_MODE"))',
        '\tswitch mode {',
        '\tcase "s3":',
        '\t\tlog.Println("s3")',
        '\tcase "disk":',
        '\t\tlog.Println("disk")',
        '\tdefault:',
        '\t\tlog.Fatalf("unknown STORAGE_MODE %q", mode)',
        '\t}',
        '\tkey := os.Getenv("SIGNING_KEY")',
        '\tif weak(key) {',
        '\t\tlog.Fatal("SIGNING_KEY must be set and 32+ bytes")',
        '\t}',
        '\tif tok := os.Getenv("API_TOKEN"); len(tok) < 32 {',
        '\t\tlog.Fatal("API_TOKEN must be at least 32 characters")',
        '\t}',
        '\tcache := os.Getenv("CACHE_MODE")',
        '\tswitch cache {',
        '\tcase "":',
        '\t\tlog.Fatal("CACHE_MODE is required")',
        '\tcase "redis":',
        '\t\tlog.Println("redis")',
        '\t}',
        '\tqueue := os.Getenv("QUEUE_MODE")',
        '\tswitch queue {',
        '\tcase "nats":',
        '\t\tlog.Println("nats")',
        '\tdefault:',
        '\t\tlog.Println("in memory")',
        '\t}',
        '\tlevel := os.Getenv("LOG_LEVEL")',
        '\tswitch level {',
        '\tcase "debug":',
        '\t\tif true {',
        '\t\t\tlog.Println("debug")',
        '\t\t}',
        '\tcase "info", "":',
        '\t\tlog.Println("info")',
        '\tdefault:',
        '\t\tlog.Fatalf("bad LOG_LEVEL %q", level)',
        '\t}',
        '\tpepper := os.Getenv("PEPPER")',
        '\tif valid(pepper) {',
        '\t\tuse(pepper)',
        '\t}',
        '\tif ids := strings.Split(os.Getenv("ADMIN_IDS"), ","); len(ids) >= 1 {',
        '\t\tlog.Println(ids)',
        '\t}',
        '\tif hs := strings.Split(os.Getenv("HOSTS"), ","); len(hs) > 0 {',
        '\t\treturn',
        '\t}',
        '\tif rs := strings.Split(os.Getenv("REPLICAS"), ","); len(rs) > 0 {',
        '\t\tlog.Fatal("replicas unsupported")',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(
      f.get('main.go')!.envReads!.map((r) => `${r.range.start.line + 1} ${r.name} ${r.hasDefault}`),
      [
        '13 STORAGE_MODE false',
        '22 SIGNING_KEY false',
        '26 API_TOKEN false',
        '29 CACHE_MODE false',
        '36 QUEUE_MODE true',
        '43 LOG_LEVEL true',
        '54 PEPPER true',
        '58 ADMIN_IDS true',
        '61 HOSTS true',
        '64 REPLICAS false',
      ],
    );
  });
});
