import { posix } from 'node:path';
import { isComposeFile, isComposeTemplate } from './compose';
import { isFlyToml } from './fly';
import { isChartFile, isHelmValuesFile } from './helm';
import { isKustomizationFile } from './kustomize';
import { OPS_LENS_YAML } from '../config/opsLensConfig';
import { isProcfile } from './procfile';
import { isSkaffoldFile } from './skaffold';

/**
 * `kubernetes` stands for "YAML that may be a recipe": its content decides between a Kubernetes manifest, an
 * App Engine app.yaml, or nothing at all (most YAML in a repository is not a recipe and is skipped quietly).
 */
export type RecipeFormat =
  | 'kubernetes'
  | 'compose'
  | 'kustomize'
  | 'helm-chart'
  | 'helm-values'
  | 'skaffold'
  | 'terraform'
  | 'tfvars'
  | 'fly'
  | 'procfile'
  | 'ops-lens-config';

/** Recipe files larger than this are refused with a problem instead of parsed (generated bundles, data). */
export const MAX_RECIPE_BYTES = 2 * 1024 * 1024;

/** Names a recipe can have: the file walk keeps these even when they are too large, so the refusal can be shown. */
export const RECIPE_NAME = /(\.ya?ml|\.tf|\.tfvars|\.toml|(^|\/)Procfile(\.[\w-]+)?|(^|\/)Kustomization)$/i;

const TEST_FOLDER = /(^|\/)(tests?|__tests__|e2e|e2e[-_]tests?|testdata|test-?fixtures|integration-tests?|benchmarks?|load-?tests?)\//;

/**
 * Which files are recipes, by name and place alone (no reading): cheap enough to run on every file list.
 * Helm chart templates are Go templates, not YAML: they are never parsed.
 */
export function recipeFormatOf(file: string, allFiles: ReadonlySet<string>): RecipeFormat | undefined {
  if (file === OPS_LENS_YAML) return 'ops-lens-config';
  if (isProcfile(file)) return 'procfile';
  if (isFlyToml(file)) return 'fly';
  // What tests and benchmarks bring up (Sock Shop front-end's test/docker-compose.yml, Terratest's test/fixtures/*.tf,
  // karakeep's packages/e2e_tests and packages/benchmarks): not how the service is deployed. Kustomize variants kept
  // in tests/ are still environments (microservices-demo's).
  const test = TEST_FOLDER.test(file);
  if (file.endsWith('.tf')) return test ? undefined : 'terraform';
  if (file.endsWith('.tfvars')) return test ? undefined : 'tfvars';
  if (!/\.ya?ml$/i.test(file) && !/(^|\/)Kustomization$/.test(file)) return undefined;
  // Hidden folders (.github, .vscode, .ops-lens) hold CI, editor and tool settings, never deployments.
  if (file.startsWith('.') || file.includes('/.')) return undefined;
  if (isComposeFile(file)) return test || isComposeTemplate(file) ? undefined : 'compose';
  if (isKustomizationFile(file)) return 'kustomize';
  if (isHelmTemplate(file, allFiles)) return undefined;
  if (isChartFile(file)) return 'helm-chart';
  if (isSkaffoldFile(file)) return 'skaffold';
  if (isHelmValuesFile(file, allFiles)) return 'helm-values';
  const base = posix.basename(file);
  // Files that are YAML but never Kubernetes objects.
  if (/^(pnpm-lock|package-lock|yarn|mkdocs|codecov|gitlab-ci|dependabot|action|openapi|swagger|buf|cloudbuild|renovate|pubspec|environment|conda|\.?pre-commit)/i.test(base)) return undefined;
  return 'kubernetes';
}

function isHelmTemplate(file: string, allFiles: ReadonlySet<string>): boolean {
  const parts = file.split('/');
  const i = parts.lastIndexOf('templates');
  if (i < 0) return false;
  const chartDir = parts.slice(0, i).join('/');
  const prefix = chartDir ? `${chartDir}/` : '';
  return allFiles.has(`${prefix}Chart.yaml`) || allFiles.has(`${prefix}Chart.yml`);
}

/** A YAML file with a parse error is only worth reporting when it was meant to be a recipe. */
export function looksLikeKubernetes(text: string): boolean {
  return /^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text);
}

/** A top-level `services:` map whose entries run an `image:` or a `build:`: Compose, whatever the file's name. */
export function looksLikeCompose(text: string): boolean {
  // The first entry under `services:` is a name with its map below (`  app:`), not a list item (`  - postgres`).
  const first = /^services:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*[ \t]+[^\s#-][^:\n]*:[ \t]*(?:#.*)?$/m.test(text);
  return first && /^[ \t]{2,}(?:image|build):/m.test(text);
}

/** Dockerfiles (`Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`): folders that build images. */
export function isDockerfile(file: string): boolean {
  // (`dockerfile` too: Docker reads it when there is no `Dockerfile`, and RuoYi-Cloud names its so.)
  return /(^|\/)(Dockerfile|Containerfile)(\.[\w-]+)*$|(^|\/)dockerfile$|\.(Dockerfile|dockerfile)$/.test(file);
}
