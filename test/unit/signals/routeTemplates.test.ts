import assert from 'node:assert/strict';
import { normaliseRoute, sameRoute } from '../../../src/core/signals/routeTemplates';

describe('route templates', () => {
  it('Express :id, OpenAPI/FastAPI {id} and Flask <int:id> all become /users/{}', () => {
    assert.equal(normaliseRoute('/users/:id'), '/users/{}');
    assert.equal(normaliseRoute('/users/{id}'), '/users/{}');
    assert.equal(normaliseRoute('/users/<int:id>'), '/users/{}');
    assert.equal(normaliseRoute('/users/<id>'), '/users/{}');
  });

  it('the three spellings meet each other', () => {
    assert.ok(sameRoute('/users/:id', '/users/{id}'));
    assert.ok(sameRoute('/users/{user_id}', '/users/<int:user_id>'));
    assert.ok(sameRoute('/users/:id', '/users/<int:id>'));
  });

  it('several parameters, constraints and optional markers', () => {
    assert.equal(normaliseRoute('/orgs/:org/repos/:repo'), '/orgs/{}/repos/{}');
    assert.equal(normaliseRoute('/orders/:id(\\d+)'), '/orders/{}');
    assert.equal(normaliseRoute('/orders/:id?'), '/orders/{}');
    assert.equal(normaliseRoute('/files/{path:path}'), '/files/{}');
    assert.ok(sameRoute('/orgs/:org/repos/:repo', '/orgs/{org}/repos/{name}'));
  });

  it('a trailing slash does not matter; the root stays /', () => {
    assert.equal(normaliseRoute('/users/'), '/users');
    assert.ok(sameRoute('/users/', '/users'));
    assert.ok(sameRoute('/users/:id/', '/users/{id}'));
    assert.equal(normaliseRoute('/'), '/');
    assert.equal(normaliseRoute(''), '/');
    assert.equal(normaliseRoute(' /users '), '/users');
  });

  it("a leading slash does not matter: Django's resolver routes have none (`api/events/<int:id>`)", () => {
    assert.equal(normaliseRoute('api/events/<int:event_id>'), '/api/events/{}');
    assert.ok(sameRoute('items', '/items'));
    assert.ok(!sameRoute('items', '/items/{id}'));
  });

  it('different routes stay different', () => {
    assert.ok(!sameRoute('/users/:id', '/users'));
    assert.ok(!sameRoute('/users/:id', '/users/:id/orders'));
    assert.ok(!sameRoute('/users/me', '/users/:id'));
    assert.ok(!sameRoute('/orders', '/order'));
  });
});
