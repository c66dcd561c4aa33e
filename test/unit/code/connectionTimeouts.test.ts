import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("java.net's URL.openConnection(): a timeout belongs to each connection", () => {
  it("a connection the method keeps and never gives a timeout is reported, whatever the file's other connections set (lilishop's HttpUtils.doPostWithJson); one handed to a helper or returned is judged by the file", async () => {
    const f = await joined({
      'src/main/java/demo/HttpUtils.java': lines(
        'package demo;',
        'import java.net.HttpURLConnection;',
        'import java.net.URL;',
        'public class HttpUtils {',
        '    public static String doPostWithJson(String reqUrl) throws Exception {', // 5: none
        '        URL url = new URL(reqUrl);',
        '        HttpURLConnection connection = (HttpURLConnection) url.openConnection();',
        '        connection.setRequestMethod("POST");',
        '        connection.connect();',
        '        return read(connection.getInputStream());',
        '    }',
        '    public static String doGet(String link, int connectTimeout, int readTimeout) throws Exception {', // 12: its own
        '        URL url = new URL(link);',
        '        HttpURLConnection conn = (HttpURLConnection) url.openConnection();',
        '        conn.setConnectTimeout(connectTimeout);',
        '        conn.setReadTimeout(readTimeout);',
        '        return read(conn.getInputStream());',
        '    }',
        '    public static String cast(String link) throws Exception {', // 19: set through a cast
        '        URLConnection c = new URL(link).openConnection();',
        '        ((HttpURLConnection) c).setReadTimeout(3000);',
        '        return read(c.getInputStream());',
        '    }',
        '    public static String configured(String link) throws Exception {', // 24: handed to a helper that may set it
        '        HttpURLConnection c = (HttpURLConnection) new URL(link).openConnection();',
        '        prepare(c);',
        '        return read(c.getInputStream());',
        '    }',
        '    public static HttpURLConnection open(String link) throws Exception {', // 29: returned, its caller's
        '        return (HttpURLConnection) new URL(link).openConnection();',
        '    }',
        '    public static String chained(String link) throws Exception {', // 32: read at once, no place to set one
        '        return read(new URL(link).openConnection().getInputStream());',
        '    }',
        '    public static int reopened(String link, String other) throws Exception {', // 35: another connection in the same name
        '        HttpURLConnection c = (HttpURLConnection) new URL(link).openConnection();',
        '        c.getResponseCode();',
        '        c = (HttpURLConnection) new URL(other).openConnection();',
        '        c.setConnectTimeout(1000);',
        '        c.setReadTimeout(1000);',
        '        return c.getResponseCode();',
        '    }',
        '}',
      ),
      // The file-wide rule still holds for a connection handed on, where no method of the file sets one.
      'src/main/java/demo/Plain.java': lines(
        'package demo;',
        'import java.net.HttpURLConnection;',
        'import java.net.URL;',
        'public class Plain {',
        '    public static String get(String link) throws Exception {',
        '        HttpURLConnection c = (HttpURLConnection) new URL(link).openConnection();',
        '        prepare(c);',
        '        return read(c.getInputStream());',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/main/java/demo/HttpUtils.java:33:21 URL.openConnection → -',
      'missing-timeout src/main/java/demo/HttpUtils.java:36:51 URL.openConnection → -',
      'missing-timeout src/main/java/demo/HttpUtils.java:7:60 url.openConnection → -',
      'missing-timeout src/main/java/demo/Plain.java:6:51 URL.openConnection → -',
    ]);
  });
});
