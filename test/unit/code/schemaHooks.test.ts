import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// CTFd's API: a Flask-RESTX resource loads and dumps through marshmallow schemas whose hooks query.
describe('marshmallow schema hooks', () => {
  it("load runs the @pre_load/@validates hooks, dump the @post_dump ones, on the handler's route; many=True runs a per-item hook once per item", async () => {
    const f = await joined({
      'CTFd/schemas/users.py': lines(
        'from marshmallow import ValidationError, post_dump, pre_load, validates',
        'from CTFd.models import ma, Users, UserFields',
        'class UserSchema(ma.ModelSchema):',
        '    @pre_load',
        '    def validate_name(self, data):',
        '        similar = Users.query.filter(Users.name.like(data["name"])).all()',
        '        return data',
        '    @post_dump',
        '    def process_fields(self, data):',
        '        fields = UserFields.query.all()',
        '        return data',
        '    @post_dump(pass_many=True)',
        '    def wrap(self, data, many):',
        '        return {"data": data}',
        '    def helper(self):',
        '        return Users.query.count()',
      ),
      'CTFd/api/v1/users.py': lines(
        'from flask_restx import Namespace, Resource',
        'from CTFd.schemas.users import UserSchema',
        'users_namespace = Namespace("users")',
        '@users_namespace.route("")',
        'class UserList(Resource):',
        '    def get(self):',
        '        return UserSchema(view="user", many=True).dump(users)',
        '    def post(self):',
        '        schema = UserSchema("admin")',
        '        response = schema.load(request.get_json())',
        '        return response',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop CTFd/api/v1/users.py:7:16 UserSchema.dump → UserFields.query.all [marshmallow many=True sequential] → GET /users',
      'unbounded-query CTFd/schemas/users.py:10:18 UserFields.query.all → GET /users',
      'unbounded-query CTFd/schemas/users.py:6:19 Users.query.filter.all → POST /users',
    ]);
  });
});
