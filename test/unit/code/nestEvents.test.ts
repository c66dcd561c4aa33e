import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('code analysis: NestJS event listeners run for the route that emits their event', function () {
  this.timeout(10_000);

  it("what an @OnEvent method does is on the path of the route whose code emits that event and awaits emitAsync (by a constant or a string); not another event's", async () => {
    const f = await joined({
      'src/events.ts': lines("export enum Events { USER_RENAME = 'user.rename', USER_MERGED = 'user.merged' }"),
      'src/user.listener.ts': lines(
        "import { Injectable } from '@nestjs/common';",
        "import { OnEvent } from '@nestjs/event-emitter';",
        "import { Events } from './events';",
        '',
        '@Injectable()',
        'export class UserNameListener {',
        '  constructor(private readonly prisma: PrismaService) {}',
        '',
        '  @OnEvent(Events.USER_RENAME, { async: true })',
        "  @OnEvent('user.merged')",
        '  async handle(user: { id: string }) {', // 11
        '    const tables = await this.prisma.table.findMany({ where: { spaceId: user.id } });',
        '    for (const t of tables) {',
        '      await this.prisma.record.updateMany({ where: { tableId: t.id }, data: { by: user.id } });', // 14
        '    }',
        '  }',
        '',
        "  @OnEvent('user.deleted')",
        '  async gone(user: { ids: string[] }) {',
        '    for (const id of user.ids) await this.prisma.record.deleteMany({ where: { by: id } });', // 20
        '  }',
        '}',
      ),
      'src/user.controller.ts': lines(
        "import { Body, Controller, Param, Patch, Post } from '@nestjs/common';",
        "import { EventEmitter2 } from '@nestjs/event-emitter';",
        "import { Events } from './events';",
        '',
        "@Controller('users')",
        'export class UserController {',
        '  constructor(private readonly eventEmitter: EventEmitter2) {}',
        '',
        "  @Patch(':id/name')",
        "  async rename(@Param('id') id: string, @Body() body: { name: string }) {",
        '    await this.eventEmitter.emitAsync(Events.USER_RENAME, { id, name: body.name });',
        '  }',
        '',
        "  @Post('merge')",
        '  merge(@Body() body: { id: string }) {',
        "    this.eventEmitter.emit('user.merged', { id: body.id });",
        '  }',
        '',
        "  @Post('merge-all')",
        '  mergeAll(@Body() body: { id: string }) {',
        "    return this.eventEmitter.emitAsync('user.merged', { id: body.id });", // returned: the request waits for it
        '  }',
        '',
        "  @Post('ping')",
        '  ping() {',
        "    this.eventEmitter.emit('user.pinged', {});",
        '  }',
        '}',
      ),
    });
    const rows = hazardRows(f).filter((r) => r.startsWith('query-in-loop'));
    assert.deepEqual(
      rows,
      [
        'query-in-loop src/user.listener.ts:14:13 this.prisma.record.updateMany [for…of sequential] → PATCH /users/:id/name, POST /users/merge-all',
        'query-in-loop src/user.listener.ts:20:38 this.prisma.record.deleteMany [for…of sequential] → -',
      ],
    );
  });

  it("emit does not wait for the listeners: they run beside the request, started by the route", async () => {
    const f = await joined({
      'src/user.listener.ts': lines(
        "import { OnEvent } from '@nestjs/event-emitter';",
        'export class MergeListener {',
        "  @OnEvent('user.merged')",
        '  async handle(user: { ids: string[] }) {',
        '    for (const id of user.ids) await this.prisma.record.updateMany({ where: { by: id }, data: {} });', // 5
        '  }',
        '}',
      ),
      'src/user.controller.ts': lines(
        "import { Body, Controller, Post } from '@nestjs/common';",
        "@Controller('users')",
        'export class UserController {',
        '  constructor(private readonly eventEmitter: EventEmitter2) {}',
        "  @Post('merge')",
        '  merge(@Body() body: { ids: string[] }) {',
        "    this.eventEmitter.emit('user.merged', body);",
        '  }',
        '}',
      ),
    });
    const h = f.get('src/user.listener.ts')!.hazards.find((x) => x.code === 'query-in-loop')!;
    assert.deepEqual(h.routes, []);
    assert.deepEqual(h.tasks, ['MergeListener.handle (event listener, started by POST /users/merge)']);
  });

  it("a project's own emit method still runs its own code, whatever the event's name", async () => {
    const f = await joined({
      'src/db.ts': lines("import { Pool } from 'pg';", 'export const pool = new Pool();'),
      'src/audit.ts': lines(
        "import { pool } from './db';",
        'export class AuditBus {',
        '  async emit(kind: string, payload: unknown) {',
        "    await pool.query('INSERT INTO audit (kind, payload) VALUES ($1, $2)', [kind, payload]);", // 4
        '  }',
        '}',
      ),
      'src/app.ts': lines(
        "import express from 'express';",
        "import { AuditBus } from './audit';",
        'const app = express();',
        'const bus = new AuditBus();',
        "app.post('/import', async (req, res) => {",
        '  for (const row of req.body.rows) {',
        "    await bus.emit('ROW_IMPORTED', row);", // 7
        '  }',
        '  res.end();',
        '});',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      ['query-in-loop src/app.ts:7:11 bus.emit → pool.query [for…of sequential] → POST /import'],
    );
  });
});

