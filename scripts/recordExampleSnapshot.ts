// Re-records examples/shop/.ops-lens/signals-snapshot.json from the test Prometheus (generated production data),
// so `npm start` and the example's editor setting work with no backend.
//   node --import tsx scripts/recordExampleSnapshot.ts
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { startPrometheus } from '../test/support/prometheus';

async function main(): Promise<void> {
  const prom = await startPrometheus({ profile: 'shop' });
  try {
    const root = join(__dirname, '..');
    const code = await runCli(
      ['snapshot', 'examples/shop', '--prometheus', prom.url, '--at', String(prom.end), '--out', 'examples/shop/.ops-lens/signals-snapshot.json'],
      { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: {}, cwd: root },
    );
    process.exitCode = code;
  } finally {
    await prom.stop();
  }
}

void main();
