import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Go's `client.Get(…)` is net/http's request only when it is given a URL: a value named `client` is as often a
 * subscriber, a session or a cache entry whose `Get(key)` reads memory (pocketbase's realtime clients).
 */
describe('Go: Get/Post/Head on a value named client', () => {
  it('is an HTTP request with a URL, and not with a key', async () => {
    const f = await joined({
      'apis/realtime.go': lines(
        'package apis',
        '',
        'import (',
        '\t"fmt"',
        '\t"net/http"',
        '\t"time"',
        ')',
        '',
        'const RealtimeClientAuthKey = "auth"',
        '',
        'func broadcast(chunk []subscriptions.Client, id string) {',
        '\tfor _, client := range chunk {',
        '\t\tif client.Get(RealtimeClientAuthKey) == nil {', // 13
        '\t\t\tcontinue',
        '\t\t}',
        '\t\tif v := client.Get("model"); v != nil {', // 16
        '\t\t\tcontinue',
        '\t\t}',
        '\t\tclient.Get(id)', // 19
        '\t}',
        '}',
        '',
        'func pingAll(w http.ResponseWriter, r *http.Request) {',
        '\tclient := &http.Client{Timeout: 5 * time.Second}',
        '\tfor _, u := range r.URL.Query()["u"] {',
        '\t\tclient.Get(u)', // 26
        '\t\tclient.Get("https://example.com/" + u)', // 27
        '\t\tclient.Post(fmt.Sprintf("%s/ping", u), "text/plain", nil)', // 28
        '\t\tclient.Head(baseURL + "/health")', // 29
        '\t}',
        '}',
        '',
        'func Register(mux *http.ServeMux) {',
        '\tmux.HandleFunc("/ping", pingAll)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop apis/realtime.go:26:3 client.Get [for sequential] → ANY /ping',
      'call-in-loop apis/realtime.go:27:3 client.Get [for sequential] → ANY /ping',
      'call-in-loop apis/realtime.go:28:3 client.Post [for sequential] → ANY /ping',
      'call-in-loop apis/realtime.go:29:3 client.Head [for sequential] → ANY /ping',
    ]);
  });
});
