import { ChangeRefusal, type ChangeRequest } from './changeTypes';
import { folderOf } from './changeTargets';
import { literalType } from './changeValues';
import { patchHclValue, tfvarsFor } from './hclPatch';
import type { RecipePatch } from './patchTypes';
import { addTomlEnv, patchTomlValue } from './tomlPatch';
import { addYamlEnv, patchYamlValue } from './yamlPatch';

export interface RecipeTexts {
  /** The text Ops Lens patches: an open editor's (unsaved edits included) or the file's. */
  readText(file: string): Promise<string>;
  /** Every file of the folder (for a Terraform folder's `.tfvars`). */
  files: readonly string[];
}

/**
 * The recipe patch for a request, from the current texts; undefined for a free-text request (nothing to patch).
 * Throws a ChangeRefusal, with the reason, whenever the value cannot be changed on its own.
 */
export async function patchForRequest(request: ChangeRequest, texts: RecipeTexts): Promise<RecipePatch | undefined> {
  const t = request.target;
  if (t.kind === 'freeText') return undefined;
  if (t.kind === 'env' && !t.current) {
    if (!t.anchor || !t.envName) throw new ChangeRefusal('not-patchable', 'There is no env block in this environment to add the variable to: ask for it as a free-text request.', true);
    const text = await texts.readText(t.anchor.file);
    if (t.dialect === 'fly') return addTomlEnv(t.anchor.file, text, t.envName, request.to);
    if (t.dialect === 'terraform') throw new ChangeRefusal('not-patchable', 'Terraform container definitions are not edited by Ops Lens: ask for the variable as a free-text request.', true);
    return addYamlEnv(t.anchor.file, text, t.anchor.range.start, t.envName, request.to);
  }
  const loc = t.current?.location;
  if (!loc) throw new ChangeRefusal('not-patchable', `${t.label} is not set in any recipe of this environment: ask for it as a free-text request.`, true);
  if (t.kind === 'setting' && t.setting && t.setting.name.startsWith('-')) {
    throw new ChangeRefusal('not-patchable', `${t.label} is a flag inside a command line (${loc.file}:${loc.range.start.line + 1}): Ops Lens does not rewrite commands. Ask for it as a free-text request.`, true);
  }
  const text = await texts.readText(loc.file);
  const type = literalType(t);
  if (t.dialect === 'terraform') {
    const vars = tfvarsFor(texts.files, terraformFolder(loc.file), request.environment);
    return patchHclValue(loc.file, text, loc.range.start, request.to, type, { readText: (f) => texts.readText(f), tfvars: vars.all, ownTfvars: vars.own });
  }
  if (t.dialect === 'fly') return patchTomlValue(loc.file, text, loc.range.start, request.to, type);
  return patchYamlValue(loc.file, text, loc.range.start, request.to, type);
}

/** A `.tfvars` under `env/` belongs to the module one folder up. */
function terraformFolder(file: string): string {
  const dir = folderOf(file);
  return /(^|\/)(envs?|environments|vars|tfvars)$/.test(dir) && file.endsWith('.tfvars') ? folderOf(dir) : dir;
}
