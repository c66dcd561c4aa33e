import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A Go function that starts a goroutine returns without waiting for it (sftpgo's `executeAction`: `go func() { …
 * http.Post(hook) }()`, or by name, ntfy's `go s.forwardPollRequest(v, m)`): a loop calling it does not wait for those calls one after the other. A goroutine started per
 * item in the loop itself is still a fan-out.
 */
describe('Go: work a called function leaves to a goroutine', () => {
  it("is not the caller's call per item; a goroutine the loop starts per item is a parallel fan-out", async () => {
    const f = await joined({
      'go.mod': 'module example.com/hooks\n',
      'internal/dataprovider/actions.go': lines(
        'package dataprovider',
        '',
        'import "net/http"',
        '',
        'var client = &http.Client{Timeout: 10 * time.Second}',
        '',
        'func executeAction(operation string, user *User) {',
        '\tgo func() {',
        '\t\tclient.Post(hookURL+"?action="+operation, "application/json", nil)',
        '\t}()',
        '}',
        '',
        // Started in a goroutine by name (ntfy's `go s.forwardPollRequest(v, m)`): the same.
        'func publish(user *User) {',
        '\tgo notifySync(user)',
        '}',
        '',
        'func notifySync(user *User) {',
        '\tclient.Post(hookURL, "application/json", nil)',
        '}',
        '',
        'func notifyWaited(user *User) {', // its goroutine is waited for
        '\tvar wg sync.WaitGroup',
        '\twg.Add(1)',
        '\tgo func() {',
        '\t\tdefer wg.Done()',
        '\t\tclient.Post(hookURL, "application/json", nil)',
        '\t}()',
        '\twg.Wait()',
        '}',
      ),
      'internal/dataprovider/users.go': lines(
        'package dataprovider',
        '',
        'func RestoreUsers(users []*User) {',
        '\tfor _, u := range users {',
        '\t\texecuteAction("add", u)', // started, not awaited
        '\t\tnotifySync(u)', // 6: awaited, per user
        '\t\tnotifyWaited(u)', // 7: awaited too
        '\t\tpublish(u)', // started, not awaited
        '\t}',
        '\tfor _, u := range users {',
        '\t\tgo func(u *User) {',
        '\t\t\tclient.Post(hookURL, "application/json", nil)', // 12: one goroutine per user
        '\t\t}(u)',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop internal/dataprovider/users.go:12:4 client.Post [for parallel] → -',
      'call-in-loop internal/dataprovider/users.go:6:3 notifySync → client.Post [for sequential] → -',
      'call-in-loop internal/dataprovider/users.go:7:3 notifyWaited → client.Post [for sequential] → -',
    ]);
  });
});

describe('Go: a worker pool a loop submits to', () => {
  it("runs each submitted function concurrently (wakapi's wp.Submit(func() {…}) per interval): a parallel fan-out", async () => {
    const f = await joined({
      'go.mod': 'module github.com/muety/wakapi\n',
      'services/activity.go': lines(
        'package services',
        '',
        'import "github.com/alitto/pond"',
        '',
        'func (s *ActivityService) chart(db *gorm.DB, intervals [][]int) {',
        '\twp := pond.New(4, len(intervals))',
        '\tfor _, interval := range intervals {',
        '\t\tinterval := interval',
        '\t\twp.Submit(func() {',
        '\t\t\tvar rows []Summary',
        '\t\t\tdb.Where("from_time >= ?", interval[0]).Limit(10).Find(&rows)', // 11
        '\t\t})',
        '\t}',
        '\twp.StopAndWait()',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop services/activity.go:11:4 db.Where.Limit.Find [for parallel] → -']);
  });
});
