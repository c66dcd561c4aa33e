import assert from 'node:assert/strict';
import { Assignments, assignedValues, collectionElement, DeclaredCollections } from '../../../src/core/code/assignments';

/** A small deterministic generator (mulberry32), so that a failure names a text that can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Texts made of the pieces that decide a match, and cuts anywhere in them (a cut inside a match too). */
function* cases(parts: string[], names: string[], seed: number): Generator<{ text: string; from: number; end: number; cut: number; name: string }> {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  for (let i = 0; i < 3000; i++) {
    let text = '';
    const pieces = 1 + Math.floor(next() * 16);
    for (let k = 0; k < pieces; k++) text += pick(parts);
    const from = Math.floor(next() * Math.min(4, text.length));
    const end = from + Math.floor(next() * (text.length - from + 1));
    const cut = from + Math.floor(next() * (end - from + 1));
    for (const name of names) yield { text, from, end, cut, name };
  }
}

describe('Per-function tables give what a search per name gives', () => {
  it('the value a name was last given before a place (FileStructure.lastValueOf)', () => {
    const parts = ['x', 'rows', 'rows0', 'y', '$a', ' ', '\n', '=', ' = ', '==', ':=', ', ', ',err', ': T', ':', ';', '(', ')', '.', 'foo()', 'List<T> ', '\t', '"s"', 'x.y', 'a, b'];
    let compared = 0;
    for (const c of cases(parts, ['x', 'rows', 'rows0', 'y', '$a', 'a', 'b', 'err'], 1)) {
      const table = Assignments.of(c.text, c.from, c.end);
      assert.equal(table.lastBefore(c.name, c.cut), assignedValues(c.text.slice(c.from, c.cut), c.name), JSON.stringify(c));
      compared++;
    }
    assert.equal(compared, 24000);
    // And what it reads: Go's `x, err :=`, an annotation, the last of several, not a comparison.
    const body = 'func f() {\n\tparts, err := lo.Chunk(ids, 500)\n\tn: int = 1\n\tn = 2\n\tif n == 3 {}\n\tfor _, p := range parts {';
    const table = Assignments.of(body, 0, body.length);
    assert.equal(table.lastBefore('parts', body.indexOf('for')), 'lo.Chunk(ids, 500)');
    assert.equal(table.lastBefore('n', body.indexOf('for')), '2');
  });

  it("the element type of a collection a Java method declares before a lambda (jpaLoopsOf's receivers)", () => {
    const parts = ['List', 'Set', 'Stream', 'ArrayList', '<', '>', '< ', ' >', 'Order', 'T', ' ', '\n', 'rows', 'rows0', 'r', '.', '(', ')', ';', '=', '_'];
    for (const c of cases(parts, ['rows', 'rows0', 'r', 'T', 'Order'], 2)) {
      const table = DeclaredCollections.of(c.text, c.from, c.end);
      assert.equal(table.elementOf(c.name, c.cut), collectionElement(c.text.slice(c.from, c.cut), c.name), JSON.stringify(c));
    }
    const method = 'void f() {\n  List<Order> orders = repo.findAll();\n  Set<Tag> tags = load();\n  orders.forEach(o -> o.getCustomer());';
    assert.equal(DeclaredCollections.of(method, 0, method.length).elementOf('orders', method.indexOf('o ->')), 'Order');
  });
});
