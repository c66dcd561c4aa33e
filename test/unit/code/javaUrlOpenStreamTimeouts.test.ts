import { strict as assert } from 'node:assert';
import { calleeChain } from '../../../src/core/code/syntax';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * `URL.openStream()` connects and reads with no timeout, and takes none: kkFileView's `inputStream =
 * (url).openStream()` on GET /getCorsFile, its URL made by a helper of the project. Not a classpath resource's URL.
 */
describe('Java: URL.openStream() without a timeout', () => {
  const controller = (imports: string[], ...body: string[]) =>
    lines(
      'package cn.keking.web.controller;',
      ...imports,
      'import java.io.InputStream;',
      '@Controller',
      'public class OnlinePreviewController {',
      ...body,
      '}',
    );

  it("is reported on a URL's holder in a file that uses java.net.URL, also in parentheses", async () => {
    const f = await joined({
      'server/src/main/java/cn/keking/web/controller/OnlinePreviewController.java': controller(
        ['import java.net.URL;'],
        '    @GetMapping("/getCorsFile")',
        '    public void getCorsFile(String urlPath, HttpServletResponse response) throws IOException {',
        '        URL url = WebUtils.normalizedURL(urlPath);',
        '        InputStream inputStream = (url).openStream();', // 9
        '        IOUtils.copy(inputStream, response.getOutputStream());',
        '    }',
        '    @GetMapping("/picture")',
        '    public void picture(String urlPath) throws IOException {',
        '        URL pictureUrl = WebUtils.normalizedURL(urlPath);',
        '        pictureUrl.openStream().close();', // 15
        '    }',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout server/src/main/java/cn/keking/web/controller/OnlinePreviewController.java:15:9 pictureUrl.openStream → GET /picture',
      'missing-timeout server/src/main/java/cn/keking/web/controller/OnlinePreviewController.java:9:35 url.openStream → GET /getCorsFile',
    ]);
  });

  it("is not reported on a resource's URL (powerjob's PropertyUtils), in a file that does not use java.net's, nor where the JVM's default timeout is set", async () => {
    const f = await joined({
      'server/src/main/java/cn/keking/web/controller/OnlinePreviewController.java': controller(
        ['import java.net.URL;'],
        '    @GetMapping("/template")',
        '    public void template() throws IOException {',
        '        URL resourceUrl = getClass().getResource("/template.html");',
        '        resourceUrl.openStream().close();',
        '    }',
        '    @GetMapping("/properties")',
        '    public void properties() throws IOException {',
        '        URL propertiesURL = PropertyUtils.class.getClassLoader().getResource("application.properties");',
        '        try (InputStream is = propertiesURL.openStream()) { PROPERTIES.load(is); }',
        '    }',
      ),
      'server/src/main/java/cn/keking/web/controller/OtherController.java': lines(
        'package cn.keking.web.controller;',
        '@Controller',
        'public class OtherController {',
        '    @GetMapping("/other")',
        '    public void other() throws IOException { this.url.openStream().close(); }',
        '}',
      ),
      'server/src/main/java/cn/keking/web/controller/DefaultedController.java': lines(
        'package cn.keking.web.controller;',
        'import java.net.URL;',
        '@Controller',
        'public class DefaultedController {',
        '    static { System.setProperty("sun.net.client.defaultReadTimeout", "10000"); }',
        '    @GetMapping("/defaulted")',
        '    public void defaulted(String u) throws IOException { new URL(u); URL url = new URL(u); url.openStream().close(); }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it("is not reported when another file of the service sets the JVM's default read timeout", async () => {
    const controller = lines(
      'package cn.keking.web.controller;',
      'import java.net.URL;',
      '@Controller',
      'public class C {',
      '    @GetMapping("/c")',
      '    public void c(String u) throws IOException { URL url = new URL(u); url.openStream().close(); }',
      '}',
    );
    const app = lines(
      'package cn.keking;',
      'public class ServerMain {',
      '    public static void main(String[] args) {',
      '        System.setProperty("sun.net.client.defaultReadTimeout", "10000");',
      '    }',
      '}',
    );
    const alone = await joined({ 'server/src/main/java/cn/keking/web/controller/C.java': controller });
    assert.deepEqual(hazardRows(alone), ['missing-timeout server/src/main/java/cn/keking/web/controller/C.java:6:72 url.openStream → GET /c']);
    const withDefault = await joined({ 'server/src/main/java/cn/keking/web/controller/C.java': controller, 'server/src/main/java/cn/keking/ServerMain.java': app });
    assert.deepEqual(hazardRows(withDefault), []);
  });

  it('reads a name alone in parentheses as that name', () => {
    assert.deepEqual(calleeChain('(url).openStream'), ['url', 'openStream']);
    assert.deepEqual(calleeChain('(this.client).get'), ['this', 'client', 'get']);
    assert.equal(calleeChain('(a + b).length'), undefined);
  });
});
