import { acceptOrCreateCorrelationId } from './correlation-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('acceptOrCreateCorrelationId', () => {
  it.each(['abc', 'req-1:2.3_4', 'x'.repeat(128), '0b8c1e7e-0000-4000-8000-000000000000'])('accepts %s', (id) => {
    expect(acceptOrCreateCorrelationId(id)).toBe(id);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'x'.repeat(129)],
    ['spaces', 'a b'],
    ['a log-injection attempt', 'a\nlevel=error'],
    ['repeated headers', ['a', 'b']],
  ])('replaces %s with a new UUID', (_case, offered) => {
    expect(acceptOrCreateCorrelationId(offered)).toMatch(UUID);
  });
});
