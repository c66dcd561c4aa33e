import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: a base class made in place (`notifier = Notifier()`, a module's `notifier = Notifier()`, `self.notifier =
 * Notifier()`) runs its own method, even one that does nothing (`pass`): never a subclass's override. Only a value an
 * annotation or a declared result types by the base reaches the overrides (PY-5).
 */
describe('Python: a base class made in place runs its own method, not the overrides', function () {
  this.timeout(10_000);

  const notify = lines(
    'import httpx',
    '',
    '',
    'class Notifier:',
    '    """Default notifier: does nothing. Subclasses send somewhere."""',
    '',
    '    def send(self, users, text):',
    '        pass',
    '',
    '',
    'class SlackNotifier(Notifier):',
    '    def send(self, users, text):',
    '        for user in users:',
    '            httpx.post("https://slack.example/api", json={"to": user, "text": text})', // 14
  );

  it('made in the handler, in the module or in a field: not the override; a parameter or a local annotated so: the override', async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\nhttpx\n',
      'app/__init__.py': '',
      'app/notify.py': notify,
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.notify import Notifier',
        '',
        'app = FastAPI()',
        'module_notifier = Notifier()',
        '',
        '',
        'class Service:',
        '    def __init__(self):',
        '        self.field_notifier = Notifier()',
        '',
        '    def run(self, users):',
        '        self.field_notifier.send(users, "hi")',
        '',
        '',
        'def make() -> Notifier:',
        '    return Notifier()',
        '',
        '',
        '@app.post("/quiet")',
        'def quiet(users: list[str]):',
        '    notifier = Notifier()',
        '    notifier.send(users, "hi")',
        '',
        '',
        '@app.post("/module")',
        'def module(users: list[str]):',
        '    module_notifier.send(users, "hi")',
        '',
        '',
        '@app.post("/field")',
        'def field(users: list[str]):',
        '    Service().run(users)',
        '',
        '',
        '@app.post("/typed")',
        'def typed(users: list[str], notifier: Notifier = Notifier()):',
        '    notifier.send(users, "hi")',
        '',
        '',
        '@app.post("/annotated-local")',
        'def annotated_local(users: list[str]):',
        '    other: Notifier = make()',
        '    other.send(users, "hi")',
      ),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop app/notify.py:14:13 httpx.post [for sequential] → POST /typed, POST /annotated-local']);
  });
});
