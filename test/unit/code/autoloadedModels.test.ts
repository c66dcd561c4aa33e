import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** Wiki.js's shape: an Apollo server whose resolvers call a model of the folder server/core/db.js loads with auto-load. */
function wiki(db: string, call = 'WIKI.models.users.updateUser(args)', extra: Record<string, string> = {}): Record<string, string> {
  return {
    'server/index.js': lines(
      "const path = require('path')",
      "const express = require('express')",
      "const autoload = require('auto-load')",
      "const _ = require('lodash')",
      "const { ApolloServer } = require('apollo-server-express')",
      'global.WIKI = {}',
      "WIKI.models = require('./core/db').init()",
      'const app = express()',
      'const resolvers = {}',
      "_.values(autoload(path.join(__dirname, 'graph/resolvers'))).forEach(r => _.merge(resolvers, r))",
      "const server = new ApolloServer({ typeDefs: 'type Mutation { updateUser: Boolean }', resolvers })",
      'server.applyMiddleware({ app })',
      'app.listen(3000)',
    ),
    'server/core/db.js': db,
    'server/graph/resolvers/user.js': lines(
      'module.exports = {',
      '  Mutation: {',
      '    async updateUser (obj, args) {',
      `      await ${call}`,
      '      return { ok: true }',
      '    }',
      '  }',
      '}',
    ),
    'server/models/users.js': lines(
      "const Model = require('objection').Model",
      'module.exports = class User extends Model {',
      "  static get tableName() { return 'users' }",
      '  static async updateUser ({ id, groups }) {',
      '    const usr = await WIKI.models.users.query().findById(id)',
      '    for (const grp of groups) {',
      "      await usr.$relatedQuery('groups').relate(grp)",
      '    }',
      '  }',
      '}',
    ),
    ...extra,
  };
}

/** server/core/db.js as Wiki.js writes it: the folder under a base it does not say (`WIKI.SERVERPATH`). */
const SERVERPATH_DB = lines(
  "const path = require('path')",
  "const autoload = require('auto-load')",
  'module.exports = {',
  '  init () {',
  "    const models = autoload(path.join(WIKI.SERVERPATH, 'models'))",
  '    return { ...this, ...models }',
  '  }',
  '}',
);

const LOOP = "query-in-loop server/models/users.js:7:13 usr.$relatedQuery [for…of sequential]";

describe('a model of a folder auto-load loads, called through the object it is hung on (Wiki.js\'s WIKI.models)', () => {
  it("`WIKI.models.users.updateUser(…)` in a resolver lands on models/users.js's static method: its loop is on POST /graphql, the folder under WIKI.SERVERPATH or __dirname", async () => {
    assert.deepEqual(hazardRows(await joined(wiki(SERVERPATH_DB))), [`${LOOP} → POST /graphql`]);
    const dirname = SERVERPATH_DB.replace("path.join(WIKI.SERVERPATH, 'models')", "path.join(__dirname, '../models')");
    assert.deepEqual(hazardRows(await joined(wiki(dirname))), [`${LOOP} → POST /graphql`]);
  });

  it('no route without the auto-load of that folder, through another member than the folder, to a file the folder does not hold, or with two such folders in the service', async () => {
    const required = SERVERPATH_DB.replace("const autoload = require('auto-load')", "const autoload = require('./own-loader')");
    assert.deepEqual(hazardRows(await joined(wiki(required))), [`${LOOP} → -`]);
    const otherFolder = SERVERPATH_DB.replace("'models'", "'services'");
    assert.deepEqual(hazardRows(await joined(wiki(otherFolder))), [`${LOOP} → -`]);
    assert.deepEqual(hazardRows(await joined(wiki(SERVERPATH_DB, 'WIKI.repos.users.updateUser(args)'))), [`${LOOP} → -`]);
    assert.deepEqual(hazardRows(await joined(wiki(SERVERPATH_DB, 'WIKI.models.accounts.updateUser(args)'))), [`${LOOP} → -`]);
    // Under a base the file does not say, client/models/users.js could be the one loaded as well: neither is taken.
    const twice = { 'client/models/users.js': lines('module.exports = class User {', '  static updateUser () { return 1 }', '}') };
    assert.deepEqual(hazardRows(await joined(wiki(SERVERPATH_DB, undefined, twice))), [`${LOOP} → -`]);
  });
});
