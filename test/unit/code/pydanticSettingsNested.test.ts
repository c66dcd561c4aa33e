import assert from 'node:assert/strict';
import { writtenWorkspaces } from '../analysis/writtenWorkspaces';
import { lines } from './fixtureWorkspace';

/**
 * pydantic-settings (review of stop 68, RA-6): under `env_nested_delimiter="__"` a field is also set by variables of
 * its name, the delimiter and a sub-field's (`DB__HOST` sets `db: DbConfig`); an alias given by the `Field(…)` of an
 * `Annotated[…]` annotation is the variable read.
 */
describe('env-not-in-recipe: pydantic-settings nested models and Annotated aliases (review of stop 68, RA-6)', function () {
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
      '      - DB__HOST=db',
      '      - DB__PASSWORD=secret',
      '      - app_store__url=s3://bucket',
      '      - DATABASE_URL=postgresql://db/app',
      '      - QUEUE_HOST=mq',
    ),
  );
  write(
    'api/app/config.py',
    lines(
      'import typing',
      'from typing import Annotated',
      '',
      'from pydantic import BaseModel, Field',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      '',
      '',
      'class DbConfig(BaseModel):',
      '    host: str',
      '    password: str',
      '',
      '',
      'class Settings(BaseSettings):', // 12
      '    model_config = SettingsConfigDict(env_nested_delimiter="__")',
      '    db: DbConfig', // 14: DB__HOST, DB__PASSWORD
      '    cache: DbConfig', // 15: no CACHE__…: reported
      '    queue: DbConfig', // 16: QUEUE_HOST is not QUEUE__: reported
      '    database_dsn: Annotated[str, Field(alias="DATABASE_URL")]', // 17: set
      '    api_key: Annotated[str, Field(validation_alias="EXTERNAL_KEY")]', // 18: reported as EXTERNAL_KEY
      '    workers: typing.Annotated[int, Field(default=3)]', // 19: a default
      '    token: Annotated[str, Field(min_length=8)]', // 20: no alias: reported as TOKEN
      '    region: Annotated[str, Field(description="x")] = "eu"', // 21: a default
      '',
      '',
      'class AppSettings(BaseSettings):', // 24
      '    model_config = SettingsConfigDict(env_prefix="APP_", env_nested_delimiter="__")',
      '    store: DbConfig', // 26: app_store__url, any case
      '',
      '',
      'class Plain(BaseSettings):', // 29: no delimiter: DB__HOST does not set it
      '    db: DbConfig', // 30: reported
      '    sentry: Annotated[str, Field(alias="SENTRY_DSN")] = Field(alias="SENTRY_URL")', // 31: the right-hand alias wins
    ),
  );
  const analyse = writtenWorkspaces('ops-lens-pydantic-nested-', { ws: files });

  it('takes a nested field for set by NAME__…, reads the alias of an Annotated Field; not without the delimiter', async () => {
    const result = await analyse('ws');
    const env = result.warnings
      .filter((w) => w.code === 'env-not-in-recipe')
      .map((w) => `${w.service} ${w.file}:${w.range.start.line}:${w.range.start.character} ${/^`(\w+)`/.exec(w.message)?.[1]}`)
      .sort();
    assert.deepEqual(env, [
      'api api/app/config.py:15:4 CACHE',
      'api api/app/config.py:16:4 QUEUE',
      'api api/app/config.py:18:4 EXTERNAL_KEY',
      'api api/app/config.py:20:4 TOKEN',
      'api api/app/config.py:30:4 DB',
      'api api/app/config.py:31:4 SENTRY_URL',
    ]);
  });
});
