import { Client } from 'pg';
import type { Message, Producer } from 'kafkajs';
import type { MessagingLogger } from '../kafka/kafka-client';
import { messagingMetrics, reportOutboxBacklog } from '../metrics/messaging-metrics';
import { eventHeaders } from '../kafka/event-headers';

export const OUTBOX_CHANNEL = 'westgate_outbox';
// One relay per database publishes at a time (a session advisory lock), so that events leave
// in commit order per aggregate even with many replicas; the others stand by.
const RELAY_LOCK_KEY = 727_002;
/**
 * Every published row leaves a dead version behind, and the scan for pending rows walks past
 * their index entries until a vacuum removes them: at hundreds of events a second that grows to
 * most of the database's work within a minute (sooner where autovacuum lags or is off). So the
 * relay vacuums the outbox itself every this many changed rows; with the visibility map, a
 * vacuum reads only the pages changed since the last one.
 */
export const DEFAULT_VACUUM_EVERY_ROWS = 5_000;
// A vacuum paced by PostgreSQL's cost-based delay: spread out, it does not take a core from the
// requests for a quarter of a second at a time.
const VACUUM_COST_DELAY_MS = 2;
const INSUFFICIENT_PRIVILEGE = '42501';

export interface OutboxRelayOptions {
  serviceName: string;
  databaseUrl: string;
  batchSize: number;
  /** Fallback poll for a missed NOTIFY and for standby replicas to take over. */
  pollIntervalMs: number;
  /** Published rows are kept this long for inspection, then purged. */
  retainPublishedMs: number;
  /** The broker's name for a logical topic (see KafkaNames). */
  topicName?: (logical: string) => string;
  /** The relay vacuums the outbox after this many rows were published or purged; default 5,000. */
  vacuumEveryRows?: number;
  /**
   * How long a woken relay waits for more commits before it reads a batch; default 0. Woken by
   * every commit, a relay that reads at once publishes one or two rows per round (a read, a
   * produce request and a committed update each): at hundreds of commits a second that costs as
   * much as the requests themselves. A short linger gathers them into one round.
   */
  lingerMs?: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  payload: string;
  event_id: string;
  event_type: string;
  correlation_id: string;
  causation_id: string | null;
}

/**
 * Publishes committed outbox rows to Kafka in order and marks them published. At least once:
 * a crash between publish and mark republishes on restart, and consumers' inboxes absorb it.
 */
export class OutboxRelay {
  private client?: Client;
  private timer?: NodeJS.Timeout;
  private leader = false;
  private running?: Promise<void>;
  private rerun = false;
  private stopped = false;
  private lastPurge = 0;
  private changedSinceVacuum = 0;
  private vacuumRefused = false;
  private vacuuming?: Promise<void>;
  private stopReportingBacklog?: () => void;

  constructor(
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
    private readonly logger: MessagingLogger,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.client = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.serviceName}-outbox-relay` });
    this.client.on('notification', () => this.wake());
    this.client.on('error', (error) => this.onConnectionLost(error));
    await this.client.connect();
    // The scan for pending rows walks the partial index in order, which marks the entries of rows
    // published since as dead so that the next scan skips them; a bitmap scan (which the planner
    // picks for a small LIMIT) would fetch every dead row again until the next vacuum.
    await this.client.query('SET enable_bitmapscan = off');
    await this.client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.stopReportingBacklog = reportOutboxBacklog(this.options.serviceName, () => this.backlog());
    this.wake();
  }

  /** Finishes the batch in flight, then releases the connection (and with it the leadership). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.stopReportingBacklog?.();
    await this.running;
    await this.vacuuming;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
    this.leader = false;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /**
   * Events were committed in this process: the active relay publishes at once; a standby one
   * tells the active relay, wherever it runs, with a NOTIFY of its own (outside the writer's
   * transaction, so that commits never queue behind the notification lock).
   */
  nudge(): void {
    if (this.leader) return this.wake();
    this.client?.query(`NOTIFY ${OUTBOX_CHANNEL}`).catch(() => undefined);
  }

  /** Resolves when nothing is left to publish (tests and benchmarks wait on it). */
  async drained(): Promise<void> {
    this.wake();
    await this.running;
  }

  private wake(): void {
    if (this.stopped || !this.client) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.linger()
      .then(() => this.drain())
      .catch((error: Error) => this.logger.error(`outbox relay: ${error.message}`, error.stack, 'OutboxRelay'))
      .finally(() => {
        this.running = undefined;
        if (this.rerun && !this.stopped) {
          this.rerun = false;
          this.wake();
        }
      });
  }

  private async linger(): Promise<void> {
    const ms = this.options.lingerMs ?? 0;
    if (ms > 0 && !this.stopped) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private async drain(): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (!this.leader) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RELAY_LOCK_KEY]);
      this.leader = rows[0]?.ok === true;
      if (!this.leader) return;
      this.logger.log('outbox relay is the active publisher for this database', 'OutboxRelay');
    }
    for (;;) {
      this.rerun = false;
      while (!this.stopped && (await this.publishBatch(client)) === this.options.batchSize) {
        // a full batch: there may be more
      }
      if (!this.rerun || this.stopped) break;
      await this.linger();
    }
    await this.purgeOld(client);
    this.vacuumIfDue();
  }

  private async publishBatch(client: Client): Promise<number> {
    const { rows } = await client.query<OutboxRow>(
      `SELECT seq, topic, message_key, payload::text AS payload, id AS event_id, event_type,
              -- a row staged before the header columns existed (no correlation id): from its payload
              COALESCE(correlation_id, payload->>'correlationid') AS correlation_id,
              CASE WHEN correlation_id IS NULL THEN payload->>'causationid' ELSE causation_id END AS causation_id
         FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.options.batchSize],
    );
    if (rows.length === 0) return 0;
    await this.send(rows);
    await client.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]);
    this.changedSinceVacuum += rows.length;
    messagingMetrics.outboxPublished.inc({ service: this.options.serviceName }, rows.length);
    return rows.length;
  }

  /** Hands one batch to Kafka, topic by topic, keeping the outbox order within each topic. */
  protected async send(rows: readonly OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    const topicName = this.options.topicName ?? ((logical: string) => logical);
    for (const row of rows) {
      const topic = topicName(row.topic);
      const messages = byTopic.get(topic) ?? [];
      const headers = eventHeaders({
        id: row.event_id,
        type: row.event_type,
        correlationid: row.correlation_id,
        ...(row.causation_id ? { causationid: row.causation_id } : {}),
      });
      messages.push({ key: row.message_key, value: row.payload, headers });
      byTopic.set(topic, messages);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  /** Rows not yet published (the `westgate_outbox_backlog` gauge reads it at scrape time). */
  async backlog(): Promise<number> {
    const client = this.client;
    if (!client) return 0;
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
    return Number(rows[0]?.n ?? 0);
  }

  private async purgeOld(client: Client): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    const { rowCount } = await client.query(`DELETE FROM outbox WHERE published_at < now() - ($1::int * interval '1 millisecond')`, [
      this.options.retainPublishedMs,
    ]);
    this.changedSinceVacuum += rowCount ?? 0;
  }

  /** Starts a vacuum of the outbox when enough rows changed, on a connection of its own: publishing goes on meanwhile. */
  private vacuumIfDue(): void {
    if (this.vacuumRefused || this.vacuuming || this.changedSinceVacuum < (this.options.vacuumEveryRows ?? DEFAULT_VACUUM_EVERY_ROWS)) return;
    this.changedSinceVacuum = 0;
    this.vacuuming = this.vacuum().finally(() => (this.vacuuming = undefined));
  }

  private async vacuum(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.serviceName}-outbox-vacuum` });
    try {
      await client.connect();
      await client.query(`SET vacuum_cost_delay = ${VACUUM_COST_DELAY_MS}`);
      await client.query('VACUUM outbox');
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      // Not the table's owner: autovacuum alone keeps the outbox (say so once, then stop trying).
      if (code === INSUFFICIENT_PRIVILEGE) this.vacuumRefused = true;
      this.logger.warn(`outbox relay could not vacuum the outbox (${message})${this.vacuumRefused ? '; relying on autovacuum' : ''}`, 'OutboxRelay');
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private onConnectionLost(error: Error): void {
    if (this.stopped) return;
    this.logger.error(`outbox relay lost its database connection: ${error.message}; reconnecting`, error.stack, 'OutboxRelay');
    this.leader = false;
    if (this.timer) clearInterval(this.timer);
    const lost = this.client;
    this.client = undefined;
    void lost?.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.stopped) this.start().catch((e: Error) => this.onConnectionLost(e));
    }, this.options.pollIntervalMs).unref();
  }
}
