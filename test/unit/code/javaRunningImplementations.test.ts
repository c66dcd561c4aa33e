import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * MaxKey's ApprovalStore: the controller calls the interface, a `@Bean` method makes TokenApprovalStore, and
 * JdbcApprovalStore, kept from the library the code was ported from, is never made nor a bean: its loop of updates is
 * on no route.
 */
describe("Java: an interface's implementations that never run", () => {
  const dir = 'src/main/java/com/ex';
  const store = lines('package com.ex;', '', 'import java.util.Collection;', '', 'public interface ApprovalStore {', '  boolean revokeApprovals(Collection<String> scopes);', '}');
  // (One line above the class, its comment or its annotations: the loop's query is at line 17.)
  const jdbc = (above = '/** Kept from the library this code was ported from: never constructed, never a bean. */') =>
    lines(
      'package com.ex;',
      '',
      'import java.util.Collection;',
      'import org.springframework.jdbc.core.JdbcTemplate;',
      '',
      above,
      'public class JdbcApprovalStore implements ApprovalStore {',
      '  private final JdbcTemplate jdbcTemplate;',
      '',
      '  public JdbcApprovalStore(JdbcTemplate jdbcTemplate) {',
      '    this.jdbcTemplate = jdbcTemplate;',
      '  }',
      '',
      '  @Override',
      '  public boolean revokeApprovals(Collection<String> scopes) {',
      '    for (String scope : scopes) {',
      '      jdbcTemplate.update("delete from approvals where scope = ?", scope);',
      '    }',
      '    return true;',
      '  }',
      '}',
    );
  const token = (...annotations: string[]) =>
    lines(
      'package com.ex;',
      '',
      'import java.util.Collection;',
      'import java.util.Map;',
      'import java.util.concurrent.ConcurrentHashMap;',
      '',
      ...annotations,
      'public class TokenApprovalStore implements ApprovalStore {',
      '  private final Map<String, String> tokens = new ConcurrentHashMap<>();',
      '',
      '  @Override',
      '  public boolean revokeApprovals(Collection<String> scopes) {',
      '    scopes.forEach(tokens::remove);',
      '    return true;',
      '  }',
      '}',
    );
  const config = (body: string[]) =>
    lines('package com.ex;', '', 'import org.springframework.context.annotation.Bean;', 'import org.springframework.context.annotation.Configuration;', '', '@Configuration', 'public class OAuthConfig {', ...body, '}');
  // As MaxKey's Oauth20AutoConfiguration says it: a name, the made object set up before it is returned.
  const beanMethod = config(['  @Bean(name = "oauth20ApprovalStore")', '  TokenApprovalStore tokenApprovalStore() {', '    TokenApprovalStore store = new TokenApprovalStore();', '    return store;', '  }']);
  const controller = lines(
    'package com.ex;',
    '',
    'import java.util.List;',
    'import org.springframework.web.bind.annotation.PostMapping;',
    'import org.springframework.web.bind.annotation.RequestBody;',
    'import org.springframework.web.bind.annotation.RestController;',
    '',
    '@RestController',
    'public class RevokeController {',
    '  private final ApprovalStore approvalStore;',
    '',
    '  public RevokeController(ApprovalStore approvalStore) {',
    '    this.approvalStore = approvalStore;',
    '  }',
    '',
    '  @PostMapping("/oauth/revoke")',
    '  public boolean revoke(@RequestBody List<String> scopes) {',
    '    return approvalStore.revokeApprovals(scopes);',
    '  }',
    '}',
  );
  const workspace = (files: Record<string, string>) =>
    joined({
      [`${dir}/ApprovalStore.java`]: store,
      [`${dir}/RevokeController.java`]: controller,
      [`${dir}/JdbcApprovalStore.java`]: jdbc(),
      [`${dir}/TokenApprovalStore.java`]: token(),
      ...Object.fromEntries(Object.entries(files).map(([f, t]) => [`${dir}/${f}`, t])),
    });
  const onRoute = `query-in-loop ${dir}/JdbcApprovalStore.java:17:7 jdbcTemplate.update [for-each sequential] → POST /oauth/revoke`;
  const onNone = `query-in-loop ${dir}/JdbcApprovalStore.java:17:7 jdbcTemplate.update [for-each sequential] → -`;

  it('dispatches to the one a @Bean method makes, not to one never made nor annotated', async () => {
    assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': beanMethod })), [onNone]);
    // The @Bean method's declared type alone (a factory makes it), or the interface returning a `new` one.
    const declared = config(['  @Bean', '  @Primary', '  public TokenApprovalStore approvalStore(TokenFactory f) {', '    return f.make();', '  }']);
    assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': declared })), [onNone]);
    const returned = config(['  @Bean', '  ApprovalStore approvalStore() {', '    return new TokenApprovalStore();', '  }']);
    assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': returned })), [onNone]);
    // A stereotype on the other one (and Lombok's annotations, which make no bean, on this one).
    assert.deepEqual(hazardRows(await workspace({ 'TokenApprovalStore.java': token('@Service'), 'JdbcApprovalStore.java': jdbc('@Slf4j @Deprecated') })), [onNone]);
  });

  it('keeps every implementation that may run, and all of them when none is known to', async () => {
    // Nothing says which one runs: both, as before.
    assert.deepEqual(hazardRows(await workspace({})), [onRoute]);
    // Both beans; this one a bean by a stereotype of the project's own, or Lombok's builder making it.
    assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': beanMethod, 'JdbcApprovalStore.java': jdbc('@Repository') })), [onRoute]);
    assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': beanMethod, 'JdbcApprovalStore.java': jdbc('@ApprovalBackend') })), [onRoute]);
    // Made elsewhere (`new`, a method reference), or through a subclass that is a bean, or imported by a configuration.
    const made = (expr: string) => lines('package com.ex;', '', 'public class Stores {', `  static Object make(JdbcTemplate t) { return ${expr}; }`, '}');
    for (const expr of ['new JdbcApprovalStore(t)', 'new com.ex.JdbcApprovalStore(t)', 'Optional.of(t).map(JdbcApprovalStore::new)']) {
      assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': beanMethod, 'Stores.java': made(expr) })), [onRoute], expr);
    }
    const cached = lines('package com.ex;', '', '@Component', 'public class CachedApprovalStore extends JdbcApprovalStore {', '  public CachedApprovalStore() { super(null); }', '}');
    assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': beanMethod, 'CachedApprovalStore.java': cached })), [onRoute]);
    const imported = lines('package com.ex;', '', '@Configuration', '@Import({JdbcApprovalStore.class})', 'public class JdbcConfig {}');
    assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': beanMethod, 'JdbcConfig.java': imported })), [onRoute]);
    // Named for the interface (`ApprovalStoreImpl`), never made: dropped as well.
    const impl = lines('package com.ex;', '', 'public class ApprovalStoreImpl implements ApprovalStore {', '  public boolean revokeApprovals(java.util.Collection<String> s) {', '    for (String x : s) { jdbcTemplate.update("x", x); }', '    return true;', '  }', '}');
    assert.deepEqual(hazardRows(await workspace({ 'OAuthConfig.java': beanMethod, 'ApprovalStoreImpl.java': impl })), [
      `query-in-loop ${dir}/ApprovalStoreImpl.java:5:26 jdbcTemplate.update [for-each sequential] → -`,
      onNone,
    ]);
  });

  it('lands again on an implementation once an edit elsewhere makes it', async () => {
    const index = new CodeIndex(grammars);
    const files: Record<string, string> = {
      [`${dir}/ApprovalStore.java`]: store,
      [`${dir}/RevokeController.java`]: controller,
      [`${dir}/JdbcApprovalStore.java`]: jdbc(),
      [`${dir}/TokenApprovalStore.java`]: token(),
      [`${dir}/OAuthConfig.java`]: beanMethod,
      [`${dir}/Stores.java`]: lines('package com.ex;', '', 'public class Stores {', '  static Object make(JdbcTemplate t) { return t; }', '}'),
    };
    for (const [file, text] of Object.entries(files)) await index.ingest(file, text);
    const rows = () => hazardRows(new Map(index.link().map((a) => [a.file, a])));
    assert.deepEqual(rows(), [onNone]);
    await index.ingest(`${dir}/Stores.java`, lines('package com.ex;', '', 'public class Stores {', '  static Object make(JdbcTemplate t) { return new JdbcApprovalStore(t); }', '}'));
    assert.deepEqual(rows(), [onRoute]);
  });
});
