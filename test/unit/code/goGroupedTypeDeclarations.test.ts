import { strict as assert } from 'node:assert';
import { goEmbeddings, goInterfaces, goSliceFields } from '../../../src/core/code/declaredTypes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Go declares several types in one `type ( … )` block as often as one by one: drone's core package has
 * `type ( Stage struct{…}; StageStore interface{…} )`, and its cancel handler's `stages.Update(…)` in a loop only
 * reaches the store's query when the interface is read from the block.
 */
describe('Go types declared in a grouped type ( … ) block', () => {
  const core = lines(
    'package core',
    '',
    'import "context"',
    '',
    'type (',
    '\tStage struct{ ID int64 }',
    '',
    '\t// StageStore persists stages.',
    '\tStageStore interface {',
    '\t\tUpdate(context.Context, *Stage) error',
    '\t}',
    ')',
  );
  const handler = lines(
    'package handler',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"example.com/app/core"',
    '\t"example.com/app/store/stage"',
    '\t"github.com/go-chi/chi"',
    ')',
    '',
    'func Routes(r chi.Router) {',
    '\tr.Delete("/builds/{number}", HandleCancel(stage.New()))',
    '}',
    '',
    'func HandleCancel(stages core.StageStore) http.HandlerFunc {',
    '\treturn func(w http.ResponseWriter, r *http.Request) {',
    '\t\tvar list []*core.Stage',
    '\t\tfor _, s := range list {',
    '\t\t\tstages.Update(r.Context(), s)', // 19: a query per stage
    '\t\t}',
    '\t}',
    '}',
  );
  const store = lines(
    'package stage',
    '',
    'import (',
    '\t"context"',
    '\t"database/sql"',
    '',
    '\t"example.com/app/core"',
    ')',
    '',
    'func New() core.StageStore { return &stageStore{} }',
    '',
    'type stageStore struct{ db *sql.DB }',
    '',
    'func (s *stageStore) Update(ctx context.Context, stage *core.Stage) error {',
    '\t_, err := s.db.ExecContext(ctx, "UPDATE stages SET x = 1 WHERE id = ?", stage.ID)',
    '\treturn err',
    '}',
  );

  it('resolves an interface of a type block to its implementation', async () => {
    const f = await joined({ 'core/stage.go': core, 'handler/cancel.go': handler, 'store/stage/stage.go': store });
    assert.deepEqual(hazardRows(f), ['query-in-loop handler/cancel.go:19:4 stages.Update → s.db.ExecContext [for sequential] → DELETE /builds/{number}']);
  });

  it('reads interfaces, embeddings and slice fields of a block as of declarations of their own', () => {
    const text = lines(
      'package core',
      '',
      'type (',
      '\tStage struct{ ID int64 }',
      '',
      '\tBuild struct {',
      '\t\tbase',
      '\t\tStages []*Stage `json:"stages"`',
      '\t}',
      '',
      '\tStageStore interface {',
      '\t\t// Find returns a stage (GET /stages/{id}).',
      '\t\tFind(int64) (*Stage, error)',
      '\t\tUpdate(*Stage) error',
      '\t}',
      '',
      '\tID int64',
      ')',
      '',
      'type Reader interface { Read() error }',
      '',
      'type Holder struct {',
      '\tHandler interface {',
      '\t\tServe() error',
      '\t}',
      '}',
    );
    assert.deepEqual(goInterfaces(text), { Reader: ['Read'], StageStore: ['Find', 'Update'] });
    assert.deepEqual(goEmbeddings(text), { Build: ['base'] });
    assert.deepEqual(goSliceFields(text), { Build: { Stages: 'Stage' } });
  });
});
