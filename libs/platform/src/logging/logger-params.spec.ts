import { Writable } from 'node:stream';
import { pinoHttp, type Options } from 'pino-http';
import { createLoggerParams, requestLogLevel } from './logger-params';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const base = { serviceName: 'enterprise-registry', level: 'info', nodeEnv: 'development', tty: false };

describe('createLoggerParams', () => {
  it('stamps every line with the service and the current correlation id, and redacts authorization', () => {
    let current: string | undefined = 'corr-7';
    const params = createLoggerParams({ ...base, correlationId: () => current });
    const { stream, lines } = capture();
    const logger = pinoHttp(params.pinoHttp as Options, stream).logger;
    logger.info({ req: { headers: { authorization: 'Bearer secret-token', accept: '*/*' } } }, 'first');
    current = undefined;
    logger.info('second');
    const [first, second] = lines();
    expect(first).toMatchObject({ service: 'enterprise-registry', correlationId: 'corr-7', msg: 'first' });
    expect(JSON.stringify(first)).not.toContain('secret-token');
    expect(first['req']).toEqual({ headers: { authorization: '[redacted]', accept: '*/*' } });
    expect(second).not.toHaveProperty('correlationId');
    expect(typeof first['time']).toBe('string');
  });

  it('writes JSON lines unless on a terminal outside production', () => {
    const options = (tty: boolean, nodeEnv: string): Options =>
      createLoggerParams({ ...base, tty, nodeEnv, correlationId: () => undefined }).pinoHttp as Options;
    expect(options(false, 'development').transport).toBeUndefined();
    expect(options(true, 'production').transport).toBeUndefined();
    expect(options(true, 'development').transport).toMatchObject({ target: 'pino-pretty' });
  });
});

describe('requestLogLevel', () => {
  const level = (statusCode: number): string => requestLogLevel(statusCode);

  it('keeps successful requests at debug, client errors at info, server errors at error', () => {
    expect(level(200)).toBe('debug');
    expect(level(304)).toBe('debug');
    expect(level(404)).toBe('info');
    expect(level(503)).toBe('error');
  });
});
