import { HELP, parseArgs, UsageError } from './args';
import { check } from './commands/check';
import { releases } from './commands/releases';
import { services } from './commands/services';
import { snapshot } from './commands/snapshot';
import type { CliIo } from './io';
import { VERSION } from './version';

const COMMANDS: Record<string, (args: ReturnType<typeof parseArgs>, io: CliIo) => Promise<number>> = {
  check,
  releases,
  services,
  snapshot,
};

/** Runs one command; returns the exit code. Never throws: every failure becomes one line on stderr and code 2. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help' || args.flags.has('help')) {
      io.out(HELP);
      return 0;
    }
    if (args.command === 'version' || args.command === '--version' || args.flags.has('version')) {
      io.out(`ops-lens ${VERSION}\n`);
      return 0;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}" (see ops-lens help)`);
    return await command(args, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`ops-lens: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `ops-lens services | head`: the reader went away, which is not an error of ours. Stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
