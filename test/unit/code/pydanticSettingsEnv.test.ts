import assert from 'node:assert/strict';
import { writtenWorkspaces } from '../analysis/writtenWorkspaces';
import { lines } from './fixtureWorkspace';

/**
 * pydantic-settings' BaseSettings (and pydantic v1's): each field is an environment variable read when the class is
 * made (full-stack-fastapi-template audit PY-4), under its class's env_prefix, in any case unless case_sensitive, or
 * under its alias; a field with a default has a fallback; an env_file not in the workspace may set any of them.
 */
describe('env-not-in-recipe: pydantic-settings fields (full-stack-fastapi-template audit PY-4)', function () {
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
      '    environment:',
      '      - PROJECT_NAME=demo',
      '      - postgres_db=app',
      '      - APP_TOKEN=t',
      '      - DB_URL=postgres://db/app',
      '      - REDIS_URL=redis://cache',
      '  worker:',
      '    build: ./worker',
      '    environment: [WORKER_MODE=fast]',
      '  jobs:',
      '    build: ./jobs',
      '    environment: [JOBS_MODE=nightly]',
    ),
  );
  write(
    'api/app/config.py',
    lines(
      'from typing import ClassVar, Optional',
      '',
      'from pydantic import AliasChoices, BaseModel, Field',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      '',
      '',
      'class Settings(BaseSettings):', // 6
      '    PROJECT_NAME: str', // 7: set by the recipe
      '    POSTGRES_SERVER: str', // 8: reported
      '    POSTGRES_USER: str', // 9: reported
      '    POSTGRES_DB: str', // 10: set as postgres_db (any case)
      '    POSTGRES_PORT: int = 5432', // 11: a default
      '    SENTRY_DSN: Optional[str] = None', // 12: a default
      '    SECRET_KEY: str = Field(...)', // 13: required: reported
      '    API_KEY: str = Field(alias="EXTERNAL_API_KEY")', // 14: reported as EXTERNAL_API_KEY
      '    TIMEOUT: int = Field(default=5)', // 15: a default
      '    REGION: str = Field(validation_alias=AliasChoices("AWS_REGION", "REGION"))', // 16: one of two: not said
      '    LIMIT: ClassVar[int] = 3', // 17: not a field
      '    _cache: str', // 18: private
      '',
      '',
      'class AppSettings(BaseSettings):', // 21
      '    model_config = SettingsConfigDict(env_prefix="APP_")',
      '    token: str', // 23: APP_TOKEN, set
      '    name: str', // 24: APP_NAME, reported
      '',
      '',
      'class RegionSettings(AppSettings):', // 27: inherits the prefix
      '    region: str', // 28: APP_REGION, reported
      '',
      '',
      'class Strict(BaseSettings):',
      '    model_config = SettingsConfigDict(case_sensitive=True)',
      '    DB_URL: str', // 33: set
      '    redis_url: str', // 34: REDIS_URL is not redis_url here: reported
      '',
      '',
      'class Item(BaseModel):', // not settings
      '    HOST: str',
    ),
  );
  write(
    'worker/settings.py',
    lines(
      'from typing import Optional',
      '',
      'from pydantic import BaseSettings, Field',
      '',
      '',
      'class Settings(BaseSettings):',
      '    broker_url: str', // 6: may be in .env.worker, which is not in the workspace
      '',
      '    class Config:',
      '        env_file = ".env.worker"',
      '',
      '',
      'class Worker(BaseSettings):',
      '    queue: Optional[str]', // 13: v1: None by default
      '    api_token: str = Field(..., env="WORKER_API_TOKEN")', // 14: reported as WORKER_API_TOKEN
      '    mode: str', // 15: WORKER_MODE, set
      '    slots: int', // 16: WORKER_SLOTS, reported
      '',
      '    class Config:',
      '        env_prefix = "WORKER_"',
    ),
  );
  write('jobs/.env', 'JOBS_DB=postgres://db/jobs\n');
  write(
    'jobs/config.py',
    lines(
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      '',
      '',
      'class Settings(BaseSettings):',
      '    model_config = SettingsConfigDict(env_file=".env", extra="ignore")',
      '    jobs_db: str', // 5: set in jobs/.env
      '    jobs_key: str', // 6: reported: the env file is here and does not set it
    ),
  );
  // A class of the project's own named BaseSettings, in a module that does not import pydantic: no variables.
  write('jobs/own.py', lines('class BaseSettings:', '    pass', '', '', 'class Local(BaseSettings):', '    JOBS_OWN: str'));
  const analyse = writtenWorkspaces('ops-lens-pydantic-', { ws: files });

  it('reports the required fields no recipe sets, under their prefix, alias or case; not defaults, fields set in any case, one of several names, an env_file not in the workspace, nor another class', async () => {
    const result = await analyse('ws');
    const env = result.warnings
      .filter((w) => w.code === 'env-not-in-recipe')
      .map((w) => `${w.service} ${w.file}:${w.range.start.line}:${w.range.start.character} ${/^`(\w+)`/.exec(w.message)?.[1]}`)
      .sort();
    assert.deepEqual(env, [
      'api api/app/config.py:13:4 SECRET_KEY',
      'api api/app/config.py:14:4 EXTERNAL_API_KEY',
      'api api/app/config.py:24:4 APP_NAME',
      'api api/app/config.py:28:4 APP_REGION',
      'api api/app/config.py:34:4 redis_url',
      'api api/app/config.py:8:4 POSTGRES_SERVER',
      'api api/app/config.py:9:4 POSTGRES_USER',
      'jobs jobs/config.py:6:4 JOBS_KEY',
      'worker worker/settings.py:14:4 WORKER_API_TOKEN',
      'worker worker/settings.py:16:4 WORKER_SLOTS',
    ]);
  });
});
