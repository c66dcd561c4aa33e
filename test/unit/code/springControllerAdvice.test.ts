import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('Spring: @ControllerAdvice classes map no requests', () => {
  it("an advice's @ExceptionHandler with @RequestMapping(produces = …) (shopizer's RestErrorHandler) or a @RequestMapping(\"/error\") method in it (ShopErrorController) is no route; a controller's are", async () => {
    const f = await joined({
      'src/main/java/com/ex/web/RestErrorHandler.java': lines(
        'package com.ex.web;',
        'import org.springframework.http.HttpStatus;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestControllerAdvice',
        'public class RestErrorHandler {',
        '    @RequestMapping(produces = "application/json")',
        '    @ExceptionHandler(IllegalArgumentException.class)',
        '    @ResponseStatus(HttpStatus.BAD_REQUEST)',
        '    public String badRequest(IllegalArgumentException e) { return e.getMessage(); }',
        '}',
      ),
      'src/main/java/com/ex/web/ShopErrorController.java': lines(
        'package com.ex.web;',
        'import org.springframework.web.bind.annotation.ControllerAdvice;',
        'import org.springframework.web.bind.annotation.RequestMapping;',
        'import org.springframework.web.bind.annotation.RequestMethod;',
        '@ControllerAdvice("com.ex.web")',
        'public class ShopErrorController {',
        '    @RequestMapping(value = "/error", method = RequestMethod.GET)',
        '    public ModelAndView handleCatchAllException(Model model) { return null; }',
        '}',
      ),
      'src/main/java/com/ex/web/PingController.java': lines(
        'package com.ex.web;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class PingController {',
        '    @GetMapping("/ping")',
        '    public String ping() { return "pong"; }',
        '    @RequestMapping(produces = "application/json")',
        '    @ExceptionHandler(IllegalStateException.class)',
        '    public String conflict(IllegalStateException e) { return e.getMessage(); }',
        '}',
      ),
    });
    // (In a controller, the mapping maps, whatever else the method handles.)
    assert.deepEqual(routeRows(f), [
      ['GET', '/ping', 'src/main/java/com/ex/web/PingController.java', 4, 'spring'],
      ['ANY', '/', 'src/main/java/com/ex/web/PingController.java', 6, 'spring'],
    ]);
  });
});
