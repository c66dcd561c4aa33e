import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * polar makes each repository with its class's own factory (`ProductRepository.from_session(session)`), not its
 * constructor: the local is still an instance of that class, whose methods run the queries.
 */
describe("Python: a local made by its class's factory method", () => {
  it('is typed by that class: a repository method per item is a query in a loop; a factory of another name is not read as one', async () => {
    const f = await joined({
      'server/polar/product/repository.py': lines(
        'from typing import Self',
        '',
        'class ProductRepository:',
        '    def __init__(self, session):',
        '        self.session = session',
        '',
        '    @classmethod',
        '    def from_session(cls, session) -> Self:',
        '        return cls(session)',
        '',
        '    async def get_by_id(self, id):',
        '        return (await self.session.execute(select(Product).where(Product.id == id))).scalar_one_or_none()',
      ),
      'server/polar/discount/service.py': lines(
        'from polar.product.repository import ProductRepository',
        '',
        'async def create(session, product_ids):',
        '    product_repository = ProductRepository.from_session(session)',
        '    for product_id in product_ids:',
        '        await product_repository.get_by_id(product_id)', // 6
        '',
        'async def parse(session, texts):',
        '    parsed = ProductRepository.parse_all(texts)',
        '    for text in texts:',
        '        await parsed.get_by_id(text)', // a value of unknown kind
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop server/polar/discount/service.py:6:15 product_repository.get_by_id → self.session.execute [for sequential] → -']);
  });
});
