import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * gin: a group's Handle method value handed to a module (gotosocial's `h := apiGroup.Handle` then
 * `c.statuses.Route(h)`), whose `Route(attachHandler func(method, path string, f ...gin.HandlerFunc) gin.IRoutes)`
 * registers by calling the parameter: each call is a route of that group, its method the first argument.
 */
describe('Go: a group\'s Handle method value given to a function', () => {
  const module = lines(
    'package health',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"github.com/gin-gonic/gin"',
    ')',
    '',
    'const LivePath = "/livez"',
    '',
    'type Module struct{}',
    '',
    'func (m *Module) Route(attachHandler func(method string, path string, f ...gin.HandlerFunc) gin.IRoutes) {',
    '\tattachHandler(http.MethodGet, LivePath, m.LiveGET)',
    '\tattachHandler(http.MethodHead, LivePath, m.LiveHEAD)',
    '\tattachHandler("POST", "/check", m.LiveGET)',
    '}',
    '',
    'func (m *Module) LiveGET(c *gin.Context)  {}',
    'func (m *Module) LiveHEAD(c *gin.Context) {}',
  );

  it('registers each call of the parameter under the prefix of the group whose Handle it was given', async () => {
    const f = await joined({
      'go.mod': 'module example.com/gts\n',
      'internal/api/health/health.go': module,
      'internal/api/client.go': lines(
        'package api',
        '',
        'import (',
        '\t"github.com/gin-gonic/gin"',
        '',
        '\t"example.com/gts/internal/api/health"',
        ')',
        '',
        'type Client struct{ health *health.Module }',
        '',
        'func (c *Client) Route(r *gin.Engine) {',
        '\tapiGroup := r.Group("/api")',
        '\th := apiGroup.Handle',
        '\tc.health.Route(h)',
        '}',
        '',
        'func (c *Client) RouteV2(r *gin.Engine) {',
        '\tv2 := r.Group("/v2")',
        '\tc.health.Route(v2.Handle)',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), [
      'GET /api/livez',
      'GET /v2/livez',
      'HEAD /api/livez',
      'HEAD /v2/livez',
      'POST /api/check',
      'POST /v2/check',
    ]);
  });

  it('reads no route from a parameter that takes no handler, or a call whose first argument is no method', async () => {
    const f = await joined({
      'go.mod': 'module example.com/c\n',
      'client.go': lines(
        'package client',
        '',
        'import (',
        '\t"io"',
        '\t"net/http"',
        '',
        '\t"github.com/gin-gonic/gin"',
        ')',
        '',
        'func fetch(do func(method, url string, body io.Reader) error, body io.Reader) {',
        '\t_ = do(http.MethodGet, "/users", body)',
        '}',
        '',
        'func route(attach func(method, path string, f ...gin.HandlerFunc) gin.IRoutes, method string, h gin.HandlerFunc) {',
        '\tattach(method, "/dynamic", h)',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), []);
  });
});
