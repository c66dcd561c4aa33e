import assert from 'node:assert/strict';
import { wholeNameOffsets, WordSearch, type TextChange } from '../../../src/core/code/wordSearch';

/** A change of `before` into `after` as CodeIndex.analyzeEdit finds it: the span between common prefix and suffix. */
function changeOf(before: string, after: string): TextChange {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before[oldEnd - 1] === after[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** Every offset of `word` in `text`, overlapping ones too, the plain way. */
function everyOffset(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + word.length <= text.length; i++) if (text.startsWith(word, i)) out.push(i);
  return out;
}

describe('WordSearch: words found in a text, carried across edits', () => {
  const WORDS = ['process.env', 'koa', 'ab', 'ba', 'abab', 'x', 'enableVersioning', '\n', 'zz'];

  it('answers as indexOf does on the edited text, and lists every occurrence, edit after edit (words made, split, moved, removed)', () => {
    // A fixed pseudo-random sequence: inserts, deletions and replacements anywhere, including across occurrences.
    // (In 32-bit integer arithmetic, high bits taken: in doubles the product lost its low bits and the sequence
    // collapsed, so that most steps inserted at the start and asked nothing.)
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = ['a', 'b', 'x', 'z', '\n', 'koa', 'process.env', 'enable', 'Versioning', ' '];
    let text = 'const port = process.env.PORT;\nimport Koa from "koa";\nabab ba x';
    let search = WordSearch.of(text);
    for (const w of WORDS) assert.equal(search.indexOf(w), text.indexOf(w), w);
    for (let step = 0; step < 2000; step++) {
      const at = random(text.length + 1);
      const removed = random(4) === 0 ? 0 : random(Math.min(12, text.length - at) + 1);
      let inserted = '';
      for (let k = random(4); k > 0; k--) inserted += alphabet[random(alphabet.length)];
      const next = text.slice(0, at) + inserted + text.slice(at + removed);
      search = search.after(next, changeOf(text, next));
      text = next;
      // Only some words asked each time: a word not asked of the text before is searched in full.
      for (const w of WORDS) if (random(3) > 0) assert.equal(search.indexOf(w), text.indexOf(w), `step ${step}: ${JSON.stringify(w)} in ${JSON.stringify(text)}`);
      assert.equal(search.has('process.env'), text.includes('process.env'));
      for (const w of WORDS) if (random(3) > 0) assert.deepEqual(search.all(w), everyOffset(text, w), `step ${step}: all ${JSON.stringify(w)} in ${JSON.stringify(text)}`);
      if (random(2) > 0) assert.deepEqual(search.lineStarts(), [0, ...everyOffset(text, '\n').map((i) => i + 1)]);
    }
  });

  it('finds a word the edit wrote, one the edit joined from both sides, and loses one the edit broke', () => {
    const before = 'let a = 1;\nconst b = 2;';
    const search = WordSearch.of(before);
    assert.equal(search.has('process.env'), false);
    assert.equal(search.has('const'), true);
    const written = before.replace('1', 'process.env.A');
    assert.equal(search.after(written, changeOf(before, written)).indexOf('process.env'), written.indexOf('process.env'));
    const joined = 'let a = 1;\nkoXa';
    const s2 = WordSearch.of(joined);
    assert.equal(s2.has('koa'), false);
    const after = 'let a = 1;\nkoa';
    assert.equal(s2.after(after, changeOf(joined, after)).has('koa'), true);
    const broken = before.replace('const', 'con st');
    assert.equal(search.after(broken, changeOf(before, broken)).has('const'), false);
  });

  it('whole names in a stretch of the text, as a search of that stretch for the name alone finds them (edit after edit)', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pieces = ['ids', 'id', 'xids', 'ids2', '.ids', '$ids', 'ids$', ' ', '\n', '(', ')', '[', '=', 'é', 'idsé', ',', 'for '];
    const searchOf = (text: string, name: string, from: number, to: number, most: number) => {
      const found = [...text.slice(from, to).matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))].map((m) => m.index);
      return found.length > most ? undefined : found;
    };
    let text = 'for id in ids: print(ids.count, xids, ids2)';
    let search = WordSearch.of(text);
    for (let step = 0; step < 3000; step++) {
      const at = random(text.length + 1);
      const removed = random(Math.min(6, text.length - at) + 1);
      const next = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at + removed);
      search = search.after(next, changeOf(text, next));
      text = next;
      const from = random(text.length + 1);
      const to = from + random(text.length - from + 1);
      for (const name of ['ids', 'id', 'ids$', '$ids', 'é', 'idsé']) {
        const most = random(4);
        assert.deepEqual(wholeNameOffsets(search, name, from, to, most), searchOf(text, name, from, to, most), `step ${step}: ${name} in ${JSON.stringify(text.slice(from, to))}`);
      }
    }
    assert.deepEqual(wholeNameOffsets(WordSearch.of('ids = [1]; for x in ids: a.ids'), 'ids', 0, 30, 8), [0, 20]);
  });
});
