import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * Python and Java, joined across files as the CLI does: names a package passes on, URL helpers, and hazards that
 * are (or are not) what they look like.
 */
describe('Python and Java: routes and hazards across files (3)', function () {
  this.timeout(20_000);

  const methodsAndPaths = (f: Awaited<ReturnType<typeof joined>>) => routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort();

  it("DRF: a viewset extends a base class a package passes on with `from .generic import *` (jumpserver's JMSModelViewSet), as its __all__ allows", async () => {
    // The shape of jumpserver's common/api: `from .generic import *` in __init__.py, `class JMSModelViewSet(…): pass`.
    const f = await joined({
      'common/__init__.py': '',
      'common/api/__init__.py': lines('from .hidden import *', 'from .generic import *'),
      'common/api/generic.py': lines('from rest_framework.viewsets import ModelViewSet, ReadOnlyModelViewSet', '', 'class JMSModelViewSet(ModelViewSet):', '    pass', '', 'class JMSReadOnlyViewSet(ReadOnlyModelViewSet):', '    pass'),
      // Its __all__ leaves the class out: `from .hidden import *` does not bind it.
      'common/api/hidden.py': lines('from rest_framework.viewsets import ModelViewSet', '', "__all__ = ['Other']", '', 'class JMSReadOnlyViewSet(ModelViewSet):', '    pass', '', 'class Other:', '    pass'),
      'app/__init__.py': '',
      'app/api.py': lines('from common.api import JMSModelViewSet, JMSReadOnlyViewSet', '', 'class KeyViewSet(JMSModelViewSet):', '    pass', '', 'class TagViewSet(JMSReadOnlyViewSet):', '    pass'),
      'app/urls.py': lines('from rest_framework.routers import DefaultRouter', 'from . import api', '', 'router = DefaultRouter()', 'router.register("keys", api.KeyViewSet, "key")', 'router.register("tags", api.TagViewSet, "tag")', 'urlpatterns = router.urls'),
    });
    assert.deepEqual(methodsAndPaths(f), [
      'DELETE ^keys/(?P<pk>[^/.]+)/$',
      'GET ^keys/$',
      'GET ^keys/(?P<pk>[^/.]+)/$',
      'GET ^tags/$',
      'GET ^tags/(?P<pk>[^/.]+)/$',
      'PATCH ^keys/(?P<pk>[^/.]+)/$',
      'POST ^keys/$',
      'PUT ^keys/(?P<pk>[^/.]+)/$',
    ]);
  });
});

void hazardRows;
