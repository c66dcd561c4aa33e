import { posix } from 'node:path';
import { commandSettings } from './capacitySettings';
import { processRole } from './processRole';
import type { RecipeSet } from './recipeTypes';

export function isProcfile(file: string): boolean {
  return /(^|\/)Procfile(\.[\w-]+)?$/.test(file);
}

/**
 * A Procfile: one process per line (`web: gunicorn app:app --workers 4 --timeout 30`), with worker and timeout
 * flags read from the command. The folder holding the Procfile is the code it runs.
 */
export function readProcfile(file: string, text: string, into: RecipeSet): void {
  const dir = posix.dirname(file);
  const folder = dir === '.' ? '' : posix.basename(dir);
  const suffix = /Procfile\.([\w-]+)$/.exec(file)?.[1];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^([A-Za-z0-9_-]+)\s*:\s*(\S.*)$/.exec(line);
    if (!m) return;
    const [, type, command] = m;
    // Heroku's release phase (migrations, seeds) runs once per deploy, before the new processes start: not a service.
    if (type === 'release') return;
    const commandStart = line.indexOf(command, type.length + 1);
    const location = { file, range: { start: { line: i, character: 0 }, end: { line: i, character: type.length } } };
    const commandLine = {
      value: command,
      location: { file, range: { start: { line: i, character: commandStart }, end: { line: i, character: commandStart + command.length } } },
    };
    // At the root the process type names the service; in a folder, the folder does (its `web` process) .
    const name = folder ? (type === 'web' ? folder : `${folder}-${type}`) : type;
    into.plain.push({
      format: 'procfile',
      kind: 'procfile/process',
      name,
      environment: suffix ?? 'default',
      location,
      settings: commandSettings(commandLine, true),
      env: {},
      codeRoot: {
        root: dir === '' ? '.' : dir,
        reason: `the Procfile in ${dir === '.' ? 'the root folder' : dir} runs process "${type}" from that folder`,
        evidence: location,
        // Heroku routes HTTP to the web process only; other names say what they do by their command.
        role: type === 'web' ? 'requests' : processRole(type, command),
      },
    });
  });
}
