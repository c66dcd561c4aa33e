import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A project's own group maker (gotosocial's `r.AttachGroup(profileGroupPath)`, wrapping `r.engine.Group`) given a
 * constant another file of the package declares (`paths.go`'s `const profileGroupPath = "/@:username"`): a group
 * under that path, read at the join as gin's own Group's name is; a constant there that is no path leaves no route,
 * and a parameter is no group (the routes stay at their own paths).
 */
describe('Go: a project\'s own group maker given another file\'s path constant', () => {
  it('puts the group\'s routes under the constant\'s path, and reads no group from a parameter', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'paths.go': lines('package main', '', 'const (', '\tprofileGroupPath = "/@:username"', '\tteamName         = "admins"', ')'),
      'main.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'type Router struct{ engine *gin.Engine }',
        '',
        'func (r *Router) AttachGroup(path string) *gin.RouterGroup { return r.engine.Group(path) }',
        '',
        'func setup(r *Router, name string) {',
        '\tp := r.AttachGroup(profileGroupPath)',
        '\tp.GET("", profile)',
        '\tp.GET("/posts", profile)',
        '\tt := r.AttachGroup(teamName)',
        '\tt.GET("/members", profile)',
        '\tn := r.AttachGroup(name)',
        '\tn.GET("/named", profile)',
        '}',
        '',
        'func profile(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`), ['GET /@:username 10', 'GET /@:username/posts 11', 'GET /named 15']);
  });
});
