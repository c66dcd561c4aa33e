import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A local declared in a `var (…)` block hides the package's name (gotosocial's Start: `var ( // Define necessary core
 * variables … route *gin.Engine )`), among comment and blank lines; a block of many long names that does not declare
 * the name is read in time linear in its lines (one line read in many ways made gotosocial's pass never end).
 */
describe('Go: locals declared in var blocks', () => {
  it('finds a local among comment and blank lines, and reads a package name past a long block that does not declare it', async () => {
    const long = Array.from({ length: 14 }, (_, k) => `\t\tmoduleWithAVeryLongName${k}        = api.NewModule${k}()       // endpoints of area ${k}`);
    const f = await joined({
      'go.mod': 'module example.com/gts\n',
      'internal/web/paths.go': lines('package web', '', 'const (', '\tpublicURL = "/pub"', '\tapiPath = "/api"', ')'),
      'internal/web/web.go': lines(
        'package web',
        '',
        'import (',
        '\t"path"',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'func Start(router chi.Router) {',
        '\tvar (',
        '\t\t// Read from the configuration',
        '',
        '\t\t// before anything.',
        '\t\tpublicURL = ko.String("upload.s3.public_url")',
        '\t)',
        '\trouter.Get(path.Join(publicURL, "/:filepath"), media)', // 14: a local set from the configuration: no path known
        '\tvar (',
        ...long,
        '\t)',
        '\trouter.Get(apiPath+"/status", status)', // the package's constant
        '}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /api/status']);
  });
});
