import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const retries = async (text: string) => hazardRows(await joined({ 'pages/api/folders.ts': text })).filter((r) => r.startsWith('retry-without-backoff'));

describe('retry-without-backoff: a loop that looks for the next free name is no retry', () => {
  it("asks for another path each turn, made again from the counter (papermark's folders: `childFolderPath`)", async () => {
    const rows = await retries(
      lines(
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'export default async function handle(req: any, res: any) {',
        '  const { name, teamId, parent } = req.body;',
        '  let folderName = name;',
        '  let counter = 1;',
        '  const MAX_RETRIES = 50;',
        "  let childFolderPath = '/' + folderName;",
        '  while (counter <= MAX_RETRIES) {',
        '    const existing = await prisma.folder.findUnique({ where: { teamId_path: { teamId, path: childFolderPath } } });',
        '    if (!existing) break;',
        '    folderName = `${name} (${counter})`;',
        '    childFolderPath = parent', // a value over lines, as papermark writes it
        "      ? '/' + parent + '/' + folderName",
        "      : '/' + folderName;",
        '    counter++;',
        '  }',
        '  return res.status(201).json({ path: childFolderPath });',
        '}',
      ),
    );
    assert.deepEqual(rows, []);
  });

  it('still reports one that sends the same request again, whatever else the loop counts or assigns', async () => {
    const rows = await retries(
      lines(
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'export default async function handle(req: any, res: any) {',
        "  const path = '/' + req.body.name;",
        '  let counter = 0;',
        '  let found;',
        '  let label = path;',
        '  const MAX_RETRIES = 5;',
        '  while (counter <= MAX_RETRIES) {', // 9: the same path each turn; the counter only names the log line
        '    found = await prisma.folder.findUnique({ where: { path } });',
        '    if (found) break;',
        '    label = `try ${counter}`;',
        '    counter++;',
        '  }',
        '  return res.json({ found, label });',
        '}',
      ),
    );
    assert.deepEqual(rows, ['retry-without-backoff pages/api/folders.ts:9:3 prisma.folder.findUnique → ANY /api/folders']);
  });
});
