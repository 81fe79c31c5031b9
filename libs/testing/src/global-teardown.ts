import { stopLocalKafka } from './local-kafka';

/** Stops the broker only if the setup started it: a developer's running broker is left alone. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.WESTGATE_TEST_STARTED_KAFKA === '1') stopLocalKafka();
}
