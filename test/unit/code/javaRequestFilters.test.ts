import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Java: servlet filters and Spring interceptors run before every route', function () {
  this.timeout(10_000);

  const loop = (repo: string) => ['        for (String role : request.getHeader("X-Roles").split(",")) {', `            ${repo}.findByName(role);`, '        }'];

  it('a filter that is a bean or registered with the security chain, an interceptor on the paths it is registered for (Ant patterns, less those it excludes); not a class nothing registers', async () => {
    const filter = (name: string, annotations: string[], repo: string) =>
      lines(
        'package com.acme.security;',
        '',
        'import org.springframework.web.filter.OncePerRequestFilter;',
        ...annotations,
        `public class ${name} extends OncePerRequestFilter {`,
        `    private final RoleRepository ${repo};`,
        '    @Override',
        '    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {',
        ...loop(repo), // 9-11
        '        chain.doFilter(request, response);',
        '    }',
        '}',
      );
    const interceptor = (name: string, repo: string) =>
      lines(
        'package com.acme.web;',
        '',
        'import org.springframework.web.servlet.HandlerInterceptor;',
        `public class ${name} implements HandlerInterceptor {`,
        `    private RoleRepository ${repo};`,
        '    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {',
        ...loop(repo), // 7-9
        '        return true;',
        '    }',
        '}',
      );
    const f = await joined({
      'src/main/java/com/acme/security/BeanFilter.java': filter('BeanFilter', ['@Component'], 'beanRoles'),
      'src/main/java/com/acme/security/JwtAuthenticationTokenFilter.java': filter('JwtAuthenticationTokenFilter', [], 'jwtRoles'),
      'src/main/java/com/acme/security/UnusedFilter.java': filter('UnusedFilter', [], 'unusedRoles'),
      'src/main/java/com/acme/security/SecurityConfig.java': lines(
        'package com.acme.security;',
        '@Configuration',
        'public class SecurityConfig {',
        '    @Autowired',
        '    private JwtAuthenticationTokenFilter authenticationTokenFilter;',
        '    @Bean',
        '    SecurityFilterChain chain(HttpSecurity http) throws Exception {',
        '        return http.addFilterBefore(authenticationTokenFilter, UsernamePasswordAuthenticationFilter.class).build();',
        '    }',
        '}',
      ),
      'src/main/java/com/acme/web/AuditInterceptor.java': interceptor('AuditInterceptor', 'auditRoles'),
      'src/main/java/com/acme/web/AdminInterceptor.java': interceptor('AdminInterceptor', 'adminRoles'),
      'src/main/java/com/acme/web/WebConfig.java': lines(
        'package com.acme.web;',
        '@Configuration',
        'public class WebConfig implements WebMvcConfigurer {',
        '    @Override',
        '    public void addInterceptors(InterceptorRegistry registry) {',
        '        registry.addInterceptor(new AuditInterceptor()).excludePathPatterns("/login", "/items/*/raw");',
        '        registry.addInterceptor(new AdminInterceptor()).addPathPatterns("/admin/**");',
        '    }',
        '}',
      ),
      'src/main/java/com/acme/web/ItemController.java': lines(
        'package com.acme.web;',
        '@RestController',
        '@RequestMapping("/items")',
        'public class ItemController {',
        '    @GetMapping',
        '    public List<String> list() { return List.of(); }',
        '    @GetMapping("/{id}")',
        '    public String one(@PathVariable String id) { return id; }',
        '    @GetMapping("/{id}/raw")',
        '    public String raw(@PathVariable String id) { return id; }',
        '}',
      ),
      'src/main/java/com/acme/web/AdminController.java': lines(
        'package com.acme.web;',
        '@RestController',
        'public class AdminController {',
        '    @GetMapping("/admin/stats")',
        '    public String stats() { return ""; }',
        '    @PostMapping("/login")',
        '    public String login() { return ""; }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/com/acme/security/BeanFilter.java:10:13 beanRoles.findByName [for-each sequential] → GET /items, GET /items/{id}, GET /items/{id}/raw, GET /admin/stats, POST /login',
      'query-in-loop src/main/java/com/acme/security/JwtAuthenticationTokenFilter.java:9:13 jwtRoles.findByName [for-each sequential] → GET /items, GET /items/{id}, GET /items/{id}/raw, GET /admin/stats, POST /login',
      'query-in-loop src/main/java/com/acme/security/UnusedFilter.java:9:13 unusedRoles.findByName [for-each sequential] → -',
      'query-in-loop src/main/java/com/acme/web/AdminInterceptor.java:8:13 adminRoles.findByName [for-each sequential] → GET /admin/stats',
      'query-in-loop src/main/java/com/acme/web/AuditInterceptor.java:8:13 auditRoles.findByName [for-each sequential] → GET /items, GET /items/{id}, GET /admin/stats',
    ]);
  });

  it("a filter bean its registration limits to some URLs only on those; one a @WebFilter limits, a registration commented out, a registration's paths apart from the next one's; a @Bean method returning a filter, a field through this.", async () => {
    const filter = (pkg: string, name: string, annotations: string[], repo: string) =>
      lines(
        `package com.acme.${pkg};`,
        ...annotations,
        `public class ${name} extends OncePerRequestFilter {`,
        `    private RoleRepository ${repo};`,
        '    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {',
        ...loop(repo),
        '        chain.doFilter(request, response);',
        '    }',
        '}',
      );
    const f = await joined({
      'src/main/java/com/acme/a/AdminOnlyFilter.java': filter('a', 'AdminOnlyFilter', ['@Component'], 'adminRoles'), // loop at 6
      'src/main/java/com/acme/a/WebOnlyFilter.java': filter('a', 'WebOnlyFilter', ['@Component', '@WebFilter(urlPatterns = {"/web/*"})'], 'webRoles'), // 7
      'src/main/java/com/acme/a/CommentedFilter.java': filter('a', 'CommentedFilter', [], 'commentedRoles'), // 6
      'src/main/java/com/acme/a/BeanMethodFilter.java': filter('a', 'BeanMethodFilter', [], 'beanMethodRoles'), // 6
      'src/main/java/com/acme/a/ThisFilter.java': filter('a', 'ThisFilter', [], 'thisRoles'), // 6
      'src/main/java/com/acme/a/FilterConfig.java': lines(
        'package com.acme.a;',
        '@Configuration',
        'public class FilterConfig {',
        '    private final ThisFilter jwtFilter;',
        '    @Bean',
        '    public FilterRegistrationBean<AdminOnlyFilter> adminOnly(AdminOnlyFilter filter) {',
        '        FilterRegistrationBean<AdminOnlyFilter> r = new FilterRegistrationBean<>(filter);',
        '        r.addUrlPatterns("/admin/*");',
        '        return r;',
        '    }',
        '    @Bean',
        '    public BeanMethodFilter beanMethodFilter() {',
        '        return new BeanMethodFilter();',
        '    }',
        '    SecurityFilterChain chain(HttpSecurity http) throws Exception {',
        '        // http.addFilterBefore(new CommentedFilter(), UsernamePasswordAuthenticationFilter.class);',
        '        return http.addFilterBefore(this.jwtFilter, UsernamePasswordAuthenticationFilter.class).build();',
        '    }',
        '}',
      ),
      'src/main/java/com/acme/a/ItemController.java': lines(
        'package com.acme.a;',
        '@RestController',
        'public class ItemController {',
        '    @GetMapping("/items")',
        '    public List<String> list() { return List.of(); }',
        '    @GetMapping("/admin/users")',
        '    public List<String> users() { return List.of(); }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/com/acme/a/AdminOnlyFilter.java:7:13 adminRoles.findByName [for-each sequential] → GET /admin/users',
      'query-in-loop src/main/java/com/acme/a/BeanMethodFilter.java:6:13 beanMethodRoles.findByName [for-each sequential] → GET /items, GET /admin/users',
      'query-in-loop src/main/java/com/acme/a/CommentedFilter.java:6:13 commentedRoles.findByName [for-each sequential] → -',
      'query-in-loop src/main/java/com/acme/a/ThisFilter.java:6:13 thisRoles.findByName [for-each sequential] → GET /items, GET /admin/users',
      'query-in-loop src/main/java/com/acme/a/WebOnlyFilter.java:8:13 webRoles.findByName [for-each sequential] → -',
    ]);
  });
});
