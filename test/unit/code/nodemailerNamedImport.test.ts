import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('nodemailer: createTransport imported by name is nodemailer\'s', function () {
  this.timeout(10_000);

  it("usertour: `import { createTransport } from 'nodemailer'` (or required so) then `createTransport({ host, port })` waits minutes without a timeout; with one, or a createTransport of another module, no warning", async () => {
    const f = await joined({
      'src/email.service.ts': lines(
        "import { createTransport } from 'nodemailer';",
        '',
        'export async function send(to: string) {',
        '  const transporter = createTransport({ host: process.env.SMTP_HOST, port: 465, secure: true });', // 4
        "  return transporter.sendMail({ from: 'a@example.com', to });",
        '}',
        'export function bounded() {',
        '  return createTransport({ host: process.env.SMTP_HOST, connectionTimeout: 5000, socketTimeout: 10000 });',
        '}',
      ),
      'src/legacy.js': lines(
        "const { createTransport, getTestMessageUrl } = require('nodemailer');",
        'exports.digest = async (to) => createTransport({ host: process.env.SMTP_HOST }).sendMail({ to });', // 2
      ),
      'src/own.ts': lines(
        "import { createTransport } from './transport';",
        'export const queue = () => createTransport({ host: process.env.QUEUE_HOST });',
      ),
      'src/app.ts': lines(
        "import express from 'express';",
        "import { send, bounded } from './email.service';",
        "import { queue } from './own';",
        "const { digest } = require('./legacy');",
        'const app = express();',
        "app.post('/invite', async (req, res) => { await send(req.body.email); res.json({ ok: true }); });",
        "app.post('/bounded', async (req, res) => { bounded(); queue(); res.json({ ok: true }); });",
        "app.post('/digest', async (req, res) => { await digest(req.body.email); res.json({ ok: true }); });",
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/email.service.ts:4:23 createTransport → POST /invite',
      'missing-timeout src/legacy.js:2:32 createTransport → POST /digest',
    ]);
  });
});
