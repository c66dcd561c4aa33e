import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { NodeFileSystem } from '../../core/host/nodeFileSystem';
import { buildEnvironmentModel } from '../../core/recipes/environmentModel';
import { fetchSignals } from '../../core/signals/prometheusSignals';
import { DEFAULT_HISTORY } from '../../core/signals/routeHistory';
import { serialiseSnapshot } from '../../core/signals/snapshot';
import { parseTime, UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import { fetchOptionsFromArgs, prometheusClientFromEnv } from '../signalsOptions';
import { existingDir } from './dir';

/** Records what `check` needs, so `check --snapshot FILE` gives the same warnings offline. */
export async function snapshot(args: ParsedArgs, io: CliIo): Promise<number> {
  const dir = await existingDir(args.positional[0] ?? '.', io.cwd);
  const url = args.flags.get('prometheus');
  const out = args.flags.get('out');
  if (!url) throw new UsageError('snapshot needs --prometheus URL');
  if (!out) throw new UsageError('snapshot needs --out FILE');
  const at = args.flags.has('at') ? parseTime(args.flags.get('at')!) : undefined;
  const fs = new NodeFileSystem(dir);
  const model = await buildEnvironmentModel(fs, await fs.listFiles());
  const client = prometheusClientFromEnv(url, io.env);
  // A snapshot carries each route's last hours too, so hovers offline show the same charts.
  const signals = await fetchSignals(client, model, { at, history: DEFAULT_HISTORY, ...(await fetchOptionsFromArgs(args, fs, io)) });
  // Written beside the target, then renamed: an interrupted run never leaves half a snapshot behind.
  const target = resolve(io.cwd, out);
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, serialiseSnapshot(signals));
  await rename(partial, target);
  const routes = signals.services.reduce((n, s) => n + s.routes.length, 0);
  io.err(
    `recorded ${signals.services.length} services, ${routes} routes at ${new Date(signals.evaluatedAt * 1000).toISOString()} over ${signals.window} into ${out} (${client.requestCount} requests)\n`,
  );
  for (const note of signals.notes) io.err(`  note: ${note}\n`);
  return 0;
}
