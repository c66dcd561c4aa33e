import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Django Ninja: an API served under the Django URL pattern that includes it', () => {
  it('@api.get and a Router\'s routes under add_router\'s prefix and path("api/", api.urls); api.urls is no view', async () => {
    const f = await joined({
      'shop/api.py': lines(
        'from ninja import NinjaAPI',
        'from events.api import router as events_router',
        'api = NinjaAPI()',
        'api.add_router("/events/", events_router)',
        '@api.get("/add")',
        'def add(request, a: int, b: int):',
        '    return {"result": a + b}',
      ),
      'events/api.py': lines(
        'from ninja import Router',
        'from events.models import Event',
        'router = Router()',
        '@router.get("/")',
        'def list_events(request):',
        '    return list(Event.objects.all())',
        '@router.get("/{event_id}")',
        'def event_details(request, event_id: int):',
        '    return Event.objects.get(id=event_id)',
      ),
      'shop/urls.py': lines('from django.urls import path', 'from .api import api', 'urlpatterns = [', '    path("api/", api.urls),', ']'),
      'shop/settings.py': lines('ROOT_URLCONF = "shop.urls"', 'INSTALLED_APPS = ["events"]'),
    });
    // As Django's resolver joins them (`api/` + `events/<event_id>`), which is what its instrumentation reports.
    assert.deepEqual(routeRows(f), [
      ['GET', 'api/events/', 'events/api.py', 3, 'django-ninja'],
      ['GET', 'api/events/{event_id}', 'events/api.py', 6, 'django-ninja'],
      ['GET', 'api/add', 'shop/api.py', 4, 'django-ninja'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query events/api.py:6:17 Event.objects.all → GET api/events/']);
  });
});
