import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * TypeORM reached through a field of another object: Flowise's `appServer.AppDataSource.getRepository(X).count(…)`
 * (its app server holds the DataSource) and `queryRunner.manager.delete(X, …)` (a query runner's entity manager).
 */
describe("TypeORM through another object's field", () => {
  it('queries per item in a loop, and reads every row with no take', async () => {
    const f = await joined({
      'src/services/dataset/index.ts': lines(
        "import { In } from 'typeorm'",
        "import { getRunningExpressApp } from '../../utils/getRunningExpressApp'",
        'export const getAllDatasets = async () => {',
        '  const appServer = getRunningExpressApp()',
        '  const datasets = await appServer.AppDataSource.getRepository(Dataset).find()', // 5
        '  for (const d of datasets) {',
        '    d.rowCount = await appServer.AppDataSource.getRepository(DatasetRow).count({ where: { datasetId: d.id } })', // 7
        '  }',
        '  return datasets',
        '}',
        'export const removeAll = async (queryRunner, ids: string[]) => {',
        '  for (const id of ids) {',
        '    await queryRunner.manager.delete(Dataset, { id })', // 13
        '  }',
        '}',
        'export const byOrganization = async (queryRunner, organizationId: string) => {',
        '  return queryRunner.manager.findBy(Workspace, { organizationId })', // 17: one parent's rows
        '}',
        'export const names = async (settings, ids: string[]) => {',
        '  for (const id of ids) settings.labels.find((l) => l.id === id)', // 20: an array's find
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/services/dataset/index.ts:13:11 queryRunner.manager.delete [for…of sequential] → -',
      'query-in-loop src/services/dataset/index.ts:7:24 appServer.AppDataSource.getRepository.count [for…of sequential] → -',
      'unbounded-query src/services/dataset/index.ts:5:26 appServer.AppDataSource.getRepository.find → -',
    ]);
  });
});
