import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A module's value filled while it is empty, then kept (ckan's datastore type cache, `if not _pg_types:` then `for
 * result in conn.execute(…): _pg_types[result[0]] = result[1]`, asking the server's version there too; a client made once, `if _client is None: _client = …` with `global
 * _client`): its query runs once per process, not once per item of the loops of the routes that read it, as Go's
 * package values filled the same way (goLazyPackageValues) are not.
 */
describe('Python: a module value filled while it is empty', () => {
  const route = (helper: string) => [
    '@app.route("/fields")',
    'def fields():',
    '    out = []',
    '    for oid in request.args.getlist("oid", type=int):',
    `        out.append(${helper}(oid))`, // the loop's call
    '    return {"types": out}',
  ];
  const head = ['from flask import Flask, request', 'from sqlalchemy import create_engine, text', 'app = Flask(__name__)', 'engine = create_engine("postgresql://db/app")'];

  it('is read once: no query-in-loop on the route through the helper that fills it (a dict by key, a value given with global)', async () => {
    const f = await joined({
      'app/types.py': lines(
        ...head,
        '_pg_types: dict[int, str] = {}',
        'def _cache_types() -> None:',
        '    if not _pg_types:',
        '        with engine.begin() as conn:',
        '            results = conn.execute(text("SELECT oid, typname FROM pg_type"))',
        '            native = _version_at_least(conn, "9.2")', // a helper's query, in the branch too
        '        for result in results:',
        '            _pg_types[result[0]] = result[1]',
        'def _version_at_least(conn, version):',
        '    return conn.execute(text("SHOW server_version")).scalar() >= version',
        'def _get_type(oid):',
        '    _cache_types()',
        '    return _pg_types[oid]',
        ...route('_get_type'),
      ),
      'app/names.py': lines(
        ...head,
        '_names = None',
        'def _name(oid):',
        '    global _names',
        '    if _names is None:',
        '        with engine.begin() as conn:',
        '            _names = dict(conn.execute(text("SELECT oid, typname FROM pg_type")).all())',
        '    return _names[oid]',
        ...route('_name'),
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('query-in-loop')), []);
  });

  it('a value the call is given, a local, or a module value the branch does not fill is read on every call', async () => {
    const f = await joined({
      'app/types.py': lines(
        ...head,
        '_pg_types = {}',
        'types = {}', // a module value of the parameter's name
        'def _by_param(oid, types=None):',
        '    if not types:',
        '        with engine.begin() as conn:',
        '            types = dict(conn.execute(text("SELECT oid, typname FROM pg_type")).all())', // 10
        '    return types[oid]',
        'def _local(oid):',
        '    seen = {}',
        '    if not seen:',
        '        with engine.begin() as conn:',
        '            seen[oid] = conn.execute(text("SELECT typname FROM pg_type WHERE oid = :o"), {"o": oid}).scalar()', // 16
        '    return seen[oid]',
        'def _unfilled(oid):',
        '    if not _pg_types:',
        '        with engine.begin() as conn:',
        '            return conn.execute(text("SELECT typname FROM pg_type WHERE oid = :o"), {"o": oid}).scalar()', // 21
        '    return _pg_types[oid]',
        ...route('_by_param'),
        ...route('_local').map((l) => l.replace('/fields', '/local').replace('def fields', 'def local_fields')),
        ...route('_unfilled').map((l) => l.replace('/fields', '/unfilled').replace('def fields', 'def unfilled_fields')),
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')).map((r) => r.replace(/ \[.*$/, '')),
      ['query-in-loop app/types.py:27:20 _by_param → conn.execute', 'query-in-loop app/types.py:33:20 _local → conn.execute.scalar', 'query-in-loop app/types.py:39:20 _unfilled → conn.execute.scalar'],
    );
  });
});
