import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Huey tasks: calling one queues it, its body runs later in a worker', () => {
  it("linkding's tasks: a loop queuing a task per bookmark runs no query per item, and a route that queues one does not reach its body; a plain function still does", async () => {
    const f = await joined({
      'bookmarks/tasks.py': lines(
        'import functools',
        'from huey.contrib.djhuey import HUEY as huey',
        'from bookmarks.models import Bookmark',
        '',
        'def task(retries=5):', // linkding's own wrapper around huey.task
        '    def deco(fn):',
        '        return huey.task(retries=retries, context=True)(fn)',
        '    return deco',
        '',
        '@task()',
        'def _load_favicon_task(bookmark_id):',
        '    bookmark = Bookmark.objects.get(id=bookmark_id)',
        '    for tag in bookmark.tags.all():',
        '        Bookmark.objects.filter(tags=tag).update(stale=True)',
        '',
        '@huey.db_task()',
        'def _refresh_all_task(user_id):',
        '    for bookmark in Bookmark.objects.filter(owner_id=user_id)[:100]:',
        '        _load_favicon_task(bookmark.id)',
        '',
        'def load_inline(ids):',
        '    return Bookmark.objects.get(id=ids[0])',
      ),
      'bookmarks/views.py': lines(
        'from flask import Flask, request',
        'from bookmarks.tasks import _load_favicon_task, _refresh_all_task, load_inline',
        'app = Flask(__name__)',
        '',
        "@app.post('/favicons')",
        'def refresh():',
        "    for i in request.json['ids']:",
        '        _load_favicon_task(i)',
        '    _refresh_all_task(1)',
        "    for i in request.json['ids']:",
        '        load_inline([i])',
        "    return 'ok'",
      ),
    });
    assert.deepEqual(hazardRows(f), [
      // The task's own loop: a query per tag, in the worker (no route reaches it).
      'query-in-loop bookmarks/tasks.py:14:9 Bookmark.objects.filter.update [for sequential] → -',
      'query-in-loop bookmarks/views.py:11:9 load_inline → Bookmark.objects.get [for sequential] → POST /favicons',
    ]);
  });
});
