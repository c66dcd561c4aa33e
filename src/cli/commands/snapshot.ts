import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NodeFileSystem } from '../../core/host/nodeFileSystem';
import { buildEnvironmentModel } from '../../core/recipes/environmentModel';
import { fetchSignals } from '../../core/signals/prometheusSignals';
import { serialiseSnapshot } from '../../core/signals/snapshot';
import { parseTime, UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import { prometheusClientFromEnv } from '../signalsOptions';
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
  const signals = await fetchSignals(client, model, { at });
  await writeFile(resolve(io.cwd, out), serialiseSnapshot(signals));
  const routes = signals.services.reduce((n, s) => n + s.routes.length, 0);
  io.err(`recorded ${signals.services.length} services, ${routes} routes at ${new Date(signals.evaluatedAt * 1000).toISOString()} into ${out} (${client.requestCount} requests)\n`);
  return 0;
}
