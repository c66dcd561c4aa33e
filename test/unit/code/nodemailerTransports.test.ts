import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('nodemailer: a transport that opens a socket waits minutes without a timeout; one that does not, never', () => {
  it("NodeBB's emailer: the sendmail transport pipes to a local program, the SMTP one made from settings has no timeout", async () => {
    const f = await joined({
      'src/emailer.js': lines(
        "const nodemailer = require('nodemailer');",
        'const Emailer = module.exports;',
        'Emailer.transports = {',
        '  sendmail: nodemailer.createTransport({',
        '    sendmail: true,',
        "    newline: 'unix',",
        '  }),',
        '  preview: nodemailer.createTransport({ jsonTransport: true }),',
        '};',
        'Emailer.smtp = (smtpOptions) => nodemailer.createTransport(smtpOptions);',
        'Emailer.bounded = nodemailer.createTransport({ host: "smtp", connectionTimeout: 5000 });',
        'Emailer.off = nodemailer.createTransport({ host: "smtp", sendmail: false });',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/emailer.js:10:33 nodemailer.createTransport → -',
      'missing-timeout src/emailer.js:12:15 nodemailer.createTransport → -',
    ]);
  });
});
