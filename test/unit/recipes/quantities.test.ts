import assert from 'node:assert/strict';
import { formatBytes, formatCores, parseCpu, parseMemory, parseQuantity } from '../../../src/core/recipes/quantities';

const Mi = 2 ** 20;
const Gi = 2 ** 30;

describe('quantities', () => {
  describe('parseCpu (cores)', () => {
    it('reads millicores: 250m → 0.25', () => {
      assert.equal(parseCpu('250m'), 0.25);
    });
    it('reads decimal cores: 1.5 (number) and "1.5" (string)', () => {
      assert.equal(parseCpu(1.5), 1.5);
      assert.equal(parseCpu('1.5'), 1.5);
    });
    it('reads the Compose quoted string "0.50" → 0.5', () => {
      assert.equal(parseCpu('0.50'), 0.5);
    });
    it('reads an exponent: 1e3 → 1000', () => {
      assert.equal(parseCpu('1e3'), 1000);
    });
    it('refuses negative CPU', () => {
      assert.equal(parseCpu('-1'), undefined);
      assert.equal(parseCpu(-0.5), undefined);
    });
  });

  describe('parseMemory (bytes)', () => {
    it('reads binary suffixes exactly: 512Mi, 1Gi', () => {
      assert.equal(parseMemory('512Mi'), 512 * Mi);
      assert.equal(parseMemory('1Gi'), Gi);
    });
    it('reads Kubernetes decimal suffixes as decimal: 1G → 1e9 (not 2^30)', () => {
      assert.equal(parseMemory('1G'), 1e9);
      assert.equal(parseMemory('1G', 'kubernetes'), 1e9);
    });
    it('reads 1e3 as 1000 bytes', () => {
      assert.equal(parseMemory('1e3'), 1000);
    });
    it("reads Compose's docker sizes as binary: 512M, 512m, 1g, 1gb", () => {
      assert.equal(parseMemory('512M', 'compose'), 512 * Mi);
      assert.equal(parseMemory('512m', 'compose'), 512 * Mi);
      assert.equal(parseMemory('1g', 'compose'), Gi);
      assert.equal(parseMemory('1gb', 'compose'), Gi);
    });
    it('still reads Kubernetes suffixes in Compose: 512Mi', () => {
      assert.equal(parseMemory('512Mi', 'compose'), 512 * Mi);
    });
  });

  describe('junk', () => {
    for (const junk of ['', 'abc', '12Qi', '1.2.3', 'm', '250 m', 'Infinity', '0x10', '1,5']) {
      it(`"${junk}" → undefined`, () => {
        assert.equal(parseQuantity(junk), undefined);
        assert.equal(parseCpu(junk), undefined);
        assert.equal(parseMemory(junk), undefined);
      });
    }
    const values: [string, unknown][] = [
      ['null', null],
      ['undefined', undefined],
      ['true', true],
      ['{}', {}],
      ['[]', []],
      ['NaN', Number.NaN],
      ['Infinity (number)', Number.POSITIVE_INFINITY],
    ];
    for (const [label, junk] of values) {
      it(`non-quantity value ${label} → undefined`, () => {
        assert.equal(parseQuantity(junk), undefined);
        assert.equal(parseCpu(junk), undefined);
        assert.equal(parseMemory(junk, 'compose'), undefined);
      });
    }
  });

  describe('formatting', () => {
    it('formats cores as millicores below one core', () => {
      assert.equal(formatCores(0.25), '250m');
      assert.equal(formatCores(1), '1');
      assert.equal(formatCores(1.5), '1.5');
    });
    it('formats bytes in binary units', () => {
      assert.equal(formatBytes(512 * Mi), '512 MiB');
      assert.equal(formatBytes(Gi), '1 GiB');
    });
  });
});
