import assert from 'node:assert/strict';
import { tsLocalSource, tsLocalType, tsResultType } from '../../../src/core/code/localTypes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('TypeScript: calls on values whose type a parameter or a return annotation says', () => {
  it('reads a name typed in a parameter or a declaration, not an object key or a ternary branch', () => {
    const body = lines('async refresh(provider: SocialProvider, token?: string) {', '  const repo: OrderRepo = make();', "  const x = ok ? cache : Fallback;", '  const o = { a: 1, item: Item, b: 2 };', '}');
    assert.equal(tsLocalType(body, 'provider'), 'SocialProvider');
    assert.equal(tsLocalType(body, 'repo'), 'OrderRepo');
    assert.equal(tsLocalType(body, 'cache'), undefined);
    assert.equal(tsLocalType(lines('function f(', '  db: Database,', ') {}'), 'db'), 'Database');
    assert.equal(tsLocalType('function f(m: Map<string, number>) {}', 'm'), undefined);
  });

  it('reads the function a local value came from, and the type a function says it returns', () => {
    assert.deepEqual(tsLocalSource('const provider = this._manager.getSocialIntegration(id);', 'provider'), ['this', '_manager', 'getSocialIntegration']);
    assert.deepEqual(tsLocalSource('const repo = await getRepo();', 'repo'), ['getRepo']);
    assert.equal(tsLocalSource('const repo = new Repo();', 'repo'), undefined);
    assert.equal(tsLocalSource("const fs = require('fs');", 'fs'), undefined);
    assert.equal(tsResultType(': SocialProvider'), 'SocialProvider');
    assert.equal(tsResultType(': Promise<OrderRepo | undefined>'), 'OrderRepo');
    assert.equal(tsResultType(': Promise<void>'), undefined);
    assert.equal(tsResultType(': string[]'), undefined);
    assert.equal(tsResultType(': Map<string, Repo>'), undefined);
  });

  it("follows a call on what a typed method returns, and on a typed parameter, into the class's method (an interface's implementations)", async () => {
    const f = await joined({
      'src/providers.ts': lines(
        'export interface SocialProvider {',
        '  refresh(token: string): Promise<void>;',
        '}',
        'export class LinkedinProvider implements SocialProvider {',
        '  async refresh(token: string) {',
        "    await fetch('https://api.linkedin.com/oauth/token');", // 5
        '  }',
        '}',
        'export class IntegrationManager {',
        '  getSocialIntegration(name: string): SocialProvider {',
        '    return providers.find((p) => p.name === name)!;',
        '  }',
        '}',
      ),
      'src/service.ts': lines(
        "import { IntegrationManager, SocialProvider } from './providers';",
        'export class IntegrationService {',
        '  constructor(private readonly _integrationManager: IntegrationManager) {}',
        '  async refreshAll(names: string[]) {',
        '    for (const name of names) {',
        '      const provider = this._integrationManager.getSocialIntegration(name);',
        "      await provider.refresh('x');", // 6
        '    }',
        '  }',
        '  async refreshOne(provider: SocialProvider) {',
        "    await provider.refresh('y');",
        '  }',
        '}',
      ),
      'src/app.ts': lines(
        "import express from 'express';",
        "import { IntegrationService } from './service';",
        'const app = express();',
        'const service = new IntegrationService(manager);',
        "app.post('/refresh', async (req, res) => { await service.refreshAll(req.body.names); res.end(); });",
        "app.post('/refresh/:id', async (req, res) => { await service.refreshOne(lookup(req.params.id)); res.end(); });",
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/service.ts:7:13 provider.refresh → fetch [for…of sequential] → POST /refresh',
      'missing-timeout src/providers.ts:6:11 fetch → POST /refresh, POST /refresh/:id',
    ]);
  });
});

describe('Go: a method called on what a function returns', () => {
  it("is the method of the type the function declares (photoprism's entity.Now().Truncate is time.Time's, not the package's Tables.Truncate); of a workspace type, that type's", async () => {
    const f = await joined({
      'go.mod': 'module photos\n',
      'internal/entity/entity_time.go': lines(
        'package entity',
        '',
        'import "time"',
        '',
        'func UTC() time.Time {',
        '\treturn time.Now().UTC()',
        '}',
        '',
        'func Now() time.Time {',
        '\treturn UTC().Truncate(time.Second)',
        '}',
        '',
        'func Store() *Tables {',
        '\treturn &Tables{}',
        '}',
      ),
      'internal/entity/entity_tables.go': lines(
        'package entity',
        '',
        'type Tables map[string]interface{}',
        '',
        'func (list Tables) Truncate(db *gorm.DB) {',
        '\tfor name := range list {',
        '\t\tdb.Exec("DELETE FROM " + name)',
        '\t}',
        '}',
      ),
      'internal/api/moments.go': lines(
        'package api',
        '',
        'import (',
        '\t"time"',
        '',
        '\t"photos/internal/entity"',
        ')',
        '',
        'func Moments(db *gorm.DB, ids []string) {',
        '\tfor range ids {',
        '\t\t_ = entity.Now().Truncate(time.Minute)',
        '\t\tentity.Store().Truncate(db)',
        '\t\t_ = entity.Now()',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((h) => h.startsWith('query-in-loop')), [
      'query-in-loop internal/api/moments.go:12:3 entity.Store.Truncate → db.Exec [for sequential] → -',
      'query-in-loop internal/entity/entity_tables.go:7:3 db.Exec [for sequential] → -',
    ]);
  });
});
