import { strict as assert } from 'node:assert';
import { DEFAULT_CATALOGUE } from '../../../src/core/code/hazards/callCatalogue';

// Review of stop 68 (RA-11): a rule's file pattern is tried on the whole text with the `m` flag, once per file. A line
// start followed by `\s*` runs over every blank line after it, and again from the next line start: the square of a run
// of blank lines (a Python file of 40,000 blank lines took 36 s). Line starts take `[ \t]*`.
describe("the catalogue's file patterns stay on their line", () => {
  it('no inFilesMatching starts a line with \\s* (which crosses line ends)', () => {
    const tables = [DEFAULT_CATALOGUE.calls, DEFAULT_CATALOGUE.lists, DEFAULT_CATALOGUE.blocking, DEFAULT_CATALOGUE.timeouts, DEFAULT_CATALOGUE.retries];
    const offending = tables
      .flat()
      .map((r) => r.inFilesMatching)
      .filter((p): p is string => p !== undefined && /\^\\s\*/.test(p));
    assert.deepEqual([...new Set(offending)], []);
  });
});
