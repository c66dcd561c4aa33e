import { strict as assert } from 'node:assert';
import { nestedSerializersOf } from '../../../src/core/code/routes/nestedSerializers';

describe('DRF serializers made of other serializers (nestedSerializersOf)', () => {
  it("reads each serializer class's fields made of a serializer, not DRF's own, not another class's, nor a method's locals", () => {
    const text = [
      'from rest_framework import serializers',
      '',
      'class BookSerializer(serializers.ModelSerializer):',
      '    author = AuthorSerializer(read_only=True)',
      '    # reviews = ReviewSerializer(many=True)',
      '',
      '    tags = serializers.TagSerializer(many=True)',
      '    raw = serializers.ListSerializer(child=serializers.CharField())',
      '',
      '    def get_extra(self, obj):',
      '        inner = HiddenSerializer(obj)',
      '        return inner.data',
      '',
      'class Plain:',
      '    x = NotASerializerField()',
      '',
      'class AuthorSerializer(serializers.Serializer):',
      '    name = serializers.CharField()',
    ].join('\n');
    assert.deepEqual(nestedSerializersOf(text), { BookSerializer: ['AuthorSerializer', 'serializers.TagSerializer'] });
    assert.equal(nestedSerializersOf('class A:\n    pass\n'), undefined);
  });
});
