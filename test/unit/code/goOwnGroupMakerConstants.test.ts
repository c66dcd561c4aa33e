import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A project's own group maker (gotosocial's `func (r *Router) AttachGroup(relativePath string, …) *gin.RouterGroup {
 * return r.engine.Group(relativePath, …) }`) given a path the file's constants hold (`profileGroup :=
 * r.AttachGroup(profileGroupPath)`): a group under that path, as when the path is written in the call.
 */
describe('Go: a project\'s own group maker given a path constant', () => {
  it('puts the routes registered on the group under the constant\'s path, and reads no group from a value that is no path', async () => {
    const f = await joined({
      'go.mod': 'module example.com/gts\n',
      'internal/router/attach.go': lines(
        'package router',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'type Router struct{ engine *gin.Engine }',
        '',
        'func (r *Router) AttachGroup(relativePath string, handlers ...gin.HandlerFunc) *gin.RouterGroup {',
        '\treturn r.engine.Group(relativePath, handlers...)',
        '}',
      ),
      'internal/web/web.go': lines(
        'package web',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/gin-gonic/gin"',
        '',
        '\t"example.com/gts/internal/router"',
        ')',
        '',
        'const (',
        '\tprofileGroupPath = "/@:username"',
        '\tstatusPath       = "/statuses/:status"',
        '\tassetsPathPrefix = "/assets"',
        '\tteamName         = "admins"',
        ')',
        '',
        'type Module struct{}',
        '',
        'func (m *Module) Route(r *router.Router, name string) {',
        '\tassetsGroup := r.AttachGroup(assetsPathPrefix)',
        '\tassetsGroup.StaticFS("/", http.Dir("web/assets"))',
        '\tprofileGroup := r.AttachGroup(profileGroupPath)',
        '\tprofileGroup.Handle(http.MethodGet, "", m.profile)',
        '\tprofileGroup.Handle(http.MethodGet, statusPath, m.thread)',
        '\tteam := r.AttachGroup(teamName)',
        '\tteam.Handle(http.MethodGet, "/members", m.profile)',
        '\tnamed := r.AttachGroup(name)',
        '\tnamed.Handle(http.MethodGet, "/named", m.profile)',
        '}',
        '',
        'func (m *Module) profile(c *gin.Context) {}',
        'func (m *Module) thread(c *gin.Context)  {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), [
      'GET /@:username',
      'GET /@:username/statuses/:status',
      'GET /assets/*filepath',
      'GET /members',
      'GET /named',
      'HEAD /assets/*filepath',
    ]);
  });
});
