import type { RecipeProblem } from '../model/environment';
import { readAppEngine, isAppEngineCandidate, looksLikeAppEngine } from './appEngine';
import { isComposeTemplate, readCompose } from './compose';
import { looksLikeCompose, looksLikeKubernetes, MAX_RECIPE_BYTES, type RecipeFormat } from './discovery';
import { readDotenv } from './dotenv';
import { readFly } from './fly';
import { HclParser } from './hcl';
import { helmPlacement, readHelmChart, readHelmValues } from './helm';
import { readKubernetes } from './kubernetes';
import { readKustomization, readPatchText } from './kustomize';
import { readServiceLinks } from './serviceLinks';
import { readProcfile } from './procfile';
import { emptyRecipeSet, type FileRecipes, type KustomizePatch } from './recipeTypes';
import { readSkaffold } from './skaffold';
import { terraformKindOf } from './terraform';
import { YamlSource } from './yamlSource';
import { posix } from 'node:path';

/** What a file is read as: a recipe format, or a helper file other recipes point at. */
export type ReadAs =
  | { format: RecipeFormat }
  | { format: 'dotenv' }
  | { format: 'kustomize-patch'; target?: KustomizePatch['target']; json6902?: boolean };

/**
 * Reads one file into the recipes it holds. Never throws: anything unexpected becomes a problem at the file's
 * first line and the rest of the workspace is still analysed.
 */
export async function parseRecipeFile(file: string, text: string, as: ReadAs, allFiles: ReadonlySet<string>): Promise<FileRecipes> {
  const recipes = emptyRecipeSet();
  const problems: RecipeProblem[] = [];
  if (text.length > MAX_RECIPE_BYTES) {
    const mb = (text.length / 2 ** 20).toFixed(1);
    problems.push({ location: start(file), message: `Not read: ${mb} MB is over the ${MAX_RECIPE_BYTES / 2 ** 20} MB limit for a recipe` });
    return { recipes, problems };
  }
  try {
    const yaml = (): YamlSource => {
      const src = new YamlSource(file, text);
      return src;
    };
    let src: YamlSource | undefined;
    switch (as.format) {
      case 'kubernetes':
        if (looksLikeKubernetes(text)) readKubernetes((src = yaml()), recipes);
        else if (isAppEngineCandidate(file) && looksLikeAppEngine(text)) readAppEngine((src = yaml()), recipes);
        // A Compose file not named like one (JHipster's src/main/docker/app.yml, a swarm stack.yml); not a template.
        else if (looksLikeCompose(text) && !isComposeTemplate(file)) readCompose((src = yaml()), recipes);
        break;
      case 'compose':
        readCompose((src = yaml()), recipes);
        break;
      case 'kustomize':
        readKustomization((src = yaml()), recipes);
        break;
      case 'helm-chart':
        readHelmChart((src = yaml()), recipes);
        break;
      case 'helm-values':
        readHelmValues((src = yaml()), recipes, helmPlacement(file, allFiles));
        break;
      case 'skaffold':
        readSkaffold((src = yaml()), recipes);
        break;
      case 'ops-lens-config':
        readServiceLinks((src = yaml()), recipes);
        break;
      case 'kustomize-patch': {
        const r = readPatchText(file, text, undefined, as.target, as.json6902);
        return { recipes: r.recipes, problems: r.problems };
      }
      case 'dotenv':
        recipes.dotenvs.push(readDotenv(file, text));
        break;
      case 'procfile':
        readProcfile(file, text, recipes);
        break;
      case 'fly':
        problems.push(...readFly(file, text, recipes));
        break;
      case 'terraform':
      case 'tfvars': {
        const parser = await HclParser.load();
        if (!parser) {
          problems.push({ location: start(file), message: 'Terraform not read: the HCL grammar could not be loaded', severity: 'warning' });
          break;
        }
        const hcl = parser.parse(file, text);
        problems.push(...hcl.problems);
        const dir = posix.dirname(file);
        recipes.terraform.push({ file, dir: dir === '' ? '.' : dir, kind: terraformKindOf(file) ?? 'tf', hcl: { blocks: hcl.blocks, attributes: hcl.attributes } });
        break;
      }
    }
    if (src) problems.push(...src.problems);
  } catch (e) {
    problems.push({ location: start(file), message: `Could not be read: ${String((e as Error)?.message ?? e).split('\n')[0]}` });
    return { recipes: emptyRecipeSet(), problems };
  }
  return { recipes, problems };
}

function start(file: string) {
  return { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/**
 * Parsed files by content: a file whose text has not changed is not parsed again, so the editor's rebuild after a
 * save costs one parse. Entries for files that disappear are dropped on the next build.
 */
export class RecipeCache {
  private readonly entries = new Map<string, { text: string; result: FileRecipes }>();
  hits = 0;
  misses = 0;

  async read(file: string, text: string, as: ReadAs, allFiles: ReadonlySet<string>, context = ''): Promise<FileRecipes> {
    // Helm values depend on whether a Chart.yaml sits beside them; the key carries what the result depends on.
    const key = `${as.format}|${file}|${context}|${'target' in as ? JSON.stringify(as.target ?? {}) + String(as.json6902) : ''}`;
    const hit = this.entries.get(key);
    if (hit && hit.text === text) {
      this.hits++;
      return hit.result;
    }
    this.misses++;
    const result = await parseRecipeFile(file, text, as, allFiles);
    this.entries.set(key, { text, result });
    return result;
  }

  /** Drops entries of files no longer in the workspace. */
  retain(files: ReadonlySet<string>): void {
    for (const key of this.entries.keys()) {
      const file = key.split('|')[1];
      if (!files.has(file)) this.entries.delete(key);
    }
  }
}
