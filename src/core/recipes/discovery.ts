import { posix } from 'node:path';
import { isComposeFile } from './compose';

export type RecipeFormat = 'kubernetes' | 'compose';

/**
 * Which files are recipes, by name and place alone (no reading): cheap enough to run on every file list.
 * Helm chart templates are Go templates, not YAML: they are never parsed.
 */
export function recipeFormatOf(file: string, allFiles: ReadonlySet<string>): RecipeFormat | undefined {
  if (!/\.ya?ml$/i.test(file)) return undefined;
  if (isComposeFile(file)) return 'compose';
  if (isHelmTemplate(file, allFiles)) return undefined;
  const base = posix.basename(file);
  // Files that are YAML but never Kubernetes objects.
  if (/^(\.|pnpm-lock|package-lock|mkdocs|codecov|\.?gitlab-ci|dependabot|action|openapi|swagger)/i.test(base)) return undefined;
  if (file.startsWith('.github/')) return undefined;
  return 'kubernetes';
}

function isHelmTemplate(file: string, allFiles: ReadonlySet<string>): boolean {
  const parts = file.split('/');
  const i = parts.lastIndexOf('templates');
  if (i < 0) return false;
  const chartDir = parts.slice(0, i).join('/');
  return allFiles.has(chartDir ? `${chartDir}/Chart.yaml` : 'Chart.yaml');
}

/** A YAML file with a parse error is only worth reporting when it was meant to be a recipe. */
export function looksLikeKubernetes(text: string): boolean {
  return /^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text);
}
