import { strict as assert } from 'node:assert';
import { pythonResultType } from '../../../src/core/code/localTypes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Python: a function that returns a generic class given its type arguments', () => {
  it('returns that class (Optional[X]: an X); not a typing name', () => {
    assert.equal(pythonResultType('GroupRepositoryGeneric[RecipeToolOut, Tool]'), 'GroupRepositoryGeneric');
    assert.equal(pythonResultType('repos.RepositoryGeneric[dict[str, int]]'), 'RepositoryGeneric');
    assert.equal(pythonResultType('Optional[RepositoryTags]'), 'RepositoryTags');
    assert.equal(pythonResultType('typing.Optional[RepositoryTags]'), 'RepositoryTags');
    assert.equal(pythonResultType('RepositoryTags'), 'RepositoryTags');
    assert.equal(pythonResultType('List[RepositoryTags]'), undefined);
    assert.equal(pythonResultType('list[RepositoryTags]'), undefined);
    assert.equal(pythonResultType('Optional[str]'), undefined);
  });

  it("mealie: a call through a repository factory's property typed GroupRepositoryGeneric[…] lands on the repository's method", async () => {
    const f = await joined({
      'app/repos/generic.py': lines(
        'from typing import Generic, TypeVar',
        'from sqlalchemy import select',
        '',
        'T = TypeVar("T")',
        '',
        'class GroupRepositoryGeneric(Generic[T]):',
        '    def __init__(self, session, model):',
        '        self.session = session',
        '        self.model = model',
        '',
        '    def get_one(self, value):',
        '        return self.session.execute(select(self.model).filter_by(slug=value)).scalars().one()',
      ),
      'app/repos/factory.py': lines(
        'from functools import cached_property',
        'from app.repos.generic import GroupRepositoryGeneric',
        '',
        'class AllRepositories:',
        '    def __init__(self, session):',
        '        self.session = session',
        '',
        '    @cached_property',
        '    def tools(self) -> GroupRepositoryGeneric[ToolOut, Tool]:',
        '        return GroupRepositoryGeneric(self.session, Tool)',
      ),
      'app/routes/tools.py': lines(
        'from fastapi import APIRouter',
        'from app.repos.factory import AllRepositories',
        '',
        'router = APIRouter(prefix="/tools")',
        '',
        'class ToolsController:',
        '    repos: AllRepositories',
        '',
        '    @router.get("/slug/{slug}")',
        '    async def get_one_by_slug(self, slug: str):',
        '        return self.repos.tools.get_one(slug)',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('blocking-call')),
      ['blocking-call app/routes/tools.py:11:16 self.repos.tools.get_one → self.session.execute.scalars → GET /tools/slug/{slug}'],
    );
  });
  it("mealie: a property that only makes and returns a generic class's instance (`return HttpRepo[C, R, U](…)`) returns that class", async () => {
    const f = await joined({
      'app/mixins.py': lines(
        'from typing import Generic, TypeVar',
        '',
        'C = TypeVar("C")',
        '',
        'class HttpRepo(Generic[C]):',
        '    def __init__(self, session):',
        '        self.session = session',
        '',
        '    def update_one(self, data, item_id):',
        '        return self.session.execute(update_statement(item_id, data))',
      ),
      'app/routes/cookbooks.py': lines(
        'from functools import cached_property',
        'from fastapi import APIRouter',
        'from app.mixins import HttpRepo',
        '',
        'router = APIRouter(prefix="/cookbooks")',
        '',
        'class CookbooksController:',
        '    @cached_property',
        '    def mixins(self):',
        '        """The repository\'s HTTP helpers."""',
        '        return HttpRepo[CreateCookBook, ReadCookBook, UpdateCookBook](self.session)',
        '',
        '    @router.put("")',
        '    def update_many(self, data: list[UpdateCookBook]):',
        '        for cookbook in data:',
        '            self.mixins.update_one(cookbook, cookbook.id)',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      ['query-in-loop app/routes/cookbooks.py:16:13 self.mixins.update_one → self.session.execute [for sequential] → PUT /cookbooks'],
    );
  });
});
