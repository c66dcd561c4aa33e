import * as assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

// Go: a value a method of a library's type returns (gotosocial's `rows, err := r.db.QueryContext(…)`, `q :=
// r.db.NewSelect()…` with `db *bun.DB`) is the library's: its `Scan` is not the package's own `UpsertQuery.Scan`, found
// by its name alone. A bun query kept in a variable is still a query; a value the package's own function returns still
// lands on the package's method.
const WORKSPACES: Record<string, Record<string, string>> = {
  "library-rows": {
    "go.mod": "module example.com/gts\n\ngo 1.22\n\nrequire github.com/uptrace/bun v1.2.5\n",
    "internal/db/rule.go": "package db\n\nimport (\n\t\"context\"\n\n\t\"github.com/uptrace/bun\"\n)\n\ntype ruleDB struct{ db *bun.DB }\n\ntype Rule struct{ ID string }\n\nfunc (r *ruleDB) GetRuleByID(ctx context.Context, id string) (*Rule, error) {\n\tvar rule Rule\n\tq := r.db.NewSelect().Model(&rule).Where(\"? = ?\", bun.Ident(\"rule.id\"), id)\n\tif err := q.Scan(ctx); err != nil {\n\t\treturn nil, err\n\t}\n\treturn &rule, nil\n}\n\nfunc (r *ruleDB) GetRulesByIDs(ctx context.Context, ids []string) []*Rule {\n\trules := []*Rule{}\n\tfor _, id := range ids {\n\t\trule, err := r.GetRuleByID(ctx, id)\n\t\tif err == nil {\n\t\t\trules = append(rules, rule)\n\t\t}\n\t}\n\treturn rules\n}\n\n// Reading rows already fetched: no query per row.\nfunc (r *ruleDB) ReadIDs(ctx context.Context) ([]string, error) {\n\trows, err := r.db.QueryContext(ctx, \"SELECT id FROM rules LIMIT 10\")\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer rows.Close()\n\tvar ids []string\n\tfor rows.Next() {\n\t\tvar id string\n\t\tif err := rows.Scan(&id); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\tids = append(ids, id)\n\t}\n\treturn ids, nil\n}\n",
    "internal/db/upsert.go": "// Trimmed from gotosocial internal/db/bundb/upsert.go\npackage db\n\nimport (\n\t\"context\"\n\n\t\"github.com/uptrace/bun\"\n)\n\ntype UpsertQuery struct {\n\tdb    bun.IDB\n\tmodel interface{}\n}\n\nfunc (u *UpsertQuery) Scan(ctx context.Context, dest ...interface{}) error {\n\tinsertQuery := u.db.NewInsert().Model(u.model).On(\"CONFLICT DO UPDATE\")\n\treturn insertQuery.Scan(ctx, dest...)\n}\n"
  },
  "own-upsert": {
    "go.mod": "module example.com/gts\n\ngo 1.22\n\nrequire github.com/uptrace/bun v1.2.5\n",
    "internal/db/rule.go": "package db\n\nimport (\n\t\"context\"\n\n\t\"github.com/uptrace/bun\"\n)\n\ntype ruleDB struct{ db *bun.DB }\n\ntype Rule struct{ ID string }\n\nfunc (r *ruleDB) GetRuleByID(ctx context.Context, id string) (*Rule, error) {\n\tvar rule Rule\n\tq := r.db.NewSelect().Model(&rule).Where(\"? = ?\", bun.Ident(\"rule.id\"), id)\n\tif err := q.Scan(ctx); err != nil {\n\t\treturn nil, err\n\t}\n\treturn &rule, nil\n}\n\nfunc (r *ruleDB) GetRulesByIDs(ctx context.Context, ids []string) []*Rule {\n\trules := []*Rule{}\n\tfor _, id := range ids {\n\t\trule, err := r.GetRuleByID(ctx, id)\n\t\tif err == nil {\n\t\t\trules = append(rules, rule)\n\t\t}\n\t}\n\treturn rules\n}\n\n// Reading rows already fetched: no query per row.\nfunc (r *ruleDB) ReadIDs(ctx context.Context) ([]string, error) {\n\trows, err := r.db.QueryContext(ctx, \"SELECT id FROM rules LIMIT 10\")\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer rows.Close()\n\tvar ids []string\n\tfor rows.Next() {\n\t\tvar id string\n\t\tif err := rows.Scan(&id); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\tids = append(ids, id)\n\t}\n\treturn ids, nil\n}\n",
    "internal/db/upsert.go": "// Trimmed from gotosocial internal/db/bundb/upsert.go\npackage db\n\nimport (\n\t\"context\"\n\n\t\"github.com/uptrace/bun\"\n)\n\ntype UpsertQuery struct {\n\tdb    bun.IDB\n\tmodel interface{}\n}\n\nfunc (u *UpsertQuery) Scan(ctx context.Context, dest ...interface{}) error {\n\tinsertQuery := u.db.NewInsert().Model(u.model).On(\"CONFLICT DO UPDATE\")\n\treturn insertQuery.Scan(ctx, dest...)\n}\n",
    "internal/db/own.go": "package db\n\nimport \"context\"\n\nfunc (r *ruleDB) newUpsert(m interface{}) *UpsertQuery { return &UpsertQuery{db: r.db, model: m} }\n\nfunc (r *ruleDB) UpsertAll(ctx context.Context, models []interface{}) {\n\tfor _, m := range models {\n\t\tup := r.newUpsert(m)\n\t\t_ = up.Scan(ctx)\n\t}\n}\n"
  }
};

describe("Go: a method of what a library's field returns is not the package's namesake", function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('go-library-field-results', WORKSPACES);
  const rows = async (name: string) =>
    (await analyse(name)).warnings.map((w) => `${w.code} ${w.file}:${w.range.start.line + 1} ${w.message.match(/`([^`]*)`/)?.[1] ?? ''}`);

  it("rows.Scan over database/sql's rows is no query; a bun query kept in q is one, per item of the caller's loop", async () => {
    assert.deepEqual(await rows('library-rows'), ['query-in-loop internal/db/rule.go:25 r.GetRuleByID → q.Scan(…)']);
  });

  it("a value the package's own function returns lands on the package's method", async () => {
    assert.deepEqual(await rows('own-upsert'), ['query-in-loop internal/db/own.go:10 up.Scan → insertQuery.Scan(…)', 'query-in-loop internal/db/rule.go:25 r.GetRuleByID → q.Scan(…)']);
  });
});
