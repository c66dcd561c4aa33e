import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../../model/location';
import type { EnvRead } from '../codeModel';

/**
 * pydantic-settings' `BaseSettings` (and pydantic v1's): each field of a class extending it is an environment
 * variable, read when the class is made (full-stack-fastapi-template's `class Settings(BaseSettings): POSTGRES_SERVER:
 * str`). Read as the field's name after the class's `env_prefix`, in any case unless `case_sensitive=True` (pydantic-
 * settings matches names case-insensitively by default); as its `alias`, `validation_alias` or v1's `Field(env=…)`
 * (no prefix then). A field with a default is a read with a fallback; one of several names (`AliasChoices("A", "B")`,
 * `env=["A", "B"]`), or of a class with a `secrets_dir`, likewise (any may give it). The class's `env_file` is kept on
 * the read (EnvRead.envFiles): the join of recipes says whether the workspace has it and what it sets.
 */
export function pydanticSettingsReads(text: string, tree: Tree, rangeOfSpan: (start: number, end: number) => Range): EnvRead[] {
  if (!/\bfrom[ \t]+pydantic(?:_settings)?\b[^\n]*\bBaseSettings\b|\bpydantic(?:_settings)?\.BaseSettings\b/.test(text)) return [];
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
      const field = right?.type === 'call' && /^(?:\w+\.)?Field$/.test(right.childForFieldName('function')?.text ?? '') ? right.childForFieldName('arguments') : null;
      const given = field ? namesGiven(field) : undefined;
      const names = given ?? [config.prefix + left.text];
      const hasDefault =
        (right ? !field || fieldHasDefault(field) : v1 && /^Optional\[|\bNone\b/.test(type.text)) || names.length > 1 || config.secrets;
      out.push({
        name: config.caseSensitive ? names[0] : names[0].toUpperCase(),
        range: rangeOfSpan(left.startIndex, left.endIndex),
        hasDefault,
        ...(config.caseSensitive ? {} : { anyCase: true as const }),
        ...(config.envFiles?.length ? { envFiles: config.envFiles } : {}),
      });
    }
  }
  return out;
}

interface SettingsConfig {
  prefix: string;
  caseSensitive: boolean;
  secrets: boolean;
  envFiles?: string[];
}

const ROOT: SettingsConfig = { prefix: '', caseSensitive: false, secrets: false };
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
    else if (key === 'secrets_dir') config.secrets = text !== 'None';
    else if (key === 'env_file') {
      if (text === 'None') config.envFiles = undefined;
      else {
        const items = value.type === 'tuple' || value.type === 'list' ? value.namedChildren.filter((n): n is Node => !!n) : [value];
        config.envFiles = items.map((n) => stringOf(n) ?? UNKNOWN_FILE);
      }
    }
  };
  for (const statement of body.namedChildren) {
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

/** `Field(…)` gives a default: a first argument other than `...`, or `default=`/`default_factory=` (not `default=...`). */
function fieldHasDefault(args: Node): boolean {
  const first = args.namedChildren[0];
  if (first && first.type !== 'keyword_argument') return first.type !== 'ellipsis';
  return args.namedChildren.some((a) => a?.type === 'keyword_argument' && /^default(?:_factory)?$/.test(a.childForFieldName('name')?.text ?? '') && a.childForFieldName('value')?.type !== 'ellipsis');
}
