import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Connexion: OpenAPI operations served by the Python functions they name', () => {
  it('operationId api.pets.get_pets, or x-openapi-router-controller + operationId, under the first server\'s path; a function the service lacks serves nothing', async () => {
    const f = await joined({
      'spec/openapi.yaml': lines(
        'openapi: "3.0.0"', // 1
        'info: { title: Pets, version: "1.0" }',
        'servers:',
        '  - url: http://localhost:8080/api/v1',
        'paths:', // 5
        '  /pets:',
        '    get:',
        '      operationId: api.pets.get_pets',
        '    post:',
        '      operationId: api.pets.missing', // 10
        '  /pets/{pet_id}:',
        '    x-openapi-router-controller: api.pets',
        '    get:',
        '      operationId: get_pet',
        '    delete:', // 15
        '      operationId: deletePet',
      ),
      'api/pets.py': lines(
        'from .db import session', // 1
        'def get_pets(limit=100):',
        '    return [p.dump() for p in session.query(Pet).all()]',
        'def get_pet(pet_id):',
        '    return session.get(Pet, pet_id).dump()', // 5
        'def delete_pet(pet_id):',
        '    return None',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/v1/pets', 'spec/openapi.yaml', 6, 'connexion'],
      ['GET', '/api/v1/pets/{pet_id}', 'spec/openapi.yaml', 12, 'connexion'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query api/pets.py:3:31 session.query.all → GET /api/v1/pets']);
  });

  it("Swagger 2's basePath, and a spec kept in a spec/ folder (Connexion's specification_dir) read as a spec, not tests", async () => {
    const f = await joined({
      'svc/spec/swagger.yaml': lines('swagger: "2.0"', 'info: { title: Hello, version: "1.0" }', 'basePath: /swagger', 'paths:', '  /greeting/{name}:', '    post:', '      operationId: hello.post_greeting'),
      'svc/hello.py': lines('def post_greeting(name):', '    return f"Hello {name}"'),
    });
    assert.deepEqual(routeRows(f), [['POST', '/swagger/greeting/{name}', 'svc/spec/swagger.yaml', 5, 'connexion']]);
  });
});
