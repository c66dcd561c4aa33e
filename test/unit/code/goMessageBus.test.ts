import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('code analysis: Go messages dispatched on a bus run the handler of their type', function () {
  this.timeout(10_000);

  it("what a handler taking *T does is on the path of the route that dispatches a T (fider's bus.Dispatch(ctx, &query.GetUserByID{…}), also made first or several at once); not a handler of a type no route dispatches", async () => {
    const f = await joined({
      'go.mod': lines('module app', '', 'go 1.22'),
      'query/user.go': lines('package query', '', 'type GetUserByID struct {', '\tUserID int', '}', '', 'type ListAll struct{}'),
      'cmd/user.go': lines('package cmd', '', 'type BlockUsers struct {', '\tIDs []int', '}', '', 'type LogVisit struct{}'),
      'store/user.go': lines(
        'package store',
        '',
        'import (',
        '\t"context"',
        '\t"database/sql"',
        '',
        '\t"app/bus"',
        '\t"app/cmd"',
        '\t"app/query"',
        '\t_ "github.com/lib/pq"',
        ')',
        '',
        'var db *sql.DB',
        '',
        'func Init() {',
        '\tbus.AddHandler("sql", getUserByID)',
        '\tbus.AddHandler(blockUsers)',
        '\tbus.AddHandler(logVisit)',
        '\tbus.AddHandler(listAll)',
        '}',
        '',
        'func getUserByID(ctx context.Context, q *query.GetUserByID) error {', // 22
        '\trows, err := db.QueryContext(ctx, "SELECT id, name FROM users")', // 23: every row
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\treturn rows.Close()',
        '}',
        '',
        'func blockUsers(ctx context.Context, c *cmd.BlockUsers) error {', // 30
        '\tfor _, id := range c.IDs {',
        '\t\tif _, err := db.ExecContext(ctx, "UPDATE users SET blocked = true WHERE id = $1", id); err != nil {', // 32
        '\t\t\treturn err',
        '\t\t}',
        '\t}',
        '\treturn nil',
        '}',
        '',
        'func logVisit(ctx context.Context, c *cmd.LogVisit) error {',
        '\t_, err := db.ExecContext(ctx, "INSERT INTO visits DEFAULT VALUES")',
        '\treturn err',
        '}',
        '',
        'func listAll(ctx context.Context, q *query.ListAll) error {', // 44
        '\trows, err := db.QueryContext(ctx, "SELECT * FROM items")', // 45: no route dispatches ListAll
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\treturn rows.Close()',
        '}',
      ),
      'handlers/user.go': lines(
        'package handlers',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"app/bus"',
        '\t"app/cmd"',
        '\t"app/query"',
        ')',
        '',
        'func GetUser(w http.ResponseWriter, r *http.Request) {',
        '\tq := &query.GetUserByID{UserID: 1}',
        '\tif err := bus.Dispatch(r.Context(), q); err != nil {',
        '\t\thttp.Error(w, err.Error(), 500)',
        '\t}',
        '}',
        '',
        'func Block(w http.ResponseWriter, r *http.Request) {',
        '\t_ = bus.Dispatch(r.Context(), &cmd.LogVisit{}, &cmd.BlockUsers{IDs: []int{1, 2}})',
        '}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"app/handlers"',
        ')',
        '',
        'func main() {',
        '\thttp.HandleFunc("GET /users", handlers.GetUser)',
        '\thttp.HandleFunc("POST /block", handlers.Block)',
        '\t_ = http.ListenAndServe(":8080", nil)',
        '}',
      ),
    });
    const rows = hazardRows(f).filter((r) => r.includes('store/user.go') && !r.startsWith('missing-timeout'));
    assert.deepEqual(rows, [
      'query-in-loop store/user.go:32:16 db.ExecContext [for sequential] → POST /block',
      'unbounded-query store/user.go:23:15 db.QueryContext → GET /users',
      'unbounded-query store/user.go:45:15 db.QueryContext → -',
    ]);
  });

  it("a task a handler hands to a queue (fider's c.Enqueue(tasks.NotifyAboutNewPost(post))) runs in a worker, started by the route, not on its path", async () => {
    const f = await joined({
      'go.mod': lines('module app', '', 'go 1.22'),
      'tasks/notify.go': lines(
        'package tasks',
        '',
        'import (',
        '\t"database/sql"',
        '',
        '\t_ "github.com/lib/pq"',
        ')',
        '',
        'var db *sql.DB',
        '',
        'type Task struct {',
        '\tJob func() error',
        '}',
        '',
        'func Subscribers() []int {',
        '\trows, _ := db.Query("SELECT user_id FROM subscribers")', // 16: in the request, which evaluates the argument
        '\tdefer rows.Close()',
        '\tids := []int{}',
        '\tsort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })', // a closure handed on: no task made
        '\treturn ids',
        '}',
        '',
        'func describe(name string, job func() error) Task {',
        '\treturn Task{Job: job}',
        '}',
        '',
        'func NotifyAboutNewPost(ids []int) Task {',
        '\treturn describe("notify", func() error {',
        '\t\tfor _, id := range ids {',
        '\t\t\tif _, err := db.Exec("INSERT INTO notifications (user_id) VALUES ($1)", id); err != nil {', // 30
        '\t\t\t\treturn err',
        '\t\t\t}',
        '\t\t}',
        '\t\treturn nil',
        '\t})',
        '}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"app/tasks"',
        ')',
        '',
        'type Context struct{ queue []tasks.Task }',
        '',
        'func (c *Context) Enqueue(t tasks.Task) { c.queue = append(c.queue, t) }',
        '',
        'func CreatePost(w http.ResponseWriter, r *http.Request) {',
        '\tc := &Context{}',
        '\tc.Enqueue(tasks.NotifyAboutNewPost(nil))',
        '\tc.Enqueue(tasks.Subscribers())',
        '}',
        '',
        'func main() {',
        '\thttp.HandleFunc("POST /posts", CreatePost)',
        '\t_ = http.ListenAndServe(":8080", nil)',
        '}',
      ),
    });
    const h = f.get('tasks/notify.go')!.hazards.find((x) => x.code === 'query-in-loop');
    assert.ok(h, 'the loop is a query in a loop');
    assert.deepEqual(h.routes, []);
    assert.deepEqual(h.tasks, ['NotifyAboutNewPost (queued task, started by POST /posts)']);
    // A function handed to the queue that makes no task runs in the request, which evaluates the argument.
    const list = f.get('tasks/notify.go')!.hazards.find((x) => x.code === 'unbounded-query');
    assert.deepEqual(list?.routes.map((r) => `${r.method} ${r.path}`), ['POST /posts']);
  });

  it("a project's own Publish method still runs its own code; a function of a handler's shape that no bus registers is no handler", async () => {
    const f = await joined({
      'go.mod': lines('module app', '', 'go 1.22'),
      'events/event.go': lines('package events', '', 'type Event struct {', '\tName string', '}'),
      'broker/broker.go': lines(
        'package broker',
        '',
        'import (',
        '\t"context"',
        '\t"database/sql"',
        '',
        '\t"app/events"',
        '\t_ "github.com/lib/pq"',
        ')',
        '',
        'var db *sql.DB',
        '',
        'type Broker struct{}',
        '',
        'func (b *Broker) Publish(ctx context.Context, e *events.Event) error {',
        '\t_, err := db.ExecContext(ctx, "INSERT INTO outbox (name) VALUES ($1)", e.Name)', // 16
        '\treturn err',
        '}',
        '',
        'func onEvent(ctx context.Context, e *events.Event) error {', // 20: the shape of a handler, registered nowhere
        '\trows, err := db.QueryContext(ctx, "SELECT id FROM subscribers")',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\treturn rows.Close()',
        '}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"app/broker"',
        '\t"app/events"',
        ')',
        '',
        'func Import(w http.ResponseWriter, r *http.Request) {',
        '\tb := &broker.Broker{}',
        '\tfor _, name := range r.Form["names"] {',
        '\t\t_ = b.Publish(r.Context(), &events.Event{Name: name})', // 13
        '\t}',
        '}',
        '',
        'func main() {',
        '\thttp.HandleFunc("POST /import", Import)',
        '\t_ = http.ListenAndServe(":8080", nil)',
        '}',
      ),
    });
    const rows = hazardRows(f).filter((r) => !r.startsWith('missing-timeout'));
    assert.deepEqual(rows, [
      'query-in-loop main.go:13:7 b.Publish → db.ExecContext [for sequential] → POST /import',
      'unbounded-query broker/broker.go:21:15 db.QueryContext → -',
    ]);
  });
});

