// A Go corner of the orders service, written into the kept-analyses sessions' folder before their windows open
// (test/host/runHost.ts): register() is handed the route's path by RegisterOriginals() (photoprism's folders_search.go).
export const FOLDERS_GO = {
  file: 'services/orders/src/folders.go',
  /** The 0-based line of the query in the loop. */
  queryLine: 17,
  text: [
    'package api',
    '',
    'import (',
    '\t"database/sql"',
    '',
    '\t"github.com/gin-gonic/gin"',
    ')',
    '',
    'var db *sql.DB',
    '',
    'func RegisterOriginals(router *gin.RouterGroup) {',
    '\tregister(router, "originals")',
    '}',
    '',
    'func register(router *gin.RouterGroup, urlPath string) {',
    '\thandler := func(c *gin.Context) {',
    '\t\tfor _, id := range c.QueryArray("id") {',
    '\t\t\tdb.Query("SELECT * FROM folders WHERE id = $1", id)',
    '\t\t}',
    '\t}',
    '\trouter.GET("/folders/"+urlPath, handler)',
    '}',
    '',
  ].join('\n'),
};
