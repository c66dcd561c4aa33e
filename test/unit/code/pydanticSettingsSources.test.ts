import assert from 'node:assert/strict';
import { writtenWorkspaces } from '../analysis/writtenWorkspaces';
import { lines } from './fixtureWorkspace';

/**
 * pydantic-settings (review of stop 68, RA-10): a class that takes its values from another source than the environment
 * (`yaml_file`, `toml_file`, `json_file` in its model_config, a `settings_customise_sources` adding a source or leaving
 * the environment out) may have any field given there, as a class with a `secrets_dir`; an override that only reorders
 * the sources it is given still reads the environment.
 */
describe('env-not-in-recipe: pydantic-settings classes with other sources (review of stop 68, RA-10)', function () {
  this.timeout(20_000);
  const files: Record<string, string> = {};
  const write = (file: string, text: string) => {
    files[file] = text;
  };
  write('compose.yaml', lines('services:', '  api:', '    build: ./api', '    environment: [APP_MODE=prod]'));
  write(
    'api/config.py',
    lines(
      'from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, YamlConfigSettingsSource',
      '',
      '',
      'class FromYaml(BaseSettings):', // 3
      '    model_config = SettingsConfigDict(yaml_file="config.yaml")',
      '    database_url: str', // 5: may be in config.yaml
      '',
      '',
      'class FromToml(BaseSettings):', // 8
      '    model_config = {"toml_file": "config.toml"}',
      '    toml_key: str', // 10
      '',
      '',
      'class Inherits(FromToml):', // 13: the parent's source
      '    child_key: str', // 14
      '',
      '',
      'class Customised(BaseSettings):', // 17
      '    redis_url: str', // 18: may come from the YAML source
      '',
      '    @classmethod',
      '    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource, env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource, file_secret_settings: PydanticBaseSettingsSource) -> tuple[PydanticBaseSettingsSource, ...]:',
      '        return (init_settings, env_settings, YamlConfigSettingsSource(settings_cls))',
      '',
      '',
      'class NoEnvironment(BaseSettings):', // 25
      '    init_only: str', // 26: not read from the environment at all
      '',
      '    @classmethod',
      '    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings):',
      '        return (init_settings,)',
      '',
      '',
      'class Reordered(BaseSettings):', // 33
      '    reordered_key: str', // 34: reported: still the environment only
      '',
      '    @classmethod',
      '    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings):',
      '        return env_settings, init_settings, file_secret_settings',
      '',
      '',
      'class Plain(BaseSettings):', // 41
      '    model_config = SettingsConfigDict(yaml_file=None)',
      '    plain_key: str', // 43: reported
    ),
  );
  const analyse = writtenWorkspaces('ops-lens-pydantic-sources-', { ws: files });

  it('does not say the fields of a class with a file source or a source override; says those of one that only reorders the environment', async () => {
    const result = await analyse('ws');
    const env = result.warnings
      .filter((w) => w.code === 'env-not-in-recipe')
      .map((w) => `${w.service} ${w.file}:${w.range.start.line}:${w.range.start.character} ${/^`(\w+)`/.exec(w.message)?.[1]}`)
      .sort();
    assert.deepEqual(env, ['api api/config.py:34:4 REORDERED_KEY', 'api api/config.py:43:4 PLAIN_KEY']);
  });
});
