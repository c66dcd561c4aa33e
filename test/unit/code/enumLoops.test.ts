import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("a loop over an enum's members is over constants, not data", () => {
  it("Python's Enum class iterated (dispatch's CaseResolutionReason), Java's values(), TypeScript's Object.values of an enum: no query per item; a loop over rows still has one", async () => {
    const f = await joined({
      'src/cases/models.py': lines('from enum import Enum', '', 'class CaseResolutionReason(str, Enum):', '    benign = "Benign"', '    false_positive = "False Positive"'),
      'src/cases/service.py': lines(
        'from src.cases.models import CaseResolutionReason',
        '',
        'def related(db_session, signal_id, cases):',
        '    out = []',
        '    for reason in CaseResolutionReason:',
        '        out.append(db_session.query(Case).filter(Case.resolution_reason == reason).count())',
        '    for case in cases:',
        '        out.append(db_session.query(Case).filter(Case.id == case.parent_id).one())',
        '    return out',
      ),
      'src/main/java/com/acme/ConfigFileController.java': lines(
        'package com.acme;',
        '@RestController',
        'public class ConfigFileController {',
        '  @GetMapping("/configfiles")',
        '  public List<String> all(@RequestParam List<String> ids) {',
        '    for (ConfigFileFormat format : ConfigFileFormat.values()) {',
        '      releaseRepository.findByFormat(format.name());',
        '    }',
        '    for (String id : ids) {',
        '      releaseRepository.findById(id);',
        '    }',
        '    return ids;',
        '  }',
        '}',
      ),
      'src/roles.ts': lines(
        "export enum Role { Owner = 'owner', Member = 'member' }",
        'export async function counts(prisma, ids: string[]) {',
        '  for (const role of Object.values(Role)) await prisma.user.count({ where: { role } });',
        '  for (const id of ids) await prisma.user.findUnique({ where: { id } });',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      [
        'query-in-loop src/cases/service.py:8:20 db_session.query.filter.one [for sequential] → -',
        'query-in-loop src/main/java/com/acme/ConfigFileController.java:10:7 releaseRepository.findById [for-each sequential] → GET /configfiles',
        'query-in-loop src/roles.ts:4:31 prisma.user.findUnique [for…of sequential] → -',
      ],
    );
  });

  it("Python: a module constant made of an enum's members (polar's QUEUE_NAMES = {queue.value for queue in TaskQueue}) is as many; one made of rows is not", async () => {
    const f = await joined({
      'polar/worker/_queues.py': lines('from enum import StrEnum', '', 'class TaskQueue(StrEnum):', '    HIGH = "high"', '    DEFAULT = "default"', '    LOW = "low"'),
      'polar/worker/_queue_metrics.py': lines(
        'from ._queues import TaskQueue',
        '',
        'QUEUE_NAMES = {queue.value for queue in TaskQueue}',
        'ALL_QUEUES = list(TaskQueue)',
        'NAMES = [row.name for row in rows]',
        '',
        'async def collect(redis):',
        '    for name in QUEUE_NAMES:',
        '        await redis.llen(name)',
        '    for queue in ALL_QUEUES:',
        '        await redis.llen(queue)',
        '    for name in NAMES:',
        '        await redis.llen(name)', // 13
      ),
    });
    assert.deepEqual(hazardRows(f).filter((h) => h.includes('in-loop')), ['query-in-loop polar/worker/_queue_metrics.py:13:15 redis.llen [for sequential] → -']);
  });

  it("Python: a loop over model classes, each the table of a statement (polar's delete(model) per association table), is one statement per table; a loop over rows is not", async () => {
    const f = await joined({
      'polar/custom_field/service.py': lines(
        'from sqlalchemy import delete',
        'from .data import attached_custom_fields_models',
        '',
        'async def remove(session, custom_field, rows):',
        '    for model in attached_custom_fields_models:',
        '        await session.execute(delete(model).where(model.custom_field_id == custom_field.id))',
        '    for row in rows:',
        '        await session.execute(delete(CustomFieldData).where(CustomFieldData.id == row.id))', // 8
      ),
    });
    assert.deepEqual(hazardRows(f).filter((h) => h.includes('in-loop')), ['query-in-loop polar/custom_field/service.py:8:15 session.execute [for sequential] → -']);
  });
});
