import { execFile } from 'node:child_process';

/** Runs git with an argument array (never through a shell) in `cwd`; resolves with stdout. */
export function runGit(cwd: string, args: string[], maxBuffer = 64 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (err, stdout, stderr) => {
      if (err) {
        const reason = (stderr || err.message).trim().split('\n')[0];
        reject(new Error(`git ${args[0]} failed: ${reason}`));
      } else {
        resolve(stdout);
      }
    });
  });
}
