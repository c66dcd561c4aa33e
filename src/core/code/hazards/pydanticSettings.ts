import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../../model/location';
import type { EnvRead } from '../codeModel';

/**
 * pydantic-settings' `BaseSettings` (and pydantic v1's): each field of a class extending it is an environment
 * variable, read when the class is made (full-stack-fastapi-template's `class Settings(BaseSettings): POSTGRES_SERVER:
 * str`). Read as the field's name after the class's `env_prefix`, in any case unless `case_sensitive=True` (pydantic-
 * settings matches names case-insensitively by default); as its `alias`, `validation_alias` or v1's `Field(env=…)`
 * (no prefix then), also given in the annotation (`Annotated[str, Field(alias="DATABASE_URL")]`). Under an
 * `env_nested_delimiter`, a variable of the name, the delimiter and more sets it too (EnvRead.nestedDelimiter). A field with a default is a read with a fallback; one of several names (`AliasChoices("A", "B")`,
 * `env=["A", "B"]`), or of a class with a `secrets_dir` or another source (`yaml_file`, `toml_file`, `json_file`, a
 * `settings_customise_sources` of its own that adds one), likewise (any may give it). The class's `env_file` is kept on
 * the read (EnvRead.envFiles): the join of recipes says whether the workspace has it and what it sets.
 */
export function pydanticSettingsReads(text: string, tree: Tree, rangeOfSpan: (start: number, end: number) => Range): EnvRead[] {
  if (!SETTINGS_IMPORT.test(text)) return [];
  // pydantic v1 (BaseSettings from pydantic itself): a field typed Optional, with no default, defaults to None.
  const v1 = !/\bpydantic_settings\b/.test(text);
  const settings = new Map<string, SettingsConfig>();
  const out: EnvRead[] = [];
  // `Settings(_env_file=".env")`: an env file given when the class is made, for every class of the module.
  const madeWith = /\b_env_file[ \t]*=[ \t]*(?:['"]([^'"\n]+)['"])?/.exec(text);
  for (const cls of tree.rootNode.descendantsOfType('class_definition')) {
    if (!cls) continue;
    const bases = cls.childForFieldName('superclasses')?.namedChildren.filter((b): b is Node => !!b && b.type !== 'keyword_argument') ?? [];
    const inherited = bases.map((b) => b.text.replace(/^.*\./, '')).map((b) => (b === 'BaseSettings' ? ROOT : settings.get(b)));
    const parent = inherited.find((c): c is SettingsConfig => c !== undefined);
    if (!parent) continue;
    const body = cls.childForFieldName('body');
    const name = cls.childForFieldName('name')?.text;
    if (!body || !name) continue;
    const config = ownConfig(body, parent);
    if (madeWith) config.envFiles = [...(config.envFiles ?? []), madeWith[1] ?? UNKNOWN_FILE];
    settings.set(name, config);
    for (const statement of body.namedChildren) {
      const assignment = statement?.type === 'expression_statement' ? statement.namedChild(0) : null;
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const type = assignment.childForFieldName('type');
      if (left?.type !== 'identifier' || !type || left.text.startsWith('_') || left.text === 'model_config' || /^ClassVar\b|\.ClassVar\b/.test(type.text)) continue;
      const right = assignment.childForFieldName('right');
      const field = right?.type === 'call' && isField(right) ? right.childForFieldName('arguments') : null;
      // `Annotated[str, Field(alias="DATABASE_URL")]`: the Field of the annotation, for what the right-hand one does not say.
      const annotated = annotatedField(type);
      const given = (field ? namesGiven(field) : undefined) ?? (annotated ? namesGiven(annotated) : undefined);
      const names = given ?? [config.prefix + left.text];
      const hasDefault =
        (right ? !field || fieldHasDefault(field) : (!!annotated && fieldHasDefault(annotated)) || (v1 && /^Optional\[|\bNone\b/.test(type.text))) ||
        names.length > 1 ||
        config.otherSource;
      out.push({
        name: config.caseSensitive ? names[0] : names[0].toUpperCase(),
        range: rangeOfSpan(left.startIndex, left.endIndex),
        hasDefault,
        ...(config.caseSensitive ? {} : { anyCase: true as const }),
        ...(config.envFiles?.length ? { envFiles: config.envFiles } : {}),
        ...(config.nestedDelimiter ? { nestedDelimiter: config.nestedDelimiter } : {}),
      });
    }
  }
  return out;
}

/**
 * The module loads pydantic's `BaseSettings`: `from pydantic_settings import BaseSettings`, also in a list in
 * parentheses over several lines (`from pydantic_settings import (\n    BaseSettings,\n    SettingsConfigDict,\n)`,
 * black's and isort's shape), or `pydantic_settings.BaseSettings`. (No part can match what another does: each
 * `from pydantic` is read once, to its line's end or its list's `)`.)
 */
const SETTINGS_IMPORT = /\bfrom[ \t]+pydantic(?:_settings)?\b[^\n(]*(?:\([^)]*)?\bBaseSettings\b|\bpydantic(?:_settings)?\.BaseSettings\b/;

interface SettingsConfig {
  prefix: string;
  caseSensitive: boolean;
  /** A `secrets_dir`: any field may be given by a file there. */
  otherSource: boolean;
  envFiles?: string[];
  /** `env_nested_delimiter="__"`: a model-typed field is also set by `NAME__FIELD` variables (EnvRead.nestedDelimiter). */
  nestedDelimiter?: string;
}

const ROOT: SettingsConfig = { prefix: '', caseSensitive: false, otherSource: false };
/** An env file named by an expression, not a string: not one the workspace can be said to have. */
export const UNKNOWN_FILE = '?';

/**
 * The class's own settings over those it inherits: `model_config = SettingsConfigDict(env_prefix="APP_", env_file=".env")`
 * (or a dict), v1's `class Config: env_prefix = "APP_"`.
 */
function ownConfig(body: Node, parent: SettingsConfig): SettingsConfig {
  const config = { ...parent };
  const set = (key: string, value: Node | null) => {
    if (!value) return;
    const text = value.text;
    if (key === 'env_prefix') config.prefix = stringOf(value) ?? '';
    else if (key === 'case_sensitive') config.caseSensitive = text === 'True';
    else if (key === 'secrets_dir' || OTHER_SOURCES.test(key)) config.otherSource = text !== 'None';
    else if (key === 'env_nested_delimiter') config.nestedDelimiter = stringOf(value) || undefined;
    else if (key === 'env_file') {
      if (text === 'None') config.envFiles = undefined;
      else {
        const items = value.type === 'tuple' || value.type === 'list' ? value.namedChildren.filter((n): n is Node => !!n) : [value];
        config.envFiles = items.map((n) => stringOf(n) ?? UNKNOWN_FILE);
      }
    }
  };
  for (const statement of body.namedChildren) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === 'settings_customise_sources') {
      if (!onlyGivenSources(fn)) config.otherSource = true;
      continue;
    }
    if (statement?.type === 'class_definition' && statement.childForFieldName('name')?.text === 'Config') {
      for (const inner of statement.childForFieldName('body')?.namedChildren ?? []) {
        const a = inner?.type === 'expression_statement' ? inner.namedChild(0) : null;
        if (a?.type === 'assignment' && a.childForFieldName('left')?.type === 'identifier') set(a.childForFieldName('left')!.text, a.childForFieldName('right'));
      }
      continue;
    }
    const a = statement?.type === 'expression_statement' ? statement.namedChild(0) : null;
    if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== 'model_config') continue;
    const value = a.childForFieldName('right');
    if (value?.type === 'call') {
      for (const arg of value.childForFieldName('arguments')?.namedChildren ?? []) {
        if (arg?.type === 'keyword_argument') set(arg.childForFieldName('name')?.text ?? '', arg.childForFieldName('value'));
      }
    } else if (value?.type === 'dictionary') {
      for (const pair of value.namedChildren) {
        const key = pair?.type === 'pair' ? pair.childForFieldName('key') : null;
        if (key) set(stringOf(key) ?? '', pair!.childForFieldName('value'));
      }
    }
  }
  return config;
}

/**
 * `model_config` keys naming a source of values other than the environment (`yaml_file="config.yaml"`, `toml_file`,
 * `json_file`, `pyproject_toml_table_header`): any field may be given there, as by a `secrets_dir`.
 */
const OTHER_SOURCES = /^(?:yaml_file|toml_file|json_file|pyproject_toml_table_header)$/;

/**
 * A `settings_customise_sources` override that only returns sources it is given, the environment's among them
 * (`return env_settings, init_settings, file_secret_settings`: the order changed): the fields are still its variables.
 * Any other (`YamlConfigSettingsSource(settings_cls)` added, a source of the project's, `env_settings` left out) may
 * give a field from elsewhere, or not from the environment at all.
 */
function onlyGivenSources(fn: Node): boolean {
  const params = new Set((fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.type === 'identifier' ? p.text : (p?.childForFieldName('name') ?? p?.namedChild(0))?.text)));
  let env = false;
  for (const ret of fn.childForFieldName('body')?.descendantsOfType('return_statement') ?? []) {
    let value = ret?.namedChild(0);
    while (value?.type === 'parenthesized_expression') value = value.namedChild(0);
    if (!value) return false;
    const items = value.type === 'expression_list' || value.type === 'tuple' ? value.namedChildren : [value];
    for (const item of items) {
      if (item?.type !== 'identifier' || !params.has(item.text)) return false;
      if (item.text === 'env_settings') env = true;
    }
  }
  return env;
}

/** A plain string literal's content: `"APP_"`, `'.env'` (not an f-string nor a concatenation). */
function stringOf(n: Node): string | undefined {
  if (n.type !== 'string' || /^[fFbB]/.test(n.text)) return undefined;
  return /^[rRuU]?(['"])(.*)\1$/s.exec(n.text)?.[2];
}

/**
 * The names `Field(…)` reads instead of the field's own: `alias="X"`, `validation_alias="X"` (or `AliasChoices("A",
 * "B")`), v1's `env="X"` or `env=["A", "B"]`. Undefined when it names none.
 */
function namesGiven(args: Node): string[] | undefined {
  let names: string[] | undefined;
  for (const arg of args.namedChildren) {
    if (arg?.type !== 'keyword_argument') continue;
    const key = arg.childForFieldName('name')?.text ?? '';
    const value = arg.childForFieldName('value');
    if (!value || !/^(?:alias|validation_alias|env)$/.test(key)) continue;
    // (validation_alias wins over alias, as pydantic reads it.)
    if (key === 'alias' && names) continue;
    const one = stringOf(value);
    if (one !== undefined) names = [one];
    else if (value.type === 'list' || value.type === 'tuple' || (value.type === 'call' && /AliasChoices$/.test(value.childForFieldName('function')?.text ?? ''))) {
      const items = (value.type === 'call' ? value.childForFieldName('arguments') : value)?.namedChildren ?? [];
      const strings = items.map((n) => (n ? stringOf(n) : undefined)).filter((s): s is string => s !== undefined);
      if (strings.length) names = strings;
    }
  }
  return names;
}

/** `Field(…)`, `pydantic.Field(…)`. */
function isField(call: Node): boolean {
  return /^(?:\w+\.)?Field$/.test(call.childForFieldName('function')?.text ?? '');
}

/**
 * The arguments of the `Field(…)` an `Annotated[…]` annotation gives (`Annotated[str, Field(alias="DATABASE_URL")]`,
 * `typing.Annotated[…]`), among its own items: not one of a type inside it.
 */
function annotatedField(type: Node): Node | null {
  const t = type.namedChild(0);
  if (!t || !/^(?:\w+\.)*Annotated\[/.test(t.text.slice(0, 40))) return null;
  // generic_type: Annotated, then a type_parameter of types; subscript (typing.Annotated[…]): the items themselves.
  const items = t.type === 'generic_type' ? (t.namedChildren.find((c) => c?.type === 'type_parameter')?.namedChildren ?? []) : t.type === 'subscript' ? t.childrenForFieldName('subscript') : [];
  for (const item of items) {
    const call = item?.type === 'type' ? item.namedChild(0) : item;
    if (call?.type === 'call' && isField(call)) return call.childForFieldName('arguments');
  }
  return null;
}

/** `Field(…)` gives a default: a first argument other than `...`, or `default=`/`default_factory=` (not `default=...`). */
function fieldHasDefault(args: Node): boolean {
  const first = args.namedChildren[0];
  if (first && first.type !== 'keyword_argument') return first.type !== 'ellipsis';
  return args.namedChildren.some((a) => a?.type === 'keyword_argument' && /^default(?:_factory)?$/.test(a.childForFieldName('name')?.text ?? '') && a.childForFieldName('value')?.type !== 'ellipsis');
}
