import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { processRole } from '../../../src/core/recipes/processRole';

describe('processRole', () => {
  it('a server command serves requests, even with a worker word in it', () => {
    assert.equal(processRole('svc', 'gunicorn app:app --worker-class gevent --workers 4'), 'requests');
    assert.equal(processRole('svc', 'python manage.py migrate && uvicorn main:app --host 0.0.0.0'), 'requests');
    assert.equal(processRole('svc', 'python manage.py runserver 0.0.0.0:8000'), 'requests');
    assert.equal(processRole('svc', 'java -jar target/app.jar'), 'requests');
    assert.equal(processRole('svc', 'uwsgi --http :8080 --module shop.wsgi'), 'requests');
    // An entrypoint script named for its server, after wait-for-it (DefectDojo's).
    assert.equal(processRole('svc', '/wait-for-it.sh postgres:5432 -t 30 -- /entrypoint-uwsgi.sh'), 'requests');
  });

  it('queue workers, schedulers and migrations run beside the requests', () => {
    assert.equal(processRole('svc', 'celery -A app.tasks worker -l info'), 'background');
    assert.equal(processRole('svc', 'celery -A app.tasks beat'), 'background');
    assert.equal(processRole('svc', 'python manage.py migrate'), 'background');
    assert.equal(processRole('svc', 'bundle exec sidekiq'), 'background');
    assert.equal(processRole('svc', '/wait-for-it.sh postgres:5432 -- /entrypoint-initializer.sh'), 'background');
    assert.equal(processRole('svc', '/wait-for-it.sh postgres:5432 -t 30 -- /entrypoint-celery-beat.sh'), 'background');
  });

  it('without a command, the name says it when it can; otherwise nothing is claimed', () => {
    assert.equal(processRole('web'), 'requests');
    assert.equal(processRole('api'), 'requests');
    assert.equal(processRole('email-worker'), 'background');
    assert.equal(processRole('scheduler'), 'background');
    assert.equal(processRole('initializer'), 'background');
    assert.equal(processRole('trainer-http'), 'requests');
    assert.equal(processRole('orders_api'), 'requests');
    assert.equal(processRole('trainer-grpc'), undefined);
    assert.equal(processRole('payments'), undefined);
    assert.equal(processRole('payments', './bin/payments --port 8080'), undefined);
  });
});
