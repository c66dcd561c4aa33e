import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('LoopBack 4 controllers', () => {
  it('@get/@post/@del and @operation on methods under the class\'s @api basePath; the repository calls of the handler; not another library\'s get decorator', async () => {
    const f = await joined({
      'src/controllers/todo.controller.ts': lines(
        "import { api, del, get, operation, param, post, requestBody } from '@loopback/rest';",
        "@api({ basePath: '/v1' })",
        'export class TodoController {',
        '  constructor(private todoRepository: TodoRepository) {}',
        "  @get('/todos/{id}')",
        "  async findTodoById(@param.path.number('id') id: number) { return this.todoRepository.findById(id); }",
        "  @get('/todos')",
        '  async find() { return this.todoRepository.find(); }',
        "  @post('/todos')",
        '  async create(@requestBody() todo: Todo) { return this.todoRepository.create(todo); }',
        "  @del('/todos/{id}')",
        '  async deleteById(id: number) { return this.todoRepository.deleteById(id); }',
        "  @operation('patch', '/todos/{id}')",
        '  async update(id: number) {}',
        '}',
      ),
      'src/cache.ts': lines("import { get } from './memo';", 'export class Cache {', "  @get('/not/a/route')", '  read() {}', '}'),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/v1/todos/{id}', 'src/controllers/todo.controller.ts', 4, 'loopback'],
      ['GET', '/v1/todos', 'src/controllers/todo.controller.ts', 6, 'loopback'],
      ['POST', '/v1/todos', 'src/controllers/todo.controller.ts', 8, 'loopback'],
      ['DELETE', '/v1/todos/{id}', 'src/controllers/todo.controller.ts', 10, 'loopback'],
      ['PATCH', '/v1/todos/{id}', 'src/controllers/todo.controller.ts', 12, 'loopback'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query src/controllers/todo.controller.ts:8:25 this.todoRepository.find → GET /v1/todos']);
  });
});
