import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fetchGitHubPlans, githubRepoOf } from '../../../src/core/releases/github';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures/github', name), 'utf8');

/** A loopback GitHub: replays the recorded responses, paginates milestones, and records every request. */
async function fakeGitHub(opts: { status?: number } = {}) {
  const requests: IncomingMessage[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    requests.push(req);
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (opts.status) {
      res.statusCode = opts.status;
      res.end(JSON.stringify({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: String(opts.status) }));
      return;
    }
    if (url.pathname === '/repos/acme/shop/milestones') {
      if (url.searchParams.get('page') === '2') {
        res.end(fixture('milestones.page2.json'));
      } else {
        res.setHeader('link', `<${base}/repos/acme/shop/milestones?state=open&per_page=100&page=2>; rel="next", <${base}/repos/acme/shop/milestones?state=open&per_page=100&page=2>; rel="last"`);
        res.end(fixture('milestones.page1.json'));
      }
    } else if (url.pathname === '/repos/acme/shop/releases') {
      res.end(fixture('releases.json'));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ message: 'Not Found' }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

describe('GitHub milestones and draft releases (recorded responses, loopback server)', () => {
  it('reads open milestones across pages and draft releases, placing those that name a version', async () => {
    const gh = await fakeGitHub();
    try {
      const { plans, unplaced } = await fetchGitHubPlans({ owner: 'acme', repo: 'shop', token: 'ghp_testtoken', baseUrl: gh.url });
      assert.deepEqual(
        plans.map((p) => [p.source, p.version, p.title, p.date ?? null, p.link?.url]),
        [
          ['milestone', '1.1.0', 'v1.1.0', '2030-03-09', 'https://github.com/acme/shop/milestone/3'],
          ['milestone', '1.2.0', 'Release 1.2', '2030-03-31', 'https://github.com/acme/shop/milestone/5'],
          ['draft', '1.3.0', 'v1.3.0', null, 'https://github.com/acme/shop/releases/tag/untagged-901'],
        ],
      );
      assert.equal(plans[0].notes, 'Spring sale readiness: orders and payments.\n\nMilestone: 4 open, 8 closed issues.');
      assert.deepEqual(unplaced, ['milestone "Backlog"', 'draft release "Experiment"']);
      // Only drafts: the published v1.0.0 is a tag git already has.
      assert.ok(!plans.some((p) => p.version === '1.0.0'));

      const paths = gh.requests.map((r) => new URL(r.url!, 'http://x')).map((u) => `${u.pathname}?page=${u.searchParams.get('page') ?? '1'}&state=${u.searchParams.get('state')}`);
      assert.deepEqual(paths.sort(), ['/repos/acme/shop/milestones?page=1&state=open', '/repos/acme/shop/milestones?page=2&state=open', '/repos/acme/shop/releases?page=1&state=null']);
      for (const r of gh.requests) {
        assert.match(String(r.headers.authorization), /^(token|bearer) ghp_testtoken$/i);
        assert.match(String(r.headers['user-agent']), /^ops-lens/);
      }
    } finally {
      await gh.close();
    }
  });

  it('fails with GitHub\'s reason when the token is refused', async () => {
    const gh = await fakeGitHub({ status: 401 });
    try {
      await assert.rejects(fetchGitHubPlans({ owner: 'acme', repo: 'shop', token: 'bad', baseUrl: gh.url }), /Bad credentials/);
    } finally {
      await gh.close();
    }
  });

  it('recognises GitHub remotes in every form, and nothing else', () => {
    for (const url of ['git@github.com:acme/shop.git', 'https://github.com/acme/shop', 'https://github.com/acme/shop.git', 'ssh://git@github.com/acme/shop.git', 'https://token@github.com/acme/shop.git']) {
      assert.deepEqual(githubRepoOf(url), { owner: 'acme', repo: 'shop' }, url);
    }
    assert.equal(githubRepoOf('git@gitlab.com:acme/shop.git'), undefined);
    assert.equal(githubRepoOf('https://github.com.evil.example/acme/shop'), undefined);
    assert.deepEqual(githubRepoOf('git@ghe.corp.example:acme/shop.git', 'ghe.corp.example'), { owner: 'acme', repo: 'shop' });
  });
});
