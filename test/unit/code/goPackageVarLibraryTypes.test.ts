import { strict as assert } from 'node:assert';
import { goPackageVarTypes } from '../../../src/core/code/declaredTypes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * CasaOS keeps a queue in `var FileQueue sync.Map` and drains it with `FileQueue.Delete(v)` in a loop: sync.Map's
 * Delete, not the package's `relyService.Delete` (a query) that the lookup by method name would take. A package
 * variable of a library's type runs that type's methods; one of the workspace's own type is followed as before.
 */
describe('Go package variables declared of a library type', () => {
  const vars = lines(
    'package service',
    '',
    'import (',
    '\t"sync"',
    '',
    '\t"example.com/app/store"',
    '\t"github.com/acme/memstore"',
    ')',
    '',
    'var FileQueue sync.Map',
    '',
    'var (',
    '\tcache *memstore.Store',
    '\trelies store.Relies',
    ')',
  );
  const rely = lines(
    'package service',
    '',
    'import "gorm.io/gorm"',
    '',
    'type relyService struct{ db *gorm.DB }',
    '',
    'type Rely struct{ ID string }',
    '',
    'func (r *relyService) Delete(id string) {',
    '\tr.db.Where("id = ?", id).Delete(&Rely{})',
    '}',
  );
  const notify = lines(
    'package service',
    '',
    'func DrainQueue(ids []string) {',
    '\tfor _, v := range ids {',
    '\t\tFileQueue.Delete(v)', // sync.Map's
    '\t\tcache.Delete(v)', // memstore's
    '\t\trelies.Delete(v)', // 7: the workspace's store.Relies
    '\t}',
    '}',
  );
  const relies = lines(
    'package store',
    '',
    'import "gorm.io/gorm"',
    '',
    'type Relies struct{ db *gorm.DB }',
    '',
    'type Rely struct{ ID string }',
    '',
    'func (r Relies) Delete(id string) {',
    '\tr.db.Where("id = ?", id).Delete(&Rely{})',
    '}',
  );

  it('reads the declared types of package variables of another package, alone or in a var block', () => {
    assert.deepEqual({ ...goPackageVarTypes(vars) }, { FileQueue: 'sync.Map', cache: 'memstore.Store', relies: 'store.Relies' });
    assert.equal(goPackageVarTypes(lines('package x', '', 'var svc = service.New()', 'var n int', 'var seen map[string]bool')), undefined);
  });

  it('does not land a method of a library-typed package variable on a namesake of the package', async () => {
    const f = await joined({ 'service/vars.go': vars, 'service/rely.go': rely, 'service/notify.go': notify, 'store/relies.go': relies });
    assert.deepEqual(hazardRows(f), ['query-in-loop service/notify.go:7:3 relies.Delete → r.db.Where.Delete [for sequential] → -']);
  });
});
