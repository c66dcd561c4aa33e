import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * Go keeps a package's paths in one file and registers them in another (sftpgo's httpd.go and server.go): a name of
 * the package is read in whichever of its files declares it.
 */
describe('Go: route paths named by constants of the package declared in its other files', () => {
  it('reads the name, a name + "/{id}", a name in the middle, and a path set at start-up under a configured base; a parameter, or a base with no value written, is a base read at run time; a name that holds no path is no route', async () => {
    const f = await joined({
      'go.mod': 'module example.com/sftpgo\n',
      'internal/httpd/httpd.go': lines(
        'package httpd',
        '',
        'import "path"',
        '',
        'const (',
        '\tapiKeysPath = "/api/v2/apikeys"',
        '\tlogoutPath  = "/api/v2/logout"',
        '\tcacheKey    = "users"',
        '\twebBasePathDefault = "/web"',
        ')',
        '',
        'var webBasePath string',
        'var basePath string', // set at start-up from the configuration
        'const apiVersion = "v1"',
        '',
        'func updateWebURLs(baseURL string) {',
        '\twebBasePath = path.Join(baseURL, webBasePathDefault)',
        '}',
      ),
      'internal/httpd/server.go': lines(
        'package httpd',
        '',
        'import "github.com/go-chi/chi/v5"',
        '',
        'func (s *httpdServer) initializeRouter(prefix string) {',
        '\ts.router = chi.NewRouter()',
        '\ts.router.Group(func(router chi.Router) {',
        '\t\trouter.Get(logoutPath, s.logout)', // 7
        '\t\trouter.With(s.checkPerms).Get(apiKeysPath+"/{id}", getAPIKeyByID)', // 8
        '\t\trouter.Get(webBasePath, s.home)', // 9
        '\t\trouter.Get(prefix+"/status", s.status)', // 10: the prefix is configured
        '\t\trouter.Get(cacheKey, s.logout)', // 11: not a path
        '\t\trouter.Get(undeclared, s.logout)', // 12: declared nowhere in the package
        '\t\trouter.Get(basePath+"/pets", s.pets)', // 13: an empty base
        '\t\trouter.Get("/api/"+apiVersion+"/pets", s.pets)', // 14: a name in the middle
        '\t\tvar (',
        '\t\t\tprovider  = ko.String("upload.provider")',
        '\t\t\tpublicURL = ko.String("upload.s3.public_url")',
        '\t\t)',
        '\t\trouter.Get(path.Join(publicURL, "/:filepath"), s.media)', // a local set from the configuration: no path known
        '\t})',
        '}',
      ),
      // A test of the package declares its own copies: the package's own files decide.
      'internal/httpd/httpd_test.go': lines('package httpd', '', 'const (', '\tlogoutPath = "/test/logout"', ')'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`),
      ['GET /api/v2/logout 7', 'GET /api/v2/apikeys/{id} 8', 'GET /web 9', 'GET /status 10', 'GET /pets 13', 'GET /api/v1/pets 14'],
    );
  });
});
