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

  it("is reported only on a URL the function builds: not an SPI loop's class-path resources, a parameter, nor ResourceUtils' (nacos's Log4J2NacosLoggingAdapter)", async () => {
    const f = await joined({
      'server/src/main/java/cn/keking/web/controller/OnlinePreviewController.java': controller(
        ['import java.net.URL;', 'import java.util.*;'],
        '    @GetMapping("/plugins")',
        '    public void plugins() throws Exception {',
        '        Enumeration<URL> urls = Thread.currentThread().getContextClassLoader().getResources("META-INF/plugins.properties");',
        '        while (urls.hasMoreElements()) {',
        '            URL url = urls.nextElement();',
        '            try (InputStream in = url.openStream()) { new Properties().load(in); }',
        '        }',
        '    }',
        '    @GetMapping("/spring")',
        '    public void spring() throws Exception {',
        '        URL url = org.springframework.util.ResourceUtils.getURL("classpath:app.properties");',
        '        url.openStream().close();',
        '        load(ResourceUtils.getResourceUrl("classpath:log4j2.xml"));',
        '    }',
        '    private void load(URL url) throws IOException {',
        '        url.openStream().close();',
        '    }',
        '    @GetMapping("/remote")',
        '    public void remote(String host) throws Exception {',
        '        URL url = new URL("http://" + host + "/config");',
        '        url.openStream().close();', // 27
        '        URL configUrl = URI.create(host).toURL();',
        '        configUrl.openStream().close();', // 29
        '    }',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout server/src/main/java/cn/keking/web/controller/OnlinePreviewController.java:27:9 url.openStream → GET /remote',
      'missing-timeout server/src/main/java/cn/keking/web/controller/OnlinePreviewController.java:29:9 configUrl.openStream → GET /remote',
    ]);
  });

  it('reads a name alone in parentheses as that name', () => {
    assert.deepEqual(calleeChain('(url).openStream'), ['url', 'openStream']);
    assert.deepEqual(calleeChain('(this.client).get'), ['this', 'client', 'get']);
    assert.equal(calleeChain('(a + b).length'), undefined);
  });
});
