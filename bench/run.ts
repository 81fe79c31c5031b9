/**
 * `npm run bench -- <name> [--quick]`: one benchmark against real services on this machine,
 * printing its figures next to a baseline measured in the same run (see ../shared BENCH.md).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLocalKafka, stopLocalKafka } from '@westgate/testing';
import { report, type Benchmark } from './report';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const name = args.find((arg) => !arg.startsWith('-'));
  const quick = args.includes('--quick');
  const available = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .map((file) => file.replace('.bench.ts', ''));
  if (!name || !existsSync(join(__dirname, `${name}.bench.ts`))) {
    console.error(`usage: npm run bench -- <${available.join('|')}> [--quick]`);
    process.exit(2);
  }
  // require, not import(): the benchmarks run through ts-node's CommonJS hook.
  const benchmark = require(`./${name}.bench`) as { default: Benchmark };
  // The services need the broker: the local one is started if none runs, and stopped after.
  const startedKafka = ensureLocalKafka();
  if (startedKafka) console.log('started the local Kafka broker (tools/kafka) for this run; it stops afterwards');
  try {
    const figures = await benchmark.default({ quick });
    report(name, figures, quick);
  } finally {
    if (startedKafka) stopLocalKafka();
  }
  process.exit(0);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
