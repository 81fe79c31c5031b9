import { Logger } from '@nestjs/common';

export interface PollingWorkerSettings {
  /** How long to wait before looking again when nothing was due. */
  intervalMs: number;
  /** Items processed at the same time. */
  concurrency: number;
  /** How often to report the backlog. */
  backlogIntervalMs?: number;
}

/**
 * Takes due work from the database and processes it, `concurrency` items at a time, without ever
 * waiting for a slow item before taking the next: each free slot is filled as soon as it frees.
 * `claim` must be safe with several replicas (the subclasses use FOR UPDATE SKIP LOCKED and a
 * lease). `stop` lets the items in flight finish.
 */
export abstract class PollingWorker<T> {
  protected readonly logger: Logger;
  private readonly inFlight = new Set<Promise<void>>();
  private running?: Promise<void>;
  private stopped = true;
  private wakeUp?: () => void;
  private lastBacklog = 0;

  protected constructor(
    name: string,
    private readonly settings: PollingWorkerSettings,
  ) {
    this.logger = new Logger(name);
  }

  /** Takes up to `limit` due items, leased to this worker. */
  protected abstract claim(limit: number): Promise<T[]>;

  /** Delivers one item and records the outcome; should not throw (it is logged if it does). */
  protected abstract process(item: T): Promise<void>;

  /** Reports how much is waiting (metrics). */
  protected abstract reportBacklog(): Promise<void>;

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.running;
    this.running = undefined;
  }

  /** Look for work now rather than at the next interval. */
  poke(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const free = this.settings.concurrency - this.inFlight.size;
      let claimed: T[] = [];
      if (free > 0) {
        try {
          claimed = await this.claim(free);
        } catch (error) {
          this.logger.error(`could not take due work: ${(error as Error).message}`, (error as Error).stack);
        }
      }
      for (const item of claimed) this.track(item);
      await this.maybeReportBacklog();
      // A full claim means more may be due: go on at once; otherwise wait for a slot or the interval.
      if (free > 0 && claimed.length === free) continue;
      await this.sleep(this.settings.intervalMs);
    }
    await Promise.all(this.inFlight);
  }

  private track(item: T): void {
    const task: Promise<void> = this.process(item)
      .catch((error: Error) => this.logger.error(`processing failed: ${error.message}`, error.stack))
      .finally(() => {
        this.inFlight.delete(task);
        this.wakeUp?.();
      });
    this.inFlight.add(task);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async maybeReportBacklog(): Promise<void> {
    const every = this.settings.backlogIntervalMs ?? 5_000;
    if (Date.now() - this.lastBacklog < every) return;
    this.lastBacklog = Date.now();
    await this.reportBacklog().catch((error: Error) => this.logger.warn(`backlog not measured: ${error.message}`));
  }
}
