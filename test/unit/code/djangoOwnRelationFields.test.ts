import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A project's own field class that extends Django's `ForeignKey` is a relation: nautobot's `module_type =
 * ForeignKeyWithAutoRelatedName(to=ModuleType, …)` with `class ForeignKeyWithAutoRelatedName(models.ForeignKey)` in
 * another module, so `filter(module_type=instance)` reads one object's rows. Directly or through one more class of the
 * workspace; not a class further down, nor one that extends another field.
 */
describe("Django: relations made with the project's own ForeignKey subclass", () => {
  it('nautobot: filter(fk=obj) on a ForeignKey subclass, or a subclass of one, is bounded; a field class not made of one is not', async () => {
    const f = await joined({
      'app/fields.py': lines(
        'from django.db import models',
        'class ForeignKeyWithAutoRelatedName(models.ForeignKey):',
        '    pass',
        'class ForeignKeyLimitedByContentTypes(ForeignKeyWithAutoRelatedName):',
        '    pass',
        'class StatusField(ForeignKeyLimitedByContentTypes):',
        '    pass',
        'class NaturalOrderingField(models.CharField):',
        '    pass',
      ),
      'app/models.py': lines(
        'from django.db import models',
        'from .fields import ForeignKeyLimitedByContentTypes, ForeignKeyWithAutoRelatedName, NaturalOrderingField, StatusField',
        'class Page(models.Model):',
        '    title = models.CharField(max_length=50)',
        'class Status(models.Model):',
        '    name = models.CharField(max_length=50)',
        'class Element(models.Model):',
        '    page = ForeignKeyWithAutoRelatedName(to=Page, on_delete=models.CASCADE)',
        'class Block(models.Model):',
        '    page = ForeignKeyLimitedByContentTypes(Page, on_delete=models.CASCADE)',
        '    status = StatusField(Status, on_delete=models.PROTECT)',
        '    slug = NaturalOrderingField(Page, max_length=9)',
      ),
      'app/views.py': lines(
        'from django.http import JsonResponse',
        'from .models import Block, Element, Page',
        'def page_elements(request, pk):',
        '    page = Page.objects.get(pk=pk)',
        '    elements = [e.pk for e in Element.objects.filter(page=page)]',
        '    blocks = [b.pk for b in Block.objects.filter(page=page)]',
        '    active = [b.pk for b in Block.objects.filter(status=request.GET["s"])]', // 7
        '    named = [b.pk for b in Block.objects.filter(slug=request.GET["n"])]', // 8
        '    return JsonResponse({"e": elements, "b": blocks, "a": active, "n": named})',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query app/views.py:7:29 Block.objects.filter → -', 'unbounded-query app/views.py:8:28 Block.objects.filter → -']);
  });
});
