import assert from 'node:assert/strict';
import { inScope } from '../../../src/core/insights/scope';
import { addSnooze, parseSnoozes, serialiseSnoozes, withoutSnoozed } from '../../../src/core/insights/snoozes';
import type { Warning } from '../../../src/core/insights/warning';

function warning(file: string, line: number, code: Warning['code'] = 'query-in-loop'): Warning {
  return {
    code,
    severity: 'warning',
    file,
    range: { start: { line, character: 0 }, end: { line, character: 5 } },
    route: 'GET /x',
    message: 'm',
    evidence: { severityReason: 'r' },
    related: [],
    fingerprint: `${code}:${file}:${line}`,
  };
}

describe('diagnostics scope', () => {
  const ws = [warning('a.ts', 3), warning('a.ts', 10), warning('b.ts', 1), warning('k8s.yaml', 7, 'capacity-pressure')];
  const changed = new Map<string, Set<number> | 'all'>([
    ['a.ts', new Set([10])],
    ['new.ts', 'all'],
  ]);

  it('changedLines keeps warnings on changed lines, and recipe pressure always', () => {
    assert.deepEqual(inScope(ws, 'changedLines', changed).map((w) => w.fingerprint), ['query-in-loop:a.ts:10', 'capacity-pressure:k8s.yaml:7']);
  });

  it('changedFiles keeps every warning of a changed file', () => {
    assert.deepEqual(inScope(ws, 'changedFiles', changed).map((w) => w.fingerprint), ['query-in-loop:a.ts:3', 'query-in-loop:a.ts:10', 'capacity-pressure:k8s.yaml:7']);
  });

  it('all and off', () => {
    assert.equal(inScope(ws, 'all', changed).length, 4);
    assert.equal(inScope(ws, 'off', changed).length, 0);
  });

  it('keeps a warning whose multi-line range touches a changed line', () => {
    const w = { ...warning('a.ts', 8), range: { start: { line: 8, character: 0 }, end: { line: 11, character: 2 } } };
    assert.equal(inScope([w], 'changedLines', changed).length, 1);
  });
});

describe('snoozes', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('hides a snoozed warning until its date, then shows it again', () => {
    const w = warning('a.ts', 3);
    const snoozes = [{ fingerprint: w.fingerprint, until: '2026-12-01' }];
    assert.equal(withoutSnoozed([w], snoozes, now).shown.length, 0);
    assert.equal(withoutSnoozed([w], snoozes, new Date('2026-12-02T00:00:00Z')).shown.length, 1);
  });

  it('round-trips through YAML and drops expired entries when adding', () => {
    const text = serialiseSnoozes(
      addSnooze([{ fingerprint: 'old', until: '2020-01-01' }, { fingerprint: 'keep', until: '2027-01-01', reason: 'why' }], { fingerprint: 'new', until: '2026-12-06' }, now),
    );
    const { snoozes, problem } = parseSnoozes(text);
    assert.equal(problem, undefined);
    assert.deepEqual(snoozes.map((s) => s.fingerprint), ['keep', 'new']);
    assert.equal(snoozes[0].reason, 'why');
  });

  it('says what is wrong with a malformed file instead of throwing', () => {
    assert.match(parseSnoozes('snoozes: [a, b').problem ?? '', /not valid YAML/);
    assert.match(parseSnoozes('snoozes: 3').problem ?? '', /must have a "snoozes:" list/);
    assert.deepEqual(parseSnoozes('').snoozes, []);
  });
});
