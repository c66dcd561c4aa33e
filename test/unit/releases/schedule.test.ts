import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseSchedule } from '../../../src/core/releases/schedule';

const lines = (...l: string[]) => l.join('\n') + '\n';
/** problem → "line: message" (1-based, as a person reads it). */
const where = (s: ReturnType<typeof parseSchedule>) => s.problems.map((p) => `${(p.location?.range.start.line ?? -1) + 1}: ${p.message}`);

describe('release schedule (.ops-lens/releases.yaml)', () => {
  it('reads every documented field', () => {
    const s = parseSchedule(
      lines(
        '# Planned releases',
        'releases:',
        '  - version: "1.5.0"',
        '    title: Spring sale readiness',
        '    date: 2030-06-02',
        '    freeze: { from: 2030-05-28, to: 2030-06-01 }',
        '    environments: [staging, production]',
        '    owner: team-checkout',
        '    notes: |',
        '      Orders schema migration runs first.',
        '  - version: v1.6',
        '    date: 2030-07-01T14:00:00Z',
        '    freeze: 2030-06-25',
      ),
    );
    assert.deepEqual(s.problems, []);
    assert.equal(s.entries.length, 2);
    const [a, b] = s.entries;
    assert.deepEqual(
      { version: a.version, title: a.title, date: a.date, freeze: a.freeze, environments: a.environments, owner: a.owner, notes: a.notes, line: a.location!.range.start.line },
      {
        version: '1.5.0',
        title: 'Spring sale readiness',
        date: '2030-06-02',
        freeze: { from: '2030-05-28', to: '2030-06-01' },
        environments: ['staging', 'production'],
        owner: 'team-checkout',
        notes: 'Orders schema migration runs first.\n',
        line: 2,
      },
    );
    assert.equal(b.version, '1.6.0', '"v1.6" means 1.6.0');
    assert.deepEqual(b.freeze, { from: '2030-06-25' });
    assert.equal(b.date, '2030-07-01T14:00:00Z');
  });

  it('reports each mistake at its line with a message that says what to write, and keeps the valid entries', () => {
    const s = parseSchedule(
      lines(
        'releases:', //                                  1
        '  - version: "1.0.0"', //                       2 valid
        '    date: 2030-01-10', //                       3
        '  - version: 1.1', //                           4 a number, not a string
        '  - version: "1.2.0"', //                       5
        '    enviroments: [prod]', //                    6 typo
        '  - version: "1.3.0"', //                       7
        '    date: next tuesday', //                     8 not a date
        '  - version: "1.4.0"', //                       9
        '    date: 2030-02-30', //                       10 no such day
        '  - version: "1.5.0"', //                       11
        '    freeze: { from: 2030-03-10, to: 2030-03-01 }', // 12 ends before it starts
        '  - version: "1.0"', //                         13 duplicate of 1.0.0
        '  - date: 2030-05-01', //                       14 no version
        '  - version: "1.6.0"', //                       15
        '    freeze: { from: 2030-04-01, until: 2030-04-05 }', // 16 unknown freeze field
      ),
    );
    assert.deepEqual(where(s), [
      '4: version must be a string such as "1.5.0" (quote it: unquoted 1.5 is read as a number); got 1.1',
      '6: unknown field "enviroments" (known: version, title, date, freeze, environments, owner, notes)',
      '8: date must be a date (YYYY-MM-DD) or a date-time with its zone (2026-06-02T14:00:00Z); got "next tuesday"',
      '14: a release needs "version"',
      '16: unknown field "until" (known: from, to)',
      '10: date 2030-02-30 does not exist',
      '12: the freeze ends (2030-03-01) before it starts (2030-03-10)',
      '13: version 1.0.0 is already scheduled at line 2; the later entry is ignored',
    ]);
    assert.deepEqual(s.entries.map((e) => e.version), ['1.0.0']);
  });

  it('warns, without dropping the release, when the freeze starts after the release date', () => {
    const s = parseSchedule(lines('releases:', '  - version: "2.0.0"', '    date: 2030-01-10', '    freeze: 2030-01-12'));
    assert.deepEqual(where(s), ['4: the freeze starts (2030-01-12) after the release date (2030-01-10)']);
    assert.equal(s.problems[0].severity, 'warning');
    assert.equal(s.entries.length, 1);
  });

  it('reports broken YAML at its line and the wrong top-level shape', () => {
    const broken = parseSchedule(lines('releases:', '  - version: "1.0.0"', '    date: [2030-01-01'));
    assert.equal(broken.entries.length, 0);
    assert.ok(broken.problems.length > 0);
    assert.equal(broken.problems[0].location?.file, '.ops-lens/releases.yaml');
    assert.ok(broken.problems[0].location!.range.start.line >= 2, JSON.stringify(broken.problems));
    assert.deepEqual(where(parseSchedule('- version: "1.0.0"\n')), ['1: the schedule must be a mapping with a "releases:" list']);
    assert.deepEqual(where(parseSchedule('version: "1.0.0"\n')), ['1: unknown field "version" (known: releases)']);
    assert.deepEqual(where(parseSchedule('releases: soon\n')), ['1: "releases" must be a list of releases']);
    assert.deepEqual(parseSchedule('').problems, [], 'an empty file is an empty schedule');
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = lines('a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'releases: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]');
    const s = parseSchedule(bomb);
    assert.equal(s.entries.length, 0);
    assert.match(s.problems[0].message, /alias/i);
  });

  it('ships a schema that accepts the documented example and rejects what the parser rejects', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/releases.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const example = /```yaml\n(# \.ops-lens\/releases\.yaml[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README documents the schedule with a ```yaml block starting "# .ops-lens/releases.yaml"');
    assert.equal(validate(parse(example)), true, JSON.stringify(validate.errors));
    assert.deepEqual(parseSchedule(example).problems, []);
    assert.equal(validate(parse('releases:\n  - version: 1.5\n')), false);
  });
});
