import { DEV_JWT_SECRET, resolveJwtSecret } from './jwt-secret';

const STRONG = 'x'.repeat(32);

describe('resolveJwtSecret', () => {
  it('uses AUTH_JWT_SECRET when set', () => {
    expect(resolveJwtSecret({ AUTH_JWT_SECRET: 'abc' })).toBe('abc');
  });

  it('falls back to the development default outside production', () => {
    expect(resolveJwtSecret({})).toBe(DEV_JWT_SECRET);
    expect(resolveJwtSecret({ NODE_ENV: 'test', AUTH_JWT_SECRET: '  ' })).toBe(DEV_JWT_SECRET);
  });

  it('refuses the development default in production, naming the variable', () => {
    expect(() => resolveJwtSecret({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET must be set in production/);
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', AUTH_JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /AUTH_JWT_SECRET/,
    );
  });

  it('refuses short secrets in production', () => {
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'short' })).toThrow(
      /AUTH_JWT_SECRET must be at least 32 characters/,
    );
    expect(resolveJwtSecret({ NODE_ENV: 'production', AUTH_JWT_SECRET: STRONG })).toBe(STRONG);
  });
});
