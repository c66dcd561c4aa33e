// A Go file whose route one function registers for another: register() is handed the route's path by
// RegisterOriginals() (photoprism's folders_search.go). Analysed statement by statement, as an open document is while
// it is edited, the route is not seen; analysed whole, it is (CodeIndex.settle). Used by the unit tests of settling and
// by the host test, which writes it into the orders service of the kept-analyses sessions' folder (test/host/runHost.ts).
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
