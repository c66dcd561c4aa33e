import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * rotki's external API clients: `while True:` … `times -= 1; cancellable_sleep(10)` (blockscout.py), and `while backoff
 * < backoff_limit:` … `backoff = self._handle_rate_limit(…)`, a method that sleeps and returns the doubled backoff
 * (etherscan_like.py, opensea.py): each turn waits, in a project's own helper, as `time.sleep` written there would.
 */
describe('call-in-loop: a while loop that waits in a project helper each turn is a retry or poll, not a loop over items', () => {
  it("does not report rotki's loops that sleep through cancellable_sleep() or a method of the file that sleeps; still reports a while loop whose helper does not sleep", async () => {
    const f = await joined({
      'app/server.py': lines(
        'import requests', // 1
        'from flask import Flask',
        'from app.concurrency import cancellable_sleep',
        'app = Flask(__name__)',
        'session = requests.Session()', // 5
        '',
        'class Api:',
        '    def _handle_rate_limit(self, current_backoff):',
        '        cancellable_sleep(current_backoff)',
        '        return current_backoff * 2', // 10
        '',
        '    def _note(self, response):',
        '        return response.status_code',
        '',
        '    def query_etherscan(self, params):', // 15
        '        backoff = 1',
        '        while backoff < 33:',
        '            response = session.get("https://api.etherscan.io/api", params=params, timeout=10)',
        '            if response.status_code == 429:',
        '                backoff = self._handle_rate_limit(current_backoff=backoff)', // 20
        '                continue',
        '            return response.json()',
        '',
        '    def query_blockscout(self, url):',
        '        times = 5', // 25
        '        while True:',
        '            response = session.get(url, timeout=10)',
        '            if response.status_code == 429:',
        '                if times == 0:',
        '                    raise RuntimeError("rate limited")', // 30
        '                times -= 1',
        '                cancellable_sleep(10)',
        '                continue',
        '            break',
        '        return response.json()', // 35
        '',
        '    def query_pages(self, url):',
        '        page = 0',
        '        while page < 33:',
        '            response = session.get(url, params={"page": page}, timeout=10)', // 40
        '            page = self._note(response)',
        '        return page',
        '',
        '    def _api_query(self, url, page):', // 44
        '        retries_left = 3',
        '        while retries_left > 0:',
        '            response = session.get(url, params={"page": page}, timeout=10)',
        '            if response.status_code != 429:',
        '                return response',
        '            retries_left -= 1', // 50
        '            cancellable_sleep(5)',
        '',
        '    def query_windows(self, url):',
        '        page = 0',
        '        while page < 33:', // 55
        '            response = self._api_query(url, page)',
        '            page = self._note(response)',
        '        return page',
        '',
        '@app.get("/a")', // 60
        'def a():',
        '    api = Api()',
        '    return {"a": api.query_etherscan({}), "b": api.query_blockscout("https://x"), "c": api.query_pages("https://y"), "d": api.query_windows("https://z")}',
      ),
    });
    // (A helper that waits only between its own tries, rotki's `_api_query` retrying on a 429, does not make the loop
    // that calls it wait each turn.)
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('call-in-loop')), [
      'call-in-loop app/server.py:40:24 session.get [while sequential] → GET /a',
      'call-in-loop app/server.py:56:24 _api_query → session.get [while sequential] → GET /a',
    ]);
  });
});
