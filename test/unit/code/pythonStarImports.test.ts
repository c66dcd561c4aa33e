import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Python: names passed on through packages that star-import each other', () => {
  it("jumpserver's accounts: api.AccountListApi, star-imported twice over, is found: its route has the view's methods and reaches its queries", async () => {
    const f = await joined({
      'apps/accounts/urls.py': lines(
        'from django.urls import path',
        'from . import api',
        'urlpatterns = [',
        "    path('accounts/', api.AccountListApi.as_view()),",
        "    path('gone/', api.Missing.as_view()),",
        ']',
      ),
      'apps/accounts/api/__init__.py': lines('from .account import *', 'from .automation import *'),
      'apps/accounts/api/automation.py': lines('from rest_framework import generics', 'class AutomationApi(generics.ListAPIView):', '    pass'),
      'apps/accounts/api/account/__init__.py': lines('from .account import *'),
      'apps/accounts/api/account/account.py': lines(
        'from rest_framework import generics',
        'class AccountListApi(generics.ListAPIView):',
        '    def get_queryset(self):',
        '        for account in Account.objects.filter(active=True)[:100]:',
        '            account.secret = Secret.objects.get(account=account)',
        '        return []',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]}`),
      ['GET accounts/', 'ANY gone/'],
    );
    assert.deepEqual(hazardRows(f), ['query-in-loop apps/accounts/api/account/account.py:5:30 Secret.objects.get [for sequential] → GET accounts/']);
  });
});
