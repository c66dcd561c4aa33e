import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Tortoise ORM and peewee models query through their class methods (`await User.get(id=i)`, `Tweet.select()…`),
 * which the model inherits from the ORM: the workspace join knows a class is a model from its bases.
 */
describe('Python active-record models (Tortoise ORM, peewee)', () => {
  it('Tortoise: a model query per item is a query in a loop on the route; awaiting all() or filter() without a limit is unbounded', async () => {
    // The shape of Tortoise's FastAPI example: models in one module, routes in another.
    const f = await joined({
      'app/models.py': lines(
        'from tortoise import fields, models',
        '',
        'class Users(models.Model):',
        '    id = fields.IntField(primary_key=True)',
        '    username = fields.CharField(max_length=20)',
        '',
        'class Settings:', // not a model: its `get` is a project's own
        '    @classmethod',
        '    def get(cls, key):',
        '        return key',
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.models import Users, Settings',
        '',
        'app = FastAPI()',
        '',
        '@app.get("/users")',
        'async def get_users(ids: list[int]):',
        '    everyone = await Users.all()', // 8: every row
        '    page = await Users.all().limit(20)',
        '    active = await Users.filter(active=True).order_by("-id")', // 10: every match
        '    kept = Users.filter(active=True)',
        '    one = await Users.filter(id=ids[0]).first()',
        '    named = [await Users.get(id=i) for i in ids]', // 13: per id
        '    opts = [Settings.get(k) for k in ids]',
        '    await Users.filter(active=False).update(active=True)',
        '    mine = await Users.filter(id=ids[0]).prefetch_related("groups")',
        '    return everyone, page, active, kept, one, named, opts, mine',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/main.py:13:20 Users.get [comprehension sequential] → GET /users',
      'unbounded-query app/main.py:10:20 Users.filter.order_by → GET /users',
      'unbounded-query app/main.py:8:22 Users.all → GET /users',
    ]);
  });

  it('peewee: a model through the project\'s BaseModel queries per item; a model of another ORM or none does not', async () => {
    // The shape of peewee's Flask twitter example.
    const f = await joined({
      'app/base.py': lines('from peewee import *', '', 'db = SqliteDatabase("tweepee.db")', '', 'class BaseModel(Model):', '    class Meta:', '        database = db'),
      'app/models.py': lines('from peewee import CharField', 'from app.base import BaseModel', '', 'class User(BaseModel):', '    username = CharField(unique=True)', '', 'class Tweet(BaseModel):', '    content = CharField()'),
      'app/views.py': lines(
        'from flask import Flask',
        'from app.models import Tweet, User',
        '',
        'app = Flask(__name__)',
        '',
        '@app.route("/timeline")',
        'def timeline():',
        '    users = list(User.select())',
        '    counts = {}',
        '    for u in users:',
        '        counts[u.username] = Tweet.select().where(Tweet.user == u).count()', // 11: per user
        '    return counts',
      ),
      // Django's models.Model queries through `objects`, not its class methods.
      'shop/models.py': lines('from django.db import models', '', 'class Tag(models.Model):', '    name = models.CharField(max_length=20)'),
      'shop/views.py': lines('from shop.models import Tag', '', 'def names(request, ids):', '    return [Tag.get(i) for i in ids]'),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/views.py:11:30 Tweet.select.where [for sequential] → GET /timeline']);
  });
});
