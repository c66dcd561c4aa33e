import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('gin and echo: middleware given beside the handler', () => {
  it("runs on each request of the route (one-api's middleware.TurnstileCheck() before the handler; echo's after it), what it calls too", async () => {
    const f = await joined({
      'go.mod': 'module github.com/songquanpeng/one-api\n',
      'router/api.go': lines(
        'package router',
        '',
        'import (',
        '\t"github.com/gin-gonic/gin"',
        '\t"github.com/songquanpeng/one-api/controller"',
        '\t"github.com/songquanpeng/one-api/middleware"',
        ')',
        '',
        'func SetApiRouter(r *gin.Engine) {',
        '\tr.GET("/api/verification", middleware.CriticalRateLimit(), middleware.TurnstileCheck(), controller.SendEmailVerification)',
        '\tr.GET("/api/status", controller.GetStatus)',
        '}',
      ),
      'middleware/turnstile-check.go': lines(
        'package middleware',
        '',
        'import "net/http"',
        '',
        'func TurnstileCheck() gin.HandlerFunc {',
        '\treturn func(c *gin.Context) {',
        '\t\thttp.PostForm("https://challenges.cloudflare.com/turnstile/v0/siteverify", nil)', // 7
        '\t\tc.Next()',
        '\t}',
        '}',
        '',
        'func CriticalRateLimit() gin.HandlerFunc {',
        '\treturn func(c *gin.Context) { c.Next() }',
        '}',
      ),
      'controller/misc.go': lines('package controller', '', 'func SendEmailVerification(c *gin.Context) {}', '', 'func GetStatus(c *gin.Context) {}'),
    });
    assert.deepEqual(hazardRows(f), ['missing-timeout middleware/turnstile-check.go:7:3 http.PostForm → GET /api/verification']);
  });
});
