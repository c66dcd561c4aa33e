import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** medusajs/medusa v2: API routes are files, `src/api/<path>/route.ts`, exporting a handler per HTTP method. */
describe('Medusa: file-based API routes', () => {
  it('src/api/**/route.ts serves each exported method at its folders, [id] as :id; not without Medusa, nor outside src/api', async () => {
    const f = await joined({
      'packages/medusa/src/api/admin/stores/[id]/route.ts': lines(
        'import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"',
        'import { refetchStore } from "../helpers"',
        '',
        'export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {',
        '  res.json({ store: await refetchStore(req.params.id) })',
        '}',
        '',
        'export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {',
        '  res.json({})',
        '}',
      ),
      'packages/medusa/src/api/admin/stores/helpers.ts': lines(
        'export async function refetchStore(id: string) {',
        '  const stores = await query.graph({ entity: "store", filters: { id } })',
        '  for (const s of stores) await fetch(`http://pricing/${s.id}`)',
        '  return stores[0]',
        '}',
      ),
      'my-store/src/api/store/hello/[...rest]/route.ts': lines('import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"', 'export const GET = (req: MedusaRequest, res: MedusaResponse) => res.json({})'),
      // Another project's own src/api folder, with no Medusa in it: no file route.
      'tools/src/api/ping/route.ts': lines('export const GET = () => "pong"'),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/store/hello/*', 'my-store/src/api/store/hello/[...rest]/route.ts', 1, 'medusa'],
      ['GET', '/admin/stores/:id', 'packages/medusa/src/api/admin/stores/[id]/route.ts', 3, 'medusa'],
      ['POST', '/admin/stores/:id', 'packages/medusa/src/api/admin/stores/[id]/route.ts', 7, 'medusa'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'call-in-loop packages/medusa/src/api/admin/stores/helpers.ts:3:33 fetch [for…of sequential] → GET /admin/stores/:id',
      'missing-timeout packages/medusa/src/api/admin/stores/helpers.ts:3:33 fetch → GET /admin/stores/:id',
    ]);
  });
});
