import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  at: number;
  headers: IncomingHttpHeaders;
  /** The exact bytes received, as text. */
  body: string;
}

/** What the receiver does with the n-th request (1-based): answer with a status, or never answer. */
export type Script = (n: number, request: ReceivedRequest) => number | 'hang';

/** A real HTTP server standing in for a webhook receiver, recording what it gets. */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly hanging: ServerResponse[] = [];
  private server?: Server;
  url = '';

  constructor(private script: Script = () => 200) {}

  respondWith(script: Script): void {
    this.script = script;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { at: Date.now(), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(received);
        const answer = this.script(this.requests.length, received);
        if (answer === 'hang') {
          this.hanging.push(response);
          return;
        }
        response.writeHead(answer, { 'content-type': 'text/plain' });
        response.end(answer < 300 ? 'ok' : 'not now');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/westgate`;
    return this;
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
