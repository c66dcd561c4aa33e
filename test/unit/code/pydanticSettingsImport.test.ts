import assert from 'node:assert/strict';
import { writtenWorkspaces } from '../analysis/writtenWorkspaces';
import { lines } from './fixtureWorkspace';

/**
 * pydantic-settings (review of stop 68, RA-7): `BaseSettings` imported in a list in parentheses over several lines
 * (black's and isort's shape) is pydantic's, as on one line; a list that does not name it is not, whatever the module
 * names `BaseSettings` after it.
 */
describe('env-not-in-recipe: pydantic-settings imported in a parenthesised list (review of stop 68, RA-7)', function () {
  this.timeout(20_000);
  const files: Record<string, string> = {};
  const write = (file: string, text: string) => {
    files[file] = text;
  };
  write(
    'compose.yaml',
    lines(
      'services:',
      '  api:',
      '    build: ./api',
      '    environment: [APP_MODE=prod]',
      '  worker:',
      '    build: ./worker',
      '    environment: [WORKER_MODE=fast]',
      '  jobs:',
      '    build: ./jobs',
      '    environment: [JOBS_MODE=nightly]',
      '  single:',
      '    build: ./single',
      '    environment: [SINGLE_MODE=x]',
    ),
  );
  write(
    'api/config.py',
    lines(
      'from pydantic_settings import (',
      '    BaseSettings,',
      '    SettingsConfigDict,',
      ')',
      '',
      '',
      'class Settings(BaseSettings):', // 6
      '    model_config = SettingsConfigDict(env_prefix="APP_")',
      '    database_url: str', // 8: reported
      '    mode: str', // 9: set
    ),
  );
  write(
    'worker/settings.py',
    lines(
      'from pydantic import (  # v1',
      '    BaseSettings,',
      '    Field,',
      ')',
      '',
      '',
      'class Settings(BaseSettings):', // 6
      '    broker_url: str', // 7: reported
    ),
  );
  write(
    'jobs/config.py',
    lines(
      'from pydantic import (',
      '    BaseModel,',
      '    Field,',
      ')',
      '',
      '',
      'class BaseSettings(BaseModel):', // the project's own: no variables
      '    pass',
      '',
      '',
      'class Settings(BaseSettings):',
      '    jobs_db: str',
    ),
  );
  write(
    'single/config.py',
    lines(
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      '',
      '',
      'class Settings(BaseSettings):', // 3
      '    single_key: str', // 4: reported, as before
    ),
  );
  const analyse = writtenWorkspaces('ops-lens-pydantic-import-', { ws: files });

  it('reads the fields of a class whose BaseSettings is imported over several lines; not a list without it', async () => {
    const result = await analyse('ws');
    const env = result.warnings
      .filter((w) => w.code === 'env-not-in-recipe')
      .map((w) => `${w.service} ${w.file}:${w.range.start.line}:${w.range.start.character} ${/^`(\w+)`/.exec(w.message)?.[1]}`)
      .sort();
    assert.deepEqual(env, ['api api/config.py:8:4 APP_DATABASE_URL', 'single single/config.py:4:4 SINGLE_KEY', 'worker worker/settings.py:7:4 BROKER_URL']);
  });
});
