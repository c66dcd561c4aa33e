import assert from 'node:assert/strict';
import { readAhead, type Read } from '../../../src/core/analysis/readAhead';

describe('reading files a few ahead (readAhead)', () => {
  it('gives every file in the order given, however the reads finish, with at most `ahead` under way', async () => {
    const files = Array.from({ length: 50 }, (_, i) => `f${i}`);
    let running = 0;
    let most = 0;
    const read = async (f: string) => {
      running++;
      most = Math.max(most, running);
      // Later files finish first: the order given must hold anyway.
      await new Promise((r) => setTimeout(r, (50 - Number(f.slice(1))) % 7));
      running--;
      return `text of ${f}`;
    };
    const got: Read[] = [];
    for await (const r of readAhead(files, read, 8)) got.push(r);
    assert.deepEqual(got, files.map((file) => ({ file, text: `text of ${file}` })));
    assert.equal(most, 8);
  });

  it('gives a file that cannot be read as its error, whether the read rejects or throws, and goes on', async () => {
    const read = (f: string): Promise<string> => {
      if (f === 'sync') throw new Error('EISDIR');
      if (f === 'async') return Promise.reject(new Error('EACCES'));
      return Promise.resolve(f.toUpperCase());
    };
    const got: string[] = [];
    for await (const r of readAhead(['a', 'sync', 'b', 'async', 'c'], read, 2)) got.push('error' in r ? `${r.file}: ${r.error.message}` : `${r.file}=${r.text}`);
    assert.deepEqual(got, ['a=A', 'sync: EISDIR', 'b=B', 'async: EACCES', 'c=C']);
  });
});
