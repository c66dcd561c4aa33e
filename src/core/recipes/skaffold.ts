import { posix } from 'node:path';
import { normalise } from './compose';
import type { RecipeSet } from './recipeTypes';
import { asString, type YamlSource } from './yamlSource';

export function isSkaffoldFile(file: string): boolean {
  return /(^|\/)skaffold(\.[\w-]+)?\.ya?ml$/.test(file);
}

/** Skaffold build artifacts: each image name and the folder it is built from (`context`, default the file's folder). */
export function readSkaffold(src: YamlSource, into: RecipeSet): void {
  const dir = posix.dirname(src.file);
  for (const doc of src.documents) {
    if (!asString(src.scalar(doc, ['apiVersion']))?.value.startsWith('skaffold/')) continue;
    const lists = [src.items(doc, ['build', 'artifacts'])];
    for (const profile of src.items(doc, ['profiles'])) lists.push(src.items(profile, ['build', 'artifacts']));
    for (const artifacts of lists) {
      for (const a of artifacts) {
        const image = asString(src.scalar(a, ['image']));
        if (!image) continue;
        let context = normalise(posix.join(dir, asString(src.scalar(a, ['context']))?.value ?? '.'));
        // Jib building one module of a multi-module project from a wider context (bank-of-anthos's ledger services:
        // `context: ../../../`, `jib.project: src/ledger/balancereader`): the module is the code. A project named by
        // artifact (`:balancereader`) says no folder.
        const project = asString(src.scalar(a, ['jib', 'project']))?.value;
        if (project && project.includes('/') && !project.includes(':')) context = normalise(posix.join(context, project));
        if (context.startsWith('..')) continue;
        if (into.skaffold.some((s) => s.image.value === image.value && s.context === context)) continue;
        into.skaffold.push({ format: 'skaffold', image, context, location: image.location });
      }
    }
  }
}
