import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EnvelopeContext } from '../declarations/declaration-messages';
import { CsvImportPipeline, type PipelineOutput } from './csv-import.pipeline';

/** One import's CsvImportPipeline, in a worker thread or in this one. */
export interface CsvImportRunner {
  push(chunk: Buffer): Promise<PipelineOutput>;
  end(): Promise<PipelineOutput>;
  close(): Promise<void>;
}

const WORKER_FILE = join(__dirname, 'csv-import.worker.js');

/**
 * Parsing and checking a big upload is most of the CPU an import costs; in a worker thread it
 * runs beside the main thread's publishing and ingesting instead of taking turns with them. The
 * worker exists only in the compiled service (dist/): run from TypeScript sources (tests,
 * ts-node) the pipeline runs in-process, the same code.
 */
export function createCsvImportRunner(context: EnvelopeContext): CsvImportRunner {
  return existsSync(WORKER_FILE) ? new WorkerRunner(context) : new InProcessRunner(context);
}

class InProcessRunner implements CsvImportRunner {
  private readonly pipeline: CsvImportPipeline;

  constructor(context: EnvelopeContext) {
    this.pipeline = new CsvImportPipeline(context);
  }

  async push(chunk: Buffer): Promise<PipelineOutput> {
    return this.pipeline.push(chunk);
  }

  async end(): Promise<PipelineOutput> {
    return this.pipeline.end();
  }

  async close(): Promise<void> {
    // nothing to release
  }
}

class WorkerRunner implements CsvImportRunner {
  private readonly worker: Worker;
  /** Requests are answered in order: one pending reply at a time per request sent. */
  private readonly waiting: Array<{ resolve: (output: PipelineOutput) => void; reject: (error: Error) => void }> = [];
  private failure?: Error;

  constructor(context: EnvelopeContext) {
    // Its own heap, capped: a batch in the making and one handed over are all it holds (~25 MB).
    this.worker = new Worker(WORKER_FILE, { workerData: context, resourceLimits: { maxOldGenerationSizeMb: 40, maxYoungGenerationSizeMb: 8 } });
    this.worker.on('message', (reply: { ok: true; output: PipelineOutput } | { ok: false; error: string }) => {
      const next = this.waiting.shift();
      if (!next) return;
      if (reply.ok) next.resolve(reply.output);
      else next.reject(new Error(`CSV import worker failed: ${reply.error}`));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const next of this.waiting.splice(0)) next.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`CSV import worker exited with ${code}`));
    });
  }

  push(chunk: Buffer): Promise<PipelineOutput> {
    // The bytes are copied out of Node's pooled buffer once, then moved (not copied) to the worker.
    const bytes = new Uint8Array(chunk);
    return this.request({ kind: 'chunk', chunk: bytes }, [bytes.buffer]);
  }

  end(): Promise<PipelineOutput> {
    return this.request({ kind: 'end' }, []);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private request(message: object, transfer: ArrayBuffer[]): Promise<PipelineOutput> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }
}
