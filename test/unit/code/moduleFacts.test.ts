import { strict as assert } from 'node:assert';
import { moduleFacts } from '../../../src/core/code/moduleFacts';

describe('JavaScript module facts', () => {
  it("a module handed whole to a wrapper is that module under the new name; one handed to any other call is not", () => {
    const { imports } = moduleFacts(
      [
        "import * as rawTagController from './tag.controller';",
        "import * as config from './config';",
        'const tagController = wrapController(rawTagController);',
        'const db = knex(config);',
      ].join('\n'),
      'js',
    );
    assert.deepEqual(
      imports.filter((i) => i.local === 'tagController' || i.local === 'db'),
      [{ local: 'tagController', module: './tag.controller', imported: '*' }],
    );
  });

  it("`module.exports = require('./routes')` is that module whole; what it gives when called, or a member of it, is not", () => {
    const whole = moduleFacts("module.exports = require('./routes');", 'js');
    assert.deepEqual(whole.imports, [{ local: '*', module: './routes', imported: '*' }]);
    for (const text of ["module.exports = require('./routes')(app);", "module.exports = require('./routes').default;"]) {
      assert.deepEqual(moduleFacts(text, 'js').imports.filter((i) => i.local === '*'), [], text);
    }
  });
});
