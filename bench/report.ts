import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export type Figures = Record<string, number>;

export interface BenchOptions {
  quick: boolean;
}

/** A benchmark: runs against real services on this machine and returns its figures. */
export type Benchmark = (options: BenchOptions) => Promise<Figures>;

/** Prints the figures for a person and writes bench/results/<name>.json (BENCH.md). */
export function report(name: string, figures: Figures, quick: boolean): void {
  const result = {
    name,
    at: new Date().toISOString(),
    cpus: cpus().length,
    node: process.version,
    quick,
    figures,
    command: `npm run bench -- ${name}${quick ? ' --quick' : ''}`,
  };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${name}${quick ? ' (quick)' : ''}:`);
  for (const [key, value] of Object.entries(figures)) {
    console.log(`  ${key.padEnd(24)} ${Number.isInteger(value) ? value : value.toFixed(3)}`);
  }
  console.log(`  → bench/results/${name}.json`);
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
