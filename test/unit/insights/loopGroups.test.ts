import assert from 'node:assert/strict';
import type { Hazard } from '../../../src/core/code/codeModel';
import { warningForHazard } from '../../../src/core/insights/hazardWarnings';
import { groupByLoop } from '../../../src/core/insights/loopGroups';
import { inScope } from '../../../src/core/insights/scope';
import { withoutSnoozed } from '../../../src/core/insights/snoozes';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';

const range = (line: number, from = 4, to = 30) => ({ start: { line, character: from }, end: { line, character: to } });

function inLoop(line: number, callee: string, loopLine: number, route = '/stats', code: Hazard['code'] = 'query-in-loop'): Hazard {
  return {
    code,
    file: 'api/stats.py',
    range: range(line),
    callee,
    explanation: `\`${callee}\` runs once per item.`,
    loop: { kind: 'for', mode: 'sequential', range: { start: { line: loopLine, character: 2 }, end: { line: loopLine + 40, character: 0 } } },
    routes: [{ method: 'GET', path: route }],
  };
}

describe('one warning per loop', () => {
  // A stats view's per-user loop with five queries, a second loop with one, and a remote call in the first loop.
  const hazards = [
    inLoop(14, 'Photo.objects.filter', 10),
    inLoop(12, 'Album.objects.filter', 10, '/stats/all'),
    inLoop(20, 'Face.objects.filter', 10),
    inLoop(22, 'Person.objects.filter', 10),
    inLoop(30, 'Tag.objects.filter', 10),
    inLoop(60, 'Job.objects.get', 55),
    inLoop(16, 'requests.post', 10, '/stats', 'call-in-loop'),
  ];

  it('the queries of one loop are one warning at the first of them; another loop, or a call, is its own', () => {
    const groups = groupByLoop(hazards);
    assert.deepEqual(
      groups.map((g) => [g.hazard.code, g.hazard.range.start.line, g.sameLoop.map((h) => h.range.start.line)]),
      [
        ['query-in-loop', 12, [14, 20, 22, 30]],
        ['call-in-loop', 16, []],
        ['query-in-loop', 60, []],
      ],
    );
    // The routes of every query of the loop.
    assert.deepEqual(groups[0].hazard.routes.map((r) => r.path), ['/stats/all', '/stats']);
  });

  it('the warning says how many more and where, and points at each of them', () => {
    const [head] = groupByLoop(hazards);
    const w = warningForHazard(head.hazard, undefined, undefined, undefined, DEFAULT_SEVERITY_RULES, head.sameLoop);
    assert.match(w.message, /The same loop also makes 4 more queries: Photo\.objects\.filter \(line 15\), Face\.objects\.filter \(line 21\), Person\.objects\.filter \(line 23\), and 1 more\./);
    assert.match(w.message, /Also reached from GET \/stats\./);
    assert.deepEqual(w.evidence.sameLoop?.map((s) => s.line), [15, 21, 23, 31]);
    assert.deepEqual(w.related.map((r) => r.location.range.start.line), [14, 20, 22, 30]);
    // One query alone says nothing more.
    const single = groupByLoop([hazards[5]])[0];
    const lone = warningForHazard(single.hazard, undefined, undefined, undefined, DEFAULT_SEVERITY_RULES, single.sameLoop);
    assert.doesNotMatch(lone.message, /same loop/);
    assert.equal(lone.evidence.sameLoop, undefined);
  });

  it('a change to any query of the loop shows the loop\'s warning under changedLines', () => {
    const [head] = groupByLoop(hazards);
    const w = warningForHazard(head.hazard, undefined, undefined, undefined, DEFAULT_SEVERITY_RULES, head.sameLoop);
    assert.equal(inScope([w], 'changedLines', new Map([['api/stats.py', new Set([22])]])).length, 1);
    assert.equal(inScope([w], 'changedLines', new Map([['api/stats.py', new Set([40])]])).length, 0);
  });

  it("a snooze of the loop's warning still holds when a query is added above its first one, which then heads the warning", () => {
    const warn = (list: Hazard[]) => groupByLoop(list).map((g) => warningForHazard(g.hazard, undefined, undefined, undefined, DEFAULT_SEVERITY_RULES, g.sameLoop));
    const [before] = warn(hazards.slice(0, 5));
    const snooze = { fingerprint: before.fingerprint, until: '2999-01-01T00:00:00Z', reason: 'known' };
    const now = new Date('2026-12-06T00:00:00Z');
    // `Owner.objects.get` inserted at line 11, above `Album.objects.filter`: a new head, a new fingerprint.
    const after = warn([inLoop(11, 'Owner.objects.get', 10, '/stats/all'), ...hazards.slice(0, 5)]);
    assert.notEqual(after[0].fingerprint, before.fingerprint);
    assert.deepEqual(withoutSnoozed(after, [snooze], now).shown, []);
    // Another loop's warning is not hidden by it.
    assert.equal(withoutSnoozed(warn([hazards[5]]), [snooze], now).shown.length, 1);
  });
});

