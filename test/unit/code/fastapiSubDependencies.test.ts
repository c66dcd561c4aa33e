import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** FastAPI runs a dependency's own dependencies before it: what they do is on the path of every route that uses it. */
describe('Python: FastAPI sub-dependencies', function () {
  this.timeout(20_000);

  it("follows a dependency's `Depends(…)` parameters, and those of an Annotated alias of its module, across modules", async () => {
    const f = await joined({
      'app/deps.py': lines(
        'from typing import Annotated',
        'from fastapi import Depends',
        'import requests',
        '',
        'def get_token(request):',
        '    return requests.get("https://idp/token")',
        '',
        'TokenDep = Annotated[str, Depends(get_token)]',
        '',
        'def load_org(request):',
        '    return requests.get("https://orgs/")',
        '',
        'def get_current_user(token: TokenDep, org=Depends(load_org)):',
        '    return token',
        '',
        'def unused(token: TokenDep):',
        '    return token',
      ),
      'app/views.py': lines(
        'from fastapi import APIRouter, Depends',
        'from .deps import get_current_user',
        '',
        'router = APIRouter()',
        '',
        '@router.get("/me")',
        'def me(user=Depends(get_current_user)):',
        '    return user',
      ),
    });
    assert.deepEqual(hazardRows(f), ['missing-timeout app/deps.py:11:12 requests.get → GET /me', 'missing-timeout app/deps.py:6:12 requests.get → GET /me']);
  });

  it("does not make a handler's own dependencies its calls, nor a parameter's plain default", async () => {
    const f = await joined({
      'app/views.py': lines(
        'from fastapi import APIRouter, Depends',
        'import requests',
        '',
        'def get_token(request):',
        '    return requests.get("https://idp/token")',
        '',
        'def helper(token=get_token):',
        '    return token',
        '',
        'router = APIRouter()',
        '',
        '@router.get("/a")',
        'def a(token=Depends(get_token)):',
        '    return token',
        '',
        '@router.get("/b")',
        'def b():',
        '    return helper()',
      ),
    });
    assert.deepEqual(hazardRows(f), ['missing-timeout app/views.py:5:12 requests.get → GET /a']);
  });
});
