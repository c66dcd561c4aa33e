import assert from 'node:assert/strict';
import { modelOfFiles, service } from './support';

/**
 * A Compose build from a context wider than the service whose Dockerfile, in the service's folder, copies in code from
 * elsewhere in the context (django-helpdesk's standalone/Dockerfile, built from the repository root, copies the `src/`
 * package its ROOT_URLCONF includes): that code is the service's too.
 */
describe("Compose: code a service folder's Dockerfile copies from a wider context", () => {
  const files = (dockerfile: string) => ({
    'standalone/docker-compose.yml': ['services:', '  web:', '    build:', '      context: ..', '      dockerfile: standalone/Dockerfile', ''].join('\n'),
    'standalone/Dockerfile': dockerfile,
    'standalone/config/settings.py': 'ROOT_URLCONF = "standalone.config.urls"\n',
    'standalone/config/urls.py': 'urlpatterns = []\n',
    'src/helpdesk/urls.py': 'urlpatterns = []\n',
    'other/app.py': 'print(1)\n',
    'pyproject.toml': '[project]\nname = "x"\n',
  });

  it('django-helpdesk: the Dockerfile folder and the src/ package it copies, not the pyproject.toml nor code it does not copy', async () => {
    const model = await modelOfFiles(
      files(['FROM python:3.11-slim', 'COPY src/ /opt/app/src/', 'COPY standalone/ /opt/app/standalone/', 'COPY pyproject.toml /opt/app/', 'WORKDIR /opt/app/standalone', ''].join('\n')),
    );
    const web = service(model, 'web');
    assert.deepEqual(web.codeRoots.map((l) => [l.root, l.confidence]), [
      ['standalone', 'high'],
      ['src', 'high'],
    ]);
    assert.equal(web.codeRoots[1].reason, 'Compose service "web" builds with standalone/Dockerfile (build.dockerfile in standalone/docker-compose.yml:5), which takes its files from src');
  });

  it('a Dockerfile that copies only its own folder keeps it alone; one that copies the whole context does not widen the service', async () => {
    for (const copy of ['COPY standalone/ /opt/app/standalone/', 'COPY . /opt/app/']) {
      const model = await modelOfFiles(files(['FROM python:3.11-slim', copy, ''].join('\n')));
      assert.deepEqual(service(model, 'web').codeRoots.map((l) => l.root), ['standalone'], copy);
    }
  });
});
