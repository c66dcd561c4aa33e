import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A paging loop ended on an empty page read with optional chaining (n8n's strapi-utils paginatedRequest: `if
 * (!responseData?.length) break; … } while (responseData?.length)`, the page taken out of the answer by
 * `response?.data?.data?.map(…)`) is the same loop as one ended on `!data.length`: a page a turn, no call per item.
 */
describe('paging loops ended on a page read with optional chaining', () => {
  it('a page ended on `!page?.length` or `page?.length < size`, also taken out of the answer with `?.`, is no call in a loop', async () => {
    const f = await joined({
      'src/pages.ts': lines(
        "import axios from 'axios';",
        'export async function untilEmpty(url: string) {',
        '  let out: unknown[] = [];',
        '  let page = 1;',
        '  while (true) {',
        '    const response = await axios.get(url, { params: { page }, timeout: 10_000 });', // 6
        '    const data = response.data?.data;',
        '    if (!data?.length) break;',
        '    out = out.concat(data);',
        '    page++;',
        '  }',
        '  return out;',
        '}',
        'export async function untilShort(url: string, pageSize: number) {',
        '  let offset = 0;',
        '  while (true) {',
        '    const { items } = await axios.get(url, { params: { offset, pageSize }, timeout: 10_000 }).then((r) => r.data);', // 17
        '    offset += pageSize;',
        '    if (items?.length < pageSize) break;',
        '  }',
        '}',
        'export async function strapi<T>(url: string): Promise<T[]> {', // n8n's paginatedRequest
        '  let returnData: T[] = [];',
        '  let responseData: T[] | undefined = [];',
        '  const params = { pagination: { page: 1, pageSize: 25 } };',
        '  do {',
        '    let response;',
        '    try {',
        '      response = await axios.get(url, { params, timeout: 10_000 });', // 29
        '    } catch (error) {',
        '      break;',
        '    }',
        '    responseData = response?.data?.data?.map((item) => item.attributes);',
        '    if (!responseData?.length) break;',
        '    returnData = returnData.concat(responseData);',
        '    params.pagination.page++;',
        '  } while (responseData?.length);',
        '  return returnData;',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('still reports a call per item, and a loop that stops on a full page', async () => {
    const f = await joined({
      'src/items.ts': lines(
        "import axios from 'axios';",
        'export async function perItem(url: string, ids?: string[]) {',
        '  let i = 0;',
        '  while (true) {',
        '    if (!ids?.length) break;', // a list given, not a page read
        '    await axios.post(url, { id: ids.shift() }, { timeout: 1000 });', // 6
        '    i++;',
        '  }',
        '}',
        'export async function untilFull(url: string) {',
        '  let page = 1;',
        '  while (true) {',
        '    const response = await axios.get(url, { params: { page }, timeout: 10_000 });', // 13
        '    const data = response.data?.data;',
        '    if (data?.length) break;', // leaves on the first page that has rows
        '    page++;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/items.ts:13:28 axios.get [while sequential] → -',
      'call-in-loop src/items.ts:6:11 axios.post [while sequential] → -',
    ]);
  });
});
