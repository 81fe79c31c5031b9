import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const kafkaTools = join(__dirname, '..', '..', '..', 'tools', 'kafka');

/**
 * Makes sure the local broker (tools/kafka) runs, unless KAFKA_BROKERS names another one. True
 * when this call started it, so that the caller stops it again (a developer's broker is left alone).
 */
export function ensureLocalKafka(): boolean {
  if (process.env.KAFKA_BROKERS && process.env.KAFKA_BROKERS !== '127.0.0.1:9092') return false;
  const start = join(kafkaTools, 'start.sh');
  if (!existsSync(start)) throw new Error('tools/kafka/start.sh is missing');
  const output = execFileSync('bash', [start], { encoding: 'utf8' });
  return !/already/i.test(output);
}

export function stopLocalKafka(): void {
  execFileSync('bash', [join(kafkaTools, 'stop.sh')], { stdio: 'inherit' });
}
