import { join } from 'node:path';
import type { FileSystem } from '../../../src/core/host/fileSystem';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import type { EnvironmentModel, Service, ServiceEnvironment } from '../../../src/core/model/environment';
import type { Range, SourceLocation } from '../../../src/core/model/location';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';

export const FIXTURES = join(__dirname, '../../fixtures');

/** [startLine, startChar] 0-based, the way the model stores positions. */
export function pos(loc: SourceLocation | { location: SourceLocation } | undefined): [string, number, number] | undefined {
  const l = loc && 'location' in loc ? loc.location : loc;
  return l && [l.file, l.range.start.line, l.range.start.character];
}

export function span(r: Range | undefined): [number, number, number, number] | undefined {
  return r && [r.start.line, r.start.character, r.end.line, r.end.character];
}

/** The model of a fixture folder, read from disk the way the CLI reads it (a fresh cache: every file parsed). */
export async function modelOf(fixture: string): Promise<EnvironmentModel> {
  const fs = new NodeFileSystem(join(FIXTURES, fixture));
  return buildEnvironmentModel(fs, await fs.listFiles(), { cache: new RecipeCache() });
}

export function memoryFs(files: Record<string, string>): FileSystem {
  return {
    readText: async (f) => {
      if (!(f in files)) throw new Error(`ENOENT ${f}`);
      return files[f];
    },
    listFiles: async () => Object.keys(files).sort(),
  };
}

export async function modelOfFiles(files: Record<string, string>): Promise<EnvironmentModel> {
  return buildEnvironmentModel(memoryFs(files), Object.keys(files).sort(), { cache: new RecipeCache() });
}

export function service(model: EnvironmentModel, name: string): Service {
  const s = model.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name} in ${model.services.map((x) => x.name).join(', ')}`);
  return s;
}

export function environment(s: Service, name: string, source?: string): ServiceEnvironment {
  const e = s.environments?.find((x) => x.name === name && (!source || x.source === source));
  if (!e) throw new Error(`no environment ${name} for ${s.name}: ${(s.environments ?? []).map((x) => `${x.name}/${x.source}`).join(', ')}`);
  return e;
}
