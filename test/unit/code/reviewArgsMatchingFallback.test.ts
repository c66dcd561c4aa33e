import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Review counter-example to the aws-sdk-go rule (any method given an AWS input): a rule that asks for arguments the
// call does not give leaves the chain to the catalogue's other rules. GORM's `gdb.Find(&users)` in a file that imports
// aws-sdk-go is still an unbounded query; the AWS call beside it is still an AWS request.
describe('a catalogue rule whose arguments do not match gives way to the next rules for the chain', () => {
  const file = (awsImport: boolean) =>
    lines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"net/http"',
      '',
      ...(awsImport ? ['\t"github.com/aws/aws-sdk-go-v2/aws"', '\t"github.com/aws/aws-sdk-go-v2/service/s3"'] : []),
      '\t"gorm.io/gorm"',
      ')',
      '',
      'type User struct{ ID int }',
      '',
      'var gdb *gorm.DB',
      ...(awsImport ? ['var s3c *s3.Client'] : ['var s3c interface{}']),
      '',
      'func files(w http.ResponseWriter, r *http.Request) {',
      '\tctx := context.Background()',
      '\tfor _, id := range r.URL.Query()["id"] {',
      awsImport ? '\t\ts3c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(id)})' : '\t\t_ = ctx',
      '\t}',
      '\tvar users []User',
      '\tgdb.Find(&users)',
      '}',
      '',
      'func main() {',
      '\thttp.HandleFunc("/files", files)',
      '}',
    );

  it("GORM's Find beside aws-sdk-go keeps its unbounded-query, as without the import", async () => {
    assert.deepEqual(hazardRows(await joined({ 'main.go': file(true) })), [
      'call-in-loop main.go:20:3 s3c.GetObject [for sequential] → ANY /files',
      'unbounded-query main.go:23:2 gdb.Find → ANY /files',
    ]);
    assert.deepEqual(hazardRows(await joined({ 'main.go': file(false) })), ['unbounded-query main.go:21:2 gdb.Find → ANY /files']);
  });
});
