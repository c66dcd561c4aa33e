import type { ProcessRole } from '../model/environment';

/**
 * Commands that serve HTTP: application servers and the usual ways to start one, also named in an entrypoint script's
 * name (DefectDojo's `/entrypoint-uwsgi.sh`).
 */
const SERVES = /\b(gunicorn|uvicorn|uwsgi|hypercorn|daphne|waitress-serve|runserver|flask\s+run|fastapi\s+(run|dev)|rails\s+s(erver)?|puma|next\s+start|nginx|caddy)\b|\bjava\b.*-jar|\bnode\s+\S*(server|index|app|main)\b|\bnpm\s+(run\s+)?start\b/;
/**
 * Commands that run beside the requests: queue workers, schedulers, migrations, and one-shot set-up (DefectDojo's
 * initializer, `/entrypoint-initializer.sh`, which migrates and creates the admin user before uwsgi starts). Also
 * Django-Q's cluster, `manage.py qcluster` or a script named for it (MobSF's djangoq, `scripts/qcluster.sh`, beside
 * the service that runs the image's own gunicorn).
 */
const BACKGROUND = /\b(celery|rq\s+worker|sidekiq|dramatiq|huey|arq|beat|cron|scheduler|migrate|collectstatic|worker|initiali[sz]er|qcluster)\b/;

/**
 * Whether a process serves the service's requests or runs beside them, from its command when a recipe gives one,
 * else from its name (Heroku sends HTTP to the `web` process only). When several services run the same folder
 * (a Procfile's web, worker and beat; Compose's django and celery built from one context), the code's routes and
 * warnings belong to the one that serves requests.
 */
export function processRole(name: string, command?: string): ProcessRole | undefined {
  if (command) {
    // A server first: `gunicorn --worker-class gevent`, `manage.py migrate && gunicorn …` serve requests.
    if (SERVES.test(command)) return 'requests';
    if (BACKGROUND.test(command)) return 'background';
  }
  if (/^(web|api|app|server|http|frontend|backend|gateway|django|flask|rails)$/.test(name)) return 'requests';
  // `trainer-http` beside `trainer-grpc`, one folder run two ways: the HTTP routes are the first's.
  if (/(^|[-_])(web|api|http|rest)$/.test(name)) return 'requests';
  if (/(worker|beat|celery|scheduler|cron|release|migrat|job|queue|consumer|initiali[sz]|qcluster)|django[-_]?q$/.test(name)) return 'background';
  return undefined;
}
