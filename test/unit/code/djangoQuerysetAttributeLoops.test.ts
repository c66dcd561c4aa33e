import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A queryset narrowed and kept as an object's `queryset` in a loop, nautobot's `for field_name, field in
 * self.fields.items(): field.queryset = field.queryset.filter(device_type=data)`: each form field's choices, built and
 * kept, run nothing in the loop. Another attribute set per row (read later, per row), or a name then listed, still is.
 */
describe('Django: a queryset kept as a queryset attribute in a loop', () => {
  it("nautobot: field.queryset = field.queryset.filter(…) per form field is silent; a row's attribute or a listed name is not", async () => {
    const f = await joined({
      'app/models.py': lines(
        'from django.db import models',
        'class Page(models.Model):',
        '    title = models.CharField(max_length=50)',
        'class Element(models.Model):',
        '    page = models.ForeignKey(Page, on_delete=models.CASCADE)',
        '    kind = models.CharField(max_length=20)',
      ),
      'app/forms.py': lines(
        'from django import forms',
        'from .models import Element, Page',
        'class ElementForm(forms.ModelForm):',
        '    def clean_page(self):',
        '        data = self.cleaned_data["page"]',
        '        for name, field in self.fields.items():',
        '            if isinstance(field, forms.ModelChoiceField) and name != "page":',
        '                field.queryset = field.queryset.filter(page=data)',
        '        for name in ("kind", "other"):',
        '            self.fields[name].queryset = Element.objects.filter(page=data)',
        '        return data',
        'def annotate(pages):',
        '    for page in pages:',
        '        page.kinds = Element.objects.filter(page=page).values("kind")', // 14
        '        rows = page.element_set.filter(kind="a")', // 15
        '        print(list(rows))',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      ['query-in-loop app/forms.py:14:22 Element.objects.filter.values [for sequential] → -', 'query-in-loop app/forms.py:15:16 page.element_set.filter [for sequential] → -'],
    );
  });
});
