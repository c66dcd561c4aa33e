import * as assert from 'node:assert/strict';
import { createIssue, createPullRequest, type GitHubTarget } from '../../../src/core/changes/githubSubmit';
import { apiUrlFor, parseRemoteUrl, remoteRepository } from '../../../src/core/changes/gitRemote';
import { loadScenario, replayGitHub, type ReplayServer } from '../../fixtures/github/replayServer';
import { createRepo } from './gitRepo';
import { refusal } from './support';

const TOKEN = '0000000000000000000000000000000000000001';
const target = (server: ReplayServer): GitHubTarget => ({ apiUrl: server.url, owner: 'octokit-fixture-org', repo: 'hello-world', token: TOKEN });

describe('changes: GitHub issues and pull requests against recorded API responses', () => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('files an issue: POST /repos/{owner}/{repo}/issues with the token, JSON body and GitHub media type', async () => {
    server = await replayGitHub(loadScenario('create-issue.json'));
    const filed = await createIssue(target(server), { title: 'orders: Autoscaling max 10 → 14', body: '## orders\n```diff\n-a\n+b\n```', labels: ['ops-change'] });
    assert.deepEqual(server.problems, []);
    assert.equal(server.pending(), 0);
    assert.deepEqual(filed, { number: 1, url: 'https://github.com/octokit-fixture-org/hello-world/issues/1' });
    const sent = server.seen[0];
    assert.equal(sent.headers.authorization, `token ${TOKEN}`);
    assert.match(String(sent.headers['user-agent']), /^ops-lens octokit-rest\.js\//);
    assert.deepEqual(sent.body, { title: 'orders: Autoscaling max 10 → 14', body: '## orders\n```diff\n-a\n+b\n```', labels: ['ops-change'] });
  });

  it('opens a pull request on GitHub Enterprise Server under /api/v3, into the default branch read from the repository', async () => {
    server = await replayGitHub(loadScenario('create-pull-request.json'), { pathPrefix: '/api/v3' });
    assert.match(server.url, /\/api\/v3$/);
    const pr = await createPullRequest(target(server), { title: 't', body: 'b', head: 'ops-lens/2026-05-01-orders-max-replicas' });
    assert.deepEqual(server.problems, []);
    assert.deepEqual(pr, { number: 1347, url: 'https://github.com/octokit-fixture-org/hello-world/pull/1347', base: 'master' });
    assert.deepEqual(server.seen.map((s) => `${s.method} ${s.path}`), ['GET /api/v3/repos/octokit-fixture-org/hello-world', 'POST /api/v3/repos/octokit-fixture-org/hello-world/pulls']);
    assert.equal((server.seen[1].body as { head: string }).head, 'ops-lens/2026-05-01-orders-max-replicas');
  });

  it('says what to do on 401 (bad token), 404 (repository), an exhausted rate limit and a duplicate pull request, never showing the token', async () => {
    const cases: [string, (s: ReplayServer) => Promise<unknown>, RegExp, string][] = [
      ['error-401.json', (s) => createIssue(target(s), { title: 't', body: 'b' }), /rejected the token \(401 Bad credentials\): run "Ops Lens: Set GitHub Token"/, 'missing-token'],
      ['error-404.json', (s) => createIssue(target(s), { title: 't', body: 'b' }), /has no repository octokit-fixture-org\/hello-world that this token can see \(404\)/, 'github'],
      ['error-rate-limit.json', (s) => createIssue(target(s), { title: 't', body: 'b' }), /rate limit is exhausted until 2017-10-10T16:00:00Z/, 'github'],
      ['error-422-pr-exists.json', (s) => createPullRequest(target(s), { title: 't', body: 'b', head: 'new-topic' }), /A pull request already exists for octokit-fixture-org:new-topic/, 'github'],
    ];
    for (const [scenario, run, message, code] of cases) {
      server = await replayGitHub(loadScenario(scenario));
      const e = await refusal(() => run(server!));
      assert.deepEqual(server.problems, [], scenario);
      assert.match(e.message, message, scenario);
      assert.equal(e.code, code, scenario);
      assert.ok(!e.message.includes(TOKEN), `${scenario}: the token leaked into the message`);
      await server.close();
      server = undefined;
    }
  });

  it('says when GitHub cannot be reached', async () => {
    const s = await replayGitHub([]);
    await s.close();
    const e = await refusal(() => createIssue(target(s), { title: 't', body: 'b' }));
    assert.match(e.message, /^Cannot reach GitHub at http:\/\/127\.0\.0\.1:\d+ to create the issue/);
  });

  it('reads owner and repository from https, scp-like and ssh remotes, and the API base for github.com and Enterprise', () => {
    assert.deepEqual(parseRemoteUrl('https://github.com/acme/shop.git'), { host: 'github.com', owner: 'acme', repo: 'shop' });
    assert.deepEqual(parseRemoteUrl('git@github.com:acme/shop.git'), { host: 'github.com', owner: 'acme', repo: 'shop' });
    assert.deepEqual(parseRemoteUrl('ssh://git@ghe.example.com:2222/platform/shop.git'), { host: 'ghe.example.com', owner: 'platform', repo: 'shop' });
    assert.deepEqual(parseRemoteUrl('https://user@GHE.example.com/platform/shop'), { host: 'ghe.example.com', owner: 'platform', repo: 'shop' });
    assert.equal(parseRemoteUrl('/srv/git/shop.git'), undefined);
    assert.equal(apiUrlFor('github.com'), 'https://api.github.com');
    assert.equal(apiUrlFor('ghe.example.com'), 'https://ghe.example.com/api/v3');
    assert.equal(apiUrlFor('github.com', 'https://proxy.example.com/github/'), 'https://proxy.example.com/github');
  });

  it('says which remote to add when there is none, and when it is not a GitHub repository', async () => {
    const repo = createRepo();
    try {
      const missing = await refusal(() => remoteRepository(repo.dir, 'origin'));
      assert.equal(missing.code, 'missing-remote');
      assert.match(missing.message, /no git remote named "origin": add it/);
      repo.git('remote', 'add', 'origin', '/srv/git/shop.git');
      assert.match((await refusal(() => remoteRepository(repo.dir, 'origin'))).message, /does not name a GitHub repository/);
      repo.git('remote', 'set-url', 'origin', 'git@ghe.example.com:platform/shop.git');
      assert.deepEqual(await remoteRepository(repo.dir, 'origin'), { host: 'ghe.example.com', owner: 'platform', repo: 'shop', apiUrl: 'https://ghe.example.com/api/v3' });
    } finally {
      repo.dispose();
    }
  });
});
