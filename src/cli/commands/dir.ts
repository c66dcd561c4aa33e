import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../args';

export async function existingDir(dir: string, cwd: string): Promise<string> {
  const full = resolve(cwd, dir);
  const info = await stat(full).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${dir} is not a folder`);
  return full;
}
