import assert from 'node:assert/strict';
import type { LanguageId } from '../../../src/core/code/treeSitter';
import { deadCodeCheck } from '../../../src/core/code/hazards/deadCode';
import { grammars } from './fixtureWorkspace';

/** The calls of a text the check finds dead, by the name called. */
async function deadCalls(language: LanguageId, text: string): Promise<string[]> {
  const tree = await grammars.parse(language, text);
  try {
    const isDead = deadCodeCheck();
    const calls = tree.rootNode.descendantsOfType(['call_expression', 'call', 'method_invocation']);
    return calls.filter((c) => c && isDead(c)).map((c) => /^\w+/.exec(c!.text)![0]);
  } finally {
    tree.delete();
  }
}

describe('Dead code: after a statement that leaves its block, or under a false condition', () => {
  it('TypeScript: after return, continue, break and throw in the same block; not in the next case nor the next block', async () => {
    const text = [
      'function f(x: number) {',
      '  if (x) { return 1; afterReturn(); }',
      '  for (const y of ys) { continue; afterContinue(y); }',
      '  switch (x) { case 1: alive1(); break; afterBreak(); case 2: throw fail(); afterThrow(); }',
      '  if (false) { neverTrue(); }',
      '  while (true) { alive2(); }',
      '  return 2;',
      '  afterLastReturn();',
      '}',
      'const g = () => { return; afterArrowReturn(); };',
      'alive3();',
    ].join('\n');
    assert.deepEqual(await deadCalls('typescript', text), ['afterReturn', 'afterContinue', 'afterBreak', 'afterThrow', 'neverTrue', 'afterLastReturn', 'afterArrowReturn']);
  });

  it('Python, Go and Java', async () => {
    const python = ['def f(x):', '    if x:', '        return 1', '        after_return()', '    for y in ys:', '        continue', '        after_continue(y)', '    if False:', '        never_true()', '    alive(x)', '    raise ValueError()', '    after_raise()'].join('\n');
    assert.deepEqual(await deadCalls('python', python), ['after_return', 'after_continue', 'never_true', 'after_raise']);
    const go = ['package main', 'func f(x int) int {', '\tif x > 0 {', '\t\treturn 1', '\t\tafterReturn()', '\t}', '\talive()', '\treturn 2', '\tafterLast()', '}'].join('\n');
    assert.deepEqual(await deadCalls('go', go), ['afterReturn', 'afterLast']);
    const java = ['class A {', '  int f(int x) {', '    if (x > 0) { return 1; }', '    for (int y : ys) { if (y > 0) { continue; } alive(y); }', '    throw fail();', '  }', '}'].join('\n');
    assert.deepEqual(await deadCalls('java', java), []);
  });

  it('a block of thousands of statements: the same answers for a call after a return 200 statements back and one 201 back', async () => {
    const lines = ['function long() {'];
    for (let i = 0; i < 3000; i++) lines.push(i === 1000 ? '  return;' : `  step${i}();`);
    lines.push('}');
    const dead = await deadCalls('typescript', lines.join('\n'));
    // Up to 200 named siblings back are looked at: steps 1001-1200 are dead, 1201 on are not found so.
    assert.equal(dead.length, 200);
    assert.equal(dead[0], 'step1001');
    assert.equal(dead[199], 'step1200');
  });
});
