import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A package constant joined of a literal and another package's constant (gotosocial's `confirmEmailPath = "/" +
 * uris.ConfirmEmailPath`, `statusPath = "/statuses/:" + apiutil.WebStatusIDKey`): the whole value, as when the same
 * expression is written in the call; a part that cannot be read leaves no route rather than a truncated one.
 */
describe('Go: a path constant joined with another package\'s constant', () => {
  it('reads every part of the constant, and reports no route whose constant has a part no file declares', async () => {
    const f = await joined({
      'go.mod': 'module example.com/gts\n',
      'internal/uris/uri.go': lines('package uris', '', 'const (', '\tConfirmEmailPath = "confirm_email"', ')'),
      'internal/api/util/keys.go': lines('package util', '', 'const WebStatusIDKey = "status"'),
      'internal/web/web.go': lines(
        'package web',
        '',
        'import (',
        '\t"net/http"',
        '\t"strconv"',
        '',
        '\t"github.com/gin-gonic/gin"',
        '',
        '\tapiutil "example.com/gts/internal/api/util"',
        '\t"example.com/gts/internal/uris"',
        ')',
        '',
        'const (',
        '\tconfirmEmailPath = "/" + uris.ConfirmEmailPath',
        '\tstatusPath       = "/statuses/:" + apiutil.WebStatusIDKey // a status',
        '\tmissingPath      = "/" + uris.MissingPath',
        '\tcountedPath      = "/counted/" + strconv.Itoa(3)',
        ')',
        '',
        'const formattedPath = "/" + apiutil.WebStatusIDKey',
        '',
        'type Module struct{}',
        '',
        'func (m *Module) Route(r *gin.Engine) {',
        '\tr.Handle(http.MethodGet, confirmEmailPath, m.h)',
        '\tr.Handle(http.MethodGet, statusPath, m.h)',
        '\tr.Handle(http.MethodGet, missingPath, m.h)',
        '\tr.Handle(http.MethodGet, countedPath, m.h)',
        '\tr.Handle(http.MethodPost, formattedPath, m.h)',
        '\tr.Handle(http.MethodPut, "/"+uris.ConfirmEmailPath, m.h)',
        '}',
        '',
        'func (m *Module) h(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), [
      'GET /confirm_email',
      'GET /statuses/:status',
      'POST /status',
      'PUT /confirm_email',
    ]);
  });
});
