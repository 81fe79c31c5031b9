/**
 * The development mail sink on its own:
 *   tools/runtime/ts-run.sh tools/smtp-sink/main.ts [--port 2525] [--http-port 2580] [--dir .local/mail] [--host 127.0.0.1]
 * Environment: SMTP_SINK_PORT, SMTP_SINK_HTTP_PORT, SMTP_SINK_DIR. Ctrl-C stops it.
 */
import { startSmtpSink } from './smtp-sink';

function option(name: string, env: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : process.env[env];
}

async function main(): Promise<void> {
  const port = Number(option('port', 'SMTP_SINK_PORT') ?? 2525);
  const httpPortText = option('http-port', 'SMTP_SINK_HTTP_PORT');
  const sink = await startSmtpSink({
    port,
    host: option('host', 'SMTP_SINK_HOST') ?? '127.0.0.1',
    dir: option('dir', 'SMTP_SINK_DIR') ?? '.local/mail',
    httpPort: httpPortText === 'off' ? false : Number(httpPortText ?? 2580),
  });
  console.log(`smtp-sink: SMTP on ${sink.smtpUrl} (SMTP_URL), mail kept in ${sink.dir}${sink.httpUrl ? `, listed at ${sink.httpUrl}` : ''}`);
  const stop = (): void => {
    void sink.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`smtp-sink: ${error.message}`);
  process.exit(1);
});
