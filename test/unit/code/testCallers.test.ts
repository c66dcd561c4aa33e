import assert from 'node:assert/strict';
import { hazardRows, joined } from './fixtureWorkspace';

/**
 * A function that returns a queryset is reported unless every caller found reads only part of it. A test's call is
 * not one of those callers: production's reading is what counts, and a full pass does not read tests the service
 * does not import (netbox's `Aggregate.get_child_prefixes`, counted by `test_views.py` only).
 */
describe("a test's call of a function returning a queryset", () => {
  const model = [
    'from django.db import models',
    '',
    'class Aggregate(models.Model):',
    '    def get_child_prefixes(self):',
    '        return Prefix.objects.filter(prefix__net_contained=str(self.prefix))',
    '',
  ].join('\n');

  it('does not decide whether the rows are read whole', async () => {
    const files = await joined({
      'ipam/models.py': model,
      'ipam/tests/test_views.py': 'from ipam.models import Aggregate\n\ndef test_children(aggregate: Aggregate):\n    assert aggregate.get_child_prefixes().count() == 3\n',
    });
    assert.deepEqual(hazardRows(files), ['unbounded-query ipam/models.py:5:16 Prefix.objects.filter → -']);
  });

  it('while a caller of the service that counts them still does', async () => {
    const files = await joined({
      'ipam/models.py': model,
      'ipam/views.py': 'from ipam.models import Aggregate\n\ndef badge(aggregate: Aggregate):\n    return aggregate.get_child_prefixes().count()\n',
    });
    assert.deepEqual(hazardRows(files), []);
  });
});
