import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * hoppscotch's user deletion: a service method returns a task, an fp-ts `pipe(…, TE.chainW(() => () => …))` or a
 * plain `() => …`, and the caller runs it at once, `this.userService.deleteUserByUID(uid)()`, in a `map` over the ids:
 * the query of the function returned runs once per id. Not where the task is only made, not run; nor a thunk a
 * callback of the method returns that is not its result (`this.hooks.push(() => () => …)`).
 */
describe('JavaScript: a call whose result is called runs what the function returns (hoppscotch)', () => {
  const service = lines(
    "import { Injectable } from '@nestjs/common';",
    "import { PrismaClient } from '@prisma/client';",
    "import * as TE from 'fp-ts/TaskEither';",
    "import { pipe } from 'fp-ts/function';",
    '',
    '@Injectable()',
    'export class UserService {',
    '  private readonly hooks: (() => () => Promise<unknown>)[] = [];',
    '  constructor(private readonly prisma: PrismaClient) {}',
    '',
    '  async deleteUserAccount(uid: string) {',
    '    await this.prisma.user.delete({ where: { uid } });',
    '    return true;',
    '  }',
    '',
    '  deleteUserByUID(uid: string) {',
    '    return pipe(',
    '      TE.right(uid),',
    '      TE.chainW(() => () => this.deleteUserAccount(uid)),',
    '      TE.chainFirst(() => TE.right(uid)),',
    '    );',
    '  }',
    '',
    '  removeTask(uid: string) {',
    '    return () => this.prisma.session.deleteMany({ where: { uid } });',
    '  }',
    '',
    '  countTask(uids: string[]) {',
    '    this.hooks.push(() => () => this.prisma.user.deleteMany({ where: { uid: { in: uids } } }));',
    '    return () => uids.length;',
    '  }',
    '}',
  );

  it('f(x)() and f(x)().then(…) in a map: a query-in-loop through the returned function, a step of a pipe or plain', async () => {
    const f = await joined({
      'src/user.service.ts': service,
      'src/admin.controller.ts': lines(
        "import { Body, Controller, Delete, Post } from '@nestjs/common';",
        "import { UserService } from './user.service';",
        '',
        "@Controller('admin')",
        'export class AdminController {',
        '  constructor(private readonly userService: UserService) {}',
        '',
        "  @Delete('users')",
        '  async removeUsers(@Body() uids: string[]) {',
        '    const deletions = uids.map((uid) => this.userService.deleteUserByUID(uid)().then((r) => r));', // 10
        '    return Promise.allSettled(deletions);',
        '  }',
        '',
        "  @Delete('sessions')",
        '  async removeSessions(@Body() uids: string[]) {',
        '    await Promise.all(uids.map((uid) => this.userService.removeTask(uid)()));', // 16
        '  }',
        '',
        "  @Post('tasks')",
        '  async makeTasks(@Body() uids: string[]) {',
        '    return uids.map((uid) => this.userService.deleteUserByUID(uid));',
        '  }',
        '',
        "  @Post('count')",
        '  async count(@Body() groups: string[][]) {',
        '    return groups.map((g) => this.userService.countTask(g)());',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/admin.controller.ts:10:41 this.userService.deleteUserByUID → deleteUserAccount → this.prisma.user.delete [.map() parallel] → DELETE /admin/users',
      'query-in-loop src/admin.controller.ts:16:41 this.userService.removeTask → this.prisma.session.deleteMany [.map() parallel] → DELETE /admin/sessions',
    ]);
  });

  it('a function of the same file returning an arrow, called and its result called in a for…of; not only made', async () => {
    const f = await joined({
      'src/app.js': lines(
        "const express = require('express');",
        "const { PrismaClient } = require('@prisma/client');",
        'const prisma = new PrismaClient();',
        'const app = express();',
        'const removeTask = (id) => () => prisma.user.delete({ where: { id } });',
        'function archive(id) {',
        '  return async () => {',
        '    await prisma.user.update({ where: { id }, data: { archived: true } });',
        '  };',
        '}',
        "app.delete('/users', async (req, res) => {",
        '  for (const id of req.body.ids) await removeTask(id)();', // 12
        '  for (const id of req.body.ids) await archive(id)();', // 13
        '  res.end();',
        '});',
        "app.post('/tasks', (req, res) => {",
        '  const tasks = [];',
        '  for (const id of req.body.ids) tasks.push(removeTask(id));',
        '  res.json(tasks.length);',
        '});',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/app.js:12:40 removeTask → prisma.user.delete [for…of sequential] → DELETE /users',
      'query-in-loop src/app.js:13:40 archive → prisma.user.update [for…of sequential] → DELETE /users',
    ]);
  });
});
