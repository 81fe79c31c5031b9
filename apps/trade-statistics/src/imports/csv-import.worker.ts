/**
 * Worker thread of one CSV import (see csv-import.runner.ts): runs CsvImportPipeline on the
 * chunks the main thread posts, and answers each with the pipeline's output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EnvelopeContext } from '../declarations/declaration-messages';
import { CsvImportPipeline, type PipelineOutput } from './csv-import.pipeline';

type Request = { kind: 'chunk'; chunk: Uint8Array } | { kind: 'end' };
type Reply = { ok: true; output: PipelineOutput } | { ok: false; error: string };

const port = parentPort;
if (port) {
  const pipeline = new CsvImportPipeline(workerData as EnvelopeContext);
  port.on('message', (request: Request) => {
    let reply: Reply;
    try {
      reply = { ok: true, output: request.kind === 'chunk' ? pipeline.push(request.chunk) : pipeline.end() };
    } catch (error) {
      reply = { ok: false, error: (error as Error).stack ?? String(error) };
    }
    // The packed messages' bytes are moved to the main thread, not copied.
    port.postMessage(reply, reply.ok && reply.output.messages ? [reply.output.messages.bytes.buffer as ArrayBuffer] : []);
  });
}
