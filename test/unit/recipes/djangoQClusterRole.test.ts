import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { serviceForFile } from '../../../src/core/model/environment';
import { processRole } from '../../../src/core/recipes/processRole';
import { modelOfFiles } from './support';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** MobSF's shape: two services built from the repository root; djangoq's command starts Django-Q's cluster, mobsf runs the image's CMD (gunicorn). */
function mobsf(djangoqCommand: string, djangoqName = 'djangoq'): Record<string, string> {
  return {
    'docker/docker-compose.yml': lines(
      'services:',
      `  ${djangoqName}:`,
      '    build:',
      '      context: ..',
      '      dockerfile: Dockerfile',
      `    command: ${djangoqCommand}`,
      '  mobsf:',
      '    build:',
      '      context: ..',
      '      dockerfile: Dockerfile',
    ),
    Dockerfile: lines('FROM python:3.12', 'COPY . /app', 'WORKDIR /app', 'CMD ["/app/scripts/entrypoint.sh"]'),
    'requirements.txt': 'django\ndjango-q2\n',
    'manage.py': 'import django\n',
    'app/urls.py': 'urlpatterns = []\n',
    'scripts/qcluster.sh': 'exec python3 manage.py qcluster\n',
    'scripts/entrypoint.sh': 'exec gunicorn app.wsgi\n',
  };
}

describe("Django-Q's cluster (`manage.py qcluster`) runs beside the requests", () => {
  it('its command, inline or a script named for it, and a service named for it, are background processes', () => {
    assert.equal(processRole('svc', '/home/mobsf/Mobile-Security-Framework-MobSF/scripts/qcluster.sh'), 'background');
    assert.equal(processRole('svc', 'python3 manage.py qcluster'), 'background');
    assert.equal(processRole('djangoq'), 'background');
    assert.equal(processRole('django-q'), 'background');
    assert.equal(processRole('qcluster'), 'background');
    // Not a server started beside it, nor a name that only contains the letters.
    assert.equal(processRole('svc', 'python3 manage.py migrate && gunicorn app.wsgi'), 'requests');
    assert.equal(processRole('django'), 'requests');
    assert.equal(processRole('djangoqa'), undefined);
  });

  it("MobSF's code (its urls.py) is mobsf's, which runs the image's CMD, not djangoq's", async () => {
    for (const [command, name] of [
      ['/app/scripts/qcluster.sh', 'djangoq'],
      ['python3 manage.py qcluster', 'djangoq'],
      ['/app/scripts/qcluster.sh', 'alpha'],
    ]) {
      const m = await modelOfFiles(mobsf(command, name));
      assert.equal(serviceForFile(m, 'app/urls.py', { registersRoutes: true })?.name, 'mobsf', `${name}: ${command}`);
      assert.equal(m.services.find((s) => s.name === name)?.codeRoots[0]?.role, 'background', `${name}: ${command}`);
    }
  });
});
