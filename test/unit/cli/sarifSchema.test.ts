import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from '../../../src/cli/main';

const repo = join(__dirname, '../../..');
/** The official SARIF 2.1.0 JSON schema (OASIS), as shipped by Microsoft's SARIF tooling. */
const schemaFile = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');

async function check(args: string[]): Promise<string> {
  let out = '';
  const code = await runCli(['check', 'examples/shop', ...args], { out: (t) => (out += t), err: () => {}, env: {}, cwd: repo });
  assert.ok(code === 0 || code === 1, `exit ${code}`);
  return out;
}

describe('SARIF output', () => {
  // The published schema has a pattern that is only valid without the regex 'u' flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv); // uri, date-time…: checked, not ignored
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  for (const [name, args] of [
    ['without signals', ['--format', 'sarif']],
    ['with the recorded snapshot', ['--format', 'sarif', '--snapshot', 'examples/shop/.ops-lens/signals-snapshot.json']],
  ] as const) {
    it(`validates against the SARIF 2.1.0 schema (${name})`, async () => {
      const text = await check([...args]);
      assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      const log = JSON.parse(text);
      assert.equal(log.version, '2.1.0');
      assert.ok(log.runs[0].results.length >= 5);
      const rules = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
      for (const r of log.runs[0].results) assert.equal(rules[r.ruleIndex], r.ruleId);
    });
  }

  it('fails validation when the log is broken (the validator is real)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
  });
});
