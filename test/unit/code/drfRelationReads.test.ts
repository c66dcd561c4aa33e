import assert from 'node:assert/strict';
import { serializerReadsOf } from '../../../src/core/code/hazards/drfSerializerReads';
import { loadedRelations } from '../../../src/core/code/hazards/pythonRelations';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const MODELS = lines(
  'from django.db import models',
  '',
  'class Exercise(models.Model):',
  '    uuid = models.UUIDField()',
  '',
  'class Tag(models.Model):',
  '    name = models.CharField(max_length=20)',
  '',
  'class Image(models.Model):',
  '    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="images")',
  '    license = models.ForeignKey("License", on_delete=models.CASCADE)',
  '    tags = models.ManyToManyField(Tag)',
  '    title = models.CharField(max_length=20)',
);

const SERIALIZERS = lines(
  'from rest_framework import serializers',
  'from gallery.models import Image',
  '',
  'class ImageSerializer(serializers.ModelSerializer):',
  "    exercise_uuid = serializers.ReadOnlyField(source='exercise.uuid')",
  '    license = serializers.StringRelatedField()',
  "    title_upper = serializers.CharField(source='title')",
  "    upload = serializers.FileField(write_only=True, source='exercise.file')",
  '',
  '    class Meta:',
  '        model = Image',
  "        fields = ('id', 'exercise', 'tags', 'title', 'exercise_uuid', 'license', 'title_upper')",
);

const URLS = lines(
  'from rest_framework import routers',
  'from gallery import views',
  '',
  'router = routers.DefaultRouter()',
  'router.register(r"image", views.ImageViewSet)',
  'urlpatterns = router.urls',
);

const views = (...body: string[]) =>
  lines('from rest_framework import viewsets', 'from gallery.models import Image', 'from gallery.serializers import ImageSerializer', '', 'class ImageViewSet(viewsets.ModelViewSet):', ...body, '    serializer_class = ImageSerializer');

const workspace = (viewsText: string) => joined({ 'gallery/models.py': MODELS, 'gallery/serializers.py': SERIALIZERS, 'gallery/views.py': viewsText, 'gallery/urls.py': URLS });

describe('DRF: relations a list serializer reads per row that the queryset does not load', () => {
  it("reads a serializer's relation fields: a source through a relation, a field rendering the related object, many=True, Meta.fields names", () => {
    const text = SERIALIZERS + lines('', 'class TagSerializer(serializers.Serializer):', '    images = ImageSerializer(many=True)', '    ids = serializers.PrimaryKeyRelatedField(many=True, read_only=True)', '    one = serializers.PrimaryKeyRelatedField(read_only=True)');
    const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const reads = serializerReadsOf(text, starts)!;
    // TagSerializer has no Meta.model: nothing to check its reads against.
    assert.deepEqual(Object.keys(reads), ['ImageSerializer']);
    assert.equal(reads.ImageSerializer.model, 'Image');
    assert.deepEqual(
      reads.ImageSerializer.fields.map((f) => [f.relation, f.many, f.range.start.line, !!f.implicit]),
      [
        ['exercise', false, 4, false],
        ['license', false, 5, false],
        // Meta.fields names the class does not declare: each may be a relation to many.
        ['id', true, 11, true],
        ['exercise', true, 11, true],
        ['tags', true, 11, true],
        ['title', true, 11, true],
      ],
    );
  });

  it('reads what a queryset loads with its rows, and says when it cannot', () => {
    assert.deepEqual(loadedRelations("Image.objects.select_related('exercise__category').prefetch_related('tags', Prefetch('license', queryset=License.objects.all()))"), ['exercise', 'tags', 'license']);
    // `select_related()` loads every forward relation, '*'; the prefetch after it is read too.
    assert.deepEqual(loadedRelations('Image.objects.select_related().prefetch_related("tags")'), ['*', 'tags']);
    assert.equal(loadedRelations('qs.prefetch_related(*prefetches)'), undefined);
    assert.deepEqual(loadedRelations('Image.objects.all()'), []);
  });

  it('warns on the list route for each relation read per row and not loaded, not for a forward key in Meta.fields', async () => {
    const f = await workspace(views('    queryset = Image.objects.all()'));
    // No unbounded-query: the project's settings, which may page every list, are not in sight.
    assert.deepEqual(hazardRows(f), [
      'query-in-loop gallery/serializers.py:12:38 Image.tags [DRF list serializer sequential] → GET ^image/$',
      'query-in-loop gallery/serializers.py:5:5 Image.exercise [DRF list serializer sequential] → GET ^image/$',
      'query-in-loop gallery/serializers.py:6:5 Image.license [DRF list serializer sequential] → GET ^image/$',
    ]);
    const message = [...f.values()].flatMap((a) => a.hazards).find((h) => h.callee === 'Image.exercise')!.explanation;
    assert.match(message, /`ImageSerializer` renders each Image of the list with `exercise_uuid = serializers\.ReadOnlyField\(source='exercise\.uuid'\)`.*select_related\('exercise'\)/);
  });

  it("warns once for the relations to many that Meta.fields names, at the first, naming them all (paperless-ngx's workflow serializers)", async () => {
    const f = await joined({
      'gallery/models.py': MODELS + lines('', 'class Album(models.Model):', '    images = models.ManyToManyField(Image)', '    tags = models.ManyToManyField(Tag)', '    editors = models.ManyToManyField("User")'),
      'gallery/serializers.py': lines(
        'from rest_framework import serializers',
        'from gallery.models import Album',
        '',
        'class AlbumSerializer(serializers.ModelSerializer):',
        '    class Meta:',
        '        model = Album',
        "        fields = ['id', 'images', 'tags', 'editors']",
      ),
      'gallery/views.py': lines('from rest_framework import viewsets', 'from gallery.models import Album', 'from gallery.serializers import AlbumSerializer', '', 'class AlbumViewSet(viewsets.ModelViewSet):', "    queryset = Album.objects.prefetch_related('tags')", '    serializer_class = AlbumSerializer'),
      'gallery/urls.py': lines('from rest_framework import routers', 'from gallery import views', '', 'router = routers.DefaultRouter()', 'router.register(r"album", views.AlbumViewSet)', 'urlpatterns = router.urls'),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop gallery/serializers.py:7:26 Album.images [DRF list serializer sequential] → GET ^album/$']);
    const message = [...f.values()].flatMap((a) => a.hazards)[0].explanation;
    assert.match(message, /renders each Album of the list with 2 relations named in Meta\.fields, Album\.images, Album\.editors, .*`prefetch_related\('images', 'editors'\)`/);
  });

  it('is quiet for relations the queryset loads, in the class attribute or in get_queryset added to super()', async () => {
    const loaded = await workspace(views("    queryset = Image.objects.select_related('exercise', 'license').prefetch_related('tags')"));
    assert.deepEqual(hazardRows(loaded), []);
    const viaSuper = await workspace(
      views("    queryset = Image.objects.select_related('exercise')", '    pagination_class = Paged', '', '    def get_queryset(self):', "        return super().get_queryset().select_related('license').prefetch_related('tags')"),
    );
    assert.deepEqual(hazardRows(viaSuper), []);
    const star = await workspace(views('    queryset = Image.objects.select_related().prefetch_related("tags")', '    pagination_class = Paged'));
    assert.deepEqual(hazardRows(star), []);
  });

  it('says nothing when what the queryset loads is not known: handed to code of the project, a list() of its own, a serializer chosen per request', async () => {
    const handed = await workspace(views('    pagination_class = Paged', '', '    def get_queryset(self):', '        qs = Image.objects.all()', '        qs = ImageSerializer.setup_eager_loading(qs)', '        return qs'));
    assert.deepEqual(hazardRows(handed), []);
    const ownList = await workspace(views('    queryset = Image.objects.all()', '    pagination_class = Paged', '', '    def list(self, request):', '        return Response([])'));
    assert.deepEqual(hazardRows(ownList), []);
    const chosen = await workspace(views('    queryset = Image.objects.all()', '    pagination_class = Paged', '', '    def get_serializer_class(self):', '        return ImageSerializer'));
    assert.deepEqual(hazardRows(chosen), []);
    const dynamic = await workspace(views('    pagination_class = Paged', '', '    def get_queryset(self):', '        return Image.objects.prefetch_related(*self.prefetches)'));
    assert.deepEqual(hazardRows(dynamic), []);
  });

  it('warns at a serializer given a queryset with many=True in a handler, for the relations its fields read and the queryset does not load', async () => {
    const endpoint = (...body: string[]) =>
      joined({
        'gallery/models.py': MODELS,
        'gallery/serializers.py': SERIALIZERS,
        'gallery/views.py': lines(
          'from rest_framework.views import APIView',
          'from rest_framework.response import Response',
          'from gallery.models import Image',
          'from gallery.serializers import ImageSerializer',
          '',
          'class ImageList(APIView):',
          '    def get(self, request):',
          ...body,
        ),
        'gallery/urls.py': lines('from django.urls import path', 'from gallery import views', '', 'urlpatterns = [path("images/", views.ImageList.as_view())]'),
      });
    const f = await endpoint("        images = Image.objects.filter(title=request.GET['q']).select_related('license')", '        return Response(ImageSerializer(images, many=True).data)');
    // (The rows are read whole too, an unbounded-query of its own: not the concern here.)
    const relations = (rows: string[]) => rows.filter((h) => !h.startsWith('unbounded-query'));
    assert.deepEqual(relations(hazardRows(f)), ['query-in-loop gallery/views.py:9:25 ImageSerializer(many=True) [DRF serializer many=True sequential] → GET images/']);
    const message = [...f.values()].flatMap((a) => a.hazards).filter((h) => h.code === 'query-in-loop')[0].explanation;
    assert.match(message, /renders each Image with `ImageSerializer`.*load Image\.exercise, Image\.tags .*`select_related\('exercise'\)` or `prefetch_related\('tags'\)`/);
    // Loaded with the rows; fields picked per call; a serializer reading request data; one object.
    for (const body of [
      ["        images = Image.objects.select_related('exercise', 'license').prefetch_related('tags')", '        return Response(ImageSerializer(images, many=True).data)'],
      ['        images = Image.objects.all()', "        return Response(ImageSerializer(images, many=True, fields=('id',)).data)"],
      ['        return Response(ImageSerializer(data=request.data, many=True).data)'],
      ['        image = Image.objects.get(pk=1)', '        return Response(ImageSerializer(image).data)'],
    ]) {
      assert.deepEqual(relations(hazardRows(await endpoint(...body))), [], body.join('\n'));
    }
  });

  it("reads fields = '__all__' as every forward ManyToManyField of the model, less those excluded or declared", async () => {
    const allOf = (...meta: string[]) =>
      joined({
        'gallery/models.py': MODELS,
        'gallery/serializers.py': lines('from rest_framework import serializers', 'from gallery.models import Image', '', 'class ImageSerializer(serializers.ModelSerializer):', ...meta),
        'gallery/views.py': views('    queryset = Image.objects.all()'),
        'gallery/urls.py': URLS,
      });
    const all = await allOf('    class Meta:', '        model = Image', "        fields = '__all__'");
    assert.deepEqual(hazardRows(all), ['query-in-loop gallery/serializers.py:7:9 Image.tags [DRF list serializer sequential] → GET ^image/$']);
    assert.match([...all.values()].flatMap((a) => a.hazards)[0].explanation, /with `fields = '__all__' \(with tags\)`, which loads Image\.tags .*`prefetch_related\('tags'\)`/);
    assert.deepEqual(hazardRows(await allOf('    class Meta:', '        model = Image', "        exclude = ('tags',)")), []);
    assert.deepEqual(hazardRows(await allOf('    tags = serializers.SerializerMethodField()', '', '    class Meta:', '        model = Image', "        fields = '__all__'")), []);
  });
});

describe("DRF: a serializer's get_<field> queries, run for each row it renders where a handler makes it", () => {
  const files = (view: string[]) => ({
    'app/models.py': lines(
      'from django.db import models',
      'class Photo(models.Model):',
      '    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)',
      '    tags = models.ManyToManyField("Tag")',
      'class Tag(models.Model):',
      '    name = models.CharField(max_length=50)',
      'class Comment(models.Model):',
      '    photo = models.ForeignKey(Photo, on_delete=models.CASCADE)',
    ),
    'app/serializers.py': lines(
      'import requests',
      'from django.db import models',
      'from rest_framework import serializers',
      'from .models import Photo, Comment',
      'class PhotoSerializer(serializers.ModelSerializer):',
      '    comments = serializers.SerializerMethodField()',
      '    similar = serializers.SerializerMethodField()',
      '    class Meta:',
      '        model = Photo',
      '        fields = ["id", "comments", "similar"]',
      // Through the row: the queryset may have prefetched it (not said).
      '    def get_tags(self, obj):',
      '        return [t.name for t in obj.tags.all()]',
      '    def get_comments(self, obj):',
      '        return Comment.objects.filter(photo=obj).count()', // 14
      '    def get_similar(self, obj):',
      '        return requests.post("http://similar/", json={"id": obj.id}, timeout=5).json()', // 16
    ),
    'app/views.py': lines(
      'from rest_framework.views import APIView',
      'from rest_framework.response import Response',
      'from .models import Photo',
      'from .serializers import PhotoSerializer',
      'class Photos(APIView):',
      ...view,
    ),
    'app/urls.py': lines('from django.urls import path', 'from . import views', 'urlpatterns = [path("photos/", views.Photos.as_view())]'),
  });

  it('rows given with many=True, or one row per turn of a loop: a query per row at the call; one row, or input to validate, is not', async () => {
    const f = await joined(
      files([
        '    def get(self, request):',
        '        photos = Photo.objects.filter(owner=request.user)[:50]',
        '        return Response(PhotoSerializer(photos, many=True).data)', // 8
        '    def post(self, request):',
        '        out = []',
        '        for photo in Photo.objects.filter(id__in=request.data["ids"]):',
        '            out.append(PhotoSerializer(photo).data)', // 12
        '        return Response(out)',
        '    def put(self, request):',
        '        s = PhotoSerializer(data=request.data)',
        '        s.is_valid()',
        '        return Response(s.data)',
        '    def patch(self, request):',
        '        return Response(PhotoSerializer(Photo.objects.get(pk=request.data["id"])).data)',
      ]),
    );
    assert.deepEqual(hazardRows(f), [
      'call-in-loop app/views.py:12:24 PhotoSerializer → requests.post [for sequential] → POST photos/',
      'call-in-loop app/views.py:8:25 PhotoSerializer → requests.post [DRF serializer many=True sequential] → GET photos/',
      'query-in-loop app/views.py:12:24 PhotoSerializer → Comment.objects.filter.count [for sequential] → POST photos/',
      'query-in-loop app/views.py:8:25 PhotoSerializer → Comment.objects.filter.count [DRF serializer many=True sequential] → GET photos/',
    ]);
    const many = [...f.values()].flatMap((a) => a.hazards).find((h) => h.range.start.line === 7 && h.code === 'query-in-loop')!;
    assert.match(many.explanation, /runs in a method the DRF serializer calls for each row it renders \(made with many=True\): a response of N rows makes N queries/);
  });

  it("the serializer's own __init__ still runs where it is made (a query there, per turn of the loop)", async () => {
    const withInit = lines(
      'from rest_framework import serializers',
      'from .models import Photo, Tag',
      'class PhotoSerializer(serializers.ModelSerializer):',
      '    def __init__(self, *args, **kwargs):',
      '        super().__init__(*args, **kwargs)',
      '        self.tags = list(Tag.objects.filter(owner=self.context["user"]))', // 6
      '    def get_label(self, obj):',
      '        return obj.name',
    );
    const f = await joined({
      ...files(['    def post(self, request):', '        return Response([PhotoSerializer(p, context={"user": request.user}).data for p in Photo.objects.filter(owner=request.user)[:20]])']),
      'app/serializers.py': withInit,
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/views.py:7:26 PhotoSerializer → Tag.objects.filter [comprehension sequential] → POST photos/',
      'unbounded-query app/serializers.py:6:26 Tag.objects.filter → POST photos/',
    ]);
    // Made with many=True, it is made once (a ListSerializer's child): its __init__ runs once, not per row.
    const many = await joined({
      ...files(['    def post(self, request):', '        return Response(PhotoSerializer(Photo.objects.filter(owner=request.user)[:20], many=True, context={"user": request.user}).data)']),
      'app/serializers.py': withInit,
    });
    assert.deepEqual(hazardRows(many), ['unbounded-query app/serializers.py:6:26 Tag.objects.filter → POST photos/']);
  });
});
