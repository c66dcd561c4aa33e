import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('MongoDB from Python (pymongo, Motor) and Go (mongo-driver)', () => {
  it('pymongo: a query per item is a query in a loop; a find without a limit, by _id or over given ids is unbounded', async () => {
    // The shape of plane's bgtasks (a pymongo Collection kept in a name) and of a Motor repository.
    const f = await joined({
      'app/store.py': lines(
        'from pymongo.collection import Collection',
        'from pymongo import MongoClient',
        '',
        'def archive(mongo_collection: Collection, docs):',
        '    for doc in docs:',
        '        mongo_collection.insert_one(doc)', // 6: per item
        '    mongo_collection.insert_many(docs)',
        '',
        'def users(db, ids):',
        '    everyone = list(db.users.find({"active": True}))', // 10: every match
        '    page = list(db.users.find({"active": True}).limit(20))',
        '    chosen = list(db.users.find({"_id": {"$in": ids}}))',
        '    one = db.users.find_one({"_id": ids[0]})',
        '    return everyone, page, chosen, one',
      ),
      // Not a MongoDB module: a `find` of another kind is not taken for one.
      'app/other.py': lines('def search(db, names):', '    for n in names:', '        db.find(n)'),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/store.py:6:9 mongo_collection.insert_one [for sequential] → -',
      'unbounded-query app/store.py:10:21 db.users.find → -',
    ]);
  });

  it('Go: a query per item is a query in a loop; Find without SetLimit is unbounded; GORM elsewhere is still GORM', async () => {
    const f = await joined({
      'go.mod': 'module example.com/users\n',
      'store/users.go': lines(
        'package store',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"go.mongodb.org/mongo-driver/bson"',
        '\t"go.mongodb.org/mongo-driver/mongo"',
        '\t"go.mongodb.org/mongo-driver/mongo/options"',
        ')',
        '',
        'type Store struct{ coll *mongo.Collection }',
        '',
        'func (s *Store) Touch(ctx context.Context, ids []string) {',
        '\tfor _, id := range ids {',
        '\t\ts.coll.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"seen": true}})', // 15: per item
        '\t}',
        '}',
        '',
        'func (s *Store) All(ctx context.Context, db *mongo.Database) {',
        '\tcur, _ := s.coll.Find(ctx, bson.M{"active": true})', // 20: every match
        '\tpage, _ := s.coll.Find(ctx, bson.M{}, options.Find().SetLimit(20))',
        '\tone := db.Collection("users").FindOne(ctx, bson.M{"_id": 1})',
        '\t_, _, _ = cur, page, one',
        '}',
      ),
      'sql/users.go': lines(
        'package sql',
        '',
        'func All(db *gorm.DB) []User {',
        '\tvar users []User',
        '\tdb.Find(&users)', // 5: GORM's, unbounded as GORM's
        '\treturn users',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop store/users.go:15:3 s.coll.UpdateOne [for sequential] → -',
      'unbounded-query sql/users.go:5:2 db.Find → -',
      'unbounded-query store/users.go:20:12 s.coll.Find → -',
    ]);
  });
});
