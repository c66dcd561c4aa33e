import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('NestJS: guards, interceptors, pipes and middleware run before a route’s handler', function () {
  this.timeout(10_000);

  it("the app's (APP_GUARD, also imported through a path alias, useGlobalInterceptors, middleware for '*'), a controller's (decorator, middleware for it) and the handler's own; not Passport's AuthGuard('jwt') mixin", async () => {
    const call = (url: string) => `    await fetch('${url}');`;
    const f = await joined({
      'src/db.ts': lines("import { Pool } from 'pg';", 'export const pool = new Pool();'),
      'src/app.module.ts': lines(
        "import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';",
        "import { APP_GUARD } from '@nestjs/core';",
        "import { PoliciesGuard } from '@acme/backend/policies.guard'; // a monorepo's path alias",
        "import { LoggerMiddleware } from './logger.middleware';",
        "import { AuditMiddleware } from './audit.middleware';",
        "import { UsersController } from './users.controller';",
        "import { AdminController } from './admin.controller';",
        '',
        '@Module({',
        '  controllers: [UsersController, AdminController],',
        '  providers: [{ provide: APP_GUARD, useClass: PoliciesGuard }],',
        '})',
        'export class AppModule implements NestModule {',
        '  configure(consumer: MiddlewareConsumer) {',
        "    consumer.apply(LoggerMiddleware).forRoutes('*');",
        '    consumer.apply(AuditMiddleware).forRoutes(AdminController);',
        '  }',
        '}',
      ),
      'src/main.ts': lines(
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        "import { TimingInterceptor } from './timing.interceptor';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.useGlobalInterceptors(new TimingInterceptor());',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ),
      'src/policies.guard.ts': lines(
        "import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';",
        "import { pool } from './db';",
        '@Injectable()',
        'export class PoliciesGuard implements CanActivate {',
        '  async canActivate(context: ExecutionContext): Promise<boolean> {',
        '    const roles: string[] = context.switchToHttp().getRequest().user?.roles ?? [];',
        "    for (const role of roles) await pool.query('SELECT 1 FROM grants WHERE role = $1', [role]);", // 7
        '    return true;',
        '  }',
        '}',
      ),
      'src/logger.middleware.ts': lines('export class LoggerMiddleware {', '  async use(req, res, next) {', call('http://log/line'), '    next();', '  }', '}'), // 3
      'src/audit.middleware.ts': lines('export class AuditMiddleware {', '  async use(req, res, next) {', call('http://audit/seen'), '    next();', '  }', '}'), // 3
      'src/timing.interceptor.ts': lines('export class TimingInterceptor {', '  async intercept(context, next) {', call('http://timing/start'), '    return next.handle();', '  }', '}'), // 3
      'src/cache.interceptor.ts': lines('export class CacheInterceptor {', '  async intercept(context, next) {', call('http://cache/get'), '    return next.handle();', '  }', '}'), // 3
      'src/jwt.guard.ts': lines('export class JwtGuard {', '  async canActivate(context) {', call('http://auth/verify'), '    return true;', '  }', '}'), // 3
      'src/users.controller.ts': lines(
        "import { Controller, Get, UseGuards, UseInterceptors } from '@nestjs/common';",
        "import { JwtGuard } from './jwt.guard';",
        "import { CacheInterceptor } from './cache.interceptor';",
        "@Controller('users')",
        '@UseGuards(JwtGuard)',
        'export class UsersController {',
        '  @Get()',
        '  list() {',
        '    return [];',
        '  }',
        "  @Get(':id')",
        '  @UseInterceptors(CacheInterceptor)',
        '  one() {',
        '    return {};',
        '  }',
        '}',
      ),
      'src/admin.controller.ts': lines(
        "import { Controller, Get, UseGuards } from '@nestjs/common';",
        "import { AuthGuard } from '@nestjs/passport';",
        "@Controller('admin')",
        'export class AdminController {',
        "  @Get('stats')",
        "  @UseGuards(AuthGuard('jwt'))",
        '  stats() {',
        '    return {};',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => !r.startsWith('missing-timeout')),
      ['query-in-loop src/policies.guard.ts:7:37 pool.query [for…of sequential] → GET /users, GET /users/:id, GET /admin/stats'],
    );
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('missing-timeout')),
      [
        'missing-timeout src/audit.middleware.ts:3:11 fetch → GET /admin/stats',
        'missing-timeout src/cache.interceptor.ts:3:11 fetch → GET /users/:id',
        'missing-timeout src/jwt.guard.ts:3:11 fetch → GET /users, GET /users/:id',
        'missing-timeout src/logger.middleware.ts:3:11 fetch → GET /users, GET /users/:id, GET /admin/stats',
        'missing-timeout src/timing.interceptor.ts:3:11 fetch → GET /users, GET /users/:id, GET /admin/stats',
      ],
    );
  });

  it("not code commented out, another apply()'s routes, a package's guard of a local class's name, nor a guard's constructor arguments", async () => {
    const call = (url: string) => `    await fetch('${url}');`;
    const f = await joined({
      'src/app.module.ts': lines(
        "import { MiddlewareConsumer, Module } from '@nestjs/common';",
        "import { APP_GUARD } from '@nestjs/core';",
        "import { ThrottlerGuard } from '@nestjs/throttler';",
        "import { OldGuard } from './old.guard';",
        "import { AMiddleware, BMiddleware } from './middlewares';",
        "import { UsersController } from './users.controller';",
        '@Module({',
        '  controllers: [UsersController],',
        '  providers: [',
        '    { provide: APP_GUARD, useClass: ThrottlerGuard },',
        '    // { provide: APP_GUARD, useClass: OldGuard },',
        '  ],',
        '})',
        'export class AppModule {',
        '  configure(consumer: MiddlewareConsumer) {',
        "    consumer.apply(AMiddleware).forRoutes(UsersController).apply(BMiddleware).forRoutes('*');",
        '  }',
        '}',
      ),
      'src/throttler.guard.ts': lines('export class ThrottlerGuard {', '  async canActivate() {', call('http://local-throttle/check'), '    return true;', '  }', '}'), // 3: not the package's
      'src/old.guard.ts': lines('export class OldGuard {', '  async canActivate() {', call('http://old/check'), '    return true;', '  }', '}'), // 3
      'src/middlewares.ts': lines(
        'export class AMiddleware {',
        '  async use(req, res, next) {',
        call('http://a/seen'), // 3
        '    next();',
        '  }',
        '}',
        'export class BMiddleware {',
        '  async use(req, res, next) {',
        call('http://b/seen'), // 9
        '    next();',
        '  }',
        '}',
        'export class Audit {',
        '  async transform(value) {',
        call('http://audit/transform'), // 15: a constructor argument, not a pipe
        '    return value;',
        '  }',
        '}',
      ),
      'src/roles.guard.ts': lines('export class RolesGuard {', '  constructor(role: string, audit: unknown) {}', '  async canActivate() {', call('http://roles/check'), '    return true;', '  }', '}'), // 4
      'src/users.controller.ts': lines(
        "import { Controller, Get, UseGuards } from '@nestjs/common';",
        "import { RolesGuard } from './roles.guard';",
        "import { Audit } from './middlewares';",
        "@Controller('users')",
        'export class UsersController {',
        '  @Get()',
        "  @UseGuards(new RolesGuard('admin', Audit))",
        '  list() {',
        '    return [];',
        '  }',
        '}',
        "@Controller('other')",
        'export class OtherController {',
        "  @Get('x')",
        '  x() {',
        '    return [];',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/middlewares.ts:15:11 fetch → -',
      'missing-timeout src/middlewares.ts:3:11 fetch → GET /users',
      'missing-timeout src/middlewares.ts:9:11 fetch → GET /users, GET /other/x',
      'missing-timeout src/old.guard.ts:3:11 fetch → -',
      'missing-timeout src/roles.guard.ts:4:11 fetch → GET /users',
      'missing-timeout src/throttler.guard.ts:3:11 fetch → -',
    ]);
  });

  it("what a guard inherits from the project's base class; an APP_GUARD given with useExisting or made by useFactory, the app's instance in useGlobalGuards(app.get(…))", async () => {
    const call = (url: string) => `    await fetch('${url}');`;
    const f = await joined({
      'src/base.guard.ts': lines('export class BaseGuard {', '  async canActivate(context) {', call('http://base/check'), '    return true;', '  }', '}'), // 3
      'src/admin.guard.ts': lines("import { BaseGuard } from './base.guard';", 'export class AdminGuard extends BaseGuard {}'),
      'src/existing.guard.ts': lines('export class ExistingGuard {', '  async canActivate() {', call('http://existing/check'), '    return true;', '  }', '}'), // 3
      'src/instance.guard.ts': lines('export class InstanceGuard {', '  async canActivate() {', call('http://instance/check'), '    return true;', '  }', '}'), // 3
      'src/made.guard.ts': lines('export class MadeGuard {', '  constructor(private readonly flags: unknown) {}', '  async canActivate() {', call('http://made/check'), '    return true;', '  }', '}'), // 4
      'src/app.module.ts': lines(
        "import { Module } from '@nestjs/common';",
        "import { APP_GUARD } from '@nestjs/core';",
        "import { ExistingGuard } from './existing.guard';",
        "import { ItemsController } from './items.controller';",
        "import { MadeGuard } from './made.guard';",
        '@Module({',
        '  controllers: [ItemsController],',
        '  providers: [',
        '    ExistingGuard,',
        '    { provide: APP_GUARD, useExisting: ExistingGuard },',
        '    {',
        '      provide: APP_GUARD,',
        '      useFactory: (flags: unknown) => {',
        '        return new MadeGuard(flags);',
        '      },',
        "      inject: ['FLAGS'],",
        '    },',
        '  ],',
        '})',
        'export class AppModule {}',
      ),
      'src/main.ts': lines(
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        "import { InstanceGuard } from './instance.guard';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.useGlobalGuards(app.get(InstanceGuard));',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ),
      'src/items.controller.ts': lines(
        "import { Controller, Get, UseGuards } from '@nestjs/common';",
        "import { AdminGuard } from './admin.guard';",
        "@Controller('items')",
        'export class ItemsController {',
        "  @Get('admin')",
        '  @UseGuards(AdminGuard)',
        '  admin() {',
        '    return [];',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/base.guard.ts:3:11 fetch → GET /items/admin',
      'missing-timeout src/existing.guard.ts:3:11 fetch → GET /items/admin',
      'missing-timeout src/instance.guard.ts:3:11 fetch → GET /items/admin',
      'missing-timeout src/made.guard.ts:4:11 fetch → GET /items/admin',
    ]);
  });

  it("Passport's AuthGuard('jwt'), also a project's guard made of it: the strategy's validate, named or by its package's default", async () => {
    const f = await joined({
      'src/db.ts': lines("import { Pool } from 'pg';", 'export const pool = new Pool();'),
      'src/jwt.strategy.ts': lines(
        "import { Injectable } from '@nestjs/common';",
        "import { PassportStrategy } from '@nestjs/passport';",
        "import { ExtractJwt, Strategy } from 'passport-jwt';",
        "import { pool } from './db';",
        '@Injectable()',
        'export class JwtStrategy extends PassportStrategy(Strategy) {',
        '  async validate(payload: { sub: string; roles: string[] }) {',
        "    for (const r of payload.roles) await pool.query('SELECT 1 FROM roles WHERE id = $1', [r]);", // 8
        '    return payload;',
        '  }',
        '}',
      ),
      'src/api-key.strategy.ts': lines(
        "import { PassportStrategy } from '@nestjs/passport';",
        "import { HeaderAPIKeyStrategy } from 'passport-headerapikey';",
        "export class ApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'api-key') {",
        '  async validate(key: string) {',
        "    await fetch('http://keys/' + key);", // 5
        '  }',
        '}',
      ),
      'src/jwt-auth.guard.ts': lines("import { AuthGuard } from '@nestjs/passport';", "export class JwtAuthGuard extends AuthGuard('jwt') {}"),
      'src/items.controller.ts': lines(
        "import { Controller, Get, UseGuards } from '@nestjs/common';",
        "import { AuthGuard } from '@nestjs/passport';",
        "import { JwtAuthGuard } from './jwt-auth.guard';",
        "@Controller('items')",
        'export class ItemsController {',
        '  @Get()',
        '  @UseGuards(JwtAuthGuard)',
        '  list() {',
        '    return [];',
        '  }',
        "  @Get('export')",
        "  @UseGuards(AuthGuard('api-key'))",
        '  export() {',
        '    return [];',
        '  }',
        "  @Get('open')",
        '  open() {',
        '    return [];',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/api-key.strategy.ts:5:11 fetch → GET /items/export',
      'query-in-loop src/jwt.strategy.ts:8:42 pool.query [for…of sequential] → GET /items',
    ]);
  });

  it("a guard's work past its metadata gate: only on routes with the key set (@CheckPolicies, @SetMetadata, createDecorator), or without it (@Public on the handler or controller); a key no decorator of the service sets is not judged", async () => {
    const f = await joined({
      'src/db.ts': lines("import { Pool } from 'pg';", 'export const pool = new Pool();'),
      'src/app.module.ts': lines(
        "import { Module } from '@nestjs/common';",
        "import { APP_GUARD } from '@nestjs/core';",
        "import { PoliciesGuard } from './policies.guard';",
        "import { JwtAuthGuard } from './jwt-auth.guard';",
        "import { RolesGuard } from './roles.guard';",
        "import { TierGuard } from './tier.guard';",
        "import { QuotaGuard } from './quota.guard';",
        '@Module({',
        '  providers: [',
        '    { provide: APP_GUARD, useClass: JwtAuthGuard },',
        '    { provide: APP_GUARD, useClass: PoliciesGuard },',
        '    { provide: APP_GUARD, useClass: RolesGuard },',
        '    { provide: APP_GUARD, useClass: TierGuard },',
        '    { provide: APP_GUARD, useClass: QuotaGuard },',
        '  ],',
        '})',
        'export class AppModule {}',
      ),
      'src/decorators.ts': lines(
        "import { SetMetadata, applyDecorators } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        "export const IS_PUBLIC_KEY = 'isPublic';",
        "export const CHECK_POLICIES_KEY = 'check_policy';",
        'export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);',
        'export function CheckPolicies(...handlers: string[]) {',
        '  return applyDecorators(SetMetadata(CHECK_POLICIES_KEY, handlers));',
        '}',
        'export const Plan = Reflector.createDecorator<string>();',
      ),
      'src/policies.guard.ts': lines(
        "import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        "import { CHECK_POLICIES_KEY } from './decorators';",
        "import { pool } from './db';",
        '@Injectable()',
        'export class PoliciesGuard implements CanActivate {',
        '  constructor(private _reflector: Reflector) {}',
        '  async canActivate(context: ExecutionContext): Promise<boolean> {',
        '    const policies = this._reflector.get<string[]>(CHECK_POLICIES_KEY, context.getHandler()) || [];',
        '    // if (policies) return true;',
        '    if (!policies || !policies.length) {',
        '      return true;',
        '    }',
        "    for (const p of policies) await pool.query('SELECT 1 FROM policies WHERE name = $1', [p]);", // 14
        '    return true;',
        '  }',
        '}',
      ),
      'src/roles.guard.ts': lines(
        "import { CanActivate, ExecutionContext } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        "import { pool } from './db';",
        'export class RolesGuard implements CanActivate {',
        '  constructor(private readonly reflector: Reflector) {}',
        '  async canActivate(context: ExecutionContext) {',
        "    const roles = this.reflector.getAllAndOverride<(number | string)[] | undefined>('roles', [context.getClass(), context.getHandler()]);",
        '    if (!roles?.length) return true;',
        "    for (const r of roles) await pool.query('SELECT 1 FROM roles WHERE id = $1', [r]);", // 9
        '    return true;',
        '  }',
        '}',
      ),
      'src/tier.guard.ts': lines(
        "import { CanActivate, ExecutionContext } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        "import { Plan } from './decorators';",
        'export class TierGuard implements CanActivate {',
        '  constructor(private readonly reflector: Reflector) {}',
        '  async canActivate(context: ExecutionContext) {',
        '    const plan = this.reflector.get(Plan, context.getHandler());',
        '    if (!plan) return true;',
        "    await fetch('http://billing/plans/' + plan);", // 9
        '    return true;',
        '  }',
        '}',
      ),
      'src/quota.guard.ts': lines(
        "import { CanActivate, ExecutionContext } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        'export class QuotaGuard implements CanActivate {',
        '  constructor(private readonly reflector: Reflector) {}',
        '  async canActivate(context: ExecutionContext) {',
        "    const limit = this.reflector.get('throttler:limit', context.getHandler());",
        '    if (!limit) return true;',
        "    await fetch('http://limits/' + limit);", // 8
        '    return true;',
        '  }',
        '}',
      ),
      'src/jwt-auth.guard.ts': lines(
        "import { ExecutionContext, Injectable } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        "import { AuthGuard } from '@nestjs/passport';",
        "import { IS_PUBLIC_KEY } from './decorators';",
        '@Injectable()',
        "export class JwtAuthGuard extends AuthGuard('jwt') {",
        '  constructor(private reflector: Reflector) {',
        '    super();',
        '  }',
        '  canActivate(context: ExecutionContext) {',
        '    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);',
        '    if (isPublic) {',
        '      return true;',
        '    }',
        '    return super.canActivate(context);',
        '  }',
        '}',
      ),
      'src/jwt.strategy.ts': lines(
        "import { PassportStrategy } from '@nestjs/passport';",
        "import { Strategy } from 'passport-jwt';",
        "import { pool } from './db';",
        'export class JwtStrategy extends PassportStrategy(Strategy) {',
        '  async validate(payload: { groups: string[] }) {',
        "    for (const g of payload.groups) await pool.query('SELECT 1 FROM groups WHERE id = $1', [g]);", // 6
        '    return payload;',
        '  }',
        '}',
      ),
      'src/items.controller.ts': lines(
        "import { Controller, Get, Post, SetMetadata } from '@nestjs/common';",
        "import { CheckPolicies, Plan, Public } from './decorators';",
        "@Controller('items')",
        "@CheckPolicies('items')",
        'export class ItemsController {',
        '  @Get()',
        '  list() {',
        '    return [];',
        '  }',
        '  @Post()',
        "  @CheckPolicies('write')",
        "  @SetMetadata('roles', ['admin'])",
        '  create() {',
        '    return {};',
        '  }',
        "  @Get('health')",
        '  @Public()',
        "  @Plan('pro')",
        '  health() {',
        '    return {};',
        '  }',
        '}',
      ),
      'src/docs.controller.ts': lines(
        "import { Controller, Get } from '@nestjs/common';",
        "import { Public } from './decorators';",
        '@Public()',
        "@Controller('docs')",
        'export class DocsController {',
        '  @Get()',
        '  read() {',
        '    return [];',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => !r.startsWith('missing-timeout')),
      [
        'query-in-loop src/jwt.strategy.ts:6:43 pool.query [for…of sequential] → GET /items, POST /items',
        'query-in-loop src/policies.guard.ts:14:37 pool.query [for…of sequential] → POST /items',
        'query-in-loop src/roles.guard.ts:9:34 pool.query [for…of sequential] → POST /items',
      ],
    );
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('missing-timeout')), [
      'missing-timeout src/quota.guard.ts:8:11 fetch → GET /items, POST /items, GET /items/health, GET /docs',
      'missing-timeout src/tier.guard.ts:9:11 fetch → GET /items/health',
    ]);
  });

  it("middleware a module applies to the controllers of a list it keeps (forRoutes(...authenticated)), or to Nest 11's named wildcard ('*wildcard')", async () => {
    const call = (url: string) => `    await fetch('${url}');`;
    const f = await joined({
      'src/app.module.ts': lines(
        "import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';",
        "import { AuthMiddleware } from './auth.middleware';",
        "import { HtmlMiddleware } from './html.middleware';",
        "import { UsersController } from './users.controller';",
        "import { PublicController } from './public.controller';",
        'const authenticated = [',
        '  UsersController,',
        '];',
        '@Module({ controllers: [...authenticated, PublicController] })',
        'export class AppModule implements NestModule {',
        '  configure(consumer: MiddlewareConsumer) {',
        '    consumer.apply(AuthMiddleware).forRoutes(...authenticated);',
        "    consumer.apply(HtmlMiddleware).forRoutes('*wildcard');",
        '  }',
        '}',
      ),
      'src/auth.middleware.ts': lines('export class AuthMiddleware {', '  async use(req, res, next) {', call('http://users/me'), '    next();', '  }', '}'), // 3
      'src/html.middleware.ts': lines('export class HtmlMiddleware {', '  async use(req, res, next) {', call('http://cdn/template'), '    next();', '  }', '}'), // 3
      'src/users.controller.ts': lines("import { Controller, Get } from '@nestjs/common';", "@Controller('users')", 'export class UsersController {', '  @Get()', '  list() {', '    return [];', '  }', '}'),
      'src/public.controller.ts': lines("import { Controller, Get } from '@nestjs/common';", "@Controller('public')", 'export class PublicController {', '  @Get()', '  read() {', '    return [];', '  }', '}'),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/auth.middleware.ts:3:11 fetch → GET /users',
      'missing-timeout src/html.middleware.ts:3:11 fetch → GET /users, GET /public',
    ]);
  });

  it("a gate counts only when it opens the method (work before it runs on every route); a decorator made of others sets their keys; a controller's @SetMetadata; a key's constant is its string", async () => {
    const f = await joined({
      'src/app.module.ts': lines(
        "import { Module } from '@nestjs/common';",
        "import { APP_GUARD } from '@nestjs/core';",
        "import { AdminGuard } from './admin.guard';",
        "import { LoadGuard } from './load.guard';",
        "import { PermGuard } from './perm.guard';",
        "import { ItemsController } from './items.controller';",
        "import { OtherController } from './other.controller';",
        '@Module({',
        '  controllers: [ItemsController, OtherController],',
        '  providers: [{ provide: APP_GUARD, useClass: AdminGuard }, { provide: APP_GUARD, useClass: LoadGuard }, { provide: APP_GUARD, useClass: PermGuard }],',
        '})',
        'export class AppModule {}',
      ),
      'src/decorators.ts': lines(
        "import { SetMetadata, applyDecorators } from '@nestjs/common';",
        "export const ROLES_KEY = 'roles';",
        'export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);',
        'export function AdminOnly() {',
        "  return applyDecorators(Roles('admin'));",
        '}',
      ),
      'src/admin.guard.ts': lines(
        "import { CanActivate, ExecutionContext } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        "import { ROLES_KEY } from './decorators';",
        'export class AdminGuard implements CanActivate {',
        '  constructor(private readonly reflector: Reflector) {}',
        '  async canActivate(context: ExecutionContext) {',
        '    const roles = this.reflector.get<string[]>(ROLES_KEY, context.getHandler());',
        '    if (!roles) return true;',
        "    await fetch('http://roles/check');", // 9
        '    return true;',
        '  }',
        '}',
      ),
      'src/load.guard.ts': lines(
        "import { CanActivate, ExecutionContext } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        "import { ROLES_KEY } from './decorators';",
        'export class LoadGuard implements CanActivate {',
        '  constructor(private readonly reflector: Reflector) {}',
        '  async canActivate(context: ExecutionContext) {',
        '    const req = context.switchToHttp().getRequest();',
        "    req.user = await fetch('http://users/me');", // 8
        '    const roles = this.reflector.get<string[]>(ROLES_KEY, context.getHandler());',
        '    if (!roles) return true;',
        '    return true;',
        '  }',
        '}',
      ),
      'src/perm.guard.ts': lines(
        "import { CanActivate, ExecutionContext } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        'export class PermGuard implements CanActivate {',
        '  constructor(private readonly reflector: Reflector) {}',
        '  async canActivate(context: ExecutionContext) {',
        "    const perm = this.reflector.getAllAndOverride<string>('perm', [context.getHandler(), context.getClass()]);",
        '    if (!perm) return true;',
        "    await fetch('http://perm/check');", // 8
        '    return true;',
        '  }',
        '}',
      ),
      'src/items.controller.ts': lines(
        "import { Controller, Get, Post, SetMetadata } from '@nestjs/common';",
        "import { AdminOnly } from './decorators';",
        "@SetMetadata('perm', 'items')",
        "@Controller('items')",
        'export class ItemsController {',
        '  @Get()',
        '  list() { return []; }',
        '  @Post()',
        '  @AdminOnly()',
        '  create() { return {}; }',
        '}',
      ),
      'src/other.controller.ts': lines(
        "import { Controller, Get, SetMetadata } from '@nestjs/common';",
        "@Controller('other')",
        'export class OtherController {',
        '  @Get()',
        '  list() { return []; }',
        "  @Get('admin')",
        "  @SetMetadata('roles', ['admin'])",
        '  admin() { return []; }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/admin.guard.ts:9:11 fetch → POST /items, GET /other/admin',
      'missing-timeout src/load.guard.ts:8:22 fetch → GET /items, POST /items, GET /other, GET /other/admin',
      'missing-timeout src/perm.guard.ts:8:11 fetch → GET /items, POST /items',
    ]);
  });

  it("the guards a decorator of the route applies (ghostfolio's RequiresScope: applyDecorators(SetMetadata(…), UseGuards(AuthGuard('jwt'), ScopeGuard))), on the handler or its controller", async () => {
    const f = await joined({
      'src/db.ts': lines("import { Pool } from 'pg';", 'export const pool = new Pool();'),
      'src/decorators/requires-scope.decorator.ts': lines(
        "import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';",
        "import { AuthGuard } from '@nestjs/passport';",
        "import { ScopeGuard } from '../guards/scope.guard';",
        "export const REQUIRES_SCOPE_KEY = 'requires_scope';",
        'export function RequiresScope(...scopes: string[]) {',
        '  return applyDecorators(SetMetadata(REQUIRES_SCOPE_KEY, scopes), UseGuards(AuthGuard(\'jwt\'), ScopeGuard));',
        '}',
      ),
      'src/guards/scope.guard.ts': lines(
        "import { CanActivate } from '@nestjs/common';",
        'export class ScopeGuard implements CanActivate {',
        '  async canActivate() {',
        "    await fetch('http://scopes/check');", // 4
        '    return true;',
        '  }',
        '}',
      ),
      'src/jwt.strategy.ts': lines(
        "import { PassportStrategy } from '@nestjs/passport';",
        "import { Strategy } from 'passport-jwt';",
        "import { pool } from './db';",
        'export class JwtStrategy extends PassportStrategy(Strategy) {',
        '  async validate(payload: { groups: string[] }) {',
        "    for (const g of payload.groups) await pool.query('SELECT 1 FROM groups WHERE id = $1', [g]);", // 6
        '    return payload;',
        '  }',
        '}',
      ),
      'src/items.controller.ts': lines(
        "import { Controller, Get } from '@nestjs/common';",
        "import { RequiresScope } from './decorators/requires-scope.decorator';",
        "@Controller('items')",
        'export class ItemsController {',
        '  @Get()',
        "  @RequiresScope('items:read')",
        '  list() {',
        '    return [];',
        '  }',
        "  @Get('open')",
        '  open() {',
        '    return [];',
        '  }',
        '}',
      ),
      'src/admin.controller.ts': lines(
        "import { Controller, Get } from '@nestjs/common';",
        "import { RequiresScope } from './decorators/requires-scope.decorator';",
        "@RequiresScope('admin')",
        "@Controller('admin')",
        'export class AdminController {',
        '  @Get()',
        '  stats() {',
        '    return {};',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/guards/scope.guard.ts:4:11 fetch → GET /items, GET /admin',
      'query-in-loop src/jwt.strategy.ts:6:43 pool.query [for…of sequential] → GET /items, GET /admin',
    ]);
  });
});
