import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * An API's Go SDK groups its endpoints in services, one field of the client each (go-github's
 * `client.Repositories.CreateStatus(ctx, …)`, go-gitlab's `client.Projects.DeleteProjectHook(pid, id,
 * gitlab.WithContext(ctx))`): each call is a request (woodpecker's status per workflow). What configures the client
 * (`github.NewClient(hc).WithAuthToken(t)`) sends nothing.
 */
describe("Go: an SDK client's service calls", () => {
  it('are remote calls per item; a With… option of the client is none; a field of the client read without a context is none', async () => {
    const f = await joined({
      'go.mod': 'module example.com/forge\n',
      'forge/github.go': lines(
        'package forge',
        '',
        'import (',
        '\t"context"',
        '\t"net/http"',
        '',
        '\t"github.com/google/go-github/v66/github"',
        '\tgitlab "gitlab.com/gitlab-org/api/client-go"',
        ')',
        '',
        'func statuses(ctx context.Context, hc *http.Client, shas []string, hooks []int) {',
        '\tclient := github.NewClient(hc)',
        '\tgl, _ := gitlab.NewClient("t")',
        '\tfor _, sha := range shas {',
        '\t\t_ = github.NewClient(hc).WithAuthToken("t")',
        '\t\t_, _, _ = client.Repositories.CreateStatus(ctx, "o", "n", sha, &github.RepoStatus{})', // 16
        '\t\t_ = client.BaseURL.String()',
        '\t}',
        '\tfor _, id := range hooks {',
        '\t\t_, _ = gl.Projects.DeleteProjectHook(1, id, gitlab.WithContext(ctx))', // 20
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop forge/github.go:16:13 client.Repositories.CreateStatus [for sequential] → -',
      'call-in-loop forge/github.go:20:10 gl.Projects.DeleteProjectHook [for sequential] → -',
    ]);
  });
});
