import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * plunk's ProjectService: `public static contacts = { get: (id) => … }` and `public static emails = { get: (id) => … }`,
 * called as `ProjectService.contacts.get(id)` and `ProjectService.emails.get(id)`. Each call runs the `get` of the
 * object its field holds, not its namesake in the other; so for objects a module exports, `users.list()` after
 * `import { users } from './store'`. A member no object of that name holds is still found by its name.
 */
describe('Same-named members of objects held by different fields', () => {
  it('are told apart by the field the call names (static fields, exported objects)', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.19.0", "@prisma/client": "5.17.0" } }'),
      'src/ProjectService.ts': lines(
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'export class ProjectService {',
        '  public static contacts = {',
        '    get: (id: string) => {',
        '      return prisma.contact.findMany({ where: { OR: [{ projectId: id }, { ownerId: id }] } });', // 6
        '    },',
        '  };',
        '  public static emails = {',
        '    get: (id: string) => {',
        '      return prisma.email.findMany({ where: { OR: [{ projectId: id }, { ownerId: id }] } });', // 11
        '    },',
        '  };',
        '}',
      ),
      'src/store.ts': lines(
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'export const users = {',
        '  list: async () => prisma.user.findMany(),', // 4
        '};',
        'export const teams = {',
        '  list: async () => prisma.team.findMany(),', // 7
        '  all: async () => prisma.team.findMany({ where: { all: true } }),', // 8
        '};',
      ),
      'src/app.ts': lines(
        "import express from 'express';",
        "import { ProjectService } from './ProjectService';",
        "import { users, teams } from './store';",
        "import * as store from './store';",
        'const app = express();',
        "app.get('/projects/:id/contacts', async (req, res) => {",
        '  res.json(await ProjectService.contacts.get(req.params.id));',
        '});',
        "app.get('/projects/:id/emails', async (req, res) => {",
        '  res.json(await ProjectService.emails.get(req.params.id));',
        '});',
        "app.get('/users', async (req, res) => {",
        '  res.json(await users.list());',
        '});',
        "app.get('/teams', async (req, res) => {",
        '  res.json(await store.teams.list());',
        '});',
        "app.get('/all', async (req, res) => {",
        '  res.json(await teams.all());',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), [
      'unbounded-query src/ProjectService.ts:11:14 prisma.email.findMany → GET /projects/:id/emails',
      'unbounded-query src/ProjectService.ts:6:14 prisma.contact.findMany → GET /projects/:id/contacts',
      'unbounded-query src/store.ts:4:21 prisma.user.findMany → GET /users',
      'unbounded-query src/store.ts:7:21 prisma.team.findMany → GET /teams',
      'unbounded-query src/store.ts:8:20 prisma.team.findMany → GET /all',
    ]);
  });
});
