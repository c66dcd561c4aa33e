import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** A service whose `doAll(urls)` is `body`, with `fetch` a remote call; GET /direct calls it. */
const service = (body: string[]) => ({
  'go.mod': 'module example.com/app\n',
  'main.go': lines(
    'package main',
    '',
    'import (',
    '\t"net/http"',
    '\t"sync"',
    '\t"time"',
    ')',
    '',
    'var client = &http.Client{Timeout: 5 * time.Second}',
    '',
    'var queue = make(chan string)',
    '',
    'func fetch(u string) (int, error) {',
    '\tresp, err := client.Get(u)',
    '\tif err != nil {',
    '\t\treturn 0, err',
    '\t}',
    '\tresp.Body.Close()',
    '\treturn resp.StatusCode, nil',
    '}',
    '',
    'func doAll(urls []string) []int {',
    '\tresults := make([]int, len(urls))',
    '\ttype t struct {',
    '\t\ti int',
    '\t\tu string',
    '\t}',
    '\tq := make(chan t)',
    '\tvar wg sync.WaitGroup',
    ...body,
    '\twg.Wait()',
    '\treturn results',
    '}',
    '',
    'func main() {',
    '\tmux := http.NewServeMux()',
    '\tmux.HandleFunc("GET /direct", func(w http.ResponseWriter, r *http.Request) {',
    '\t\tdoAll(r.URL.Query()["u"])',
    '\t})',
    '\thttp.ListenAndServe(":8080", mux)',
    '}',
  ),
});

const workers = (channel: string) => [
  '\tfor range 10 {',
  '\t\twg.Add(1)',
  '\t\tgo func() {',
  '\t\t\tdefer wg.Done()',
  `\t\t\tfor x := range ${channel} {`,
  `\t\t\t\tresults[0], _ = fetch(${channel === 'q' ? 'x.u' : 'x'})`,
  '\t\t\t}',
  '\t\t}()',
  '\t}',
];

describe('Go: a worker pool draining a channel its function fills per item', () => {
  it("is a call per item, in parallel (glance's workerPoolDo: for range workers { go func() { for t := range tasksQueue { … } }() }, then for i := range data { tasksQueue <- … })", async () => {
    const f = await joined(service([...workers('q'), '\tfor i := range urls {', '\t\tq <- t{i, urls[i]}', '\t}', '\tclose(q)']));
    assert.deepEqual(hazardRows(f), ['call-in-loop main.go:35:21 fetch → client.Get [for parallel] → GET /direct']);
  });

  it('is a consumer of messages when the channel is fed otherwise: one value, or a channel of the package fed elsewhere', async () => {
    assert.deepEqual(hazardRows(await joined(service([...workers('q'), '\tq <- t{0, urls[0]}', '\tclose(q)']))), []);
    assert.deepEqual(hazardRows(await joined(service([...workers('queue'), '\tqueue <- urls[0]']))), []);
  });
});
